"""Every use of Whoosh's private internals, in one place (pinned by ``test_whoosh_access.py``).

Written against whoosh-reloaded 2.7.5 (``WHOOSH_VERSION``). What is private here:

* :func:`read_postings` decodes a term's posting list block by block through the terms reader
  (``reader._terms``) and the W3 leaf matcher's block methods (``_read_ids``, ``_read_weights``,
  ``_goto``, ``_atend``, ``_lastblock``, ``_nextoffset``, ``_ids``, ``_weights``): one Python call
  per block of 128 postings instead of three per posting through the public matcher;
* :func:`lean_codec` turns off the W3 codec's ``length_stats``.

The rest of the package talks to Whoosh through its public API or through these functions.
"""
from __future__ import annotations

from pathlib import Path

import whoosh
from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher
from whoosh.filedb.filestore import FileStorage

WHOOSH_VERSION = (2, 7, 5)  # the version these internals were checked against


def open_readonly(path: Path):
    """The index in ``path``, opened without mmap.

    Whoosh copies a mapped file into memory, which doubled the resident size of a worker, while the
    engine reads postings only on a cache miss."""
    return FileStorage(str(path), readonly=True, supports_mmap=False).open_index()


def segment_leaves(searcher) -> list[tuple[object, int]]:
    """(segment reader, docnum offset) of each segment the searcher reads."""
    return [(r, o) for r, o in searcher.reader().leaf_readers() if r.segment() is not None]


def segment_id(reader) -> str:
    return reader.segment().segment_id()


def deleted_docs(reader) -> frozenset[int] | set[int]:
    """The segment's deleted docnums (empty when it has none)."""
    if not reader.has_deletions():
        return frozenset()
    return reader.deleted_docs_set


def read_postings(reader, fieldname: str, text: str) -> tuple[list[int], list[float]]:
    """All (docnum, weight) of a term in one segment, block by block (no per-posting calls)."""
    tbytes = text.encode("utf-8")
    try:
        if (fieldname, tbytes) not in reader:
            return [], []
        matcher = reader._terms.matcher(fieldname, tbytes, reader.schema[fieldname].format)
    except Exception:  # noqa: BLE001  (unknown term/field)
        return [], []
    ids: list[int] = []
    weights: list[float] = []
    if isinstance(matcher, W3LeafMatcher):
        while not matcher._atend:
            matcher._read_ids()
            matcher._read_weights()
            ids.extend(matcher._ids)
            weights.extend(matcher._weights)
            if matcher._lastblock:
                break
            matcher._goto(matcher._nextoffset)
        return ids, weights
    while matcher.is_active():  # postings inlined in the term info (a single document)
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


def lean_codec() -> W3Codec:
    """Whoosh's default codec without per-document field lengths.

    No field is ``scorable`` (the engine keeps lengths in ``meta``), so there is no length column,
    yet with ``length_stats`` on Whoosh asks for one for every posting it writes, and each ask is a
    ``stat()`` of the missing column file: about two thirds of the time of writing a segment. The
    segment pickles this codec instance, a plain ``W3Codec``, so readers need nothing special."""
    codec = W3Codec()
    codec.length_stats = False
    return codec


def open_writer(ix, **kwargs):
    return ix.writer(codec=lean_codec(), **kwargs)


def installed_version() -> tuple[int, ...]:
    return tuple(whoosh.__version__[:3])

"""Every use of Whoosh's private internals, in one place (pinned by ``test_whoosh_access.py``).

Written against whoosh-reloaded 2.7.5 (``WHOOSH_VERSION``). What is private here:

* :func:`read_postings` decodes a term's posting list block by block through the terms reader
  (``reader._terms``) and the W3 leaf matcher's block data (``_read_data``, ``_data``,
  ``_blocklength``, ``_goto``, ``_atend``, ``_lastblock``, ``_nextoffset``), the ids summed by
  numpy: a few Python calls per block instead of several per posting through the public matcher;
* :func:`lean_codec` turns off the W3 codec's ``length_stats``;
* :func:`write_segment` writes a whole segment from postings already sorted in numpy arrays, with
  the codec's own per-document and field writers, but with the posting blocks encoded here
  (``W3PostingsWriter._write_block``'s format: a pickled, zlib-compressed tuple of delta-encoded
  ids, weights and values after a pickled block header) and the term infos filled in directly;
  :func:`commit_segments` writes the table of contents naming those segments.

The rest of the package talks to Whoosh through its public API or through these functions.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from pickle import dumps

import numpy as np
import whoosh
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3LeafMatcher, W3TermInfo
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Existence, Frequency
from whoosh.index import TOC, clean_files
from whoosh.system import pack_ushort
from whoosh.util.numeric import length_to_byte

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


def read_postings(reader, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    """All (docnums, weights) of a term in one segment, as int64 and float32 arrays: each block
    decompressed and unpickled by the matcher (``_read_data``), its delta-encoded ids summed by numpy
    (Whoosh's ``_read_ids`` decodes them one by one in Python)."""
    tbytes = text.encode("utf-8")
    try:
        if (fieldname, tbytes) not in reader:
            return _NO_IDS, _NO_WEIGHTS
        matcher = reader._terms.matcher(fieldname, tbytes, reader.schema[fieldname].format)
    except Exception:  # noqa: BLE001  (unknown term/field)
        return _NO_IDS, _NO_WEIGHTS
    if isinstance(matcher, W3LeafMatcher):
        ids: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        while not matcher._atend:
            matcher._read_data()
            deltas, block_weights = matcher._data[0], matcher._data[1]
            count = matcher._blocklength
            ids.append(np.cumsum(np.asarray(deltas, dtype=np.int64)))  # the first id is absolute
            if block_weights is None:
                weights.append(np.ones(count, dtype=np.float32))
            elif isinstance(block_weights, float):
                weights.append(np.full(count, block_weights, dtype=np.float32))
            else:
                weights.append(np.asarray(block_weights, dtype=np.float32))
            if matcher._lastblock:
                break
            matcher._goto(matcher._nextoffset)
        if not ids:
            return _NO_IDS, _NO_WEIGHTS
        return np.concatenate(ids), np.concatenate(weights)
    id_list, weight_list = [], []
    while matcher.is_active():  # postings inlined in the term info (a single document)
        id_list.append(matcher.id())
        weight_list.append(matcher.weight())
        matcher.next()
    return np.asarray(id_list, dtype=np.int64), np.asarray(weight_list, dtype=np.float32)


_NO_IDS, _NO_WEIGHTS = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)


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


# --- writing a segment from arrays ---------------------------------------------------------


@dataclass
class FieldPostings:
    """One field's postings, grouped by term: ``terms`` sorted as UTF-8 bytes, the postings of
    ``terms[i]`` at ``starts[i]:starts[i + 1]`` of ``docs`` (ascending in each term) and ``freqs``."""

    terms: list[bytes]
    starts: np.ndarray
    docs: np.ndarray
    freqs: np.ndarray


BULK_BLOCK = 1024  # postings per block in a bulk-written segment (Whoosh's writer: 128)


def write_segment(ix, doc_count: int, stored: Iterable[dict], postings: dict[str, FieldPostings],
                  block: int = BULK_BLOCK):
    """A new compound segment of ``ix`` holding ``doc_count`` documents (docnums from 0): their
    stored fields (``stored``, one dict per document, in order) and ``postings``. Returns the
    segment, to be named in the index by :func:`commit_segments`.

    The result reads exactly like a segment of Whoosh's own writer given the same documents
    (``test_bulk_build.py`` compares them), with ``block`` postings per block: a block's size is
    in its header, and bigger blocks mean fewer Python calls to write and to read a posting list.
    Only ``Existence`` and ``Frequency`` fields without field lengths (not ``scorable``)."""
    storage, schema, codec = ix.storage, ix.schema, lean_codec()
    segment = codec.new_segment(storage, ix.indexname)
    perdoc = codec.per_document_writer(storage, segment)
    count = 0
    for count, values in enumerate(stored, 1):
        perdoc.start_doc(count - 1)
        for name, value in values.items():
            perdoc.add_field(name, schema[name], value, 0)
        perdoc.finish_doc()
    if count != doc_count:
        raise ValueError(f"{count} stored documents for {doc_count}")
    perdoc.close()
    fields = codec.field_writer(storage, segment)
    for name in sorted(postings):
        fieldobj = schema[name]
        fp = postings[name]
        if fieldobj.scorable or not isinstance(fieldobj.format, (Existence, Frequency)):
            raise ValueError(f"field {name!r}: only unscored Existence/Frequency fields")
        fields.start_field(name, fieldobj)
        _write_field(fields, fieldobj.format, fp, block, codec._compression)
        fields.finish_field()
    fields.close()
    segment.set_doc_count(doc_count)
    segment.create_compound_file(storage)
    segment.compound = True
    return segment


def _write_field(fields, fmt, fp: FieldPostings, blocklimit: int, compression: int) -> None:
    """The blocks of ``W3PostingsWriter._write_block``, with two differences: when every weight is a
    whole number (counts × a boost of 1) a block's weights are pickled as ints, not floats
    (``W3LeafMatcher._read_weights`` hands them on as they are; 2 bytes a posting instead of 9);
    blocks are compressed with an 8 KB window (any zlib stream decompresses with the default one)."""
    postfile = fields._postfile
    boost = float(fmt.field_boost)
    with_values = isinstance(fmt, Frequency)
    starts = fp.starts.tolist()
    docs = fp.docs.astype(np.int64)
    if with_values:  # Frequency postings weigh freq × boost (as floats for Whoosh's writer)
        weights = fp.freqs.astype(np.int64) if boost == 1.0 else (fp.freqs * np.float32(boost)).astype(np.float32)
        values = fp.freqs.astype(">u4").tobytes()
    else:  # Existence postings weigh the field boost
        weights = np.full(len(docs), boost, dtype=np.float32)
        values = b""
    deltas = np.empty_like(docs)
    if len(docs):
        deltas[0] = docs[0]
        np.subtract(docs[1:], docs[:-1], out=deltas[1:])
    deltas = deltas.tolist()
    docs_list = docs.tolist()
    weights = weights.tolist()
    write, write_int, tell = postfile.write, postfile.write_int, postfile.tell
    tindex_add, prefix = fields._tindex.add, pack_ushort(fields._fieldid)
    no_length = length_to_byte(None), length_to_byte(0)
    for t, term in enumerate(fp.terms):
        a, b = starts[t], starts[t + 1]
        if a == b:
            continue
        info = W3TermInfo()  # no lengths: minlength None, maxlength 0, as Whoosh leaves them
        offset = tell()
        write(WHOOSH3_HEADER_MAGIC)
        total, maxweight = 0.0, 0
        for lo in range(a, b, blocklimit):
            hi = min(lo + blocklimit, b)
            ids = deltas[lo:hi]
            ids[0] = docs_list[lo]  # each block starts from 0
            w = weights[lo:hi]
            top, low = max(w), min(w)
            if low == top == 1:
                mini_w = None
            elif low == top:
                mini_w = float(w[0])
            else:
                mini_w = tuple(w)
            databytes = dumps((tuple(ids), mini_w, values[4 * lo:4 * hi] if with_values else None), 2)
            if compression:  # an 8 KB window: as small as a block, 3× less set-up than the default
                packer = zlib.compressobj(compression, zlib.DEFLATED, 13, 5)
                databytes = packer.compress(databytes) + packer.flush()
            infobytes = dumps((hi - lo, docs_list[hi - 1], float(top), compression) + no_length, 2)
            length = len(infobytes) + len(databytes)
            write_int(-length if hi == b else length)
            write(infobytes)
            write(databytes)
            total += sum(w)
            maxweight = max(maxweight, top)
        info._weight, info._df, info._maxweight = total, b - a, float(maxweight)
        info._minid, info._maxid = docs_list[a], docs_list[b - 1]
        info.set_extent(offset, tell() - offset)
        tindex_add(prefix + term, info.to_bytes())


def commit_segments(ix, segments: list) -> None:
    """Make ``segments`` the index's content (a new generation of its table of contents)."""
    generation = ix.latest_generation() + 1
    TOC(ix.schema, segments, generation).write(ix.storage, ix.indexname)
    clean_files(ix.storage, ix.indexname, generation, segments)

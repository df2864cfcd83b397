"""Building a whole index at once: postings counted and sorted in numpy, written as segments.

Whoosh's writer hands every posting through Python several times (the field's ``index()``, its
sorting pool with temporary runs, the codec's per-posting checks): about 11 µs a posting, 97 s for
10,000 documents. Here each document costs a C-speed word count (``findall`` + ``Counter``) and
three ``array.extend`` calls; the words are mapped to the index's terms once per distinct spelling,
and at the end of a chunk the (term, document, count) triples of every field are combined and
ordered with numpy and written by :func:`whoosh_access.write_segment`.

A chunk (``CHUNK_WORDS`` distinct words of document texts, about 4,300 documents of the benchmark)
becomes one segment, so memory stays bounded; the engine reads several segments as one. While a
chunk is written, by a forked process, the next one is read from the database and counted. The result
holds the very terms and counts ``documents.document_fields`` gives Whoosh's writer (the tests
compare the two builds posting by posting).
"""
from __future__ import annotations

import os
import pickle
import traceback
import unicodedata
from array import array
from collections import Counter

import numpy as np

from public_docs.search.analysis import WORD_RE, canonical_word, fold_word, search_fold
from public_docs.search.documents import KEYWORD_FIELDS, DocSource, keyword_fields, meta_of
from public_docs.search.whoosh_access import FieldPostings, commit_segments, write_segment

CHUNK_WORDS = 3_000_000  # (document, distinct word) pairs of the texts per segment
# keyword fields of few distinct values
CACHED_KEYWORDS = {"category", "form", "issuer", "year", "status", "groups", "budget_kind", "budget_year"}
# source text → (field of its exact words carrying marks, field of its folded words)
TEXTS = {"title": ("title_x", "title_f"), "text": ("text_x", "text_f"), "number": (None, "num")}


class _Vocab:
    """Terms of one kind (exact or folded words, or one keyword field's values) with ids."""

    def __init__(self):
        self.ids: dict[str, int] = {}
        self.terms: list[bytes] = []

    def id(self, term: str) -> int:
        tid = self.ids.get(term)
        if tid is None:
            tid = self.ids[term] = len(self.terms)
            self.terms.append(term.encode("utf-8"))
        return tid

    def ranks(self) -> np.ndarray:
        """Each term id's position in byte order (the order of a segment's term table)."""
        order = sorted(range(len(self.terms)), key=self.terms.__getitem__)
        ranks = np.empty(len(order), dtype=np.int64)
        ranks[order] = np.arange(len(order), dtype=np.int64)
        return ranks


class BulkBuilder:
    """``add()`` each document in order, then ``finish()``: writes the segments and commits them."""

    def __init__(self, ix, chunk_words: int = CHUNK_WORDS, parallel: bool = True):
        self.ix = ix
        self.parallel = parallel
        self._child: tuple[int, int] | None = None  # (pid, pipe) of the process writing a segment
        self.schema = ix.schema
        self.chunk_words = chunk_words
        self.tokens: dict[str, int] = {}  # a piece of text between white space → its surface id, or -1
        self.irregular: dict[str, list[int]] = {}  # pieces holding several words, or none
        self.surface: dict[str, int] = {}  # a word as written → its surface id
        self.exact_of = array("i")  # surface id → exact-word id
        self.exact = _Vocab()  # normalized lowercase words
        self.folded_of = array("i")  # exact-word id → folded-word id
        self.marked = bytearray()  # exact-word id → 1 when it carries marks or đ
        self.folded = _Vocab()
        self.keywords = {name: _Vocab() for name in KEYWORD_FIELDS}
        self._keyword_cache: dict[tuple[str, str], list[tuple[int, int]]] = {}
        self.segments: list = []
        self.count = 0
        self._new_chunk()

    def _new_chunk(self) -> None:
        self.docs = 0
        self.stored: list[dict] = []
        self.pending = 0  # (document, distinct word) pairs of the texts in this chunk
        self.streams = {name: ([], [], []) for name in TEXTS}  # surface ids, counts, docs: arrays per document
        self.kw = {name: (array("i"), array("i"), array("i")) for name in KEYWORD_FIELDS}  # term, doc, freq

    # -- documents --

    def _count(self, name: str, text: str) -> int:
        """Adds the words of ``text`` to stream ``name`` for the current document; returns their number.

        The text is split at white space (C speed) and each distinct piece is mapped, once for the
        whole build, to the words ``count_words`` finds in it (NFC, ``\\w+``: a word never spans
        white space, and NFC never composes across it)."""
        if not text:
            return 0
        counts = Counter(text.split())
        n = len(counts)
        try:
            sids = np.fromiter(map(self.tokens.__getitem__, counts), dtype=np.int32, count=n)
        except KeyError:  # pieces never seen in this build
            for piece in set(counts).difference(self.tokens):
                self._new_token(piece)
            sids = np.fromiter(map(self.tokens.__getitem__, counts), dtype=np.int32, count=n)
        freqs = np.fromiter(counts.values(), dtype=np.int32, count=n)
        if n and sids.min() < 0:  # pieces of several words, or none
            irregular = self.irregular
            keep = sids >= 0
            extra = [(sid, k) for piece, k in counts.items() if piece in irregular for sid in irregular[piece]]
            sids = np.concatenate([sids[keep], np.asarray([e[0] for e in extra], dtype=np.int32)])
            freqs = np.concatenate([freqs[keep], np.asarray([e[1] for e in extra], dtype=np.int32)])
        stream = self.streams[name]
        stream[0].append(sids)
        stream[1].append(freqs)
        stream[2].append(np.full(len(sids), self.docs, dtype=np.int32))
        self.pending += len(sids) if name == "text" else 0
        return int(freqs.sum())

    def _new_token(self, piece: str) -> None:
        words = WORD_RE.findall(unicodedata.normalize("NFC", piece))
        sids = [self._surface_id(w) for w in words]
        if len(sids) == 1:
            self.tokens[piece] = sids[0]
        else:  # counted through ``irregular``
            self.tokens[piece] = -1
            self.irregular[piece] = sids

    def _surface_id(self, word: str) -> int:
        sid = self.surface.get(word)
        if sid is None:
            exact = canonical_word(word).lower()
            before = len(self.exact.terms)
            eid = self.exact.id(exact)
            if eid == before:  # a new exact word
                self.folded_of.append(self.folded.id(search_fold(exact)))
                self.marked.append(fold_word(exact) != exact)
            sid = self.surface[word] = len(self.exact_of)
            self.exact_of.append(eid)
        return sid

    def _keywords(self, src: DocSource) -> None:
        for name, value in keyword_fields(src).items():
            key = (name, value)
            items = self._keyword_cache.get(key) if name in CACHED_KEYWORDS else None
            if items is None:
                vocab = self.keywords[name]
                items = [(vocab.id(tbytes.decode("utf-8")), freq)
                         for tbytes, freq, _w, _v in self.schema[name].index(value)]
                if name in CACHED_KEYWORDS:
                    self._keyword_cache[key] = items
            terms, docs, freqs = self.kw[name]
            for tid, freq in items:
                terms.append(tid)
                docs.append(self.docs)
                freqs.append(freq)

    def add(self, src: DocSource) -> None:
        title_len = self._count("title", src.title)
        text_len = self._count("text", src.text)
        num_len = self._count("number", src.number)
        self._keywords(src)
        meta = meta_of(src, title_len, text_len, num_len)
        self.stored.append({"id": str(src.id), "meta": meta})
        self.docs += 1
        self.count += 1
        if self.pending >= self.chunk_words:
            self._flush(background=True)

    # -- segments --

    def _flush(self, background: bool = False) -> None:
        """Writes the chunk as a segment: in a forked process when ``background`` (the next chunk
        is read and counted meanwhile, on the other core), else here. One writer process at a time."""
        if not self.docs:
            return
        self._wait()
        if background and self.parallel and hasattr(os, "fork"):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: write the segment, hand its description back, exit at once
                code = 1
                try:
                    os.close(read_end)
                    with os.fdopen(write_end, "wb") as out:
                        out.write(pickle.dumps(self._write_chunk()))
                    code = 0
                except BaseException:  # noqa: BLE001  (reported to the parent by the exit code)
                    traceback.print_exc()
                finally:
                    os._exit(code)
            os.close(write_end)
            self._child = (pid, read_end)
        else:
            self.segments.append(self._write_chunk())
        self._new_chunk()

    def _wait(self) -> None:
        """The segment of the writer process, once it has finished."""
        if self._child is None:
            return
        pid, read_end = self._child
        self._child = None
        with os.fdopen(read_end, "rb") as fh:
            data = fh.read()
        _pid, status = os.waitpid(pid, 0)
        if status or not data:
            raise RuntimeError("writing a segment of the search index failed (its process said why)")
        self.segments.append(pickle.loads(data))

    def abandon(self) -> None:
        """After a failure: wait for the writer process, if any (its files go with the directory)."""
        try:
            self._wait()
        except RuntimeError:
            pass

    def _write_chunk(self):
        exact_of = np.frombuffer(self.exact_of, dtype=np.int32).copy()  # (a view would pin the array)
        folded_of = np.frombuffer(self.folded_of, dtype=np.int32).copy()
        marked = np.frombuffer(bytes(self.marked), dtype=np.uint8).astype(bool)
        exact_rank, folded_rank = self.exact.ranks(), self.folded.ranks()
        postings: dict[str, FieldPostings] = {}
        for name, (x_field, f_field) in TEXTS.items():
            sids, freqs, docs = (np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
                                 for parts in self.streams[name])
            eids = exact_of[sids]
            if x_field:
                keep = marked[eids]
                postings[x_field] = _group(eids[keep], docs[keep], freqs[keep], exact_rank, self.exact.terms)
            postings[f_field] = _group(folded_of[eids], docs, freqs, folded_rank, self.folded.terms)
        for name, (terms, docs, freqs) in self.kw.items():
            vocab = self.keywords[name]
            postings[name] = _group(np.frombuffer(terms, dtype=np.int32), np.frombuffer(docs, dtype=np.int32),
                                    np.frombuffer(freqs, dtype=np.int32), vocab.ranks(), vocab.terms)
        return write_segment(self.ix, self.docs, self.stored, postings)

    def finish(self) -> int:
        self._flush()
        self._wait()
        commit_segments(self.ix, self.segments)
        return self.count


def _group(tids: np.ndarray, docs: np.ndarray, freqs: np.ndarray, ranks: np.ndarray,
           terms: list[bytes]) -> FieldPostings:
    """(term, doc, count) triples, in document order → postings by term in byte order, one per
    (term, doc), counts summed (two spellings of one word in a document)."""
    if not len(tids):
        return FieldPostings([], np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.uint32),
                             np.zeros(0, dtype=np.int64))
    r = ranks[tids]
    # the triples come in document order: a stable sort by term gives (term, doc) order; on 16-bit
    # keys numpy sorts by radix, in linear time
    order = np.argsort(r.astype(np.uint16) if len(terms) <= 1 << 16 else r, kind="stable")
    r, d, f = r[order], docs[order], freqs[order].astype(np.int64)
    new = np.empty(len(r), dtype=bool)
    new[0] = True
    np.not_equal(r[1:], r[:-1], out=new[1:])
    new[1:] |= d[1:] != d[:-1]
    firsts = np.flatnonzero(new)
    r, d, f = r[firsts], d[firsts], np.add.reduceat(f, firsts)
    term_new = np.empty(len(r), dtype=bool)
    term_new[0] = True
    np.not_equal(r[1:], r[:-1], out=term_new[1:])
    starts = np.flatnonzero(term_new)
    by_rank = np.empty(len(terms), dtype=np.int64)
    by_rank[ranks] = np.arange(len(terms), dtype=np.int64)  # rank → term id
    names = [terms[t] for t in by_rank[r[starts]].tolist()]
    return FieldPostings(names, np.append(starts, len(r)), d.astype(np.uint32), f)

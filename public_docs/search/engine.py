"""Query evaluation over the Whoosh index with one warm searcher per process.

Whoosh stores the postings; scoring is done here so that only what is shown costs anything:

* each (field, term) posting list is decoded once per searcher into a BM25 contribution array
  (dense for common terms, sparse for rare ones) plus a bitset of the documents holding it, kept in
  a small LRU cache (``SEARCH_CACHE_MB``);
* matching (AND of terms, filters, deleted documents) is done with Python big-int bitsets, so the
  total and the facet counts cost a few microseconds, whatever the number of hits;
* scores are summed in numpy float32 arrays (dense adds for common terms, indexed adds for rare
  ones) and only the top ``page × per_page`` (+ a small window re-ranked for phrases) are picked with
  ``argpartition`` and sorted; snippets are made for the shown hits only.

The index is opened without mmap (``supports_mmap=False``): Whoosh copies a mapped file into memory,
which doubled the resident size of a worker, while postings are read here only on a cache miss.
The searcher is reopened (never ``refresh()``-ed: that returns duplicates after a merge) when the
index directory holds a newer generation or a rebuilt index.
"""
from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from itertools import compress, islice
from pathlib import Path

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.filedb.filestore import FileStorage

from public_docs.search import ranking
from public_docs.search.analysis import find_phrase, phrase_regex
from public_docs.search.expand import plain
from public_docs.search.index import FIELD_BOOSTS, SCHEMA_VERSION, read_state
from public_docs.search.vectors import bits_from_ids, bool_mask, mask_from_bits, top_k

K1, B = 1.2, 0.75
NUMBER_BONUS = 1000.0  # the document whose number was typed comes first
PHRASE_BONUS_TEXT, PHRASE_BONUS_TITLE = 0.6, 0.8  # multiplicative, on the re-ranked window
PHRASE_WINDOW = 10
FACET_FIELDS = ("category", "year", "form", "issuer", "group", "status")
_META_INDEX = {"category": 1, "year": 2, "form": 3, "issuer": 4, "group": 5, "status": 6}
_LENGTH_INDEX = {"title_x": 8, "title_f": 8, "text_x": 9, "text_f": 9, "num": 10}
CHECK_INTERVAL = 0.2  # seconds between two "has the index changed?" checks

_lock = threading.RLock()
_states: dict[str, _State] = {}
_segment_cache: dict[tuple[str, str], dict] = {}


def invalidate() -> None:
    with _lock:
        for state in _states.values():
            state.checked_at = 0.0


def close_all() -> None:
    with _lock:
        for state in _states.values():
            state.close()
        _states.clear()
        _segment_cache.clear()


# --- postings --------------------------------------------------------------------------------


def _read_postings(reader, fieldname: str, text: str) -> tuple[list[int], list[float]]:
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
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


@dataclass
class _Entry:
    bits: int
    ids: np.ndarray | None  # sparse form (terms in at most half the documents): int32 docnums
    contrib: np.ndarray | None  # sparse float32 contributions, aligned with ids
    dense: np.ndarray | None  # dense form (common terms): one float32 per docnum
    nbytes: int


_EMPTY = _Entry(0, np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32), None, 0)


class _State:
    """A warm searcher and everything derived from it (valid until the index changes)."""

    def __init__(self, path: Path, cache_bytes: int):
        self.path = path
        self.build = (read_state(path) or {}).get("build")
        self.ix = FileStorage(str(path), readonly=True, supports_mmap=False).open_index()
        self.searcher = self.ix.searcher()
        self.checked_at = time.monotonic()
        self.cache: OrderedDict[tuple[str, str], _Entry] = OrderedDict()
        self.cache_limit = cache_bytes
        self.cache_size = 0
        self.leaves = [(r, o) for r, o in self.searcher.reader().leaf_readers() if r.segment() is not None]
        self.n = self.searcher.doc_count_all()
        self.ndocs = max(self.searcher.doc_count(), 1)
        self.meta: list[tuple] = []
        lengths: dict[str, list[int]] = {f: [] for f in FIELD_BOOSTS}
        live_ids: list[int] = []
        for reader, offset in self.leaves:
            seg = self._segment_data(reader)
            self.meta.extend(seg["meta"])
            for f in FIELD_BOOSTS:
                lengths[f].extend(seg["lengths"][f])
            deleted = reader.deleted_docs_set if reader.has_deletions() else ()
            live_ids.extend(offset + d for d in range(reader.doc_count_all()) if d not in deleted)
        self.live = bits_from_ids(live_ids, self.n)
        self.norms: dict[str, np.ndarray] = {}
        for f, lens in lengths.items():
            values = np.asarray(lens, dtype=np.float32)
            avg = float(values.mean()) if len(values) else 1.0
            self.norms[f] = (K1 * (1 - B + B * values / (avg or 1.0))).astype(np.float32)
        self.facets: dict[str, dict[str, int]] = {}
        for name, idx in _META_INDEX.items():
            groups: dict[str, list[int]] = {}
            for d in live_ids:
                value = self.meta[d][idx]
                for v in (value if isinstance(value, tuple) else (value,)):
                    if v:
                        groups.setdefault(v, []).append(d)
            self.facets[name] = {v: bits_from_ids(ds, self.n) for v, ds in groups.items()}
        self.date_order = sorted(live_ids, key=lambda d: (self.meta[d][7], self.meta[d][0]), reverse=True)

    def _segment_data(self, reader) -> dict:
        segid = reader.segment().segment_id()
        key = (str(self.path), segid)
        data = _segment_cache.get(key)
        if data is None:
            count = reader.doc_count_all()
            meta = []
            for d in range(count):
                stored = reader.stored_fields(d) if not reader.is_deleted(d) else {}
                meta.append(stored.get("meta") or (0, "", "", "", "", (), "", 0, 0, 0, 0))
            lengths = {}
            for f in FIELD_BOOSTS:
                idx = _LENGTH_INDEX[f]
                lengths[f] = [m[idx] if len(m) > idx else 0 for m in meta]
            data = {"meta": meta, "lengths": lengths}
            _segment_cache[key] = data
        return data

    def close(self) -> None:
        try:
            self.searcher.close()
        except Exception:  # noqa: BLE001
            pass

    def is_current(self) -> bool:
        state = read_state(self.path)
        if not state or state.get("build") != self.build or state.get("schema") != SCHEMA_VERSION:
            return False
        try:
            return self.searcher.up_to_date()
        except Exception:  # noqa: BLE001
            return False

    # -- term entries --

    def entry(self, fieldname: str, text: str) -> _Entry:
        key = (fieldname, text)
        hit = self.cache.get(key)
        if hit is not None:
            self.cache.move_to_end(key)
            return hit
        ids: list[int] = []
        weights: list[float] = []
        for reader, offset in self.leaves:
            seg_ids, seg_w = _read_postings(reader, fieldname, text)
            ids.extend(seg_ids if not offset else [d + offset for d in seg_ids])
            weights.extend(seg_w)
        if not ids:
            entry = _EMPTY
        elif fieldname not in FIELD_BOOSTS:  # keyword fields: presence only
            docs = np.asarray(ids, dtype=np.int32)
            entry = _Entry(bits_from_ids(docs, self.n), docs, None, None, 4 * len(ids) + self.n // 8)
        else:
            docs = np.asarray(ids, dtype=np.int32)
            w = np.asarray(weights, dtype=np.float32)
            df = len(ids)
            idf = math.log(1 + (self.ndocs - df + 0.5) / (df + 0.5))
            factor = np.float32(FIELD_BOOSTS[fieldname] * idf * (K1 + 1))
            contrib = factor * w / (w + self.norms[fieldname][docs])
            bits = bits_from_ids(docs, self.n)
            if df * 2 > self.n:  # the smaller form: 4 bytes per document, or 8 per posting
                dense = np.zeros(self.n, dtype=np.float32)
                dense[docs] = contrib
                entry = _Entry(bits, None, None, dense, 4 * self.n + self.n // 8)
            else:
                entry = _Entry(bits, docs, contrib, None, 8 * df + self.n // 8)
        self.cache[key] = entry
        self.cache_size += entry.nbytes
        while self.cache_size > self.cache_limit and len(self.cache) > 1:
            _k, old = self.cache.popitem(last=False)
            self.cache_size -= old.nbytes
        return entry

    def stored(self, docnum: int) -> dict:
        return self.searcher.stored_fields(docnum)


def get_state(path: Path, cache_mb: int = 64) -> _State | None:
    """The warm searcher for ``path`` (opened or reopened as needed); None when unusable."""
    key = str(path)
    with _lock:
        state = _states.get(key)
        now = time.monotonic()
        if state is not None and now - state.checked_at < CHECK_INTERVAL:
            return state
        if state is not None and state.is_current():
            state.checked_at = now
            return state
        if state is not None:
            state.close()
            _states.pop(key, None)
        info = read_state(path)
        if not info or info.get("schema") != SCHEMA_VERSION:
            return None
        try:
            state = _State(path, cache_mb * 1024 * 1024)
        except Exception:  # noqa: BLE001  (missing or damaged index)
            return None
        live_segments = {(key, r.segment().segment_id()) for r, _o in state.leaves}
        for stale in [k for k in _segment_cache if k[0] == key and k not in live_segments]:
            del _segment_cache[stale]
        _states[key] = state
        return state


# --- evaluation ------------------------------------------------------------------------------


@dataclass
class RawResult:
    total: int = 0
    docnums: list[int] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    relaxed: bool = False


def newest_first(state: _State, bits: int, start: int, end: int) -> list[int]:
    """Docnums ``start:end`` of the set ``bits`` in date order, newest first."""
    mask = mask_from_bits(bits, state.n)
    order = state.date_order
    return list(islice(compress(order, map(mask.__getitem__, order)), end))[start:end]


def evaluate(state: _State, parsed, filters: dict[str, str], start: int, end: int, sort: str,
             load_texts=None, plan=None) -> RawResult:
    """``load_texts(doc_ids) -> {doc_id: (title, text)}`` supplies text for the phrase re-ranking;
    ``plan`` (:mod:`public_docs.search.expand`) adds the thesaurus and typo corrections to the words.
    Matching and scoring by coverage: :mod:`public_docs.search.ranking`."""
    n = state.n
    result = RawResult()
    scored = ranking.score(state, plan if plan is not None else plain(parsed))
    acc = scored.acc
    match = scored.match
    result.relaxed = scored.relaxed and bool(match)
    number_entries = [state.entry("number", key) for key in parsed.numbers]
    number_bits = 0
    for e in number_entries:
        number_bits |= e.bits
    match |= number_bits & state.live
    match |= ranking.form_number_bonus(state, parsed, acc)

    filter_bits: dict[str, int] = {}
    for name, value in filters.items():
        filter_bits[name] = state.facets.get(name, {}).get(value, 0)
    for name in FACET_FIELDS:
        base = match
        for other, fb in filter_bits.items():
            if other != name:
                base &= fb
        counts = {}
        if base:
            for value, vb in state.facets.get(name, {}).items():
                c = (base & vb).bit_count()
                if c:
                    counts[value] = c
        result.facets[name] = counts
    candidates = match
    for fb in filter_bits.values():
        candidates &= fb
    result.total = candidates.bit_count()
    if not result.total or start >= result.total:
        return result
    if sort == "date":
        result.docnums = newest_first(state, candidates, start, end)
        result.scores = [0.0] * len(result.docnums)
        return result

    for e in number_entries:
        if e.ids is not None and len(e.ids):
            acc[e.ids] += NUMBER_BONUS
    phrases = parsed.phrases
    window = end + (PHRASE_WINDOW if phrases else 0)
    top = top_k(acc, np.flatnonzero(bool_mask(candidates, n)), window)
    scores = {d: float(acc[d]) for d in top}
    if phrases and load_texts is not None and len(top) > 1:
        regexes = [phrase_regex(p) for p in phrases]  # every spelling: the texts are not folded
        texts = load_texts([state.meta[d][0] for d in top])
        for d in top:
            title, content = texts.get(state.meta[d][0], ("", ""))
            content = content[:8_000]
            factor = 1.0
            for rx in regexes:
                if find_phrase(rx, title):
                    factor += PHRASE_BONUS_TITLE
                if find_phrase(rx, content):
                    factor += PHRASE_BONUS_TEXT
            scores[d] *= factor
        top.sort(key=lambda d: scores[d], reverse=True)
    result.docnums = top[start:end]
    result.scores = [scores[d] for d in result.docnums]
    return result

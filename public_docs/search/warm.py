"""The warm searcher of an index directory, one per process, and its posting-list cache.

Whoosh stores the postings; each (field, term) posting list is decoded once per searcher into a BM25
contribution array (dense for common terms, sparse for rare ones) plus a bitset of the documents
holding it, kept in a small LRU cache (``SEARCH_CACHE_MB``). Document metadata (ids, facets, field
lengths, dates) is read once per segment and kept while the segment lives.

The index is opened without mmap (see ``whoosh_access``, which holds every use of Whoosh's private
internals). The searcher is reopened (never ``refresh()``-ed: that returns duplicates after a merge)
when the index directory holds a newer generation or a rebuilt index.

Locking: :func:`acquire` hands out the current state under the module lock (opening or reopening
it); a state serialises its own file reads and cache with ``state.lock``, taken per posting-list
lookup, so nothing else (scoring, reading texts from the database for the phrase re-ranking) runs
under an engine lock. A replaced state is closed when its last user releases it.
"""
from __future__ import annotations

import contextlib
import math
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from public_docs.search.schema import FIELD_BOOSTS, SCHEMA_VERSION, on_change, read_state
from public_docs.search.vectors import bits_from_ids
from public_docs.search.whoosh_access import deleted_docs, open_readonly, read_postings, segment_id, segment_leaves

K1, B = 1.2, 0.75
_META_INDEX = {"category": 1, "year": 2, "form": 3, "issuer": 4, "group": 5, "status": 6, "budget_kind": 11,
               "budget_year": 12}
_LENGTH_INDEX = {"title_x": 8, "title_f": 8, "text_x": 9, "text_f": 9, "num": 10}
CHECK_INTERVAL = 0.2  # seconds between two "has the index changed?" checks

_lock = threading.RLock()  # opening, reopening and handing out states
_states: dict[str, _State] = {}
_segment_cache: dict[tuple[str, str], dict] = {}


@on_change
def invalidate() -> None:
    """Check the index again on the next query (this process just changed it)."""
    with _lock:
        for state in _states.values():
            state.checked_at = 0.0


def close_all() -> None:
    with _lock:
        for state in _states.values():
            state.retire()
        _states.clear()
        _segment_cache.clear()


# --- postings --------------------------------------------------------------------------------


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

    def __init__(self, path: Path, cache_bytes: int, dir_mtime: int = 0):
        self.path = path
        self.dir_mtime = dir_mtime  # the directory's time when last found current (read before)
        self.build = (read_state(path) or {}).get("build")
        self.ix = open_readonly(path)
        self.searcher = self.ix.searcher()
        self.lock = threading.RLock()  # the searcher's files and the cache: one lookup at a time
        self.users = 0  # threads holding this state (acquire)
        self.retired = False  # replaced: closed when the last user releases it
        self.checked_at = time.monotonic()
        self.cache: OrderedDict[tuple[str, str], _Entry] = OrderedDict()
        self.cache_limit = cache_bytes
        self.cache_size = 0
        self.leaves = segment_leaves(self.searcher)
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
            deleted = deleted_docs(reader)
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
                value = self.meta[d][idx] if len(self.meta[d]) > idx else ""
                for v in (value if isinstance(value, tuple) else (value,)):
                    if v:
                        groups.setdefault(v, []).append(d)
            self.facets[name] = {v: bits_from_ids(ds, self.n) for v, ds in groups.items()}
        self.date_order = sorted(live_ids, key=lambda d: (self.meta[d][7], self.meta[d][0]), reverse=True)

    def _segment_data(self, reader) -> dict:
        key = (str(self.path), segment_id(reader))
        data = _segment_cache.get(key)
        if data is None:
            count = reader.doc_count_all()
            meta = []
            for d in range(count):
                stored = reader.stored_fields(d) if not reader.is_deleted(d) else {}
                meta.append(stored.get("meta") or (0, "", "", "", "", (), "", 0, 0, 0, 0, "", ""))
            lengths = {}
            for f in FIELD_BOOSTS:
                idx = _LENGTH_INDEX[f]
                lengths[f] = [m[idx] if len(m) > idx else 0 for m in meta]
            data = {"meta": meta, "lengths": lengths}
            _segment_cache[key] = data
        return data

    def close(self) -> None:
        with self.lock:
            try:
                self.searcher.close()
            except Exception:  # noqa: BLE001
                pass

    def retire(self) -> None:
        """No longer handed out; closed now if unused, else by the last :func:`acquire` to end."""
        self.retired = True
        if not self.users:
            self.close()

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
        with self.lock:
            return self._entry(fieldname, text)

    def _entry(self, fieldname: str, text: str) -> _Entry:
        key = (fieldname, text)
        hit = self.cache.get(key)
        if hit is not None:
            self.cache.move_to_end(key)
            return hit
        id_parts, weight_parts = [], []
        for reader, offset in self.leaves:
            seg_ids, seg_w = read_postings(reader, fieldname, text)
            if len(seg_ids):
                id_parts.append(seg_ids + offset if offset else seg_ids)
                weight_parts.append(seg_w)
        if not id_parts:
            entry = _EMPTY
        elif fieldname not in FIELD_BOOSTS:  # keyword fields: presence only
            docs = np.concatenate(id_parts).astype(np.int32, copy=False)
            entry = _Entry(bits_from_ids(docs, self.n), docs, None, None, 4 * len(docs) + self.n // 8)
        else:
            docs = np.concatenate(id_parts).astype(np.int32, copy=False)
            w = np.concatenate(weight_parts).astype(np.float32, copy=False)
            df = len(docs)
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

def _dir_mtime(path: Path) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


def get_state(path: Path, cache_mb: int = 64) -> _State | None:
    """The warm searcher for ``path`` (opened or reopened as needed); None when unusable.

    Outside :func:`acquire` the state may be closed by another thread at any time."""
    key = str(path)
    with _lock:
        state = _states.get(key)
        now = time.monotonic()
        # A write changes the directory's time: then check at once, whatever CHECK_INTERVAL says. The
        # page cache keys its pages on that time (read before rendering), so a page is never kept
        # under a new index time with results from the searcher that came before it.
        mtime = _dir_mtime(path)
        if state is not None and state.dir_mtime == mtime and now - state.checked_at < CHECK_INTERVAL:
            return state
        if state is not None and state.is_current():
            state.checked_at = now
            state.dir_mtime = mtime
            return state
        if state is not None:
            state.retire()
            _states.pop(key, None)
        info = read_state(path)
        if not info or info.get("schema") != SCHEMA_VERSION:
            return None
        try:
            state = _State(path, cache_mb * 1024 * 1024, mtime)
        except Exception:  # noqa: BLE001  (missing or damaged index)
            return None
        live_segments = {(key, r.segment().segment_id()) for r, _o in state.leaves}
        for stale in [k for k in _segment_cache if k[0] == key and k not in live_segments]:
            del _segment_cache[stale]
        _states[key] = state
        return state


@contextlib.contextmanager
def acquire(path: Path, cache_mb: int = 64):
    """``with acquire(path) as state:`` the warm state (None when the index is unusable), kept
    open until the block ends even if the index changes meanwhile."""
    with _lock:
        state = get_state(path, cache_mb)
        if state is not None:
            state.users += 1
    try:
        yield state
    finally:
        if state is not None:
            with _lock:
                state.users -= 1
                if state.retired and not state.users:
                    state.close()


# --- evaluation ------------------------------------------------------------------------------

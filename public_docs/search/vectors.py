"""Sets of documents and score vectors for the search engine.

A set of docnums is a Python int used as a bitset (``&``, ``|`` and ``bit_count()`` cost microseconds
at 50,000 documents); scores live in numpy float32 arrays indexed by docnum.
"""
from __future__ import annotations

import numpy as np


def bits_from_ids(ids, n: int) -> int:
    """A Python int with bit ``d`` set for each docnum ``d`` in ``ids``."""
    if n == 0 or len(ids) == 0:
        return 0
    mask = np.zeros(n, dtype=np.uint8)
    mask[np.asarray(ids, dtype=np.int32)] = 1
    return int.from_bytes(np.packbits(mask, bitorder="little").tobytes(), "little")


def bool_mask(bits: int, n: int) -> np.ndarray:
    """The bitset as a numpy bool array of length ``n``."""
    if n == 0:
        return np.zeros(0, dtype=bool)
    raw = np.frombuffer(bits.to_bytes((n + 7) // 8, "little"), dtype=np.uint8)
    return np.unpackbits(raw, count=n, bitorder="little").view(bool)


def mask_from_bits(bits: int, n: int) -> bytes:
    """The bitset as bytes (one 0/1 byte per docnum), for ``itertools.compress``."""
    return bool_mask(bits, n).tobytes()


def top_k(acc: np.ndarray, cands: np.ndarray, k: int) -> list[int]:
    """The ``k`` best candidates by score, best first; equal scores in docnum order."""
    if k <= 0:
        return []
    scores = acc[cands]
    if len(cands) > k:  # cands ascend: ties at the cut keep the lowest docnums, so pages are stable
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]  # the k-th best score
        above = np.flatnonzero(scores > kth)
        tied = np.flatnonzero(scores == kth)[: k - len(above)]
        keep = np.concatenate([above, tied])
        cands, scores = cands[keep], scores[keep]
    order = np.lexsort((cands, -scores))
    return cands[order].tolist()

"""The engine's bitsets and top-k selection (numpy): the pieces every result page relies on."""
from __future__ import annotations

import random

import numpy as np
import pytest

from public_docs.search import vectors


@pytest.mark.parametrize("n", [1, 7, 8, 9, 64, 1001])
def test_bitsets_round_trip_through_masks(n):
    rng = random.Random(n)
    ids = sorted(rng.sample(range(n), max(1, n // 3)))
    bits = vectors.bits_from_ids(ids, n)
    assert bits == sum(1 << d for d in ids)
    assert bits.bit_count() == len(ids)
    assert np.flatnonzero(vectors.bool_mask(bits, n)).tolist() == ids
    mask = vectors.mask_from_bits(bits, n)
    assert len(mask) == n and [d for d in range(n) if mask[d]] == ids


def test_empty_bitsets():
    assert vectors.bits_from_ids([], 10) == 0
    assert vectors.bits_from_ids([3], 0) == 0
    assert vectors.mask_from_bits(0, 0) == b""
    assert vectors.mask_from_bits(0, 5) == bytes(5)


def test_top_keeps_the_best_scores_and_breaks_ties_by_docnum():
    acc = np.array([0.5, 2.0, 2.0, 0.1, 3.0, 2.0, 0.0], dtype=np.float32)
    cands = np.array([0, 1, 2, 3, 5, 6])  # 4 is not a candidate (filtered out)
    assert vectors.top_k(acc, cands, 3) == [1, 2, 5]
    assert vectors.top_k(acc, cands, 4) == [1, 2, 5, 0]
    assert vectors.top_k(acc, cands, 50) == [1, 2, 5, 0, 3, 6]
    assert vectors.top_k(acc, np.array([], dtype=np.int64), 5) == []
    assert vectors.top_k(acc, cands, 0) == []


def test_top_matches_a_full_sort_on_random_scores():
    rng = np.random.default_rng(7)
    acc = rng.integers(0, 40, size=5000).astype(np.float32)  # many ties
    cands = np.flatnonzero(rng.random(5000) < 0.6)
    expected = sorted(cands.tolist(), key=lambda d: (-acc[d], d))
    for k in (1, 20, 30, 2000, len(cands)):
        assert vectors.top_k(acc, cands, k) == expected[:k]

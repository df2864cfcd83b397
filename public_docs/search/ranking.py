"""Matching and scoring a :class:`~public_docs.search.expand.Plan` over the warm searcher.

* A query never requires every word. Each important slot is *covered* by a document holding its
  word, a correction of it, or every word of an expansion standing for it. A document matches
  when it covers at least ``COVERAGE_NEEDED`` of what the best document covers (so a query with
  one word absent from the right document still finds it), and its BM25 score is multiplied by
  ``coverage ** COVERAGE_POWER``: documents holding more of the query's meaningful words rank higher.
* Function words (``làm``, ``cho``, ``bao nhiêu``…) add ``FUNCTION_WEIGHT`` of their score and
  never count for coverage.
* A document form followed by a number (``quyết định 130``, ``QĐ 112``) puts the document with
  that number and form first (``FORM_NUMBER_BONUS``); with that number in another form, next.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from public_docs.search.expand import TYPO_WEIGHT, Plan
from public_docs.search.vectors import bits_from_ids, bool_mask

FOLDED_WEIGHT = 0.35  # a folded-only match of a word typed with diacritics counts this much
FUNCTION_WEIGHT = 0.3
COVERAGE_NEEDED = 0.7
COVERAGE_POWER = 2.0
FORM_NUMBER_BONUS = 600.0
OTHER_FORM_NUMBER_BONUS = 150.0
FOLDED_FIELDS = ("title_f", "text_f", "num")


@dataclass
class Scored:
    match: int  # bitset of the matching live documents
    acc: np.ndarray  # float32 score per docnum
    relaxed: bool  # no document covers every important word


def folded_parts(state, word: str) -> tuple[int, list]:
    """(bitset, [(entry, weight)]) of a folded word over the folded fields."""
    entries = [state.entry(f, word) for f in FOLDED_FIELDS]
    return entries[0].bits | entries[1].bits | entries[2].bits, [(e, 1.0) for e in entries]


def term_parts(state, term) -> tuple[int, list]:
    """(bitset, [(entry, weight)]) of a typed word: exact words first when typed with diacritics."""
    folded = [state.entry(f, term.folded) for f in FOLDED_FIELDS]
    bits = folded[0].bits | folded[1].bits | folded[2].bits
    weighted = [(folded[2], 1.0)]
    if term.marked:
        exact = [state.entry(f, term.exact) for f in ("title_x", "text_x")]
        weighted.extend((e, 1.0) for e in exact)
        # Folded-only matches (other words with the same letters) still match, but are scored
        # only when the exact word is not already most of them: saves the big folded lists.
        if (exact[0].bits | exact[1].bits).bit_count() * 2 < bits.bit_count():
            weighted.extend((e, FOLDED_WEIGHT) for e in folded[:2])
    else:
        weighted.extend((e, 1.0) for e in folded[:2])
    return bits, weighted


def add(acc: np.ndarray, weighted, factor: float = 1.0) -> None:
    for e, weight in weighted:
        w = weight * factor
        if e.dense is not None:
            acc += e.dense if w == 1.0 else e.dense * np.float32(w)
        elif e.ids is not None and len(e.ids):
            acc[e.ids] += e.contrib if w == 1.0 else e.contrib * np.float32(w)  # ids are unique


def docs_of(state):
    """``docs(words) -> bitset``: live documents holding every folded word of ``words``."""
    def docs(words) -> int:
        bits = state.live
        for word in words:
            bits &= folded_parts(state, word)[0]
            if not bits:
                return 0
        return bits
    return docs


def score(state, plan: Plan) -> Scored:
    n = state.n
    acc = np.zeros(n, dtype=np.float32)
    covered: list[int] = []
    for slot in plan.slots:
        bits, weighted = term_parts(state, slot.term)
        factor = 1.0 if slot.important else FUNCTION_WEIGHT
        add(acc, weighted, factor)
        for word in slot.corrections:
            cbits, cweighted = folded_parts(state, word)
            bits |= cbits
            add(acc, cweighted, TYPO_WEIGHT * factor)
        covered.append(bits)
    for exp in plan.expansions:
        parts = [folded_parts(state, w) for w in exp.words]
        ebits = state.live
        for bits, _w in parts:
            ebits &= bits
        if not ebits:
            continue
        extra = np.zeros(n, dtype=np.float32)
        for _bits, weighted in parts:
            add(extra, weighted)
        extra *= bool_mask(ebits, n)
        acc += extra * np.float32(exp.scale)
        for i in exp.slots:
            covered[i] |= ebits
    wanted = [i for i, s in enumerate(plan.slots) if s.important] or list(range(len(plan.slots)))
    if not wanted:
        return Scored(0, acc, False)
    counts = np.zeros(n, dtype=np.float32)
    for i in wanted:
        counts += bool_mask(covered[i] & state.live, n)
    best = float(counts.max()) if n else 0.0
    if best <= 0:
        return Scored(0, acc, False)
    need = max(1.0, math.ceil(best * COVERAGE_NEEDED - 1e-6))
    match = bits_from_ids(np.flatnonzero(counts >= need), n) & state.live
    acc *= (counts / np.float32(len(wanted))) ** np.float32(COVERAGE_POWER)
    return Scored(match, acc, best < len(wanted))


def number_variants(digits: str) -> list[str]:
    """``9`` ↔ ``09`` ↔ ``009``: numbers are written with and without leading zeros."""
    core = digits.lstrip("0") or "0"
    return list(dict.fromkeys([digits, core, core.zfill(2), core.zfill(3)]))


def form_number_bonus(state, parsed, acc: np.ndarray) -> int:
    """Adds the bonus of ``quyết định 130``-style pairs to ``acc``; returns the documents found."""
    found = 0
    for form, digits in parsed.form_numbers:
        number_bits = 0
        for variant in number_variants(digits):
            number_bits |= state.entry("num", variant).bits
        number_bits &= state.live
        if not number_bits:
            continue
        same_form = number_bits & state.entry("num", form).bits
        bits, bonus = (same_form, FORM_NUMBER_BONUS) if same_form else (number_bits, OTHER_FORM_NUMBER_BONUS)
        acc[bool_mask(bits, state.n)] += np.float32(bonus)
        found |= bits
    return found

"""Query evaluation over the warm searcher (``warm.py``): only what is shown costs anything.

* matching (AND of terms, filters, deleted documents) is done with Python big-int bitsets, so the
  total and the facet counts cost a few microseconds, whatever the number of hits;
* scores are summed in numpy float32 arrays (dense adds for common terms, indexed adds for rare
  ones) and only the top ``page × per_page`` (+ a small window re-ranked for phrases) are picked with
  ``argpartition`` and sorted; snippets are made for the shown hits only.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress, islice

import numpy as np

from public_docs.search import ranking
from public_docs.search.analysis import find_phrase, phrase_regex
from public_docs.search.expand import plain
from public_docs.search.vectors import bool_mask, mask_from_bits, top_k
from public_docs.search.warm import (  # noqa: F401  (re-exported: the engine's state API)
    CHECK_INTERVAL,
    _Entry,
    _State,
    acquire,
    close_all,
    get_state,
    invalidate,
)

K1, B = 1.2, 0.75
NUMBER_BONUS = 1000.0  # the document whose number was typed comes first
PHRASE_BONUS_TEXT, PHRASE_BONUS_TITLE = 0.6, 0.8  # multiplicative, on the re-ranked window
PHRASE_WINDOW = 10
FACET_FIELDS = ("category", "year", "form", "issuer", "group", "status", "budget_kind", "budget_year")


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


def browse(state: _State, filters: dict[str, str], start: int, end: int) -> RawResult:
    """Filters without words: every live document, newest first, with the same facet logic."""
    raw = RawResult()
    match = state.live
    filter_bits = {k: state.facets.get(k, {}).get(v, 0) for k, v in filters.items()}
    for name in FACET_FIELDS:
        base = match
        for other, fb in filter_bits.items():
            if other != name:
                base &= fb
        raw.facets[name] = {v: c for v, vb in state.facets.get(name, {}).items() if (c := (base & vb).bit_count())}
    for fb in filter_bits.values():
        match &= fb
    raw.total = match.bit_count()
    if raw.total and start < raw.total:
        raw.docnums = newest_first(state, match, start, end)
        raw.scores = [0.0] * len(raw.docnums)
    return raw


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

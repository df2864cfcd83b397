"""What a query looks for beyond its words: the thesaurus and typo corrections (a :class:`Plan`).

* Each distinct typed word is a *slot*. A function word of a question (``làm``, ``bao nhiêu``…) is
  a slot of no importance: it adds a little to the score and is never needed for a match.
* A span of the query that is a member of a thesaurus group (``KT-XH``, ``đền bù``) brings the
  group's other members as *expansions*: a document holding every word of an expansion covers the
  span's slots, and scores ``EXPANSION_WEIGHT`` of what the typed words would (scaled by the
  lengths, so ``UBND`` → ``ủy ban nhân dân`` does not count four times).
* A slot whose word is in no document, or in very few while a word one edit away is in many, gets
  that word as a *correction* (scored ``TYPO_WEIGHT``); the page then says what it searched for.
  Words that match well are never corrected, and ``fuzzy=False`` (the page's "search exactly what
  I typed" link) turns corrections off.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from public_docs.search import vocabulary
from public_docs.search.query import ParsedQuery, Term
from public_docs.search.thesaurus import EMPTY, Thesaurus

EXPANSION_WEIGHT = 0.8  # an expansion scores this much of what the typed words would
TYPO_WEIGHT = 0.8
FEW_HITS = 2  # a word in at most this many documents may get a correction…
FEW_HITS_RATIO = 10  # …when the corrected word is in this many times more (and at least MIN_CORRECTED)
MIN_CORRECTED = 3
MIN_FUZZY_LENGTH = 3  # shorter words are never corrected
MAX_EXPANSIONS = 24


@dataclass
class Slot:
    term: Term
    corrections: list[str] = field(default_factory=list)  # folded words one edit away

    @property
    def important(self) -> bool:
        return not self.term.function


@dataclass(frozen=True)
class Expansion:
    words: tuple[str, ...]  # folded
    slots: tuple[int, ...]  # the slots it stands for
    scale: float


@dataclass
class Plan:
    slots: list[Slot] = field(default_factory=list)
    expansions: list[Expansion] = field(default_factory=list)
    corrected: str = ""  # the query as searched, when a word was corrected (else "")

    @property
    def highlight_words(self) -> list[str]:
        """Folded words to mark in titles and snippets: typed, corrected and expanded ones."""
        out = [s.term.folded for s in self.slots]
        for slot in self.slots:
            out.extend(w for w in slot.corrections if w not in out)
        for exp in self.expansions:
            out.extend(w for w in exp.words if w not in out)
        return out


def plain(parsed: ParsedQuery) -> Plan:
    """The plan of the words only (no thesaurus, no corrections)."""
    return Plan(slots=[Slot(t) for t in parsed.terms])


def build(state, parsed: ParsedQuery, thesaurus: Thesaurus = EMPTY, fuzzy: bool = True,
          docs=None) -> Plan:
    """The plan of ``parsed`` over the index of ``state``. ``docs(words) -> bitset`` gives the
    documents holding every folded word of ``words`` (:func:`public_docs.search.ranking.docs_of`)."""
    plan = plain(parsed)
    slot_of = {}
    for i, slot in enumerate(plan.slots):
        slot_of.setdefault(slot.term.folded, i)
    seen: set[tuple[str, ...]] = set()
    for match in thesaurus.matches(parsed.sequence):
        slots = tuple(sorted({slot_of[w] for w in parsed.sequence[match.start:match.end] if w in slot_of}))
        if not slots:
            continue
        for words in match.others():
            if words in seen or len(plan.expansions) >= MAX_EXPANSIONS:
                continue
            seen.add(words)
            scale = EXPANSION_WEIGHT * min(1.0, (match.end - match.start) / len(words))
            plan.expansions.append(Expansion(words, slots, scale))
    if fuzzy and docs is not None:
        _correct(state, plan, docs)
    return plan


def _correct(state, plan: Plan, docs) -> None:
    """Corrections for the words with no or very few hits. With other words in the query, a
    correction must share a document with one of them (``tiem chung`` is not ``tiem chong``)."""
    vocab = None
    replaced: dict[str, str] = {}
    covering: dict[int, int] = {}
    for exp in plan.expansions:
        bits = docs(exp.words)
        for i in exp.slots:
            covering[i] = covering.get(i, 0) | bits
    slot_docs = [docs((s.term.folded,)) | covering.get(i, 0) for i, s in enumerate(plan.slots)]
    important = [i for i, s in enumerate(plan.slots) if s.important]
    for i in important:
        slot, word = plan.slots[i], plan.slots[i].term.folded
        count = slot_docs[i].bit_count()
        if (covering.get(i) or count > FEW_HITS or len(word) < MIN_FUZZY_LENGTH
                or any(c.isdigit() for c in word)):
            continue
        others = 0
        for j in important:
            if j != i:
                others |= slot_docs[j]
        if len(important) > 1 and not others:
            continue
        if vocab is None:
            vocab = vocabulary.for_state(state)
        for best, best_count in vocabulary.corrections(vocab, word, limit=3):
            if count and best_count < max(MIN_CORRECTED, FEW_HITS_RATIO * count):
                break
            if len(important) > 1 and not docs((best,)) & others:
                continue
            slot.corrections.append(best)
            replaced[slot.term.exact] = vocab.display(best)
            break
    if replaced:
        plan.corrected = correct_text(plan, replaced)


def correct_text(plan: Plan, replaced: dict[str, str]) -> str:
    """The query text with each corrected word replaced by its most common spelling."""
    words = [s.term.exact for s in plan.slots]
    out = []
    for word in words:
        out.append(replaced.get(word, word))
    text = " ".join(out)
    return re.sub(r"\s+", " ", text).strip()

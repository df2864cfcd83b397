"""User query text → terms. Never hands raw text to Whoosh's query parser: operators, quotes,
``*``, control characters and very long input are all just text here."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from public_docs.search.analysis import WORD_RE, fold_word, normalize, search_fold
from public_docs.search.index import looks_like_number, number_key

MAX_QUERY_CHARS = 300
MAX_TERMS = 10
QUOTE_RE = re.compile(r"[\"“”„«»]([^\"“”„«»]+)[\"“”„«»]")
OPERATORS = {"AND", "OR", "NOT", "VÀ", "HOẶC"}


@dataclass(frozen=True)
class Term:
    exact: str  # normalized, lowercase
    folded: str  # search_fold(): no marks, đ → d, i/y unified

    @property
    def marked(self) -> bool:
        """Typed with diacritics (or đ): the exact words then rank first."""
        return fold_word(self.exact) != self.exact


@dataclass
class ParsedQuery:
    text: str = ""  # cleaned, what the page shows back
    terms: list[Term] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)  # number_key() forms
    phrases: list[list[str]] = field(default_factory=list)  # folded word sequences (≥ 2 words)
    required_phrases: list[list[str]] = field(default_factory=list)  # typed in quotes
    truncated: bool = False

    @property
    def empty(self) -> bool:
        return not self.terms and not self.numbers


def clean(text: str | None) -> tuple[str, bool]:
    text = text or ""
    truncated = len(text) > MAX_QUERY_CHARS * 4
    text = text[: MAX_QUERY_CHARS * 4]
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text)  # controls, odd spaces
    text = normalize(" ".join(text.split()))
    if len(text) > MAX_QUERY_CHARS:
        text, truncated = text[:MAX_QUERY_CHARS].rsplit(" ", 1)[0] or text[:MAX_QUERY_CHARS], True
    return text, truncated


def parse(text: str | None) -> ParsedQuery:
    cleaned, truncated = clean(text)
    parsed = ParsedQuery(text=cleaned, truncated=truncated)
    remaining = cleaned
    for match in QUOTE_RE.finditer(cleaned):
        seq = [search_fold(w.lower()) for w in WORD_RE.findall(match.group(1))]
        if len(seq) >= 2:
            parsed.required_phrases.append(seq)
    # Document numbers: a whole query like "79 / KH-UBND" or any token like 130/QĐ-UBND.
    candidates = [cleaned] + cleaned.split(" ")
    for token in candidates:
        token = token.strip("\"'“”.,;:()[]")
        if looks_like_number(token):
            key = number_key(token)
            if key not in parsed.numbers:
                parsed.numbers.append(key)
    seen: set[str] = set()
    sequence: list[str] = []
    for raw in WORD_RE.findall(remaining):
        if raw in OPERATORS:  # boolean operators typed in capitals are not words to find
            continue
        exact = raw.lower()
        if exact == "_" * len(exact):
            continue
        folded = search_fold(exact)
        sequence.append(folded)
        if exact in seen or len(parsed.terms) >= MAX_TERMS:
            continue
        seen.add(exact)
        parsed.terms.append(Term(exact, folded))
    if len(sequence) >= 2:
        parsed.phrases.append(sequence[: MAX_TERMS + 2])
    parsed.phrases.extend(p for p in parsed.required_phrases if p not in parsed.phrases)
    return parsed

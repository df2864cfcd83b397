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
MAX_SEQUENCE = 24  # words of the query kept in order (thesaurus spans, document forms)

# Document forms people put before a number ("quyết định 130", "QĐ 112"): folded words → the
# abbreviation documents carry in their number (130/QĐ-UBND).
FORM_WORDS = {
    ("quyet", "dinh"): "qd", ("bao", "cao"): "bc", ("ke", "hoach"): "kh", ("thong", "bao"): "tb",
    ("to", "trinh"): "ttr", ("nghi", "quyet"): "nq", ("cong", "van"): "cv", ("huong", "dan"): "hd",
    ("ket", "luan"): "kl", ("chi", "thi"): "ct", ("bien", "ban"): "bb", ("du", "thao"): "dt",
    ("nghi", "dinh"): "nd",
}
FORM_ABBREVIATIONS = frozenset(FORM_WORDS.values())
DIGITS_RE = re.compile(r"^\d{1,6}$")

# Words of a question that carry little meaning: weighed down, never needed for a match. Typed with
# diacritics they are recognised as typed; without, only where the folded word is not also a word
# that matters (hội, thi, do, về… are left alone).
FUNCTION_WORDS = frozenset(
    "làm cho hết gì của là có không được ở và với thì mà này đó ai sao về các những một khi bị phải cần "
    "muốn xin hỏi ạ nhé ơi nhỉ à tôi mình em thế nào đâu như bao nhiêu nhiều ít rồi chưa đã sẽ đang "
    "giúp hãy vậy nữa thêm xem".split()
)
FOLDED_FUNCTION_WORDS = frozenset(
    "lam cho het gi cua la co khong duoc o va voi ma nay ai sao cac nhung mot bi phai muon xin a nhe oi "
    "nhi toi minh em the nao dau nhu nhieu roi chua da se dang giup hay vay nua them xem".split()
)
FUNCTION_PHRASES = (("bao", "nhieu"), ("nhu", "the", "nao"), ("the", "nao"), ("o", "dau"), ("lam", "sao"),
                    ("tai", "sao"), ("bao", "gio"), ("khi", "nao"))


@dataclass(frozen=True)
class Term:
    exact: str  # normalized, lowercase
    folded: str  # search_fold(): no marks, đ → d, i/y unified
    function: bool = False  # a function word of a question (làm, cho, bao nhiêu…): weighed down

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
    sequence: list[str] = field(default_factory=list)  # the folded words in the order typed
    form_numbers: list[tuple[str, str]] = field(default_factory=list)  # ("qd", "130") from "quyết định 130"
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
    exacts: list[str] = []
    for raw in WORD_RE.findall(remaining):
        if raw in OPERATORS:  # boolean operators typed in capitals are not words to find
            continue
        exact = raw.lower()
        if exact == "_" * len(exact):
            continue
        sequence.append(search_fold(exact))
        exacts.append(exact)
    functional = function_positions(sequence, exacts)
    for pos, (exact, folded) in enumerate(zip(exacts, sequence, strict=True)):
        if exact in seen or len(parsed.terms) >= MAX_TERMS:
            continue
        seen.add(exact)
        parsed.terms.append(Term(exact, folded, function=pos in functional))
    parsed.sequence = sequence[:MAX_SEQUENCE]
    parsed.form_numbers = form_numbers(parsed.sequence)
    if len(sequence) >= 2:
        parsed.phrases.append(sequence[: MAX_TERMS + 2])
    parsed.phrases.extend(p for p in parsed.required_phrases if p not in parsed.phrases)
    return parsed


def function_positions(sequence: list[str], exacts: list[str]) -> set[int]:
    """Positions of the function words of a question (``bao nhiêu``, ``làm``, ``ở đâu``…)."""
    out: set[int] = set()
    for i in range(len(sequence)):
        for phrase in FUNCTION_PHRASES:
            if tuple(sequence[i:i + len(phrase)]) == phrase:
                out.update(range(i, i + len(phrase)))
        exact = exacts[i]
        if exact in FUNCTION_WORDS or (fold_word(exact) == exact and exact in FOLDED_FUNCTION_WORDS):
            out.add(i)
    if len(out) == len(sequence):  # a query of function words only: they are what was asked
        return set()
    return out


def form_numbers(sequence: list[str]) -> list[tuple[str, str]]:
    """(form abbreviation, number) for each document form followed by a number: ``quyết định 130``,
    ``QĐ số 112``, ``qd 160 ubnd`` → ("qd", "130")…"""
    out: list[tuple[str, str]] = []
    for i, word in enumerate(sequence):
        form, nxt = FORM_WORDS.get(tuple(sequence[i:i + 2])), i + 2
        if form is None and word in FORM_ABBREVIATIONS:
            form, nxt = word, i + 1
        if form is None:
            continue
        if nxt < len(sequence) and sequence[nxt] == "so":  # "số"
            nxt += 1
        if nxt < len(sequence) and DIGITS_RE.match(sequence[nxt]):
            pair = (form, sequence[nxt])
            if pair not in out:
                out.append(pair)
    return out

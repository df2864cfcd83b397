"""Vietnamese text analysis for the search index.

STABLE IMPORT PATH: the Whoosh schema pickles the analyzer and field classes defined here into the
index, so moving or renaming them breaks existing indexes (``flask search reindex`` fixes that).

Pipeline (the same for indexing, querying and highlighting):

1. Unicode NFC, so that ``Đảng`` typed as NFD (``D`` + U+0309 …) is one word, not two;
2. old and new tone placement unified (``hoà`` = ``hòa``, ``thuỷ`` = ``thủy``, ``uỳ`` = ``ùy``,
   ``oé`` = ``óe``, also mistakes like ``qúy`` = ``quý``): the tone mark is put back on the vowel
   the traditional rule chooses;
3. an explicit ``\\w+`` tokenizer;
4. lowercase;
5. for the *folded* fields: combining marks stripped, ``đ``/``Đ`` → ``d``, and the i/y spelling
   variants written i (``kỹ``/``kĩ`` → ``ki``, ``quy``/``qui`` → ``qui``; not the y of ``thủy``).

The tone tables, normalisation and folding live in :mod:`public_docs.search.vietnamese` and are
re-exported here. Public helpers for other packages: :func:`normalize` (NFC + unified tones, case
kept) and :func:`fold` (diacritics removed, đ → d, lowercase).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from whoosh.analysis import Filter, LowercaseFilter, Token, Tokenizer
from whoosh.fields import TEXT
from whoosh.formats import Frequency
from whoosh.system import pack_uint

from public_docs.search.vietnamese import (  # noqa: F401  (re-exported: the stable import path)
    _CACHE_LIMIT,
    FOLD_TABLE,
    PHRASE_BREAK_RE,
    QUALITY_MARKS,
    SURFACE_CLASSES,
    TONE_MARKS,
    VALID_FINALS,
    VALID_INITIALS,
    VOWELS,
    WORD_RE,
    _build_fold_table,
    _build_surface_classes,
    _canon_cache,
    _canon_match,
    _canonical_word,
    _fold_cache,
    _tone_position,
    bigrams,
    canonical_word,
    find_phrase,
    fold,
    fold_aligned,
    fold_word,
    folded_words,
    has_diacritics,
    marked_words,
    normalize,
    phrase_regex,
    search_fold,
    surface_pattern,
    unify_iy,
    words,
)

# --- Whoosh analyzer components ------------------------------------------------------------


class VietnameseTokenizer(Tokenizer):
    """NFC + unified tone placement, then an explicit ``\\w+`` regex tokenizer.

    Character offsets refer to the normalized text (the same length as NFC input)."""

    def __init__(self, expression: str = r"\w+"):
        self.expression = re.compile(expression)

    def __eq__(self, other):
        return type(self) is type(other) and self.expression.pattern == other.expression.pattern

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        text = normalize(value)
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = text
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(text)
            yield t
            return
        for pos, match in enumerate(self.expression.finditer(text)):
            t.text = match.group()
            t.boost = 1.0
            if keeporiginal:
                t.original = t.text
            t.stopped = False
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = start_char + match.start()
                t.endchar = start_char + match.end()
            yield t


class FoldFilter(Filter):
    """Strips combining marks, maps đ → d and writes the i/y variants i (after lowercasing)."""

    def __eq__(self, other):
        return type(self) is type(other)

    def __call__(self, tokens):
        for t in tokens:
            t.text = search_fold(t.text)
            yield t


class MarkedOnlyFilter(Filter):
    """Keeps only the words whose folded form differs (they carry marks or đ)."""

    def __eq__(self, other):
        return type(self) is type(other)

    def __call__(self, tokens):
        for t in tokens:
            if fold_word(t.text) != t.text:
                yield t


class BigramTokenizer(VietnameseTokenizer):
    """Folded word pairs ``"a b"`` inside each phrase (punctuation breaks a phrase)."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, pair in enumerate(bigrams(value)):
            t.text = pair
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = start_pos + pos
            yield t


def exact_analyzer():
    return VietnameseTokenizer() | LowercaseFilter()


def folded_analyzer():
    return VietnameseTokenizer() | LowercaseFilter() | FoldFilter()


def marked_analyzer():
    return VietnameseTokenizer() | LowercaseFilter() | MarkedOnlyFilter()


def bigram_analyzer():
    return BigramTokenizer()


# --- Fast index-time fields ----------------------------------------------------------------
# Whoosh's generic path creates a Token object per word and runs each filter as a generator; for
# long documents that dominates indexing time. These field types produce the very same terms as
# their analyzer (tests check the equality) with C-speed Counters, for frequency-only fields.


def count_words(text: str | None) -> Counter:
    """Counts of the analyzer's exact words (normalized, lowercase) in ``text``.

    Works per distinct surface word (C-speed ``findall`` + ``Counter``, then cached per-word
    normalization), which is what makes indexing long documents affordable."""
    out: Counter = Counter()
    if not text:
        return out
    raw = Counter(WORD_RE.findall(unicodedata.normalize("NFC", text)))
    for word, n in raw.items():
        key = _lower_canon.get(word)
        if key is None:
            key = canonical_word(word).lower()
            if len(_lower_canon) >= _CACHE_LIMIT:
                _lower_canon.clear()
            _lower_canon[word] = key
        out[key] += n
    return out


_lower_canon: dict[str, str] = {}


def folded_counts(exact: Counter) -> Counter:
    out: Counter = Counter()
    for word, n in exact.items():
        out[search_fold(word)] += n
    return out


def marked_counts(exact: Counter) -> Counter:
    return Counter({w: n for w, n in exact.items() if fold_word(w) != w})


class _FastText(TEXT):
    """A frequency-only text field whose value may be the text or a ready ``{term: count}`` dict.

    Not ``scorable`` for Whoosh: the engine keeps field lengths itself (in the ``meta`` stored
    field), which spares Whoosh a length lookup per posting when writing."""

    kind = "exact"

    def __init__(self, field_boost: float = 1.0, stored: bool = False):
        analyzer = {"exact": exact_analyzer, "folded": folded_analyzer, "marked": marked_analyzer,
                    "bigram": bigram_analyzer}[self.kind]()
        super().__init__(analyzer=analyzer, phrase=False, stored=stored, field_boost=field_boost)
        self.format = Frequency(field_boost=field_boost)
        self.scorable = False

    def counts(self, value) -> Counter:
        if isinstance(value, dict):
            return Counter(value)
        if isinstance(value, (list, tuple)):
            value = "\n".join(value)
        if self.kind == "bigram":
            return Counter(bigrams(value))
        exact = count_words(value)
        if self.kind == "folded":
            return folded_counts(exact)
        if self.kind == "marked":
            return marked_counts(exact)
        return exact

    def index(self, value, **kwargs):
        fb = self.format.field_boost
        for word, freq in self.counts(value).items():
            yield word.encode("utf-8"), freq, freq * fb, pack_uint(freq)


class MarkedText(_FastText):
    """Frequency-only field of the exact words that carry diacritics: unmarked words would only
    repeat the folded field, and queries without marks search the folded field."""

    kind = "marked"


class FoldedText(_FastText):
    """Frequency-only text field on the folded words (no diacritics, đ → d)."""

    kind = "folded"

"""Vietnamese text normalisation without Whoosh: tone tables, unified tone placement, folding.

Used by the analyzer classes in :mod:`public_docs.search.analysis` (which re-exports everything
here, so ``from public_docs.search.analysis import normalize, fold`` keeps working) and by the query
parser and highlighter.

1. Unicode NFC, so that ``Đảng`` typed as NFD (``D`` + U+0309 …) is one word, not two;
2. old and new tone placement unified (``hoà`` = ``hòa``, ``thuỷ`` = ``thủy``, ``uỳ`` = ``ùy``,
   ``oé`` = ``óe``, also mistakes like ``qúy`` = ``quý``): the tone mark is put back on the vowel
   the traditional rule chooses;
3. folding: combining marks stripped, ``đ``/``Đ`` → ``d``, lowercase.
"""
from __future__ import annotations

import re
import unicodedata

WORD_RE = re.compile(r"\w+")
# Punctuation that ends a phrase: two words on either side of it are not a bigram.
PHRASE_BREAK_RE = re.compile(r"[.,;:!?()\[\]{}\"'“”‘’«»…/\\|<>=+*#@&%^~`\n\r\t]+")

TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
QUALITY_MARKS = frozenset("\u0302\u0306\u031b")  # â ê ô (circumflex), ă (breve), ơ ư (horn)
VOWELS = frozenset("aeiouy")
VALID_INITIALS = frozenset(
    "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph q qu r s t th tr v x".split() + [""]
)
VALID_FINALS = frozenset("c ch m n ng nh p t".split() + [""])

_CACHE_LIMIT = 200_000
_canon_cache: dict[str, str] = {}
_fold_cache: dict[str, str] = {}


def _tone_position(letters: list[tuple[str, bool]]) -> int | None:
    """Index of the letter that carries the tone in a syllable, by the traditional rule.

    ``letters`` are (lowercase base letter, has a quality mark) pairs. Returns None when the word
    is not shaped like a Vietnamese syllable (then it is left as typed)."""
    bases = "".join(b for b, _ in letters)
    vowel_idx = [i for i, b in enumerate(bases) if b in VOWELS]
    if not vowel_idx:
        return None
    start, end = vowel_idx[0], vowel_idx[-1]
    if end - start + 1 != len(vowel_idx):  # two vowel groups: not one syllable
        return None
    # "qu" and "gi" (before another vowel) are consonants.
    if bases[start] == "u" and start > 0 and bases[start - 1] == "q" and end > start:
        start += 1
    elif bases[start] == "i" and bases[:start] == "g" and end > start:
        start += 1
    initial, final = bases[:start], bases[end + 1:]
    if initial not in VALID_INITIALS or final not in VALID_FINALS:
        return None
    run = range(start, end + 1)
    marked = [i for i in run if letters[i][1]]
    if marked:
        return marked[-1]  # ươ → ơ, iê → ê, uô → ô, ưa → ư
    if final:
        return end  # hoàng, toán, tuýp
    if len(run) == 3:
        return start + 1  # oai → a, uya → y
    return start  # open two-vowel syllable, old style: hòa, hòe, thủy, mía, cái


def _canonical_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in TONE_MARKS]
    if len(tones) != 1:
        return unicodedata.normalize("NFC", word)
    # Group into (base, marks) clusters.
    clusters: list[list[str]] = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            if not clusters:
                return unicodedata.normalize("NFC", word)
            if ch not in TONE_MARKS:
                clusters[-1].append(ch)
        else:
            clusters.append([ch])
    letters = [(c[0].lower(), any(m in QUALITY_MARKS for m in c[1:])) for c in clusters]
    pos = _tone_position(letters)
    if pos is None:
        return unicodedata.normalize("NFC", word)
    clusters[pos].append(tones[0])
    return unicodedata.normalize("NFC", "".join("".join(c) for c in clusters))


def canonical_word(word: str) -> str:
    """One word (already NFC or not) with its tone mark where the traditional rule puts it."""
    cached = _canon_cache.get(word)
    if cached is None:
        if word.isascii():
            cached = word
        else:
            cached = _canonical_word(word)
        if len(_canon_cache) >= _CACHE_LIMIT:
            _canon_cache.clear()
        _canon_cache[word] = cached
    return cached


def fold_word(word: str) -> str:
    """Lowercase, combining marks removed, đ → d (one word or any text)."""
    cached = _fold_cache.get(word)
    if cached is None:
        lowered = word.lower()
        if lowered.isascii():
            cached = lowered
        else:
            decomposed = unicodedata.normalize("NFD", lowered.replace("đ", "d"))
            cached = unicodedata.normalize(
                "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
            )
        if len(_fold_cache) >= _CACHE_LIMIT:
            _fold_cache.clear()
        _fold_cache[word] = cached
    return cached


# i/y spelling variants: "kỹ/kĩ", "lý/lí", "mỹ/mĩ", "hy/hi", "quy/qui" are one syllable written two
# ways, and both are in use. The search form of a folded word writes i. Only a lone y after a
# consonant (or after "qu") is concerned: the y of "thủy", "huy", "yêu", "tay", "uyên" is another sound.
_IY_RE = re.compile(r"\b((?:[bcdghklmnprstvx]|ch|gh|kh|ng|nh|ph|th|tr|qu))y\b")
_IY_FOLDED_RE = re.compile(r"(?:[bcdghklmnprstvx]|ch|gh|kh|ng|nh|ph|th|tr|qu)i")


def unify_iy(folded: str) -> str:
    """Folded text with the y of "ky", "ly", "quy"… written i (works on a word or on whole text)."""
    return _IY_RE.sub(r"\1i", folded) if "y" in folded else folded


def search_fold(word: str) -> str:
    """The folded form the search index and queries use: :func:`fold_word`, then i/y unified."""
    return unify_iy(fold_word(word))


def _canon_match(match: re.Match) -> str:
    return canonical_word(match.group())


def normalize(text: str | None) -> str:
    """NFC with unified tone placement (``hoà`` → ``hòa``, ``thuỷ`` → ``thủy``); case is kept.

    Every word keeps its length, so character offsets in the result are stable."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        return text
    return WORD_RE.sub(_canon_match, text)


def fold(text: str | None) -> str:
    """Vietnamese-insensitive form: lowercase, diacritics removed, đ/Đ → d."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    if len(text) <= 40:
        return fold_word(text)
    lowered = text.lower().replace("đ", "d")
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFD", lowered)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def has_diacritics(word: str) -> bool:
    """True when the word carries Vietnamese marks (or đ), i.e. its folded form differs."""
    return fold_word(word) != word.lower()


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(cp)
        folded = fold_word(ch)
        if folded != ch and len(folded) == 1:
            table[cp] = folded
    return table


FOLD_TABLE = _build_fold_table()


def fold_aligned(text: str) -> str:
    """Fold already-normalized text character by character (C speed): the result has the same
    length, so offsets found in it are offsets in ``text`` (used for snippets and phrase checks)."""
    return text.translate(FOLD_TABLE)


def _build_surface_classes() -> dict[str, str]:
    classes: dict[str, set[str]] = {}
    for cp in [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(cp)
        folded = fold_word(ch)
        if len(folded) == 1 and folded.isalpha():
            classes.setdefault(folded, set()).add(ch)
    return {k: "[" + "".join(sorted(v)) + "]" for k, v in classes.items()}


SURFACE_CLASSES = _build_surface_classes()


_IY_CLASS = SURFACE_CLASSES["i"][:-1] + SURFACE_CLASSES["y"][1:]


def surface_pattern(folded_word: str) -> str:
    """A regex matching every NFC spelling whose search fold is ``folded_word`` (any case, marks,
    tone placement, i/y): lets snippets and phrase checks search the original text at C speed."""
    pattern = "".join(SURFACE_CLASSES.get(c, re.escape(c)) for c in folded_word)
    if _IY_FOLDED_RE.fullmatch(folded_word):  # "ki" is also written "ký", "kỳ", "ky"
        pattern = pattern[: -len(SURFACE_CLASSES["i"])] + _IY_CLASS
    return pattern


_phrase_cache: dict[tuple[str, ...], re.Pattern] = {}


def phrase_regex(folded_words: list[str] | tuple[str, ...]) -> re.Pattern:
    """Every spelling of the words side by side (at most 3 non-word characters between them), to
    search original text without folding it. It starts with a character class, so the regex engine
    scans for the first letter in C; :func:`find_phrase` checks the left word boundary."""
    key = tuple(folded_words)
    rx = _phrase_cache.get(key)
    if rx is None:
        if len(_phrase_cache) >= _CACHE_LIMIT:
            _phrase_cache.clear()
        rx = _phrase_cache[key] = re.compile(r"\W{1,3}".join(surface_pattern(w) for w in key) + r"(?!\w)")
    return rx


def find_phrase(rx: re.Pattern, text: str) -> re.Match | None:
    """The first match of ``rx`` that starts a word."""
    for m in rx.finditer(text):
        s = m.start()
        if not s or not (text[s - 1].isalnum() or text[s - 1] == "_"):
            return m
    return None


def words(text: str | None) -> list[str]:
    """The analyzer's words (normalized, lowercase), in order."""
    if not text:
        return []
    return [w.lower() for w in WORD_RE.findall(normalize(text))]


def folded_words(text: str | None) -> list[str]:
    return [search_fold(w) for w in words(text)]


def marked_words(text: str | None) -> list[str]:
    """The exact words that carry diacritics (the others equal their folded form)."""
    return [w for w in words(text) if fold_word(w) != w]


def bigrams(text: str | None) -> list[str]:
    """Folded word pairs inside each phrase (not across punctuation): the phrase field's terms."""
    if not text:
        return []
    out: list[str] = []
    for segment in PHRASE_BREAK_RE.split(normalize(text)):
        seq = [search_fold(w) for w in WORD_RE.findall(segment)]
        out.extend(f"{a} {b}" for a, b in zip(seq, seq[1:], strict=False))
    return out

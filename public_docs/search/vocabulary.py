"""The index's vocabulary: folded words with their document counts, for typo tolerance and suggestions.

Read once per searcher (the index generation) through Whoosh's public reader API
(``reader.iter_field``), on first use, and dropped with the searcher. Numbers and very long
tokens are left out: a typo is looked for among words.

* :func:`corrections` — the words of the vocabulary within one edit (Damerau: a letter inserted,
  deleted, replaced, or two neighbours swapped) of a folded word, most frequent first;
* :func:`completions` — the words starting with a prefix, most frequent first;
* :meth:`Vocabulary.display` — the most frequent marked spelling of a folded word (``sach`` →
  ``sách``), to show a correction as people write it.
"""
from __future__ import annotations

import bisect
import threading
import weakref
from dataclasses import dataclass, field

MAX_WORD = 24
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
_vocabularies: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_lock = threading.Lock()


@dataclass
class Vocabulary:
    df: dict[str, int] = field(default_factory=dict)  # folded word → documents holding it
    words: list[str] = field(default_factory=list)  # sorted, for prefixes
    marked: dict[str, tuple[str, int]] = field(default_factory=dict)  # folded → (spelling, documents)

    def display(self, folded: str) -> str:
        spelling = self.marked.get(folded)
        return spelling[0] if spelling is not None and spelling[1] * 2 >= self.df.get(folded, 0) else folded


def _keep(word: str) -> bool:
    return 0 < len(word) <= MAX_WORD and not word.isdigit()


def _text(raw) -> str:
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw


def build(reader) -> Vocabulary:
    """The vocabulary of a Whoosh reader (its folded title and text fields)."""
    from public_docs.search.vietnamese import search_fold

    vocab = Vocabulary()
    for fieldname in ("title_f", "text_f"):
        for raw, info in reader.iter_field(fieldname):
            word = _text(raw)
            if _keep(word):
                vocab.df[word] = max(vocab.df.get(word, 0), info.doc_frequency())
    for fieldname in ("title_x", "text_x"):
        for raw, info in reader.iter_field(fieldname):
            word = _text(raw)
            if not _keep(word):
                continue
            folded, count = search_fold(word), info.doc_frequency()
            best = vocab.marked.get(folded)
            if best is None or count > best[1]:
                vocab.marked[folded] = (word, count)
    vocab.words = sorted(vocab.df)
    return vocab


def for_state(state) -> Vocabulary:
    """The vocabulary of a warm searcher (built on first use, kept as long as the searcher)."""
    vocab = _vocabularies.get(state)
    if vocab is None:
        with _lock:
            vocab = _vocabularies.get(state)
            if vocab is None:
                with state.lock:  # the searcher's files: one reader at a time (warm.py)
                    vocab = build(state.searcher.reader())
                _vocabularies[state] = vocab
    return vocab


def edits1(word: str) -> set[str]:
    """Every string one Damerau edit away from ``word`` (over folded letters and digits)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in ALPHABET}
    out |= {a + c + b for a, b in splits for c in ALPHABET}
    out.discard(word)
    return out


def corrections(vocab: Vocabulary, word: str, limit: int = 2) -> list[tuple[str, int]]:
    """(word, documents) of the vocabulary one edit away from ``word``, most frequent first."""
    found = [(w, vocab.df[w]) for w in edits1(word) if w in vocab.df]
    found.sort(key=lambda item: (-item[1], item[0]))
    return found[:limit]


def completions(vocab: Vocabulary, prefix: str, limit: int = 5) -> list[str]:
    """Words of the vocabulary starting with ``prefix`` (the prefix too), most frequent first."""
    if not prefix:
        return []
    start = bisect.bisect_left(vocab.words, prefix)
    found = []
    for word in vocab.words[start:start + 2000]:
        if not word.startswith(prefix):
            break
        found.append(word)
    found.sort(key=lambda w: (-vocab.df[w], w))
    return found[:limit]

"""The search benchmark's vocabulary (``bench/vi_vocabulary.py``, used by ``bench/search_corpus.py``):
at least 3,000 distinct real Vietnamese syllables, each one word for the project's ``\\w+`` analyzer,
lowercase NFC; at least 300 administrative phrases made of those syllables; the corpus generator
builds documents of the advertised length from them."""
from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import vi_vocabulary  # noqa: E402 - after the sys.path insert above
from search_corpus import PHRASES, Corpus, vocabulary  # noqa: E402 - after the sys.path insert above

from public_docs.search.analysis import words  # noqa: E402 - after the sys.path insert above


def test_at_least_3000_distinct_syllables():
    syllables = vi_vocabulary.syllables()
    assert len(syllables) == len(set(syllables))
    assert len(syllables) >= 3000
    assert vocabulary(None) == syllables
    assert len(vocabulary(None, size=3000)) == 3000


def test_each_syllable_is_one_lowercase_nfc_word():
    for syllable in vi_vocabulary.syllables():
        assert words(syllable) == [syllable], syllable
        assert syllable == syllable.lower() == unicodedata.normalize("NFC", syllable), syllable


def test_rank_order_starts_with_the_common_syllables():
    syllables = vi_vocabulary.syllables()
    common = list(dict.fromkeys(w.lower() for w in vi_vocabulary.COMMON))
    assert syllables[:len(common)] == [words(w)[0] for w in common]


def test_at_least_300_phrases_made_of_known_syllables():
    assert PHRASES is vi_vocabulary.PHRASES
    assert len(PHRASES) >= 300
    assert len(set(PHRASES)) == len(PHRASES)
    known = set(vi_vocabulary.syllables())
    for phrase in PHRASES:
        assert words(phrase), phrase
        assert set(words(phrase)) <= known, phrase


def test_corpus_documents_have_the_advertised_length():
    corpus = Corpus(5)
    assert len(corpus.vocab) >= 3000
    docs = list(corpus.documents())
    assert len(docs) == 5
    longest_phrase = max(len(p.split()) for p in PHRASES)
    # 300–2,000 draws; up to one in 60 of them is a whole phrase instead of one syllable
    upper = 2000 + (2000 // 60) * (longest_phrase - 1)
    for doc in docs:
        count = len(doc["body"].split())
        assert 300 <= count <= upper, count
        assert doc["title"] and doc["number"].endswith("-UBND")

"""The search benchmark's synthetic corpus: real Vietnamese syllables under a Zipf distribution, the
disclosures built from them and the fixed query mix. Used by ``bench/search.py``.

The vocabulary lives in ``bench/vi_vocabulary.py`` (and ``vi_vocabulary_2.py``): ~400 frequent
syllables of ward documents, ~350 administrative phrases, then a few thousand hand-written real
words (administration, law, budget, land, health, education, farming, daily life, nature,
Sino-Vietnamese and expressive words, names, ...). Their distinct syllables, most frequent first,
give the Zipf ranks; no syllable is generated.
"""
from __future__ import annotations

import datetime as dt
import itertools
import random

from vi_vocabulary import COMMON, PHRASES, syllables  # noqa: F401  (COMMON, PHRASES: re-exported)


def vocabulary(rng: random.Random | None = None, size: int | None = None) -> list[str]:
    """The distinct real syllables in Zipf-rank order (≥ 3,000), the first ``size`` when given.

    ``rng`` is unused (the order is fixed by the vocabulary files); kept for the old signature."""
    words = syllables()
    return words[:size] if size else words


class Corpus:
    """``n`` disclosures of 300–2,000 words drawn from :func:`vocabulary` with Zipf weights (s = 1),
    about one word in 60 replaced by a whole administrative phrase; deterministic for a given seed."""

    def __init__(self, n: int, seed: int = 7):
        self.rng = random.Random(seed)
        self.vocab = vocabulary(self.rng)
        # Zipf (s = 1) over the vocabulary; phrases are drawn like words of middling rank
        weights = [1.0 / (r + 1) for r in range(len(self.vocab))]
        self.cum = list(itertools.accumulate(weights))
        self.n = n

    def words(self, k: int) -> list[str]:
        out = self.rng.choices(self.vocab, cum_weights=self.cum, k=k)
        for _ in range(k // 60):
            out[self.rng.randrange(k)] = self.rng.choice(PHRASES)
        return out

    def documents(self):
        from public_docs.disclosures.models import CATEGORIES, FORMS

        cats = list(CATEGORIES)
        codes = {"Quyết định": "QĐ", "Kế hoạch": "KH", "Báo cáo": "BC", "Thông báo": "TB", "Tờ trình": "TTr"}
        for i in range(self.n):
            form = self.rng.choice(FORMS)
            body_words = self.words(self.rng.randint(300, 2000))
            sentences, j = [], 0
            while j < len(body_words):
                step = self.rng.randint(8, 25)
                sentences.append(" ".join(body_words[j:j + step]).capitalize() + ".")
                j += step
            yield {
                "number": f"{i + 1}/{codes.get(form, 'UBND')}-UBND",
                "title": " ".join(self.words(self.rng.randint(6, 14))).capitalize(),
                "summary": " ".join(self.words(self.rng.randint(20, 40))).capitalize() + ".",
                "body": " ".join(sentences),
                "category": self.rng.choice(cats),
                "form": form,
                "issuer": self.rng.choice(["UBND phường Hòa An", "UBND quận Cẩm Lệ", "HĐND phường Hòa An"]),
                "issued_on": dt.date(2020, 1, 1) + dt.timedelta(days=self.rng.randrange(2500)),
            }


def query_mix(corpus: Corpus, count: int, seed: int) -> list[tuple[str, str]]:
    """(kind, query) pairs: common / rare words, with / without diacritics, document numbers."""
    from public_docs.search.analysis import fold

    rng = random.Random(seed)
    # common: the head of the Zipf ranking (COMMON); rare: rank 800 and beyond (the themed word lists)
    common, rare = corpus.vocab[:150], corpus.vocab[800:]
    out = []
    for i in range(count):
        kind = ["common", "rare", "mixed", "phrase", "number"][i % 5]
        k = rng.randint(1, 4)
        if kind == "common":
            words = rng.sample(common, k)
        elif kind == "rare":
            words = rng.sample(rare, min(k, 2))
        elif kind == "mixed":
            words = rng.sample(common, max(1, k - 1)) + rng.sample(rare, 1)
        elif kind == "phrase":
            words = rng.choice(PHRASES).split()[:4]
        else:
            n = rng.randint(1, corpus.n)
            q = f"{n}/UBND"  # the variants below cover case and diacritics
            out.append(("number", q))
            continue
        q = " ".join(words)
        if i % 2:
            q, kind = fold(q), kind + "-folded"
        out.append((kind, q))
    return out

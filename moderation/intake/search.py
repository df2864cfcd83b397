"""Searching the public petitions in the database.

Each petition stores its shown title and description folded the way the disclosure search folds
text (:func:`public_docs.search.vietnamese.folded_words`: no diacritics, ``đ`` → ``d``, lowercase,
i/y spellings unified) as `` word word … `` in ``Submission.search_text``; the model keeps it
current whenever the title, the description or their redacted public versions change, so the
original wording of a redacted petition is never searchable. A query matches the petitions holding
a word that starts with each of its words (``LIKE '% word%'``, all of them), and is counted and
paginated by the database.

Queries are capped: :data:`MAX_QUERY_CHARS` characters and :data:`MAX_QUERY_WORDS` distinct words.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from portal.sanitize import clean_text
from public_docs.search.vietnamese import folded_words

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 10


def search_text(title: str | None, description: str | None) -> str:
    words = folded_words(f"{title or ''}\n{description or ''}")
    return f" {' '.join(words)} " if words else ""


@dataclass
class PetitionQuery:
    text: str = ""  # what the search box shows back (at most MAX_QUERY_CHARS)
    words: list[str] = field(default_factory=list)  # folded, distinct, at most MAX_QUERY_WORDS
    capped: bool = False  # the query was longer: only ``text`` / ``words`` were searched


def parse(raw: str | None) -> PetitionQuery:
    text = " ".join(clean_text(raw, 20 * MAX_QUERY_CHARS).split())
    query = PetitionQuery(text=text[:MAX_QUERY_CHARS].rstrip(), capped=len(text) > MAX_QUERY_CHARS)
    for word in folded_words(query.text):
        if not word.strip("_") or word in query.words:
            continue
        if len(query.words) == MAX_QUERY_WORDS:
            query.capped = True
            break
        query.words.append(word)
    return query


def conditions(words: list[str]) -> list:
    """WHERE clauses: every word begins a word of the petition's shown text."""
    from moderation.intake.models import Submission

    return [Submission.search_text.like("% " + w.replace("_", "\\_") + "%", escape="\\") for w in words]

"""The search answered from the database while this host's index is missing, damaged or rebuilt.

Every word of the query must begin a word of the title, number, summary or body of a published
disclosure, in any of its spellings (case, diacritics, tone placement, i/y: the patterns of
:func:`public_docs.search.vietnamese.surface_pattern`), matched by the database itself
(PostgreSQL ``~``, SQLite ``REGEXP`` through Python's ``re``); newest first, with the same
snippets and highlighting as the index. Slower than the index and not ranked, so it only bridges
the minutes of a rebuild.
"""
from __future__ import annotations

from sqlalchemy import func, or_, select

from public_docs.search.query import parse
from public_docs.search.texts import TextLoader
from public_docs.search.vietnamese import surface_pattern


def search_database(query: str | None, filters=None, page: int = 1, per_page: int = 20):
    from portal.extensions import db
    from public_docs import search as S
    from public_docs.disclosures.models import Disclosure, DisclosureStatus
    from public_docs.disclosures.services import filter_public

    parsed = parse(query)
    filters = S.clean_filters(filters)
    result = S.SearchResult(query=parsed.text, page=page, per_page=per_page, sort="date", filters=filters,
                            truncated=parsed.truncated, available=False, from_database=True)
    if parsed.empty and not filters:
        result.empty_query = True
        return result
    columns = (Disclosure.title, Disclosure.number, Disclosure.summary, Disclosure.body_html)
    stmt = filter_public(filters).where(Disclosure.status == DisclosureStatus.published)
    for term in parsed.terms:
        pattern = r"(?:^|\W)" + surface_pattern(term.folded)
        stmt = stmt.where(or_(*(column.regexp_match(pattern) for column in columns)))
    result.total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    start = (page - 1) * per_page
    if start >= min(result.total, S.MAX_RESULTS):
        return result
    doc_ids = list(db.session.scalars(stmt.with_only_columns(Disclosure.id).limit(per_page).offset(start)))
    texts = TextLoader()(doc_ids)
    words = [t.folded for t in parsed.terms]
    for doc_id in doc_ids:
        title, content = texts.get(doc_id, ("", ""))
        result.hits.append(S.SearchHit(doc_id=doc_id, score=0.0, snippet=S.snippet(content, words),
                                       title_html=S.highlight(title, words)))
    return result

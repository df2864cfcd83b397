"""What the index holds of a published disclosure, read from an ORM object (one change) or in
bulk with plain column queries (a rebuild): a :class:`DocSource`, then its Whoosh fields.

No personal data: only public text (title, number, summary, body, attachment text) and the
disclosure's public metadata.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from portal.ward import local_date
from public_docs.search.analysis import count_words, folded_counts, marked_counts
from public_docs.search.schema import number_key
from public_docs.search.texts import disclosure_text, searchable_text

# Whoosh fields holding one or a few values of the disclosure (everything but the counted texts)
KEYWORD_FIELDS = ("id", "number", "category", "form", "issuer", "year", "status", "groups", "budget_kind",
                  "budget_year")


@dataclass
class DocSource:
    id: int
    title: str
    number: str
    text: str  # texts.searchable_text(): summary, body without tags, attachment texts
    category: str
    form: str
    issuer: str
    date: dt.date | None  # issued on, else the day it was published
    groups: tuple[str, ...]  # residential group codes, sorted
    status: str
    budget_kind: str = ""  # BUDGET_KINDS code of a budget document, else ""
    budget_year: int | None = None  # its fiscal year


def _status(value) -> str:
    return value.value if hasattr(value, "value") else str(value)


def _date(issued_on, published_at) -> dt.date | None:
    return issued_on or (local_date(published_at) if published_at else None)


def source_of(disclosure) -> DocSource:
    return DocSource(
        id=disclosure.id, title=disclosure.title or "", number=disclosure.number or "",
        text=disclosure_text(disclosure), category=disclosure.category or "", form=disclosure.form or "",
        issuer=disclosure.issuer or "", date=_date(disclosure.issued_on, disclosure.published_at),
        groups=tuple(sorted(g.code for g in disclosure.groups)), status=_status(disclosure.status),
        budget_kind=disclosure.budget_kind or "", budget_year=disclosure.budget_year,
    )


def published_sources(session, batch: int = 1000) -> Iterator[DocSource]:
    """Every published disclosure, in id order, read with column queries a batch at a time (no
    ORM objects: a rebuild reads every row once)."""
    from sqlalchemy import select

    from portal.ward import ResidentialGroup
    from public_docs.disclosures.models import Attachment, Disclosure, DisclosureStatus, disclosure_group

    columns = (Disclosure.id, Disclosure.title, Disclosure.number, Disclosure.summary, Disclosure.body_html,
               Disclosure.body_source, Disclosure.category, Disclosure.form, Disclosure.issuer,
               Disclosure.issued_on, Disclosure.published_at, Disclosure.status, Disclosure.budget_kind,
               Disclosure.budget_year)
    last = 0
    while True:
        rows = session.execute(
            select(*columns).where(Disclosure.status == DisclosureStatus.published, Disclosure.id > last)
            .order_by(Disclosure.id).limit(batch)
        ).all()
        if not rows:
            return
        ids = [r.id for r in rows]
        groups: dict[int, list[str]] = {}
        for did, code in session.execute(
            select(disclosure_group.c.disclosure_id, ResidentialGroup.code)
            .join(ResidentialGroup, ResidentialGroup.id == disclosure_group.c.group_id)
            .where(disclosure_group.c.disclosure_id.in_(ids))
        ):
            groups.setdefault(did, []).append(code)
        files: dict[int, list[str]] = {}
        for did, text in session.execute(
            select(Attachment.disclosure_id, Attachment.text)
            .where(Attachment.disclosure_id.in_(ids), Attachment.removed_at.is_(None)).order_by(Attachment.id)
        ):
            if text:
                files.setdefault(did, []).append(unicodedata.normalize("NFC", text))
        for r in rows:
            yield DocSource(
                id=r.id, title=r.title or "", number=r.number or "",
                text=searchable_text(r.summary, r.body_html or r.body_source, files.get(r.id, ())),
                category=r.category or "", form=r.form or "", issuer=r.issuer or "",
                date=_date(r.issued_on, r.published_at), groups=tuple(sorted(groups.get(r.id, ()))),
                status=_status(r.status), budget_kind=r.budget_kind or "", budget_year=r.budget_year,
            )
        last = ids[-1]
        if len(rows) < batch:
            return


def keyword_fields(src: DocSource) -> dict[str, str]:
    return dict(
        id=str(src.id), number=number_key(src.number) or "-", category=src.category or "-",
        form=src.form or "-", issuer=src.issuer or "-", year=str(src.date.year) if src.date else "-",
        status=src.status, groups=",".join(src.groups), budget_kind=src.budget_kind or "-",
        budget_year=str(src.budget_year) if src.budget_year else "-",
    )


def meta_of(src: DocSource, title_len: int, text_len: int, num_len: int) -> tuple:
    """The stored ``meta`` field: (doc_id, category, year, form, issuer, groups, status,
    date_ordinal, title_len, text_len, num_len, budget_kind, budget_year)."""
    year = str(src.date.year) if src.date else ""
    return (src.id, src.category, year, src.form, src.issuer, src.groups, src.status,
            src.date.toordinal() if src.date else 0, title_len, text_len, num_len, src.budget_kind,
            str(src.budget_year) if src.budget_year else "")


def document_fields(src: DocSource) -> dict:
    """The Whoosh fields of one document (``writer.update_document(**fields)``)."""
    title, text, num = count_words(src.title), count_words(src.text), count_words(src.number)
    meta = meta_of(src, sum(title.values()), sum(text.values()), sum(num.values()))
    return dict(
        keyword_fields(src), num=dict(folded_counts(num)),
        title_x=dict(marked_counts(title)), title_f=dict(folded_counts(title)),
        text_x=dict(marked_counts(text)), text_f=dict(folded_counts(text)), meta=meta,
    )

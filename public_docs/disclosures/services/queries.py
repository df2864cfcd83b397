"""Read-only lookups: the public listing with its filters and facet counts, projects, open
consultations, attachments still in force, and the case-insensitive number lookup."""
from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import func, or_, select
from sqlalchemy.orm import lazyload

from portal.extensions import db
from portal.sanitize import clean_text
from portal.ward import ResidentialGroup
from public_docs.disclosures.models import (
    BUDGET_KINDS,
    CATEGORIES,
    FILTER_LABELS,
    STATUS_LABELS,
    Attachment,
    Disclosure,
    DisclosureStatus,
    disclosure_group,
)
from public_docs.disclosures.services.common import today

PUBLIC_STATUSES = (DisclosureStatus.published, DisclosureStatus.withdrawn)  # a withdrawn page stays, marked


def get_public_disclosure(disclosure_id: int) -> Disclosure | None:
    d = db.session.get(Disclosure, disclosure_id)
    return d if d is not None and d.is_public else None


def _is_public():
    return Disclosure.status.in_(PUBLIC_STATUSES)


def public_query():
    return select(Disclosure).where(_is_public())


def list_only() -> tuple:
    """Load options for lists that show a disclosure's own columns only: its groups and files
    (loaded with every disclosure otherwise) are then read only if something asks for them. A
    function, not a constant: building the options configures the mappers, which must wait until
    every domain's models are imported."""
    return (lazyload(Disclosure.groups), lazyload(Disclosure.attachments))


def list_projects(limit: int | None = None) -> list[Disclosure]:
    """Published projects (petitions may name them; a supervision board can attach to them), newest
    first (the first ``limit``)."""
    return list(
        db.session.scalars(
            select(Disclosure)
            .where(Disclosure.is_project.is_(True), Disclosure.status == DisclosureStatus.published)
            .order_by(Disclosure.issued_on.desc(), Disclosure.id.desc())
            .options(*list_only()).limit(limit)
        )
    )


def is_open_for_comments(disclosure: Disclosure, on_date: dt.date | None = None) -> bool:
    if disclosure is None or disclosure.status != DisclosureStatus.published:
        return False
    start, end = disclosure.comments_open_from, disclosure.comments_open_until
    if start is None or end is None:
        return False
    on_date = on_date or today()
    return start <= on_date <= end


def list_open_consultations(on_date: dt.date | None = None) -> list[Disclosure]:
    on_date = on_date or today()
    return list(
        db.session.scalars(
            select(Disclosure)
            .where(
                Disclosure.status == DisclosureStatus.published,
                Disclosure.comments_open_from <= on_date,
                Disclosure.comments_open_until >= on_date,
            )
            .order_by(Disclosure.comments_open_until)
            .options(*list_only())
        )
    )


def active_attachments(disclosure: Disclosure) -> list[Attachment]:
    return [a for a in disclosure.attachments if a.removed_at is None]


def find_by_number(number: str) -> Disclosure | None:
    """The disclosure with this number, ignoring case (SQLite's lower() knows only ASCII: Đ/đ)."""
    number = re.sub(r"\s+", "", clean_text(number))
    exact = db.session.scalar(select(Disclosure).where(Disclosure.number == number))
    if exact is not None:
        return exact
    wanted = number.casefold()
    candidates = db.session.scalars(select(Disclosure).where(func.length(Disclosure.number) == len(number)))
    return next((d for d in candidates if d.number.casefold() == wanted), None)


# ------------------------------------------------------------------------------ public listing
FILTER_KEYS = tuple(FILTER_LABELS)


def clean_filters(args) -> dict[str, str]:
    """The list filters from request args (unknown values are dropped, never an error)."""
    out: dict[str, str] = {}
    for key in FILTER_KEYS:
        value = clean_text(args.get(key), 200)
        if not value:
            continue
        if key == "category" and value not in CATEGORIES:
            continue
        if key == "budget_kind" and value not in BUDGET_KINDS:
            continue
        if key in ("year", "budget_year") and not re.fullmatch(r"(19|20)[0-9][0-9]", value):
            continue
        if key == "status" and value not in {s.value for s in PUBLIC_STATUSES}:
            continue
        out[key] = value
    q = clean_text(args.get("q"), 200)
    if q:
        out["q"] = q
    return out


def _year_expr():
    return func.extract("year", Disclosure.issued_on)


def _apply_filters(stmt, filters: dict, skip: str | None = None):
    for key, value in filters.items():
        if key == skip:
            continue
        if key == "category":
            stmt = stmt.where(Disclosure.category == value)
        elif key == "year":
            stmt = stmt.where(_year_expr() == int(value))
        elif key == "budget_kind":
            stmt = stmt.where(Disclosure.budget_kind == value)
        elif key == "budget_year":
            stmt = stmt.where(Disclosure.budget_year == int(value))
        elif key == "form":
            stmt = stmt.where(Disclosure.form == value)
        elif key == "issuer":
            stmt = stmt.where(Disclosure.issuer == value)
        elif key == "status":
            stmt = stmt.where(Disclosure.status == DisclosureStatus(value))
        elif key == "group":
            sub = (
                select(disclosure_group.c.disclosure_id)
                .join(ResidentialGroup, ResidentialGroup.id == disclosure_group.c.group_id)
                .where(ResidentialGroup.code == value)
            )
            stmt = stmt.where(Disclosure.id.in_(sub))
        elif key == "q":
            stmt = _matching(stmt, value)
    return stmt


def _matching(stmt, q: str):
    """The disclosures the search engine finds for ``q`` (the same answer as /tim-kiem, found once
    per request); while the index is rebuilt, those holding every word (the database's answer)."""
    from flask import g, has_app_context

    from public_docs.search import search_ids
    from public_docs.search.query import parse
    from public_docs.search.vietnamese import surface_pattern

    memo = g.setdefault("_disclosure_search_ids", {}) if has_app_context() else {}
    if q not in memo:
        memo[q] = search_ids(q)
    ids = memo[q]
    if ids is not None:
        return stmt.where(Disclosure.id.in_(ids or [-1]))
    columns = (Disclosure.title, Disclosure.number, Disclosure.summary, Disclosure.body_html)
    for term in parse(q).terms:
        pattern = r"(?:^|\W)" + surface_pattern(term.folded)
        stmt = stmt.where(or_(*(column.regexp_match(pattern) for column in columns)))
    return stmt


def filter_public(filters: dict):
    """A select of the public disclosures matching ``filters``, newest first."""
    stmt = _apply_filters(public_query(), filters)
    return stmt.order_by(Disclosure.issued_on.desc().nulls_last(), Disclosure.id.desc())


def facet_counts(filters: dict) -> dict[str, list[tuple[str, str, int]]]:
    """For each filter: [(value, label, count)] among the disclosures matching the *other* filters."""
    public = _is_public()
    out: dict[str, list[tuple[str, str, int]]] = {}

    def grouped(key, column):
        stmt = _apply_filters(select(column, func.count(Disclosure.id)).where(public), filters, skip=key)
        return db.session.execute(stmt.group_by(column)).all()

    rows = grouped("category", Disclosure.category)
    counts = {k: n for k, n in rows}
    out["category"] = [(k, CATEGORIES[k], counts[k]) for k in CATEGORIES if counts.get(k)]
    year = _year_expr()
    rows = grouped("year", year)
    out["year"] = sorted(((str(int(y)), str(int(y)), n) for y, n in rows if y is not None), reverse=True)
    rows = grouped("form", Disclosure.form)
    out["form"] = sorted(((f, f, n) for f, n in rows if f), key=lambda r: r[0])
    rows = grouped("issuer", Disclosure.issuer)
    out["issuer"] = sorted(((f, f, n) for f, n in rows if f), key=lambda r: r[0])
    rows = grouped("status", Disclosure.status)
    out["status"] = [
        (s.value if isinstance(s, DisclosureStatus) else s, STATUS_LABELS[DisclosureStatus(s)], n) for s, n in rows
    ]
    stmt = _apply_filters(
        select(ResidentialGroup.code, ResidentialGroup.name, func.count(Disclosure.id))
        .join(disclosure_group, disclosure_group.c.group_id == ResidentialGroup.id)
        .join(Disclosure, Disclosure.id == disclosure_group.c.disclosure_id)
        .where(public),
        filters,
        skip="group",
    ).group_by(ResidentialGroup.code, ResidentialGroup.name, ResidentialGroup.position)
    stmt = stmt.order_by(ResidentialGroup.position, ResidentialGroup.code)
    out["group"] = [(c, name, n) for c, name, n in db.session.execute(stmt).all()]
    rows = grouped("budget_kind", Disclosure.budget_kind)
    counts = {k: n for k, n in rows if k}
    out["budget_kind"] = [(k, BUDGET_KINDS[k], counts[k]) for k in BUDGET_KINDS if counts.get(k)]
    rows = grouped("budget_year", Disclosure.budget_year)
    out["budget_year"] = sorted(((str(y), str(y), n) for y, n in rows if y), reverse=True)
    return out

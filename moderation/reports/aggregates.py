"""The SQL side of the petition statistics: every figure is a GROUP BY or a sum in the database, so
a page costs the same few statements whatever the number of petitions; Python only turns the
grouped rows (statuses, months, topics, groups, and the answered cases grouped by their dates)
into figures.

The ward's calendar day of a timestamp is computed in SQL: PostgreSQL converts with the time zone
(``AT TIME ZONE 'Asia/Ho_Chi_Minh'``); SQLite adds the zone's fixed offset (UTC+7 since 1975).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import String, and_, case, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from moderation.cases.models import Case, CaseStatus, Referral
from moderation.intake.models import Submission, SubmissionKind
from portal.extensions import db


class local_day(FunctionElement):
    """``YYYY-MM-DD`` text: the ward's calendar day of a UTC timestamp column."""

    type = String()
    inherit_cache = True
    name = "local_day"


def _zone():
    from portal.ward import ward_tz

    return ward_tz()


@compiles(local_day)
def _local_day_sqlite(element, compiler, **kw):
    minutes = int(_zone().utcoffset(dt.datetime(2026, 1, 1)).total_seconds() // 60)
    column = compiler.process(element.clauses, **kw)
    # Stored as 'YYYY-MM-DD HH:MM:SS.ffffff': SQLite rounds fractions to milliseconds (23:59:59.9999
    # would become the next day), so whole seconds only.
    return f"date(substr({column}, 1, 19), '{minutes:+d} minutes')"


@compiles(local_day, "postgresql")
def _local_day_postgresql(element, compiler, **kw):
    column = compiler.process(element.clauses, **kw)
    return f"to_char({column} AT TIME ZONE '{_zone().key}', 'YYYY-MM-DD')"


def _day(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _petitions(lo, hi):
    """WHERE clauses of the petitions received in [lo, hi)."""
    clauses = [Submission.kind == SubmissionKind.petition]
    if lo is not None:
        clauses.append(Submission.created_at >= lo)
    if hi is not None:
        clauses.append(Submission.created_at < hi)
    return clauses


def _grouped(columns: dict, where, joins=()) -> list:
    """``SELECT <columns>, count(*) … GROUP BY <columns>`` through a subquery, so that expressions
    holding literals group alike on every database."""
    inner = select(*[c.label(name) for name, c in columns.items()]).select_from(Submission)
    for target, on in joins:
        inner = inner.join(target, on, isouter=True)
    inner = inner.where(*where).subquery()
    keys = [inner.c[name] for name in columns]
    return db.session.execute(select(*keys, func.count()).group_by(*keys)).all()


def status_counts(lo, hi) -> dict:
    return {status: n for status, n in _grouped({"status": Submission.status}, _petitions(lo, hi))}


def month_counts(lo, hi) -> dict[str, int]:
    rows = _grouped({"month": func.substr(local_day(Submission.created_at), 1, 7)}, _petitions(lo, hi))
    return {month: n for month, n in rows}


def column_counts(column, lo, hi) -> dict:
    return {key: n for key, n in _grouped({"key": column}, _petitions(lo, hi))}


def case_totals(lo, hi) -> dict[str, int]:
    """Referred, closed and the ratings of the cases of the petitions received in [lo, hi)."""
    has_referral = select(Referral.id).where(Referral.case_id == Case.id).exists()
    row = db.session.execute(
        select(
            func.coalesce(func.sum(case((has_referral, 1), else_=0)), 0),
            func.coalesce(func.sum(case((Case.status == CaseStatus.closed, 1), else_=0)), 0),
            func.coalesce(func.sum(Case.rating), 0),
            func.count(Case.rating),
        ).select_from(Submission).join(Case, Case.submission_id == Submission.id).where(*_petitions(lo, hi))
    ).one()
    return {"referred": int(row[0]), "closed": int(row[1]), "rating_sum": int(row[2]), "ratings": int(row[3])}


def answered_groups(lo, hi) -> list[tuple]:
    """The answered cases of the petitions received in [lo, hi), grouped by what their figures
    depend on: (day received, first authority answer's day or None, that answer in time (0/1) or
    None, the Board's response day and the case's creation day when no authority answered, count).

    The first answer is the referral answered earliest (the lowest id among the same day), as
    :func:`moderation.reports.figures.answer_date` takes it."""
    ranked = (
        select(Referral.case_id, Referral.answered_on, Referral.answer_due,
               func.row_number().over(partition_by=Referral.case_id,
                                      order_by=(Referral.answered_on, Referral.id)).label("rank"))
        .where(Referral.answered_on.is_not(None))
        .subquery()
    )
    no_answer = ranked.c.case_id.is_(None)
    columns = {
        "received": local_day(Submission.created_at),
        "answered_on": ranked.c.answered_on,
        "in_time": case((no_answer, None),
                        (or_(ranked.c.answer_due.is_(None), ranked.c.answered_on <= ranked.c.answer_due), 1),
                        else_=0),
        "responded": case((no_answer, local_day(Case.responded_at)), else_=None),
        "case_created": case((no_answer, local_day(Case.created_at)), else_=None),
    }
    where = [*_petitions(lo, hi), Case.id.is_not(None), or_(~no_answer, Case.responded_at.is_not(None))]
    joins = [(Case, Case.submission_id == Submission.id),
             (ranked, and_(ranked.c.case_id == Case.id, ranked.c.rank == 1))]
    return [(_day(r[0]), _day(r[1]), r[2], _day(r[3]), _day(r[4]), r[5]) for r in _grouped(columns, where, joins)]

"""The SQL side of the petition statistics: every figure is a GROUP BY or a sum in the database, so
a page costs the same few statements whatever the number of petitions; Python only turns the
grouped rows (statuses, months, topics, groups, and the answered cases grouped by their dates)
into figures.

The ward's calendar days are stored with the rows (``submission.created_day``, ``case.created_day``,
``case.responded_day``: set by the models' hooks in the transaction that sets the timestamp, in
the ward's time zone), so the groupings read indexed columns instead of converting every
timestamp.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, case, func, or_, select

from moderation.cases.models import Case, CaseStatus, Referral
from moderation.intake.models import Submission, SubmissionKind
from portal.extensions import db


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
    """Petitions per month of their stored ward-local day: one row per day from the
    (kind, created_day) index, summed into months here."""
    clauses = [Submission.kind == SubmissionKind.petition]
    if lo is not None:
        clauses.append(Submission.created_day >= lo.date())
    if hi is not None:
        clauses.append(Submission.created_day < hi.date())
    months: dict[str, int] = {}
    for day, n in db.session.execute(select(Submission.created_day, func.count()).where(*clauses)
                                     .group_by(Submission.created_day)):
        day = _day(day)
        key = day.strftime("%Y-%m") if day else None
        months[key] = months.get(key, 0) + n
    return months


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
        "received": Submission.created_day,
        "answered_on": ranked.c.answered_on,
        "in_time": case((no_answer, None),
                        (or_(ranked.c.answer_due.is_(None), ranked.c.answered_on <= ranked.c.answer_due), 1),
                        else_=0),
        "responded": case((no_answer, Case.responded_day), else_=None),
        "case_created": case((no_answer, Case.created_day), else_=None),
    }
    where = [*_petitions(lo, hi), Case.id.is_not(None), or_(~no_answer, Case.responded_day.is_not(None))]
    joins = [(Case, Case.submission_id == Submission.id),
             (ranked, and_(ranked.c.case_id == Case.id, ranked.c.rank == 1))]
    return [(_day(r[0]), _day(r[1]), r[2], _day(r[3]), _day(r[4]), r[5]) for r in _grouped(columns, where, joins)]

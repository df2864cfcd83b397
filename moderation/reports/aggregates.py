"""The SQL side of the petition statistics: every figure is a GROUP BY or a sum in the database, so
a page costs the same few statements whatever the number of petitions; Python only turns the
grouped rows (statuses, months, topics, groups, and the answered cases grouped by their dates)
into figures. The answers' working days are stored on the cases (:mod:`moderation.cases.answers`).

The ward's calendar days are stored with the rows (``submission.created_day``, ``case.created_day``,
``case.responded_day``: set by the models' hooks in the transaction that sets the timestamp, in
the ward's time zone), so the groupings read indexed columns instead of converting every
timestamp.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, case, func, select

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


def case_figures(lo, hi, decision_days: int) -> dict:
    """Referred, closed, ratings and the answers of the cases of the petitions received in [lo, hi),
    in one statement grouped by the answer's stored working days (a few dozen rows): ``durations``
    {working days: answered cases}, ``answered``, ``on_time``. An authority's first answer is in
    time by its due day; the Board's own answer when fewer than ``decision_days`` working days
    passed from the case's creation to the day before it (see :mod:`moderation.cases.answers`)."""
    has_referral = select(Referral.id).where(Referral.case_id == Case.id).exists()
    if decision_days > 0:
        board_in_time = Case.decision_working_days < decision_days
    else:
        board_in_time = Case.answer_day <= Case.created_day
    on_time = case((Case.answered_in_time.is_(True), 1),
                   (and_(Case.answered_in_time.is_(None), board_in_time), 1), else_=0)
    rows = db.session.execute(
        select(
            Case.response_working_days,
            func.count(),
            func.sum(case((has_referral, 1), else_=0)),
            func.sum(case((Case.status == CaseStatus.closed, 1), else_=0)),
            func.sum(Case.rating),
            func.count(Case.rating),
            func.sum(case((Case.response_working_days.is_(None), 0), else_=on_time)),
        ).select_from(Submission).join(Case, Case.submission_id == Submission.id).where(*_petitions(lo, hi))
        .group_by(Case.response_working_days)
    ).all()
    out = {"referred": 0, "closed": 0, "rating_sum": 0, "ratings": 0, "answered": 0, "on_time": 0,
           "durations": {}}
    for days, n, referred, closed, rating_sum, ratings, in_time in rows:
        out["referred"] += int(referred or 0)
        out["closed"] += int(closed or 0)
        out["rating_sum"] += int(rating_sum or 0)
        out["ratings"] += int(ratings or 0)
        if days is not None:
            out["durations"][int(days)] = n
            out["answered"] += n
            out["on_time"] += int(in_time or 0)
    return out

"""What the statistics need to know about each case's answer, stored on the case (issue 17):

- ``case.answer_day``: the first authority answer's day, else the Board's response day;
- ``case.response_working_days``: working days from the petition's receipt to ``answer_day``;
- ``case.answered_in_time``: the first authority answer came by its due day (None when the Board
  answered itself);
- ``case.decision_working_days``: for a Board's own answer, the working days from the case's
  creation to the day before the response, so that the answer is in time exactly when this is
  below the ``board_decision`` working days (a setting, applied when the figures are read).

They are recomputed after every flush that touches a case, a referral, a petition's creation time
or the holiday calendar (for a holiday: the cases answered on or after the changed day, the only
ones whose figures it can change), in the same transaction, with the working-day calendar the
statistics use (:class:`moderation.cases.deadlines.WorkingDays`). Migration 9b4c2e7f1a30 backfills
them with :func:`refresh`.
"""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from moderation.cases.deadlines import WorkingDays

BATCH = 2000

_case = sa.table("case", sa.column("id", sa.Integer), sa.column("submission_id", sa.Integer),
                 sa.column("created_day", sa.Date), sa.column("responded_day", sa.Date),
                 sa.column("answer_day", sa.Date), sa.column("response_working_days", sa.Integer),
                 sa.column("answered_in_time", sa.Boolean), sa.column("decision_working_days", sa.Integer))
_submission = sa.table("submission", sa.column("id", sa.Integer), sa.column("created_day", sa.Date))
_referral = sa.table("referral", sa.column("id", sa.Integer), sa.column("case_id", sa.Integer),
                     sa.column("answered_on", sa.Date), sa.column("answer_due", sa.Date))
_holiday = sa.table("holiday", sa.column("day", sa.Date))


def _day(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def figures(received, created, responded, first_answer, calendar: WorkingDays) -> dict:
    """The stored figures of one case. ``first_answer``: (answered_on, answer_due) of the
    authority's first answer, or None."""
    if first_answer is not None:
        answered_on, due = first_answer
        day, in_time, decision = answered_on, due is None or answered_on <= due, None
    elif responded is not None:
        day, in_time = responded, None
        decision = calendar.between(created, responded - dt.timedelta(days=1)) if created is not None else 0
    else:
        return {"answer_day": None, "response_working_days": None, "answered_in_time": None,
                "decision_working_days": None}
    return {"answer_day": day, "response_working_days": calendar.between(received, day),
            "answered_in_time": in_time, "decision_working_days": decision}


def _refresh_ids(connection, ids: list[int], calendar: WorkingDays) -> None:
    rows = connection.execute(
        sa.select(_case.c.id, _submission.c.created_day, _case.c.created_day, _case.c.responded_day)
        .select_from(_case.join(_submission, _submission.c.id == _case.c.submission_id))
        .where(_case.c.id.in_(ids))).all()
    first: dict[int, tuple] = {}
    for case_id, answered_on, due in connection.execute(
            sa.select(_referral.c.case_id, _referral.c.answered_on, _referral.c.answer_due)
            .where(_referral.c.case_id.in_(ids), _referral.c.answered_on.is_not(None))
            .order_by(_referral.c.case_id, _referral.c.answered_on, _referral.c.id)):
        first.setdefault(case_id, (_day(answered_on), _day(due)))
    params = []
    for case_id, received, created, responded in rows:
        values = figures(_day(received), _day(created), _day(responded), first.get(case_id), calendar)
        params.append({"row_id": case_id, **{"v_" + k: v for k, v in values.items()}})
    if params:
        connection.execute(
            sa.update(_case).where(_case.c.id == sa.bindparam("row_id"))
            .values({k: sa.bindparam("v_" + k) for k in
                     ("answer_day", "response_working_days", "answered_in_time", "decision_working_days")}),
            params)


def refresh(connection, case_ids=None, since: dt.date | None = None) -> None:
    """Recompute the stored figures of the given cases, or of those answered on or after
    ``since``, or (both None) of every case; in batches, on ``connection``."""
    calendar = WorkingDays(frozenset(_day(d) for d in connection.scalars(sa.select(_holiday.c.day))))
    if case_ids is None:
        q = sa.select(_case.c.id).order_by(_case.c.id)
        if since is not None:
            q = q.where(_case.c.answer_day >= since)
        case_ids = list(connection.scalars(q))
    case_ids = sorted(set(case_ids))
    for i in range(0, len(case_ids), BATCH):
        _refresh_ids(connection, case_ids[i:i + BATCH], calendar)


def _changed_holidays(session: Session) -> dt.date | None:
    from moderation.cases.models import Holiday

    days = []
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Holiday):
            hist = inspect(obj).attrs.day.history
            days += [d for d in (obj.day, *hist.deleted) if d is not None]
    return min(days) if days else None


def _touched_cases(session: Session) -> tuple[set[int], set[int]]:
    """(case ids, submission ids) whose stored figures may have changed in this flush."""
    from moderation.cases.models import Case, Referral
    from moderation.intake.models import Submission

    cases: set[int] = set()
    subs: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Case) and obj.id is not None:
            cases.add(obj.id)
        elif isinstance(obj, Referral):
            cases.update(i for i in (obj.case_id, *inspect(obj).attrs.case_id.history.deleted) if i is not None)
        elif isinstance(obj, Submission) and obj in session.dirty and obj.id is not None \
                and inspect(obj).attrs.created_at.history.has_changes():
            subs.add(obj.id)
    return cases, subs


@event.listens_for(Session, "before_flush")
def _note_changes(session: Session, _context, _instances) -> None:
    pending = session.info.setdefault("answer_figures", {"cases": set(), "subs": set(), "since": None})
    cases, subs = _touched_cases(session)
    pending["cases"] |= cases
    pending["subs"] |= subs
    since = _changed_holidays(session)
    if since is not None:
        pending["since"] = since if pending["since"] is None else min(pending["since"], since)
    # New cases (and referrals of new cases) get their ids in the flush: read after it.
    from moderation.cases.models import Case, Referral
    pending.setdefault("new", []).extend(obj for obj in session.new if isinstance(obj, Case | Referral))


@event.listens_for(Session, "after_flush")
def _refresh_after_flush(session: Session, _context) -> None:
    pending = session.info.pop("answer_figures", None)
    if not pending:
        return
    from moderation.cases.models import Case

    cases = set(pending["cases"])
    for obj in pending.get("new", ()):
        case_id = obj.id if isinstance(obj, Case) else obj.case_id
        if case_id is not None:
            cases.add(case_id)
    connection = session.connection()
    if pending["subs"]:
        cases |= set(connection.scalars(sa.select(_case.c.id).where(_case.c.submission_id.in_(pending["subs"]))))
    if pending["since"] is not None:
        refresh(connection, since=pending["since"])
    if cases:
        refresh(connection, case_ids=cases)

"""The deadline clocks that run on a case (acknowledgement, decision, authority answer)."""
from __future__ import annotations

import datetime as dt

from moderation.cases import deadlines
from moderation.cases.common import S
from moderation.cases.models import Case
from portal.i18n import gettext_vi
from portal.ward import day_start


def case_clocks(case: Case, on: dt.date | None = None) -> list[dict]:
    """The SLA clocks that apply to ``case`` now: acknowledgement, decision, authority answer."""
    ref = case.referrals[-1] if case.status == S.referred and case.referrals else None
    return clocks_for(case.status, case.created_at, case.reopened_at, case.acknowledged_at,
                      ref.answer_due if ref is not None else None, on)


def clocks_for(status, created_at, reopened_at, acknowledged_at, authority_due: dt.date | None,
               on: dt.date | None = None) -> list[dict]:
    """:func:`case_clocks` from a case's columns (``authority_due``: its last referral's answer
    date), for lists that read the columns without loading each case."""
    clocks = []
    if status in (S.closed,):
        return clocks
    opened = reopened_at if status == S.reopened and reopened_at else created_at
    if acknowledged_at is None:
        due = deadlines.due_date("board_ack", opened)
        clocks.append({"name": "ack", "title": gettext_vi("Xác nhận tiếp nhận"), "due": due,
                       **deadlines.clock(due, on)})
    if status in (S.new, S.assigned, S.verifying, S.reopened):
        due = deadlines.due_date("board_decision", opened)
        clocks.append({"name": "decision", "title": gettext_vi("Kiến nghị hoặc trả lời"), "due": due,
                       **deadlines.clock(due, on)})
    if status == S.referred and authority_due is not None:
        clocks.append({"name": "authority", "title": gettext_vi("Cơ quan có thẩm quyền trả lời"), "due": authority_due,
                       **deadlines.clock(authority_due, on)})
    return clocks


def worst_clock(case: Case, on: dt.date | None = None, clocks: list[dict] | None = None) -> dict | None:
    """The most urgent of ``case``'s clocks (``clocks``: :func:`case_clocks` already computed)."""
    order = {"overdue": 0, "due": 1, "ok": 2}
    clocks = case_clocks(case, on) if clocks is None else clocks
    if not clocks:
        return None
    return sorted(clocks, key=lambda c: (order[c["state"]], c["due"]))[0]



class ClockLimits:
    """Where the list's clock tabs start, as moments a case's opening is compared with in SQL.

    A clock's due date (``board_ack``, ``board_decision``: working days after the ward's day the
    case was opened) never moves back when the case was opened later, so "overdue" (due before
    today) holds exactly for the cases opened before a first day, and "due" or worse (due no more
    than two working days from today) for those opened before another; the authority's answer date
    is compared as it is. :func:`worst_clock` over :func:`clocks_for` gives the same states case by
    case (``tests/moderation/boards/test_case_list_pages.py``)."""

    def __init__(self, on: dt.date | None = None):
        self.on = on or deadlines.today()
        # The last day still "due": two working days after today (between(on, day) <= 2).
        self.due_until = deadlines.add_working_days(self.on, 3) - dt.timedelta(days=1)

    def _first_day(self, name: str, after: dt.date) -> dt.date:
        """The first opening day whose ``name`` clock is due after ``after``."""
        days = deadlines.sla_days(name)
        day = after - dt.timedelta(days=3 * days + 30)
        while deadlines.add_working_days(day, days) <= after:
            day += dt.timedelta(days=1)
        return day

    def opened_before(self, name: str, state: str) -> dt.datetime:
        """Cases opened before this moment have their ``name`` clock ``overdue`` (``state``
        "overdue") or at least due (``state`` "due")."""
        after = self.on - dt.timedelta(days=1) if state == "overdue" else self.due_until
        return day_start(self._first_day(name, after))

"""The deadline clocks that run on a case (acknowledgement, decision, authority answer)."""
from __future__ import annotations

import datetime as dt

from moderation.cases import deadlines
from moderation.cases.common import S
from moderation.cases.models import Case
from portal.i18n import gettext_vi
from portal.ward import ward_tz as local_tz


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


class ListClocks:
    """The most urgent clock state (``"overdue"``, ``"due"``, ``"ok"`` or None) of many cases read
    as columns, for the case list's tab counts: the same answer as :func:`worst_clock` over
    :func:`clocks_for`, with each due date and each state computed once per distinct day instead
    of once per case (no labels: the shown rows get theirs from :func:`clocks_for`)."""

    ORDER = {"overdue": 0, "due": 1, "ok": 2}

    def __init__(self, on: dt.date | None = None):
        self.on = on or deadlines.today()
        self.tz = local_tz()
        self._due: dict[tuple[str, dt.date], dt.date] = {}
        self._state: dict[dt.date, str] = {}

    def _local_day(self, value: dt.datetime) -> dt.date:
        return value.astimezone(self.tz).date() if value.tzinfo else value.date()

    def _due_date(self, name: str, day: dt.date) -> dt.date:
        key = (name, day)
        if key not in self._due:
            self._due[key] = deadlines.due_date(name, day)
        return self._due[key]

    def _state_of(self, due: dt.date) -> str:
        if due not in self._state:
            self._state[due] = deadlines.clock(due, self.on)["state"]
        return self._state[due]

    def worst(self, status, opened: dt.datetime, acknowledged: bool, authority_due: dt.date | None) -> str | None:
        """``opened``: when the case was opened (``reopened_at`` for a reopened case, else
        ``created_at``); ``authority_due``: the last referral's answer date of a referred case."""
        if status == S.closed:
            return None
        day = self._local_day(opened)
        dues = []
        if not acknowledged:
            dues.append(self._due_date("board_ack", day))
        if status in (S.new, S.assigned, S.verifying, S.reopened):
            dues.append(self._due_date("board_decision", day))
        if status == S.referred and authority_due is not None:
            dues.append(authority_due)
        if not dues:
            return None
        return min((self.ORDER[state], due, state) for due in dues for state in [self._state_of(due)])[2]

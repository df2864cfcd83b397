"""Working-day calendar and SLA clocks: weekends plus the admin-edited holiday table."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from flask import current_app, has_app_context
from sqlalchemy import select

from moderation.cases.models import Holiday
from portal import requestcache
from portal.extensions import db
from portal.i18n import gettext_vi, ngettext_vi
from portal.settings import get_setting
from portal.ward import local_date, today

# Vietnam's public holidays (Labour Code 2019 Art. 112) with the days off the government announced
# or is expected to announce; admins edit the table as each year's official schedule comes out.
DEFAULT_HOLIDAYS: dict[dt.date, str] = {
    dt.date(2026, 1, 1): "Tết Dương lịch",
    **{dt.date(2026, 2, d): "Tết Nguyên đán Bính Ngọ" for d in range(14, 23)},
    dt.date(2026, 4, 27): "Giỗ Tổ Hùng Vương (10/3 âm lịch, nghỉ bù)",
    dt.date(2026, 4, 30): "Ngày Chiến thắng",
    dt.date(2026, 5, 1): "Quốc tế Lao động",
    dt.date(2026, 9, 1): "Quốc khánh",
    dt.date(2026, 9, 2): "Quốc khánh",
    dt.date(2027, 1, 1): "Tết Dương lịch",
    **{dt.date(2027, 2, d): "Tết Nguyên đán Đinh Mùi" for d in range(4, 11)},
    dt.date(2027, 4, 16): "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
    dt.date(2027, 4, 30): "Ngày Chiến thắng",
    dt.date(2027, 5, 1): "Quốc tế Lao động",
    dt.date(2027, 5, 3): "Quốc tế Lao động (nghỉ bù)",
    dt.date(2027, 9, 1): "Quốc khánh",
    dt.date(2027, 9, 2): "Quốc khánh",
}


def seed_holidays() -> None:
    have = set(db.session.scalars(select(Holiday.day)))
    for day, name in DEFAULT_HOLIDAYS.items():
        if day not in have:
            db.session.add(Holiday(day=day, name=name))
    db.session.flush()


def _load_holidays() -> frozenset[dt.date]:
    return frozenset(db.session.scalars(select(Holiday.day)))


def holidays() -> frozenset[dt.date]:
    """The holiday calendar, read once per request (again after a change to it in this session)."""
    return requestcache.cached("holidays", _load_holidays, Holiday)


# Spans longer than this are walked day by day rather than tabulated (a date typed decades off).
_CALENDAR_MAX_SPAN = dt.timedelta(days=20 * 366)


def calendar() -> WorkingDays | None:
    """A :class:`WorkingDays` table over this request's holiday calendar, shared by every due date
    and clock computed in the request (None outside an app context)."""
    if not has_app_context():
        return None
    return requestcache.cached("working_days", lambda: WorkingDays(holidays()), Holiday)


def is_working_day(day: dt.date, off: frozenset[dt.date] | None = None) -> bool:
    off = holidays() if off is None else off
    return day.weekday() < 5 and day not in off


def add_working_days(start: dt.date, days: int, off: frozenset[dt.date] | None = None) -> dt.date:
    """The date ``days`` working days after ``start`` (``start`` itself is not counted)."""
    if off is None and days <= _CALENDAR_MAX_SPAN.days // 3:
        table = calendar()
        if table is not None:
            return table.add(start, days)
    off = holidays() if off is None else off
    day = start
    remaining = days
    while remaining > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day, off):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date, off: frozenset[dt.date] | None = None) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when ``end`` is earlier)."""
    if off is None and abs(end - start) <= _CALENDAR_MAX_SPAN:
        table = calendar()
        if table is not None:
            return table.between(start, end)
    off = holidays() if off is None else off
    if end < start:
        return -working_days_between(end, start, off)
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day, off):
            count += 1
    return count


def sla_days(name: str) -> int:
    """``moderation`` | ``board_ack`` | ``board_decision`` (working days); ``authority`` (calendar)."""
    keys = {
        "moderation": "SLA_MODERATION_DAYS",
        "board_ack": "SLA_BOARD_ACK_DAYS",
        "board_decision": "SLA_BOARD_DECISION_DAYS",
        "authority": "SLA_AUTHORITY_CALENDAR_DAYS",
    }
    return int(get_setting(keys[name], current_app.config[keys[name]]))


def due_date(name: str, start: dt.datetime | dt.date) -> dt.date:
    start_day = local_date(start)
    if name == "authority":
        return start_day + dt.timedelta(days=sla_days(name))
    return add_working_days(start_day, sla_days(name))


def clock(due: dt.date, on: dt.date | None = None) -> dict:
    """A badge for a due date: ``{"state": "ok"|"due"|"overdue", "days": n, "label": "..."}``."""
    on = on or today()
    left = working_days_between(on, due)
    if due < on:
        return {"state": "overdue", "days": left,
                "label": ngettext_vi("Quá hạn %(num)s ngày làm việc", "Quá hạn %(num)s ngày làm việc",
                                     abs(left) or 1)}
    if left == 0:
        return {"state": "due", "days": left, "label": gettext_vi("Đến hạn hôm nay")}
    return {"state": "due" if left <= 2 else "ok", "days": left,
            "label": ngettext_vi("Còn %(num)s ngày làm việc", "Còn %(num)s ngày làm việc", left)}


class WorkingDays:
    """:func:`working_days_between` and :func:`add_working_days` over one loaded holiday set, for
    many dates at once: a running count of working days per calendar day, built once over the span
    asked about, answers each question with a subtraction (or a bisection) instead of a walk."""

    def __init__(self, off: frozenset[dt.date] | None = None):
        self.off = holidays() if off is None else off
        self.first: dt.date | None = None
        self.counts: list[int] = []  # counts[i]: working days in (first, first + i]

    def cover(self, lo: dt.date, hi: dt.date) -> None:
        """Make sure the table spans ``lo``..``hi`` (callers may widen it once up front)."""
        if self.first is not None:
            last = self.first + dt.timedelta(days=len(self.counts) - 1)
            if lo >= self.first and hi <= last:
                return
            # Widen by a year on the side that grew, so a run of questions rebuilds rarely.
            lo = min(self.first, lo - dt.timedelta(days=366)) if lo < self.first else self.first
            hi = max(last, hi + dt.timedelta(days=366)) if hi > last else last
        counts = [0]
        day = lo
        for _ in range((hi - lo).days):
            day += dt.timedelta(days=1)
            counts.append(counts[-1] + (day.weekday() < 5 and day not in self.off))
        self.first, self.counts = lo, counts

    def _count(self, day: dt.date) -> int:
        return self.counts[(day - self.first).days]

    def between(self, start: dt.date, end: dt.date) -> int:
        """Same as :func:`working_days_between`."""
        self.cover(min(start, end), max(start, end))
        return self._count(end) - self._count(start)

    def add(self, start: dt.date, days: int) -> dt.date:
        """Same as :func:`add_working_days`."""
        if days <= 0:
            return start
        span = 2 * days + 30
        while True:
            self.cover(start, start + dt.timedelta(days=span))
            i = (start - self.first).days
            j = bisect_left(self.counts, self.counts[i] + days, i + 1)
            if j < len(self.counts):
                return self.first + dt.timedelta(days=j)
            span *= 2

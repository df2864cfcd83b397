"""Dates for the demo: a believable year of the ward before the day it is loaded.

The demo loaders create their rows through the services (which stamp ``now``) and then move the
rows' dates back with these helpers: office hours in the ward's time zone, working days from the
calendar ``moderation`` registers, never later than the moment of loading, and each step of a
history after the one before it.
"""
from __future__ import annotations

import datetime as dt

from portal.database import utcnow
from portal.registry import working_days_between
from portal.ward import day_start, today


def at(day: dt.date, minutes: int = 90) -> dt.datetime:
    """``minutes`` after 08:00 on ``day`` in the ward, as an aware UTC datetime (never in the future)."""
    when = (day_start(day) + dt.timedelta(hours=8, minutes=minutes % 510)).astimezone(dt.UTC)
    return min(when, utcnow() - dt.timedelta(minutes=1))


def days_ago(n: int) -> dt.date:
    return today() - dt.timedelta(days=n)


def add_working_days(day: dt.date, n: int) -> dt.date:
    """The working day ``n`` working days after ``day`` (``day`` itself for 0), not after today."""
    out = day
    while n > 0 and out < today() and working_days_between(day, out) < n:
        out += dt.timedelta(days=1)
    return out


def later(when: dt.datetime, days: int = 0, minutes: int = 0) -> dt.datetime:
    """``days`` working days and ``minutes`` after ``when`` (kept in office hours, not in the future)."""
    from portal.ward import local_time

    local = local_time(when)
    day = add_working_days(local.date(), days)
    minute = local.hour * 60 + local.minute - 480 + minutes
    if days == 0 and minute >= 510:  # past office hours: the next working day
        day, minute = add_working_days(day, 1), minute % 510
    result = at(day, max(minute, 0))
    return result if result > when else min(when + dt.timedelta(minutes=1), utcnow())


def spread_after(start: dt.datetime, items, steps) -> list[dt.datetime]:
    """Times for ``items`` (in order) after ``start``: each ``steps[i]`` = (working days, minutes)
    after the previous one; the last step repeats. Returns the times assigned."""
    out, when = [], start
    for i, _item in enumerate(items):
        days, minutes = steps[min(i, len(steps) - 1)]
        when = later(when, days, minutes)
        out.append(when)
    return out

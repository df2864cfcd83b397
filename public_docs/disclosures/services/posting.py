"""The posting period (thời gian niêm yết) and late publication (issue 18, item 14).

Posting counts from the day a disclosure went online on the portal, in the ward's time zone, or from a
later start the editor sets; it lasts at least ``POSTING_MIN_DAYS`` (30) days. A disclosure published
more than ``LATE_PUBLICATION_WORKING_DAYS`` (2) working days after its issue date is late: the editor
and the statistics flag it. Working days come from the calendar ``moderation`` registers
(``portal.registry.working_days_between``)."""
from __future__ import annotations

import datetime as dt

from flask import current_app

from portal.registry import working_days_between
from portal.settings import get_setting
from portal.ward import local_date, today
from public_docs.disclosures.models import Disclosure


def posting_min_days() -> int:
    try:
        return max(0, int(get_setting("POSTING_MIN_DAYS", current_app.config.get("POSTING_MIN_DAYS", 30))))
    except (TypeError, ValueError):
        return 30


def late_publication_working_days() -> int:
    try:
        return max(0, int(get_setting("LATE_PUBLICATION_WORKING_DAYS",
                                      current_app.config.get("LATE_PUBLICATION_WORKING_DAYS", 2))))
    except (TypeError, ValueError):
        return 2


def posting_period(published_on: dt.date, start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date]:
    """The period of a disclosure published on ``published_on``: from then, or from the editor's
    later ``start``; to the editor's ``end`` when it leaves the minimum, else the minimum."""
    start = max(start or published_on, published_on)
    earliest_end = start + dt.timedelta(days=posting_min_days())
    return start, max(end or earliest_end, earliest_end)


def published_on(d: Disclosure) -> dt.date | None:
    """The ward's day the disclosure went online (None for a draft)."""
    return local_date(d.published_at) if d.published_at is not None else None


def publication_delay(d: Disclosure, on: dt.date | None = None) -> int | None:
    """Working days from the issue date to the publication (or to ``on``, today by default, for a
    draft); None without an issue date."""
    if d.issued_on is None:
        return None
    day = published_on(d) or on or today()
    return max(0, working_days_between(d.issued_on, day))


def is_late(d: Disclosure, on: dt.date | None = None) -> bool:
    """Published (or, for a draft, publishable ``on``) more than the allowed working days after issue."""
    delay = publication_delay(d, on)
    return delay is not None and delay > late_publication_working_days()

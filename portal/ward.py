"""The ward's own facts shared by every package: its time zone and today's date there, and the
residential groups."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

from portal.database import CodeList, utcnow
from portal.extensions import db

DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh"


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def ward_tz() -> ZoneInfo:
    """The ward's time zone (setting ``WARD_TIME_ZONE``, default Asia/Ho_Chi_Minh): every date shown
    or written (pages, mails, documents, exports) is in it. The one place the setting is read."""
    name = current_app.config.get("WARD_TIME_ZONE") if has_app_context() else None
    return _zone(name or DEFAULT_TIME_ZONE)


def local_time(value: dt.datetime) -> dt.datetime:
    """An aware datetime in the ward's time zone (a naive one is taken as it is)."""
    return value.astimezone(ward_tz()) if value.tzinfo else value


def local_date(value: dt.datetime | dt.date) -> dt.date:
    """The ward's calendar day of an aware datetime (a naive one, or a date, is taken as it is)."""
    if isinstance(value, dt.datetime):
        return local_time(value).date()
    return value


def local_day_of(column: str):
    """A column default (for Core and ORM bulk inserts too): the ward's calendar day of the row's
    ``column`` timestamp. The statistics group by such stored days (issue 17); the models' hooks
    keep them when the timestamp is set or changed later."""

    def default(context):
        value = context.get_current_parameters().get(column)
        return local_date(value) if isinstance(value, dt.datetime) else None

    return default


def day_start(day: dt.date) -> dt.datetime:
    """Midnight at the start of ``day`` in the ward (aware)."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=ward_tz())


def today() -> dt.date:
    """Today in the ward."""
    return local_date(utcnow())


class ResidentialGroup(CodeList, db.Model):
    """Tổ dân phố / thôn: admin-editable list."""

    __tablename__ = "residential_group"

    def __repr__(self) -> str:
        return f"<ResidentialGroup {self.code}>"

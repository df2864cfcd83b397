"""The ward's own facts shared by every package: its time zone and today's date there, and the
residential groups."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from portal.database import CodeList, utcnow
from portal.extensions import db

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")  # the ward's time zone: every date shown or written is in it


def local_date(value: dt.datetime | dt.date) -> dt.date:
    """The ward's calendar day of an aware datetime (a naive one, or a date, is taken as it is)."""
    if isinstance(value, dt.datetime):
        return value.astimezone(VN_TZ).date() if value.tzinfo else value.date()
    return value


def today() -> dt.date:
    """Today in the ward."""
    return local_date(utcnow())


class ResidentialGroup(CodeList, db.Model):
    """Tổ dân phố / thôn: admin-editable list."""

    __tablename__ = "residential_group"

    def __repr__(self) -> str:
        return f"<ResidentialGroup {self.code}>"

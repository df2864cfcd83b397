"""What every disclosure service shares: the domain error, an uploaded file, today's date in the
ward and the date parser the forms and the importer use."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any


class DisclosureError(ValueError):
    """A refused change; ``field`` names the form field it concerns, when there is one."""

    def __init__(self, message: str, field: str | None = None, errors: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.errors = errors or ({field: message} if field else {})


@dataclass
class UploadedFile:
    filename: str
    data: bytes


def today() -> dt.date:
    from portal.templating import VN_TZ

    return dt.datetime.now(VN_TZ).date()


def parse_date(value: Any, field: str, label: str, errors: dict) -> dt.date | None:
    """A date from a date, an ISO string or dd/mm/yyyy; None when empty. A bad value puts a
    Vietnamese message under ``errors[field]`` and returns None."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        m = re.fullmatch(r"\s*([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\s*", str(value))
        if m:
            try:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                pass
    errors[field] = f"{label} không hợp lệ (dùng dạng ngày/tháng/năm, ví dụ 15/03/2026)."
    return None

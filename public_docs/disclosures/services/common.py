"""What every disclosure service shares: the domain error, an uploaded file, today's date in the
ward and the date parser the forms and the importer use."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from portal.params import parse_date as parse_any_date
from portal.ward import today  # noqa: F401  (re-exported as services.today)


@dataclass
class UploadedFile:
    filename: str
    data: bytes


def parse_date(value: Any, field: str, label: str, errors: dict) -> dt.date | None:
    """A date from a date, an ISO string or dd/mm/yyyy; None when empty. A bad value (or a year
    outside 1900-2100) puts a Vietnamese message under ``errors[field]`` and returns None."""
    try:
        day = parse_any_date(value)
        if day is not None and not 1900 <= day.year <= 2100:  # 31/12/9999 + the posting days overflows
            raise ValueError("out of range")
        return day
    except (TypeError, ValueError):
        errors[field] = f"{label} không hợp lệ (dùng dạng ngày/tháng/năm, ví dụ 15/03/2026)."
        return None

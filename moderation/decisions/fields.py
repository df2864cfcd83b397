"""Form values of the decision pages checked into model values; each bad value adds a Vietnamese
message to ``errors`` under its field name."""
from __future__ import annotations

import datetime as dt
import re


def date_value(value, field: str, label: str, errors: dict) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        errors[field] = f"{label} không hợp lệ (định dạng ngày/tháng/năm)."
        return None


def count_value(value, field: str, label: str, errors: dict, low: int = 0, high: int = 1_000_000) -> int:
    text = str(value if value is not None else "").strip().replace(".", "").replace(" ", "")
    if not re.fullmatch(r"\d{1,12}", text):
        errors[field] = f"{label}: vui lòng nhập một số nguyên không âm."
        return 0
    n = int(text)
    if n < low or n > high:
        errors[field] = f"{label} phải từ {low} đến {high}."
    return n


def enum_value(enum_cls, value, field: str, message: str, errors: dict):
    try:
        return enum_cls(str(value or ""))
    except ValueError:
        errors[field] = message
        return None

"""Form values of the decision pages checked into model values; each bad value adds a Vietnamese
message (lazy, translated when shown) to ``errors`` under its field name. ``label`` is the field's
name, itself a lazy string (``_l("Ngày họp")``)."""
from __future__ import annotations

import datetime as dt
import re

from portal.i18n import _l


def date_value(value, field: str, label: str, errors: dict) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        errors[field] = _l("%(label)s không hợp lệ (định dạng ngày/tháng/năm).", label=label)
        return None


def count_value(value, field: str, label: str, errors: dict, low: int = 0, high: int = 1_000_000) -> int:
    text = str(value if value is not None else "").strip().replace(".", "").replace(" ", "")
    if not re.fullmatch(r"\d{1,12}", text):
        errors[field] = _l("%(label)s: vui lòng nhập một số nguyên không âm.", label=label)
        return 0
    n = int(text)
    if n < low or n > high:
        errors[field] = _l("%(label)s phải từ %(low)s đến %(high)s.", label=label, low=low, high=high)
    return n


def enum_value(enum_cls, value, field: str, message: str, errors: dict):
    try:
        return enum_cls(str(value or ""))
    except ValueError:
        errors[field] = message
        return None

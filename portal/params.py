"""Numbers read from the query string or a form, kept in range before they reach the database or
``datetime``.

``request.args.get(name, type=int)`` accepts any integer: a 40-digit ``?page=`` overflows SQLite's
64-bit integers (and PostgreSQL's ``integer`` ids) with an ``OverflowError``, i.e. a 500.
"""
from __future__ import annotations

from flask import request

MAX_ID = 2**31 - 1  # PostgreSQL ``integer``: the largest id a row can have
MAX_PAGE = 100_000


def to_int(value, lo: int = 1, hi: int = MAX_ID) -> int | None:
    """``value`` (a string or an int) as an int in ``[lo, hi]``, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value or len(value) > 20:  # no allowed value is that long; int() of a huge string is slow
            return None
        try:
            value = int(value)
        except ValueError:
            return None
    if not isinstance(value, int):
        return None
    return value if lo <= value <= hi else None


def as_id(value) -> int | None:
    """A row id (from a form, a query string or a service argument), or None."""
    return to_int(value)


def int_arg(name: str, default: int | None = None, lo: int = 1, hi: int = MAX_ID) -> int | None:
    """The query parameter as an int in ``[lo, hi]``; ``default`` when absent or empty, None when it
    is not a whole number or is out of range (the caller decides whether that is an error)."""
    raw = request.args.get(name)
    if raw is None or raw.strip() == "":
        return default
    return to_int(raw, lo, hi)


def id_arg(name: str) -> int | None:
    """A row id from the query string, or None (absent, not a number, out of range)."""
    return as_id(request.args.get(name))


def page_arg(name: str = "page", maximum: int = MAX_PAGE, default: int = 1) -> int:
    """A page number (or a page size): ``default`` when absent or not a number, else clamped to
    ``[1, maximum]``."""
    raw = (request.args.get(name) or "").strip()
    if len(raw) > 20:
        return maximum if raw.isdigit() else default
    try:
        return min(max(int(raw), 1), maximum)
    except ValueError:
        return default

"""Numbers read from the query string, kept in range before they reach the database or ``datetime``.

``request.args.get(name, type=int)`` accepts any integer: a 40-digit ``?page=`` overflows SQLite's
64-bit integers (and PostgreSQL's ``integer`` ids) with an ``OverflowError``, i.e. a 500.
"""
from __future__ import annotations

from flask import request

MAX_ID = 2**31 - 1  # PostgreSQL ``integer``: the largest id a row can have
MAX_PAGE = 100_000


def int_arg(name: str, default: int | None = None, lo: int = 1, hi: int = MAX_ID) -> int | None:
    """The query parameter as an int in ``[lo, hi]``; ``default`` when absent or empty, None when it
    is not a whole number or is out of range (the caller decides whether that is an error)."""
    raw = request.args.get(name)
    if raw is None or raw.strip() == "":
        return default
    raw = raw.strip()
    if len(raw) > 20:  # no allowed value is that long; int() of a huge string is slow too
        return None
    try:
        value = int(raw)
    except ValueError:
        return None
    return value if lo <= value <= hi else None


def id_arg(name: str) -> int | None:
    """A row id from the query string, or None (absent, not a number, out of range)."""
    return int_arg(name)


def page_arg(name: str = "page", maximum: int = MAX_PAGE) -> int:
    """A page number: 1 when absent or not a number, at most ``maximum``."""
    raw = (request.args.get(name) or "").strip()
    if len(raw) > 20:
        return maximum if raw.isdigit() else 1
    try:
        return min(max(int(raw), 1), maximum)
    except ValueError:
        return 1

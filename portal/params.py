"""Numbers read from the query string or a form, kept in range before they reach the database or
``datetime``.

``request.args.get(name, type=int)`` accepts any integer: a 40-digit ``?page=`` overflows SQLite's
64-bit integers (and PostgreSQL's ``integer`` ids) with an ``OverflowError``, i.e. a 500.

Only ASCII digits make a number here. Python's ``int()``, ``str.isdigit()`` and the regex ``\\d``
accept every script's digits and more: ``int("١")`` (Arabic-Indic one) is 1, so a topic sent as "١"
was filed under topic 1, and ``"²".isdigit()`` is true while ``int("²")`` raises (a 500). Every
number a visitor sends (form, query string, JSON) is read through :func:`to_int` or
:func:`coerce_int`.
"""
from __future__ import annotations

import datetime as dt
import re

from flask import request

from portal.extensions import db

MAX_ID = 2**31 - 1  # PostgreSQL ``integer``: the largest id a row can have
MAX_PAGE = 100_000
_INTEGER = re.compile(r"-?[0-9]+")  # ASCII digits only: not \d, which matches "١" too


def to_int(value, lo: int = 1, hi: int = MAX_ID) -> int | None:
    """``value`` (a string or an int) as an int in ``[lo, hi]``, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        if len(value) > 20 or not _INTEGER.fullmatch(value):  # no allowed value is that long
            return None
        value = int(value)
    if not isinstance(value, int):
        return None
    return value if lo <= value <= hi else None


def coerce_int(value) -> int:
    """``coerce`` for WTForms select fields: an int, or ValueError (the field's own "not a valid
    choice" error) for anything but ASCII digits."""
    number = to_int(value, -MAX_ID, MAX_ID)
    if number is None:
        raise ValueError(value)
    return number


def as_id(value) -> int | None:
    """A row id (from a form, a query string or a service argument), or None."""
    return to_int(value)


_DMY = re.compile(r"\s*([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\s*")


def parse_date(value) -> dt.date | None:
    """A date from a date, a datetime, ``YYYY-MM-DD`` (date inputs, the importer) or ``dd/mm/yyyy``
    (typed by hand); None when empty. Anything else raises ValueError: the caller words the message."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        from portal.ward import local_date

        return local_date(value)
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        pass
    m = _DMY.fullmatch(text)
    if m:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))  # ValueError: no such day
    raise ValueError(f"not a date: {text[:40]!r}")


def get_row(model, value):
    """The ``model`` row whose id is ``value`` (an int or a string), or None: an id out of range
    (an ``<int:…>`` URL value past 2³¹−1, zero, a negative) never reaches the database."""
    row_id = as_id(value)
    return db.session.get(model, row_id) if row_id is not None else None


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
    if not _INTEGER.fullmatch(raw):
        return default
    if len(raw) > 20:
        return default if raw.startswith("-") else maximum
    return min(max(int(raw), 1), maximum)

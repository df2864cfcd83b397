"""Helpers for the second locale (English): see ``portal/translations/update.sh``.

- ``N_("…")`` marks a fixed Vietnamese label kept in a dict or constant (category names, role
  names, error-page titles…) for extraction without changing it: the value stays a plain ``str``
  (safe in JSON, the database, the search index and feeds). Babel extracts ``N_`` by default.
- ``translate(value)`` (the ``tr`` template filter) translates such a label when it is shown:
  ``{{ d.category_label|tr }}``. Text with no entry in the catalog (user text, names) comes back
  unchanged, and the result is a plain string, so Jinja still escapes it.
"""
from __future__ import annotations

from flask import has_request_context
from flask_babel import LazyString


def N_(message: str) -> str:
    return message


def gettext_vi(message: str, **variables) -> str:
    """``gettext`` when a page is being rendered (the visitor's language), else the Vietnamese text.

    For labels built in Python that end up both on pages and in Vietnamese staff emails: the
    message is extracted like any ``gettext`` call (``%(name)s`` placeholders)."""
    if has_request_context():
        from flask_babel import gettext

        return gettext(message, **variables)
    return message % variables if variables else message


def _l(message: str, **variables) -> LazyString:
    """A lazily translated message (``%(name)s`` placeholders): ``gettext`` in the visitor's
    language when it is turned into text during a request, else the Vietnamese text (CLI, emails,
    background jobs). Used for :class:`portal.errors.DomainError` messages; extracted like
    ``lazy_gettext``."""
    return LazyString(gettext_vi, message, **variables)


def translate(value) -> str:
    if value is None:
        return ""
    text = str(value)
    if not text or not has_request_context():
        return text
    from flask_babel import gettext

    return gettext(text)


def wait_text(seconds: float) -> str:
    """How long until a rate limit lets the visitor in again, in words of the page's language:
    '30 giây', '42 phút', '1 giờ 5 phút' (rounded up)."""
    import math

    from flask_babel import ngettext

    seconds = max(1, math.ceil(seconds))
    if seconds < 60:
        return ngettext("%(num)d giây", "%(num)d giây", seconds)
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return ngettext("%(num)d phút", "%(num)d phút", minutes)
    hours, minutes = divmod(minutes, 60)
    text = ngettext("%(num)d giờ", "%(num)d giờ", hours)
    return f"{text} {ngettext('%(num)d phút', '%(num)d phút', minutes)}" if minutes else text

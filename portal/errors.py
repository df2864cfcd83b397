"""One error type for a refused domain operation, and one handler for it.

A service refuses a change by raising :class:`DomainError` with a Vietnamese message marked for
translation (``_l`` from :mod:`portal.i18n`; values go in ``%(name)s`` placeholders), optionally
per-field messages and an HTTP status::

    from portal.errors import DomainError
    from portal.i18n import _l

    raise DomainError(_l("Ngày %(day)s đã có trong danh sách.", day=day), field_errors={"day": ...})

The message is translated when it is shown (``exc.message``, ``str(exc)``), so the English locale
shows English. A view that re-renders its form catches the error itself, rolls back and shows
``exc.message`` and ``exc.fields`` next to what the user typed; any other ``DomainError`` reaches
the one handler registered by :func:`init_app`, which rolls back and answers the JSON error shape
of the API (``{"error", "message", "status", "fields"}``) or the HTML error page.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask, render_template

from portal.i18n import N_, gettext_vi

DEFAULT_TITLE = N_("Không thể thực hiện yêu cầu")


def _text(value: Any) -> str:
    """A message as text in the current language: lazy strings translate themselves; a plain
    ``str`` (an ``N_`` label or text built elsewhere) is looked up in the catalog."""
    if isinstance(value, str):
        return gettext_vi(value) if value else value
    return str(value)


class DomainError(Exception):
    """A refused domain operation. ``message`` is shown to the user; ``field_errors`` maps form
    field names to messages; ``status`` is the HTTP status when no view handles the error."""

    def __init__(self, message: Any, field_errors: Mapping[str, Any] | None = None, status: int = 422):
        super().__init__(message)
        self._message = message
        self.field_errors: dict[str, Any] = dict(field_errors or {})
        self.status = status

    @property
    def message(self) -> str:
        return _text(self._message)

    @property
    def fields(self) -> dict[str, str]:
        """``field_errors`` as text in the current language."""
        return {name: _text(text) for name, text in self.field_errors.items()}

    def __str__(self) -> str:
        return self.message


def handle_domain_error(exc: DomainError):
    from portal.extensions import db
    from portal.site import ERROR_TEXT, wants_json

    db.session.rollback()
    status = exc.status
    fields = exc.fields
    if wants_json():
        from portal.api import json_error

        return json_error(status, exc.message, fields or None)
    title = ERROR_TEXT.get(status, (DEFAULT_TITLE,))[0]
    return render_template("errors/error.html", code=status, title=title, text=exc.message,
                           details=[text for text in fields.values() if text != exc.message]), status


def init_app(app: Flask) -> None:
    app.register_error_handler(DomainError, handle_domain_error)

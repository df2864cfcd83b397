"""What every abuse defence shares: the refusal exceptions and the settings lookup."""
from __future__ import annotations

from flask import current_app

from portal.settings import get_setting

# Settings not taken from the environment (the others are in portal.config).
DEFAULTS = {
    "PETITION_MAX_REQUEST_BYTES": 5 * 10 * 1024 * 1024 + 512 * 1024,
    "FORM_MAX_REQUEST_BYTES": 64 * 1024,
}


class Refused(Exception):
    """A submission refused by an abuse defence; ``status`` is the HTTP status to answer with,
    ``retry_after`` the seconds until a rate limit lets the sender try again."""

    def __init__(self, message: str, status: int = 400, reason: str = "", retry_after: int | None = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.reason = reason
        self.retry_after = retry_after


class AlreadySent(Exception):
    """The form's token was already used: this post repeats one that was stored (a double click,
    a reload); ``receipt_code`` is that submission's code when it has one."""

    def __init__(self, receipt_code: str | None = None):
        super().__init__(receipt_code or "")
        self.receipt_code = receipt_code


def setting(key: str):
    return get_setting(key, current_app.config.get(key, DEFAULTS.get(key)))

"""What every abuse defence shares: the refusal exceptions and the settings lookup."""
from __future__ import annotations

from flask import current_app

from portal.errors import DomainError
from portal.i18n import _l
from portal.settings import get_setting

# Settings not taken from the environment (the others are in portal.config).
DEFAULTS = {
    "PETITION_MAX_REQUEST_BYTES": 5 * 10 * 1024 * 1024 + 512 * 1024,
    "FORM_MAX_REQUEST_BYTES": 64 * 1024,
}


class Refused(DomainError):
    """A submission refused by an abuse defence; ``status`` is the HTTP status to answer with,
    ``reason`` what the refusal is counted as, ``retry_after`` the seconds until a rate limit lets
    the sender try again. The forms keep what was typed and may offer a new form token."""

    def __init__(self, message, status: int = 400, reason: str = "", retry_after: int | None = None):
        super().__init__(message, status=status)
        self.reason = reason
        self.retry_after = retry_after


class AlreadySent(DomainError):
    """The form's token was already used: this post repeats one that was stored (a double click,
    a reload); ``receipt_code`` is that submission's code when it has one. The views answer with
    the first post's receipt."""

    def __init__(self, receipt_code: str | None = None):
        super().__init__(_l("Nội dung này đã được gửi (có thể do bấm nút Gửi hai lần hoặc tải lại trang); "
                            "Cổng chỉ lưu một lần."), status=409)
        self.receipt_code = receipt_code


def setting(key: str):
    return get_setting(key, current_app.config.get(key, DEFAULTS.get(key)))

"""Rate limits (Flask-Limiter) of the public forms and of the receipt-code lookups."""
from __future__ import annotations

import math
import time

from flask import current_app, g, request
from flask_babel import gettext
from flask_limiter import RateLimitExceeded

from moderation.abuse.base import Refused, setting
from moderation.abuse.contacts import contact_hash, normalize_contact
from portal.extensions import client_ip as portal_client_ip
from portal.extensions import limiter
from portal.i18n import wait_text

# Flask-Limiter limits on helper functions that the views call once their checks passed: every
# post counts against SUBMISSION_ATTEMPT_RATE_LIMIT_IP; only accepted ones (the view called
# ``mark_accepted``) are deducted from the per-address and per-contact limits (``deduct_when``).

def _enabled() -> bool:
    return bool(current_app.config.get("RATELIMIT_ENABLED", True))


def client_ip() -> str:
    """The client's address after ProxyFix (``PROXY_COUNT``), in canonical form."""
    return portal_client_ip() or "unknown"


def limit_value(key: str) -> str:
    """The limit in setting ``key`` ("10 per hour"); a value that does not parse is logged and
    replaced by the built-in default, so a typo never switches a limit off."""
    from limits import parse

    from portal.config import Config

    value = str(setting(key))
    try:
        parse(value)
    except ValueError:
        current_app.logger.warning("invalid rate limit %s=%r: using the default", key, value)
        value = vars(Config)[key].default
    return value


def rate_refusal(reset_at: float, reason: str) -> Refused:
    """The 429 refusal: how long to wait, computed from the limit's window (also left in
    ``g.retry_after`` for the Retry-After header, see ``portal.site``)."""
    seconds = max(1, math.ceil(reset_at - time.time()))
    g.retry_after = seconds
    if reason == CODE_LOOKUP_SCOPE:  # a code typed to look up, vote or cancel: nothing else to keep
        message = gettext("Bạn đã nhập mã quá nhiều lần trong thời gian ngắn; giới hạn này bảo vệ mã của mọi "
                          "người. Vui lòng thử lại sau %(wait)s.", wait=wait_text(seconds))
    elif request.path.startswith("/api/"):  # an app, not a page: nothing is "kept on this page"
        message = gettext("Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau %(wait)s.",
                          wait=wait_text(seconds))
    else:
        message = gettext("Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau %(wait)s; "
                          "nội dung bạn đã nhập vẫn được giữ trên trang này.", wait=wait_text(seconds))
    return Refused(message, 429, reason, seconds)


def _accepted(_response) -> bool:
    return bool(g.get("submission_accepted"))


def mark_accepted() -> None:
    """The view stored what was sent: deduct it from the accepted-only limits of this request."""
    g.submission_accepted = True


def _contact_key(index: int):
    def key() -> str:
        keys = g.get("rate_contacts") or ()
        return keys[index] if index < len(keys) else ""

    return key


def _per_contact(index: int):
    key = _contact_key(index)
    return limiter.limit(lambda: limit_value("SUBMISSION_RATE_LIMIT_CONTACT"), key_func=key, scope="contact",
                         exempt_when=lambda: not key(), deduct_when=_accepted)


# Keys: the client address (the limiter's key function) or a contact hash, within the endpoint.
@limiter.limit(lambda: limit_value("SUBMISSION_ATTEMPT_RATE_LIMIT_IP"), scope="attempts")
@limiter.limit(lambda: limit_value("SUBMISSION_RATE_LIMIT_IP"), scope="accepted", deduct_when=_accepted)
@_per_contact(0)
@_per_contact(1)
def _submission_budget() -> None:
    """Petitions, comments, added information: the limits above are checked at each call."""


@limiter.limit(lambda: limit_value("SUBMISSION_ATTEMPT_RATE_LIMIT_IP"), scope="attempts")
@limiter.limit(lambda: limit_value("SUPPORT_RATE_LIMIT_IP"), scope="accepted", deduct_when=_accepted)
def _support_budget() -> None:
    """Supports of a petition."""


def _spend(budget, reason: str) -> None:
    if not _enabled():
        return
    try:
        budget()
    except RateLimitExceeded:
        breached = limiter.current_limit
        raise rate_refusal(breached.window.reset_time if breached else time.time() + 60, reason) from None


def check_submission_rate(contacts: list[str]) -> None:
    """Per address (every attempt; accepted ones) and per contact (accepted ones, hashed)."""
    norms = dict.fromkeys(n for n in (normalize_contact(c) for c in contacts) if n)
    g.rate_contacts = [contact_hash(n, "rate") for n in norms][:2]
    _spend(_submission_budget, "rate")


def check_support_rate() -> None:
    _spend(_support_budget, "rate_support")


# Every route that looks a receipt code up (tracking page, API, Board status, adding information)
# counts every lookup against one budget per address, so spreading guesses over routes gains nothing.
CODE_LOOKUP_SCOPE = "code-lookup"


def check_rate(limit_key: str, scope: str) -> None:
    """Count one hit against the limit in setting ``limit_key`` for this address; ``Refused`` (429)."""
    if not _enabled():
        return
    from limits import parse

    item = parse(limit_value(limit_key))
    keys = ("moderation", scope, client_ip())
    if not limiter.limiter.hit(item, *keys):
        raise rate_refusal(limiter.limiter.get_window_stats(item, *keys).reset_time, scope)

"""Abuse defences without third-party services: honeypot, minimum fill time, rate limits per IP
and per contact, and the admin-managed blocklist (phones, emails, IP ranges).

Contacts are normalised (``normalize_phone``, ``normalize_email``) and only ever kept as a keyed
hash (``contact_hash``) outside ``SubmitterContact``.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
import time

from flask import current_app, has_request_context, request
from itsdangerous import BadSignature, Signer
from markupsafe import Markup, escape
from sqlalchemy import select

from portal.extensions import db, limiter
from portal.settings import get_setting

HONEYPOT_FIELD = "website"
STARTED_FIELD = "form_started"

DEFAULTS = {
    "FORM_MIN_FILL_SECONDS": 4,
    "FORM_MAX_AGE_HOURS": 24,
    "SUBMISSION_RATE_LIMIT_IP": "10 per hour",
    "SUBMISSION_RATE_LIMIT_CONTACT": "5 per day",
    "SUPPORT_RATE_LIMIT_IP": "30 per hour",
    "TRACKING_RATE_LIMIT": "30 per 10 minutes",
    "PETITION_MAX_REQUEST_BYTES": 5 * 10 * 1024 * 1024 + 512 * 1024,
    "FORM_MAX_REQUEST_BYTES": 64 * 1024,
}


class Refused(Exception):
    """A submission refused by an abuse defence; ``status`` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400, reason: str = ""):
        super().__init__(message)
        self.message = message
        self.status = status
        self.reason = reason


def setting(key: str):
    return get_setting(key, current_app.config.get(key, DEFAULTS[key]))


# --- contacts -------------------------------------------------------------------------------

def normalize_phone(value: str | None) -> str:
    """ASCII digits only, ``+84``/``84`` → ``0``: ``+84 905-123 456`` → ``0905123456``. Other scripts'
    digits are dropped like separators (``\\D`` would keep "٩", so "0٩05…" passed as a phone and
    hashed apart from "0905…": past the blocklist and the per-contact limits)."""
    digits = re.sub(r"[^0-9]", "", value or "")
    if digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits


def valid_phone(value: str) -> bool:
    return bool(re.fullmatch(r"0[0-9]{9,10}", value))


def normalize_email(value: str | None) -> str:
    return (value or "").strip().lower()


def contact_hash(value: str, purpose: str = "contact") -> str:
    """HMAC-SHA256 of a normalised contact with the app's secret key: never reversible here."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def normalize_contact(value: str | None) -> str:
    """A phone or an email, normalised; '' when it is neither."""
    value = (value or "").strip()
    if "@" in value:
        return normalize_email(value)
    phone = normalize_phone(value)
    return phone if valid_phone(phone) else ""


# --- honeypot and fill time -----------------------------------------------------------------

def _signer() -> Signer:
    return Signer(current_app.config["SECRET_KEY"], salt="moderation.form-started")


def started_token(at: float | None = None) -> str:
    return _signer().sign(str(int(at if at is not None else time.time()))).decode()


def started_field(token: str | None = None) -> Markup:
    """Hidden fields every public form carries: the signed start time and the honeypot."""
    token = token or started_token()
    return Markup(
        f'<input type="hidden" name="{STARTED_FIELD}" value="{escape(token)}">'
        f'<div class="honeypot" aria-hidden="true"><label for="hp-{HONEYPOT_FIELD}">'
        f"Để trống ô này</label><input id=\"hp-{HONEYPOT_FIELD}\" name=\"{HONEYPOT_FIELD}\" "
        f'type="text" tabindex="-1" autocomplete="off"></div>'
    )


def check_form_timing(form) -> None:
    """Refuse a filled honeypot, a missing/forged start token, a form sent too fast or too late."""
    if (form.get(HONEYPOT_FIELD) or "").strip():
        raise Refused("Không thể tiếp nhận nội dung này. Nếu bạn là người dân, vui lòng để trống "
                      "các ô ẩn và gửi lại.", 400, "honeypot")
    token = form.get(STARTED_FIELD) or ""
    try:
        started = int(_signer().unsign(token).decode())
    except (BadSignature, ValueError, UnicodeDecodeError):
        raise Refused("Biểu mẫu không hợp lệ hoặc đã hết hạn. Vui lòng kiểm tra nội dung và gửi lại.",
                      400, "token") from None
    age = time.time() - started
    if age < float(setting("FORM_MIN_FILL_SECONDS")):
        raise Refused("Biểu mẫu được gửi quá nhanh. Vui lòng đọc lại nội dung, chờ vài giây và gửi lại.",
                      400, "too_fast")
    if age > float(setting("FORM_MAX_AGE_HOURS")) * 3600:
        raise Refused("Biểu mẫu đã mở quá lâu nên đã hết hạn. Nội dung của bạn vẫn còn: vui lòng gửi lại.",
                      400, "expired")


# --- rate limits ----------------------------------------------------------------------------

def _enabled() -> bool:
    return bool(current_app.config.get("RATELIMIT_ENABLED", True))


def client_ip() -> str:
    return (request.remote_addr or "unknown") if has_request_context() else "unknown"


def hit(limit_key: str, scope: str, identifier: str) -> bool:
    """Count one hit against the limit in setting ``limit_key``; False when it is exceeded."""
    if not _enabled():
        return True
    from limits import parse

    item = parse(str(setting(limit_key)))
    return limiter.limiter.hit(item, "moderation", scope, identifier)


# Every route that looks a receipt code up (tracking page, API, Board status, adding information)
# counts against one budget per address, so spreading guesses over routes gains nothing.
CODE_LOOKUP_SCOPE = "code-lookup"

RATE_MESSAGE = ("Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng chờ ít phút rồi gửi lại; "
                "nội dung bạn đã nhập vẫn được giữ trên trang này.")


def check_submission_rate(contacts: list[str], scope: str = "submission") -> None:
    """Per IP and per contact (phone/email, hashed). Raises ``Refused`` (429)."""
    if not hit("SUBMISSION_RATE_LIMIT_IP", f"{scope}-ip", client_ip()):
        raise Refused(RATE_MESSAGE, 429, "rate_ip")
    for contact in contacts:
        norm = normalize_contact(contact)
        if norm and not hit("SUBMISSION_RATE_LIMIT_CONTACT", f"{scope}-contact", contact_hash(norm, "rate")):
            raise Refused(RATE_MESSAGE, 429, "rate_contact")


def check_rate(limit_key: str, scope: str) -> None:
    if not hit(limit_key, scope, client_ip()):
        raise Refused(RATE_MESSAGE, 429, scope)


# --- blocklist ------------------------------------------------------------------------------

BLOCKED_MESSAGE = ("Hệ thống không thể tiếp nhận nội dung từ nguồn này. Nếu bạn cho rằng đây là nhầm "
                   "lẫn, vui lòng liên hệ trực tiếp Ủy ban nhân dân phường.")


def normalize_block_value(kind: str, value: str) -> str:
    """The stored form of a blocklist value; raises ValueError with a Vietnamese message."""
    value = (value or "").strip()
    if kind == "phone":
        phone = normalize_phone(value)
        if not valid_phone(phone):
            raise ValueError("Số điện thoại không hợp lệ.")
        return phone
    if kind == "email":
        email = normalize_email(value)
        if not re.fullmatch(r"[^@\s]+@[^@\s]+|@[^@\s]+\.[^@\s]+", email):
            raise ValueError("Email không hợp lệ (có thể chặn cả tên miền bằng “@tenmien.vn”).")
        return email
    if kind == "ip":
        try:
            return str(ipaddress.ip_network(value, strict=False))
        except ValueError:
            raise ValueError("Địa chỉ IP hoặc dải IP (CIDR, ví dụ 203.0.113.0/24) không hợp lệ.") from None
    raise ValueError("Loại mục chặn không hợp lệ.")


def is_blocked(ip: str | None = None, phone: str | None = None, email: str | None = None) -> bool:
    from moderation.models import BlocklistEntry

    entries = db.session.execute(select(BlocklistEntry.kind, BlocklistEntry.value)).all()
    if not entries:
        return False
    phone_n = normalize_phone(phone) if phone else ""
    email_n = normalize_email(email) if email else ""
    try:
        addr = ipaddress.ip_address(ip) if ip else None
    except ValueError:
        addr = None
    for kind, value in entries:
        if kind == "phone" and phone_n and phone_n == value:
            return True
        if kind == "email" and email_n and (email_n == value or (value.startswith("@") and email_n.endswith(value))):
            return True
        if kind == "ip" and addr is not None:
            try:
                if addr in ipaddress.ip_network(value, strict=False):
                    return True
            except (ValueError, TypeError):
                continue
    return False


def check_blocklist(phone: str | None = None, email: str | None = None, contact: str | None = None) -> None:
    if contact:
        if "@" in contact:
            email = contact
        else:
            phone = contact
    if is_blocked(client_ip(), phone, email):
        raise Refused(BLOCKED_MESSAGE, 403, "blocklist")


def record_refusal(exc: Refused, form_name: str) -> None:
    """An audit event without personal data (the IP only), for statistics on refused posts."""
    from portal import audit

    audit.record("resident", "abuse.refused", ("form", form_name), {"reason": exc.reason})

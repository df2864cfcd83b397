"""Residents' phone numbers and email addresses: validation, one counting form per person
(``normalize_contact``) and the keyed hash that is all that is kept outside ``SubmitterContact``."""
from __future__ import annotations

import hashlib
import hmac
import re

from flask import current_app

PHONE_MESSAGE = "Số điện thoại không hợp lệ: nhập 10 chữ số, ví dụ 0905123456."
EMAIL_MESSAGE = "Địa chỉ email không hợp lệ, ví dụ ten@example.com."


def normalize_phone(value: str | None) -> str:
    """ASCII digits only, ``+84``/``0084``/``84`` → ``0``: ``+84 905-123 456`` → ``0905123456``.
    Other scripts' digits are dropped like separators (``\\D`` would keep "٩", so "0٩05…" passed as
    a phone and hashed apart from "0905…": past the blocklist and the per-contact limits)."""
    digits = re.sub(r"[^0-9]", "", value or "")
    if digits.startswith("0084"):
        digits = digits[2:]
    if digits.startswith("84") and len(digits) in (11, 12):
        rest = digits[2:]
        digits = rest if rest.startswith("0") else "0" + rest
    return digits


def valid_phone(value: str) -> bool:
    """A normalised Vietnamese number: 0, then a non-zero digit, 10 or 11 digits in all."""
    return bool(re.fullmatch(r"0[1-9][0-9]{8,9}", value))


def normalize_email(value: str | None) -> str:
    """The stored form of an address on the blocklist: trimmed, lower case."""
    return (value or "").strip().lower()


def valid_email(value: str) -> str:
    """The address as email-validator normalises it (the petition forms' check), or '' if invalid."""
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        return ""


def canonical_email(value: str | None) -> str:
    """One spelling per mailbox, for counting: valid, lower case, ``+tag`` dropped (Gmail: dots
    too): ``An.Le+x@GMail.com`` → ``anle@gmail.com``. '' when the address is not valid."""
    address = valid_email((value or "").strip())
    local, _, domain = address.rpartition("@")
    local, domain = local.split("+", 1)[0].lower(), domain.lower()
    if domain in ("gmail.com", "googlemail.com"):
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}" if local and domain else ""


def normalize_contact(value: str | None) -> str:
    """A phone or an email in its counting form (see above); '' when it is neither."""
    value = (value or "").strip()
    if "@" in value:
        return canonical_email(value)
    phone = normalize_phone(value)
    return phone if valid_phone(phone) else ""


def contact_error(value: str | None) -> str:
    """The petition forms' message for an invalid phone or email ('' when it is valid)."""
    if normalize_contact(value):
        return ""
    return EMAIL_MESSAGE if "@" in (value or "") else PHONE_MESSAGE


def contact_hash(value: str, purpose: str = "contact") -> str:
    """HMAC-SHA256 of a normalised contact with the app's secret key: never reversible here."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()

"""Abuse defences without third-party services: honeypot, minimum fill time and single-use form
tokens, rate limits per address and per contact, and the admin-managed blocklist (phones, emails,
IP ranges).

Contacts are normalised (``normalize_phone``, ``canonical_email``, ``normalize_contact``) and only
ever kept as a keyed hash (``contact_hash``) outside ``SubmitterContact``.
"""
from moderation.abuse.base import DEFAULTS, AlreadySent, Refused, setting
from moderation.abuse.blocklist import (
    BLOCKED_MESSAGE,
    check_blocklist,
    is_blocked,
    normalize_block_value,
    record_refusal,
)
from moderation.abuse.contacts import (
    EMAIL_MESSAGE,
    PHONE_MESSAGE,
    canonical_email,
    contact_error,
    contact_hash,
    normalize_contact,
    normalize_email,
    normalize_phone,
    valid_email,
    valid_phone,
)
from moderation.abuse.form_tokens import (
    HONEYPOT_FIELD,
    STARTED_FIELD,
    TOKEN_MESSAGE,
    check_form_timing,
    consume_form_token,
    purge_form_tokens,
    started_field,
    started_token,
)
from moderation.abuse.rates import (
    CODE_LOOKUP_SCOPE,
    check_rate,
    check_submission_rate,
    check_support_rate,
    client_ip,
    limit_value,
    mark_accepted,
    rate_refusal,
)
from portal.i18n import wait_text

__all__ = [
    "BLOCKED_MESSAGE", "CODE_LOOKUP_SCOPE", "DEFAULTS", "EMAIL_MESSAGE", "HONEYPOT_FIELD", "PHONE_MESSAGE",
    "STARTED_FIELD", "TOKEN_MESSAGE", "AlreadySent", "Refused", "canonical_email", "check_blocklist",
    "check_form_timing", "check_rate", "check_submission_rate", "check_support_rate", "client_ip",
    "consume_form_token", "contact_error", "contact_hash", "is_blocked", "limit_value", "mark_accepted",
    "normalize_block_value", "normalize_contact", "normalize_email", "normalize_phone", "purge_form_tokens",
    "rate_refusal", "record_refusal", "setting", "started_field", "started_token", "valid_email", "valid_phone",
    "wait_text",
]

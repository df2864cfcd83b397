"""The admin-managed blocklist (phones, emails, IP ranges) and the audit of refused posts."""
from __future__ import annotations

import ipaddress
import re

from sqlalchemy import select

from moderation.abuse.base import Refused
from moderation.abuse.contacts import canonical_email, normalize_email, normalize_phone, valid_phone
from moderation.abuse.rates import client_ip
from portal.extensions import db
from portal.i18n import _l
from portal.units import LAZY

BLOCKED_MESSAGE = _l("Hệ thống không thể tiếp nhận nội dung từ nguồn này. Nếu bạn cho rằng đây là nhầm "
                   "lẫn, vui lòng liên hệ trực tiếp Ủy ban nhân dân %(ward_kind)s.", **LAZY)


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
    from moderation.abuse.models import BlocklistEntry

    entries = db.session.execute(select(BlocklistEntry.kind, BlocklistEntry.value)).all()
    if not entries:
        return False
    phone_n = normalize_phone(phone) if phone else ""
    email_n = normalize_email(email) if email else ""
    email_c = canonical_email(email) if email else ""  # a blocked address blocks its +tag spellings
    try:
        addr = ipaddress.ip_address(ip) if ip else None
    except ValueError:
        addr = None
    for kind, value in entries:
        if kind == "phone" and phone_n and phone_n == value:
            return True
        if kind == "email" and email_n and (email_n == value or (value.startswith("@") and email_n.endswith(value))
                                            or (email_c and email_c == canonical_email(value))):
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

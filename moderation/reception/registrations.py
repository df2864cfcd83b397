"""Residents' registrations to speak at a reception session or dialogue, without an account.

Seats are taken by one conditional ``UPDATE … SET seats_taken = seats_taken + 1 WHERE seats_taken <
capacity``: on PostgreSQL the second of two concurrent registrations for the last seat waits for
the first one's row lock, re-reads the row and matches nothing, so it is refused (409), never
over-booked. Cancelling gives the seat back the same way."""
from __future__ import annotations

import datetime as dt
import secrets

from flask import current_app, render_template
from sqlalchemy import select, update

from moderation import abuse
from moderation.boards.roster import add_months
from moderation.cases import deadlines
from moderation.intake import ALPHABET
from moderation.intake.fields import CHECK_FIELDS, check_contact, check_text, lookup_active, truthy
from moderation.intake.models import Channel
from moderation.reception.models import (
    ReceptionSession,
    Registration,
    RegistrationStatus,
    SessionStatus,
)
from portal import audit
from portal.database import utcnow
from portal.errors import DomainError
from portal.extensions import db
from portal.outbox import enqueue_email
from portal.sanitize import clean_text
from portal.units import vi_text
from portal.ward import ResidentialGroup

CODE_PREFIX = "DK"
TOPIC_LIMITS = (10, 2000)


class SessionFull(Exception):
    """No seat left, or the session no longer takes registrations (HTTP 409)."""


def _new_code() -> str:
    for _ in range(20):
        chars = "".join(secrets.choice(ALPHABET) for _ in range(8))
        code = f"{CODE_PREFIX}-{chars[:4]}-{chars[4:]}"
        if db.session.scalar(select(Registration.id).where(Registration.code == code)) is None:
            return code
    raise RuntimeError("could not draw a unique registration code")


def normalize_code(value) -> str | None:
    raw = "".join(ch for ch in str(value or "").upper() if ch.isalnum())[:20]
    if raw.startswith(CODE_PREFIX) and len(raw) == len(CODE_PREFIX) + 8:
        body = raw[2:].translate(str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"}))
        if all(ch in ALPHABET for ch in body):
            return f"{CODE_PREFIX}-{body[:4]}-{body[4:]}"
    return None


def find_registration(value) -> Registration | None:
    code = normalize_code(value)
    if code is None:
        return None
    return db.session.scalar(select(Registration).where(Registration.code == code))


def validate_registration(data: dict) -> dict:
    errors: dict[str, str] = {}
    name = check_text(errors, "name", data.get("name"), "Họ tên", True)
    _n, phone, email = check_contact(errors, name, data.get("phone"), data.get("email"), True)
    if not phone and not email and "phone" not in errors and "email" not in errors:
        errors["phone"] = vi_text("Vui lòng nhập số điện thoại hoặc email để %(ward_kind)s liên hệ, nhắc lịch.")
    group = lookup_active(ResidentialGroup, data.get("group"), errors, "group", vi_text("%(group_kind)s"), False)
    raw = "" if data.get("topic") is None else str(data.get("topic"))
    topic = clean_text(raw[: TOPIC_LIMITS[1] * 4])
    if not topic:
        errors["topic"] = "Vui lòng nhập nội dung ông/bà muốn trình bày."
    elif len(topic) < TOPIC_LIMITS[0]:
        errors["topic"] = f"Nội dung muốn trình bày cần ít nhất {TOPIC_LIMITS[0]} ký tự."
    elif len(topic) > TOPIC_LIMITS[1]:
        errors["topic"] = f"Nội dung muốn trình bày tối đa {TOPIC_LIMITS[1]} ký tự (hiện có {len(topic)})."
    if not truthy(data.get("consent")):
        errors["consent"] = vi_text("Vui lòng đánh dấu đồng ý để %(ward_kind)s xử lý thông tin cá nhân khi đăng ký.")
    if errors:
        raise DomainError(CHECK_FIELDS, errors)
    return {"name": name, "phone": phone, "email": email, "group": group, "topic": topic}


def register(session: ReceptionSession | None, data: dict) -> Registration:
    """Register a resident; ``SessionFull`` when no seat is left, ``DomainError`` on bad input."""
    if session is None:
        raise DomainError(CHECK_FIELDS, {"session": "Không tìm thấy buổi tiếp công dân."})
    v = validate_registration(data)
    now = utcnow()
    if session.status != SessionStatus.scheduled or session.starts_at <= now or not session.capacity:
        raise SessionFull("Buổi tiếp công dân này không nhận đăng ký (đã diễn ra, đã hủy hoặc không mở đăng ký).")
    taken = db.session.execute(
        update(ReceptionSession)
        .where(ReceptionSession.id == session.id, ReceptionSession.seats_taken < ReceptionSession.capacity,
               ReceptionSession.status == SessionStatus.scheduled, ReceptionSession.starts_at > now)
        .values(seats_taken=ReceptionSession.seats_taken + 1)
        .execution_options(synchronize_session=False))
    if taken.rowcount != 1:
        raise SessionFull("Buổi tiếp công dân này đã hết chỗ đăng ký. Ông/bà có thể chọn buổi khác.")
    reg = Registration(
        session_id=session.id, code=_new_code(), name=v["name"], phone=v["phone"], email=v["email"],
        group_id=v["group"].id if v["group"] else None, topic=v["topic"], consent_at=now,
        consent_version=str(current_app.config["PRIVACY_NOTICE_VERSION"]))
    db.session.add(reg)
    db.session.flush()
    db.session.refresh(session)
    audit.record("resident", "registration.create", reg, {"session_id": session.id})
    _email(reg, "confirmation", f"registration:{reg.id}")
    return reg


def _email(reg: Registration, template: str, key: str) -> bool:
    if not reg.email:
        return False
    text = render_template(f"reception/email/{template}.txt", reg=reg, session=reg.session)
    subject, _, body = text.partition("\n")
    enqueue_email(reg.email, subject.strip(), body.lstrip("\n"), key=key)
    return True


def cancel_registration(value) -> Registration:
    """The resident cancels with the code; the seat goes back to the session."""
    reg = find_registration(value)
    if reg is None:
        raise DomainError(CHECK_FIELDS, {"code": "Không tìm thấy mã đăng ký. Vui lòng kiểm tra lại "
                                                 "(mã bắt đầu bằng DK-, trong thư xác nhận hoặc trên trang đăng ký)."})
    if reg.status == RegistrationStatus.cancelled:
        raise DomainError(CHECK_FIELDS, {"code": "Đăng ký này đã được hủy trước đó."})
    if reg.session.starts_at <= utcnow():
        raise DomainError(CHECK_FIELDS, {"code": "Buổi tiếp công dân đã diễn ra: không thể hủy đăng ký."})
    reg.status = RegistrationStatus.cancelled
    reg.cancelled_at = utcnow()
    db.session.execute(
        update(ReceptionSession).where(ReceptionSession.id == reg.session_id, ReceptionSession.seats_taken > 0)
        .values(seats_taken=ReceptionSession.seats_taken - 1).execution_options(synchronize_session=False))
    db.session.flush()
    db.session.refresh(reg.session)
    audit.record("resident", "registration.cancel", reg, {"session_id": reg.session_id})
    return reg


def mark_attendance(actor, reg: Registration, attended) -> Registration:
    if reg.status == RegistrationStatus.cancelled:
        raise DomainError(CHECK_FIELDS, {"attended": "Đăng ký đã hủy: không ghi nhận tham dự."})
    reg.attended = truthy(attended)
    db.session.flush()
    audit.record(actor, "registration.attendance", reg, {"attended": reg.attended})
    return reg


def to_petition(actor, reg: Registration, topic_code) -> Submission:  # noqa: F821
    """What the resident raised becomes a petition (channel reception or dialogue), in one click."""
    from moderation.reception import services

    if reg.submission_id is not None:
        raise DomainError(CHECK_FIELDS, {"petition": "Nội dung này đã được chuyển thành kiến nghị."})
    if reg.personal_data_purged_at is not None or reg.status == RegistrationStatus.cancelled:
        raise DomainError(CHECK_FIELDS, {"petition": "Đăng ký đã hủy hoặc đã xóa dữ liệu: không chuyển được."})
    session = reg.session
    day = deadlines.local_date(session.starts_at)
    title = f"Ý kiến nêu tại buổi {session.kind_label_vi.lower()} ngày {day:%d/%m/%Y}"
    description = reg.topic if len(reg.topic) >= 20 else f"{title}: {reg.topic}"
    sub = services.enter_offline_petition(actor, {
        "channel": Channel.dialogue.value if session.is_dialogue else Channel.reception.value,
        "received_on": min(day, deadlines.today()), "place": session.place,
        "received_by": getattr(actor, "name", "") or session.host_name, "topic": topic_code,
        "group": reg.group.code if reg.group else "", "title": title[:200], "description": description,
        "name": reg.name, "phone": reg.phone, "consent_contact": True, "visibility": "private"}, session=session)
    if reg.email and sub.contact is not None:
        sub.contact.email = reg.email
    reg.submission_id = sub.id
    db.session.flush()
    audit.record(actor, "registration.to_petition", reg, {"submission_id": sub.id})
    return sub


def send_reminders(on: dt.date | None = None) -> dict:
    """Email everyone registered for a session held the day after ``on`` (ward time), once."""
    from moderation.reception.services import _local_dt

    on = on or deadlines.today()
    lo, hi = _local_dt(on + dt.timedelta(days=1), dt.time.min), _local_dt(on + dt.timedelta(days=2), dt.time.min)
    regs = db.session.scalars(
        select(Registration).join(ReceptionSession)
        .where(ReceptionSession.starts_at >= lo, ReceptionSession.starts_at < hi,
               ReceptionSession.status == SessionStatus.scheduled,
               Registration.status == RegistrationStatus.registered, Registration.reminded_at.is_(None),
               Registration.personal_data_purged_at.is_(None))
        .order_by(Registration.id)).all()
    counts = {"emailed": 0, "to_call": 0}
    for reg in regs:
        if _email(reg, "reminder", f"registration-reminder:{reg.id}"):
            counts["emailed"] += 1
        else:
            counts["to_call"] += 1  # phone only: the clerk calls (listed on the staff page)
        reg.reminded_at = utcnow()
    db.session.flush()
    if regs:
        audit.record("system", "registration.remind", ("reception_registration", ""), counts)
    return counts


def notify_cancelled(session: ReceptionSession) -> dict:
    """A cancelled session: everyone still registered for it gets a mail (once); those who left only
    a phone number are counted for the clerk to call (they stay listed on the session's staff page)."""
    regs = db.session.scalars(
        select(Registration).where(Registration.session_id == session.id,
                                   Registration.status == RegistrationStatus.registered,
                                   Registration.personal_data_purged_at.is_(None))
        .order_by(Registration.id)).all()
    counts = {"emailed": 0, "to_call": 0}
    for reg in regs:
        if _email(reg, "cancelled", f"registration-cancelled:{reg.id}"):
            counts["emailed"] += 1
        elif reg.phone:
            counts["to_call"] += 1
    if regs:
        audit.record("system", "registration.notify_cancelled", session, counts)
    return counts


def purge_registrations(now: dt.datetime | None = None) -> int:
    """Registrations lose their personal data ``REJECTED_RETENTION_MONTHS`` after their session
    (their purpose is over then; what was raised and turned into a petition follows the petition's
    own rule). Counts, attendance and the code stay."""
    from portal.settings import get_setting
    from portal.ward import local_date

    now = now or utcnow()
    keep = int(get_setting("REJECTED_RETENTION_MONTHS", current_app.config["REJECTED_RETENTION_MONTHS"]))
    before = dt.datetime.combine(add_months(local_date(now), -keep), dt.time.min, tzinfo=dt.UTC)
    regs = db.session.scalars(
        select(Registration).join(ReceptionSession)
        .where(ReceptionSession.ends_at < before, Registration.personal_data_purged_at.is_(None))).all()
    for reg in regs:
        reg.name = reg.phone = reg.email = reg.topic = ""
        reg.personal_data_purged_at = now
        audit.record("system", "privacy.purge", reg, {"reason": "registration"})
    db.session.flush()
    return len(regs)


def check_registration_rate(contacts: list[str]) -> None:
    """The same per-address and per-contact budget as public petitions."""
    abuse.check_submission_rate(contacts)

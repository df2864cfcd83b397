"""Personal-data requests: filing one (a resident with a receipt code, or staff for any channel),
the 72-hour clock, and the outcome. Every change goes through here and writes the audit log; an
accepted deletion or withdrawal of consent redacts the submission's personal data with the queue's
own machinery (``moderation.queue.privacy.erase_personal_data``), never deleting the submission."""
from __future__ import annotations

import datetime as dt

from flask import current_app, render_template
from sqlalchemy import case, select

from moderation.intake import find_by_code
from moderation.intake.models import Channel, Submission
from moderation.privacy.models import ERASING_KINDS, PrivacyRequest, RequestKind, RequestStatus
from portal import audit
from portal.database import utcnow
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from portal.outbox import enqueue_email
from portal.sanitize import clean_text
from portal.settings import get_setting
from portal.units import LAZY

STAFF_CHANNELS = ("reception", "letter", "hotline", "mailbox", "meeting", "other")


def request_hours() -> int:
    return max(1, int(get_setting("PRIVACY_REQUEST_HOURS", current_app.config["PRIVACY_REQUEST_HOURS"])))


def clock(req: PrivacyRequest, now: dt.datetime | None = None) -> dict:
    """The 72-hour clock: hours left (negative once overdue) for an open request; for a closed one
    whether it was answered in time."""
    now = now or utcnow()
    if req.status == RequestStatus.open:
        left = (req.due_at - now).total_seconds() / 3600
        return {"open": True, "hours_left": int(left) if left >= 0 else -int(-left + 0.999), "overdue": left < 0}
    return {"open": False, "late": bool(req.decided_at and req.decided_at > req.due_at)}


def _submission(code: str, required: bool, errors: dict) -> Submission | None:
    code = clean_text(code, 64)
    if not code:
        if required:
            errors["receipt_code"] = _l("Vui lòng nhập mã tiếp nhận ghi trên phiếu hoặc trong thư xác nhận.")
        return None
    sub = find_by_code(code)
    if sub is None:
        errors["receipt_code"] = _l("Không tìm thấy mã tiếp nhận %(code)s: kiểm tra lại các ký tự.", code=code)
    return sub


def file_request(*, kind: str, receipt_code: str = "", name: str = "", contact: str = "", details: str = "",
                 channel: str = "web", received_at: dt.datetime | None = None, actor=None,
                 consent: bool = False) -> PrivacyRequest:
    """A resident's request through the portal (``actor`` None: receipt code and consent required)
    or one staff received by another channel (``actor`` the staff member)."""
    public = actor is None
    errors: dict = {}
    try:
        kind_value = RequestKind(kind)
    except ValueError:
        kind_value = None
        errors["kind"] = _l("Vui lòng chọn loại yêu cầu.")
    if public:
        channel = Channel.web.value
        if not consent:
            errors["consent"] = _l("Vui lòng xác nhận đồng ý để %(ward_kind)s xử lý thông tin trong yêu cầu này.",
                                   **LAZY)
    elif channel not in STAFF_CHANNELS:
        errors["channel"] = _l("Vui lòng chọn kênh tiếp nhận.")
    sub = _submission(receipt_code, public, errors)
    name, contact, details = clean_text(name, 200), clean_text(contact, 254), clean_text(details, 2000)
    now = utcnow()
    received_at = received_at or now
    if received_at > now + dt.timedelta(minutes=5):
        errors["received_at"] = _l("Thời điểm tiếp nhận không được ở tương lai.")
    if not public and sub is None and not (name and contact) and "receipt_code" not in errors:
        errors["name"] = _l("Không có mã tiếp nhận: vui lòng ghi họ tên và cách liên hệ người yêu cầu.")
    if errors:
        raise DomainError(_l("Vui lòng kiểm tra các trường được đánh dấu."), field_errors=errors)
    req = PrivacyRequest(kind=kind_value, channel=channel, submission_id=sub.id if sub else None,
                         receipt_code=sub.receipt_code if sub else "", requester_name=name,
                         requester_contact=contact, details=details, received_at=received_at,
                         due_at=received_at + dt.timedelta(hours=request_hours()),
                         recorded_by_id=getattr(actor, "id", None))
    db.session.add(req)
    db.session.flush()
    audit.record(actor if actor is not None else "resident", "privacy_request.create", req,
                 {"kind": kind_value.value, "channel": channel, "submission": req.submission_id,
                  "due": req.due_at.isoformat()})
    _mail(req, "privacy_request_received", "received")
    return req


def _mail(req: PrivacyRequest, template: str, step: str) -> None:
    """To the submission's contact address (or the requester's, when it is an email)."""
    address = ""
    if req.submission is not None and req.submission.contact is not None:
        address = req.submission.contact.email or ""
    if not address and "@" in (req.requester_contact or ""):
        address = req.requester_contact
    if not address:
        return
    text = render_template(f"privacy/email/{template}.txt", req=req, hours=request_hours())
    subject, _, body = text.partition("\n")
    enqueue_email(address, subject.strip(), body.lstrip("\n"), key=f"privacy-request:{req.id}:{step}")


def record_outcome(req: PrivacyRequest, user, outcome: str, note: str) -> PrivacyRequest:
    """``done`` or ``refused`` (with the reason), once. A done deletion or withdrawal of consent
    redacts the linked submission's personal data (contact, name, files); the submission stays."""
    from moderation.queue.privacy import erase_personal_data

    if req.status != RequestStatus.open:
        raise DomainError(_l("Yêu cầu này đã có kết quả; không ghi lại được."))
    try:
        status = RequestStatus(outcome)
    except ValueError:
        status = None
    if status not in (RequestStatus.done, RequestStatus.refused):
        raise DomainError(_l("Vui lòng chọn kết quả xử lý."), field_errors={"outcome": _l("Chọn một kết quả.")})
    note = clean_text(note, 2000)
    if not note:
        raise DomainError(_l("Vui lòng ghi rõ đã làm gì, hoặc lý do không thực hiện."),
                          field_errors={"note": _l("Trường này là bắt buộc.")})
    now = utcnow()
    req.status, req.outcome_note, req.decided_at, req.decided_by_id = status, note, now, user.id
    db.session.flush()
    _mail(req, "privacy_request_outcome", "outcome")  # before the erasure removes the address
    sub = req.submission
    if status == RequestStatus.done and req.kind in ERASING_KINDS and sub is not None:
        if sub.personal_data_purged_at is None:
            erase_personal_data(sub, user, f"{req.reference}: {note}")
        req.data_erased = True
    audit.record(user, "privacy_request.outcome", req,
                 {"outcome": status.value, "erased": req.data_erased, "on_time": now <= req.due_at})
    db.session.flush()
    return req


def register_rows(show: str = "open", limit: int = 200) -> list[PrivacyRequest]:
    """Open requests by how soon they are due; ``all``: open first, then the latest decided."""
    q = select(PrivacyRequest)
    if show == "open":
        q = q.where(PrivacyRequest.status == RequestStatus.open).order_by(PrivacyRequest.due_at)
    else:
        q = q.order_by(case((PrivacyRequest.status == RequestStatus.open, 0), else_=1), PrivacyRequest.due_at.desc())
    return list(db.session.scalars(q.limit(limit)))

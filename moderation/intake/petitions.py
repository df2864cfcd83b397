"""What residents send: petitions (phản ánh, kiến nghị), consultation comments, information added
after a moderator's request (supports of an existing petition: ``supports``).

Every function validates (one Vietnamese message per field), sanitizes, writes the rows, a
SubmissionEvent, an audit event and an outbox email when an address was given, and flushes; the
caller commits once. Nothing is public before a moderator approved it.
"""
from __future__ import annotations

import datetime as dt
import secrets

from flask import current_app
from sqlalchemy import select

from moderation.intake.attachments import ALLOWED_TYPES, MAX_FILES, Upload, check_files, store_files
from moderation.intake.choices import (
    DEFAULT_TOPICS,
    KIND_LABELS,
    VISIBILITY_LABELS,
    active_groups,
    active_topics,
    is_open_for_comments,
    legal_guidance,
    list_projects,
    seed_topics,
)
from moderation.intake.fields import CHECK_FIELDS, LIMITS, check_contact, check_project, check_text, lookup_active
from moderation.intake.models import (
    Channel,
    MatterKind,
    Submission,
    SubmissionAttachment,
    SubmissionEvent,
    SubmissionKind,
    SubmissionStatus,
    SubmitterContact,
    Topic,
    Visibility,
)
from portal import audit
from portal.database import utcnow
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import N_, _l
from portal.units import vi_text
from portal.ward import ResidentialGroup
from portal.ward import today as ward_today

__all__ = [
    "ALLOWED_TYPES", "ALPHABET", "CODE_CHARS", "DEFAULT_TOPICS", "KIND_LABELS", "LIMITS", "MAX_FILES", "PREFIXES",
    "VISIBILITY_LABELS", "MatterRedirected", "Upload", "active_groups",
    "active_topics", "add_information", "find_by_code", "format_code", "is_open_for_comments", "legal_guidance",
    "list_projects", "new_receipt_code", "normalize_code", "seed_topics", "submit_comment", "submit_petition",
    "validate_petition",
]

# Receipt codes: Crockford base32 (no I, L, O, U), 10 characters = 50 bits of randomness.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_CHARS = 10
PREFIXES = {SubmissionKind.petition: "KN", SubmissionKind.comment: "YK"}


class MatterRedirected(DomainError):
    """A complaint or a denunciation: not taken by the portal; ``guidance`` explains the channel."""

    def __init__(self, kind: MatterKind, guidance: str):
        super().__init__(guidance, {"kind": guidance})
        self.kind = kind
        self.guidance = guidance


# --- receipt codes ----------------------------------------------------------------------------

def _random_chars() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_CHARS))


def format_code(prefix: str, chars: str) -> str:
    return f"{prefix}-{chars[:4]}-{chars[4:8]}-{chars[8:]}"


def new_receipt_code(kind: SubmissionKind = SubmissionKind.petition) -> str:
    """A fresh code, unique among submissions (retried on the unlikely collision)."""
    prefix = PREFIXES[SubmissionKind(kind)]
    pending = {o.receipt_code for o in db.session.new if isinstance(o, Submission)}
    for _ in range(20):
        code = format_code(prefix, _random_chars())
        if code in pending:
            continue
        if db.session.scalar(select(Submission.id).where(Submission.receipt_code == code)) is None:
            return code
    raise RuntimeError("could not draw a unique receipt code")


def normalize_code(value: str | None) -> str | None:
    """``kn 7h3k9qx2m4`` → ``KN-7H3K-9QX2-M4``; None when it cannot be a receipt code."""
    raw = "".join(ch for ch in (value or "").upper() if ch.isalnum())[:40]
    for prefix in PREFIXES.values():
        if raw.startswith(prefix) and len(raw) == len(prefix) + CODE_CHARS:
            body = raw[len(prefix):].translate(str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"}))
            if all(ch in ALPHABET for ch in body):
                return format_code(prefix, body)
    return None


def find_by_code(value: str | None) -> Submission | None:
    code = normalize_code(value)
    if code is None:
        return None
    return db.session.scalar(select(Submission).where(Submission.receipt_code == code))

def _event(submission: Submission, action: str, public_message: str = "", internal_note: str = "",
           from_status=None, to_status=None, actor=None) -> SubmissionEvent:
    ev = SubmissionEvent(
        submission=submission, action=action, public_message=public_message, internal_note=internal_note,
        from_status=getattr(from_status, "value", from_status), to_status=getattr(to_status, "value", to_status),
        actor_id=getattr(actor, "id", None))
    db.session.add(ev)
    return ev


def _attach_contact(submission: Submission, name: str, phone: str, email: str) -> None:
    if name or phone or email:
        submission.contact = SubmitterContact(
            name=name, phone=phone, email=email, consent_at=utcnow(),
            consent_version=str(current_app.config["PRIVACY_NOTICE_VERSION"]))

# --- petitions --------------------------------------------------------------------------------

def validate_petition(data: dict, files=()) -> tuple[dict, list]:
    """Check a petition; returns cleaned values and checked files or raises ``DomainError`` /
    ``MatterRedirected``. ``data`` keys are those of the API."""
    errors: dict[str, str] = {}
    kind_raw = str(data.get("kind") or "feedback")
    try:
        kind = MatterKind(kind_raw)
    except ValueError:
        raise DomainError(CHECK_FIELDS, {"kind": _l("Loại nội dung không hợp lệ: chọn phản ánh, kiến nghị; "
                                                    "khiếu nại; hoặc tố cáo.")}) from None
    if kind != MatterKind.feedback:
        raise MatterRedirected(kind, legal_guidance(kind))
    topic = lookup_active(Topic, data.get("topic"), errors, "topic", "lĩnh vực", True)
    group = lookup_active(ResidentialGroup, data.get("group"), errors, "group", vi_text("%(group_kind)s"), False)
    project_id = check_project(data.get("project_id"), errors)
    title = check_text(errors, "title", data.get("title"), "Tiêu đề", True)
    description = check_text(errors, "description", data.get("description"), "Nội dung", True)
    name, phone, email = check_contact(errors, data.get("name"), data.get("phone"), data.get("email"),
                                       data.get("consent"))
    try:
        visibility = Visibility(str(data.get("visibility") or "anonymous"))
    except ValueError:
        errors["visibility"] = ("Hình thức công khai không hợp lệ: chọn kèm họ tên, không kèm họ tên, "
                                "hoặc không công khai.")
        visibility = Visibility.anonymous
    if visibility == Visibility.named and not name and "name" not in errors:
        errors["name"] = "Bạn chọn công khai kèm họ tên: vui lòng nhập họ tên, hoặc chọn hình thức khác."
    checked = check_files(files, errors)
    if errors:
        raise DomainError(CHECK_FIELDS, errors)
    return {"topic": topic, "group": group, "project_id": project_id, "title": title,
            "description": description, "name": name, "phone": phone, "email": email,
            "visibility": visibility}, checked


def submit_petition(data: dict, files=(), channel: Channel = Channel.web, actor="resident") -> str:
    """Store a petition (Submission + contact + attachments + event + receipt email); return the code.

    Complaint / denunciation: nothing personal is stored, an anonymous audit event counts the
    redirect, and ``MatterRedirected`` carries the guidance."""
    try:
        v, checked = validate_petition(data, files)
    except MatterRedirected as exc:
        audit.record("resident", "intake.redirect", ("submission", ""),
                     {"kind": exc.kind.value, "channel": Channel(channel).value})
        raise
    sub = Submission(
        receipt_code=new_receipt_code(SubmissionKind.petition), kind=SubmissionKind.petition,
        matter_kind=MatterKind.feedback, status=SubmissionStatus.received, channel=Channel(channel),
        visibility=v["visibility"], topic_id=v["topic"].id, group_id=v["group"].id if v["group"] else None,
        disclosure_id=v["project_id"], title=v["title"], description=v["description"],
        display_name=v["name"] if v["visibility"] == Visibility.named else "",
    )
    db.session.add(sub)
    _attach_contact(sub, v["name"], v["phone"], v["email"])
    store_files(sub, checked)
    _event(sub, "submit", N_("Đã tiếp nhận phản ánh, kiến nghị. Nội dung sẽ được kiểm duyệt trước khi công khai."),
           to_status=SubmissionStatus.received)
    db.session.flush()
    audit.record(actor, "submission.create", sub, {"kind": "petition", "channel": sub.channel.value,
                                                   "attachments": len(checked)})
    from moderation.notify import email_submitter

    email_submitter(sub, "receipt", key="receipt")
    return sub.receipt_code


# --- consultation comments --------------------------------------------------------------------

def submit_comment(disclosure, data: dict, channel: Channel = Channel.web, actor="resident",
                   received_on: dt.date | None = None) -> str:
    """A comment on a draft open for consultation. Web comments outside the window are refused
    with the dates; staff-entered offline opinions carry their channel and the day received."""
    errors: dict[str, str] = {}
    channel = Channel(channel)
    offline = channel not in (Channel.web, Channel.api)
    if disclosure is None:
        raise DomainError(CHECK_FIELDS, {"disclosure": _l("Không tìm thấy dự thảo đang lấy ý kiến.")})
    start, end = disclosure.comments_open_from, disclosure.comments_open_until
    if not offline and not is_open_for_comments(disclosure):
        if start and end:
            msg = (f"Dự thảo chỉ nhận góp ý từ ngày {start:%d/%m/%Y} đến hết ngày {end:%d/%m/%Y}; "
                   "hiện không trong thời gian lấy ý kiến.")
        else:
            msg = "Văn bản này không lấy ý kiến Nhân dân qua Cổng."
        raise DomainError(msg, {"text": msg})
    if offline:
        if start is None:
            raise DomainError(CHECK_FIELDS, {"disclosure": _l("Văn bản này chưa được mở lấy ý kiến.")})
        if received_on is None:
            errors["received_on"] = "Vui lòng nhập ngày nhận ý kiến."
        elif received_on > ward_today() + dt.timedelta(days=1):
            errors["received_on"] = "Ngày nhận ý kiến không được ở tương lai."
    text = check_text(errors, "text", data.get("text"), "Nội dung góp ý", True, limit="comment")
    group = lookup_active(ResidentialGroup, data.get("group"), errors, "group", vi_text("%(group_kind)s"), False)
    if offline:
        name = check_text(errors, "name", data.get("name"), "Họ tên", False)
        phone = email = ""
    else:
        name, phone, email = check_contact(errors, data.get("name"), data.get("phone"), data.get("email"),
                                           data.get("consent"))
    if errors:
        raise DomainError(CHECK_FIELDS, errors)
    sub = Submission(
        receipt_code=new_receipt_code(SubmissionKind.comment), kind=SubmissionKind.comment,
        status=SubmissionStatus.received, channel=channel, visibility=Visibility.anonymous,
        group_id=group.id if group else None, disclosure_id=disclosure.id, title="", description=text,
        received_on=received_on, entered_by_id=getattr(actor, "id", None) if offline else None,
    )
    db.session.add(sub)
    _attach_contact(sub, name, phone, email)
    msg = N_("Đã tiếp nhận ý kiến góp ý. Ý kiến sẽ được kiểm duyệt trước khi hiển thị dưới dự thảo.")
    note = f"Ý kiến nhận qua kênh ngoài Cổng, ngày {received_on:%d/%m/%Y}." if offline and received_on else ""
    _event(sub, "submit", msg, note, to_status=SubmissionStatus.received, actor=actor if offline else None)
    db.session.flush()
    audit.record(actor, "submission.create", sub, {"kind": "comment", "channel": channel.value,
                                                   "disclosure_id": disclosure.id})
    from moderation.notify import email_submitter

    email_submitter(sub, "comment_receipt", key="receipt", disclosure=disclosure)
    return sub.receipt_code


# --- after a moderator's request ----------------------------------------------------------------

def add_information(submission: Submission, text, files=()) -> SubmissionEvent:
    """The resident answers a request for information: text and/or files; back to ``received``."""
    if submission.status != SubmissionStatus.needs_info:
        message = _l("Kiến nghị này hiện không cần bổ sung thông tin.")
        raise DomainError(message, {"info": message})
    errors: dict[str, str] = {}
    info = check_text(errors, "info", text, "Thông tin bổ sung", False)
    existing = db.session.scalar(select(db.func.count(SubmissionAttachment.id))
                                 .where(SubmissionAttachment.submission_id == submission.id)) or 0
    checked = check_files(files, errors)
    if checked and existing + len(checked) > MAX_FILES * 2:
        errors["attachments"] = "Kiến nghị đã có đủ số tệp đính kèm tối đa."
    if not info and not checked and not errors:
        errors["info"] = "Vui lòng nhập thông tin bổ sung hoặc chọn tệp đính kèm."
    if errors:
        raise DomainError(CHECK_FIELDS, errors)
    store_files(submission, checked, added_later=True)
    previous = submission.status
    submission.status = SubmissionStatus.received
    submission.claimed_by_id = None
    submission.claimed_until = None
    ev = _event(submission, "info_added", N_("Người gửi đã bổ sung thông tin; kiến nghị được kiểm duyệt lại."),
                info, from_status=previous, to_status=SubmissionStatus.received)
    db.session.flush()
    audit.record("resident", "submission.info_added", submission, {"attachments": len(checked)})
    return ev

"""What residents send: petitions (phản ánh, kiến nghị), consultation comments, information added
after a moderator's request, and support for an existing petition.

Every function validates (one Vietnamese message per field), sanitizes, writes the rows, a
SubmissionEvent, an audit event and an outbox email when an address was given, and flushes; the
caller commits once. Nothing is public before a moderator approved it.
"""
from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select, update

from moderation import abuse
from moderation.models import (
    Channel, MatterKind, Submission, SubmissionAttachment, SubmissionEvent, SubmissionKind,
    SubmissionStatus, SubmitterContact, Support, Topic, Visibility,
)
from portal import audit
from portal.database import utcnow
from portal.extensions import db
from portal.files import JPEG, PDF, PNG, FileRefused, clean_filename, inspect_upload, store_bytes, strip_image_metadata
from portal.sanitize import clean_text
from portal.ward import ResidentialGroup
from portal.i18n import N_

# Receipt codes: Crockford base32 (no I, L, O, U), 10 characters = 50 bits of randomness.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_CHARS = 10
PREFIXES = {SubmissionKind.petition: "KN", SubmissionKind.comment: "YK"}
MAX_FILES = 5
ALLOWED_TYPES = {JPEG, PNG, PDF}
LIMITS = {"title": (5, 200), "description": (20, 5000), "comment": (5, 5000), "name": (0, 120),
          "info": (0, 5000), "email": (0, 254), "phone": (0, 20)}
KIND_LABELS = {
    MatterKind.feedback: N_("Phản ánh, kiến nghị"),
    MatterKind.complaint: N_("Khiếu nại"),
    MatterKind.denunciation: N_("Tố cáo"),
}
VISIBILITY_LABELS = {
    Visibility.named: N_("Công khai kèm họ tên"),
    Visibility.anonymous: N_("Công khai, không kèm họ tên"),
    Visibility.private: N_("Không công khai (chỉ cán bộ xử lý được xem)"),
}
DEFAULT_TOPICS = [
    ("land", N_("Đất đai")),
    ("environment", N_("Môi trường")),
    ("construction", N_("Xây dựng, trật tự đô thị")),
    ("security", N_("An ninh, trật tự")),
    ("social_policy", N_("Chính sách xã hội")),
    ("budget", N_("Ngân sách, các khoản đóng góp")),
    ("investment_project", N_("Dự án đầu tư")),
    ("officials", N_("Tác phong, thái độ của cán bộ")),
    ("admin_procedure", N_("Thủ tục hành chính")),
    ("other", N_("Lĩnh vực khác")),
]


class IntakeError(ValueError):
    """Validation failed: ``errors`` maps each field name to a Vietnamese message."""

    def __init__(self, errors: dict[str, str], message: str = "Vui lòng kiểm tra các trường được đánh dấu."):
        super().__init__(message)
        self.errors = errors
        self.message = message


class MatterRedirected(Exception):
    """A complaint or a denunciation: not taken by the portal; ``guidance`` explains the channel."""

    def __init__(self, kind: MatterKind, guidance: str):
        super().__init__(guidance)
        self.kind = kind
        self.guidance = guidance


class AlreadySupported(ValueError):
    pass


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes


# --- reference data ---------------------------------------------------------------------------

def seed_topics() -> None:
    have = set(db.session.scalars(select(Topic.code)))
    for i, (code, name) in enumerate(DEFAULT_TOPICS, start=1):
        if code not in have:
            db.session.add(Topic(code=code, name=name, position=i))
    db.session.flush()


def active_topics() -> list[Topic]:
    return list(db.session.scalars(select(Topic).where(Topic.active.is_(True)).order_by(Topic.position, Topic.name)))


def active_groups() -> list[ResidentialGroup]:
    return list(db.session.scalars(
        select(ResidentialGroup).where(ResidentialGroup.active.is_(True))
        .order_by(ResidentialGroup.position, ResidentialGroup.code)))


def list_projects() -> list:
    try:
        from public_docs.services import list_projects as _list
    except ImportError:  # pragma: no cover - disclosures not installed
        return []
    return _list()


def is_open_for_comments(disclosure, on_date: dt.date | None = None) -> bool:
    from public_docs.services import is_open_for_comments as _open

    return _open(disclosure, on_date)


def legal_guidance(kind: MatterKind | str) -> str:
    cfg = current_app.config
    kind = MatterKind(kind)
    where = (f"Xin mời gửi đơn bằng văn bản hoặc trình bày trực tiếp tại {cfg['RECEPTION_ADDRESS']} "
             f"({cfg['RECEPTION_HOURS']}).")
    if kind == MatterKind.complaint:
        return ("Khiếu nại về quyết định hoặc hành vi hành chính ảnh hưởng đến quyền, lợi ích của chính "
                "bạn được giải quyết theo Luật Khiếu nại, với thời hạn và thủ tục riêng, nên Cổng Dân chủ "
                "cơ sở không tiếp nhận khiếu nại. " + where)
    if kind == MatterKind.denunciation:
        return ("Tố cáo hành vi vi phạm pháp luật được giải quyết theo Luật Tố cáo: người tố cáo phải "
                "nêu rõ họ tên, địa chỉ và được giữ bí mật danh tính, tố cáo nặc danh không được xử lý. "
                "Vì vậy Cổng không tiếp nhận và không lưu nội dung tố cáo. " + where)
    return where


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


# --- validation helpers -----------------------------------------------------------------------

def _text(errors: dict, field: str, value, label: str, required: bool, limit: str | None = None) -> str:
    low, high = LIMITS[limit or field]
    raw = "" if value is None else str(value)
    if len(raw) > high * 4:
        errors[field] = f"{label} tối đa {high} ký tự."
        return ""
    text = clean_text(raw)
    if not text:
        if required:
            errors[field] = f"Vui lòng nhập {label.lower()}."
        return ""
    if len(text) < low:
        errors[field] = f"{label} cần ít nhất {low} ký tự."
    elif len(text) > high:
        errors[field] = f"{label} tối đa {high} ký tự (hiện có {len(text)})."
    return text


def _contact(errors: dict, name, phone, email, consent) -> tuple[str, str, str]:
    name = _text(errors, "name", name, "Họ tên", False)
    phone_raw = clean_text(str(phone or ""))[:64]
    phone_n = ""
    if phone_raw:
        phone_n = abuse.normalize_phone(phone_raw)
        if not abuse.valid_phone(phone_n):
            errors["phone"] = "Số điện thoại không hợp lệ: nhập 10 chữ số, ví dụ 0905123456."
    email_raw = clean_text(str(email or ""))[:300]
    email_n = ""
    if email_raw:
        from email_validator import EmailNotValidError, validate_email

        try:
            email_n = validate_email(email_raw, check_deliverability=False).normalized
            email_n = email_n[:254]
        except EmailNotValidError:
            errors["email"] = "Địa chỉ email không hợp lệ, ví dụ ten@example.com."
    if (name or phone_raw or email_raw) and not _truthy(consent):
        errors["consent"] = ("Vui lòng đánh dấu đồng ý với thông báo xử lý dữ liệu cá nhân, hoặc để trống họ "
                             "tên, điện thoại, email để gửi ẩn danh.")
    return name, phone_n, email_n


def _truthy(value) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in {"1", "true", "y", "yes", "on", "co", "có"}


def _lookup(model, value, errors: dict, field: str, label: str, required: bool):
    if isinstance(value, str):
        value = clean_text(value, 64)
    elif not isinstance(value, int) or isinstance(value, bool):
        value = clean_text(str(value), 64) if value is not None else None
    if value in (None, ""):
        if required:
            errors[field] = f"Vui lòng chọn {label}."
        return None
    row = None
    if isinstance(value, int) or (isinstance(value, str) and value.isdigit() and len(value) < 10):
        row = db.session.get(model, int(value)) if 0 < int(value) < 2**31 else None
    if row is None and isinstance(value, str):
        row = db.session.scalar(select(model).where(model.code == value[:32]))
    if row is None or not row.active:
        errors[field] = f"{label[:1].upper()}{label[1:]} không hợp lệ: vui lòng chọn trong danh sách."
        return None
    return row


def _project(value, errors: dict):
    if value in (None, "", 0, "0"):
        return None
    try:
        pid = int(value)
    except (TypeError, ValueError):
        errors["project_id"] = "Dự án, công trình không hợp lệ: vui lòng chọn trong danh sách."
        return None
    if pid not in {p.id for p in list_projects()}:
        errors["project_id"] = "Dự án, công trình không hợp lệ: vui lòng chọn trong danh sách."
        return None
    return pid


def _check_files(files, errors: dict, field: str = "attachments") -> list[tuple[str, str, bytes]]:
    files = [f for f in (files or []) if f is not None and (f.data or f.filename)]
    if len(files) > MAX_FILES:
        errors[field] = f"Chỉ được gửi tối đa {MAX_FILES} tệp đính kèm (bạn đã chọn {len(files)})."
        return []
    max_bytes = int(current_app.config["SUBMISSION_ATTACHMENT_MAX_BYTES"])
    checked, problems = [], []
    for f in files:
        label = clean_filename(f.filename, "")[:-4] or "tệp"
        try:
            kind = inspect_upload(f.data, ALLOWED_TYPES, max_bytes)
            data = strip_image_metadata(f.data, kind) if kind in (JPEG, PNG) else f.data
        except FileRefused as exc:
            problems.append(f"“{label}”: {exc}")
            continue
        checked.append((clean_filename(f.filename, kind), kind, data))
    if problems:
        errors[field] = " ".join(problems)
    return checked


def _store_files(submission: Submission, checked, added_later: bool = False) -> None:
    for filename, kind, data in checked:
        try:
            digest = store_bytes(data)
        except FileRefused as exc:  # disk full or write error: the caller rolls back, nothing half-stored
            raise IntakeError({"attachments": str(exc)}, str(exc)) from exc
        db.session.add(SubmissionAttachment(
            submission=submission, filename=filename, content_type=kind, size=len(data), sha256=digest,
            added_later=added_later))


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
    """Check a petition; returns cleaned values and checked files or raises ``IntakeError`` /
    ``MatterRedirected``. ``data`` keys are those of the API."""
    errors: dict[str, str] = {}
    kind_raw = str(data.get("kind") or "feedback")
    try:
        kind = MatterKind(kind_raw)
    except ValueError:
        raise IntakeError({"kind": "Loại nội dung không hợp lệ: chọn phản ánh, kiến nghị; khiếu nại; hoặc tố cáo."}) from None
    if kind != MatterKind.feedback:
        raise MatterRedirected(kind, legal_guidance(kind))
    topic = _lookup(Topic, data.get("topic"), errors, "topic", "lĩnh vực", True)
    group = _lookup(ResidentialGroup, data.get("group"), errors, "group", "tổ dân phố", False)
    project_id = _project(data.get("project_id"), errors)
    title = _text(errors, "title", data.get("title"), "Tiêu đề", True)
    description = _text(errors, "description", data.get("description"), "Nội dung", True)
    name, phone, email = _contact(errors, data.get("name"), data.get("phone"), data.get("email"), data.get("consent"))
    try:
        visibility = Visibility(str(data.get("visibility") or "anonymous"))
    except ValueError:
        errors["visibility"] = "Hình thức công khai không hợp lệ: chọn kèm họ tên, không kèm họ tên, hoặc không công khai."
        visibility = Visibility.anonymous
    if visibility == Visibility.named and not name and "name" not in errors:
        errors["name"] = "Bạn chọn công khai kèm họ tên: vui lòng nhập họ tên, hoặc chọn hình thức khác."
    checked = _check_files(files, errors)
    if errors:
        raise IntakeError(errors)
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
        audit.record("resident", "intake.redirect", ("submission", ""), {"kind": exc.kind.value, "channel": Channel(channel).value})
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
    _store_files(sub, checked)
    _event(sub, "submit", "Đã tiếp nhận phản ánh, kiến nghị. Nội dung sẽ được kiểm duyệt trước khi công khai.",
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
        raise IntakeError({"disclosure": "Không tìm thấy dự thảo đang lấy ý kiến."})
    start, end = disclosure.comments_open_from, disclosure.comments_open_until
    if not offline and not is_open_for_comments(disclosure):
        if start and end:
            msg = (f"Dự thảo chỉ nhận góp ý từ ngày {start:%d/%m/%Y} đến hết ngày {end:%d/%m/%Y}; "
                   "hiện không trong thời gian lấy ý kiến.")
        else:
            msg = "Văn bản này không lấy ý kiến Nhân dân qua Cổng."
        raise IntakeError({"text": msg}, msg)
    if offline:
        if start is None:
            raise IntakeError({"disclosure": "Văn bản này chưa được mở lấy ý kiến."})
        if received_on is None:
            errors["received_on"] = "Vui lòng nhập ngày nhận ý kiến."
        elif received_on > dt.date.today() + dt.timedelta(days=1):
            errors["received_on"] = "Ngày nhận ý kiến không được ở tương lai."
    text = _text(errors, "text", data.get("text"), "Nội dung góp ý", True, limit="comment")
    group = _lookup(ResidentialGroup, data.get("group"), errors, "group", "tổ dân phố", False)
    if offline:
        name = _text(errors, "name", data.get("name"), "Họ tên", False)
        phone = email = ""
    else:
        name, phone, email = _contact(errors, data.get("name"), data.get("phone"), data.get("email"), data.get("consent"))
    if errors:
        raise IntakeError(errors)
    sub = Submission(
        receipt_code=new_receipt_code(SubmissionKind.comment), kind=SubmissionKind.comment,
        status=SubmissionStatus.received, channel=channel, visibility=Visibility.anonymous,
        group_id=group.id if group else None, disclosure_id=disclosure.id, title="", description=text,
        received_on=received_on, entered_by_id=getattr(actor, "id", None) if offline else None,
    )
    db.session.add(sub)
    _attach_contact(sub, name, phone, email)
    msg = "Đã tiếp nhận ý kiến góp ý. Ý kiến sẽ được kiểm duyệt trước khi hiển thị dưới dự thảo."
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
        raise IntakeError({"info": "Kiến nghị này hiện không cần bổ sung thông tin."},
                          "Kiến nghị này hiện không cần bổ sung thông tin.")
    errors: dict[str, str] = {}
    info = _text(errors, "info", text, "Thông tin bổ sung", False)
    existing = db.session.scalar(select(db.func.count(SubmissionAttachment.id))
                                 .where(SubmissionAttachment.submission_id == submission.id)) or 0
    checked = _check_files(files, errors)
    if checked and existing + len(checked) > MAX_FILES * 2:
        errors["attachments"] = "Kiến nghị đã có đủ số tệp đính kèm tối đa."
    if not info and not checked and not errors:
        errors["info"] = "Vui lòng nhập thông tin bổ sung hoặc chọn tệp đính kèm."
    if errors:
        raise IntakeError(errors)
    _store_files(submission, checked, added_later=True)
    previous = submission.status
    submission.status = SubmissionStatus.received
    submission.claimed_by_id = None
    submission.claimed_until = None
    ev = _event(submission, "info_added", "Người gửi đã bổ sung thông tin; kiến nghị được kiểm duyệt lại.",
                info, from_status=previous, to_status=SubmissionStatus.received)
    db.session.flush()
    audit.record("resident", "submission.info_added", submission, {"attachments": len(checked)})
    return ev


# --- support for an existing petition -----------------------------------------------------------

def support_petition(submission: Submission, contact: str) -> Support:
    """One support per contact per petition; only a keyed hash of the contact is kept."""
    norm = abuse.normalize_contact(clean_text(str(contact or ""))[:254])
    if not norm:
        raise IntakeError({"contact": "Vui lòng nhập số điện thoại (10 chữ số) hoặc email hợp lệ để ủng hộ."})
    if submission is None or submission.kind != SubmissionKind.petition or not submission.is_public:
        raise IntakeError({"contact": "Kiến nghị này không nhận ủng hộ."})
    digest = abuse.contact_hash(norm, "support")
    if db.session.scalar(select(Support.id).where(Support.submission_id == submission.id,
                                                  Support.contact_hash == digest)) is not None:
        raise AlreadySupported("Số điện thoại hoặc email này đã ủng hộ kiến nghị này rồi: mỗi người chỉ ủng hộ một lần.")
    support = Support(submission_id=submission.id, contact_hash=digest)
    db.session.add(support)
    db.session.execute(update(Submission).where(Submission.id == submission.id)
                       .values(support_count=Submission.support_count + 1)
                       .execution_options(synchronize_session=False))
    db.session.flush()
    db.session.refresh(submission)
    audit.record("resident", "submission.support", submission, {})
    return support

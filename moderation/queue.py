"""The moderation queue: claim, approve, reject, ask for information, merge as duplicate,
redirect, change topic, redact, show contact. One function per action; each checks the state,
records a reason, a SubmissionEvent (public message for the resident), an audit event and an
outbox email when the resident left an address, and flushes; the view commits.

Claims are atomic: a conditional ``UPDATE … WHERE claimed_by IS NULL OR claimed_until < now OR
claimed_by = me`` (plus the row lock PostgreSQL takes for the UPDATE), so two moderators acting
at once never both succeed.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, or_, select, update

from moderation.intake import legal_guidance
from moderation.models import (
    MatterKind, RejectionReason, Submission, SubmissionAttachment, SubmissionEvent, SubmissionKind,
    SubmissionStatus, Support, Topic,
)
from portal import audit
from portal.database import utcnow
from portal.extensions import db
from portal.sanitize import clean_text
from portal.i18n import N_

CLAIM_MINUTES = 30
PENDING = (SubmissionStatus.received, SubmissionStatus.in_review)
REDIRECT_KINDS = {
    "complaint": "Khiếu nại",
    "denunciation": "Tố cáo",
    "other_agency": "Thuộc thẩm quyền cơ quan khác",
}
DEFAULT_REASONS = [
    ("spam", "Nội dung quảng cáo, rác hoặc không liên quan.", "Thư rác, quảng cáo, nội dung vô nghĩa."),
    ("offensive", "Nội dung có ngôn từ xúc phạm, thiếu văn hóa.", "Ngôn từ xúc phạm, kích động."),
    ("duplicate", "Nội dung trùng với phản ánh, kiến nghị đã gửi trước đó.", "Dùng khi không gộp được vào kiến nghị gốc."),
    ("out_of_scope", "Nội dung không thuộc phạm vi thực hiện dân chủ ở cơ sở của phường.", ""),
    ("not_enough_info", "Nội dung chưa đủ thông tin để xem xét và người gửi không bổ sung.", ""),
    ("private_data", "Nội dung tiết lộ thông tin cá nhân, đời tư của người khác.", "Không biên tập được mà vẫn giữ ý chính."),
]


ACTION_LABELS = {
    "submit": N_("Gửi"), "claim": N_("Nhận xử lý"), "approve": N_("Duyệt"), "reject": N_("Từ chối"),
    "request_info": N_("Yêu cầu bổ sung"), "info_added": N_("Người gửi bổ sung"), "merge": N_("Gộp kiến nghị trùng"),
    "redirect": N_("Hướng dẫn chuyển kênh"), "change_topic": N_("Đổi lĩnh vực"), "redact": N_("Biên tập nội dung công khai"),
    "erase": N_("Xóa dữ liệu cá nhân theo yêu cầu"),
}


class ModerationError(Exception):
    """A refused moderation action; the message is Vietnamese and shown to the moderator."""


def seed_rejection_reasons() -> None:
    have = set(db.session.scalars(select(RejectionReason.code)))
    for code, public_text, note in DEFAULT_REASONS:
        if code not in have:
            db.session.add(RejectionReason(code=code, public_text=public_text, internal_note=note))
    db.session.flush()


# --- queue and counts -------------------------------------------------------------------------

def queue_query(kind: str | None = None, topic_id: int | None = None, status: str | None = None):
    q = select(Submission).where(Submission.status.in_(PENDING))
    if status in ("received", "in_review", "needs_info"):
        q = select(Submission).where(Submission.status == SubmissionStatus(status))
    if kind in ("petition", "comment"):
        q = q.where(Submission.kind == SubmissionKind(kind))
    if topic_id:
        q = q.where(Submission.topic_id == topic_id)
    return q.order_by(Submission.created_at, Submission.id)


def counts() -> dict[str, int]:
    rows = db.session.execute(select(Submission.status, func.count()).group_by(Submission.status)).all()
    return {getattr(s, "value", s): n for s, n in rows}


def due_badge(submission: Submission) -> dict:
    from moderation.deadlines import clock, due_date

    return clock(due_date("moderation", submission.created_at))


def is_claimed_by_other(submission: Submission, user, now: dt.datetime | None = None) -> bool:
    now = now or utcnow()
    return bool(submission.claimed_by_id and submission.claimed_by_id != user.id
                and submission.claimed_until and submission.claimed_until > now)


# --- claims -----------------------------------------------------------------------------------

def _claim_condition(user, now):
    return or_(Submission.claimed_by_id.is_(None), Submission.claimed_until.is_(None),
               Submission.claimed_until < now, Submission.claimed_by_id == user.id)


def _lock(submission: Submission) -> None:
    """Take the row lock on PostgreSQL before a conditional update (SQLite locks the database)."""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(select(Submission.id).where(Submission.id == submission.id).with_for_update())


def _holder_message(submission: Submission) -> str:
    db.session.refresh(submission)
    holder = submission.claimed_by
    if submission.status not in PENDING:
        return f"Mục này vừa được xử lý (tình trạng: {submission.status_label})."
    name = (holder.name or holder.email) if holder else "một cán bộ khác"
    until = submission.claimed_until
    from portal.templating import format_datetime

    return f"Mục này đang do {name} xử lý đến {format_datetime(until)}; vui lòng chọn mục khác."


def claim_submission(submission: Submission, user, minutes: int = CLAIM_MINUTES) -> Submission:
    """Claim ``submission`` for ``user`` (renews the user's own claim). ``received`` → ``in_review``."""
    now = utcnow()
    _lock(submission)
    result = db.session.execute(
        update(Submission)
        .where(Submission.id == submission.id, Submission.status.in_(PENDING), _claim_condition(user, now))
        .values(claimed_by_id=user.id, claimed_until=now + dt.timedelta(minutes=minutes),
                status=SubmissionStatus.in_review)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise ModerationError(_holder_message(submission))
    previous = submission.status
    db.session.refresh(submission)
    if previous == SubmissionStatus.received:
        db.session.add(SubmissionEvent(submission_id=submission.id, action="claim", from_status="received",
                                       to_status="in_review", public_message="Đang kiểm duyệt.", actor_id=user.id))
        audit.record(user, "submission.claim", submission, {"until": submission.claimed_until.isoformat()})
    db.session.flush()
    return submission


def release_submission(submission: Submission, user) -> None:
    result = db.session.execute(
        update(Submission)
        .where(Submission.id == submission.id, Submission.claimed_by_id == user.id)
        .values(claimed_by_id=None, claimed_until=None)
        .execution_options(synchronize_session=False))
    if result.rowcount:
        audit.record(user, "submission.release", submission, {})
    db.session.refresh(submission)


def _finish(submission: Submission, user, to: SubmissionStatus, allowed=PENDING, **values) -> SubmissionStatus:
    """Move to ``to`` only if still in ``allowed`` and claimable by ``user``: atomic."""
    now = utcnow()
    previous = submission.status
    _lock(submission)
    result = db.session.execute(
        update(Submission)
        .where(Submission.id == submission.id, Submission.status.in_(allowed), _claim_condition(user, now))
        .values(status=to, claimed_by_id=None, claimed_until=None, moderated_at=now, **values)
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise ModerationError(_holder_message(submission))
    db.session.refresh(submission)
    return previous


def _record(submission: Submission, user, action: str, previous, public_message: str, note: str,
            details: dict | None = None, lead: str = "", subject: str = "") -> SubmissionEvent:
    ev = SubmissionEvent(submission_id=submission.id, action=action,
                         from_status=getattr(previous, "value", previous),
                         to_status=submission.status.value, public_message=public_message,
                         internal_note=note, actor_id=user.id)
    db.session.add(ev)
    db.session.flush()
    audit.record(user, f"submission.{action}", submission, {"reason": note, **(details or {})})
    if subject:
        from moderation.notify import email_submitter

        email_submitter(submission, "status_changed", key=f"{action}:{ev.id}", subject=subject,
                        lead=lead, message=public_message)
    return ev


def _reason(note: str | None, required: bool = True) -> str:
    note = clean_text(note or "", 2000)
    if required and not note:
        raise ModerationError("Vui lòng ghi lý do (ghi chú nội bộ) cho thao tác này.")
    return note


# --- actions ----------------------------------------------------------------------------------

def approve_submission(submission: Submission, user, note: str = "", public_message: str = "",
                       board_id: int | None = None, routing_reason: str = ""):
    """Approve: a petition goes on to its Board (``moderation.routing``); a comment is published
    under its draft. Returns the Case for a petition when routing exists, else None."""
    note = _reason(note or "Nội dung phù hợp, được duyệt.", required=False)
    public_message = clean_text(public_message, 2000)
    previous = _finish(submission, user, SubmissionStatus.approved)
    case = None
    if submission.kind == SubmissionKind.petition:
        msg = public_message or "Kiến nghị đã được duyệt và chuyển đến Ban để xem xét."
        try:
            from moderation.routing import RoutingError, route_approved_petition
        except ImportError:  # pragma: no cover - Board package not installed
            route_approved_petition = None
        if route_approved_petition is not None:
            try:
                case = route_approved_petition(submission, user, board_id=board_id, reason=routing_reason)
            except RoutingError as exc:
                raise ModerationError(str(exc)) from exc
        lead = "Phản ánh, kiến nghị của ông/bà đã được duyệt và chuyển đến Ban để xem xét, trả lời."
    else:
        msg = public_message or "Ý kiến góp ý đã được duyệt và hiển thị dưới dự thảo."
        lead = "Ý kiến góp ý của ông/bà đã được duyệt và hiển thị dưới dự thảo."
    _record(submission, user, "approve", previous, msg, note, {"case_id": getattr(case, "id", None)},
            lead=lead, subject="Đã duyệt")
    return case


def reject_submission(submission: Submission, user, reason_code: str, note: str = "") -> None:
    reason = db.session.scalar(select(RejectionReason).where(RejectionReason.code == clean_text(reason_code or "", 32)))
    if reason is None or not reason.active:
        raise ModerationError("Vui lòng chọn một lý do từ chối trong danh sách.")
    note = _reason(note or reason.internal_note or reason.code, required=False)
    previous = _finish(submission, user, SubmissionStatus.rejected, rejection_reason_id=reason.id)
    _record(submission, user, "reject", previous, reason.public_text, note, {"reason_code": reason.code},
            lead="Rất tiếc, nội dung ông/bà gửi không được tiếp nhận.", subject="Không tiếp nhận")


def request_information(submission: Submission, user, message: str, note: str = "") -> None:
    message = clean_text(message, 2000)
    if not message:
        raise ModerationError("Vui lòng ghi rõ thông tin người gửi cần bổ sung (nội dung này gửi cho người dân).")
    note = _reason(note or "Yêu cầu bổ sung thông tin.", required=False)
    previous = _finish(submission, user, SubmissionStatus.needs_info)
    _record(submission, user, "request_info", previous, message, note,
            lead="Để xem xét phản ánh, kiến nghị, đề nghị ông/bà bổ sung thông tin theo yêu cầu dưới đây. "
                 "Ông/bà bổ sung trên trang Tra cứu bằng mã tiếp nhận.",
            subject="Đề nghị bổ sung thông tin")


def merge_duplicate(submission: Submission, user, target: Submission | None, note: str = "") -> None:
    """Merge ``submission`` into ``target`` as a duplicate; its supporters (and its sender, as a
    hashed contact) move over to the target."""
    from moderation import abuse

    if target is None:
        raise ModerationError("Không tìm thấy kiến nghị gốc: kiểm tra lại mã tiếp nhận.")
    if submission.kind != SubmissionKind.petition or target.kind != SubmissionKind.petition:
        raise ModerationError("Chỉ gộp được kiến nghị vào một kiến nghị khác.")
    if target.id == submission.id:
        raise ModerationError("Không thể gộp kiến nghị vào chính nó.")
    if target.status not in (SubmissionStatus.approved, *PENDING, SubmissionStatus.needs_info):
        raise ModerationError("Kiến nghị gốc phải đang được xử lý hoặc đã duyệt (không phải bị từ chối hay trùng).")
    note = _reason(note or f"Trùng với {target.receipt_code}.", required=False)
    previous = _finish(submission, user, SubmissionStatus.duplicate, duplicate_of_id=target.id)
    have = set(db.session.scalars(select(Support.contact_hash).where(Support.submission_id == target.id)))
    moved = 0
    for support in db.session.scalars(select(Support).where(Support.submission_id == submission.id)).all():
        if support.contact_hash in have:
            db.session.delete(support)
        else:
            support.submission_id = target.id
            have.add(support.contact_hash)
            moved += 1
    contact = submission.contact
    for value in (contact.phone, contact.email) if contact else ():
        norm = abuse.normalize_contact(value)
        if norm:
            digest = abuse.contact_hash(norm, "support")
            if digest not in have:
                db.session.add(Support(submission_id=target.id, contact_hash=digest))
                have.add(digest)
                moved += 1
            break
    db.session.flush()
    for sub in (submission, target):
        sub.support_count = db.session.scalar(select(func.count(Support.id)).where(Support.submission_id == sub.id))
    msg = ("Nội dung trùng với một kiến nghị đã được tiếp nhận; hai kiến nghị được gộp để xử lý chung "
           "và ý kiến của ông/bà được tính là ủng hộ kiến nghị đó.")
    _record(submission, user, "merge", previous, msg, note, {"target": target.receipt_code, "moved": moved},
            lead="Phản ánh, kiến nghị của ông/bà trùng với một kiến nghị đã được tiếp nhận.",
            subject="Đã gộp với kiến nghị trùng nội dung")


def redirect_submission(submission: Submission, user, redirect_kind: str, guidance: str = "", note: str = "") -> None:
    """Redirect a complaint, a denunciation or another agency's matter, with guidance for the
    resident. A denunciation is not kept: its text, files and contact are wiped once the
    guidance email is queued."""
    if redirect_kind not in REDIRECT_KINDS:
        raise ModerationError("Vui lòng chọn hướng chuyển: khiếu nại, tố cáo hoặc thuộc thẩm quyền cơ quan khác.")
    guidance = clean_text(guidance, 2000)
    if redirect_kind == "other_agency":
        if not guidance:
            raise ModerationError("Vui lòng ghi cơ quan có thẩm quyền và cách liên hệ để hướng dẫn người dân.")
        message = guidance
    else:
        message = legal_guidance(redirect_kind) + (f" {guidance}" if guidance else "")
    note = _reason(note or REDIRECT_KINDS[redirect_kind], required=False)
    values = {"redirect_kind": redirect_kind}
    if redirect_kind in ("complaint", "denunciation"):
        values["matter_kind"] = MatterKind(redirect_kind)
    previous = _finish(submission, user, SubmissionStatus.redirected, **values)
    _record(submission, user, "redirect", previous, message, note, {"redirect_kind": redirect_kind},
            lead="Nội dung ông/bà gửi không thuộc phạm vi tiếp nhận của Cổng; xin xem hướng dẫn dưới đây.",
            subject="Hướng dẫn gửi đến kênh phù hợp")
    if redirect_kind == "denunciation":
        _purge_denunciation(submission, user)


def _purge_denunciation(submission: Submission, user) -> None:
    submission.title = "[Nội dung tố cáo không lưu trên Cổng]"
    submission.description = ""
    submission.public_title = None
    submission.public_description = None
    submission.display_name = ""
    for ev in submission.events:
        if ev.action in ("submit", "info_added"):
            ev.internal_note = ""
    db.session.execute(delete(SubmissionAttachment).where(SubmissionAttachment.submission_id == submission.id))
    if submission.contact is not None:
        db.session.delete(submission.contact)
    submission.personal_data_purged_at = utcnow()
    db.session.flush()
    audit.record(user, "submission.purge", submission, {"why": "denunciation"})


def change_topic(submission: Submission, user, topic_id, note: str) -> None:
    topic = db.session.get(Topic, int(topic_id)) if str(topic_id or "").isdigit() else None
    if topic is None or not topic.active:
        raise ModerationError("Vui lòng chọn lĩnh vực trong danh sách.")
    note = _reason(note)
    if submission.status not in (*PENDING, SubmissionStatus.approved, SubmissionStatus.needs_info):
        raise ModerationError("Không đổi lĩnh vực của mục đã kết thúc.")
    if submission.status in PENDING and is_claimed_by_other(submission, user):
        raise ModerationError(_holder_message(submission))
    old = submission.topic.name if submission.topic else ""
    submission.topic_id = topic.id
    db.session.flush()
    db.session.refresh(submission)
    _record(submission, user, "change_topic", submission.status,
            f"Lĩnh vực được điều chỉnh: {topic.name}.", note, {"from": old, "to": topic.name},
            lead="Lĩnh vực của phản ánh, kiến nghị đã được điều chỉnh cho đúng.", subject="Điều chỉnh lĩnh vực")


def redact_submission(submission: Submission, user, public_title: str, public_description: str, note: str) -> None:
    """Set the public version of the text; the original stays visible to staff only."""
    note = _reason(note)
    title = clean_text(public_title, 300)
    description = clean_text(public_description, 5000)
    if submission.kind == SubmissionKind.petition and not title:
        raise ModerationError("Tiêu đề công khai không được để trống.")
    if not description:
        raise ModerationError("Nội dung công khai không được để trống.")
    if submission.status in PENDING and is_claimed_by_other(submission, user):
        raise ModerationError(_holder_message(submission))
    submission.public_title = title if title != submission.title else None
    submission.public_description = description if description != submission.description else None
    if submission.public_title is None and submission.public_description is None:
        raise ModerationError("Nội dung công khai chưa thay đổi so với bản gốc.")
    db.session.flush()
    _record(submission, user, "redact", submission.status,
            "Nội dung công khai đã được biên tập để bảo vệ thông tin cá nhân.", note,
            lead="Nội dung công khai của phản ánh, kiến nghị đã được biên tập để bảo vệ thông tin cá nhân "
                 "(bản gốc chỉ cán bộ xử lý được xem).", subject="Biên tập nội dung công khai")


def reveal_contact(submission: Submission, user, reason: str = ""):
    """The contact, for a staff member who asked explicitly: audited."""
    audit.record(user, "submission.contact_viewed", submission, {"reason": clean_text(reason, 500)})
    db.session.flush()
    return submission.contact


def erase_personal_data(submission: Submission, user, note: str) -> None:
    """A resident's request to withdraw consent or delete their data (acted on within 72 hours):
    contact, display name and files go; the text and the statistics stay."""
    note = _reason(note)
    if submission.personal_data_purged_at is not None:
        raise ModerationError("Dữ liệu cá nhân của mục này đã được xóa trước đó.")
    try:
        from moderation.maintenance import purge_submission
    except ImportError:  # pragma: no cover - Board package not installed
        purge_submission = None
    if purge_submission is not None:
        purge_submission(submission, f"request: {note}")
    else:  # pragma: no cover
        if submission.contact is not None:
            db.session.delete(submission.contact)
        submission.display_name = ""
        submission.personal_data_purged_at = utcnow()
    db.session.add(SubmissionEvent(submission_id=submission.id, action="erase", internal_note=note,
                                   public_message="Dữ liệu cá nhân đã được xóa theo yêu cầu của người gửi.",
                                   actor_id=user.id))
    audit.record(user, "submission.erase_personal_data", submission, {"reason": note})
    db.session.flush()


def moderation_stats() -> dict:
    """Small figures for the queue header."""
    c = counts()
    now = utcnow()
    claimed = db.session.scalar(select(func.count(Submission.id)).where(
        Submission.status.in_(PENDING), Submission.claimed_until > now)) or 0
    return {"received": c.get("received", 0), "in_review": c.get("in_review", 0),
            "needs_info": c.get("needs_info", 0), "claimed": claimed,
            "approved": c.get("approved", 0), "rejected": c.get("rejected", 0)}


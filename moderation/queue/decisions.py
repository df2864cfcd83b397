"""The moderator's decisions on a pending item: approve, reject, ask for information, merge as
duplicate, redirect to the right channel, change topic."""
from __future__ import annotations

from sqlalchemy import func, select

from moderation.boards.routing import route_approved_petition
from moderation.cases import texts
from moderation.intake import legal_guidance
from moderation.intake.models import MatterKind, Submission, SubmissionKind, SubmissionStatus, Support, Topic
from moderation.queue.claims import finish_claimed, holder_message, is_claimed_by_other
from moderation.queue.common import PENDING, reason_note, record_action
from moderation.queue.models import RejectionReason
from moderation.queue.privacy import purge_denunciation
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import N_, _l
from portal.params import as_id
from portal.sanitize import clean_text

REDIRECT_KINDS = {
    "complaint": N_("Khiếu nại"),
    "denunciation": N_("Tố cáo"),
    "other_agency": N_("Thuộc thẩm quyền cơ quan khác"),
}
DEFAULT_REASONS = [
    ("spam", N_("Nội dung quảng cáo, rác hoặc không liên quan."), N_("Thư rác, quảng cáo, nội dung vô nghĩa.")),
    ("offensive", N_("Nội dung có ngôn từ xúc phạm, thiếu văn hóa."), N_("Ngôn từ xúc phạm, kích động.")),
    ("duplicate", N_("Nội dung trùng với phản ánh, kiến nghị đã gửi trước đó."),
     N_("Dùng khi không gộp được vào kiến nghị gốc.")),
    ("out_of_scope", N_("Nội dung không thuộc phạm vi thực hiện dân chủ ở cơ sở của phường."), ""),
    ("not_enough_info", N_("Nội dung chưa đủ thông tin để xem xét và người gửi không bổ sung."), ""),
    ("private_data", N_("Nội dung tiết lộ thông tin cá nhân, đời tư của người khác."),
     N_("Không biên tập được mà vẫn giữ ý chính.")),
]


def seed_rejection_reasons() -> None:
    have = set(db.session.scalars(select(RejectionReason.code)))
    for code, public_text, note in DEFAULT_REASONS:
        if code not in have:
            db.session.add(RejectionReason(code=code, public_text=public_text, internal_note=note))
    db.session.flush()


# --- actions ----------------------------------------------------------------------------------

def approve_submission(submission: Submission, user, note: str = "", public_message: str = "",
                       board_id: int | None = None, routing_reason: str = ""):
    """Approve: a petition goes on to its Board (``moderation.boards.routing``); a comment is published
    under its draft. Returns the Case for a petition when routing exists, else None."""
    note = reason_note(note or N_("Nội dung phù hợp, được duyệt."), required=False)
    public_message = clean_text(public_message, 2000)
    previous = finish_claimed(submission, user, SubmissionStatus.approved)
    case = None
    if submission.kind == SubmissionKind.petition:
        msg = public_message or N_("Kiến nghị đã được duyệt và chuyển đến Ban để xem xét.")
        case = route_approved_petition(submission, user, board_id=board_id, reason=routing_reason)
        lead = "Phản ánh, kiến nghị của ông/bà đã được duyệt và chuyển đến Ban để xem xét, trả lời."
    else:
        msg = public_message or N_("Ý kiến góp ý đã được duyệt và hiển thị dưới dự thảo.")
        lead = "Ý kiến góp ý của ông/bà đã được duyệt và hiển thị dưới dự thảo."
    record_action(submission, user, "approve", previous, msg, note, {"case_id": getattr(case, "id", None)},
            lead=lead, subject="Đã duyệt")
    return case


def reject_submission(submission: Submission, user, reason_code: str, note: str = "") -> None:
    reason = db.session.scalar(select(RejectionReason).where(RejectionReason.code == clean_text(reason_code or "", 32)))
    if reason is None or not reason.active:
        raise DomainError(_l("Vui lòng chọn một lý do từ chối trong danh sách."))
    note = reason_note(note or reason.internal_note or reason.code, required=False)
    previous = finish_claimed(submission, user, SubmissionStatus.rejected, rejection_reason_id=reason.id)
    record_action(submission, user, "reject", previous, reason.public_text, note, {"reason_code": reason.code},
            lead="Rất tiếc, nội dung ông/bà gửi không được tiếp nhận.", subject="Không tiếp nhận")


def request_information(submission: Submission, user, message: str, note: str = "") -> None:
    message = clean_text(message, 2000)
    if not message:
        raise DomainError(_l("Vui lòng ghi rõ thông tin người gửi cần bổ sung (nội dung này gửi cho người dân)."))
    note = reason_note(note or N_("Yêu cầu bổ sung thông tin."), required=False)
    previous = finish_claimed(submission, user, SubmissionStatus.needs_info)
    record_action(submission, user, "request_info", previous, message, note,
            lead="Để xem xét phản ánh, kiến nghị, đề nghị ông/bà bổ sung thông tin theo yêu cầu dưới đây. "
                 "Ông/bà bổ sung trên trang Tra cứu bằng mã tiếp nhận.",
            subject="Đề nghị bổ sung thông tin")


def merge_duplicate(submission: Submission, user, target: Submission | None, note: str = "") -> None:
    """Merge ``submission`` into ``target`` as a duplicate; its supporters (and its sender, as a
    hashed contact) move over to the target."""
    from moderation import abuse

    if target is None:
        raise DomainError(_l("Không tìm thấy kiến nghị gốc: kiểm tra lại mã tiếp nhận."))
    if submission.kind != SubmissionKind.petition or target.kind != SubmissionKind.petition:
        raise DomainError(_l("Chỉ gộp được kiến nghị vào một kiến nghị khác."))
    if target.id == submission.id:
        raise DomainError(_l("Không thể gộp kiến nghị vào chính nó."))
    if target.status not in (SubmissionStatus.approved, *PENDING, SubmissionStatus.needs_info):
        raise DomainError(_l("Kiến nghị gốc phải đang được xử lý hoặc đã duyệt (không phải bị từ chối hay trùng)."))
    note = reason_note(note or texts.fill(texts.DUPLICATE_OF, code=target.receipt_code), required=False)
    previous = finish_claimed(submission, user, SubmissionStatus.duplicate, duplicate_of_id=target.id)
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
    msg = N_("Nội dung trùng với một kiến nghị đã được tiếp nhận; hai kiến nghị được gộp để xử lý chung "
             "và ý kiến của ông/bà được tính là ủng hộ kiến nghị đó.")
    record_action(submission, user, "merge", previous, msg, note, {"target": target.receipt_code, "moved": moved},
            lead="Phản ánh, kiến nghị của ông/bà trùng với một kiến nghị đã được tiếp nhận.",
            subject="Đã gộp với kiến nghị trùng nội dung")


def redirect_submission(submission: Submission, user, redirect_kind: str, guidance: str = "", note: str = "") -> None:
    """Redirect a complaint, a denunciation or another agency's matter, with guidance for the
    resident. A denunciation is not kept: its text, files and contact are wiped once the
    guidance email is queued."""
    if redirect_kind not in REDIRECT_KINDS:
        raise DomainError(_l("Vui lòng chọn hướng chuyển: khiếu nại, tố cáo hoặc thuộc thẩm quyền cơ quan khác."))
    guidance = clean_text(guidance, 2000)
    if redirect_kind == "other_agency":
        if not guidance:
            raise DomainError(_l("Vui lòng ghi cơ quan có thẩm quyền và cách liên hệ để hướng dẫn người dân."))
        message = guidance
    else:
        message = legal_guidance(redirect_kind)
        if guidance:
            message = texts.fill(texts.GUIDANCE_AND_NOTE, guidance=message, note=guidance)
    note = reason_note(note or REDIRECT_KINDS[redirect_kind], required=False)
    values = {"redirect_kind": redirect_kind}
    if redirect_kind in ("complaint", "denunciation"):
        values["matter_kind"] = MatterKind(redirect_kind)
    previous = finish_claimed(submission, user, SubmissionStatus.redirected, **values)
    record_action(submission, user, "redirect", previous, message, note, {"redirect_kind": redirect_kind},
            lead="Nội dung ông/bà gửi không thuộc phạm vi tiếp nhận của Cổng; xin xem hướng dẫn dưới đây.",
            subject="Hướng dẫn gửi đến kênh phù hợp")
    if redirect_kind == "denunciation":
        purge_denunciation(submission, user)


def change_topic(submission: Submission, user, topic_id, note: str) -> None:
    topic_id = as_id(topic_id)
    topic = db.session.get(Topic, topic_id) if topic_id else None
    if topic is None or not topic.active:
        raise DomainError(_l("Vui lòng chọn lĩnh vực trong danh sách."))
    note = reason_note(note)
    if submission.status not in (*PENDING, SubmissionStatus.approved, SubmissionStatus.needs_info):
        raise DomainError(_l("Không đổi lĩnh vực của mục đã kết thúc."))
    if submission.status in PENDING and is_claimed_by_other(submission, user):
        raise DomainError(holder_message(submission))
    old = submission.topic.name if submission.topic else ""
    submission.topic_id = topic.id
    db.session.flush()
    db.session.refresh(submission)
    record_action(submission, user, "change_topic", submission.status,
            texts.fill(texts.TOPIC_CHANGED, topic=topic.name), note, {"from": old, "to": topic.name},
            lead="Lĩnh vực của phản ánh, kiến nghị đã được điều chỉnh cho đúng.", subject="Điều chỉnh lĩnh vực")

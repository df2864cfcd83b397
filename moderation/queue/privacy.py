"""Personal data in the queue: the redacted public text, the audited view of a contact, erasure on
the resident's request, and the purge of a denunciation the portal does not keep."""
from __future__ import annotations

from sqlalchemy import delete

from moderation.cases.permissions import CONTACT_REASON_MISSING, can_access_personal_data, contact_reason
from moderation.intake.models import Submission, SubmissionAttachment, SubmissionEvent, SubmissionKind
from moderation.maintenance import purge_submission
from moderation.queue.claims import holder_message, is_claimed_by_other
from moderation.queue.common import PENDING, reason_note, record_action
from portal import audit
from portal.database import utcnow
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import N_, _l
from portal.sanitize import clean_text


def purge_denunciation(submission: Submission, user) -> None:
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


def redact_submission(submission: Submission, user, public_title: str, public_description: str, note: str) -> None:
    """Set the public version of the text; the original stays visible to staff only."""
    note = reason_note(note)
    title = clean_text(public_title, 300)
    description = clean_text(public_description, 5000)
    if submission.kind == SubmissionKind.petition and not title:
        raise DomainError(_l("Tiêu đề công khai không được để trống."))
    if not description:
        raise DomainError(_l("Nội dung công khai không được để trống."))
    if submission.status in PENDING and is_claimed_by_other(submission, user):
        raise DomainError(holder_message(submission))
    submission.public_title = title if title != submission.title else None
    submission.public_description = description if description != submission.description else None
    if submission.public_title is None and submission.public_description is None:
        raise DomainError(_l("Nội dung công khai chưa thay đổi so với bản gốc."))
    db.session.flush()
    record_action(submission, user, "redact", submission.status,
            N_("Nội dung công khai đã được biên tập để bảo vệ thông tin cá nhân."), note,
            lead="Nội dung công khai của phản ánh, kiến nghị đã được biên tập để bảo vệ thông tin cá nhân "
                 "(bản gốc chỉ cán bộ xử lý được xem).", subject="Biên tập nội dung công khai")


def reveal_contact(submission: Submission, user, reason: str = ""):
    """The contact, for a moderator who asked explicitly and said why: audited."""
    if not can_access_personal_data(user, submission):
        raise DomainError(_l("Chỉ cán bộ kiểm duyệt được xem thông tin liên hệ của mục trong hàng đợi."))
    reason = contact_reason(reason)
    if not reason:
        raise DomainError(CONTACT_REASON_MISSING)
    audit.record(user, "submission.contact_viewed", submission, {"reason": reason})
    db.session.flush()
    return submission.contact


def erase_personal_data(submission: Submission, user, note: str) -> None:
    """A resident's request to withdraw consent or delete their data (acted on within 72 hours):
    contact, display name and files go; the text and the statistics stay."""
    note = reason_note(note)
    if submission.personal_data_purged_at is not None:
        raise DomainError(_l("Dữ liệu cá nhân của mục này đã được xóa trước đó."))
    purge_submission(submission, f"request: {note}")
    db.session.add(SubmissionEvent(submission_id=submission.id, action="erase", internal_note=note,
                                   public_message=N_("Dữ liệu cá nhân đã được xóa theo yêu cầu của người gửi."),
                                   actor_id=user.id))
    audit.record(user, "submission.erase_personal_data", submission, {"reason": note})
    db.session.flush()

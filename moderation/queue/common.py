"""What every moderation action shares: the domain error, the pending statuses, the reason check and
the writer of the SubmissionEvent, the audit event and the resident's email."""
from __future__ import annotations

from moderation.intake.models import Submission, SubmissionEvent, SubmissionStatus
from portal import audit
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from portal.sanitize import clean_text

PENDING = (SubmissionStatus.received, SubmissionStatus.in_review)


def record_action(submission: Submission, user, action: str, previous, public_message: str, note: str,
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


def reason_note(note: str | None, required: bool = True) -> str:
    note = clean_text(note or "", 2000)
    if required and not note:
        raise DomainError(_l("Vui lòng ghi lý do (ghi chú nội bộ) cho thao tác này."))
    return note

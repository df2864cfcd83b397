"""Scheduled work: the daily deadline digest for board heads and the personal-data purge."""
from __future__ import annotations

import datetime as dt

from flask import current_app
from sqlalchemy import select

from moderation.boards.models import Board, BoardMember
from moderation.boards.roster import add_months
from moderation.cases import deadlines, triage
from moderation.cases.models import Case, CaseStatus
from moderation.intake.models import Submission, SubmissionAttachment, SubmissionStatus, SubmitterContact
from portal import audit, ward
from portal.database import utcnow
from portal.extensions import db
from portal.settings import get_setting
from public_docs.disclosures.models import Attachment

DIGEST_HORIZON_DAYS = 2  # working days


def digest_for_board(board: Board, on: dt.date | None = None) -> tuple[list, list]:
    """(due soon, overdue): lists of (case, clock) of the board's open cases."""
    on = on or ward.today()
    horizon = deadlines.add_working_days(on, DIGEST_HORIZON_DAYS)
    due, overdue = [], []
    cases = db.session.scalars(
        select(Case).where(Case.board_id == board.id, Case.status != CaseStatus.closed).order_by(Case.id)
    )
    for case in cases:
        clocks = triage.case_clocks(case, on)
        late = [c for c in clocks if c["due"] < on]
        soon = [c for c in clocks if on <= c["due"] <= horizon]
        if late:
            overdue.append((case, min(late, key=lambda c: c["due"])))
        elif soon:
            due.append((case, min(soon, key=lambda c: c["due"])))
    return due, overdue


def send_case_digest(on: dt.date | None = None) -> list[dict]:
    """Email each board head the cases due in the next 2 working days and those overdue."""
    from moderation.notify import email_staff
    from portal.accounts.models import User

    on = on or ward.today()
    sent = []
    for board in db.session.scalars(select(Board).order_by(Board.id)):
        due, overdue = digest_for_board(board, on)
        if not due and not overdue:
            continue
        heads = db.session.scalars(
            select(User).join(BoardMember, BoardMember.user_id == User.id)
            .where(BoardMember.board_id == board.id, BoardMember.position == "head", User.active.is_(True))
        ).all()
        for head in heads:
            email_staff(head.email, "case_digest", key=f"case-digest:{board.id}:{head.id}:{on.isoformat()}",
                        board=board, due=due, overdue=overdue, on=on, member=head)
            sent.append({"to": head.email, "board": board.name, "due": len(due), "overdue": len(overdue)})
    db.session.flush()
    return sent


def _remove_attachments(sub: Submission) -> int:
    from portal.files import delete_stored

    removed = 0
    for att in list(sub.attachments):
        sha = att.sha256
        db.session.delete(att)
        removed += 1
        db.session.flush()
        still_used = db.session.scalar(
            select(SubmissionAttachment.id).where(SubmissionAttachment.sha256 == sha).limit(1))
        if still_used is None:
            if db.session.scalar(select(Attachment.id).where(Attachment.sha256 == sha).limit(1)) is not None:
                continue
            try:
                delete_stored(sha)
            except (OSError, ValueError):
                pass
    return removed


def purge_submission(sub: Submission, reason: str) -> None:
    """Remove the resident's personal data from one submission; its statistics stay."""
    contact = db.session.get(SubmitterContact, sub.id)
    if contact is not None:
        db.session.delete(contact)
    sub.display_name = ""
    from moderation.intake.models import Support

    for support in db.session.scalars(select(Support).where(Support.submission_id == sub.id)):
        db.session.delete(support)  # supporters' keyed contact hashes; support_count stays
    files = _remove_attachments(sub)
    case = triage.case_for_submission(sub)
    if case is not None:
        case.dispute_text = ""
    sub.personal_data_purged_at = utcnow()
    audit.record("system", "privacy.purge", sub, {"reason": reason, "attachments": files})


def purge_personal_data(now: dt.datetime | None = None) -> dict:
    """Cases closed longer than ``RETENTION_MONTHS`` and items refused (rejected, duplicate, redirected,
    withdrawn) longer than ``REJECTED_RETENTION_MONTHS`` lose their personal data."""
    now = now or utcnow()
    today = ward.local_date(now)
    keep = int(get_setting("RETENTION_MONTHS", current_app.config["RETENTION_MONTHS"]))
    keep_rejected = int(get_setting("REJECTED_RETENTION_MONTHS", current_app.config["REJECTED_RETENTION_MONTHS"]))
    closed_before = dt.datetime.combine(add_months(today, -keep), dt.time.min, tzinfo=dt.UTC)
    rejected_before = dt.datetime.combine(add_months(today, -keep_rejected), dt.time.min, tzinfo=dt.UTC)
    counts = {"closed": 0, "rejected": 0}
    closed = db.session.scalars(
        select(Submission).join(Case, Case.submission_id == Submission.id)
        .where(Case.status == CaseStatus.closed, Case.closed_at < closed_before,
               Submission.personal_data_purged_at.is_(None))
    ).all()
    for sub in closed:
        purge_submission(sub, "closed")
        counts["closed"] += 1
    refused = db.session.scalars(
        select(Submission).where(
            Submission.status.in_([SubmissionStatus.rejected, SubmissionStatus.duplicate,
                                   SubmissionStatus.redirected, SubmissionStatus.withdrawn]),
            Submission.personal_data_purged_at.is_(None),
        )
    ).all()
    for sub in refused:
        decided = sub.moderated_at or sub.updated_at or sub.created_at
        if decided is not None and decided < rejected_before:
            purge_submission(sub, sub.status.value)
            counts["rejected"] += 1
    db.session.flush()
    return counts

"""The approved comments on a draft: shown under it, and the material of its synthesis."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from moderation.intake.models import Submission, SubmissionKind, SubmissionStatus
from portal.extensions import db


def approved_comments(disclosure) -> list[Submission]:
    """Approved comments on ``disclosure``: those entered with a date received first (offline
    opinions), then in the order they were filed."""
    return list(db.session.scalars(
        select(Submission).where(Submission.kind == SubmissionKind.comment, Submission.disclosure_id == disclosure.id,
                                 Submission.status == SubmissionStatus.approved)
        .order_by(Submission.received_on.is_(None), Submission.created_at, Submission.id)
        .options(selectinload(Submission.group))))

"""The queue, its counts and the claims on its items.

Claims are atomic: a conditional ``UPDATE … WHERE claimed_by IS NULL OR claimed_until < now OR
claimed_by = me`` (plus the row lock PostgreSQL takes for the UPDATE), so two moderators acting
at once never both succeed."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select, update

from moderation.intake.models import Submission, SubmissionEvent, SubmissionKind, SubmissionStatus
from moderation.queue.common import PENDING
from portal import audit
from portal.database import utcnow
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import N_, gettext_vi, translate

CLAIM_MINUTES = 30


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
    from moderation.cases.deadlines import clock, due_date

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


def holder_message(submission: Submission) -> str:
    db.session.refresh(submission)
    holder = submission.claimed_by
    if submission.status not in PENDING:
        return gettext_vi("Mục này vừa được xử lý (tình trạng: %(status)s).", status=translate(submission.status_label))
    name = (holder.name or holder.email) if holder else gettext_vi("một cán bộ khác")
    until = submission.claimed_until
    from portal.templating import format_datetime

    return gettext_vi("Mục này đang do %(name)s xử lý đến %(until)s; vui lòng chọn mục khác.",
                      name=name, until=format_datetime(until))


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
        raise DomainError(holder_message(submission))
    previous = submission.status
    db.session.refresh(submission)
    if previous == SubmissionStatus.received:
        db.session.add(SubmissionEvent(submission_id=submission.id, action="claim", from_status="received",
                                       to_status="in_review", public_message=N_("Đang kiểm duyệt."), actor_id=user.id))
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


def finish_claimed(submission: Submission, user, to: SubmissionStatus, allowed=PENDING, **values) -> SubmissionStatus:
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
        raise DomainError(holder_message(submission))
    db.session.refresh(submission)
    return previous


def moderation_stats() -> dict:
    """Small figures for the queue header."""
    c = counts()
    now = utcnow()
    claimed = db.session.scalar(select(func.count(Submission.id)).where(
        Submission.status.in_(PENDING), Submission.claimed_until > now)) or 0
    return {"received": c.get("received", 0), "in_review": c.get("in_review", 0),
            "needs_info": c.get("needs_info", 0), "claimed": claimed,
            "approved": c.get("approved", 0), "rejected": c.get("rejected", 0)}

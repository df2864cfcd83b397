"""A Board's case on an approved petition, its events and referrals, and the holiday calendar
its deadlines count working days on."""
from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Date, Enum, ForeignKey, Index, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.database import UTCDateTime, utcnow
from portal.extensions import db
from portal.i18n import N_
from portal.ward import local_date, local_day_of

__all__ = ["CaseStatus", "Case", "CaseEvent", "Referral", "Holiday", "CASE_STATUS_LABELS"]


class CaseStatus(str, enum.Enum):
    new = "new"
    assigned = "assigned"
    verifying = "verifying"
    referred = "referred"
    answered = "answered"
    closed = "closed"
    reopened = "reopened"


CASE_STATUS_LABELS = {
    CaseStatus.new: N_("Mới tiếp nhận"),
    CaseStatus.assigned: N_("Đã phân công"),
    CaseStatus.verifying: N_("Đang xác minh"),
    CaseStatus.referred: N_("Đã kiến nghị cơ quan có thẩm quyền"),
    CaseStatus.answered: N_("Đã có trả lời"),
    CaseStatus.closed: N_("Đã kết thúc"),
    CaseStatus.reopened: N_("Mở lại theo đề nghị của người gửi"),
}


class Case(db.Model):
    __tablename__ = "case"
    # The statistics join every petition of a period to its case and read only these columns.
    __table_args__ = (
        Index("ix_case_submission_days", "submission_id", "id", "created_day", "responded_day"),
        # The statistics' one statement over the cases reads only these (moderation.cases.answers).
        Index("ix_case_submission_answers", "submission_id", "response_working_days", "answered_in_time",
              "decision_working_days", "status", "rating"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), unique=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("board.id"), index=True)
    status: Mapped[CaseStatus] = mapped_column(
        Enum(CaseStatus, native_enum=False, length=16), default=CaseStatus.new, index=True
    )
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    routing_reason: Mapped[str] = mapped_column(Text, default="")
    public_response: Mapped[str] = mapped_column(Text, default="")  # sanitized
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    # The ward's calendar days of created_at and responded_at, which the statistics group the
    # answered cases by: kept by the hook below, or by the column defaults on bulk inserts.
    created_day: Mapped[dt.date | None] = mapped_column(Date, default=local_day_of("created_at"))
    responded_day: Mapped[dt.date | None] = mapped_column(Date, default=local_day_of("responded_at"))
    # The answer's figures the statistics aggregate, kept by moderation.cases.answers after each flush.
    answer_day: Mapped[dt.date | None] = mapped_column(Date, index=True)
    response_working_days: Mapped[int | None]
    answered_in_time: Mapped[bool | None]
    decision_working_days: Mapped[int | None]
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    referred_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    answered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    reopened_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    reopen_count: Mapped[int] = mapped_column(default=0)
    rating: Mapped[int | None]
    rating_comment: Mapped[str] = mapped_column(Text, default="")
    rated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    responded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    dispute_text: Mapped[str] = mapped_column(Text, default="")  # the resident's reason; staff only
    # Enough residents supported the petition (SUPPORT_PUBLIC_ANSWER_THRESHOLD): the Board answers in public.
    public_answer_due_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    public_answer_supports: Mapped[int | None]  # the threshold that was reached

    board: Mapped[Board] = relationship()  # noqa: F821  (moderation.boards.models)
    submission: Mapped[Submission] = relationship()  # noqa: F821
    events: Mapped[list[CaseEvent]] = relationship(back_populates="case", order_by="CaseEvent.id")
    referrals: Mapped[list[Referral]] = relationship(back_populates="case", order_by="Referral.id")


@event.listens_for(Case, "before_insert")
@event.listens_for(Case, "before_update")
def _keep_days(_mapper, _connection, target: Case) -> None:
    if target.created_at is None:
        target.created_at = utcnow()
    target.created_day = local_date(target.created_at)
    target.responded_day = local_date(target.responded_at) if target.responded_at else None


class CaseEvent(db.Model):
    """Case history and notes. ``public`` events appear on the tracking page; notes never do."""

    __tablename__ = "case_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    kind: Mapped[str] = mapped_column(String(32))  # transition name, note, verification
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, default="")
    public: Mapped[bool] = mapped_column(default=False)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    case: Mapped[Case] = relationship(back_populates="events")


class Referral(db.Model):
    """The Board's recommendation to the competent authority, and the authority's answer."""

    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    agency: Mapped[str] = mapped_column(String(200))
    sent_on: Mapped[dt.date] = mapped_column(Date)
    document_number: Mapped[str] = mapped_column(String(64), default="")
    answer_due: Mapped[dt.date | None] = mapped_column(Date)
    answered_on: Mapped[dt.date | None] = mapped_column(Date)
    answer_number: Mapped[str] = mapped_column(String(64), default="")
    answer_summary: Mapped[str] = mapped_column(Text, default="")
    answer_file_sha256: Mapped[str | None] = mapped_column(String(64))
    answer_file_name: Mapped[str | None] = mapped_column(String(255))
    answer_file_type: Mapped[str | None] = mapped_column(String(127))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    case: Mapped[Case] = relationship(back_populates="referrals")


class Holiday(db.Model):
    """Public holidays for the working-day calendar (admin-edited; Tết moves every year)."""

    __tablename__ = "holiday"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))


# The answer figures' flush hooks (imported last: they use the working-day calendar, which uses Holiday).
from moderation.cases import answers as _answers  # noqa: E402,F401

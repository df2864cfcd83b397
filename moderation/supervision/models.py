"""The Boards' own supervision work (Law 10/2022 Art. 37-40, Decree 59/2023): a supervision from its
plan and notice to its conclusion and the follow-up of its recommendations, and an investment
supervision board's document checklist and progress reports."""
from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    Column,
    Date,
    Enum,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.database import UTCDateTime, utcnow
from portal.extensions import db
from portal.i18n import N_

__all__ = [
    "ENTRY_KINDS",
    "INVESTMENT_DOCUMENTS",
    "STATUS_LABELS",
    "InvestmentDocument",
    "ProgressReport",
    "Recommendation",
    "Supervision",
    "SupervisionEntry",
    "SupervisionStatus",
    "supervision_member",
]


class SupervisionStatus(str, enum.Enum):
    planned = "planned"  # the plan is made; the notice has not gone out
    notified = "notified"  # the notice went to the supervised body
    in_progress = "in_progress"  # visits, meetings, documents
    concluded = "concluded"  # the conclusion is published; recommendations await answers
    closed = "closed"  # every recommendation is settled


STATUS_LABELS = {
    SupervisionStatus.planned: N_("Đã lập kế hoạch"),
    SupervisionStatus.notified: N_("Đã gửi thông báo"),
    SupervisionStatus.in_progress: N_("Đang giám sát"),
    SupervisionStatus.concluded: N_("Đã kết luận, theo dõi kiến nghị"),
    SupervisionStatus.closed: N_("Đã kết thúc"),
}

ENTRY_KINDS = {
    "visit": N_("Làm việc tại chỗ"),
    "meeting": N_("Cuộc họp"),
    "document": N_("Tài liệu nhận được"),
    "finding": N_("Phát hiện"),
    "note": N_("Ghi chú của thành viên"),
}

# What a Community Investment Supervision Board may ask the investor for (Decree 59/2023 Art. 19).
INVESTMENT_DOCUMENTS = {
    "investment_decision": N_("Quyết định đầu tư"),
    "schedule": N_("Tiến độ thực hiện dự án"),
    "land": N_("Giao đất, cho thuê đất"),
    "design": N_("Thiết kế, bản vẽ thi công"),
    "compensation": N_("Bồi thường, hỗ trợ, tái định cư"),
    "environment": N_("Đánh giá tác động môi trường"),
}

supervision_member = Table(
    "supervision_member",
    db.metadata,
    Column("supervision_id", Integer, ForeignKey("supervision.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", Integer, ForeignKey("board_member.id", ondelete="CASCADE"), primary_key=True),
)


class Supervision(db.Model):
    __tablename__ = "supervision"

    id: Mapped[int] = mapped_column(primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("board.id"), index=True)
    status: Mapped[SupervisionStatus] = mapped_column(
        Enum(SupervisionStatus, native_enum=False, length=16), default=SupervisionStatus.planned, index=True
    )
    subject: Mapped[str] = mapped_column(String(500))
    supervised_body: Mapped[str] = mapped_column(String(200))
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    documents_requested: Mapped[str] = mapped_column(Text, default="")
    planned_start: Mapped[dt.date] = mapped_column(Date)
    planned_end: Mapped[dt.date | None] = mapped_column(Date)
    # Where it came from: a case, a disclosure (e.g. a decision matter's contributions), or nothing.
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case.id"))
    disclosure_id: Mapped[int | None] = mapped_column(ForeignKey("disclosure.id"))
    notice_number: Mapped[str] = mapped_column(String(64), default="")
    notice_sent_on: Mapped[dt.date | None] = mapped_column(Date)
    started_on: Mapped[dt.date | None] = mapped_column(Date)
    findings: Mapped[str] = mapped_column(Text, default="")  # the conclusion's findings
    conclusion_number: Mapped[str] = mapped_column(String(64), default="")
    concluded_on: Mapped[dt.date | None] = mapped_column(Date)
    conclusion_disclosure_id: Mapped[int | None] = mapped_column(ForeignKey("disclosure.id"))
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    board: Mapped[Board] = relationship()  # noqa: F821
    members: Mapped[list[BoardMember]] = relationship(secondary=supervision_member)  # noqa: F821
    entries: Mapped[list[SupervisionEntry]] = relationship(back_populates="supervision",
                                                             order_by="SupervisionEntry.id")
    recommendations: Mapped[list[Recommendation]] = relationship(back_populates="supervision",
                                                                   order_by="Recommendation.position")


class SupervisionEntry(db.Model):
    """One piece of the work: a visit or meeting (its minutes attached), a document received, a
    finding, a member's note. Staff only."""

    __tablename__ = "supervision_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    supervision_id: Mapped[int] = mapped_column(ForeignKey("supervision.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    happened_on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, default="")
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    file_name: Mapped[str | None] = mapped_column(String(255))
    file_type: Mapped[str | None] = mapped_column(String(127))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    supervision: Mapped[Supervision] = relationship(back_populates="entries")


class Recommendation(db.Model):
    """One recommendation of a conclusion, sent to its addressee as a referral on approval, with the
    answer the addressee gave."""

    __tablename__ = "supervision_recommendation"

    id: Mapped[int] = mapped_column(primary_key=True)
    supervision_id: Mapped[int] = mapped_column(ForeignKey("supervision.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)
    addressee: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[dt.date | None] = mapped_column(Date)  # None until sent: the authority's deadline
    sent_on: Mapped[dt.date | None] = mapped_column(Date)
    answered_on: Mapped[dt.date | None] = mapped_column(Date)
    answer_number: Mapped[str] = mapped_column(String(64), default="")
    answer_summary: Mapped[str] = mapped_column(Text, default="")
    answer_file_sha256: Mapped[str | None] = mapped_column(String(64))
    answer_file_name: Mapped[str | None] = mapped_column(String(255))
    answer_file_type: Mapped[str | None] = mapped_column(String(127))
    accepted: Mapped[bool | None] = mapped_column()  # the addressee took it up (tiếp thu, giải quyết)

    supervision: Mapped[Supervision] = relationship(back_populates="recommendations")


class InvestmentDocument(db.Model):
    """A line of an investment supervision board's checklist: what was asked of the investor, when,
    and the file received."""

    __tablename__ = "investment_document"
    __table_args__ = (UniqueConstraint("board_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("board.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    requested_on: Mapped[dt.date | None] = mapped_column(Date)
    received_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    file_name: Mapped[str | None] = mapped_column(String(255))
    file_type: Mapped[str | None] = mapped_column(String(127))


class ProgressReport(db.Model):
    """An investment supervision board's periodic report on its project's progress."""

    __tablename__ = "investment_progress_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("board.id"), index=True)
    period: Mapped[str] = mapped_column(String(64))
    reported_on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

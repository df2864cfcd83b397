"""Residents' submissions: petitions (phản ánh, kiến nghị) and consultation comments.

Personal data lives only in ``SubmitterContact`` (a separate table), never in Submission.
"""
from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

from sqlalchemy import Date, Enum, ForeignKey, Index, String, Text, UniqueConstraint, event, inspect
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.database import CodeList, UTCDateTime, utcnow
from portal.extensions import db
from portal.i18n import N_
from portal.ward import ResidentialGroup, local_date, local_day_of  # noqa: F401  (relationship target)

if TYPE_CHECKING:
    from portal.accounts.models import User

__all__ = [
    "SubmissionKind", "MatterKind", "Visibility", "SubmissionStatus", "Channel",
    "Topic", "Submission", "SubmitterContact", "SubmissionAttachment", "SubmissionEvent",
    "Support", "STATUS_LABELS", "CHANNEL_LABELS",
]


class SubmissionKind(str, enum.Enum):
    petition = "petition"
    comment = "comment"


class MatterKind(str, enum.Enum):
    feedback = "feedback"  # phản ánh, kiến nghị: what the portal takes
    complaint = "complaint"  # khiếu nại: redirected to its legal channel
    denunciation = "denunciation"  # tố cáo: redirected, never stored


class Visibility(str, enum.Enum):
    named = "named"
    anonymous = "anonymous"
    private = "private"


class SubmissionStatus(str, enum.Enum):
    received = "received"
    in_review = "in_review"
    approved = "approved"
    rejected = "rejected"
    needs_info = "needs_info"
    duplicate = "duplicate"
    redirected = "redirected"
    withdrawn = "withdrawn"


STATUS_LABELS = {
    SubmissionStatus.received: N_("Đã tiếp nhận"),
    SubmissionStatus.in_review: N_("Đang kiểm duyệt"),
    SubmissionStatus.approved: N_("Đã duyệt"),
    SubmissionStatus.rejected: N_("Không tiếp nhận"),
    SubmissionStatus.needs_info: N_("Cần bổ sung thông tin"),
    SubmissionStatus.duplicate: N_("Trùng với kiến nghị khác"),
    SubmissionStatus.redirected: N_("Đã hướng dẫn chuyển kênh khác"),
    SubmissionStatus.withdrawn: N_("Đã rút"),
}


class Channel(str, enum.Enum):
    web = "web"
    api = "api"
    meeting = "meeting"
    comment_box = "comment_box"
    hotline = "hotline"
    household_form = "household_form"
    other = "other"
    # Received offline and entered by reception staff (moderation/reception): issue 13's channels.
    reception = "reception"
    mailbox = "mailbox"
    dialogue = "dialogue"
    letter = "letter"


CHANNEL_LABELS = {
    Channel.web: N_("Cổng thông tin"),
    Channel.api: N_("Ứng dụng, ki-ốt"),
    Channel.meeting: N_("Hội nghị, cuộc họp"),
    Channel.comment_box: N_("Hòm thư góp ý (phiếu góp ý dự thảo)"),
    Channel.hotline: N_("Đường dây nóng"),
    Channel.household_form: N_("Phiếu lấy ý kiến hộ gia đình"),
    Channel.other: N_("Kênh khác"),
    Channel.reception: N_("Tiếp công dân tại trụ sở"),
    Channel.mailbox: N_("Hòm thư góp ý"),
    Channel.dialogue: N_("Hội nghị đối thoại"),
    Channel.letter: N_("Thư, đơn gửi qua bưu điện"),
}


class Topic(CodeList, db.Model):
    """Admin-editable list of petition topics."""

    __tablename__ = "topic"


class Submission(db.Model):
    __tablename__ = "submission"
    # The statistics group the petitions (kind) of a period by status, channel, topic, group and
    # month: each grouping reads one narrow index instead of every row (issue 17, bench/scale.py);
    # the moderation queue counts the pending items held by a moderator from (status, claimed_until).
    __table_args__ = (
        Index("ix_submission_kind_status", "kind", "status", "created_at"),
        Index("ix_submission_kind_channel", "kind", "channel", "created_at"),
        Index("ix_submission_kind_topic", "kind", "topic_id", "created_at"),
        Index("ix_submission_kind_group", "kind", "group_id", "created_at"),
        Index("ix_submission_kind_created", "kind", "created_at"),
        Index("ix_submission_status_claimed", "status", "claimed_until"),
        Index("ix_submission_kind_day", "kind", "created_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_code: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[SubmissionKind] = mapped_column(Enum(SubmissionKind, native_enum=False, length=16), index=True)
    matter_kind: Mapped[MatterKind] = mapped_column(
        Enum(MatterKind, native_enum=False, length=16), default=MatterKind.feedback
    )
    status: Mapped[SubmissionStatus] = mapped_column(
        Enum(SubmissionStatus, native_enum=False, length=16), default=SubmissionStatus.received, index=True
    )
    channel: Mapped[Channel] = mapped_column(Enum(Channel, native_enum=False, length=16), default=Channel.web)
    visibility: Mapped[Visibility] = mapped_column(
        Enum(Visibility, native_enum=False, length=16), default=Visibility.anonymous
    )
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topic.id"), index=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("residential_group.id"), index=True)
    # The project (petition) or the draft under consultation (comment) it concerns.
    disclosure_id: Mapped[int | None] = mapped_column(ForeignKey("disclosure.id"), index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")  # as sent; staff only
    public_title: Mapped[str | None] = mapped_column(String(300))  # redacted version, when redacted
    public_description: Mapped[str | None] = mapped_column(Text)
    # The shown title and description folded for the public search (" word word … "): kept by
    # the hooks below whenever either changes, whoever changes it.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    display_name: Mapped[str] = mapped_column(String(120), default="")  # shown only when visibility=named
    redirect_kind: Mapped[str | None] = mapped_column(String(32))
    rejection_reason_id: Mapped[int | None] = mapped_column(ForeignKey("rejection_reason.id"))
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("submission.id"))
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    claimed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    support_count: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    # The ward's calendar day of created_at (the statistics' months and durations group by it):
    # set by the hooks below, or by the column default on bulk inserts.
    created_day: Mapped[dt.date | None] = mapped_column(Date, default=local_day_of("created_at"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    moderated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # Offline opinions (meeting, comment box, hotline, household form): the day it was received.
    received_on: Mapped[dt.date | None] = mapped_column(Date)
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    personal_data_purged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    contact: Mapped[SubmitterContact | None] = relationship(back_populates="submission", uselist=False)
    attachments: Mapped[list[SubmissionAttachment]] = relationship(
        back_populates="submission", order_by="SubmissionAttachment.id"
    )
    events: Mapped[list[SubmissionEvent]] = relationship(
        back_populates="submission", order_by="SubmissionEvent.id"
    )
    topic: Mapped[Topic | None] = relationship()
    group: Mapped[ResidentialGroup | None] = relationship()
    rejection_reason: Mapped[RejectionReason | None] = relationship()  # noqa: F821  (moderation.queue.models)
    duplicate_of: Mapped[Submission | None] = relationship(remote_side="Submission.id")
    claimed_by: Mapped[User | None] = relationship(foreign_keys=[claimed_by_id])

    @property
    def shown_title(self) -> str:
        return self.public_title if self.public_title is not None else self.title

    @property
    def shown_description(self) -> str:
        return self.public_description if self.public_description is not None else self.description

    @property
    def is_redacted(self) -> bool:
        return self.public_title is not None or self.public_description is not None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, str(self.status))

    @property
    def is_public(self) -> bool:
        """Shown on public pages and the API (approved, and the resident allowed it)."""
        return self.status == SubmissionStatus.approved and self.visibility != Visibility.private


_SHOWN_TEXT = ("title", "description", "public_title", "public_description")


@event.listens_for(Submission, "before_insert")
@event.listens_for(Submission, "before_update")
def _keep_search_text(_mapper, _connection, target: Submission) -> None:
    state = inspect(target)
    if state.persistent and not any(state.attrs[name].history.has_changes() for name in _SHOWN_TEXT):
        return
    from moderation.intake.search import search_text

    target.search_text = search_text(target.shown_title, target.shown_description)


@event.listens_for(Submission, "before_insert")
@event.listens_for(Submission, "before_update")
def _keep_created_day(_mapper, _connection, target: Submission) -> None:
    if target.created_at is None:
        target.created_at = utcnow()
    target.created_day = local_date(target.created_at)


class SubmitterContact(db.Model):
    """The resident's personal data: never public, shown to staff on an explicit audited action,
    purged after the retention period."""

    __tablename__ = "submitter_contact"

    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    consent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    consent_version: Mapped[str] = mapped_column(String(32), default="")

    submission: Mapped[Submission] = relationship(back_populates="contact")


class SubmissionAttachment(db.Model):
    __tablename__ = "submission_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(127))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    public: Mapped[bool] = mapped_column(default=False)  # a moderator may publish an attachment
    added_later: Mapped[bool] = mapped_column(default=False)  # sent through the tracking page
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    submission: Mapped[Submission] = relationship(back_populates="attachments")


class SubmissionEvent(db.Model):
    """Status history. ``public_message`` is shown on the tracking page; ``internal_note`` never."""

    __tablename__ = "submission_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    action: Mapped[str] = mapped_column(String(48))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    public_message: Mapped[str] = mapped_column(Text, default="")
    internal_note: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    submission: Mapped[Submission] = relationship(back_populates="events")


class Support(db.Model):
    """One support per contact per petition; only a keyed hash of the contact is kept."""

    __tablename__ = "support"
    __table_args__ = (UniqueConstraint("submission_id", "contact_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    contact_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

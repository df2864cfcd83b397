"""The synthesis of a closed consultation: the editor's disposition of every comment, and the
published synthesis."""
from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Enum, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal.database import UTCDateTime, utcnow
from portal.extensions import db
from portal.i18n import N_

__all__ = ["Disposition", "DISPOSITION_LABELS", "CommentDisposition", "ConsultationSynthesis"]


class Disposition(str, enum.Enum):
    accepted = "accepted"  # tiếp thu
    partly = "partly"  # tiếp thu một phần
    not_accepted = "not_accepted"  # không tiếp thu, giải trình


DISPOSITION_LABELS = {
    Disposition.accepted: N_("Tiếp thu"),
    Disposition.partly: N_("Tiếp thu một phần"),
    Disposition.not_accepted: N_("Không tiếp thu (giải trình)"),
}


class CommentDisposition(db.Model):
    """The editor's answer to one consultation comment: tiếp thu / giải trình."""

    __tablename__ = "comment_disposition"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), unique=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosure.id"), index=True)
    disposition: Mapped[Disposition] = mapped_column(Enum(Disposition, native_enum=False, length=16))
    explanation: Mapped[str] = mapped_column(Text, default="")
    group_label: Mapped[str] = mapped_column(String(200), default="")  # similar comments share a label
    decided_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))


class ConsultationSynthesis(db.Model):
    """The published synthesis (tổng hợp, tiếp thu, giải trình) of a closed consultation."""

    __tablename__ = "consultation_synthesis"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosure.id"), unique=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    published_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

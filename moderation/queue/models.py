"""The moderators' code list: reasons for refusing a submission (admin-edited)."""
from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db

__all__ = ["RejectionReason"]


class RejectionReason(db.Model):
    __tablename__ = "rejection_reason"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    public_text: Mapped[str] = mapped_column(Text)
    internal_note: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)

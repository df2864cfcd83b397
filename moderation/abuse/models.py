"""What the abuse defences keep: the admin-managed blocklist and the used public-form tokens."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal.database import UTCDateTime, utcnow
from portal.extensions import db

__all__ = ["BlocklistEntry", "FormToken"]


class BlocklistEntry(db.Model):
    __tablename__ = "blocklist_entry"
    __table_args__ = (UniqueConstraint("kind", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # phone | email | ip (a CIDR range)
    value: Mapped[str] = mapped_column(String(254))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class FormToken(db.Model):
    """A used public-form token (its random part): one page stores one post, however often it is
    sent. Rows older than a form may stay open are purged (``abuse.purge_form_tokens``)."""

    __tablename__ = "form_token"

    nonce: Mapped[str] = mapped_column(String(32), primary_key=True)
    form: Mapped[str] = mapped_column(String(16))  # petition | comment | support | info
    receipt_code: Mapped[str | None] = mapped_column(String(32))  # what the first post stored
    used_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)

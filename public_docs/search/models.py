"""The search thesaurus: abbreviations and everyday words, edited by staff, applied at query time."""
from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Enum, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal.database import UTCDateTime, utcnow
from portal.extensions import db
from portal.i18n import N_


class ThesaurusKind(str, enum.Enum):
    abbreviation = "abbreviation"  # KT-XH ↔ kinh tế - xã hội
    synonym = "synonym"  # đền bù ↔ bồi thường (an everyday word for an official one)


KIND_LABELS = {
    ThesaurusKind.abbreviation: N_("Viết tắt"),
    ThesaurusKind.synonym: N_("Từ đồng nghĩa"),
}


class ThesaurusEntry(db.Model):
    """A term and the words it stands for. The group works both ways: a query holding the term, or
    one of its expansions, also finds the others (scored a little below what was typed)."""

    __tablename__ = "thesaurus_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(120))  # as written: "KT-XH", "đền bù"
    key: Mapped[str] = mapped_column(String(120), unique=True)  # thesaurus.term_key(): "ktxh", "den bu"
    expansions: Mapped[str] = mapped_column(Text, default="")  # one per line
    kind: Mapped[ThesaurusKind] = mapped_column(Enum(ThesaurusKind, native_enum=False, length=16))
    active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    @property
    def expansion_list(self) -> list[str]:
        return [line.strip() for line in (self.expansions or "").splitlines() if line.strip()]

"""The Boards: the People's Inspection Board and the Community Investment Supervision Boards,
and their members."""
from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Date, Enum, ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.database import UTCDateTime, utcnow
from portal.extensions import db
from portal.i18n import N_

__all__ = ["BoardKind", "Board", "BoardMember", "POSITION_LABELS"]

POSITION_LABELS = {"head": N_("Trưởng ban"), "deputy": N_("Phó Trưởng ban"), "member": N_("Thành viên")}


class BoardKind(str, enum.Enum):
    inspection = "inspection"  # Ban Thanh tra nhân dân
    supervision = "supervision"  # Ban giám sát đầu tư của cộng đồng


class Board(db.Model):
    __tablename__ = "board"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[BoardKind] = mapped_column(Enum(BoardKind, native_enum=False, length=16))
    name: Mapped[str] = mapped_column(String(200))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("disclosure.id"), unique=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    members: Mapped[list[BoardMember]] = relationship(back_populates="board", order_by="BoardMember.id")


class BoardMember(db.Model):
    __tablename__ = "board_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("board.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)  # linked staff account
    # A member is a person; the account is optional. Without a name and an account the seat is vacant.
    name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    holds_ward_office: Mapped[bool] = mapped_column(default=False, server_default=false())
    position: Mapped[str] = mapped_column(String(16), default="member")  # head | deputy | member
    group_id: Mapped[int | None] = mapped_column(ForeignKey("residential_group.id"))
    term_start: Mapped[dt.date | None] = mapped_column(Date)
    term_end: Mapped[dt.date | None] = mapped_column(Date)

    board: Mapped[Board] = relationship(back_populates="members")

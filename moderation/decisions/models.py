"""Dân bàn và quyết định: matters the residents decide by a meeting of household representatives or
by household ballots, the household counts of the residential groups, meetings, ballot codes,
ballots, and the follow-up of a contribution (pledged, collected, spent)."""
from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    JSON,
    BigInteger,
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
from portal.ward import ResidentialGroup


class MatterKind(str, enum.Enum):
    contribution = "contribution"  # chủ trương, mức đóng góp xây dựng công trình
    convention = "convention"  # hương ước, quy ước
    election = "election"  # bầu, cho thôi làm Tổ trưởng, thành viên Ban TTND
    other = "other"


class MatterMethod(str, enum.Enum):
    meeting = "meeting"  # hội nghị đại diện hộ gia đình
    ballot = "ballot"  # phát phiếu lấy ý kiến hộ gia đình
    mixed = "mixed"


class MatterStatus(str, enum.Enum):
    scheduled = "scheduled"
    open = "open"
    counting = "counting"
    decided = "decided"
    cancelled = "cancelled"


class RuleBasis(str, enum.Enum):
    all_households = "all_households"  # more than the threshold of every household of the community
    voting_households = "voting_households"  # ... of the households that took part


class Channel(str, enum.Enum):
    web = "web"
    paper = "paper"


KIND_LABELS = {
    MatterKind.contribution: N_("Chủ trương, mức đóng góp xây dựng công trình"),
    MatterKind.convention: N_("Hương ước, quy ước"),
    MatterKind.election: N_("Bầu, cho thôi làm thành viên"),
    MatterKind.other: N_("Việc khác cộng đồng quyết định"),
}
METHOD_LABELS = {
    MatterMethod.meeting: N_("Hội nghị đại diện hộ gia đình"),
    MatterMethod.ballot: N_("Phiếu lấy ý kiến hộ gia đình"),
    MatterMethod.mixed: N_("Hội nghị và phiếu lấy ý kiến"),
}
STATUS_LABELS = {
    MatterStatus.scheduled: N_("Sắp biểu quyết"),
    MatterStatus.open: N_("Đang biểu quyết"),
    MatterStatus.counting: N_("Đang kiểm phiếu"),
    MatterStatus.decided: N_("Đã quyết định"),
    MatterStatus.cancelled: N_("Đã hủy"),
}
BASIS_LABELS = {
    RuleBasis.all_households: N_("tổng số hộ gia đình của cộng đồng"),
    RuleBasis.voting_households: N_("số hộ gia đình tham gia biểu quyết"),
}
CHANNEL_LABELS = {Channel.web: N_("trên Cổng"), Channel.paper: N_("phiếu giấy")}
YES_NO_CHOICES = (("yes", N_("Tán thành")), ("no", N_("Không tán thành")), ("abstain", N_("Không có ý kiến")))


class HouseholdCount(db.Model):
    """The number of households of a residential group on a date, kept by staff; the latest count on
    or before a matter's opening is its electorate."""

    __tablename__ = "household_count"
    __table_args__ = (UniqueConstraint("group_id", "as_of"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("residential_group.id"), index=True)
    as_of: Mapped[dt.date] = mapped_column(Date)
    households: Mapped[int]
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    group: Mapped[ResidentialGroup] = relationship(lazy="joined")


decision_document = Table(
    "decision_document",
    db.metadata,
    Column("matter_id", Integer, ForeignKey("decision_matter.id", ondelete="CASCADE"), primary_key=True),
    Column("disclosure_id", Integer, ForeignKey("disclosure.id", ondelete="CASCADE"), primary_key=True),
)


class DecisionMatter(db.Model):
    __tablename__ = "decision_matter"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[MatterKind] = mapped_column(Enum(MatterKind, native_enum=False, length=16))
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text, default="")  # what is put to the residents, as typed
    text_html: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[MatterMethod] = mapped_column(Enum(MatterMethod, native_enum=False, length=16))
    status: Mapped[MatterStatus] = mapped_column(
        Enum(MatterStatus, native_enum=False, length=16), default=MatterStatus.scheduled, index=True)
    whole_ward: Mapped[bool] = mapped_column(default=False)
    opens_on: Mapped[dt.date | None] = mapped_column(Date)
    closes_on: Mapped[dt.date | None] = mapped_column(Date)
    seats: Mapped[int] = mapped_column(default=1)  # an election: how many are elected
    # The passing rule, copied from the settings when the matter is created and shown on its page.
    rule_basis: Mapped[RuleBasis] = mapped_column(
        Enum(RuleBasis, native_enum=False, length=24), default=RuleBasis.all_households)
    threshold_percent: Mapped[int] = mapped_column(default=50)  # passes with MORE than this share
    quorum_percent: Mapped[int] = mapped_column(default=50)  # a meeting is valid with MORE than this share
    passed: Mapped[bool | None] = mapped_column()
    result: Mapped[dict | None] = mapped_column(JSON)  # the computed result, frozen when decided
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    cancelled_reason: Mapped[str] = mapped_column(Text, default="")
    result_disclosure_id: Mapped[int | None] = mapped_column(ForeignKey("disclosure.id"))
    # A convention's cycle: its draft (with the comment window), the ward's recognition decision,
    # the date it is in force and the next periodic review.
    draft_disclosure_id: Mapped[int | None] = mapped_column(ForeignKey("disclosure.id"))
    recognition_disclosure_id: Mapped[int | None] = mapped_column(ForeignKey("disclosure.id"))
    in_force_on: Mapped[dt.date | None] = mapped_column(Date)
    review_due_on: Mapped[dt.date | None] = mapped_column(Date)
    # A contribution: the level decided, per household, and its follow-up disclosure.
    level_per_household: Mapped[int | None] = mapped_column(BigInteger)  # đồng
    level_text: Mapped[str] = mapped_column(String(300), default="")
    contributions_disclosure_id: Mapped[int | None] = mapped_column(ForeignKey("disclosure.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    groups: Mapped[list[MatterGroup]] = relationship(
        back_populates="matter", order_by="MatterGroup.id", lazy="selectin", cascade="all, delete-orphan")
    choices: Mapped[list[DecisionChoice]] = relationship(
        back_populates="matter", order_by="DecisionChoice.position", lazy="selectin", cascade="all, delete-orphan")
    documents = relationship("Disclosure", secondary=decision_document, lazy="selectin",
                             order_by="Disclosure.id")
    meetings: Mapped[list[DecisionMeeting]] = relationship(
        back_populates="matter", order_by="DecisionMeeting.held_on", lazy="selectin")
    events: Mapped[list[DecisionEvent]] = relationship(order_by="DecisionEvent.id")

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def method_label(self) -> str:
        return METHOD_LABELS[self.method]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def basis_label(self) -> str:
        return BASIS_LABELS[self.rule_basis]

    @property
    def is_election(self) -> bool:
        return self.kind == MatterKind.election

    def __repr__(self) -> str:
        return f"<DecisionMatter {self.id} {self.status.value}>"


class MatterGroup(db.Model):
    """A residential group a matter concerns, with its households (fixed when the matter opens)."""

    __tablename__ = "decision_group"
    __table_args__ = (UniqueConstraint("matter_id", "group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("decision_matter.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("residential_group.id"))
    households: Mapped[int | None] = mapped_column()
    households_as_of: Mapped[dt.date | None] = mapped_column(Date)

    matter: Mapped[DecisionMatter] = relationship(back_populates="groups")
    group: Mapped[ResidentialGroup] = relationship(lazy="joined")


class DecisionChoice(db.Model):
    """``yes``/``no``/``abstain`` for a question; one per candidate (``c1``, ``c2``…) for an election."""

    __tablename__ = "decision_choice"
    __table_args__ = (UniqueConstraint("matter_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("decision_matter.id"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)

    matter: Mapped[DecisionMatter] = relationship(back_populates="choices")


class DecisionMeeting(db.Model):
    """A meeting of household representatives of one group, entered by staff with its minutes."""

    __tablename__ = "decision_meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("decision_matter.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("residential_group.id"))
    held_on: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(300), default="")
    households_represented: Mapped[int]
    attendees: Mapped[str] = mapped_column(Text, default="")  # optional list; staff only
    tally: Mapped[dict] = mapped_column(JSON, default=dict)  # choice code -> households
    minutes_sha256: Mapped[str | None] = mapped_column(String(64))
    minutes_filename: Mapped[str] = mapped_column(String(255), default="")
    minutes_content_type: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    matter: Mapped[DecisionMatter] = relationship(back_populates="meetings")
    group: Mapped[ResidentialGroup] = relationship(lazy="joined")


class BallotCode(db.Model):
    """One code per household for a matter and group. It carries no identity: which household got
    which code stays on the group head's paper list."""

    __tablename__ = "ballot_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("decision_matter.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("residential_group.id"))
    batch: Mapped[int] = mapped_column(default=1)
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    group: Mapped[ResidentialGroup] = relationship(lazy="joined")


class BallotUse(db.Model):
    """That a code has voted, and how. ``code_id`` is the primary key: the web and paper channels
    insert into this one table (insert … on conflict do nothing), so a code votes once whichever way
    it comes. The vote itself is in ``Ballot``, which does not name the code."""

    __tablename__ = "ballot_use"

    code_id: Mapped[int] = mapped_column(ForeignKey("ballot_code.id"), primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("decision_matter.id"), index=True)
    channel: Mapped[Channel] = mapped_column(Enum(Channel, native_enum=False, length=16))
    used_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Ballot(db.Model):
    """A household's vote, apart from its code (the secrecy of the vote)."""

    __tablename__ = "ballot"

    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("decision_matter.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("residential_group.id"))
    channel: Mapped[Channel] = mapped_column(Enum(Channel, native_enum=False, length=16))
    choices: Mapped[list] = mapped_column(JSON, default=list)  # choice codes (several in an election)


class DecisionEvent(db.Model):
    """The public history of a matter (opened, meeting entered, decided, recognised…)."""

    __tablename__ = "decision_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("decision_matter.id"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ContributionFigure(db.Model):
    """A contribution's pledged and collected amounts (đồng) for one residential group."""

    __tablename__ = "contribution_figure"
    __table_args__ = (UniqueConstraint("matter_id", "group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("decision_matter.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("residential_group.id"))
    households_pledged: Mapped[int] = mapped_column(default=0)
    pledged: Mapped[int] = mapped_column(BigInteger, default=0)
    collected: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    group: Mapped[ResidentialGroup] = relationship(lazy="joined")


class ContributionSpending(db.Model):
    """Money spent from a contribution, with the document that shows it."""

    __tablename__ = "contribution_spending"

    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("decision_matter.id"), index=True)
    spent_on: Mapped[dt.date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(String(500))
    amount: Mapped[int] = mapped_column(BigInteger)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("disclosure.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

"""Disclosures (what the ward must publish), their versions, attachments and the index-change log."""
from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import JSON, Column, Date, Enum, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.database import UTCDateTime, utcnow
from portal.extensions import db
from portal.i18n import N_  # marks labels for the English catalog; values stay plain str
from portal.ward import ResidentialGroup

# Category codes used in the API and the import, with their Vietnamese names (Law 10/2022 Art. 11).
CATEGORIES: dict[str, str] = {
    "plans": N_("Kế hoạch phát triển kinh tế - xã hội"),
    "budget": N_("Dự toán, quyết toán ngân sách"),
    "projects": N_("Dự án, công trình đầu tư"),
    "land": N_("Thu hồi đất, bồi thường, hỗ trợ, tái định cư"),
    "planning": N_("Quy hoạch, kế hoạch sử dụng đất"),
    "procedures": N_("Thủ tục hành chính"),
    "welfare": N_("Chính sách an sinh xã hội"),
    "contributions": N_("Các khoản đóng góp của Nhân dân"),
    "fees": N_("Phí, lệ phí"),
    "inspection": N_("Kết luận thanh tra, giải quyết khiếu nại, tố cáo"),
    "consultation_results": N_("Kết quả lấy ý kiến Nhân dân"),
    "conventions": N_("Hương ước, quy ước"),
    "other": N_("Thông tin khác"),
}
# What a budget document is, as Law 10/2022 Art. 11 and Circular 343/2016/TT-BTC list them. Each
# budget document also names its fiscal year (``budget_year``) and, for a quarterly execution
# report, its quarter (``budget_quarter``).
BUDGET_KINDS: dict[str, str] = {
    "draft_estimate": N_("Dự toán ngân sách trình Hội đồng nhân dân"),
    "approved_estimate": N_("Dự toán ngân sách được giao, phê duyệt"),
    "execution_quarter": N_("Tình hình thực hiện dự toán quý"),
    "execution_half_year": N_("Tình hình thực hiện dự toán 6 tháng"),
    "execution_year": N_("Tình hình thực hiện dự toán năm"),
    "final_accounts": N_("Quyết toán ngân sách"),
    "audit": N_("Kết quả kiểm toán, thanh tra tài chính"),
}
# The former ``budget_period`` codes, still given by the API and read by the import.
BUDGET_PERIOD_OF_KIND: dict[str, str] = {
    "execution_quarter": "quarter", "execution_half_year": "half_year", "execution_year": "year",
    "final_accounts": "final",
}
BUDGET_KIND_OF_PERIOD: dict[str, str] = {v: k for k, v in BUDGET_PERIOD_OF_KIND.items()}


def budget_kind_label(kind: str | None, year: int | None = None, quarter: int | None = None) -> str:
    """'Tình hình thực hiện dự toán quý 3 (năm ngân sách 2026)' (translated in a request; in
    Vietnamese outside one, as in the CLI), or '' for no kind."""
    from flask import has_request_context

    from portal.i18n import gettext

    if not has_request_context():
        def gettext(string: str, **variables) -> str:  # noqa: F811 - Vietnamese source text
            return string % variables if variables else string
    if not kind:
        return ""
    label = gettext(BUDGET_KINDS.get(kind, kind))
    if kind == "execution_quarter" and quarter:
        label += " " + str(quarter)
    if year:
        label += " (" + gettext("năm ngân sách %(year)s", year=year) + ")"
    return label
FORMS: tuple[str, ...] = (
    N_("Quyết định"), N_("Kế hoạch"), N_("Báo cáo"), N_("Thông báo"), N_("Tờ trình"), N_("Nghị quyết"),
    N_("Công văn"), N_("Dự thảo"), N_("Danh sách"), N_("Hướng dẫn"), N_("Biên bản"), N_("Kết luận"), N_("Khác"),
)


class DisclosureStatus(str, enum.Enum):
    draft = "draft"
    published = "published"
    withdrawn = "withdrawn"


STATUS_LABELS = {
    DisclosureStatus.draft: N_("Bản nháp"),
    DisclosureStatus.published: N_("Đang công khai"),
    DisclosureStatus.withdrawn: N_("Đã thu hồi"),
}

# The filters of the public list and the search page (keys used in URLs and the API), with their labels.
FILTER_LABELS: dict[str, str] = {
    "category": N_("Lĩnh vực"),
    "year": N_("Năm ban hành"),
    "form": N_("Hình thức văn bản"),
    "issuer": N_("Cơ quan ban hành"),
    "group": N_("Tổ dân phố"),
    "status": N_("Trạng thái"),
    "budget_kind": N_("Loại văn bản ngân sách"),
    "budget_year": N_("Năm ngân sách"),
}

disclosure_group = Table(
    "disclosure_group",
    db.metadata,
    Column("disclosure_id", Integer, ForeignKey("disclosure.id", ondelete="CASCADE"), primary_key=True),
    Column("group_id", Integer, ForeignKey("residential_group.id", ondelete="CASCADE"), primary_key=True),
)


class Disclosure(db.Model):
    __tablename__ = "disclosure"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)  # số, ký hiệu: 79/KH-UBND
    title: Mapped[str] = mapped_column(String(500))
    summary: Mapped[str] = mapped_column(Text, default="")
    body_source: Mapped[str] = mapped_column(Text, default="")  # Markdown / small HTML as typed
    body_html: Mapped[str] = mapped_column(Text, default="")  # sanitized rendering
    category: Mapped[str] = mapped_column(String(32), index=True)
    budget_kind: Mapped[str | None] = mapped_column(String(24), index=True)  # BUDGET_KINDS
    budget_year: Mapped[int | None]  # the fiscal year a budget document concerns
    budget_quarter: Mapped[int | None]  # 1-4, for a quarterly execution report
    form: Mapped[str] = mapped_column(String(64), default="Khác", index=True)
    issuer: Mapped[str] = mapped_column(String(200), default="", index=True)
    issued_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    effective_on: Mapped[dt.date | None] = mapped_column(Date)
    posting_start: Mapped[dt.date | None] = mapped_column(Date)
    posting_end: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[DisclosureStatus] = mapped_column(
        Enum(DisclosureStatus, native_enum=False, length=16), default=DisclosureStatus.draft, index=True
    )
    is_project: Mapped[bool] = mapped_column(default=False)  # petitions can name it; a board can attach
    comments_open_from: Mapped[dt.date | None] = mapped_column(Date)
    comments_open_until: Mapped[dt.date | None] = mapped_column(Date)
    secrecy_confirmed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    published_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), index=True)
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")
    version_no: Mapped[int] = mapped_column(default=0)  # published versions so far
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    groups: Mapped[list[ResidentialGroup]] = relationship(secondary=disclosure_group, lazy="selectin")
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="disclosure", order_by="Attachment.id", lazy="selectin"
    )
    versions: Mapped[list[DisclosureVersion]] = relationship(
        back_populates="disclosure", order_by="DisclosureVersion.version_no.desc()"
    )
    postings: Mapped[list[DisclosurePosting]] = relationship(
        back_populates="disclosure", order_by=lambda: [DisclosurePosting.start_on, DisclosurePosting.id]
    )

    @property
    def category_label(self) -> str:
        return CATEGORIES.get(self.category, self.category)

    @property
    def budget_period(self) -> str | None:
        """The former period code (quarter, half_year, year, final) where one applies."""
        return BUDGET_PERIOD_OF_KIND.get(self.budget_kind or "")

    @property
    def budget_label(self) -> str:
        return budget_kind_label(self.budget_kind, self.budget_year, self.budget_quarter)

    @property
    def is_public(self) -> bool:
        return self.status in (DisclosureStatus.published, DisclosureStatus.withdrawn)

    def __repr__(self) -> str:
        return f"<Disclosure {self.number}>"


class DisclosureVersion(db.Model):
    """A snapshot of each published version; the public page lists them with their dates."""

    __tablename__ = "disclosure_version"
    __table_args__ = (UniqueConstraint("disclosure_id", "version_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosure.id"), index=True)
    version_no: Mapped[int]
    title: Mapped[str] = mapped_column(String(500))
    summary: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[dict] = mapped_column(JSON, default=dict)  # every metadata field at that time
    change_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    disclosure: Mapped[Disclosure] = relationship(back_populates="versions")


class PostingChannel(str, enum.Enum):
    """How a disclosure was also made known besides the portal (Law 10/2022 Art. 12)."""

    headquarters = "headquarters"
    group_house = "group_house"
    loudspeaker = "loudspeaker"
    meeting = "meeting"


POSTING_CHANNELS: dict[PostingChannel, str] = {  # shown with |tr
    PostingChannel.headquarters: N_("Niêm yết tại trụ sở Ủy ban nhân dân phường"),
    PostingChannel.group_house: N_("Niêm yết tại nhà văn hóa tổ dân phố"),
    PostingChannel.loudspeaker: N_("Thông báo trên hệ thống truyền thanh"),
    PostingChannel.meeting: N_("Thông báo tại hội nghị"),
}


class DisclosurePosting(db.Model):
    """One other way a disclosure was posted: where, from when to when (a meeting: its day), and for
    the loudspeaker whether the law asks for a minimum number of days (``LOUDSPEAKER_MIN_DAYS``)."""

    __tablename__ = "disclosure_posting"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosure.id"), index=True)
    channel: Mapped[PostingChannel] = mapped_column(Enum(PostingChannel, native_enum=False, length=16))
    place: Mapped[str] = mapped_column(String(300), default="")
    start_on: Mapped[dt.date] = mapped_column(Date)
    end_on: Mapped[dt.date] = mapped_column(Date)
    law_minimum: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    disclosure: Mapped[Disclosure] = relationship(back_populates="postings")

    @property
    def days(self) -> int:
        return (self.end_on - self.start_on).days + 1

    @property
    def channel_label(self) -> str:
        return POSTING_CHANNELS.get(self.channel, str(self.channel))


class Attachment(db.Model):
    """A file of a disclosure, stored by content hash under UPLOAD_DIR."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosure.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))  # display name, cleaned
    content_type: Mapped[str] = mapped_column(String(127))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text, default="")  # extracted, searched
    removed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())  # superseded by an amendment
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    disclosure: Mapped[Disclosure] = relationship(back_populates="attachments")


class IndexChange(db.Model):
    """Append-only log of documents to (re)index or remove, written in the same transaction as
    the change. Each host applies the log to its own index and remembers how far it got."""

    __tablename__ = "index_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_type: Mapped[str] = mapped_column(String(32), default="disclosure")
    doc_id: Mapped[int]
    op: Mapped[str] = mapped_column(String(8), default="upsert")  # upsert | delete
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

"""The register of personal-data requests (Decree 13/2023/NĐ-CP: withdraw consent, object, delete,
see one's data): received by any channel, answered within 72 hours, the outcome recorded. A request
is kept as the record of how it was handled; a deletion redacts the submission's personal data and
keeps the submission."""
from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Enum, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.database import UTCDateTime, utcnow
from portal.extensions import db
from portal.i18n import N_


class RequestKind(str, enum.Enum):
    withdraw_consent = "withdraw_consent"
    object = "object"
    delete = "delete"
    access = "access"


KIND_LABELS = {
    RequestKind.withdraw_consent: N_("Rút lại sự đồng ý xử lý dữ liệu cá nhân"),
    RequestKind.object: N_("Phản đối việc xử lý dữ liệu cá nhân"),
    RequestKind.delete: N_("Xóa dữ liệu cá nhân"),
    RequestKind.access: N_("Xem dữ liệu cá nhân đang được lưu"),
}
# Kinds whose accepted outcome removes the personal data of the linked submission.
ERASING_KINDS = (RequestKind.withdraw_consent, RequestKind.delete)


class RequestStatus(str, enum.Enum):
    open = "open"
    done = "done"
    refused = "refused"


STATUS_LABELS = {
    RequestStatus.open: N_("Đang xử lý"),
    RequestStatus.done: N_("Đã thực hiện"),
    RequestStatus.refused: N_("Không thực hiện (có lý do)"),
}


class PrivacyRequest(db.Model):
    __tablename__ = "privacy_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[RequestKind] = mapped_column(Enum(RequestKind, native_enum=False, length=24))
    channel: Mapped[str] = mapped_column(String(24))  # an intake Channel value
    status: Mapped[RequestStatus] = mapped_column(Enum(RequestStatus, native_enum=False, length=16),
                                                  default=RequestStatus.open, index=True)
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submission.id", ondelete="SET NULL"), index=True)
    receipt_code: Mapped[str] = mapped_column(String(32), default="")
    requester_name: Mapped[str] = mapped_column(String(200), default="")
    requester_contact: Mapped[str] = mapped_column(String(254), default="")
    details: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    due_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    data_erased: Mapped[bool] = mapped_column(default=False)
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    submission = relationship("Submission")

    @property
    def reference(self) -> str:
        return f"DLCN-{self.id:05d}"

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

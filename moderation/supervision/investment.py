"""An investment supervision board's own tools: the checklist of the documents it may request from
the investor (Decree 59/2023 Art. 19) with the request dates and files received, and its periodic
progress reports. One audited function per change; refusals raise ``DomainError``."""
from __future__ import annotations

from sqlalchemy import select

from moderation.boards.models import Board, BoardKind
from moderation.cases import deadlines
from moderation.cases.common import as_date, require
from moderation.supervision.models import (
    INVESTMENT_DOCUMENTS,
    InvestmentDocument,
    ProgressReport,
)
from moderation.supervision.permissions import can_work
from moderation.supervision.services import _store_file
from portal import audit
from portal.errors import DomainError
from portal.extensions import db
from portal.sanitize import clean_text


def _check(board: Board, actor) -> None:
    if board.kind != BoardKind.supervision:
        raise DomainError("Danh mục tài liệu dự án chỉ dành cho Ban giám sát đầu tư của cộng đồng.")
    require(can_work(actor, board), "Chỉ thành viên của Ban mới được cập nhật danh mục tài liệu dự án.")


def checklist(board: Board) -> list[tuple[str, str, InvestmentDocument | None]]:
    rows = {r.kind: r for r in db.session.scalars(
        select(InvestmentDocument).where(InvestmentDocument.board_id == board.id))}
    return [(kind, label, rows.get(kind)) for kind, label in INVESTMENT_DOCUMENTS.items()]


def _row(board: Board, kind: str) -> InvestmentDocument:
    if kind not in INVESTMENT_DOCUMENTS:
        raise DomainError("Loại tài liệu không có trong danh mục.")
    row = db.session.scalar(select(InvestmentDocument).where(InvestmentDocument.board_id == board.id,
                                                             InvestmentDocument.kind == kind))
    if row is None:
        row = InvestmentDocument(board_id=board.id, kind=kind)
        db.session.add(row)
    return row


def request_document(board: Board, actor, *, kind: str, requested_on, note: str = "") -> InvestmentDocument:
    """The Board asked the investor for this document on ``requested_on``."""
    _check(board, actor)
    day = as_date(requested_on, "Ngày đề nghị")
    if day > deadlines.today():
        raise DomainError("Ngày đề nghị không được sau ngày hôm nay.")
    row = _row(board, kind)
    row.requested_on = day
    if note:
        row.note = clean_text(note, 2000)
    db.session.flush()
    audit.record(actor, "investment.document_request", board, {"kind": kind, "requested_on": day.isoformat()})
    return row


def receive_document(board: Board, actor, *, kind: str, received_on, file_data: bytes | None = None,
                     file_name: str | None = None, note: str = "") -> InvestmentDocument:
    """The investor's document arrived (its file attached when there is one)."""
    _check(board, actor)
    day = as_date(received_on, "Ngày nhận")
    if day > deadlines.today():
        raise DomainError("Ngày nhận không được sau ngày hôm nay.")
    row = _row(board, kind)
    if row.requested_on is not None and day < row.requested_on:
        raise DomainError("Ngày nhận không được trước ngày đề nghị.")
    if not file_data and not clean_text(note, 2000) and row.file_sha256 is None:
        raise DomainError("Vui lòng đính kèm tệp tài liệu nhận được hoặc ghi chú (ví dụ: nhận bản giấy).")
    if file_data:
        row.file_sha256, row.file_name, row.file_type = _store_file(file_data, file_name, "Tệp tài liệu")
    row.received_on = day
    if note:
        row.note = clean_text(note, 2000)
    db.session.flush()
    audit.record(actor, "investment.document_receive", board, {"kind": kind, "received_on": day.isoformat(),
                                                               "file": bool(row.file_sha256)})
    return row


def add_progress_report(board: Board, actor, *, period: str, reported_on, text: str) -> ProgressReport:
    """A periodic report of the project's progress as the Board saw it."""
    _check(board, actor)
    period = clean_text(period, 64)
    text = clean_text(text, 20000)
    if not period:
        raise DomainError("Vui lòng nhập kỳ báo cáo (ví dụ: Quý I/2026).")
    if not text:
        raise DomainError("Vui lòng nhập nội dung báo cáo tiến độ.")
    day = as_date(reported_on, "Ngày báo cáo")
    if day > deadlines.today():
        raise DomainError("Ngày báo cáo không được sau ngày hôm nay.")
    report = ProgressReport(board_id=board.id, period=period, reported_on=day, text=text,
                            author_id=getattr(actor, "id", None))
    db.session.add(report)
    db.session.flush()
    audit.record(actor, "investment.progress_report", board, {"report": report.id, "period": period})
    return report


def reports(board: Board) -> list[ProgressReport]:
    return db.session.scalars(select(ProgressReport).where(ProgressReport.board_id == board.id)
                              .order_by(ProgressReport.reported_on.desc(), ProgressReport.id.desc())).all()

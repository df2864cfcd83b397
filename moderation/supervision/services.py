"""The state changes of a supervision (one function each, audited, flushed, never committed):

``open_supervision`` ─▶ planned ─``record_notice``─▶ notified ─``start_supervision``─▶ in_progress
in_progress ─``approve_conclusion``─▶ concluded (disclosure published, recommendations sent)
concluded ─``record_recommendation_answer`` (the last one)─▶ closed

``add_entry`` (visits, meetings, documents, findings, notes) and ``save_conclusion`` (the draft of
findings and recommendations) keep the status. Refusals raise ``DomainError`` in Vietnamese."""
from __future__ import annotations

import datetime as dt

from flask import current_app
from sqlalchemy import select

from moderation.boards.models import Board, BoardMember
from moderation.cases import deadlines
from moderation.cases.common import as_date, require
from moderation.cases.models import Case
from moderation.supervision.models import (
    ENTRY_KINDS,
    STATUS_LABELS,
    Recommendation,
    Supervision,
    SupervisionEntry,
    SupervisionStatus,
)
from moderation.supervision.permissions import can_lead, can_view, can_work
from portal import audit
from portal.errors import DomainError
from portal.extensions import db
from portal.sanitize import clean_text
from portal.settings import get_setting

S = SupervisionStatus
NOTICE_SETTING = "SUPERVISION_NOTICE_WORKING_DAYS"
NOTICE_DEFAULT = 5
FILE_TYPES = {
    "application/pdf", "image/jpeg", "image/png",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
MAX_RECOMMENDATIONS = 20


def notice_days() -> int:
    """Working days the notice must precede the start (a setting; Decree 59/2023 asks for 5)."""
    try:
        return max(0, int(get_setting(NOTICE_SETTING, NOTICE_DEFAULT)))
    except (TypeError, ValueError):
        return NOTICE_DEFAULT


def earliest_start(notice_sent_on: dt.date) -> dt.date:
    """The first day a supervision may start when its notice went out on ``notice_sent_on``: the
    start must be at least ``notice_days()`` working days after the notice (holidays count as off)."""
    return deadlines.add_working_days(notice_sent_on, notice_days())


def status_label(status) -> str:
    return STATUS_LABELS.get(SupervisionStatus(status), str(status))


def _refuse(sup: Supervision, action: str, hint: str = "") -> None:
    msg = f"Không thể {action} khi cuộc giám sát đang ở trạng thái “{status_label(sup.status)}”."
    raise DomainError(msg + (f" {hint}" if hint else ""))


def _move(sup: Supervision, to: SupervisionStatus, actor, action: str, details: dict | None = None) -> None:
    before = sup.status
    sup.status = to
    audit.record(actor, f"supervision.{action}", sup, {"from": before.value, "to": to.value, **(details or {})})


def _store_file(data: bytes | None, name: str | None, label: str):
    from portal.files import DomainError, clean_filename, inspect_upload, store_bytes, visible_name

    if not data:
        return None, None, None
    try:
        kind = inspect_upload(data, FILE_TYPES, current_app.config["ATTACHMENT_MAX_BYTES"])
        sha = store_bytes(data)
    except DomainError as exc:
        raise DomainError(f"{label} “{visible_name(name)[:255] or '-'}”: {exc}") from exc
    return sha, clean_filename(name, kind), kind


def _members_of(board: Board, member_ids) -> list[BoardMember]:
    ids = {int(i) for i in (member_ids or []) if i}
    members = [m for m in board.members if m.id in ids]
    if len(members) != len(ids):
        raise DomainError("Thành viên tham gia phải là thành viên của Ban.")
    return members


def open_supervision(board: Board, actor, *, subject: str, supervised_body: str, planned_start,
                     planned_end=None, legal_basis: str = "", documents_requested: str = "", member_ids=(),
                     case_id: int | None = None, disclosure_id: int | None = None) -> Supervision:
    """A Board head opens a supervision on the Board's plan (status ``planned``), optionally from a
    case of the Board or a disclosure (e.g. a decision matter's contributions)."""
    require(can_lead(actor, board), "Chỉ Trưởng ban, Phó Trưởng ban của Ban mới được lập kế hoạch giám sát.")
    errors = []
    subject = clean_text(subject, 500)
    body = clean_text(supervised_body, 200)
    if not subject:
        errors.append("Vui lòng nhập nội dung giám sát.")
    if not body:
        errors.append("Vui lòng nhập cơ quan, đơn vị được giám sát.")
    if errors:
        raise DomainError(" ".join(errors))
    start = as_date(planned_start, "Ngày bắt đầu dự kiến")
    end = as_date(planned_end, "Ngày kết thúc dự kiến") if planned_end else None
    if end is not None and end < start:
        raise DomainError("Ngày kết thúc dự kiến không được trước ngày bắt đầu.")
    if case_id:
        case = db.session.get(Case, int(case_id))
        if case is None or case.board_id != board.id:
            raise DomainError("Hồ sơ kiến nghị được chọn không thuộc Ban này.")
    if disclosure_id:
        from public_docs.disclosures.models import Disclosure, DisclosureStatus

        d = db.session.get(Disclosure, int(disclosure_id))
        if d is None or d.status == DisclosureStatus.draft:
            raise DomainError("Không tìm thấy thông tin công khai được chọn.")
    sup = Supervision(
        board_id=board.id, subject=subject, supervised_body=body, planned_start=start, planned_end=end,
        legal_basis=clean_text(legal_basis, 5000), documents_requested=clean_text(documents_requested, 5000),
        case_id=int(case_id) if case_id else None, disclosure_id=int(disclosure_id) if disclosure_id else None,
        created_by_id=getattr(actor, "id", None), status=S.planned,
    )
    sup.members = _members_of(board, member_ids)
    db.session.add(sup)
    db.session.flush()
    audit.record(actor, "supervision.open", sup, {"board": board.id, "planned_start": start.isoformat(),
                                                   "case": sup.case_id, "disclosure": sup.disclosure_id})
    return sup


def update_plan(sup: Supervision, actor, **values) -> Supervision:
    """Change the plan while the notice has not gone out (``planned``)."""
    require(can_lead(actor, sup.board), "Chỉ Trưởng ban, Phó Trưởng ban của Ban mới được sửa kế hoạch giám sát.")
    if sup.status != S.planned:
        _refuse(sup, "sửa kế hoạch", "Kế hoạch đã gửi thông báo cho đơn vị được giám sát.")
    subject = clean_text(values.get("subject"), 500)
    body = clean_text(values.get("supervised_body"), 200)
    if not subject or not body:
        raise DomainError("Vui lòng nhập nội dung giám sát và cơ quan, đơn vị được giám sát.")
    start = as_date(values.get("planned_start"), "Ngày bắt đầu dự kiến")
    end = as_date(values["planned_end"], "Ngày kết thúc dự kiến") if values.get("planned_end") else None
    if end is not None and end < start:
        raise DomainError("Ngày kết thúc dự kiến không được trước ngày bắt đầu.")
    sup.subject, sup.supervised_body, sup.planned_start, sup.planned_end = subject, body, start, end
    sup.legal_basis = clean_text(values.get("legal_basis"), 5000)
    sup.documents_requested = clean_text(values.get("documents_requested"), 5000)
    sup.members = _members_of(sup.board, values.get("member_ids"))
    audit.record(actor, "supervision.update", sup, {"planned_start": start.isoformat()})
    db.session.flush()
    return sup


def record_notice(sup: Supervision, actor, *, sent_on, number: str = "") -> Supervision:
    """The notice (the plan) went to the supervised body; ``planned`` → ``notified``. A notice later
    than the rule allows is recorded (it did go out) but the start will be refused until the earliest
    day; the page says which day that is."""
    require(can_lead(actor, sup.board), "Chỉ Trưởng ban, Phó Trưởng ban của Ban mới được gửi thông báo giám sát.")
    if sup.status != S.planned:
        _refuse(sup, "ghi nhận gửi thông báo")
    sent = as_date(sent_on, "Ngày gửi thông báo")
    if sent > deadlines.today():
        raise DomainError("Ngày gửi thông báo không được sau ngày hôm nay.")
    sup.notice_sent_on = sent
    sup.notice_number = clean_text(number, 64)
    _move(sup, S.notified, actor, "notify", {"sent_on": sent.isoformat(), "number": sup.notice_number,
                                              "earliest_start": earliest_start(sent).isoformat()})
    db.session.flush()
    return sup


def start_supervision(sup: Supervision, actor, *, started_on=None) -> Supervision:
    """``notified`` → ``in_progress``; refused while the notice is younger than ``notice_days()``
    working days, with the earliest start in the message."""
    require(can_lead(actor, sup.board), "Chỉ Trưởng ban, Phó Trưởng ban của Ban mới được bắt đầu cuộc giám sát.")
    if sup.status != S.notified:
        _refuse(sup, "bắt đầu giám sát", "Cần gửi thông báo cho đơn vị được giám sát trước.")
    day = as_date(started_on, "Ngày bắt đầu") if started_on else deadlines.today()
    earliest = earliest_start(sup.notice_sent_on)
    if day < earliest:
        raise DomainError(
            f"Thông báo gửi ngày {sup.notice_sent_on:%d/%m/%Y} chưa đủ {notice_days()} ngày làm việc trước khi "
            f"bắt đầu giám sát: sớm nhất được bắt đầu từ ngày {earliest:%d/%m/%Y}."
        )
    if day > deadlines.today():
        raise DomainError("Chỉ ghi nhận bắt đầu giám sát khi đã bắt đầu: ngày bắt đầu không được sau ngày hôm nay.")
    sup.started_on = day
    _move(sup, S.in_progress, actor, "start", {"started_on": day.isoformat()})
    db.session.flush()
    return sup


def add_entry(sup: Supervision, actor, *, kind: str, happened_on=None, text: str = "",
              file_data: bytes | None = None, file_name: str | None = None) -> SupervisionEntry:
    """A visit or meeting (minutes attached), a document received, a finding or a member's note.
    Notes are open to the Board's members at every step before closing; the rest once started."""
    require(can_work(actor, sup.board), "Chỉ thành viên của Ban mới được ghi nhận công việc giám sát.")
    if kind not in ENTRY_KINDS:
        raise DomainError("Loại nội dung ghi nhận không hợp lệ.")
    if sup.status == S.closed or (kind != "note" and sup.status not in (S.in_progress, S.concluded)):
        _refuse(sup, "ghi nhận " + ENTRY_KINDS[kind].lower())
    day = as_date(happened_on, "Ngày") if happened_on else deadlines.today()
    if day > deadlines.today():
        raise DomainError("Ngày ghi nhận không được sau ngày hôm nay.")
    text = clean_text(text, 20000)
    if not text and not file_data:
        raise DomainError("Vui lòng nhập nội dung hoặc đính kèm tệp (biên bản, tài liệu).")
    if kind in ("visit", "meeting", "document") and not file_data and not text:
        raise DomainError("Vui lòng đính kèm biên bản hoặc tài liệu.")
    sha, name, ctype = _store_file(file_data, file_name, "Tệp đính kèm")
    entry = SupervisionEntry(supervision_id=sup.id, kind=kind, happened_on=day, text=text, file_sha256=sha,
                             file_name=name, file_type=ctype, author_id=getattr(actor, "id", None))
    db.session.add(entry)
    db.session.flush()
    audit.record(actor, "supervision.entry_add", sup, {"entry": entry.id, "kind": kind, "file": bool(sha)})
    db.session.refresh(sup)
    return entry


def clean_recommendations(rows) -> list[dict]:
    """``rows``: dicts with ``text``, ``addressee``, ``due_on`` (blank rows are skipped)."""
    out = []
    for i, row in enumerate(rows or [], start=1):
        text = clean_text(row.get("text"), 5000)
        addressee = clean_text(row.get("addressee"), 200)
        due = row.get("due_on")
        if not text and not addressee and not due:
            continue
        if not text:
            raise DomainError(f"Kiến nghị {i}: vui lòng nhập nội dung kiến nghị.")
        if not addressee:
            raise DomainError(f"Kiến nghị {i}: vui lòng nhập cơ quan, người nhận kiến nghị.")
        out.append({"text": text, "addressee": addressee,
                    "due_on": as_date(due, f"Kiến nghị {i}: hạn trả lời") if due else None})
    if len(out) > MAX_RECOMMENDATIONS:
        raise DomainError(f"Một kết luận có tối đa {MAX_RECOMMENDATIONS} kiến nghị.")
    return out


def save_conclusion(sup: Supervision, actor, *, findings: str, recommendations, number: str = "") -> Supervision:
    """The draft conclusion: findings and recommendations (each with addressee and due date)."""
    require(can_lead(actor, sup.board), "Chỉ Trưởng ban, Phó Trưởng ban của Ban mới được soạn kết luận giám sát.")
    if sup.status != S.in_progress:
        _refuse(sup, "soạn kết luận")
    findings = clean_text(findings, 50000)
    if not findings:
        raise DomainError("Vui lòng nhập kết quả giám sát (các nội dung phát hiện).")
    rows = clean_recommendations(recommendations)
    for rec in list(sup.recommendations):
        db.session.delete(rec)
    db.session.flush()
    for i, row in enumerate(rows, start=1):
        db.session.add(Recommendation(supervision_id=sup.id, position=i, **row))
    sup.findings = findings
    sup.conclusion_number = clean_text(number, 64)
    audit.record(actor, "supervision.conclusion_save", sup, {"recommendations": len(rows)})
    db.session.flush()
    db.session.refresh(sup)
    return sup


def _conclusion_body(sup: Supervision) -> str:
    lines = [f"**Nội dung giám sát:** {sup.subject}", "", f"**Đơn vị được giám sát:** {sup.supervised_body}", ""]
    if sup.started_on:
        lines += [f"**Thời gian giám sát:** từ ngày {sup.started_on:%d/%m/%Y}", ""]
    lines += ["## Kết quả giám sát", "", sup.findings, ""]
    if sup.recommendations:
        lines += ["## Kiến nghị", ""]
        for i, rec in enumerate(sup.recommendations, start=1):
            due = f" (hạn trả lời {rec.due_on:%d/%m/%Y})" if rec.due_on else ""
            lines.append(f"{i}. Kiến nghị {rec.addressee}: {rec.text}{due}")
    return "\n".join(lines)


def approve_conclusion(sup: Supervision, actor, *, number: str | None = None, secrecy_confirmed: bool = False):
    """Approve the conclusion: publish it as a disclosure in ``inspection`` with the Board as issuer,
    send each recommendation to its addressee as a referral (the authority's deadline unless the
    conclusion set one; reminders through the Board's deadline digest), ``in_progress`` → ``concluded``
    (``closed`` at once when there is no recommendation)."""
    from public_docs.disclosures import services as pd

    require(can_lead(actor, sup.board), "Chỉ Trưởng ban, Phó Trưởng ban của Ban mới được phê duyệt kết luận.")
    if sup.status != S.in_progress:
        _refuse(sup, "phê duyệt kết luận")
    if not sup.findings:
        raise DomainError("Cần soạn kết luận (kết quả giám sát và kiến nghị) trước khi phê duyệt.")
    number = clean_text(number if number is not None else sup.conclusion_number, 64)
    if not number:
        raise DomainError("Vui lòng nhập số, ký hiệu của kết luận (ví dụ 03/KL-BTTND).")
    today = deadlines.today()
    data = {
        "number": number, "title": f"Kết luận giám sát: {sup.subject}"[:500],
        "summary": f"{sup.board.name} giám sát {sup.supervised_body}: {len(sup.recommendations)} kiến nghị.",
        "body": _conclusion_body(sup), "category": "inspection", "form": "Kết luận", "issuer": sup.board.name,
        "issued_on": today,
    }
    try:
        disclosure = pd.create_disclosure(data, actor)
        pd.publish_disclosure(disclosure, actor, secrecy_confirmed=secrecy_confirmed)
    except DomainError as exc:
        raise DomainError(str(exc)) from exc
    sup.conclusion_number = number
    sup.conclusion_disclosure_id = disclosure.id
    sup.concluded_on = today
    for i, rec in enumerate(sup.recommendations, start=1):
        if rec.due_on is not None and rec.due_on < today:
            raise DomainError(f"Kiến nghị {i}: hạn trả lời {rec.due_on:%d/%m/%Y} đã qua; vui lòng sửa kết luận.")
        rec.sent_on = today
        rec.due_on = rec.due_on or deadlines.due_date("authority", today)
    _move(sup, S.concluded, actor, "conclude", {"disclosure": disclosure.id,
                                                 "recommendations": len(sup.recommendations)})
    if not sup.recommendations:
        sup.closed_on = today
        _move(sup, S.closed, actor, "close", {"reason": "no recommendations"})
    db.session.flush()
    return disclosure


def recommendation_status(rec: Recommendation, on: dt.date | None = None) -> str:
    """``draft`` (not sent yet), ``sent``, ``answered`` or ``overdue``."""
    if rec.answered_on is not None:
        return "answered"
    if rec.sent_on is None:
        return "draft"
    on = on or deadlines.today()
    return "overdue" if rec.due_on is not None and rec.due_on < on else "sent"


def record_recommendation_answer(rec: Recommendation, actor, *, answered_on, summary: str, accepted: bool = True,
                                 answer_number: str = "", file_data: bytes | None = None,
                                 file_name: str | None = None) -> Recommendation:
    """The addressee's answer to one recommendation; the supervision closes when every one is answered."""
    sup = rec.supervision
    require(can_work(actor, sup.board), "Chỉ thành viên của Ban mới được ghi nhận trả lời kiến nghị.")
    if sup.status != S.concluded or rec.sent_on is None:
        _refuse(sup, "ghi nhận trả lời kiến nghị")
    if rec.answered_on is not None:
        raise DomainError("Kiến nghị này đã có trả lời.")
    day = as_date(answered_on, "Ngày trả lời")
    if day < rec.sent_on:
        raise DomainError("Ngày trả lời không được trước ngày gửi kiến nghị.")
    if day > deadlines.today():
        raise DomainError("Ngày trả lời không được sau ngày hôm nay.")
    summary = clean_text(summary, 10000)
    if not summary:
        raise DomainError("Vui lòng tóm tắt nội dung trả lời.")
    rec.answer_file_sha256, rec.answer_file_name, rec.answer_file_type = _store_file(
        file_data, file_name, "Tệp văn bản trả lời")
    rec.answered_on, rec.answer_summary, rec.accepted = day, summary, bool(accepted)
    rec.answer_number = clean_text(answer_number, 64)
    audit.record(actor, "supervision.recommendation_answer", sup,
                 {"recommendation": rec.id, "answered_on": day.isoformat(), "accepted": rec.accepted,
                  "on_time": bool(rec.due_on and day <= rec.due_on)})
    if all(r.answered_on is not None for r in sup.recommendations):
        sup.closed_on = deadlines.today()
        _move(sup, S.closed, actor, "close", {"reason": "all recommendations answered"})
    db.session.flush()
    return rec


def visible_supervisions(user, board_ids=None):
    """The supervisions a staff user may see: their Boards' (every one for an admin)."""
    from moderation.supervision.permissions import user_board_ids

    query = select(Supervision).order_by(Supervision.planned_start.desc(), Supervision.id.desc())
    if "admin" not in getattr(user, "roles", ()):
        query = query.where(Supervision.board_id.in_(user_board_ids(user) or [-1]))
    if board_ids is not None:
        query = query.where(Supervision.board_id.in_(board_ids or [-1]))
    return db.session.scalars(query).all()


def get_for(user, supervision_id: int) -> Supervision | None:
    sup = db.session.get(Supervision, supervision_id)
    if sup is None or not can_view(user, sup.board):
        return None
    return sup

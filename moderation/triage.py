"""The Boards' work on a case: one service function per transition, and the permission predicates.

``new → assigned → verifying → referred → answered → closed``; ``closed → reopened`` once, when the
resident disputes the answer. Each function checks the current state, refuses an illegal move with
a :class:`CaseError` carrying a Vietnamese message, changes state, writes a CaseEvent and an audit
event, and flushes (the view commits)."""
from __future__ import annotations

import datetime as dt

from flask import current_app
from sqlalchemy import select

from moderation import deadlines
from moderation.models import (
    CASE_STATUS_LABELS, BoardMember, Case, CaseEvent, CaseStatus, Referral,
)
from portal import audit
from portal.database import utcnow
from portal.extensions import db
from portal.sanitize import clean_text

S = CaseStatus
OPEN_STATUSES = (S.new, S.assigned, S.verifying, S.referred, S.answered, S.reopened)
ANSWER_FILE_TYPES = {
    "application/pdf", "image/jpeg", "image/png",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class CaseError(Exception):
    """An illegal move or a bad input; the message is Vietnamese and shown as is."""


# --------------------------------------------------------------------------- permissions

def _membership(user, board_id: int) -> BoardMember | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(
        select(BoardMember).where(BoardMember.board_id == board_id, BoardMember.user_id == user.id)
        .order_by(BoardMember.id).limit(1)
    )


def _is_admin(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and "admin" in user.roles)


def user_board_ids(user) -> list[int]:
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    return list(db.session.scalars(select(BoardMember.board_id).where(BoardMember.user_id == user.id).distinct()))


def is_board_member(user, board_id: int) -> bool:
    return _membership(user, board_id) is not None


def can_view_case(user, case) -> bool:
    return _is_admin(user) or is_board_member(user, case.board_id)


def can_work_case(user, case) -> bool:
    """Notes, verification, referral, answer, response, close: the case's board members."""
    return is_board_member(user, case.board_id)


def can_assign(user, case) -> bool:
    """Assign / reassign: the head or a deputy of the case's board."""
    member = _membership(user, case.board_id)
    if member is None:
        return False
    return db.session.scalar(
        select(BoardMember.id).where(
            BoardMember.board_id == case.board_id, BoardMember.user_id == user.id,
            BoardMember.position.in_(("head", "deputy")),
        ).limit(1)
    ) is not None


def can_view_original(user, case) -> bool:
    """The petition as sent (before redaction): the board's head or deputy, and admins."""
    return _is_admin(user) or can_assign(user, case)


def can_view_contact(user, case) -> bool:
    """Contact details: only members of the board the case belongs to, on an explicit action."""
    return is_board_member(user, case.board_id)


def can_edit_roster(user, board) -> bool:
    if _is_admin(user):
        return True
    if user is None or not getattr(user, "is_authenticated", False) or "board_head" not in user.roles:
        return False
    return db.session.scalar(
        select(BoardMember.id).where(BoardMember.board_id == board.id, BoardMember.user_id == user.id,
                                     BoardMember.position == "head").limit(1)
    ) is not None


# --------------------------------------------------------------------------- helpers

def status_label(status) -> str:
    return CASE_STATUS_LABELS.get(CaseStatus(status), str(status))


def _refuse(case: Case, action: str, hint: str = "") -> None:
    msg = f"Không thể {action} khi hồ sơ đang ở trạng thái “{status_label(case.status)}”."
    raise CaseError(msg + (f" {hint}" if hint else ""))


def _event(case: Case, actor, kind: str, text: str = "", public: bool = False, to_status=None, from_status=None):
    ev = CaseEvent(
        case_id=case.id, kind=kind, text=text, public=public,
        from_status=(from_status.value if from_status is not None else None),
        to_status=(to_status.value if to_status is not None else None),
        actor_id=getattr(actor, "id", None),
    )
    db.session.add(ev)
    return ev


def _move(case: Case, to: CaseStatus, actor, kind: str, text: str = "", public: bool = False, details=None):
    before = case.status
    case.status = to
    _event(case, actor, kind, text, public, to_status=to, from_status=before)
    audit.record(actor, f"case.{kind}", case, {"from": before.value, "to": to.value, **(details or {})})


def _require(pred: bool, message: str = "Bạn không có quyền thực hiện thao tác này với hồ sơ của Ban khác.") -> None:
    if not pred:
        raise CaseError(message)


def _notify(case: Case, template: str, key: str, **context) -> bool:
    from moderation.notify import email_submitter

    submission = case.submission
    if submission.personal_data_purged_at is not None:
        return False
    return email_submitter(submission, template, key=f"{key}:{case.id}", case=case, **context)


def _as_date(value, field: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    text = (value or "").strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise CaseError(f"{field}: ngày không hợp lệ (nhập theo dạng ngày/tháng/năm).")


# --------------------------------------------------------------------------- clocks

def case_clocks(case: Case, on: dt.date | None = None) -> list[dict]:
    """The SLA clocks that apply to ``case`` now: acknowledgement, decision, authority answer."""
    clocks = []
    if case.status in (S.closed,):
        return clocks
    opened = case.reopened_at if case.status == S.reopened and case.reopened_at else case.created_at
    if case.acknowledged_at is None:
        due = deadlines.due_date("board_ack", opened)
        clocks.append({"name": "ack", "title": "Xác nhận tiếp nhận", "due": due, **deadlines.clock(due, on)})
    if case.status in (S.new, S.assigned, S.verifying, S.reopened):
        due = deadlines.due_date("board_decision", opened)
        clocks.append({"name": "decision", "title": "Kiến nghị hoặc trả lời", "due": due, **deadlines.clock(due, on)})
    if case.status == S.referred:
        ref = case.referrals[-1] if case.referrals else None
        if ref is not None and ref.answer_due is not None:
            clocks.append({"name": "authority", "title": "Cơ quan có thẩm quyền trả lời", "due": ref.answer_due,
                           **deadlines.clock(ref.answer_due, on)})
    return clocks


def worst_clock(case: Case, on: dt.date | None = None) -> dict | None:
    order = {"overdue": 0, "due": 1, "ok": 2}
    clocks = case_clocks(case, on)
    if not clocks:
        return None
    return sorted(clocks, key=lambda c: (order[c["state"]], c["due"]))[0]


# --------------------------------------------------------------------------- transitions

def assign_case(case: Case, assignee, actor) -> Case:
    """Assign (``new``/``reopened`` → ``assigned``) or reassign (status unchanged): head or deputy only."""
    _require(can_assign(actor, case), "Chỉ Trưởng ban hoặc Phó Trưởng ban được phân công xử lý hồ sơ.")
    if case.status not in OPEN_STATUSES:
        _refuse(case, "phân công", "Hồ sơ đã kết thúc.")
    if assignee is None or not is_board_member(assignee, case.board_id):
        raise CaseError("Người được phân công phải là thành viên của Ban phụ trách hồ sơ.")
    if case.assignee_id == assignee.id and case.status not in (S.new, S.reopened):
        raise CaseError("Hồ sơ đã được phân công cho thành viên này.")
    previous = case.assignee_id
    case.assignee_id = assignee.id
    label = assignee.name or assignee.email
    if case.status in (S.new, S.reopened):
        _move(case, S.assigned, actor, "assign", f"Phân công {label} xử lý.", details={"assignee": assignee.id})
    else:
        _event(case, actor, "reassign", f"Phân công lại cho {label}.")
        audit.record(actor, "case.reassign", case, {"from_assignee": previous, "assignee": assignee.id})
    db.session.flush()
    return case


def acknowledge_case(case: Case, actor) -> Case:
    """The Board confirms it received the case (the acknowledgement clock stops)."""
    _require(can_work_case(actor, case))
    if case.acknowledged_at is not None:
        raise CaseError("Ban đã xác nhận tiếp nhận hồ sơ này.")
    if case.status == S.closed:
        _refuse(case, "xác nhận tiếp nhận")
    case.acknowledged_at = utcnow()
    _event(case, actor, "acknowledge", "Ban đã tiếp nhận kiến nghị và đang xem xét.", public=True)
    audit.record(actor, "case.acknowledge", case)
    db.session.flush()
    return case


def add_note(case: Case, text: str, actor) -> CaseEvent:
    """An internal note: never public."""
    _require(can_work_case(actor, case))
    text = clean_text(text, 5000)
    if not text:
        raise CaseError("Nội dung ghi chú không được để trống.")
    ev = _event(case, actor, "note", text, public=False)
    audit.record(actor, "case.note", case, {"length": len(text)})
    db.session.flush()
    return ev


def record_verification(case: Case, text: str, actor) -> Case:
    """Verification findings (internal); ``assigned``/``reopened`` → ``verifying``."""
    _require(can_work_case(actor, case))
    if case.status not in (S.assigned, S.verifying, S.reopened):
        _refuse(case, "ghi kết quả xác minh",
                "Cần phân công thành viên trước." if case.status == S.new else "")
    text = clean_text(text, 10000)
    if not text:
        raise CaseError("Nội dung xác minh không được để trống.")
    if case.acknowledged_at is None:
        case.acknowledged_at = utcnow()
    if case.status == S.verifying:
        _event(case, actor, "verification", text)
        audit.record(actor, "case.verification", case)
    else:
        _move(case, S.verifying, actor, "verification", text)
    db.session.flush()
    return case


def refer_case(case: Case, actor, *, agency: str, sent_on, document_number: str = "", answer_due=None) -> Referral:
    """Recommend action to the competent authority; ``verifying``/``reopened`` → ``referred``."""
    _require(can_work_case(actor, case))
    if case.status not in (S.verifying, S.reopened):
        _refuse(case, "kiến nghị cơ quan có thẩm quyền", "Cần ghi kết quả xác minh trước khi kiến nghị.")
    agency = clean_text(agency, 200)
    if not agency:
        raise CaseError("Vui lòng nhập tên cơ quan có thẩm quyền nhận kiến nghị.")
    sent = _as_date(sent_on, "Ngày gửi")
    if sent > deadlines.today() + dt.timedelta(days=1):
        raise CaseError("Ngày gửi không được sau ngày hôm nay.")
    due = _as_date(answer_due, "Hạn trả lời") if answer_due else deadlines.due_date("authority", sent)
    if due < sent:
        raise CaseError("Hạn trả lời phải sau ngày gửi.")
    ref = Referral(case_id=case.id, agency=agency, sent_on=sent,
                   document_number=clean_text(document_number, 64), answer_due=due)
    db.session.add(ref)
    case.referred_at = utcnow()
    if case.acknowledged_at is None:
        case.acknowledged_at = case.referred_at
    _move(case, S.referred, actor, "refer",
          f"Ban đã kiến nghị {agency} xem xét, giải quyết (văn bản gửi ngày {sent:%d/%m/%Y}).", public=True,
          details={"agency": agency, "sent_on": sent.isoformat(), "answer_due": due.isoformat()})
    db.session.flush()
    db.session.refresh(case)
    _notify(case, "case_referred", "case-referred", referral=ref)
    return ref


def record_answer(case: Case, actor, *, answered_on, answer_number: str = "", summary: str = "",
                  file_data: bytes | None = None, file_name: str | None = None) -> Referral:
    """The authority's answer to the latest referral; ``referred`` → ``answered``."""
    from portal.files import FileRefused, clean_filename, inspect_upload, store_bytes

    _require(can_work_case(actor, case))
    if case.status != S.referred:
        _refuse(case, "ghi nhận trả lời của cơ quan có thẩm quyền", "Hồ sơ phải đang chờ cơ quan trả lời.")
    ref = case.referrals[-1]
    day = _as_date(answered_on, "Ngày trả lời")
    if day < ref.sent_on:
        raise CaseError("Ngày trả lời không được trước ngày gửi kiến nghị.")
    summary = clean_text(summary, 10000)
    if not summary:
        raise CaseError("Vui lòng tóm tắt nội dung trả lời của cơ quan có thẩm quyền.")
    if file_data:
        try:
            kind = inspect_upload(file_data, ANSWER_FILE_TYPES, current_app.config["ATTACHMENT_MAX_BYTES"])
            ref.answer_file_sha256 = store_bytes(file_data)
        except FileRefused as exc:
            raise CaseError(f"Tệp văn bản trả lời: {exc}") from exc
        ref.answer_file_name = clean_filename(file_name, kind)
        ref.answer_file_type = kind
    ref.answered_on = day
    ref.answer_number = clean_text(answer_number, 64)
    ref.answer_summary = summary
    case.answered_at = utcnow()
    _move(case, S.answered, actor, "answer",
          f"{ref.agency} đã trả lời" + (f" (văn bản số {ref.answer_number})" if ref.answer_number else "") + ".",
          public=True, details={"answered_on": day.isoformat(), "on_time": bool(ref.answer_due and day <= ref.answer_due)})
    db.session.flush()
    _notify(case, "case_answered", "case-answered", referral=ref)
    return ref


def publish_response(case: Case, text: str, actor) -> Case:
    """The Board's public response (plain text, sanitized); status unchanged."""
    _require(can_work_case(actor, case))
    if case.status not in (S.verifying, S.referred, S.answered, S.reopened):
        _refuse(case, "đăng trả lời công khai", "Cần xác minh hồ sơ trước.")
    text = clean_text(text, 10000)
    if not text:
        raise CaseError("Nội dung trả lời công khai không được để trống.")
    case.public_response = text
    case.responded_at = utcnow()
    _event(case, actor, "respond", "Ban đã đăng trả lời công khai.", public=True)
    audit.record(actor, "case.respond", case, {"length": len(text)})
    db.session.flush()
    return case


def close_case(case: Case, actor) -> Case:
    """``answered`` (or ``verifying``/``reopened`` when the Board answered itself) → ``closed``."""
    _require(can_work_case(actor, case))
    if case.status not in (S.answered, S.verifying, S.reopened):
        _refuse(case, "kết thúc hồ sơ", "Hồ sơ cần có trả lời trước khi kết thúc.")
    if not case.public_response:
        raise CaseError("Cần đăng trả lời công khai cho người gửi trước khi kết thúc hồ sơ.")
    case.closed_at = utcnow()
    _move(case, S.closed, actor, "close", "Hồ sơ đã kết thúc.", public=True)
    db.session.flush()
    _notify(case, "case_closed", f"case-closed-{case.reopen_count}")
    return case


def reopen_case(case: Case, reason: str, actor="resident") -> Case:
    """The resident disputes the answer on the tracking page: ``closed`` → ``reopened``, once."""
    if case.status != S.closed:
        _refuse(case, "đề nghị xem xét lại", "Chỉ đề nghị xem xét lại sau khi hồ sơ đã kết thúc.")
    if case.reopen_count >= 1:
        raise CaseError("Kiến nghị này đã được xem xét lại một lần; không thể đề nghị thêm.")
    reason = clean_text(reason, 3000)
    if len(reason) < 10:
        raise CaseError("Vui lòng nêu lý do chưa đồng ý với trả lời (ít nhất 10 ký tự).")
    case.reopen_count += 1
    case.reopened_at = utcnow()
    case.dispute_text = reason
    case.closed_at = None
    _move(case, S.reopened, actor, "reopen", "Người gửi đề nghị xem xét lại; hồ sơ được mở lại.", public=True)
    _event(case, actor, "dispute", reason, public=False)
    from moderation.notify import email_staff
    from moderation.routing import board_recipients, case_link

    for user in board_recipients(case.board):
        email_staff(user.email, "case_reopened", key=f"case-reopened:{case.id}:{user.id}",
                    case=case, board=case.board, member=user, link=case_link(case))
    db.session.flush()
    return case


def rate_case(case: Case, rating, comment: str = "", actor="resident") -> Case:
    """The resident rates the answer (1–5 and a comment), once, after closure."""
    if case.status != S.closed:
        _refuse(case, "đánh giá", "Chỉ đánh giá sau khi hồ sơ đã kết thúc.")
    if case.rating is not None:
        raise CaseError("Bạn đã đánh giá trả lời này; mỗi kiến nghị chỉ được đánh giá một lần.")
    try:
        value = int(rating)
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= 5:
        raise CaseError("Vui lòng chọn mức đánh giá từ 1 đến 5.")
    case.rating = value
    case.rating_comment = clean_text(comment, 2000)
    case.rated_at = utcnow()
    _event(case, actor, "rate", f"Người gửi đánh giá {value}/5.")
    audit.record(actor, "case.rate", case, {"rating": value})
    db.session.flush()
    return case


def reveal_contact(case: Case, actor):
    """Contact details of the resident for the case's board, on an explicit action; audited."""
    _require(can_view_contact(actor, case), "Chỉ thành viên Ban phụ trách hồ sơ được xem thông tin liên hệ.")
    submission = case.submission
    if submission.personal_data_purged_at is not None or submission.contact is None:
        raise CaseError("Không còn thông tin liên hệ của người gửi (đã xóa theo thời hạn lưu trữ hoặc không cung cấp).")
    audit.record(actor, "case.contact_view", case, {"submission": submission.receipt_code})
    db.session.flush()
    return submission.contact


def case_for_submission(submission) -> Case | None:
    if submission is None or submission.id is None:
        return None
    return db.session.scalar(select(Case).where(Case.submission_id == submission.id))

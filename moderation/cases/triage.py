"""The Boards' work on a case: one service function per transition, and the permission predicates.

``new → assigned → verifying → referred → answered → closed``; ``closed → reopened`` once, when the
resident disputes the answer. Each function checks the current state, refuses an illegal move with
a :class:`DomainError` carrying a Vietnamese message, changes state, writes a CaseEvent and an audit
event, and flushes (the view commits)."""
from __future__ import annotations

from sqlalchemy import select

from moderation.cases import texts
from moderation.cases.clocks import case_clocks, worst_clock
from moderation.cases.common import (
    OPEN_STATUSES,
    S,
    add_event,
    move,
    notify_submitter,
    refuse,
    require,
    status_label,
)
from moderation.cases.models import Case, CaseEvent
from moderation.cases.permissions import (
    CONTACT_REASON_MISSING,
    can_access_personal_data,
    can_assign,
    can_edit_roster,
    can_view_case,
    can_view_contact,
    can_view_original,
    can_work_case,
    contact_reason,
    is_board_member,
    user_board_ids,
)
from moderation.cases.referral import ANSWER_FILE_TYPES, record_answer, refer_case
from portal import audit
from portal.database import utcnow
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import N_, _l
from portal.params import to_int
from portal.sanitize import clean_text

__all__ = [
    "ANSWER_FILE_TYPES", "OPEN_STATUSES", "acknowledge_case", "add_note", "assign_case",
    "can_access_personal_data", "can_assign",
    "can_edit_roster", "can_view_case", "can_view_contact", "can_view_original", "can_work_case", "case_clocks",
    "case_for_submission", "close_case", "is_board_member", "publish_response", "rate_case", "record_answer",
    "record_verification", "refer_case", "reopen_case", "reveal_contact", "status_label", "user_board_ids",
    "worst_clock",
]


# --------------------------------------------------------------------------- transitions

def assign_case(case: Case, assignee, actor) -> Case:
    """Assign (``new``/``reopened`` → ``assigned``) or reassign (status unchanged): head or deputy only."""
    require(can_assign(actor, case), N_("Chỉ Trưởng ban hoặc Phó Trưởng ban được phân công xử lý hồ sơ."))
    if case.status not in OPEN_STATUSES:
        refuse(case, N_("phân công"), N_("Hồ sơ đã kết thúc."))
    if assignee is None or not is_board_member(assignee, case.board_id):
        raise DomainError(_l("Người được phân công phải là thành viên của Ban phụ trách hồ sơ."))
    if case.assignee_id == assignee.id and case.status not in (S.new, S.reopened):
        raise DomainError(_l("Hồ sơ đã được phân công cho thành viên này."))
    previous = case.assignee_id
    case.assignee_id = assignee.id
    label = assignee.name or assignee.email
    if case.status in (S.new, S.reopened):
        move(case, S.assigned, actor, "assign", texts.fill(texts.ASSIGNED, name=label),
             details={"assignee": assignee.id})
    else:
        add_event(case, actor, "reassign", texts.fill(texts.REASSIGNED, name=label))
        audit.record(actor, "case.reassign", case, {"from_assignee": previous, "assignee": assignee.id})
    db.session.flush()
    return case


def acknowledge_case(case: Case, actor) -> Case:
    """The Board confirms it received the case (the acknowledgement clock stops)."""
    require(can_work_case(actor, case))
    if case.acknowledged_at is not None:
        raise DomainError(_l("Ban đã xác nhận tiếp nhận hồ sơ này."))
    if case.status == S.closed:
        refuse(case, N_("xác nhận tiếp nhận"))
    case.acknowledged_at = utcnow()
    add_event(case, actor, "acknowledge", N_("Ban đã tiếp nhận kiến nghị và đang xem xét."), public=True)
    audit.record(actor, "case.acknowledge", case)
    db.session.flush()
    return case


def add_note(case: Case, text: str, actor) -> CaseEvent:
    """An internal note: never public."""
    require(can_work_case(actor, case))
    text = clean_text(text, 5000)
    if not text:
        raise DomainError(_l("Nội dung ghi chú không được để trống."))
    ev = add_event(case, actor, "note", text, public=False)
    audit.record(actor, "case.note", case, {"length": len(text)})
    db.session.flush()
    return ev


def record_verification(case: Case, text: str, actor) -> Case:
    """Verification findings (internal); ``assigned``/``reopened`` → ``verifying``."""
    require(can_work_case(actor, case))
    if case.status not in (S.assigned, S.verifying, S.reopened):
        refuse(case, N_("ghi kết quả xác minh"),
               N_("Cần phân công thành viên trước.") if case.status == S.new else "")
    text = clean_text(text, 10000)
    if not text:
        raise DomainError(_l("Nội dung xác minh không được để trống."))
    if case.acknowledged_at is None:
        case.acknowledged_at = utcnow()
    if case.status == S.verifying:
        add_event(case, actor, "verification", text)
        audit.record(actor, "case.verification", case)
    else:
        move(case, S.verifying, actor, "verification", text)
    db.session.flush()
    return case


def publish_response(case: Case, text: str, actor) -> Case:
    """The Board's public response (plain text, sanitized); status unchanged."""
    require(can_work_case(actor, case))
    if case.status not in (S.verifying, S.referred, S.answered, S.reopened):
        refuse(case, N_("đăng trả lời công khai"), N_("Cần xác minh hồ sơ trước."))
    text = clean_text(text, 10000)
    if not text:
        raise DomainError(_l("Nội dung trả lời công khai không được để trống."))
    case.public_response = text
    case.responded_at = utcnow()
    add_event(case, actor, "respond", N_("Ban đã đăng trả lời công khai."), public=True)
    audit.record(actor, "case.respond", case, {"length": len(text)})
    db.session.flush()
    return case


def close_case(case: Case, actor) -> Case:
    """``answered`` (or ``verifying``/``reopened`` when the Board answered itself) → ``closed``."""
    require(can_work_case(actor, case))
    if case.status not in (S.answered, S.verifying, S.reopened):
        refuse(case, N_("kết thúc hồ sơ"), N_("Hồ sơ cần có trả lời trước khi kết thúc."))
    if not case.public_response:
        raise DomainError(_l("Cần đăng trả lời công khai cho người gửi trước khi kết thúc hồ sơ."))
    case.closed_at = utcnow()
    move(case, S.closed, actor, "close", N_("Hồ sơ đã kết thúc."), public=True)
    db.session.flush()
    notify_submitter(case, "case_closed", f"case-closed-{case.reopen_count}")
    return case


def reopen_case(case: Case, reason: str, actor="resident") -> Case:
    """The resident disputes the answer on the tracking page: ``closed`` → ``reopened``, once."""
    if case.status != S.closed:
        refuse(case, N_("đề nghị xem xét lại"), N_("Chỉ đề nghị xem xét lại sau khi hồ sơ đã kết thúc."))
    if case.reopen_count >= 1:
        raise DomainError(_l("Kiến nghị này đã được xem xét lại một lần; không thể đề nghị thêm."))
    reason = clean_text(reason, 3000)
    if len(reason) < 10:
        raise DomainError(_l("Vui lòng nêu lý do chưa đồng ý với trả lời (ít nhất 10 ký tự)."))
    case.reopen_count += 1
    case.reopened_at = utcnow()
    case.dispute_text = reason
    case.closed_at = None
    move(case, S.reopened, actor, "reopen", N_("Người gửi đề nghị xem xét lại; hồ sơ được mở lại."), public=True)
    add_event(case, actor, "dispute", reason, public=False)
    from moderation.boards.routing import board_recipients, case_link
    from moderation.notify import email_staff

    for user in board_recipients(case.board):
        email_staff(user.email, "case_reopened", key=f"case-reopened:{case.id}:{user.id}",
                    case=case, board=case.board, member=user, link=case_link(case))
    db.session.flush()
    return case


def rate_case(case: Case, rating, comment: str = "", actor="resident") -> Case:
    """The resident rates the answer (1–5 and a comment), once, after closure."""
    if case.status != S.closed:
        refuse(case, N_("đánh giá"), N_("Chỉ đánh giá sau khi hồ sơ đã kết thúc."))
    if case.rating is not None:
        raise DomainError(_l("Bạn đã đánh giá trả lời này; mỗi kiến nghị chỉ được đánh giá một lần."))
    value = to_int(rating, 1, 5)
    if value is None:
        raise DomainError(_l("Vui lòng chọn mức đánh giá từ 1 đến 5."))
    case.rating = value
    case.rating_comment = clean_text(comment, 2000)
    case.rated_at = utcnow()
    add_event(case, actor, "rate", texts.fill(texts.RATED, value=value))
    audit.record(actor, "case.rate", case, {"rating": value})
    db.session.flush()
    return case


def reveal_contact(case: Case, actor, reason: str = ""):
    """Contact details of the resident for the case's board, on an explicit action with a reason; audited."""
    require(can_view_contact(actor, case), N_("Chỉ thành viên Ban phụ trách hồ sơ được xem thông tin liên hệ."))
    reason = contact_reason(reason)
    if not reason:
        raise DomainError(CONTACT_REASON_MISSING)
    submission = case.submission
    if submission.personal_data_purged_at is not None or submission.contact is None:
        raise DomainError(_l("Không còn thông tin liên hệ của người gửi (đã xóa theo thời hạn lưu trữ "
                             "hoặc không cung cấp)."))
    audit.record(actor, "case.contact_view", case, {"submission": submission.receipt_code, "reason": reason})
    db.session.flush()
    return submission.contact


def case_for_submission(submission) -> Case | None:
    if submission is None or submission.id is None:
        return None
    return db.session.scalar(select(Case).where(Case.submission_id == submission.id))

import datetime as dt

import pytest
from sqlalchemy import select

from demo.minipdf import make_pdf
from moderation.cases import triage
from moderation.cases.models import CaseEvent, CaseStatus
from portal.audit import AuditEvent
from portal.errors import DomainError
from portal.outbox import OutboxMessage
from tests.fixtures.boards import make_board, walk_to


def test_full_lifecycle_writes_events_audit_and_emails(db, board_setup):
    s = board_setup
    case = s.case
    walk_to(case, s, "closed")
    db.session.commit()
    assert case.status == CaseStatus.closed
    kinds = [e.kind for e in db.session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id))]
    assert kinds == ["route", "assign", "verification", "refer", "answer", "respond", "close"]
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"case.assign", "case.verification", "case.refer", "case.answer", "case.respond", "case.close"} <= actions
    to_resident = [m.subject for m in db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.recipient == "dan@example.vn"))]
    assert len(to_resident) == 3  # referral, answer, closure
    ref = case.referrals[0]
    assert ref.answer_due == dt.date(2026, 4, 1)  # 30 calendar days after 2 March
    assert case.referred_at and case.answered_at and case.closed_at


@pytest.mark.parametrize("status,action", [
    ("new", "verify"), ("new", "refer"), ("new", "answer"), ("new", "close"), ("new", "rate"),
    ("assigned", "refer"), ("assigned", "answer"), ("assigned", "close"),
    ("verifying", "answer"), ("verifying", "reopen"),
    ("referred", "close"), ("referred", "verify"),
    ("answered", "refer"), ("answered", "verify"),
    ("closed", "assign"), ("closed", "refer"), ("closed", "verify"), ("closed", "respond"),
])
def test_illegal_moves_refused_with_vietnamese_message(db, board_setup, status, action):
    s = board_setup
    case = s.case
    walk_to(case, s, status)
    before = case.status
    calls = {
        "verify": lambda: triage.record_verification(case, "abc", s.member),
        "refer": lambda: triage.refer_case(case, s.member, agency="UBND", sent_on=dt.date(2026, 3, 2)),
        "answer": lambda: triage.record_answer(case, s.member, answered_on=dt.date(2026, 3, 5), summary="x"),
        "close": lambda: triage.close_case(case, s.member),
        "rate": lambda: triage.rate_case(case, 5),
        "reopen": lambda: triage.reopen_case(case, "Tôi chưa đồng ý với trả lời này"),
        "assign": lambda: triage.assign_case(case, s.deputy, s.head),
        "respond": lambda: triage.publish_response(case, "abc", s.member),
    }
    with pytest.raises(DomainError) as err:
        calls[action]()
    assert "Không thể" in str(err.value) or "chỉ" in str(err.value).lower()
    assert case.status == before


def test_assignment_only_by_head_or_deputy_of_the_board(db, board_setup, make_user):
    s = board_setup
    with pytest.raises(DomainError, match="Trưởng ban"):
        triage.assign_case(s.case, s.member, s.member)
    outsider_head = make_user("board_head", "board_member")
    other = make_board(members=[(outsider_head, "head")])
    assert other.id != s.board.id
    with pytest.raises(DomainError):
        triage.assign_case(s.case, s.member, outsider_head)
    with pytest.raises(DomainError, match="thành viên của Ban"):
        triage.assign_case(s.case, outsider_head, s.head)
    triage.assign_case(s.case, s.member, s.deputy)
    assert s.case.status == CaseStatus.assigned and s.case.assignee_id == s.member.id
    triage.assign_case(s.case, s.deputy, s.head)  # reassign keeps the status
    assert s.case.status == CaseStatus.assigned and s.case.assignee_id == s.deputy.id
    assert triage.can_view_case(s.member, s.case)
    assert not triage.can_view_case(outsider_head, s.case)
    assert not triage.can_assign(s.member, s.case)


def test_notes_are_internal(db, board_setup):
    s = board_setup
    ev = triage.add_note(s.case, "Người gửi là hàng xóm của tổ trưởng", s.member)
    assert ev.public is False
    with pytest.raises(DomainError):
        triage.add_note(s.case, "   ", s.member)


def test_rate_once_after_closure(db, board_setup):
    s = board_setup
    walk_to(s.case, s, "closed")
    with pytest.raises(DomainError):
        triage.rate_case(s.case, 9)
    triage.rate_case(s.case, 4, "Cảm ơn Ban")
    assert s.case.rating == 4
    with pytest.raises(DomainError, match="một lần"):
        triage.rate_case(s.case, 5)
    assert s.case.rating == 4


def test_reopen_once(db, board_setup):
    s = board_setup
    walk_to(s.case, s, "closed")
    with pytest.raises(DomainError, match="lý do"):
        triage.reopen_case(s.case, "no")
    triage.reopen_case(s.case, "Đường vẫn ngập sau khi sửa")
    assert s.case.status == CaseStatus.reopened and s.case.reopen_count == 1
    # the board works it again and closes it
    triage.assign_case(s.case, s.member, s.head)
    triage.record_verification(s.case, "Kiểm tra lại", s.member)
    triage.publish_response(s.case, "Đã yêu cầu nhà thầu khắc phục.", s.member)
    triage.close_case(s.case, s.member)
    with pytest.raises(DomainError, match="một lần"):
        triage.reopen_case(s.case, "Vẫn chưa đồng ý với trả lời")
    assert s.case.status == CaseStatus.closed


def test_contact_reveal_only_to_the_board_and_audited(db, board_setup, make_user):
    s = board_setup
    outsider = make_user("board_member")
    with pytest.raises(DomainError):
        triage.reveal_contact(s.case, outsider, "Xác minh")
    with pytest.raises(DomainError, match="lý do"):
        triage.reveal_contact(s.case, s.member, " ")
    contact = triage.reveal_contact(s.case, s.member, "Xác minh")
    assert contact.email == "dan@example.vn"
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "case.contact_view")).actor_id == s.member.id


def test_referral_validation_and_custom_due(db, board_setup):
    s = board_setup
    walk_to(s.case, s, "verifying")
    with pytest.raises(DomainError, match="cơ quan"):
        triage.refer_case(s.case, s.member, agency=" ", sent_on="2026-03-02")
    with pytest.raises(DomainError, match="không hợp lệ"):
        triage.refer_case(s.case, s.member, agency="UBND", sent_on="abc")
    ref = triage.refer_case(s.case, s.member, agency="UBND", sent_on="02/03/2026", answer_due="2026-03-20")
    assert ref.answer_due == dt.date(2026, 3, 20)


def test_answer_with_attachment(db, board_setup):
    s = board_setup
    walk_to(s.case, s, "referred")
    pdf = make_pdf("Trả lời", ["Đồng ý"])
    ref = triage.record_answer(s.case, s.member, answered_on="2026-03-10", summary="Đồng ý", file_data=pdf,
                               file_name="tra-loi.pdf")
    assert ref.answer_file_type == "application/pdf" and ref.answer_file_sha256
    with pytest.raises(DomainError):
        triage.record_answer(s.case, s.member, answered_on="2026-03-10", summary="again")

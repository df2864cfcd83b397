"""The supervision's state changes: plan, notice rule with the holiday calendar, work, conclusion
published as a disclosure, recommendations sent and followed up, permissions."""
import datetime as dt

import pytest
from sqlalchemy import select

from moderation.documents import docx_text
from moderation.supervision import reminders, services
from moderation.supervision.documents import notice_letter_docx
from moderation.supervision.models import SupervisionStatus as S
from portal.audit import AuditEvent
from portal.errors import DomainError
from portal.extensions import db
from portal.settings import set_setting
from public_docs.disclosures.models import Disclosure, DisclosureStatus
from tests.fixtures.boards import make_board
from tests.fixtures.supervision import open_supervision, run_to_conclusion

FRI_BEFORE_HOLIDAYS = dt.date(2026, 4, 24)  # Mon 27/4, Thu 30/4 and Fri 1/5 are holidays


def test_open_records_the_plan_and_audits(sboard):
    sup = open_supervision(sboard)
    db.session.commit()
    assert sup.status == S.planned
    assert {m.id for m in sup.members} == {sboard.m_head.id, sboard.m_member.id}
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "supervision.open")) is not None


def test_only_the_boards_head_opens(sboard, make_user):
    with pytest.raises(DomainError):
        services.open_supervision(sboard.board, sboard.member, subject="x", supervised_body="y",
                                  planned_start=dt.date(2026, 5, 11))
    other_head = make_user("board_head", "board_member")
    other = make_board(kind="supervision", members=[(other_head, "head")])
    with pytest.raises(DomainError):
        services.open_supervision(sboard.board, other_head, subject="x", supervised_body="y",
                                  planned_start=dt.date(2026, 5, 11))
    services.open_supervision(other, other_head, subject="x", supervised_body="y", planned_start=dt.date(2026, 5, 11))


def test_bad_input_refused_in_vietnamese(sboard):
    with pytest.raises(DomainError, match="nội dung giám sát"):
        services.open_supervision(sboard.board, sboard.head, subject=" ", supervised_body="UBND",
                                  planned_start=dt.date(2026, 5, 11))
    with pytest.raises(DomainError, match="không được trước"):
        open_supervision(sboard, planned_end=dt.date(2026, 5, 1))


def test_notice_rule_counts_working_days_with_holidays(sboard, on_day):
    on_day(FRI_BEFORE_HOLIDAYS)
    sup = open_supervision(sboard, start=dt.date(2026, 5, 5))
    services.record_notice(sup, sboard.head, sent_on=FRI_BEFORE_HOLIDAYS, number="05/TB-BTTND")
    assert sup.status == S.notified
    # 28/4, 29/4, 4/5, 5/5, 6/5 are the five working days after the notice.
    assert services.earliest_start(FRI_BEFORE_HOLIDAYS) == dt.date(2026, 5, 6)
    with pytest.raises(DomainError, match="06/05/2026"):
        services.start_supervision(sup, sboard.head, started_on=dt.date(2026, 5, 5))
    assert sup.status == S.notified
    with pytest.raises(DomainError, match="sau ngày hôm nay"):
        services.start_supervision(sup, sboard.head, started_on=dt.date(2026, 5, 6))
    on_day(dt.date(2026, 5, 6))
    services.start_supervision(sup, sboard.head, started_on=dt.date(2026, 5, 6))
    assert sup.status == S.in_progress


def test_notice_days_is_a_setting(sboard):
    set_setting("SUPERVISION_NOTICE_WORKING_DAYS", 3)
    assert services.earliest_start(FRI_BEFORE_HOLIDAYS) == dt.date(2026, 5, 4)


def test_start_needs_a_notice(sboard):
    sup = open_supervision(sboard)
    with pytest.raises(DomainError, match="thông báo"):
        services.start_supervision(sup, sboard.head, started_on=dt.date(2026, 5, 11))


def test_notice_letter_is_a4_docx_with_the_plan(sboard, on_day):
    import io

    from docx import Document

    on_day(FRI_BEFORE_HOLIDAYS)
    sup = open_supervision(sboard, legal_basis="Căn cứ Kế hoạch số 07/KH-BTTND")
    services.record_notice(sup, sboard.head, sent_on=FRI_BEFORE_HOLIDAYS, number="05/TB-BTTND")
    data = notice_letter_docx(sup)
    text = docx_text(data)
    assert "THÔNG BÁO" in text and "UBND phường" in text and "05/TB-BTTND" in text
    assert "Sổ theo dõi niêm yết" in text and "Lê Văn Trưởng" in text and "06/05/2026" in text
    section = Document(io.BytesIO(data)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_conclusion_publishes_disclosure_and_sends_recommendations(sboard, on_day):
    sup = run_to_conclusion(sboard, on_day)
    db.session.commit()
    assert len(sup.recommendations) == 2
    with pytest.raises(DomainError, match="bí mật"):
        services.approve_conclusion(sup, sboard.head, secrecy_confirmed=False)
    db.session.rollback()
    sup = db.session.get(type(sup), sup.id)
    on_day(dt.date(2026, 3, 16))
    d = services.approve_conclusion(sup, sboard.head, secrecy_confirmed=True)
    db.session.commit()
    assert sup.status == S.concluded and sup.conclusion_disclosure_id == d.id
    d = db.session.get(Disclosure, d.id)
    assert d.status == DisclosureStatus.published and d.category == "inspection"
    assert d.issuer == sboard.board.name and d.number == "03/KL-BTTND"
    assert "Niêm yết lại kế hoạch" in d.body_html
    first, second = sup.recommendations
    assert first.sent_on == dt.date(2026, 3, 16) and first.due_on == dt.date(2026, 4, 15)
    assert second.due_on == dt.date(2026, 4, 15)  # the authority's 30 calendar days, as for cases
    assert services.recommendation_status(first, dt.date(2026, 4, 16)) == "overdue"


def test_follow_up_closes_when_all_answered(sboard, on_day):
    sup = run_to_conclusion(sboard, on_day)
    services.approve_conclusion(sup, sboard.head, secrecy_confirmed=True)
    first, second = sup.recommendations
    on_day(dt.date(2026, 3, 20))
    services.record_recommendation_answer(first, sboard.member, answered_on=dt.date(2026, 3, 19),
                                          summary="Đã niêm yết lại", accepted=True)
    assert sup.status == S.concluded
    with pytest.raises(DomainError, match="đã có trả lời"):
        services.record_recommendation_answer(first, sboard.member, answered_on=dt.date(2026, 3, 19), summary="x")
    with pytest.raises(DomainError, match="trước ngày gửi"):
        services.record_recommendation_answer(second, sboard.member, answered_on=dt.date(2026, 3, 1), summary="x")
    services.record_recommendation_answer(second, sboard.member, answered_on=dt.date(2026, 3, 20),
                                          summary="Không bổ sung vì đã có sổ điện tử", accepted=False)
    assert sup.status == S.closed and sup.closed_on == dt.date(2026, 3, 20)


def test_entries_need_the_work_started_except_notes(sboard):
    sup = open_supervision(sboard)
    services.add_entry(sup, sboard.member, kind="note", text="Chuẩn bị câu hỏi")
    with pytest.raises(DomainError):
        services.add_entry(sup, sboard.member, kind="visit", text="Làm việc")


def test_outsider_cannot_add_entries(sboard, make_user):
    sup = open_supervision(sboard)
    outsider = make_user("board_member")
    with pytest.raises(DomainError):
        services.add_entry(sup, outsider, kind="note", text="x")


def test_open_from_a_case_of_another_board_is_refused(sboard, make_user):
    from moderation.boards.routing import route_approved_petition
    from tests.fixtures.boards import make_petition

    other = make_board(kind="supervision")
    case = route_approved_petition(make_petition(), make_user("moderator"), board_id=other.id, reason="Dự án")
    with pytest.raises(DomainError, match="không thuộc Ban"):
        open_supervision(sboard, case_id=case.id)


def test_reminders_email_heads_about_overdue_recommendations(sboard, on_day):
    from portal.outbox import OutboxMessage

    sup = run_to_conclusion(sboard, on_day)
    services.approve_conclusion(sup, sboard.head, secrecy_confirmed=True)
    sent = reminders.send_recommendation_reminders(on=dt.date(2026, 4, 20))
    assert sent and sent[0]["overdue"] == 2
    msg = db.session.scalar(select(OutboxMessage).where(OutboxMessage.recipient == sboard.head.email))
    assert "Niêm yết lại kế hoạch" in msg.body


def test_admin_changes_the_notice_days_on_the_settings_page(client, sboard, make_user):
    from tests.fixtures.users import sign_in

    sign_in(client, make_user("admin"))
    page = client.get("/can-bo/ban/ngay-nghi").get_data(as_text=True)
    assert "SUPERVISION_NOTICE_WORKING_DAYS" in page
    data = {"action": "settings", "SLA_MODERATION_DAYS": "2", "SLA_BOARD_ACK_DAYS": "3",
            "SLA_BOARD_DECISION_DAYS": "15", "SLA_AUTHORITY_CALENDAR_DAYS": "30", "RETENTION_MONTHS": "24",
            "REJECTED_RETENTION_MONTHS": "6", "SUPERVISION_NOTICE_WORKING_DAYS": "3"}
    assert client.post("/can-bo/ban/ngay-nghi", data=data).status_code == 302
    assert services.notice_days() == 3


def test_cases_digest_also_sends_recommendation_reminders(runner, sboard, on_day):
    from portal.outbox import OutboxMessage

    sup = run_to_conclusion(sboard, on_day)
    services.approve_conclusion(sup, sboard.head, secrecy_confirmed=True)
    db.session.commit()
    result = runner.invoke(args=["cases", "digest", "--on", "2026-04-20"])
    assert result.exit_code == 0, result.output
    msg = db.session.scalar(select(OutboxMessage).where(OutboxMessage.recipient == sboard.head.email))
    assert msg is not None and "QUÁ HẠN" in msg.body
    result = runner.invoke(args=["supervisions", "remind"])
    assert result.exit_code == 0

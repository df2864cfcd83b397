import datetime as dt
import io

from sqlalchemy import select

from demo.minipdf import make_pdf
from moderation.cases.models import CaseStatus
from moderation.documents import docx_text
from portal.audit import AuditEvent
from tests.fixtures.boards import make_board
from tests.fixtures.users import sign_in


def test_case_list_tabs_and_other_board_hidden(client, db, board_setup, make_user):
    s = board_setup
    sign_in(client, s.member)
    page = client.get("/can-bo/ban/?tab=unassigned").get_data(as_text=True)
    assert s.submission.receipt_code in page
    assert "Xác nhận tiếp nhận" in page  # the acknowledgement clock is shown
    outsider = make_user("board_member")
    make_board(members=[(outsider, "member")])
    db.session.commit()
    sign_in(client, outsider)
    assert s.submission.receipt_code not in client.get("/can-bo/ban/?tab=all").get_data(as_text=True)
    assert client.get(f"/can-bo/ban/ho-so/{s.case.id}").status_code == 403
    anon = client.application.test_client()
    assert anon.get("/can-bo/ban/").status_code in (302, 401)


def test_workflow_through_the_pages_and_referral_letter(client, db, board_setup):
    s = board_setup
    case_id = s.case.id
    sign_in(client, s.member)
    r = client.post(f"/can-bo/ban/ho-so/{case_id}/assign", data={"assign-assignee": s.member.id})
    assert r.status_code == 400 and "Trưởng ban" in r.get_data(as_text=True)
    sign_in(client, s.head)
    assert client.post(f"/can-bo/ban/ho-so/{case_id}/assign", data={"assign-assignee": s.member.id}).status_code == 302
    sign_in(client, s.member)
    r = client.post(f"/can-bo/ban/ho-so/{case_id}/refer", data={"refer-agency": "UBND phường Hòa An",
                                                               "refer-sent_on": "2026-03-02"})
    assert r.status_code == 400 and "xác minh" in r.get_data(as_text=True)
    client.post(f"/can-bo/ban/ho-so/{case_id}/verify", data={"verify-text": "Kiểm tra hiện trường: đúng"})
    # a bad input keeps what was typed
    r = client.post(f"/can-bo/ban/ho-so/{case_id}/refer", data={"refer-agency": "UBND phường Hòa An"})
    assert r.status_code == 400 and "UBND phường Hòa An" in r.get_data(as_text=True)
    r = client.post(f"/can-bo/ban/ho-so/{case_id}/refer", data={
        "refer-agency": "UBND phường Hòa An", "refer-sent_on": "2026-03-02", "refer-document_number": "05/KN-BTTND"})
    assert r.status_code == 302
    db.session.expire_all()
    case = db.session.get(type(s.case), case_id)
    assert case.status == CaseStatus.referred
    ref = case.referrals[0]
    letter = client.get(f"/can-bo/ban/ho-so/{case_id}/kien-nghi/{ref.id}.docx")
    assert letter.status_code == 200
    text = docx_text(letter.data)
    assert "Kính gửi: UBND phường Hòa An" in text
    assert "05/KN-BTTND" in text and s.submission.receipt_code in text
    assert "01/04/2026" in text  # answer due: 30 calendar days
    assert "Kiểm tra hiện trường: đúng" in text
    assert "dan@example.vn" not in text and "0905000111" not in text
    pdf = make_pdf("Trả lời", ["Sẽ sửa"])
    r = client.post(f"/can-bo/ban/ho-so/{case_id}/answer", data={
        "answer-answered_on": "2026-03-20", "answer-answer_number": "88/UBND", "answer-summary": "Sẽ sửa",
        "answer-file": (io.BytesIO(pdf), "tra-loi.pdf")}, content_type="multipart/form-data")
    assert r.status_code == 302
    assert client.get(f"/can-bo/ban/ho-so/{case_id}/tra-loi/{ref.id}").data == pdf
    client.post(f"/can-bo/ban/ho-so/{case_id}/respond", data={"respond-text": "Đường sẽ được sửa trong quý II."})
    unconfirmed = client.post(f"/can-bo/ban/ho-so/{case_id}/close")  # one click is not enough
    assert unconfirmed.status_code == 400
    assert 'id="close-confirm-err"' in unconfirmed.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(type(s.case), case_id).status != CaseStatus.closed
    assert client.post(f"/can-bo/ban/ho-so/{case_id}/close", data={"confirm": "y"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(type(s.case), case_id).status == CaseStatus.closed


def test_contact_shown_only_on_post_and_audited(client, db, board_setup):
    s = board_setup
    sign_in(client, s.member)
    page = client.get(f"/can-bo/ban/ho-so/{s.case.id}").get_data(as_text=True)
    assert "dan@example.vn" not in page
    page = client.post(f"/can-bo/ban/ho-so/{s.case.id}/contact", data={"reason": "Hẹn xác minh"}).get_data(as_text=True)
    assert "dan@example.vn" in page and "0905000111" in page
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "case.contact_view")) is not None


def test_note_shown_to_board_only(client, db, board_setup):
    s = board_setup
    sign_in(client, s.member)
    client.post(f"/can-bo/ban/ho-so/{s.case.id}/note", data={"note-text": "GHI-CHU-BI-MAT"})
    assert "GHI-CHU-BI-MAT" in client.get(f"/can-bo/ban/ho-so/{s.case.id}").get_data(as_text=True)


def test_overdue_and_mine_tabs(client, db, board_setup):
    from moderation.boards.routing import route_approved_petition
    from moderation.cases import triage
    from tests.fixtures.boards import make_petition

    s = board_setup
    s.case.created_at = dt.datetime.now(dt.UTC) - dt.timedelta(days=60)
    fresh = route_approved_petition(make_petition(title="Kiến nghị mới hôm nay"), s.moderator)
    triage.assign_case(fresh, s.member, s.head)
    db.session.commit()
    sign_in(client, s.member)
    overdue = client.get("/can-bo/ban/?tab=overdue").get_data(as_text=True)
    assert s.submission.receipt_code in overdue and fresh.submission.receipt_code not in overdue
    assert "Quá hạn" in overdue
    mine = client.get("/can-bo/ban/?tab=mine").get_data(as_text=True)
    assert fresh.submission.receipt_code in mine and s.submission.receipt_code not in mine
    assert "Quá hạn <span class=\"count\">(1)</span>" in mine  # counts for every tab


def test_deadline_labels_follow_the_page_language(client, db, board_setup):
    """The clocks on the Board's case list read in English under ``lang=en``, in Vietnamese without."""
    s = board_setup
    s.case.created_at = dt.datetime.now(dt.UTC) - dt.timedelta(days=60)
    db.session.commit()
    sign_in(client, s.member)
    vi = client.get("/can-bo/ban/?tab=overdue").get_data(as_text=True)
    assert "ngày làm việc" in vi and "working days overdue" not in vi
    client.set_cookie("lang", "en")
    en = client.get("/can-bo/ban/?tab=overdue").get_data(as_text=True)
    assert "working days overdue" in en and "ngày làm việc" not in en
    assert "Board recommends or answers" in en

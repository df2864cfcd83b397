

from moderation import intake
from moderation.boards.routing import route_approved_petition
from moderation.cases import triage
from moderation.intake.models import Topic
from portal.ward import ResidentialGroup
from tests.fixtures.boards import make_petition, walk_to


def test_public_petitions_show_response_not_notes_or_personal_data(client, db, board_setup):
    s = board_setup
    triage.add_note(s.case, "GHI-CHU-NOI-BO", s.member)
    walk_to(s.case, s, "verifying")
    triage.record_verification(s.case, "XAC-MINH-NOI-BO", s.member)
    triage.publish_response(s.case, "Ban đã đề nghị sửa đường.", s.member)
    private = make_petition(title="Kiến nghị riêng tư", visibility="private")
    route_approved_petition(private, s.moderator)
    anon = make_petition(title="Đèn đường hỏng", visibility="anonymous", display_name="Ẩn Danh Tên")
    route_approved_petition(anon, s.moderator)
    make_petition(title="Chưa duyệt", status="received")
    s.submission.receipt_code = intake.new_receipt_code()  # the tracking page takes real codes only
    db.session.commit()
    page = client.get("/kien-nghi").get_data(as_text=True)
    assert "Đường ngập nước" in page and "Đèn đường hỏng" in page
    assert "Nguyễn Văn Dân" in page  # named: display name shown
    assert "Ẩn Danh Tên" not in page
    assert "Kiến nghị riêng tư" not in page and "Chưa duyệt" not in page
    assert "Ban đã đề nghị sửa đường." in page
    for secret in ("GHI-CHU-NOI-BO", "XAC-MINH-NOI-BO", "dan@example.vn", "0905000111", "12 Lê Lợi",
                   s.submission.receipt_code):
        assert secret not in page
    detail = client.get(f"/kien-nghi/{s.submission.id}").get_data(as_text=True)
    assert "Ban đã đề nghị sửa đường." in detail
    for secret in ("GHI-CHU-NOI-BO", "XAC-MINH-NOI-BO", "dan@example.vn", s.submission.receipt_code):
        assert secret not in detail
    assert client.get(f"/kien-nghi/{private.id}").status_code == 404
    tracking = client.get(f"/tra-cuu/{s.submission.receipt_code}").get_data(as_text=True)
    assert "Ban đã đề nghị sửa đường." in tracking
    for secret in ("GHI-CHU-NOI-BO", "XAC-MINH-NOI-BO", "dan@example.vn", "0905000111"):
        assert secret not in tracking


def test_public_search_is_diacritic_insensitive_and_filters(client, db, board_setup):
    s = board_setup
    topic = Topic(code="t-env2", name="Môi trường")
    g = ResidentialGroup(code="TDP09", name="Tổ dân phố 9")
    db.session.add_all([topic, g])
    db.session.flush()
    other = make_petition(title="Rác thải tồn đọng", topic=topic, group=g)
    route_approved_petition(other, s.moderator)
    db.session.commit()
    page = client.get("/kien-nghi?q=duong+ngap").get_data(as_text=True)
    assert "Đường ngập nước" in page and "Rác thải" not in page
    page = client.get(f"/kien-nghi?topic={topic.id}").get_data(as_text=True)
    assert "Rác thải" in page and "Đường ngập nước" not in page
    page = client.get(f"/kien-nghi?group={g.id}&status=new").get_data(as_text=True)
    assert "Rác thải" in page


def test_tracking_partial_rate_once_and_dispute_once(client, db, board_setup):
    s = board_setup
    code = s.submission.receipt_code = intake.new_receipt_code()  # the tracking page takes real codes only
    walk_to(s.case, s, "closed")
    db.session.commit()
    page = client.get(f"/tra-cuu/{code}").get_data(as_text=True)
    assert "UBND phường sẽ sửa đường trong quý II." in page
    assert "Gửi đánh giá" in page and "xem xét lại" in page
    r = client.post(f"/tra-cuu/{code}/danh-gia", data={"rating": "9", "comment": "Giữ lại nhận xét"})
    assert r.status_code == 400 and "Giữ lại nhận xét" in r.get_data(as_text=True)
    assert client.post(f"/tra-cuu/{code}/danh-gia", data={"rating": "4", "comment": "Tốt"}).status_code == 302
    r = client.post(f"/tra-cuu/{code}/danh-gia", data={"rating": "5"})
    assert r.status_code == 400 and "một lần" in r.get_data(as_text=True)
    db.session.expire_all()
    case = triage.case_for_submission(s.submission)
    assert case.rating == 4
    assert "Gửi đánh giá" not in client.get(f"/tra-cuu/{code}").get_data(as_text=True)
    assert client.post(f"/tra-cuu/{code}/xem-xet-lai", data={"reason": "Đường vẫn còn ngập khi mưa"}).status_code == 302
    db.session.expire_all()
    case = triage.case_for_submission(s.submission)
    assert case.status.value == "reopened"
    assert client.post("/tra-cuu/KHONG-CO/danh-gia", data={"rating": "4"}).status_code == 404


def test_project_board_partial(app, db, make_user):
    from flask import render_template_string

    from tests.fixtures.boards import add_member, make_board, make_project

    project = make_project()
    head = make_user("board_member", name="Lê Văn Giám Sát")
    board = make_board(project=project, name="Ban giám sát dự án đường")
    add_member(board, head, "head")
    with app.test_request_context():
        html = render_template_string('{% include "moderation/_project_board.html" %}', d=project)
    assert "Ban giám sát dự án đường" in html and "Lê Văn Giám Sát" in html and head.email not in html

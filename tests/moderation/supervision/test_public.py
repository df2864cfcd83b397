"""The public Board page and the API: status, recommendations once sent, no personal data."""

from moderation.supervision import services
from portal.extensions import db
from tests.fixtures.boards import add_member
from tests.fixtures.supervision import run_to_conclusion

FIELDS = {"id", "board", "subject", "supervised_body", "planned_start", "notice_sent_on", "status",
          "conclusion_disclosure_id", "recommendations"}


def test_board_page_lists_members_without_contacts(client, sboard):
    m = add_member(sboard.board, None, "member")
    m.name = "Nguyễn Thị Không Tài Khoản"
    db.session.commit()
    page = client.get(f"/cac-ban/{sboard.board.id}").get_data(as_text=True)
    assert "Lê Văn Trưởng" in page and "Nguyễn Thị Không Tài Khoản" in page and "Trưởng ban" in page
    assert sboard.head.email not in page and "@" not in page.split("<main", 1)[-1].split("</main>")[0]
    assert client.get("/cac-ban").status_code == 200


def test_api_shows_the_issue_fields_and_no_draft_recommendations(client, sboard, on_day):
    sup = run_to_conclusion(sboard, on_day)
    db.session.commit()
    body = client.get(f"/api/v1/supervisions/{sup.id}").get_json()
    assert set(body) == FIELDS and body["status"] == "in_progress" and body["recommendations"] == []
    services.approve_conclusion(sup, sboard.head, secrecy_confirmed=True)
    db.session.commit()
    body = client.get(f"/api/v1/supervisions/{sup.id}").get_json()
    assert body["status"] == "concluded" and body["conclusion_disclosure_id"]
    assert body["notice_sent_on"] == "2026-03-02"
    assert [set(r) for r in body["recommendations"]] == [{"text", "addressee", "due_on", "status"}] * 2
    listing = client.get("/api/v1/supervisions?status=concluded").get_json()
    assert listing["total"] == 1 and listing["items"][0]["id"] == sup.id
    text = client.get("/api/v1/supervisions").get_data(as_text=True)
    assert sboard.head.email not in text and "Bảng tin TDP 5" not in text  # members' notes stay private
    page = client.get(f"/cac-ban/{sboard.board.id}").get_data(as_text=True)
    assert "Đã kết luận, theo dõi kiến nghị" in page and "Niêm yết lại kế hoạch" in page


def test_api_refuses_bad_parameters(client, db):
    assert client.get("/api/v1/supervisions?status=nope").status_code == 400
    assert client.get("/api/v1/supervisions?page=0").status_code == 400
    assert client.get("/api/v1/supervisions/999").status_code == 404

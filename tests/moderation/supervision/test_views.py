"""The staff pages: a Board head plans, notifies, starts, records, concludes and follows up through
plain HTML forms (no JavaScript); other Boards' staff see nothing."""
import datetime as dt

from sqlalchemy import select

from moderation.supervision.models import Supervision
from moderation.supervision.models import SupervisionStatus as S
from portal.extensions import db
from tests.fixtures.users import sign_in


def test_full_flow_through_the_pages(client, sboard, on_day):
    sign_in(client, sboard.head)
    on_day(dt.date(2026, 3, 2))
    page = client.get("/can-bo/ban/giam-sat/moi")
    assert page.status_code == 200 and "Lập kế hoạch giám sát" in page.get_data(as_text=True)
    r = client.post("/can-bo/ban/giam-sat/moi", data={
        "board_id": sboard.board.id, "subject": "Việc sử dụng các khoản đóng góp",
        "supervised_body": "Ban công tác Mặt trận TDP 3",
        "planned_start": "2026-03-09", "member_ids": [sboard.m_head.id, sboard.m_member.id],
        "documents_requested": "Sổ thu chi",
    })
    assert r.status_code == 302
    sup = db.session.scalar(select(Supervision))
    base = f"/can-bo/ban/giam-sat/{sup.id}"
    assert client.post(f"{base}/notice", data={"sent_on": "2026-03-02", "number": "02/TB"}).status_code == 302
    on_day(dt.date(2026, 3, 9))
    r = client.post(f"{base}/start", data={"started_on": "2026-03-06"})
    assert r.status_code == 400 and "09/03/2026" in r.get_data(as_text=True)
    assert client.post(f"{base}/start", data={"started_on": "2026-03-09"}).status_code == 302
    on_day(dt.date(2026, 3, 12))
    assert client.post(f"{base}/entry", data={"kind": "meeting", "happened_on": "2026-03-10",
                                              "text": "Họp với Ban công tác Mặt trận"}).status_code == 302
    r = client.post(f"{base}/conclusion", data={
        "number": "04/KL-BTTND", "findings": "Thu chi đúng mục đích, chậm công khai.",
        "recommendations-0-text": "Công khai thu chi hằng quý",
        "recommendations-0-addressee": "Ban công tác Mặt trận TDP 3",
        "recommendations-0-due_on": "2026-04-30",
    })
    assert r.status_code == 302
    assert client.post(f"{base}/approve",
                       data={"ap-number": "04/KL-BTTND", "ap-secrecy_confirmed": "y"}).status_code == 302
    db.session.expire_all()
    sup = db.session.get(Supervision, sup.id)
    assert sup.status == S.concluded and sup.conclusion_disclosure_id
    rec = sup.recommendations[0]
    on_day(dt.date(2026, 4, 2))
    r = client.post(f"/can-bo/ban/giam-sat/kien-nghi/{rec.id}/tra-loi", data={
        f"a{rec.id}-answered_on": "2026-04-01", f"a{rec.id}-summary": "Đã công khai quý I", f"a{rec.id}-accepted": "1"})
    assert r.status_code == 302
    db.session.expire_all()
    assert db.session.get(Supervision, sup.id).status == S.closed
    page = client.get(base).get_data(as_text=True)
    assert "Đã kết thúc" in page and "Đã công khai quý I" in page
    letter = client.get(f"{base}/thong-bao.docx")
    assert letter.status_code == 200 and letter.data[:2] == b"PK"


def test_bad_input_keeps_what_was_typed(client, sboard):
    sign_in(client, sboard.head)
    r = client.post("/can-bo/ban/giam-sat/moi", data={
        "board_id": sboard.board.id, "subject": "Giám sát niêm yết", "supervised_body": "",
        "planned_start": "31/02/2026"})
    body = r.get_data(as_text=True)
    assert r.status_code == 400 and "Giám sát niêm yết" in body


def test_other_boards_staff_get_404(client, sboard, make_user):
    from moderation.supervision import services

    sup = services.open_supervision(sboard.board, sboard.head, subject="S", supervised_body="B",
                                    planned_start=dt.date(2026, 5, 11))
    db.session.commit()
    sign_in(client, make_user("board_head", "board_member"))
    assert client.get(f"/can-bo/ban/giam-sat/{sup.id}").status_code == 404
    assert "Chỉ Trưởng ban" in client.get("/can-bo/ban/giam-sat/moi").get_data(as_text=True)
    assert client.post("/can-bo/ban/giam-sat/moi", data={"board_id": sboard.board.id, "subject": "X",
                                                         "supervised_body": "Y", "planned_start": "2026-05-11"}
                       ).status_code == 200
    assert db.session.scalar(select(Supervision).where(Supervision.subject == "X")) is None
    assert "S</a>" not in client.get("/can-bo/ban/giam-sat/").get_data(as_text=True)


def test_member_cannot_notify(client, sboard):
    from moderation.supervision import services

    sup = services.open_supervision(sboard.board, sboard.head, subject="S", supervised_body="B",
                                    planned_start=dt.date(2026, 5, 11))
    db.session.commit()
    sign_in(client, sboard.member)
    r = client.post(f"/can-bo/ban/giam-sat/{sup.id}/notice", data={"sent_on": "2026-03-02"})
    assert r.status_code == 400
    db.session.expire_all()
    assert db.session.get(Supervision, sup.id).status == S.planned


def test_plan_from_a_case_of_the_board(client, sboard, make_user):
    from moderation.boards.routing import route_approved_petition
    from tests.fixtures.boards import make_petition

    case = route_approved_petition(make_petition(), make_user("moderator"))
    db.session.commit()
    sign_in(client, sboard.head)
    case_page = client.get(f"/can-bo/ban/ho-so/{case.id}").get_data(as_text=True)
    assert f"/can-bo/ban/giam-sat/moi?case={case.id}" in case_page
    form = client.get(f"/can-bo/ban/giam-sat/moi?case={case.id}").get_data(as_text=True)
    assert f'value="{case.id}"' in form
    r = client.post("/can-bo/ban/giam-sat/moi", data={
        "board_id": sboard.board.id, "subject": "Giám sát việc giải quyết kiến nghị", "supervised_body": "UBND phường",
        "planned_start": "2026-05-11", "case_id": str(case.id)})
    assert r.status_code == 302
    assert db.session.scalar(select(Supervision)).case_id == case.id


def test_edit_plan_until_the_notice(client, sboard, on_day):
    from moderation.supervision import services

    on_day(dt.date(2026, 4, 24))
    sup = services.open_supervision(sboard.board, sboard.head, subject="S", supervised_body="B",
                                    planned_start=dt.date(2026, 5, 5))
    db.session.commit()
    sign_in(client, sboard.head)
    page = client.get(f"/can-bo/ban/giam-sat/{sup.id}").get_data(as_text=True)
    assert "đã quá gần" in page and "06/05/2026" in page  # a notice today allows 6/5 at the earliest
    r = client.post(f"/can-bo/ban/giam-sat/{sup.id}/sua", data={
        "board_id": sboard.board.id, "subject": "S2", "supervised_body": "B", "planned_start": "2026-05-11",
        "member_ids": [sboard.m_member.id]})
    assert r.status_code == 302
    db.session.expire_all()
    sup = db.session.get(Supervision, sup.id)
    assert (sup.subject == "S2" and sup.planned_start == dt.date(2026, 5, 11)
            and [m.id for m in sup.members] == [sboard.m_member.id])
    services.record_notice(sup, sboard.head, sent_on=dt.date(2026, 4, 24))
    db.session.commit()
    r = client.post(f"/can-bo/ban/giam-sat/{sup.id}/sua", data={
        "board_id": sboard.board.id, "subject": "S3", "supervised_body": "B", "planned_start": "2026-05-11"})
    assert r.status_code == 400 and "S3" in r.get_data(as_text=True)

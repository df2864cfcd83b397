"""The supervision pages pass the suite's server-side structure checks (one h1, labelled fields,
unique ids, errors tied to fields) at every step, and on their error pages."""
import datetime as dt

from security.htmlcheck import structure_problems

from moderation.supervision import services
from portal.extensions import db
from tests.fixtures.boards import make_board, make_project
from tests.fixtures.supervision import run_to_conclusion
from tests.fixtures.users import sign_in


def _check(client, url, staff=True, method="GET", data=None, status=200):
    r = client.get(url) if method == "GET" else client.post(url, data=data or {})
    assert r.status_code == status, url
    problems = structure_problems(r.get_data(as_text=True), staff=staff)
    assert not problems, f"{url}: {problems}"


def test_pages_at_every_step(client, sboard, on_day):
    sign_in(client, sboard.head)
    on_day(dt.date(2026, 3, 2))
    sup = services.open_supervision(sboard.board, sboard.head, subject="S", supervised_body="B",
                                    planned_start=dt.date(2026, 3, 9), member_ids=[sboard.m_head.id])
    db.session.commit()
    base = f"/can-bo/ban/giam-sat/{sup.id}"
    _check(client, "/can-bo/ban/giam-sat/")
    _check(client, "/can-bo/ban/giam-sat/moi")
    _check(client, "/can-bo/ban/giam-sat/moi", method="POST", data={"board_id": sboard.board.id}, status=400)
    _check(client, base)
    _check(client, f"{base}/sua")
    _check(client, f"{base}/notice", method="POST", data={"sent_on": "x"}, status=400)
    services.record_notice(sup, sboard.head, sent_on=dt.date(2026, 3, 2))
    db.session.commit()
    _check(client, base)
    _check(client, f"{base}/start", method="POST", data={"started_on": "2026-03-03"}, status=400)
    sup2 = run_to_conclusion(sboard, on_day)
    db.session.commit()
    _check(client, f"/can-bo/ban/giam-sat/{sup2.id}")
    _check(client, f"/can-bo/ban/giam-sat/{sup2.id}/conclusion", method="POST", data={}, status=400)
    services.approve_conclusion(sup2, sboard.head, secrecy_confirmed=True)
    db.session.commit()
    _check(client, f"/can-bo/ban/giam-sat/{sup2.id}")
    rec = sup2.recommendations[0]
    _check(client, f"/can-bo/ban/giam-sat/kien-nghi/{rec.id}/tra-loi", method="POST", data={}, status=400)
    _check(client, f"/cac-ban/{sboard.board.id}", staff=False)
    _check(client, "/cac-ban", staff=False)


def test_project_page(client, db, make_user):
    head = make_user("board_head", "board_member")
    board = make_board(project=make_project(), members=[(head, "head")])
    db.session.commit()
    sign_in(client, head)
    _check(client, f"/can-bo/ban/giam-sat/du-an/{board.id}")
    _check(client, f"/can-bo/ban/giam-sat/du-an/{board.id}/bao-cao", method="POST", data={}, status=400)

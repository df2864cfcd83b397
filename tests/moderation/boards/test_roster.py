import datetime as dt

import pytest

from moderation.boards import roster
from moderation.boards.routing import get_inspection_board
from portal.errors import DomainError
from portal.ward import ResidentialGroup
from tests.fixtures.boards import add_member, make_board, make_project
from tests.fixtures.users import sign_in

ON = dt.date(2026, 6, 1)


def _groups(db, n):
    gs = [ResidentialGroup(code=f"T{i}", name=f"Tổ {i}", position=i) for i in range(1, n + 1)]
    db.session.add_all(gs)
    db.session.flush()
    return gs


def test_inspection_board_warnings(db, make_user):
    g1, g2 = _groups(db, 2)
    board = get_inspection_board()
    w = roster.roster_warnings(board, ON)
    assert any("ít nhất 5" in x for x in w)
    assert any("Trưởng ban" in x for x in w) and any("Phó Trưởng ban" in x for x in w)
    assert any("Tổ 1" in x and "Tổ 2" in x for x in w)
    users = [make_user("board_member") for _ in range(5)]
    add_member(board, users[0], "head", g1)
    add_member(board, users[1], "deputy", g2)
    for u in users[2:]:
        add_member(board, u, "member", g1)
    assert roster.roster_warnings(board, ON) == []
    # a member whose term ended no longer counts
    board.members[4].term_end = dt.date(2026, 1, 1)
    assert any("ít nhất 5" in x for x in roster.roster_warnings(board, ON))


def test_vacancy_with_six_months_left_warns(db, make_user):
    board = make_board(members=[(make_user("board_member"), "head")])
    add_member(board, None, "member", term_end=dt.date(2026, 12, 31))
    assert any("khuyết" in x for x in roster.roster_warnings(board, ON))
    board.members[-1].term_end = dt.date(2026, 10, 1)  # four months left: no election needed
    assert not any("khuyết" in x for x in roster.roster_warnings(board, ON))


def test_supervision_board_limits(db, make_user):
    board = make_board(members=[(make_user("board_member"), "head")])
    for _ in range(3):
        add_member(board, make_user("board_member"), "deputy")
    add_member(board, make_user("board_member"), "member")
    add_member(board, make_user("board_member"), "member")
    w = roster.roster_warnings(board, ON)
    assert any("tối đa 5" in x for x in w) and any("tối đa 2" in x for x in w)


def test_roster_page_edit_rights(client, db, make_user):
    head = make_user("board_head", "board_member")
    member = make_user("board_member")
    board = get_inspection_board()
    add_member(board, head, "head")
    db.session.commit()
    sign_in(client, member)
    page = client.get("/can-bo/ban/thanh-vien").get_data(as_text=True)
    assert "chưa đáp ứng" in page
    assert client.post(f"/can-bo/ban/ban/{board.id}/thanh-vien", data={f"add{board.id}-user_id": member.id,
                       f"add{board.id}-position": "member", f"add{board.id}-group_id": 0}).status_code == 403
    sign_in(client, head)
    r = client.post(f"/can-bo/ban/ban/{board.id}/thanh-vien", data={
        f"add{board.id}-user_id": member.id, f"add{board.id}-position": "deputy", f"add{board.id}-group_id": 0,
        f"add{board.id}-term_start": "2026-01-01", f"add{board.id}-term_end": "2028-12-31"})
    assert r.status_code == 302
    db.session.refresh(board)
    assert [m.position for m in board.members] == ["head", "deputy"]


def test_attach_supervision_board_to_project(client, db, make_user):
    admin = make_user("admin")
    project = make_project()
    db.session.commit()
    sign_in(client, admin)
    assert client.post("/can-bo/ban/ban-giam-sat", data={"sup-project_id": project.id}).status_code == 302
    r = client.post("/can-bo/ban/ban-giam-sat", data={"sup-project_id": project.id})
    assert r.status_code == 400
    from moderation.boards.routing import project_board

    assert project_board(project.id) is not None
    with pytest.raises(DomainError):
        roster.create_supervision_board(project, admin)


def test_holiday_admin(client, db, make_user):
    from moderation.cases.models import Holiday

    sign_in(client, make_user("admin"))
    assert client.post("/can-bo/ban/ngay-nghi", data={"day": "2026-03-10", "name": "Nghỉ bù"}).status_code == 302
    assert db.session.get(Holiday, dt.date(2026, 3, 10)).name == "Nghỉ bù"
    r = client.post("/can-bo/ban/ngay-nghi", data={"day": "2026-03-10", "name": "Trùng"})
    assert r.status_code == 400 and "đã có" in r.get_data(as_text=True)
    client.post("/can-bo/ban/ngay-nghi", data={"remove": "2026-03-10"})
    db.session.expire_all()
    assert db.session.get(Holiday, dt.date(2026, 3, 10)) is None


def test_sla_settings_admin(client, db, make_user):
    from moderation.cases import deadlines

    sign_in(client, make_user("admin"))
    data = {"action": "settings", "SLA_MODERATION_DAYS": "2", "SLA_BOARD_ACK_DAYS": "3",
            "SLA_BOARD_DECISION_DAYS": "15", "SLA_AUTHORITY_CALENDAR_DAYS": "45", "RETENTION_MONTHS": "24",
            "REJECTED_RETENTION_MONTHS": "6", "SUPERVISION_NOTICE_WORKING_DAYS": "5"}
    assert client.post("/can-bo/ban/ngay-nghi", data=data).status_code == 302
    assert deadlines.sla_days("board_ack") == 3 and deadlines.sla_days("authority") == 45
    r = client.post("/can-bo/ban/ngay-nghi", data={**data, "SLA_BOARD_ACK_DAYS": "abc"})
    assert r.status_code == 400 and "abc" in r.get_data(as_text=True)
    assert deadlines.sla_days("board_ack") == 3

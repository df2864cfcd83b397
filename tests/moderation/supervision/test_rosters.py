"""Rosters as the law has them: members without accounts, warnings and firm rules, two Inspection
Boards, a 41-member roster page."""
import datetime as dt

import pytest

from moderation.boards import roster
from moderation.boards.routing import get_inspection_board, route_approved_petition
from portal.errors import DomainError
from portal.extensions import db
from portal.ward import ResidentialGroup
from tests.fixtures.boards import make_board, make_petition, make_project
from tests.fixtures.users import sign_in

ON = dt.date(2026, 6, 1)


def _groups(n):
    gs = [ResidentialGroup(code=f"R{i}", name=f"Tổ R{i}", position=100 + i) for i in range(1, n + 1)]
    db.session.add_all(gs)
    db.session.flush()
    return gs


def test_members_without_accounts_fill_the_board(db, make_user):
    board = get_inspection_board()
    groups = _groups(3)
    head = make_user("board_head", "board_member")
    roster.add_member(board, head, user_id=head.id, position="head", group_id=groups[0].id)
    roster.add_member(board, head, name="Phạm Thị Phó", position="deputy", group_id=groups[0].id)
    for i, g in enumerate(groups):
        roster.add_member(board, head, name=f"Người dân {i}", group_id=g.id)
    assert roster.roster_warnings(board, ON) == []
    vacant = roster.add_member(board, head, position="member", term_end=dt.date(2030, 1, 1))
    assert not roster.is_filled(vacant)


def test_ward_office_holder_is_refused_and_staff_accounts_flagged(db, make_user):
    board = get_inspection_board()
    with pytest.raises(DomainError, match="chức vụ ở phường"):
        roster.add_member(board, None, name="Chủ tịch UBND", holds_ward_office=True)
    editor = make_user("editor", "board_member", name="Biên Tập Viên")
    roster.add_member(board, None, user_id=editor.id)
    assert any("Biên Tập Viên" in w and "cán bộ phường" in w for w in roster.roster_warnings(board, ON))


def test_inspection_term_at_most_five_years_and_shared(db):
    board = get_inspection_board()
    with pytest.raises(DomainError, match="5 năm"):
        roster.add_member(board, None, name="A", term_start=dt.date(2025, 10, 1), term_end=dt.date(2031, 10, 1))
    roster.add_member(board, None, name="A", term_start=dt.date(2025, 10, 1), term_end=dt.date(2030, 9, 30))
    roster.add_member(board, None, name="B", term_start=dt.date(2026, 1, 1), term_end=dt.date(2030, 9, 30))
    assert any("Nhiệm kỳ" in w for w in roster.roster_warnings(board, ON))


def test_investment_board_area_members_and_deputies_enforced(db):
    inside, outside = _groups(2)
    project = make_project()
    project.groups = [inside]
    board = make_board(project=project)
    with pytest.raises(DomainError, match="địa bàn dự án"):
        roster.add_member(board, None, name="Ở xa", group_id=outside.id)
    roster.add_member(board, None, name="Trưởng", position="head", group_id=inside.id)
    roster.add_member(board, None, name="Phó 1", position="deputy", group_id=inside.id)
    roster.add_member(board, None, name="Phó 2", position="deputy", group_id=inside.id)
    with pytest.raises(DomainError, match="tối đa 2 Phó"):
        roster.add_member(board, None, name="Phó 3", position="deputy", group_id=inside.id)
    roster.add_member(board, None, name="TV 1", group_id=inside.id)
    roster.add_member(board, None, name="TV 2", group_id=inside.id)
    with pytest.raises(DomainError, match="tối đa 5"):
        roster.add_member(board, None, name="TV 3", group_id=inside.id)


def test_routing_with_two_inspection_boards(db, make_user):
    ward_board = get_inspection_board()
    office_board = make_board(kind="inspection", name="Ban Thanh tra nhân dân cơ quan UBND phường")
    moderator = make_user("moderator")
    case = route_approved_petition(make_petition(), moderator)
    assert case.board_id == ward_board.id
    other = route_approved_petition(make_petition(), moderator, board_id=office_board.id,
                                    reason="Kiến nghị về cán bộ cơ quan")
    assert other.board_id == office_board.id
    assert get_inspection_board().id == ward_board.id


def test_roster_page_with_41_members(client, db, make_user):
    admin = make_user("admin")
    board = get_inspection_board()
    for i in range(41):
        roster.add_member(board, admin, name=f"Thành viên số {i:02d}", position="head" if i == 0 else "member")
    db.session.commit()
    sign_in(client, admin)
    page = client.get("/can-bo/ban/thanh-vien").get_data(as_text=True)
    assert all(f"Thành viên số {i:02d}" in page for i in range(41))
    public = client.get(f"/cac-ban/{board.id}").get_data(as_text=True)
    assert "Thành viên số 40" in public


def test_roster_form_adds_a_member_without_account(client, db, make_user):
    head = make_user("board_head", "board_member")
    board = get_inspection_board()
    roster.add_member(board, head, user_id=head.id, position="head")
    db.session.commit()
    sign_in(client, head)
    p = f"add{board.id}"
    r = client.post(f"/can-bo/ban/ban/{board.id}/thanh-vien", data={
        f"{p}-name": "Đỗ Văn Dân", f"{p}-user_id": 0, f"{p}-position": "member", f"{p}-group_id": 0})
    assert r.status_code == 302
    r = client.post(f"/can-bo/ban/ban/{board.id}/thanh-vien", data={
        f"{p}-name": "Chủ tịch", f"{p}-user_id": 0, f"{p}-position": "member", f"{p}-group_id": 0,
        f"{p}-holds_ward_office": "y"})
    assert r.status_code == 400 and "chức vụ ở phường" in r.get_data(as_text=True)
    db.session.refresh(board)
    assert [m.name for m in board.members] == ["", "Đỗ Văn Dân"]

import datetime as dt

import pytest

from moderation.boards.routing import get_inspection_board
from moderation.cases import deadlines
from tests.fixtures.boards import add_member


@pytest.fixture
def on_day(monkeypatch):
    """``on_day(date)`` sets the ward's today for the deadlines and the services."""

    def _set(day: dt.date):
        monkeypatch.setattr(deadlines, "today", lambda: day)
        return day

    return _set


@pytest.fixture
def sboard(db, make_user):
    """The Inspection Board with a head, a member, an outsider head of another Board."""
    head = make_user("board_head", "board_member", name="Lê Văn Trưởng")
    member = make_user("board_member", name="Trần Thị Viên")
    board = get_inspection_board()
    m_head = add_member(board, head, "head")
    m_member = add_member(board, member, "member")
    db.session.commit()
    return type("Setup", (), {"head": head, "member": member, "board": board, "m_head": m_head, "m_member": m_member})

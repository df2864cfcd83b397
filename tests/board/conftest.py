import pytest

from moderation.boards.routing import get_inspection_board, route_approved_petition
from tests.board.factories import add_member, make_petition


@pytest.fixture
def board_setup(db, make_user):
    """The inspection board with a head, a deputy and a member; a routed case."""
    head = make_user("board_head", "board_member", name="Trưởng Ban")
    deputy = make_user("board_member", name="Phó Ban")
    member = make_user("board_member", name="Thành Viên")
    board = get_inspection_board()
    add_member(board, head, "head")
    add_member(board, deputy, "deputy")
    add_member(board, member, "member")
    moderator = make_user("moderator")
    sub = make_petition()
    case = route_approved_petition(sub, moderator)
    db.session.commit()
    return type("Setup", (), dict(head=head, deputy=deputy, member=member, board=board, case=case,
                                  submission=sub, moderator=moderator))

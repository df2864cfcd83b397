from sqlalchemy import select

from moderation.boards.models import Board, BoardKind
from moderation.boards.roster import roster_warnings
from moderation.cases.models import Case, CaseStatus


def test_demo_load_builds_boards_members_and_cases(runner, db):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    board = db.session.scalar(select(Board).where(Board.kind == BoardKind.inspection))
    emails = set()
    from portal.accounts.models import User

    for m in board.members:
        if m.user_id:
            emails.add(db.session.get(User, m.user_id).email)
    assert {"truongban@demo.phuong.vn", "thanhvien@demo.phuong.vn"} <= emails
    warnings = roster_warnings(board)
    assert any("khuyết" in w for w in warnings)  # one member seat stays vacant with years of term left
    named = [m for m in board.members if m.name and m.user_id is None]
    assert len([m for m in board.members if m.user_id or m.name]) >= 7 and len(named) >= 3
    statuses = {c.status for c in db.session.scalars(select(Case))}
    assert CaseStatus.closed in statuses and CaseStatus.referred in statuses

import pytest
from sqlalchemy import select

from moderation.boards.models import Board, BoardKind
from moderation.boards.routing import get_inspection_board, route_approved_petition
from moderation.cases.models import Case, CaseEvent, CaseStatus
from portal.audit import AuditEvent
from portal.errors import DomainError
from portal.outbox import OutboxMessage
from tests.fixtures.boards import add_member, make_board, make_petition, make_project


def test_seed_creates_inspection_board_and_holidays(db):
    import datetime as dt

    from moderation.cases.models import Holiday

    boards = db.session.scalars(select(Board).where(Board.kind == BoardKind.inspection)).all()
    assert len(boards) == 1
    assert db.session.get(Holiday, dt.date(2026, 2, 17)) is not None


def test_petition_without_project_goes_to_inspection_board_and_emails_members(db, make_user):
    head = make_user("board_head", "board_member")
    member = make_user("board_member")
    board = get_inspection_board()
    add_member(board, head, "head")
    add_member(board, member, "member")
    add_member(board, None, "member")  # vacancy: nobody to email
    moderator = make_user("moderator")
    sub = make_petition()
    case = route_approved_petition(sub, moderator)
    db.session.commit()
    assert case.board_id == board.id
    assert case.status == CaseStatus.new
    events = db.session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id)).all()
    assert [e.kind for e in events] == ["route"]
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "case.route")).actor_id == moderator.id
    recipients = sorted(m.recipient for m in db.session.scalars(select(OutboxMessage)))
    assert recipients == sorted([head.email, member.email])
    assert sub.receipt_code in db.session.scalars(select(OutboxMessage)).first().subject


def test_petition_naming_project_goes_to_its_supervision_board(db, make_user):
    project = make_project()
    sboard = make_board(project=project)
    sub = make_petition(disclosure_id=project.id)
    case = route_approved_petition(sub, make_user("moderator"))
    assert case.board_id == sboard.id


def test_project_without_board_falls_back_to_inspection_board(db, make_user):
    project = make_project()
    sub = make_petition(disclosure_id=project.id)
    case = route_approved_petition(sub, make_user("moderator"))
    assert case.board_id == get_inspection_board().id


def test_inspection_board_created_on_demand(db, make_user):
    for b in db.session.scalars(select(Board)):
        db.session.delete(b)
    db.session.flush()
    case = route_approved_petition(make_petition(), make_user("moderator"))
    assert case.board.kind == BoardKind.inspection


def test_override_needs_reason(db, make_user):
    project = make_project()
    sboard = make_board(project=project)
    sub = make_petition()
    mod = make_user("moderator")
    with pytest.raises(DomainError, match="lý do"):
        route_approved_petition(sub, mod, board_id=sboard.id)
    case = route_approved_petition(sub, mod, board_id=sboard.id, reason="Liên quan thi công dự án")
    assert case.board_id == sboard.id
    assert "Liên quan thi công dự án" in case.routing_reason


def test_override_unknown_board_and_double_routing_refused(db, make_user):
    sub = make_petition()
    mod = make_user("moderator")
    with pytest.raises(DomainError):
        route_approved_petition(sub, mod, board_id=9999, reason="x")
    route_approved_petition(sub, mod)
    with pytest.raises(DomainError, match="đã được chuyển"):
        route_approved_petition(sub, mod)
    assert db.session.scalar(select(Case).where(Case.submission_id == sub.id)) is not None


def test_rejected_petition_not_routed(db, make_user):
    sub = make_petition(status="rejected")
    with pytest.raises(DomainError):
        route_approved_petition(sub, make_user("moderator"))

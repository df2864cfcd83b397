"""Routing an approved petition to a Board: the project's Community Investment Supervision Board
when the petition names a project that has one, else the People's Inspection Board."""
from __future__ import annotations

from sqlalchemy import select

from moderation.cases import texts
from portal import audit
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from portal.sanitize import clean_text

INSPECTION_BOARD_NAME = "Ban Thanh tra nhân dân"


def get_inspection_board(create: bool = True):
    """The ward's People's Inspection Board, where petitions go by default (created on demand). A
    ward may elect more than one (e.g. one inside the ward office): the first one created is the
    ward's, and moderators route to the others by choosing them."""
    from moderation.boards.models import Board, BoardKind

    board = db.session.scalar(
        select(Board).where(Board.kind == BoardKind.inspection).order_by(Board.id).limit(1)
    )
    if board is None and create:
        board = Board(kind=BoardKind.inspection, name=INSPECTION_BOARD_NAME)
        db.session.add(board)
        db.session.flush()
    return board


def seed_inspection_board() -> None:
    get_inspection_board(create=True)


def project_board(disclosure_id: int | None):
    """The supervision board attached to a project disclosure, or None."""
    from moderation.boards.models import Board, BoardKind

    if not disclosure_id:
        return None
    return db.session.scalar(
        select(Board).where(Board.project_id == disclosure_id, Board.kind == BoardKind.supervision)
    )


def default_board(submission):
    """The board the rules pick for ``submission`` and why (Vietnamese)."""
    board = project_board(submission.disclosure_id)
    if board is not None:
        return board, texts.fill(texts.ROUTED_TO_PROJECT_BOARD, board=board.name)
    board = get_inspection_board()
    return board, texts.fill(texts.ROUTED_BY_RULE, board=board.name)


def case_link(case) -> str:
    """Absolute link to the case in the Board workspace, under PUBLIC_URL."""
    from portal.urls import public_url_for

    return public_url_for("cases.case_detail", case_id=case.id)


def board_recipients(board) -> list:
    """Active staff accounts sitting on ``board`` (vacancies and disabled accounts skipped)."""
    from portal.accounts.models import User

    users = []
    seen = set()
    for member in board.members:
        if member.user_id is None or member.user_id in seen:
            continue
        user = db.session.get(User, member.user_id)
        if user is not None and user.active and user.email:
            users.append(user)
            seen.add(user.id)
    return users


def route_approved_petition(submission, actor, board_id: int | None = None, reason: str = ""):
    """Open the Board case for an approved petition. Writes the Case (status ``new``), a
    CaseEvent, an audit event and an email to each member of the board; flushes, never commits.

    ``board_id`` overrides the automatic choice; a reason is then required."""
    from moderation.boards.models import Board
    from moderation.cases.models import Case, CaseEvent, CaseStatus
    from moderation.intake.models import SubmissionKind, SubmissionStatus
    from moderation.notify import email_staff

    if submission.kind != SubmissionKind.petition:
        raise DomainError(_l("Chỉ kiến nghị mới được chuyển đến Ban; ý kiến góp ý dự thảo không chuyển."))
    if submission.status in (
        SubmissionStatus.rejected, SubmissionStatus.duplicate, SubmissionStatus.redirected,
        SubmissionStatus.withdrawn,
    ):
        raise DomainError(_l("Kiến nghị không được duyệt nên không chuyển đến Ban."))
    if submission.id is None:
        db.session.flush()
    existing = db.session.scalar(select(Case).where(Case.submission_id == submission.id))
    if existing is not None:
        raise DomainError(_l("Kiến nghị này đã được chuyển đến Ban trước đó."))

    auto_board, auto_reason = default_board(submission)
    reason = clean_text(reason, 2000)
    overridden = False
    if board_id is not None and int(board_id) != auto_board.id:
        board = db.session.get(Board, int(board_id))
        if board is None:
            raise DomainError(_l("Không tìm thấy Ban được chọn."))
        if not reason:
            raise DomainError(_l("Vui lòng ghi lý do khi chuyển kiến nghị đến Ban khác với Ban theo quy định."))
        overridden = True
        routing_reason = texts.fill(texts.ROUTED_BY_MODERATOR, board=board.name, reason=reason)
    else:
        board = auto_board
        routing_reason = texts.fill(texts.ROUTED_WITH_NOTE, reason=auto_reason, note=reason) if reason else auto_reason

    case = Case(submission_id=submission.id, board_id=board.id, status=CaseStatus.new,
                routing_reason=routing_reason)
    db.session.add(case)
    db.session.flush()
    actor_id = getattr(actor, "id", None)
    db.session.add(CaseEvent(
        case_id=case.id, kind="route", from_status=None, to_status=CaseStatus.new.value,
        text=texts.fill(texts.ROUTED, board=board.name), public=True, actor_id=actor_id,
    ))
    audit.record(actor, "case.route", case, {
        "submission": submission.receipt_code, "board_id": board.id, "board": board.name,
        "overridden": overridden, "reason": reason,
    })
    for user in board_recipients(board):
        email_staff(user.email, "case_routed", key=f"case-routed:{case.id}:{user.id}",
                    case=case, board=board, submission=submission, member=user, link=case_link(case))
    db.session.flush()
    return case

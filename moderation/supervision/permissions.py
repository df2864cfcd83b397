"""Who may do what with a Board's supervisions: its head and deputies plan, notify, start and
conclude; its members record the work and the answers; admins look. Only their own Board."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from moderation.boards.models import Board, BoardMember
from moderation.cases.permissions import _is_admin, is_board_member, user_board_ids  # noqa: F401
from portal.extensions import db

LEAD_POSITIONS = ("head", "deputy")


def can_view(user, board) -> bool:
    return _is_admin(user) or is_board_member(user, board.id)


def can_work(user, board) -> bool:
    """Entries, notes, answers to recommendations: a member of the Board with a Board role."""
    roles = getattr(user, "roles", ()) or ()
    return is_board_member(user, board.id) and any(r in roles for r in ("board_member", "board_head", "admin"))


def can_lead(user, board) -> bool:
    """Plan, notice, start, conclusion: the Board's head or a deputy (role ``board_head``)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if not any(r in (user.roles or ()) for r in ("board_head", "admin")):
        return False
    return db.session.scalar(
        select(BoardMember.id).where(BoardMember.board_id == board.id, BoardMember.user_id == user.id,
                                     BoardMember.position.in_(LEAD_POSITIONS)).limit(1)
    ) is not None


def boards_led_by(user) -> list[Board]:
    """The Boards ``user`` may plan supervisions for (``can_lead`` for every Board at once), with
    their members: two queries whatever the number of Boards."""
    if not getattr(user, "is_authenticated", False) or not any(
            r in (user.roles or ()) for r in ("board_head", "admin")):
        return []
    led = set(db.session.scalars(select(BoardMember.board_id).where(
        BoardMember.user_id == user.id, BoardMember.position.in_(LEAD_POSITIONS))))
    return list(db.session.scalars(select(Board).where(Board.id.in_(led)).order_by(Board.kind, Board.id)
                                   .options(selectinload(Board.members))))

"""Who may do what with a case: predicates used by the view guards, the services and the templates."""
from __future__ import annotations

from sqlalchemy import select

from moderation.models import BoardMember
from portal.extensions import db


def _membership(user, board_id: int) -> BoardMember | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(
        select(BoardMember).where(BoardMember.board_id == board_id, BoardMember.user_id == user.id)
        .order_by(BoardMember.id).limit(1)
    )


def _is_admin(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and "admin" in user.roles)


def user_board_ids(user) -> list[int]:
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    return list(db.session.scalars(select(BoardMember.board_id).where(BoardMember.user_id == user.id).distinct()))


def is_board_member(user, board_id: int) -> bool:
    return _membership(user, board_id) is not None


def can_view_case(user, case) -> bool:
    return _is_admin(user) or is_board_member(user, case.board_id)


def can_work_case(user, case) -> bool:
    """Notes, verification, referral, answer, response, close: the case's board members."""
    return is_board_member(user, case.board_id)


def can_assign(user, case) -> bool:
    """Assign / reassign: the head or a deputy of the case's board."""
    member = _membership(user, case.board_id)
    if member is None:
        return False
    return db.session.scalar(
        select(BoardMember.id).where(
            BoardMember.board_id == case.board_id, BoardMember.user_id == user.id,
            BoardMember.position.in_(("head", "deputy")),
        ).limit(1)
    ) is not None


def can_view_original(user, case) -> bool:
    """The petition as sent (before redaction): the board's head or deputy, and admins."""
    return _is_admin(user) or can_assign(user, case)


def can_view_contact(user, case) -> bool:
    """Contact details: only members of the board the case belongs to, on an explicit action."""
    return is_board_member(user, case.board_id)


def can_edit_roster(user, board) -> bool:
    if _is_admin(user):
        return True
    if user is None or not getattr(user, "is_authenticated", False) or "board_head" not in user.roles:
        return False
    return db.session.scalar(
        select(BoardMember.id).where(BoardMember.board_id == board.id, BoardMember.user_id == user.id,
                                     BoardMember.position == "head").limit(1)
    ) is not None

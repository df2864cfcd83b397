"""Who may do what with a case: predicates used by the view guards, the services and the templates."""
from __future__ import annotations

from sqlalchemy import select

from moderation.boards.models import BoardMember
from moderation.cases.models import Case
from moderation.intake.models import SubmissionStatus
from portal.extensions import db
from portal.sanitize import clean_text

CONTACT_REASON_MISSING = ("Vui lòng ghi lý do xem thông tin liên hệ (ví dụ: gọi điện xác minh vị trí); "
                          "mỗi lần xem được ghi vào nhật ký hệ thống.")


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
    return can_access_personal_data(user, case.submission) and (_is_admin(user) or can_assign(user, case))


def _has_role(user, *roles: str) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False)
                and any(role in user.roles for role in roles))


def can_access_personal_data(user, submission) -> bool:
    """A resident's personal data in ``submission``: the contact details, the attachments and the
    text as sent. The one rule for every route and template that shows them:

    * moderators (and admins): every submission, the moderation queue's work;
    * a Board member (role ``board_member``/``board_head`` and a seat on the Board): only an approved
      petition that is a case of their own Board (through the case page);
    * nobody else.
    """
    if submission is None or not _has_role(user, "admin", "moderator", "board_member", "board_head"):
        return False
    if _has_role(user, "admin", "moderator"):
        return True
    if submission.status != SubmissionStatus.approved:
        return False  # still in (or refused by) the moderation queue
    board_ids = db.session.scalars(select(Case.board_id).where(Case.submission_id == submission.id)).all()
    return any(is_board_member(user, board_id) for board_id in board_ids)


def contact_reason(reason: str | None) -> str:
    """The reason given for revealing a contact, cleaned; ``""`` when there is none worth the name
    (empty, blanks, invisible characters or punctuation only): the caller refuses then."""
    text = clean_text(reason, 500)
    return text if any(ch.isalnum() for ch in text) else ""


def can_view_contact(user, case) -> bool:
    """Contact details and attachments on the case page: :func:`can_access_personal_data` of the
    case's submission, and (for a Board member) the case is on their Board."""
    if not can_access_personal_data(user, case.submission):
        return False
    return _is_admin(user) or is_board_member(user, case.board_id)


def can_edit_roster(user, board) -> bool:
    if _is_admin(user):
        return True
    if user is None or not getattr(user, "is_authenticated", False) or "board_head" not in user.roles:
        return False
    return db.session.scalar(
        select(BoardMember.id).where(BoardMember.board_id == board.id, BoardMember.user_id == user.id,
                                     BoardMember.position == "head").limit(1)
    ) is not None

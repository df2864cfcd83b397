"""Board rosters: members, positions, terms, and the law's composition rules (Law 10/2022 Art. 36–37,
Decree 59/2023 Art. 13 and 17)."""
from __future__ import annotations

import calendar
import datetime as dt

from sqlalchemy import select

from moderation.boards.models import POSITION_LABELS, Board, BoardKind, BoardMember
from portal import ward
from portal import audit
from portal.extensions import db
from portal.sanitize import clean_text
from portal.errors import DomainError
from portal.i18n import _l

INSPECTION_MIN_MEMBERS = 5
SUPERVISION_MAX_MEMBERS = 5
SUPERVISION_MAX_DEPUTIES = 2
VACANCY_MONTHS = 6


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _active(member: BoardMember, on: dt.date) -> bool:
    if member.term_start and member.term_start > on:
        return False
    if member.term_end and member.term_end < on:
        return False
    return True


def roster_warnings(board: Board, on: dt.date | None = None) -> list[str]:
    """What the law's composition asks and the roster does not meet, plus long vacancies."""
    from portal.ward import ResidentialGroup

    on = on or ward.today()
    current = [m for m in board.members if _active(m, on)]
    filled = [m for m in current if m.user_id is not None]
    heads = [m for m in filled if m.position == "head"]
    deputies = [m for m in filled if m.position == "deputy"]
    warnings: list[str] = []
    if board.kind == BoardKind.inspection:
        if len(filled) < INSPECTION_MIN_MEMBERS:
            warnings.append(f"Ban Thanh tra nhân dân cần ít nhất {INSPECTION_MIN_MEMBERS} thành viên; "
                            f"hiện có {len(filled)}.")
        if not heads:
            warnings.append("Ban chưa có Trưởng ban.")
        if not deputies:
            warnings.append("Ban chưa có Phó Trưởng ban.")
        groups = db.session.scalars(
            select(ResidentialGroup).where(ResidentialGroup.active.is_(True)).order_by(ResidentialGroup.position)
        ).all()
        have = {m.group_id for m in filled}
        missing = [g.name for g in groups if g.id not in have]
        if missing:
            warnings.append("Mỗi tổ dân phố cần có ít nhất một thành viên; chưa có thành viên từ: "
                            + ", ".join(missing) + ".")
    else:
        if len(filled) > SUPERVISION_MAX_MEMBERS:
            warnings.append(f"Ban giám sát đầu tư của cộng đồng có tối đa {SUPERVISION_MAX_MEMBERS} thành viên "
                            f"là người dân; hiện có {len(filled)}.")
        if len(deputies) > SUPERVISION_MAX_DEPUTIES:
            warnings.append(f"Ban giám sát đầu tư của cộng đồng có tối đa {SUPERVISION_MAX_DEPUTIES} Phó Trưởng ban; "
                            f"hiện có {len(deputies)}.")
        if not heads:
            warnings.append("Ban chưa có Trưởng ban.")
    if len(heads) > 1:
        warnings.append("Ban chỉ có một Trưởng ban; hiện có " + str(len(heads)) + ".")
    limit = add_months(on, VACANCY_MONTHS)
    for m in current:
        if m.user_id is None and m.term_end is not None and m.term_end >= limit:
            warnings.append(f"Vị trí {POSITION_LABELS.get(m.position, m.position).lower()} đang khuyết, "
                            f"nhiệm kỳ còn đến {m.term_end:%d/%m/%Y} (từ 6 tháng trở lên): cần bầu bổ sung.")
    return warnings


def _check_member(board: Board, user_id, position: str, term_start, term_end) -> None:
    if position not in POSITION_LABELS:
        raise DomainError(_l("Chức danh không hợp lệ."))
    if term_start and term_end and term_end < term_start:
        raise DomainError(_l("Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu."))
    if user_id:
        from portal.accounts.models import User

        user = db.session.get(User, user_id)
        if user is None:
            raise DomainError(_l("Không tìm thấy tài khoản cán bộ được chọn."))


def add_member(board: Board, actor, *, user_id=None, position="member", group_id=None, term_start=None,
               term_end=None) -> BoardMember:
    user_id = user_id or None
    _check_member(board, user_id, position, term_start, term_end)
    if user_id and any(m.user_id == user_id for m in board.members):
        raise DomainError(_l("Cán bộ này đã có trong danh sách thành viên của Ban."))
    m = BoardMember(board_id=board.id, user_id=user_id, position=position, group_id=group_id or None,
                    term_start=term_start, term_end=term_end)
    db.session.add(m)
    db.session.flush()
    audit.record(actor, "board.member_add", board, {"member": m.id, "user_id": user_id, "position": position})
    db.session.refresh(board)
    return m


def update_member(member: BoardMember, actor, *, user_id=None, position="member", group_id=None, term_start=None,
                  term_end=None) -> BoardMember:
    user_id = user_id or None
    board = member.board
    _check_member(board, user_id, position, term_start, term_end)
    if user_id and any(m.user_id == user_id and m.id != member.id for m in board.members):
        raise DomainError(_l("Cán bộ này đã có trong danh sách thành viên của Ban."))
    before = {"user_id": member.user_id, "position": member.position}
    member.user_id, member.position, member.group_id = user_id, position, group_id or None
    member.term_start, member.term_end = term_start, term_end
    audit.record(actor, "board.member_update", board, {"member": member.id, "before": before,
                                                        "user_id": user_id, "position": position})
    db.session.flush()
    return member


def remove_member(member: BoardMember, actor) -> None:
    board = member.board
    audit.record(actor, "board.member_remove", board, {"member": member.id, "user_id": member.user_id})
    db.session.delete(member)
    db.session.flush()
    db.session.refresh(board)


def create_supervision_board(project, actor, name: str = "") -> Board:
    """Attach a Community Investment Supervision Board to a project disclosure."""
    if project is None or not project.is_project:
        raise DomainError(_l("Chỉ gắn Ban giám sát đầu tư của cộng đồng với thông tin công khai là dự án."))
    if db.session.scalar(select(Board).where(Board.project_id == project.id)) is not None:
        raise DomainError(_l("Dự án này đã có Ban giám sát đầu tư của cộng đồng."))
    name = clean_text(name, 200) or f"Ban giám sát đầu tư của cộng đồng: {project.title}"[:200]
    board = Board(kind=BoardKind.supervision, name=name, project_id=project.id)
    db.session.add(board)
    db.session.flush()
    audit.record(actor, "board.create", board, {"project": project.id})
    return board


def add_holiday(day: dt.date, name: str, actor):
    from moderation.cases.models import Holiday

    name = clean_text(name, 120)
    if not name:
        raise DomainError(_l("Vui lòng nhập tên ngày nghỉ."))
    if db.session.get(Holiday, day) is not None:
        raise DomainError(_l("Ngày %(day)s đã có trong danh sách ngày nghỉ.", day=f"{day:%d/%m/%Y}"))
    h = Holiday(day=day, name=name)
    db.session.add(h)
    audit.record(actor, "holiday.add", ("holiday", day.isoformat()), {"name": name})
    db.session.flush()
    return h


def remove_holiday(day: dt.date, actor) -> None:
    from moderation.cases.models import Holiday

    h = db.session.get(Holiday, day)
    if h is None:
        raise DomainError(_l("Không tìm thấy ngày nghỉ."))
    audit.record(actor, "holiday.remove", ("holiday", day.isoformat()), {"name": h.name})
    db.session.delete(h)
    db.session.flush()

"""Board rosters: members, positions, terms, and the law's composition rules (Law 10/2022 Art. 36–37,
Decree 59/2023 Art. 13 and 17)."""
from __future__ import annotations

import calendar
import datetime as dt

from sqlalchemy import select

from moderation.boards.models import POSITION_LABELS, Board, BoardKind, BoardMember
from portal import audit, ward
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from portal.sanitize import clean_text
from portal.units import vi_text

INSPECTION_MIN_MEMBERS = 5
SUPERVISION_MAX_MEMBERS = 5
SUPERVISION_MAX_DEPUTIES = 2
VACANCY_MONTHS = 6
TERM_MAX_MONTHS = 60  # the Inspection Board's term runs with the residential-group head's (5 years)
WARD_OFFICE_ROLES = ("admin", "editor", "moderator")  # staff accounts that work for the ward office


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


def is_filled(member: BoardMember) -> bool:
    """A seat is held by a person (a name) or a linked staff account; else it is vacant."""
    return member.user_id is not None or bool((member.name or "").strip())


def project_group_ids(board: Board) -> set[int]:
    """The residential groups of an investment supervision board's project (its area); empty when
    the project names none."""
    if board.project_id is None:
        return set()
    from public_docs.disclosures.models import Disclosure

    project = db.session.get(Disclosure, board.project_id)
    return {g.id for g in project.groups} if project is not None else set()


def _law_warnings(board: Board, filled: list[BoardMember]) -> list[str]:
    """Ward office holders, the common term, the project's area (Law 10/2022 Art. 36-37, 40)."""
    from portal.accounts.models import User

    warnings = []
    users = {u.id: u for u in db.session.scalars(
        select(User).where(User.id.in_([m.user_id for m in filled if m.user_id] or [-1])))}
    for m in filled:
        user = users.get(m.user_id)
        label = member_label(m, user)
        if board.kind == BoardKind.inspection and m.holds_ward_office:
            warnings.append(f"{label} " + vi_text(
                "đang giữ chức vụ ở %(ward_kind)s: không được là thành viên Ban Thanh tra nhân dân."))
        elif board.kind == BoardKind.inspection and user is not None and any(
                r in user.roles for r in WARD_OFFICE_ROLES):
            warnings.append(f"Tài khoản của {label} " + vi_text(
                "là tài khoản cán bộ %(ward_kind)s (biên tập, kiểm duyệt hoặc quản trị): "
                "cần kiểm tra người này có giữ chức vụ ở %(ward_kind)s không."))
    terms = {(m.term_start, m.term_end) for m in filled if m.term_start or m.term_end}
    if len(terms) > 1:
        warnings.append(vi_text("Nhiệm kỳ của các thành viên không giống nhau: nhiệm kỳ của Ban theo nhiệm kỳ "
                                "của %(group_head)s."))
    area = project_group_ids(board) if board.kind == BoardKind.supervision else set()
    if area:
        outside = [member_label(m, users.get(m.user_id)) for m in filled if m.group_id not in area]
        if outside:
            warnings.append("Thành viên phải là người dân sinh sống trên địa bàn dự án; chưa đúng với: "
                            + ", ".join(outside) + ".")
    return warnings


def member_label(member: BoardMember, user=None) -> str:
    if (member.name or "").strip():
        return member.name
    if user is None and member.user_id:
        from portal.accounts.models import User

        user = db.session.get(User, member.user_id)
    return (user.name or user.email) if user is not None else POSITION_LABELS.get(member.position, "")


def roster_warnings(board: Board, on: dt.date | None = None) -> list[str]:
    """What the law's composition asks and the roster does not meet, plus long vacancies."""
    from portal.ward import ResidentialGroup

    on = on or ward.today()
    current = [m for m in board.members if _active(m, on)]
    filled = [m for m in current if is_filled(m)]
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
            warnings.append(vi_text("Mỗi %(group_kind)s cần có ít nhất một thành viên; chưa có thành viên từ: ")
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
    warnings.extend(_law_warnings(board, filled))
    limit = add_months(on, VACANCY_MONTHS)
    for m in current:
        if not is_filled(m) and m.term_end is not None and m.term_end >= limit:
            warnings.append(f"Vị trí {POSITION_LABELS.get(m.position, m.position).lower()} đang khuyết, "
                            f"nhiệm kỳ còn đến {m.term_end:%d/%m/%Y} (từ 6 tháng trở lên): cần bầu bổ sung.")
    return warnings


def _check_member(board: Board, user_id, position: str, term_start, term_end, *, member=None,
                  holds_ward_office=False, group_id=None, filled=False) -> None:
    """The rules the law makes firm; the rest are warnings on the roster page."""
    if position not in POSITION_LABELS:
        raise DomainError(_l("Chức danh không hợp lệ."))
    if term_start and term_end and term_end < term_start:
        raise DomainError("Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu.")
    if board.kind == BoardKind.inspection:
        if holds_ward_office:
            raise DomainError(vi_text(
                "Người đang giữ chức vụ ở %(ward_kind)s không được là thành viên Ban Thanh tra nhân dân."))
        if term_start and term_end and term_end > add_months(term_start, TERM_MAX_MONTHS):
            raise DomainError(vi_text("Nhiệm kỳ của Ban Thanh tra nhân dân theo nhiệm kỳ của %(group_head)s "
                                      "(tối đa 5 năm)."))
    elif filled:
        others = [m for m in board.members if m is not member and is_filled(m) and _active(m, ward.today())]
        if len(others) + 1 > SUPERVISION_MAX_MEMBERS:
            raise DomainError(f"Ban giám sát đầu tư của cộng đồng có tối đa {SUPERVISION_MAX_MEMBERS} thành viên.")
        if position == "deputy" and len([m for m in others if m.position == "deputy"]) + 1 > SUPERVISION_MAX_DEPUTIES:
            raise DomainError(f"Ban giám sát đầu tư của cộng đồng có tối đa {SUPERVISION_MAX_DEPUTIES} Phó Trưởng ban.")
        area = project_group_ids(board)
        if area and group_id not in area:
            raise DomainError("Thành viên Ban giám sát đầu tư của cộng đồng phải sinh sống trên địa bàn dự án: "
                              + vi_text("vui lòng chọn %(group_kind)s thuộc địa bàn dự án."))
    if user_id:
        from portal.accounts.models import User

        user = db.session.get(User, user_id)
        if user is None:
            raise DomainError(_l("Không tìm thấy tài khoản cán bộ được chọn."))


def add_member(board: Board, actor, *, user_id=None, position="member", group_id=None, term_start=None,
               term_end=None, name: str = "", holds_ward_office: bool = False) -> BoardMember:
    """A member: a person (name, position, group, term) with an optional linked staff account; with
    neither name nor account the seat is recorded as vacant."""
    user_id = user_id or None
    name = clean_text(name, 200)
    _check_member(board, user_id, position, term_start, term_end, holds_ward_office=holds_ward_office,
                  group_id=group_id or None, filled=bool(user_id or name))
    if user_id and any(m.user_id == user_id for m in board.members):
        raise DomainError(_l("Cán bộ này đã có trong danh sách thành viên của Ban."))
    m = BoardMember(board_id=board.id, user_id=user_id, position=position, group_id=group_id or None,
                    term_start=term_start, term_end=term_end, name=name, holds_ward_office=bool(holds_ward_office))
    db.session.add(m)
    db.session.flush()
    audit.record(actor, "board.member_add", board, {"member": m.id, "user_id": user_id, "position": position})
    db.session.refresh(board)
    return m


def update_member(member: BoardMember, actor, *, user_id=None, position="member", group_id=None, term_start=None,
                  term_end=None, name: str | None = None, holds_ward_office: bool | None = None) -> BoardMember:
    user_id = user_id or None
    board = member.board
    name = member.name if name is None else clean_text(name, 200)
    holds = member.holds_ward_office if holds_ward_office is None else bool(holds_ward_office)
    _check_member(board, user_id, position, term_start, term_end, member=member, holds_ward_office=holds,
                  group_id=group_id or None, filled=bool(user_id or name))
    member.name, member.holds_ward_office = name, holds
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

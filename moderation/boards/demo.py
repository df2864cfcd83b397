"""Demo data for the Boards: the People's Inspection Board with demo staff (and gaps so the roster
warnings show), a supervision board for the demo road project, and a few cases in several states."""
from __future__ import annotations

import datetime as dt

from flask import current_app
from sqlalchemy import func, select

from portal.errors import DomainError
from portal.extensions import db
from public_docs.disclosures.models import Disclosure


def _user(email):
    from portal.accounts.models import User

    return db.session.scalar(select(User).where(User.email == email))


def _group(code):
    from portal.ward import ResidentialGroup

    return db.session.scalar(select(ResidentialGroup).where(ResidentialGroup.code == code))


def load_board_demo() -> None:
    from moderation.boards.models import Board, BoardKind, BoardMember
    from moderation.boards.routing import get_inspection_board
    from moderation.cases.deadlines import seed_holidays
    seed_holidays()
    board = get_inspection_board()
    head, member = _user("truongban@demo.phuong.vn"), _user("thanhvien@demo.phuong.vn")
    start, end = dt.date(2025, 10, 1), dt.date(2030, 9, 30)
    if not board.members:
        rows = [
            (head, "head", "TDP01"), (member, "member", "TDP02"),
            (None, "deputy", "TDP03"),  # vacancy with years of term left: the roster warns
            (None, "member", "TDP04"),
        ]
        for user, position, group in rows:
            g = _group(group)
            db.session.add(BoardMember(board_id=board.id, user_id=getattr(user, "id", None), position=position,
                                       group_id=getattr(g, "id", None), term_start=start, term_end=end))
    project = db.session.scalar(
        select(Disclosure).where(Disclosure.is_project.is_(True))
        .order_by(Disclosure.title.ilike("%đường%").desc(), Disclosure.id).limit(1)
    )
    if project is not None and db.session.scalar(select(Board).where(Board.project_id == project.id)) is None:
        sboard = Board(kind=BoardKind.supervision, project_id=project.id,
                       name=f"Ban giám sát đầu tư của cộng đồng: {project.title}"[:200])
        db.session.add(sboard)
        db.session.flush()
        if head is not None:
            db.session.add(BoardMember(board_id=sboard.id, user_id=head.id, position="head",
                                       group_id=getattr(_group("TDP01"), "id", None), term_start=start))
        if member is not None:
            db.session.add(BoardMember(board_id=sboard.id, user_id=member.id, position="member",
                                       group_id=getattr(_group("TDP02"), "id", None), term_start=start))
    db.session.flush()
    # Progress the demo cases after every other loader (the submissions' demo petitions come later).
    loaders = current_app.extensions.setdefault("demo_loaders", [])
    if load_board_demo_cases not in loaders:
        loaders.append(load_board_demo_cases)


DEMO_PETITIONS = [
    ("Cống thoát nước đường Lê Lợi bị tắc, ngập khi mưa",
     "Đoạn từ số 20 đến số 48 đường Lê Lợi thường ngập sâu sau mỗi trận mưa lớn do cống bị tắc.", "TDP01"),
    ("Đèn chiếu sáng kiệt 15 Tôn Đức Thắng hỏng nhiều tháng",
     "Ba bóng đèn trong kiệt không sáng từ tháng trước, buổi tối đi lại rất nguy hiểm.", "TDP02"),
    ("Đề nghị công khai các khoản đóng góp xây nhà văn hóa tổ",
     "Đề nghị tổ dân phố công khai số tiền đã vận động và đã chi cho việc sửa nhà văn hóa.", "TDP03"),
]


def load_board_demo_cases() -> None:
    from moderation.boards.routing import get_inspection_board, route_approved_petition
    from moderation.cases import triage
    from moderation.cases.models import Case, CaseStatus
    from moderation.intake.models import Submission, SubmissionKind, SubmissionStatus, Visibility

    head, member = _user("truongban@demo.phuong.vn"), _user("thanhvien@demo.phuong.vn")
    if head is None or member is None:
        return
    board = get_inspection_board()
    cases = db.session.scalars(select(Case).where(Case.board_id == board.id).order_by(Case.id)).all()
    if not cases:
        n = db.session.scalar(select(func.count()).select_from(Submission)) or 0
        for i, (title, text, group) in enumerate(DEMO_PETITIONS):
            sub = Submission(receipt_code=f"KN-DEMO-{n + i + 1:04d}", kind=SubmissionKind.petition,
                             status=SubmissionStatus.approved, visibility=Visibility.anonymous, title=title,
                             description=text, group_id=getattr(_group(group), "id", None))
            db.session.add(sub)
            db.session.flush()
            cases.append(route_approved_petition(sub, "demo"))
    today = dt.date.today()
    new_cases = [c for c in cases if c.status == CaseStatus.new]
    try:
        if len(new_cases) >= 1:
            c = new_cases[0]
            triage.assign_case(c, member, head)
            triage.record_verification(c, "Thành viên Ban kiểm tra thực tế: nội dung phản ánh đúng.", member)
            triage.publish_response(c, "Ban Thanh tra nhân dân đã làm việc với Tổ dân phố; nội dung đã được "
                                       "khắc phục. Cảm ơn ông/bà đã phản ánh.", member)
            triage.close_case(c, member)
            triage.rate_case(c, 4, "Được giải quyết nhanh.")
        if len(new_cases) >= 2:
            c = new_cases[1]
            triage.assign_case(c, member, head)
            triage.record_verification(c, "Đã kiểm tra hiện trường cùng Tổ trưởng tổ dân phố.", member)
            triage.refer_case(c, member, agency="Ủy ban nhân dân phường", sent_on=today,
                              document_number="01/KN-BTTND")
        if len(new_cases) >= 3:
            triage.assign_case(new_cases[2], member, head)
    except DomainError as exc:  # pragma: no cover - demo data must never stop the loader
        current_app.logger.warning("demo cases: %s", exc)
    db.session.flush()

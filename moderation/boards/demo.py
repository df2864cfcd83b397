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
    _retime_cases()
    from public_docs.disclosures.demo import retime_fresh_publications

    retime_fresh_publications()  # this loader runs last


CASE_TIME_FIELDS = ("acknowledged_at", "referred_at", "answered_at", "closed_at", "reopened_at", "rated_at",
                    "responded_at", "public_answer_due_at")


def _retime_cases() -> None:
    """Move the cases made by this load (their history stamped in the last hour) after their
    petition's approval: each step a few working days after the one before, in office hours. A
    case's own time stamps follow the step that set them; a referral is sent on its step's day."""
    from demo.timeline import later
    from moderation.cases.models import Case, CaseEvent
    from moderation.intake.models import SubmissionEvent
    from portal.database import utcnow
    from portal.ward import local_date

    fresh = utcnow() - dt.timedelta(hours=1)
    cases = db.session.scalars(select(Case).where(Case.created_at >= fresh).order_by(Case.id)).all()
    for i, case in enumerate(cases):
        sub = case.submission
        approved = db.session.scalar(
            select(SubmissionEvent.created_at).where(SubmissionEvent.submission_id == sub.id,
                                                     SubmissionEvent.to_status == "approved")
            .order_by(SubmissionEvent.id.desc()).limit(1)
        ) or sub.moderated_at or sub.created_at
        if approved >= fresh:  # a petition not moved back by its loader: leave its case as it is
            continue
        moved: list[tuple[dt.datetime, dt.datetime]] = [(case.created_at, later(approved, 0, 10))]
        case.created_at = when = moved[0][1]
        events = db.session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.id)).all()
        for j, ev in enumerate(events):
            if j:
                when = later(when, 2 + (i + j) % 4, 30 + (i * 41 + j * 17) % 240)
            moved.append((ev.created_at, when))
            ev.created_at = when
        for name in CASE_TIME_FIELDS:
            value = getattr(case, name)
            if value is not None and value >= fresh:
                setattr(case, name, _nearest(moved, value))
        for ev in db.session.scalars(select(SubmissionEvent).where(SubmissionEvent.submission_id == sub.id,
                                                                   SubmissionEvent.created_at >= fresh)):
            ev.created_at = _nearest(moved, ev.created_at)
        for referral in case.referrals:
            sent = local_date(_nearest(moved, referral.created_at))
            if referral.answer_due is not None:
                referral.answer_due += sent - referral.sent_on
            referral.sent_on = sent
            referral.created_at = _nearest(moved, referral.created_at)
    db.session.flush()


def _nearest(moved: list[tuple[dt.datetime, dt.datetime]], old: dt.datetime) -> dt.datetime:
    """The new time of the step stamped closest to ``old`` (a case's field set with that step)."""
    return min(moved, key=lambda pair: abs((pair[0] - old).total_seconds()))[1]

"""Demo data for the Boards' supervision work (``flask demo load``, after the Boards' own demo): the
Inspection Board filled to 7 members (several without accounts), a concluded supervision of the
posting of disclosures with two recommendations (one answered, one overdue), a planned one with its
notice sent (opened from the plan 07/KH-BTTND), and the investment supervision board's document
checklist part done with one progress report. Idempotent: nothing is added twice."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.extensions import db

NAMED_MEMBERS = [  # (name, position, group code): residents without staff accounts
    ("Nguyễn Văn Hòa", "deputy", "TDP03"),
    ("Trần Thị Lan", "member", "TDP04"),
    ("Lê Minh Tuấn", "member", "TDP05"),
    ("Hoàng Thị Mai", "member", "TDP06"),
    ("Võ Văn Phúc", "member", "TDP07"),
    ("Đặng Thị Hạnh", "member", "TDP08"),
]


def _group_id(code: str):
    from portal.ward import ResidentialGroup

    return db.session.scalar(select(ResidentialGroup.id).where(ResidentialGroup.code == code))


def _fill_roster(board) -> None:
    from moderation.boards.models import BoardMember

    if any(m.name for m in board.members):
        return
    start, end = dt.date(2025, 10, 1), dt.date(2030, 9, 30)
    vacant = [m for m in board.members if m.user_id is None and not m.name]
    for name, position, code in NAMED_MEMBERS:
        seat = next((m for m in vacant if m.position == position == "deputy"), None)
        if seat is not None:  # fill the vacant deputy seat; the other vacancy stays for the warnings
            vacant.remove(seat)
            seat.name, seat.group_id = name, _group_id(code) or seat.group_id
            continue
        db.session.add(BoardMember(board_id=board.id, name=name, position=position, group_id=_group_id(code),
                                   term_start=start, term_end=end))
    db.session.flush()
    db.session.refresh(board)


def _head(board):
    from portal.accounts.models import User

    for m in board.members:
        if m.position == "head" and m.user_id:
            return db.session.get(User, m.user_id)
    return None


def _concluded(board, head, member, today: dt.date) -> None:
    """Posting of disclosures at the residential groups' notice boards, concluded six weeks ago."""
    from moderation.cases import deadlines
    from moderation.supervision import services
    from public_docs.disclosures.models import Disclosure

    notice = today - dt.timedelta(days=90)
    while not deadlines.is_working_day(notice):
        notice += dt.timedelta(days=1)
    start = services.earliest_start(notice)
    sup = services.open_supervision(
        board, head, subject="Việc niêm yết, công khai thông tin tại bảng tin các tổ dân phố",
        supervised_body="UBND phường Hòa An", planned_start=start, planned_end=start + dt.timedelta(days=4),
        legal_basis="Căn cứ Điều 11, Điều 12 Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15;\n"
                    "Căn cứ Chương trình công tác năm 2026 của Ban Thanh tra nhân dân phường Hòa An.",
        documents_requested="Sổ theo dõi niêm yết thông tin\nBiên bản niêm yết, kết thúc niêm yết",
        member_ids=[m.id for m in board.members if m.user_id or m.name][:5])
    services.record_notice(sup, head, sent_on=notice, number="04/TB-BTTND")
    services.start_supervision(sup, head, started_on=start)
    services.add_entry(sup, member, kind="visit", happened_on=start,
                       text="Làm việc tại bảng tin tổ dân phố 3 và 5; lập biên bản có chữ ký của Tổ trưởng.")
    services.add_entry(sup, member, kind="finding", happened_on=start + dt.timedelta(days=1),
                       text="Kế hoạch 79/KH-UBND niêm yết 21 ngày tại tổ dân phố 5 (quy định tối thiểu 30 ngày).")
    services.add_entry(sup, head, kind="note", happened_on=start + dt.timedelta(days=2),
                       text="Đề nghị đưa nội dung vào hội nghị Ban Thường trực UBMTTQ phường tháng tới.")
    services.save_conclusion(sup, head, number="06/KL-BTTND", findings=(
        "Các tổ dân phố niêm yết đầy đủ danh mục thông tin phải công khai; riêng tổ dân phố 5 niêm yết "
        "Kế hoạch 79/KH-UBND chưa đủ 30 ngày và sổ theo dõi niêm yết chưa ghi ngày kết thúc."),
        recommendations=[
            {"text": "Niêm yết lại Kế hoạch 79/KH-UBND tại tổ dân phố 5 đủ thời gian 30 ngày.",
             "addressee": "UBND phường Hòa An", "due_on": None},
            {"text": "Hướng dẫn các Tổ trưởng ghi đủ ngày bắt đầu, kết thúc niêm yết vào sổ theo dõi.",
             "addressee": "Văn phòng HĐND và UBND phường", "due_on": None},
        ])
    disclosure = services.approve_conclusion(sup, head, secrecy_confirmed=True)
    # The demo tells a story six weeks old: date the conclusion and its referrals back.
    concluded = start + dt.timedelta(days=7)
    sup.concluded_on = concluded
    disclosure.issued_on = disclosure.posting_start = concluded
    disclosure.posting_end = concluded + dt.timedelta(days=30)
    first, second = sup.recommendations
    for rec in (first, second):
        rec.sent_on = concluded
    first.due_on = concluded + dt.timedelta(days=30)
    second.due_on = today - dt.timedelta(days=10)
    db.session.flush()
    services.record_recommendation_answer(first, member, answered_on=concluded + dt.timedelta(days=12),
                                          summary="UBND phường đã niêm yết lại Kế hoạch 79/KH-UBND tại tổ dân phố 5 "
                                                  "từ ngày niêm yết mới, đủ 30 ngày.", accepted=True,
                                          answer_number="212/UBND")
    plan = db.session.scalar(select(Disclosure).where(Disclosure.number == "07/KH-BTTND"))
    _planned(board, head, today, plan)


def _planned(board, head, today: dt.date, plan) -> None:
    """The Board's plan 07/KH-BTTND (a disclosure) as a supervision, its notice sent two days ago."""
    from moderation.cases import deadlines
    from moderation.supervision import services

    notice = today - dt.timedelta(days=2)
    while not deadlines.is_working_day(notice):
        notice -= dt.timedelta(days=1)
    sup = services.open_supervision(
        board, head, subject=(plan.title if plan is not None else
                              "Việc thực hiện công khai thông tin tại Trung tâm Phục vụ hành chính công phường"),
        supervised_body="Trung tâm Phục vụ hành chính công phường Hòa An",
        planned_start=services.earliest_start(notice) + dt.timedelta(days=1),
        documents_requested="Danh mục thủ tục hành chính niêm yết\nSổ theo dõi tiếp nhận phản ánh, kiến nghị",
        member_ids=[m.id for m in board.members if m.user_id or m.name][:3],
        disclosure_id=plan.id if plan is not None else None)
    services.record_notice(sup, head, sent_on=notice, number="05/TB-BTTND")


def _checklist(today: dt.date) -> None:
    from moderation.boards.models import Board, BoardKind
    from moderation.supervision import investment
    from moderation.supervision.models import InvestmentDocument

    pboard = db.session.scalar(select(Board).where(Board.kind == BoardKind.supervision).order_by(Board.id).limit(1))
    if pboard is None or db.session.scalar(
            select(InvestmentDocument.id).where(InvestmentDocument.board_id == pboard.id)):
        return
    head = _head(pboard)
    if head is None:
        return
    asked = today - dt.timedelta(days=40)
    for kind in ("investment_decision", "schedule", "design", "compensation"):
        investment.request_document(pboard, head, kind=kind, requested_on=asked)
    investment.receive_document(pboard, head, kind="investment_decision", received_on=asked + dt.timedelta(days=5),
                                note="Nhận bản sao quyết định đầu tư (bản giấy).")
    investment.receive_document(pboard, head, kind="schedule", received_on=asked + dt.timedelta(days=9),
                                note="Nhận bảng tiến độ thi công chi tiết.")
    investment.add_progress_report(pboard, head, period="Tháng trước", reported_on=today - dt.timedelta(days=3),
                                   text="Nhà thầu thi công xong nền đường đoạn 1 (khoảng 60%); chưa nhận hồ sơ "
                                        "bồi thường, hỗ trợ đã đề nghị.")


def load_supervision_demo() -> None:
    from moderation.boards.routing import get_inspection_board
    from moderation.cases import deadlines
    from moderation.supervision.models import Supervision

    today = deadlines.today()
    board = get_inspection_board()
    _fill_roster(board)
    head = _head(board)
    member = next((m for m in board.members if m.user_id and m.position == "member"), None)
    if head is not None and db.session.scalar(select(Supervision.id).limit(1)) is None:
        from portal.accounts.models import User

        worker = db.session.get(User, member.user_id) if member is not None else head
        _concluded(board, head, worker, today)
    _checklist(today)
    db.session.flush()

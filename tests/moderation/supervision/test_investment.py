"""An investment supervision board's document checklist and progress reports."""
import datetime as dt

import pytest

from demo.minipdf import make_pdf
from moderation.supervision import investment
from portal.errors import DomainError
from portal.extensions import db
from tests.fixtures.boards import make_board, make_project
from tests.fixtures.users import sign_in


@pytest.fixture
def pboard(db, make_user, on_day):
    on_day(dt.date(2026, 6, 10))
    head = make_user("board_head", "board_member")
    board = make_board(project=make_project(), members=[(head, "head")])
    db.session.commit()
    return board, head


def test_checklist_request_and_receive(pboard):
    board, head = pboard
    investment.request_document(board, head, kind="design", requested_on=dt.date(2026, 6, 1))
    with pytest.raises(DomainError, match="trước ngày đề nghị"):
        investment.receive_document(board, head, kind="design", received_on=dt.date(2026, 5, 30), note="bản giấy")
    investment.receive_document(board, head, kind="design", received_on=dt.date(2026, 6, 5), note="Bản giấy 3 tập")
    rows = {kind: row for kind, _label, row in investment.checklist(board)}
    assert list(rows) == ["investment_decision", "schedule", "land", "design", "compensation", "environment"]
    assert rows["design"].requested_on == dt.date(2026, 6, 1) and rows["design"].received_on == dt.date(2026, 6, 5)
    assert rows["land"] is None
    with pytest.raises(DomainError, match="danh mục"):
        investment.request_document(board, head, kind="secret", requested_on=dt.date(2026, 6, 1))


def test_only_investment_boards_and_their_members(pboard, make_user):
    from moderation.boards.routing import get_inspection_board

    board, head = pboard
    with pytest.raises(DomainError):
        investment.request_document(board, make_user("board_member"), kind="land", requested_on=dt.date(2026, 6, 1))
    with pytest.raises(DomainError, match="Ban giám sát đầu tư"):
        investment.request_document(get_inspection_board(), head, kind="land", requested_on=dt.date(2026, 6, 1))


def test_project_page_file_and_progress_report(client, pboard):
    import io

    board, head = pboard
    sign_in(client, head)
    r = client.post(f"/can-bo/ban/giam-sat/du-an/{board.id}/tai-lieu", data={
        "doc-kind": "schedule", "doc-action": "receive", "doc-day": "2026-06-09",
        "doc-file": (io.BytesIO(make_pdf("Tiến độ", ["Tiến độ thi công"])), "tien-do.pdf")},
        content_type="multipart/form-data")
    assert r.status_code == 302, r.get_data(as_text=True)
    r = client.post(f"/can-bo/ban/giam-sat/du-an/{board.id}/bao-cao", data={
        "pr-period": "Quý II/2026", "pr-reported_on": "2026-06-10", "pr-text": "Đã thi công 60% mặt đường"})
    assert r.status_code == 302
    page = client.get(f"/can-bo/ban/giam-sat/du-an/{board.id}").get_data(as_text=True)
    assert "tien-do.pdf" in page and "Quý II/2026" in page and "Chưa nhận" not in page
    r = client.post(f"/can-bo/ban/giam-sat/du-an/{board.id}/bao-cao", data={"pr-period": "Quý III", "pr-text": ""})
    assert r.status_code == 400 and "Quý III" in r.get_data(as_text=True)
    db.session.expire_all()

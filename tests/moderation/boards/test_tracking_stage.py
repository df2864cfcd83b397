"""The tracking page and the status API follow the petition past its approval: the resident sees
the Board's real stage (with the Board, referred, answered, closed), never a stale 'Đã duyệt' or a
'Ban sẽ thông báo kết quả' above an answer already published. ``status`` keeps its old values."""
from __future__ import annotations

import re

import pytest

from moderation import intake
from moderation.cases import triage
from tests.fixtures.boards import walk_to


def _headline(page: str) -> str:
    return re.search(r'<strong class="status [^"]*">([^<]+)</strong>', page).group(1)


@pytest.mark.parametrize(("status", "stage", "label"), [
    ("new", "with_board", "Ban đang xem xét"),
    ("verifying", "with_board", "Ban đang xem xét"),
    ("referred", "referred", "Đã chuyển cơ quan có thẩm quyền"),
    ("answered", "answered", "Đã có trả lời"),
    ("closed", "closed", "Đã kết thúc"),
])
def test_stage_on_the_page_and_in_the_api(client, db, board_setup, status, stage, label):
    s = board_setup
    code = s.submission.receipt_code = intake.new_receipt_code()  # the tracking page takes real codes only
    walk_to(s.case, s, status)
    db.session.commit()
    page = client.get(f"/tra-cuu/{code}").get_data(as_text=True)
    assert _headline(page) == label
    api = client.get(f"/api/v1/submissions/{code}").get_json()
    assert api["status"] == "approved"  # unchanged for the clients that read it
    assert (api["stage"], api["stage_label"]) == (stage, label)


def test_a_published_answer_is_never_announced_as_coming(client, db, board_setup):
    s = board_setup
    s.submission.receipt_code = intake.new_receipt_code()
    walk_to(s.case, s, "answered")
    triage.publish_response(s.case, "UBND phường sẽ sửa đường trong quý II.", s.member)
    db.session.commit()
    page = client.get(f"/tra-cuu/{s.submission.receipt_code}").get_data(as_text=True)
    assert "Ban sẽ thông báo kết quả" not in page
    assert "Ban đã công bố kết quả xem xét ở dưới đây" in page
    assert page.index("Ban đã công bố kết quả") < page.index("UBND phường sẽ sửa đường trong quý II.")
    triage.close_case(s.case, s.member)
    db.session.commit()
    page = client.get(f"/tra-cuu/{s.submission.receipt_code}").get_data(as_text=True)
    assert _headline(page) == "Đã kết thúc" and "Đã duyệt</strong>" not in page
    assert "Ban sẽ thông báo kết quả" not in page


def test_stages_before_the_board(client, db, petition):
    sub = petition()
    page = client.get(f"/tra-cuu/{sub.receipt_code}").get_data(as_text=True)
    assert _headline(page) == "Đã tiếp nhận"
    assert client.get(f"/api/v1/submissions/{sub.receipt_code}").get_json()["stage"] == "received"


def test_the_openapi_document_lists_the_stage(client):
    schema = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]["SubmissionStatus"]
    assert "closed" in schema["properties"]["stage"]["enum"]
    assert "approved" in schema["properties"]["status"]["enum"]

"""Every upload field names the refused file in full and gives its real size (issue 18, item 5), not
only the petition form: the Board's answer file, a meeting's minutes, a supervision file."""
from __future__ import annotations

import datetime as dt

import pytest

from moderation.cases import triage
from moderation.supervision.services import _store_file
from portal.errors import DomainError
from tests.fixtures.boards import walk_to
from tests.fixtures.files import PDF_BYTES

NAME = "Công văn trả lời số 12-UBND của Ủy ban nhân dân phường về việc sửa đường Lê Lợi.pdf"


@pytest.fixture
def config_overrides():
    return {"ATTACHMENT_MAX_BYTES": 1024 * 1024}


def big_pdf() -> bytes:
    return PDF_BYTES + b"\0" * (int(2.5 * 1024 * 1024))


def test_the_boards_answer_file(app, board_setup, db):
    s = board_setup
    walk_to(s.case, s, "referred")
    with pytest.raises(DomainError) as caught:
        triage.record_answer(s.case, s.member, answered_on=dt.date(2026, 3, 20), summary="Sẽ sửa",
                             file_data=big_pdf(), file_name=NAME)
    message = str(caught.value)
    assert f"“{NAME}”" in message and "2,5 MB" in message and "1 MB" in message and message.endswith(".")


def test_a_supervision_file(app):
    with pytest.raises(DomainError) as caught:
        _store_file(big_pdf(), NAME, "Tệp đính kèm")
    message = str(caught.value)
    assert f"“{NAME}”" in message and "2,5 MB" in message and message.endswith(".")

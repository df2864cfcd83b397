"""Issue 18, item 9: every date shown or written is the ward's (setting WARD_TIME_ZONE, default
Asia/Ho_Chi_Minh), never UTC's: 17:18 UTC on 02/12 is 00:18 on 03/12 in the ward."""
from __future__ import annotations

import datetime as dt

import pytest

from moderation.documents import docx_text, referral_letter_docx
from portal.config import Config
from portal.exports import csv_cell
from portal.templating import format_date, format_datetime
from portal.ward import local_date, ward_tz
from tests.fixtures.boards import walk_to

LATE_EVENING_UTC = dt.datetime(2026, 12, 2, 17, 18, tzinfo=dt.UTC)


def _letter(s, db) -> str:
    s.submission.created_at = LATE_EVENING_UTC
    walk_to(s.case, s, "referred")
    db.session.flush()
    return docx_text(referral_letter_docx(s.case, s.case.referrals[0]))


def test_referral_letter_gives_the_wards_day_of_reception(db, board_setup):
    text = _letter(board_setup, db)
    assert "Ngày 03/12/2026, " in text and "tiếp nhận phản ánh" in text
    assert "02/12/2026" not in text


def test_filters_and_exports_use_the_wards_clock(app):
    assert ward_tz().key == "Asia/Ho_Chi_Minh"
    assert local_date(LATE_EVENING_UTC) == dt.date(2026, 12, 3)
    assert format_date(LATE_EVENING_UTC) == "03/12/2026"
    assert format_datetime(LATE_EVENING_UTC) == "00:18 03/12/2026"
    assert csv_cell(LATE_EVENING_UTC) == "2026-12-03 00:18:00"


@pytest.mark.parametrize("config_overrides", [{"WARD_TIME_ZONE": "UTC"}])
def test_the_time_zone_is_a_setting(db, board_setup, config_overrides):
    assert ward_tz().key == "UTC"
    assert format_datetime(LATE_EVENING_UTC) == "17:18 02/12/2026"
    assert "Ngày 02/12/2026, " in _letter(board_setup, db)


def test_time_zone_from_the_environment(monkeypatch):
    monkeypatch.setenv("WARD_TIME_ZONE", "Asia/Bangkok")
    assert Config().WARD_TIME_ZONE == "Asia/Bangkok"
    monkeypatch.setenv("WARD_TIME_ZONE", "Mars/Olympus")  # not a zone: the default, not a crash
    assert Config().WARD_TIME_ZONE == "Asia/Ho_Chi_Minh"


def test_today_in_documents_is_the_wards(db, monkeypatch):
    """At 00:18 on 03/12 in the ward the server's UTC date is still 02/12: the report's date is 03/12."""
    import io

    import openpyxl

    from moderation.reports import report_data
    from moderation.reports.files import report_xlsx
    from portal import ward

    monkeypatch.setattr(ward, "utcnow", lambda: LATE_EVENING_UTC)
    assert ward.today() == dt.date(2026, 12, 3)
    book = openpyxl.load_workbook(io.BytesIO(report_xlsx(report_data(dt.date(2026, 10, 1), dt.date(2026, 12, 31)))))
    made = {row[0]: row[1] for row in book["Thông tin"].iter_rows(values_only=True)}["Ngày lập"]
    assert made.date() == dt.date(2026, 12, 3)

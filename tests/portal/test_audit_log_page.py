"""Issue 18, item 8: the audit log page reads as sentences (descriptions, key: value details in
real Unicode), filters from lists and a date range in the ward's calendar, and exports to CSV."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from portal import audit

URL = "/can-bo/quan-tri/nhat-ky"


def _event(db, action, details=None, actor="system", when=None, subject=("disclosure", "7")):
    ev = audit.record(actor, action, subject, details or {})
    if when is not None:  # an event of another day: written as it would have been then
        ev.created_at = when
        ev.hash = audit.event_hash(ev)
    db.session.commit()
    return ev


def test_descriptions_and_readable_details(client, db, login_as):
    login_as("admin")
    _event(db, "disclosure.withdraw", {"reason": "Thông báo sai số liệu", "old": ["a", "b"]})
    _event(db, "plugin.custom_thing", {"note": None})
    html = client.get(URL).get_data(as_text=True)
    assert "Gỡ thông tin công khai" in html and "Thông tin công khai 7" in html
    assert "Lý do</dt>: <dd>Thông báo sai số liệu" in html and "Giá trị cũ</dt>: <dd>a, b" in html
    assert "\\u00f4" not in html and "&#34;reason&#34;" not in html
    assert "plugin.custom_thing" in html  # an unregistered code is shown as it is
    english = client.get(URL + "?lang=en").get_data(as_text=True)
    assert "Disclosure withdrawn" in english and "Reason" in english


def test_filters_are_lists_and_dates_are_the_wards(client, db, login_as):
    login_as("admin")
    late = _event(db, "disclosure.publish", when=dt.datetime(2026, 12, 2, 17, 18, tzinfo=dt.UTC))
    _event(db, "disclosure.withdraw", when=dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC), actor="cli")
    html = client.get(URL).get_data(as_text=True)
    assert '<select id="a-action" name="action">' in html
    assert '<option value="disclosure.publish" >Đăng công khai</option>' in html
    assert '<option value="cli" >cli</option>' in html
    only = client.get(URL + "?action=disclosure.publish").get_data(as_text=True)
    assert "Đăng công khai<br>" in only and "Gỡ thông tin công khai<br>" not in only
    by_actor = client.get(URL + "?actor=cli").get_data(as_text=True)
    assert "Gỡ thông tin công khai<br>" in by_actor and "Đăng công khai<br>" not in by_actor
    # 00:18 on 03/12 in the ward: in 03/12, not in 02/12
    assert "Đăng công khai<br>" in client.get(URL + "?from=2026-12-03&to=2026-12-03").get_data(as_text=True)
    day2 = client.get(URL + "?from=2026-12-02&to=2026-12-02").get_data(as_text=True)
    assert "Đăng công khai<br>" not in day2 and "00:18 03/12/2026" not in day2
    assert "00:18 03/12/2026" in client.get(URL).get_data(as_text=True)
    assert late.id


def test_bad_filters_are_explained_never_a_500(client, db, login_as):
    login_as("admin")
    _event(db, "disclosure.publish")
    r = client.get(URL + "?action=drop%20table&from=31/02/2026&subject_type=x")
    assert r.status_code == 400
    html = r.get_data(as_text=True)
    assert "Giá trị lọc không có trong danh sách" in html and "Ngày không hợp lệ" in html
    assert 'value="31/02/2026"' in html  # what was typed is kept
    r = client.get(URL + "?from=2026-12-05&to=2026-12-01")
    assert r.status_code == 400 and "không được trước ngày bắt đầu" in r.get_data(as_text=True)


def test_csv_export_utf8_bom_text_and_no_formulas(client, db, login_as):
    login_as("admin")
    _event(db, "disclosure.withdraw", {"reason": "=HYPERLINK(\"http://evil\",\"x\")"}, actor="@SUM(A1)",
           when=dt.datetime(2026, 12, 2, 17, 18, tzinfo=dt.UTC))
    _event(db, "disclosure.publish")
    r = client.get(URL + "?format=csv&action=disclosure.withdraw")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    assert r.data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(r.data.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Mã sự kiện", "Thời gian", "Người thực hiện", "Mã hành động", "Hành động"]
    assert len(rows) == 2  # the filter applies to the export
    row = rows[1]
    assert row[1] == "03/12/2026 00:18:00" and row[2] == "'@SUM(A1)"
    assert row[4] == "Gỡ thông tin công khai" and row[7].startswith("Lý do: =HYPERLINK")
    assert len(row[9]) == 64  # the entry's hash, to compare with `flask audit verify`


def test_only_admins(client, login_as):
    login_as("moderator")
    assert client.get(URL + "?format=csv").status_code == 403


def test_registered_codes_cover_what_the_code_records():
    """Every literal action code passed to audit.record has a description."""
    import re
    from pathlib import Path

    from portal import create_app
    from portal.auditlabels import known_actions
    from portal.config import TestingConfig

    root = Path(__file__).resolve().parents[2]
    codes = set()
    for package in ("portal", "moderation", "public_docs"):
        for path in (root / package).rglob("*.py"):
            codes |= set(re.findall(r"audit\.record\([^,()]+(?:\([^)]*\))?, \"([a-z_]+(?:\.[a-z_]+)?)\"",
                                    path.read_text(encoding="utf-8")))
    app = create_app(type("C", (TestingConfig,), {"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"}))
    with app.app_context():
        missing = sorted(codes - set(known_actions()))
    assert len(codes) > 40 and missing == []


@pytest.mark.parametrize("query", ["from=9999-12-31&to=9999-12-31", "to=31/12/9999", "from=0001-01-01",
                                   "from=01/01/0001&format=csv", "to=9999-12-31&format=csv"])
def test_dates_at_the_ends_of_the_calendar_are_refused_not_a_500(client, db, login_as, query):
    login_as("admin")
    _event(db, "disclosure.publish")
    r = client.get(URL + "?" + query)
    assert r.status_code == 400 and "Ngày không hợp lệ" in r.get_data(as_text=True)

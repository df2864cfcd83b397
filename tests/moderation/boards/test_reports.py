import csv
import datetime as dt
import io

from openpyxl import load_workbook

from moderation import reports
from moderation.documents import docx_text, two
from tests.fixtures.boards import statistics_dataset
from tests.fixtures.users import sign_in


def test_two_digit_counts():
    assert [two(0), two(2), two(9), two(12)] == ["0", "02", "09", "12"]


def test_periods():
    assert reports.period_bounds("quarter", 2026, 1)[:2] == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert reports.period_bounds("quarter", 2026, 4)[:2] == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert reports.period_bounds("half", 2026, 2)[:2] == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert reports.period_bounds("year", 2026)[2] == "năm 2026"


def test_report_downloads_hold_the_figures(client, db, board_setup):
    s = board_setup
    statistics_dataset(db, s)
    from public_docs.disclosures.models import Disclosure, DisclosureStatus

    db.session.add(Disclosure(number="12/KH-UBND", title="Kế hoạch 2026", category="plans",
                              status=DisclosureStatus.published,
                              published_at=dt.datetime(2026, 2, 3, 3, tzinfo=dt.UTC)))
    db.session.add(Disclosure(number="3/DT-UBND", title="Dự thảo quy ước", category="conventions",
                              status=DisclosureStatus.published, comments_open_from=dt.date(2026, 4, 1),
                              comments_open_until=dt.date(2026, 5, 1),
                              published_at=dt.datetime(2026, 3, 30, 3, tzinfo=dt.UTC)))
    db.session.commit()
    sign_in(client, s.head)
    q = "kind=quarter&year=2026&part=2"  # April–June: 5 petitions (3 in April, 2 in May)
    page = client.get(f"/can-bo/bao-cao/?{q}").get_data(as_text=True)
    assert "Tiếp nhận 05 ý kiến kiến nghị của Nhân dân" in page
    stats = reports.compute_statistics(dt.date(2026, 4, 1), dt.date(2026, 6, 30))

    docx = client.get(f"/can-bo/bao-cao/?{q}&format=docx")
    assert docx.status_code == 200
    text = docx_text(docx.data)
    assert f"Tiếp nhận {two(stats['totals']['received'])} ý kiến kiến nghị của Nhân dân về " in text
    assert "môi trường" in text and "đất đai" in text
    assert f"đã chuyển {two(stats['totals']['referred'])} kiến nghị đến cơ quan có thẩm quyền giải quyết." in text
    assert "không tiếp nhận 01 kiến nghị" in text
    assert "hướng dẫn 01 trường hợp" in text
    assert "01 nội dung (Dự thảo quy ước)" in text

    rows = list(csv.reader(io.StringIO(client.get(f"/can-bo/bao-cao/?{q}&format=csv").data.decode("utf-8-sig"))))
    as_dict = {(r[0], r[1]): r[2] for r in rows[1:]}
    assert as_dict[("Phản ánh, kiến nghị", "Tiếp nhận")] == str(stats["totals"]["received"]) == "5"
    assert as_dict[("Phản ánh, kiến nghị", "Không tiếp nhận")] == "1"
    assert as_dict[("Lấy ý kiến Nhân dân", "Số nội dung lấy ý kiến")] == "1"

    wb = load_workbook(io.BytesIO(client.get(f"/can-bo/bao-cao/?{q}&format=xlsx").data))
    summary = {(r[0], r[1]): r[2] for r in wb["Tổng hợp"].iter_rows(min_row=2, values_only=True)}
    assert summary[("Phản ánh, kiến nghị", "Tiếp nhận")] == 5
    assert summary[("Phản ánh, kiến nghị", "Đã kết thúc")] == stats["totals"]["closed"]
    assert {r[0]: r[1] for r in wb["Theo tháng"].iter_rows(min_row=2, values_only=True)} == {
        "2026-04": 3, "2026-05": 2, "2026-06": 0}
    year_book = load_workbook(io.BytesIO(client.get("/can-bo/bao-cao/?kind=year&year=2026&format=xlsx").data))
    year = {(r[0], r[1]): r[2] for r in year_book["Tổng hợp"].iter_rows(min_row=2, values_only=True)}
    assert year[("Công khai theo lĩnh vực", "Kế hoạch phát triển kinh tế - xã hội")] == 1
    for data in (docx.data,):
        assert b"dan@example.vn" not in data


def test_report_bad_input_and_access(client, db, make_user):
    sign_in(client, make_user("editor"))
    r = client.get("/can-bo/bao-cao/?kind=custom&year=2026&start=2026-05-01&end=2026-04-01")
    assert r.status_code == 400 and "Ngày kết thúc phải sau ngày bắt đầu" in r.get_data(as_text=True)
    assert client.get("/can-bo/bao-cao/?kind=quarter&year=abcd").status_code == 400
    anon = client.application.test_client()
    assert anon.get("/can-bo/bao-cao/").status_code in (302, 401)


def test_a_custom_period_at_the_calendars_ends_is_a_message_not_a_500(client, db, make_user):
    sign_in(client, make_user("editor"))
    for start, end, fmt in [("9999-12-31", "9999-12-31", ""), ("0001-01-01", "2026-01-01", ""),
                            ("2026-01-01", "9999-12-31", "xlsx"), ("2026-01-01", "9999-12-31", "docx")]:
        r = client.get(f"/can-bo/bao-cao/?kind=custom&start={start}&end={end}&format={fmt}")
        assert r.status_code == 400 and "không hợp lệ" in r.get_data(as_text=True), (start, end, fmt)

"""Stored text never becomes a live formula in an export (issue 11, item 23): in the XLSX report every
cell typed by a person is a string holding exactly what was typed; in every CSV (the report, the
disclosures export) such a cell starts with a single quote."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook

from tests.fixtures.users import sign_in

PAYLOADS = [
    '=HYPERLINK("http://evil","x")',
    "+1+1",
    "@SUM(A1)",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+2",
    "\r=1+2",
    "  =1+2",
    "\uff1d1+2",  # full-width equals sign
]
HARMLESS = ["Kế hoạch 2026", "Dự thảo quy ước: ý kiến = 3", "a-b", ""]


def _consultations(db, titles: list[str], number_prefix: str = "") -> None:
    from public_docs.disclosures.models import Disclosure, DisclosureStatus

    for i, title in enumerate(titles):
        db.session.add(Disclosure(
            number=f"{number_prefix}{i + 1}/DT-UBND", title=title, category="conventions",
            status=DisclosureStatus.published, comments_open_from=dt.date(2026, 4, 1),
            comments_open_until=dt.date(2026, 5, 1),
            published_at=dt.datetime(2026, 3, 30, 3, tzinfo=dt.UTC)))
    db.session.commit()


def _report(client, fmt: str) -> bytes:
    resp = client.get(f"/can-bo/bao-cao/?kind=quarter&year=2026&part=2&format={fmt}")
    assert resp.status_code == 200
    return resp.data


def test_report_xlsx_keeps_typed_titles_as_text(client, db, make_user):
    titles = PAYLOADS + HARMLESS[:2]
    _consultations(db, titles)
    sign_in(client, make_user("board_head", "board_member"))
    wb = load_workbook(io.BytesIO(_report(client, "xlsx")))
    sheet = wb["Lấy ý kiến"]
    cells = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == titles  # round-trips unchanged
    assert all(c.data_type == "s" for c in cells)
    formulas = [c.coordinate for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    # Excel's own "text typed with an apostrophe" mark on the risky cells only.
    assert [c.quotePrefix for c in cells] == [True] * len(PAYLOADS) + [False, False]
    # Numbers stay numbers.
    assert all(isinstance(row[4].value, int) for row in sheet.iter_rows(min_row=2))


def test_report_csv_neutralises_typed_text(client, db, make_user):
    _consultations(db, PAYLOADS, number_prefix="=")
    sign_in(client, make_user("board_head", "board_member"))
    rows = list(csv.reader(io.StringIO(_report(client, "csv").decode("utf-8-sig"))))
    labels = [r[1] for r in rows if r[0] == "Lấy ý kiến Nhân dân" and r[1] != "Số nội dung lấy ý kiến"]
    assert len(labels) == len(PAYLOADS)
    assert all(label.startswith("'=") for label in labels)  # "=1/DT-UBND: ..." would be a formula
    counts = [r[2] for r in rows if r[0] == "Lấy ý kiến Nhân dân"]
    assert all(c.isdigit() for c in counts)  # figures are not quoted


def test_disclosure_csv_export_neutralises_titles(client, db):
    _consultations(db, PAYLOADS + HARMLESS[:2])
    resp = client.get("/cong-khai/xuat.csv")
    assert resp.status_code == 200
    rows = list(csv.reader(io.StringIO(resp.data.decode("utf-8-sig"))))
    by_title = {r[2].lstrip("'"): r[2] for r in rows[1:]}
    for payload in PAYLOADS:
        assert by_title[payload.lstrip("'")] == "'" + payload
    for harmless in HARMLESS[:2]:
        assert by_title[harmless] == harmless
    assert all(r[0].isdigit() for r in rows[1:])


@pytest.mark.parametrize("value", PAYLOADS + ["-", "@", "=", "\n=1"])
def test_csv_cell_quotes_every_formula_start(value):
    from portal.exports import csv_bytes, csv_cell

    assert csv_cell(value) == "'" + value
    parsed = next(csv.reader(io.StringIO(csv_bytes(["h"], [[value]]).decode("utf-8-sig").split("\r\n", 1)[1])))
    assert parsed == ["'" + value]


@pytest.mark.parametrize("value", HARMLESS + [12, -5, 3.5, None])
def test_csv_cell_leaves_plain_values(value):
    from portal.exports import csv_cell

    assert csv_cell(value) == ("" if value is None else value)


@pytest.mark.parametrize("value", PAYLOADS + HARMLESS)
def test_xlsx_append_round_trips_text(value):
    from portal.exports import xlsx_append

    wb = Workbook()
    xlsx_append(wb.active, [value, 7, dt.date(2026, 1, 2)])
    out = io.BytesIO()
    wb.save(out)
    a, b, c = next(load_workbook(io.BytesIO(out.getvalue())).active.iter_rows(min_row=1, max_row=1))
    if value:
        assert (a.value, a.data_type) == (value, "s")
    assert (b.value, b.data_type) == (7, "n")
    assert c.is_date

"""The periodic report in the directive's outline: hand-added figures per period, the portal's
figures by channel in section III, an A4 DOCX with the ward's letterhead."""
from __future__ import annotations

import io

from docx import Document
from sqlalchemy import select

from moderation.reception.models import ReportSupplement
from tests.moderation.reception.conftest import offline_form


def _text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(cells + [p.text for p in doc.paragraphs])


def test_hand_added_figures_and_channels_in_the_six_month_report(client, login_as, make_user, groups, db):
    from moderation.reception import services

    clerk = make_user("reception")
    services.enter_offline_petition(clerk, offline_form(channel="letter", name="", phone="", address="",
                                                        consent_contact=""))
    db.session.commit()
    from moderation.cases.deadlines import today

    year = today().year
    part = 1 if today().month <= 6 else 2
    login_as("board_head")
    url = f"/can-bo/tiep-nhan/bao-cao?kind=half&year={year}&part={part}"
    page = client.get(url).get_data(as_text=True)
    assert "Hạn gửi" in page
    bad = client.post(url, data={"mediation_cases": "3", "mediation_successful": "5", "surveys": "x"})
    assert bad.status_code == 422
    html = bad.get_data(as_text=True)
    assert "không được lớn hơn" in html or "số nguyên" in html
    assert db.session.scalar(select(ReportSupplement)) is None
    ok = client.post(url, data={"meetings_held": "4", "mediation_cases": "5", "mediation_successful": "4",
                                "surveys": "200", "satisfied": "190", "overview": "Phường có 8 tổ dân phố.",
                                "proposals": "Đề nghị cấp trên hỗ trợ kinh phí."})
    assert ok.status_code == 302
    resp = client.get(url + "&format=docx")
    assert resp.status_code == 200
    text = _text(resp.data)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "BÁO CÁO" in text
    assert "Tổ chức 04 hội nghị, cuộc họp với Nhân dân" in text
    assert "hòa giải thành 04 vụ việc (đạt 80%)" in text and "190 phiếu hài lòng" in text
    assert "Phường có 8 tổ dân phố." in text and "Đề nghị cấp trên hỗ trợ kinh phí." in text
    assert "qua thư, đơn gửi đến phường" in text  # the letter, named by its channel
    section = Document(io.BytesIO(resp.data)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_report_page_is_for_report_staff(client, login_as):
    for role, status in (("reception", 403), ("board_member", 403), ("editor", 200), ("moderator", 200)):
        login_as(role)
        assert client.get("/can-bo/tiep-nhan/bao-cao").status_code == status, role
    assert client.get("/can-bo/tiep-nhan/bao-cao?year=abc").status_code == 400


def test_xlsx_has_title_typed_dates_frozen_headers_and_channels(client, login_as, make_user, groups, db):
    import csv
    import datetime as dt

    from openpyxl import load_workbook

    from moderation.reception import services

    services.enter_offline_petition(make_user("reception"), offline_form(channel="hotline"))
    db.session.commit()
    login_as("editor")
    year = dt.date.today().year
    wb = load_workbook(io.BytesIO(client.get(f"/can-bo/bao-cao/?kind=year&year={year}&format=xlsx").data))
    info = wb["Thông tin"]
    assert "Kết quả thực hiện dân chủ ở cơ sở" in info["B1"].value and "Phường Hòa An" in info["B2"].value
    assert info["B3"].value.date() == dt.date(year, 1, 1) and info["B3"].number_format == "DD/MM/YYYY"
    summary = wb["Tổng hợp"]
    assert summary.freeze_panes == "A2" and str(summary.page_setup.paperSize) == summary.PAPERSIZE_A4
    rows = {(r[0].value, r[1].value): r[2] for r in summary.iter_rows(min_row=2)}
    assert rows[("Kỳ báo cáo", "Từ ngày")].value.date() == dt.date(year, 1, 1)
    assert rows[("Theo kênh tiếp nhận", "Đường dây nóng")].value == 1
    assert wb["Theo kênh"].freeze_panes == "A2"
    text = client.get(f"/can-bo/bao-cao/?kind=year&year={year}&format=csv").data.decode("utf-8-sig")
    assert ["Theo kênh tiếp nhận", "Đường dây nóng", "1"] in list(csv.reader(io.StringIO(text)))

"""An editor publishes a disclosure with an attachment; a resident finds it by a query without
diacritics, opens it and downloads the attachment."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from playwright.sync_api import expect

from portal.accounts import services as accounts
from portal.extensions import db
from portal.templating import nav_url

ROOT = Path(__file__).resolve().parents[1]


def _pdf(tmp_path) -> Path:
    from demo.minipdf import make_pdf

    path = tmp_path / "ke-hoach-chinh-trang-via-he.pdf"
    path.write_bytes(make_pdf("Kế hoạch chỉnh trang vỉa hè", ["Chỉnh trang vỉa hè đường Tôn Đức Thắng năm 2027."]))
    return path


def test_editor_publishes_and_resident_finds_and_downloads(page, live_app, live_server, tmp_path):
    with live_app.app_context():
        accounts.create_user("bientap@test.vn", ["editor"], "Str0ng-Passw0rd!", name="Biên tập")
        db.session.commit()
        with live_app.test_request_context():
            has_search = nav_url("search.results") is not None
    pdf = _pdf(tmp_path)

    page.goto(live_server + "/can-bo/dang-nhap")
    page.get_by_label("Email").fill("bientap@test.vn")
    page.get_by_label("Mật khẩu").fill("Str0ng-Passw0rd!")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Khu vực cán bộ")

    page.goto(live_server + "/can-bo/cong-khai/moi")
    page.get_by_label("Số, ký hiệu", exact=True).fill("97/KH-UBND")
    page.get_by_label("Trích yếu (tiêu đề)").fill("Kế hoạch chỉnh trang vỉa hè đường Tôn Đức Thắng")
    page.get_by_label("Lĩnh vực công khai").select_option("projects")
    page.get_by_label("Hình thức văn bản").select_option("Kế hoạch")
    page.get_by_label("Ngày ban hành").fill((dt.date.today() - dt.timedelta(days=1)).isoformat())
    page.get_by_label("Tóm tắt nội dung").fill("Lát lại vỉa hè, trồng cây xanh và bố trí chỗ để xe máy.")
    page.get_by_label("Tệp đính kèm", exact=False).set_input_files(str(pdf))
    page.get_by_role("button", name="Lưu bản nháp").click()
    expect(page.get_by_role("heading", name="Xem trước (như người dân sẽ thấy)")).to_be_visible()

    # publishing needs the secrecy confirmation
    page.get_by_role("button", name="Công bố", exact=True).click()
    expect(page.locator("#secrecy-err")).to_contain_text("bí mật nhà nước")
    page.get_by_label("Tôi xác nhận văn bản không chứa bí mật nhà nước").check()
    page.get_by_role("button", name="Công bố", exact=True).click()
    expect(page.get_by_text("Đã công bố văn bản trên cổng thông tin.")).to_be_visible()

    # a resident (new browser context: not signed in)
    resident = page.context.browser.new_context(accept_downloads=True)
    rpage = resident.new_page()
    title = "Kế hoạch chỉnh trang vỉa hè đường Tôn Đức Thắng"
    if has_search:
        link = rpage.get_by_role("link", name=title)
        for _ in range(20):  # the index is updated right after the publishing request
            rpage.goto(live_server + "/tim-kiem?q=chinh+trang+via+he")
            if link.count():
                break
            rpage.wait_for_timeout(250)
        link.first.click()
    else:
        rpage.goto(live_server + "/cong-khai")
        rpage.get_by_role("link", name=title).click()
    expect(rpage.get_by_role("heading", level=1)).to_have_text(title)
    expect(rpage.get_by_text("97/KH-UBND").first).to_be_visible()
    with rpage.expect_download() as info:
        rpage.get_by_role("link", name="ke-hoach-chinh-trang-via-he.pdf").click()
    download = info.value
    assert download.suggested_filename == "ke-hoach-chinh-trang-via-he.pdf"
    assert Path(download.path()).read_bytes() == pdf.read_bytes()
    resident.close()

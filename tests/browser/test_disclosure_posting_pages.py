"""An editor records how a published disclosure was also posted (issue 18, items 14 and 15): a
refused loudspeaker record keeps what was typed; the public page, on a phone (390 px) and a desktop
(1280 px), lists the postings and a posting period counted from publication. Screenshots go to the
test's temporary folder."""
from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from portal.accounts import services as accounts
from portal.extensions import db
from portal.ward import today
from public_docs.disclosures import services


def test_editor_records_postings_shown_on_the_public_page(page, browser, live_app, live_server, tmp_path):
    with live_app.app_context():
        accounts.create_user("bientap@test.vn", ["editor"], "Str0ng-Passw0rd!", name="Biên tập")
        issued = today() - dt.timedelta(days=60)
        d = services.create_disclosure({
            "number": "03/QĐ-UBND", "title": "Quyết định phê duyệt dự toán thu chi ngân sách phường năm 2026",
            "category": "other", "form": "Quyết định", "issuer": "UBND phường Hòa An",
            "issued_on": issued.isoformat()}, actor="test")
        services.publish_disclosure(d, actor="test", secrecy_confirmed=True)
        db.session.commit()
        d_id, published = d.id, d.posting_start
    assert published == today()  # not the issue date, 60 days earlier

    page.goto(live_server + "/can-bo/dang-nhap")
    page.get_by_label("Email").fill("bientap@test.vn")
    page.get_by_label("Mật khẩu").fill("Str0ng-Passw0rd!")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Khu vực cán bộ")
    page.goto(f"{live_server}/can-bo/cong-khai/{d_id}")
    expect(page.locator("#late-publication")).to_contain_text("Công bố muộn")

    start = today()
    form = page.locator("#posting-form")
    form.get_by_label("Hình thức").select_option("loudspeaker")
    form.get_by_label("Từ ngày (hội nghị: ngày họp)").fill(start.isoformat())
    form.get_by_label("Đến hết ngày").fill((start + dt.timedelta(days=1)).isoformat())
    form.get_by_label("Truyền thanh: luật yêu cầu").check()
    form.get_by_label("Ghi chú (không bắt buộc)").fill("Phát lúc 6 giờ và 17 giờ")
    form.get_by_role("button", name="Ghi hình thức công khai").click()
    form = page.locator("#posting-form")
    expect(form.locator("#posting-end-err")).to_contain_text("ít nhất 3 ngày")
    expect(form.get_by_label("Ghi chú (không bắt buộc)")).to_have_value("Phát lúc 6 giờ và 17 giờ")
    form.get_by_label("Đến hết ngày").fill((start + dt.timedelta(days=2)).isoformat())
    form.get_by_label("Truyền thanh: luật yêu cầu").check()
    form.get_by_role("button", name="Ghi hình thức công khai").click()
    expect(page.get_by_text("Đã ghi hình thức công khai.")).to_be_visible()
    form = page.locator("#posting-form")
    form.get_by_label("Hình thức").select_option("group_house")
    form.get_by_label("Nơi niêm yết, tổ dân phố hoặc tên hội nghị").fill("Nhà văn hóa tổ dân phố 3")
    form.get_by_label("Từ ngày (hội nghị: ngày họp)").fill(start.isoformat())
    form.get_by_role("button", name="Ghi hình thức công khai").click()
    expect(page.get_by_text("Đã ghi hình thức công khai.")).to_be_visible()

    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        resident = context.new_page()
        resident.goto(f"{live_server}/cong-khai/{d_id}")
        postings = resident.locator("ul.postings")
        expect(postings).to_contain_text("Thông báo trên hệ thống truyền thanh")
        expect(postings).to_contain_text("3 ngày phát")
        expect(postings).to_contain_text("Nhà văn hóa tổ dân phố 3")
        period = f"{start:%d/%m/%Y} – {start + dt.timedelta(days=30):%d/%m/%Y}"
        expect(resident.locator("dl.meta")).to_contain_text(period)
        assert resident.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        resident.screenshot(path=str(tmp_path / f"disclosure-postings-{width}.png"), full_page=True)
        context.close()

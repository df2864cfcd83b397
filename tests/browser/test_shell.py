from playwright.sync_api import expect

from portal.accounts import services
from portal.extensions import db


def test_home_language_switch_and_login(page, live_app, live_server):
    with live_app.app_context():
        services.create_user("admin@test.vn", ["admin"], "Str0ng-Passw0rd!", name="Admin")
        db.session.commit()
    page.goto(live_server + "/gioi-thieu")
    expect(page.locator("h1")).to_have_count(1)
    page.get_by_role("link", name="English", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("link", name="Tiếng Việt", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    page.goto(live_server + "/can-bo/dang-nhap")
    page.get_by_label("Email").fill("admin@test.vn")
    page.get_by_label("Mật khẩu").fill("Str0ng-Passw0rd!")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Khu vực cán bộ")

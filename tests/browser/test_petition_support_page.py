"""A resident supports a petition from its public page (issue 18, item 1), on a phone (390 px) and a
desktop (1280 px): the form fits the screen, a bad contact keeps what was typed, the support counts,
and the threshold notice appears. Screenshots of each width go to the test's temporary folder."""
from __future__ import annotations

from playwright.sync_api import expect

from moderation.boards.routing import route_approved_petition
from portal.accounts import services
from portal.extensions import db
from portal.settings import set_setting
from tests.fixtures.boards import make_petition


def _petition(live_app) -> int:
    with live_app.app_context():
        moderator = services.create_user("kd@test.vn", ["moderator"], "Str0ng-Passw0rd!", name="Lê Thị Duyệt")
        sub = make_petition(title="Đèn chiếu sáng kiệt 45 Lê Lợi bị hỏng",
                            description="Đèn chiếu sáng công cộng ở kiệt 45 Lê Lợi hỏng hơn một tháng.")
        route_approved_petition(sub, moderator)
        set_setting("FORM_MIN_FILL_SECONDS", 0, actor="test")
        set_setting("SUPPORT_PUBLIC_ANSWER_THRESHOLD", 2, actor="test")
        db.session.commit()
        return sub.id


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_support_from_the_public_page_on_a_phone_and_a_desktop(browser, live_app, live_server, tmp_path):
    sub_id = _petition(live_app)
    for n, (width, contact) in enumerate(((390, "mai@example.com"), (1280, "0905123456")), start=1):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(f"{live_server}/kien-nghi/{sub_id}")
        field = page.get_by_label("Số điện thoại hoặc email của bạn (không hiển thị)")
        expect(field).to_be_visible()
        assert _no_horizontal_scroll(page)
        page.screenshot(path=str(tmp_path / f"support-form-{width}.png"), full_page=True)
        if n == 1:  # a bad contact first: refused, what was typed kept
            field.fill("mai@example")
            page.get_by_role("button", name="Ủng hộ kiến nghị này").click()
            expect(page.get_by_role("alert")).to_contain_text("không hợp lệ")
            expect(page.get_by_label("Số điện thoại hoặc email của bạn (không hiển thị)")).to_have_value("mai@example")
            page.get_by_label("Số điện thoại hoặc email của bạn (không hiển thị)").fill(contact)
        else:
            field.fill(contact)
        page.get_by_role("button", name="Ủng hộ kiến nghị này").click()
        expect(page.get_by_role("status")).to_contain_text("Cảm ơn bạn đã ủng hộ kiến nghị")
        expect(page.get_by_text(f"Số người ủng hộ: {n}")).to_be_visible()
        page.screenshot(path=str(tmp_path / f"support-done-{width}.png"), full_page=True)
        page.get_by_role("link", name="Xem trang kiến nghị").click()
        expect(page.locator("p.meta")).to_contain_text(f"{n} người ủng hộ")
        if n == 2:
            expect(page.locator("#public-answer-due")).to_have_text("Đã đủ 2 người ủng hộ: Ban sẽ trả lời công khai.")
            assert _no_horizontal_scroll(page)
            page.screenshot(path=str(tmp_path / f"support-threshold-{width}.png"), full_page=True)
        context.close()
    assert all((tmp_path / f"support-form-{w}.png").stat().st_size > 0 for w in (390, 1280))

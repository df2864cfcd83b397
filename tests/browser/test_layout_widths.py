"""Issue 18, item 6: the layout's rough edges, measured in Chromium at 390 px (a phone) and 1280 px
(a desktop). Each page is photographed at both widths (the test's temporary folder, or
``$SCREENSHOT_DIR`` when set) and its geometry asserted: a checkbox or radio button on the line of
its label, the moderation queue without horizontal overflow and without a squeezed cell, chart
labels of at least 12 px, air between the navigation and a breadcrumb and between the last button
and the footer, a full-width redaction text area, and a favicon."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from moderation.boards.routing import route_approved_petition
from portal.accounts import services
from portal.extensions import db
from portal.settings import set_setting
from tests.fixtures.boards import make_petition

PASSWORD = "Str0ng-Passw0rd!"
WIDTHS = (390, 1280)
LONG_TITLE = "Đề nghị sửa chữa hệ thống thoát nước và mặt đường kiệt 45 Lê Lợi sau mùa mưa bão"


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _world(app) -> dict:
    """A moderator, petitions waiting in the queue (one long title, one with a topic), approved
    petitions on several months, topics and groups for the statistics, and a published disclosure."""
    import datetime as dt

    from moderation.intake.models import Topic
    from portal.ward import ResidentialGroup
    from public_docs.disclosures import services as disclosures

    with app.app_context():
        moderator = services.create_user("kd@test.vn", ["moderator"], PASSWORD, name="Lê Thị Duyệt")
        set_setting("FORM_MIN_FILL_SECONDS", 0, actor="test")
        topic = Topic(code="t-long", name="Giao thông, trật tự đô thị và hạ tầng kỹ thuật")
        group = ResidentialGroup(code="XG45", name="Tổ dân phố 45 (khu dân cư Bắc Lê Lợi)", position=45)
        db.session.add_all([topic, group])
        db.session.flush()
        waiting = [make_petition(status="received", title=LONG_TITLE, topic=topic, group=group),
                   make_petition(status="received", title="Đèn đường hỏng", topic=topic),
                   make_petition(status="in_review", title="Rác thải ven sông")]
        for month in (1, 2, 3, 4, 5, 6):
            sub = make_petition(status="approved", title=f"Kiến nghị tháng {month}", topic=topic, group=group,
                                created_at=dt.datetime(2026, month, 10, 3, tzinfo=dt.UTC))
            route_approved_petition(sub, moderator)
        today = disclosures.today()
        d = disclosures.create_disclosure({
            "number": "12/KH-UBND", "title": "Kế hoạch chỉnh trang đô thị năm 2027",
            "summary": "Các tuyến đường được chỉnh trang.", "body": "Nội dung kế hoạch.",
            "category": "plans", "form": "Kế hoạch", "issuer": "UBND phường",
            "issued_on": today.isoformat(), "effective_on": today.isoformat(),
        }, moderator)
        db.session.flush()
        disclosures.publish_disclosure(d, moderator, secrecy_confirmed=True)
        db.session.commit()
        return {"queue_id": waiting[0].id, "disclosure_id": d.id}


def _sign_in(page, base: str) -> None:
    page.goto(base + "/can-bo/dang-nhap")
    page.get_by_label("Email").fill("kd@test.vn")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Khu vực cán bộ")


def _same_line(page, control_selector: str) -> None:
    """The control and its label overlap vertically (one line), the label to the control's right."""
    box = page.locator(control_selector).bounding_box()
    label = page.locator(f"label[for='{control_selector.lstrip('#')}']").bounding_box()
    assert box and label, control_selector
    assert box["y"] < label["y"] + label["height"] and label["y"] < box["y"] + box["height"], (box, label)
    assert label["x"] >= box["x"] + box["width"], (box, label)


def _gap_below(page, upper: str, lower: str) -> float:
    return page.evaluate(
        """([upper, lower]) => document.querySelector(lower).getBoundingClientRect().top
             - document.querySelector(upper).getBoundingClientRect().bottom""", [upper, lower])


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _last_button_to_footer(page) -> float:
    return page.evaluate("""() => {
        const buttons = [...document.querySelectorAll('main .btn, main button')].filter(b => b.offsetParent);
        const last = buttons[buttons.length - 1];
        return document.querySelector('footer.site-footer').getBoundingClientRect().top
             - last.getBoundingClientRect().bottom;
    }""")


def test_pages_at_390_and_1280(browser, live_app, live_server, shots):
    world = _world(live_app)
    measured = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        base = live_server

        # the petition form, step 2: the consent checkbox on its label's line, the button clear of the footer
        page.goto(base + "/gui-kien-nghi")
        page.locator("#topic").select_option(index=1)
        page.locator("#title").fill("Cống thoát nước bị tắc")
        page.locator("#description").fill("Cống thoát nước kiệt 45 Lê Lợi bị tắc hơn một tháng nay.")
        page.get_by_role("button", name="Tiếp tục").click()
        expect(page.locator("#consent")).to_be_visible()
        _same_line(page, "#consent")
        _same_line(page, "#visibility-0")
        measured[f"form-button-footer-{width}"] = gap = _last_button_to_footer(page)
        assert gap >= 8, gap
        assert _no_horizontal_scroll(page)
        page.screenshot(path=str(shots / f"petition-step2-{width}.png"), full_page=True)

        # a disclosure: the breadcrumb clear of the navigation
        page.goto(f"{base}/cong-khai/{world['disclosure_id']}")
        measured[f"breadcrumb-nav-{width}"] = gap = _gap_below(page, "nav.main-nav", "nav.breadcrumb")
        assert gap >= 8, gap
        page.screenshot(path=str(shots / f"disclosure-{width}.png"), full_page=True)

        # statistics: chart labels of at least 12 px, no overflow
        page.goto(base + "/thong-ke?from=2026-01-01&to=2026-12-31")
        sizes = page.evaluate("""() => [...document.querySelectorAll('.bar-chart .bar-label, .bar-chart .bar-value')]
            .map(e => [parseFloat(getComputedStyle(e).fontSize), e.getBoundingClientRect().height])""")
        assert len(sizes) >= 10
        measured[f"chart-label-px-{width}"] = min(s for s, _h in sizes)
        assert all(size >= 12 and height >= 12 for size, height in sizes), sizes
        assert _no_horizontal_scroll(page)
        page.screenshot(path=str(shots / f"statistics-{width}.png"), full_page=True)

        # the moderation queue: no horizontal overflow, no squeezed cell
        _sign_in(page, base)
        page.goto(base + "/can-bo/kiem-duyet/")
        expect(page.get_by_text(LONG_TITLE)).to_be_visible()
        table = page.evaluate("""() => { const t = document.querySelector('table.queue-table');
            const wrap = t.parentElement;
            const widths = [...t.querySelectorAll('tbody td')].map(td => td.getBoundingClientRect().width);
            return {scroll: wrap.scrollWidth, client: wrap.clientWidth, narrowest: Math.min(...widths)}; }""")
        measured[f"queue-narrowest-cell-{width}"] = table["narrowest"]
        assert table["scroll"] <= table["client"], table
        assert table["narrowest"] >= 60, table
        assert _no_horizontal_scroll(page)
        page.screenshot(path=str(shots / f"queue-{width}.png"), full_page=True)

        # a submission: the redirect radio buttons on their labels' lines, a full-width redaction box
        page.goto(f"{base}/can-bo/kiem-duyet/{world['queue_id']}")
        for radio in page.locator("input[name=redirect_kind]").all():
            _same_line(page, "#" + radio.get_attribute("id"))
        area = page.locator("#public_description").bounding_box()
        main = page.locator("main").bounding_box()
        measured[f"redaction-width-{width}"] = area["width"]
        assert area["width"] >= 0.8 * (main["width"] - 32), (area, main)
        assert area["height"] >= 200, area
        measured[f"queue-button-footer-{width}"] = gap = _last_button_to_footer(page)
        assert gap >= 8, gap
        page.screenshot(path=str(shots / f"moderation-detail-{width}.png"), full_page=True)

        # the favicon
        assert page.request.get(base + "/favicon.ico").status == 200
        context.close()
    print("measured", measured)
    assert len(list(shots.glob("*.png"))) == 5 * len(WIDTHS)

"""Accessibility in a real browser: axe-core (node_modules/axe-core, installed by ``make
test-browser``) injected into Debian's Chromium finds no serious or critical violation on the
pages residents and staff use, and a petition can be filed from the home page with the keyboard
only.

A page whose endpoint does not exist yet is reported as an expected failure naming the endpoint
(``-rx`` lists them), not skipped silently.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import url_for
from playwright.sync_api import expect
from security.harness import PASSWORD, build_dataset

from portal.extensions import db

LOGIN_URL = re.compile(r"/can-bo/dang-nhap")

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
RECEIPT_RE = re.compile(r"\b(KN|YK)-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}\b")


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test-browser does it)")
    return AXE.read_text(encoding="utf-8")


def run_axe(page, axe_source: str) -> list[dict]:
    """Violations of impact serious/critical (WCAG 2.x A/AA rules and best practices)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source + "\n;undefined")  # evaluated through the DevTools protocol: no CSP
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(
                n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').slice(0, 200))}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


def assert_accessible(page, axe_source: str, label: str) -> None:
    bad = run_axe(page, axe_source)
    assert not bad, f"{label} ({page.url}): " + "\n".join(
        f"[{v['impact']}] {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in bad)


@pytest.fixture
def world(live_app):
    live_app.config["FORM_MIN_FILL_SECONDS"] = 0  # the browser fills forms faster than people
    with live_app.app_context():
        ds = build_dataset()
        ds.ids["user_emails"] = {role: u.email for role, u in ds.users.items()}
    return ds


def _url(live_app, endpoint: str, **values) -> str | None:
    if endpoint not in live_app.view_functions:
        return None
    with live_app.test_request_context():
        return url_for(endpoint, **values)


def _need(live_app, endpoint: str, **values) -> str:
    url = _url(live_app, endpoint, **values)
    if url is None:
        pytest.fail(f"page missing: endpoint {endpoint!r} does not exist")
    return url


def sign_in(page, base: str, email: str) -> None:
    page.goto(base + "/can-bo/dang-nhap")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).not_to_have_url(LOGIN_URL)  # the login POST has redirected


PETITION_FORM = "form.petition-form, form:has(textarea)"


def fill_petition_form(page) -> None:
    """Fill the petition form with valid anonymous values whatever its exact layout."""
    form = page.locator(PETITION_FORM).first
    for sel, value in (("[name=title]", "Đèn đường hỏng ở tổ dân phố 5"),
                       ("[name=description]", "Ba cột đèn trên đường Trần Phú không sáng từ hai tuần nay, rất tối.")):
        field = form.locator(sel)
        if field.count() and field.first.is_visible() and not field.first.input_value():
            field.first.fill(value)
    for select in form.locator("select").all():
        values = [v for v in select.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
        if values and not select.input_value() and select.get_attribute("name") != "kind":
            select.select_option(values[0])
    radios = form.locator("input[type=radio][value=anonymous]")
    if radios.count():
        radios.first.check()


def submit(page) -> None:
    with page.expect_navigation():  # wait for the answer page, not the form being left
        page.locator(PETITION_FORM).first.locator("button:not([type=button]), [type=submit]").last.click()


def file_petition(page) -> None:
    """Fill and send the (possibly multi-step) petition form until a receipt code shows."""
    for _ in range(3):
        fill_petition_form(page)
        submit(page)
        if RECEIPT_RE.search(page.locator("main").inner_text()):
            return


PAGES = [
    "home", "disclosure_list", "disclosure_detail", "search_results", "petition_form",
    "petition_form_errors", "receipt", "tracking", "public_petitions", "statistics", "login",
    "moderation_queue", "case_page", "consultations", "consultation_detail", "petition_detail", "editor_list",
    "board_cases",
]


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_violation(name, page, live_app, live_server, world, axe_source):
    ids = world.ids
    emails = ids["user_emails"]
    if name == "home":
        page.goto(live_server + _need(live_app, "disclosures.home"))
    elif name == "disclosure_list":
        page.goto(live_server + _need(live_app, "disclosures.disclosure_list"))
    elif name == "disclosure_detail":
        page.goto(live_server + _need(live_app, "disclosures.disclosure_detail", disclosure_id=ids["disclosure_id"]))
    elif name == "search_results":
        page.goto(live_server + _need(live_app, "search.results", q="kế hoạch"))
    elif name == "petition_form":
        page.goto(live_server + _need(live_app, "intake.petition_form"))
    elif name == "petition_form_errors":
        page.goto(live_server + _need(live_app, "intake.petition_form"))
        page.evaluate("() => document.querySelectorAll('form').forEach(f => f.noValidate = true)")
        submit(page)
        expect(page.locator("[aria-invalid=true]").first).to_be_visible()
    elif name == "receipt":
        page.goto(live_server + _need(live_app, "intake.petition_form"))
        file_petition(page)
        expect(page.locator("main")).to_contain_text(RECEIPT_RE)
    elif name == "tracking":
        endpoint = "intake.track_code" if "intake.track_code" in live_app.view_functions else "intake.track"
        page.goto(live_server + _need(live_app, endpoint, code=ids["code"]))
    elif name == "public_petitions":
        page.goto(live_server + _need(live_app, "accountability.public_petitions"))
    elif name == "statistics":
        page.goto(live_server + _need(live_app, "accountability.statistics"))
    elif name == "login":
        page.goto(live_server + _need(live_app, "accounts.login"))
    elif name == "moderation_queue":
        url = _need(live_app, "queue.index")
        sign_in(page, live_server, emails["moderator"])
        page.goto(live_server + url)
    elif name == "case_page":
        url = _need(live_app, "cases.case_detail", case_id=ids["case_id"])
        sign_in(page, live_server, emails["board_head"])
        page.goto(live_server + url)
    elif name == "consultations":
        page.goto(live_server + _need(live_app, "consultations.consultations"))
    elif name == "consultation_detail":
        consultation = ids["consultation_id"]
        page.goto(live_server + _need(live_app, "consultations.consultation_detail", disclosure_id=consultation))
    elif name == "petition_detail":
        page.goto(live_server + _need(live_app, "accountability.petition_detail", submission_id=ids["submission_id"]))
    elif name == "editor_list":
        url = _need(live_app, "disclosures_editor.disclosures")
        sign_in(page, live_server, emails["editor"])
        page.goto(live_server + url)
    elif name == "board_cases":
        url = _need(live_app, "cases.cases")
        sign_in(page, live_server, emails["board_member"])
        page.goto(live_server + url)
    assert page.locator("h1").count() == 1, f"{name}: expected one h1"
    assert_accessible(page, axe_source, name)


def test_staff_dashboard_and_admin_pages(page, live_app, live_server, world, axe_source):
    """The pages every staff member sees first, and the admin's user list."""
    sign_in(page, live_server, world.ids["user_emails"]["admin"])
    assert_accessible(page, axe_source, "dashboard")
    page.goto(live_server + "/can-bo/quan-tri/nguoi-dung")
    assert_accessible(page, axe_source, "admin users")


def test_narrow_screen_home_has_no_horizontal_scroll(page, live_app, live_server, world):
    page.set_viewport_size({"width": 360, "height": 740})
    for endpoint in ("disclosures.home", "disclosures.disclosure_list", "intake.petition_form"):
        url = _url(live_app, endpoint)
        if url is None:
            continue
        page.goto(live_server + url)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{endpoint}: {overflow}px horizontal scroll at 360 px"


# ----------------------------------------------------------------------------- keyboard only
def _active(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement; return e ? {
        tag: e.tagName.toLowerCase(), type: (e.type || '').toLowerCase(), name: e.name || '',
        text: (e.innerText || e.value || '').trim().slice(0, 80), href: e.getAttribute('href') || '',
        value: e.value || '',
        in_petition_form: !!(e.form && (e.form.classList.contains('petition-form') || e.form.querySelector('textarea')))
        } : {}; }""")


def test_keyboard_only_petition_from_home(page, live_app, live_server, world):
    home = _need(live_app, "disclosures.home")
    form_url = _need(live_app, "intake.petition_form")
    page.goto(live_server + home)
    # 1. Tab to the link to the petition form, open it with Enter.
    for _ in range(60):
        page.keyboard.press("Tab")
        el = _active(page)
        if el.get("tag") == "a" and el.get("href", "").split("?")[0].endswith(form_url):
            break
    else:
        pytest.fail("no keyboard-reachable link from the home page to the petition form")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(form_url)))
    # 2. Walk the form with Tab, typing into empty fields and choosing options with the arrow keys;
    #    Enter on the form's own button; repeat on the next step until the receipt shows.
    for _step in range(3):
        typed, pressed = set(), False
        for _ in range(150):
            page.keyboard.press("Tab")
            el = _active(page)
            tag, typ, name = el.get("tag"), el.get("type"), el.get("name")
            empty = not el.get("value")
            if tag == "textarea" and name not in typed and empty:
                page.keyboard.type("Ba cột đèn trên đường Trần Phú không sáng từ hai tuần nay, rất tối.")
                typed.add(name)
            elif tag == "input" and name == "title" and empty and name not in typed:
                page.keyboard.type("Đèn đường hỏng ở tổ dân phố 5")
                typed.add(name)
            elif tag == "select" and name not in typed and empty:
                page.keyboard.press("ArrowDown")
                typed.add(name)
            elif (tag == "button" or (tag == "input" and typ == "submit")) and el.get("in_petition_form"):
                with page.expect_navigation():  # the next page, not the one being left
                    page.keyboard.press("Enter")
                pressed = True
                break
        assert pressed, f"the form's button was not reached with Tab (filled: {sorted(typed)})"
        if RECEIPT_RE.search(page.locator("main").inner_text()):
            break
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text(RECEIPT_RE)
    code = RECEIPT_RE.search(page.locator("main").inner_text()).group(0)
    with live_app.app_context():
        from moderation.intake.models import Submission

        sub = db.session.query(Submission).filter_by(receipt_code=code).one()
        assert sub.title == "Đèn đường hỏng ở tổ dân phố 5"

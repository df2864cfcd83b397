"""Stored XSS in a real browser: pages showing the vectors (put in through the services by
``security.test_xss.seed_vectors``) are opened in Chromium with the CSP *bypassed*, so that what
is tested is the escaping and sanitizing, not the CSP safety net. No dialog may open and no
vector may set ``window.__xss``; with the CSP on, no violation is reported either (nothing on our
pages relies on inline script)."""
from __future__ import annotations

import re

import pytest
from flask import url_for
from playwright.sync_api import expect
from security.harness import PASSWORD
from security.test_xss import seed_vectors

LOGIN_URL = re.compile(r"/can-bo/dang-nhap")

SAMPLE = 48  # vectors: 48 petitions, 12 cases, 12 disclosures, 12 comments


@pytest.fixture
def seeded(live_app):
    live_app.config["RATELIMIT_ENABLED"] = False
    with live_app.app_context():
        report = seed_vectors(limit=SAMPLE)
        from security.harness import make_staff

        from portal.extensions import db

        admin = make_staff("admin", email="xss-admin@test.phuong.vn")
        db.session.commit()
        report["admin_email"] = admin.email
    return report


def _urls(app, report) -> tuple[list[str], list[str]]:
    public, staff = [], []
    with app.test_request_context():
        def add(target, endpoint, **values):
            if endpoint in app.view_functions:
                target.append(url_for(endpoint, **values))

        track = next((e for e in ("intake.track_code", "intake.track") if e in app.view_functions), None)
        for code in report["codes"][:16]:
            if track:
                add(public, track, code=code)
        for sid in report["submission_ids"][:8]:
            add(public, "accountability.petition_detail", submission_id=sid)
        for d in report["disclosures"][:6]:
            add(public, "disclosures.disclosure_detail", disclosure_id=d)
        add(public, "disclosures.home")
        add(public, "disclosures.disclosure_list")
        add(public, "accountability.public_petitions")
        add(public, "accountability.statistics")
        if report.get("consultation"):
            add(public, "consultations.consultation_detail", disclosure_id=report["consultation"])
        add(public, "search.results", q="script")
        add(public, "search.results", q="VB001")
        for c in report["cases"][:6]:
            add(staff, "cases.case_detail", case_id=c)
        add(staff, "cases.cases")
        add(staff, "queue.index")
        add(staff, "admin.users")
    return public, staff


def _visit(page, url, dialogs) -> str | None:
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(50)  # let onload/onerror handlers of broken images fire
    flag = page.evaluate("() => typeof window.__xss === 'undefined' ? null : String(window.__xss)")
    if flag is not None:
        return f"{url}: a vector ran (window.__xss={flag})"
    if dialogs:
        return f"{url}: a dialog opened ({dialogs[-1]})"
    return None


def test_no_script_runs_from_stored_vectors(new_context, live_app, live_server, seeded):
    public, staff = _urls(live_app, seeded)
    assert public, "no public page to visit"
    context = new_context(bypass_csp=True)
    page = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog):
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    failures = []
    for url in public:
        problem = _visit(page, live_server + url, dialogs)
        if problem:
            failures.append(problem)
    # Staff pages, signed in as an admin (who sees every case).
    page.goto(live_server + "/can-bo/dang-nhap")
    page.get_by_label("Email").fill(seeded["admin_email"])
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).not_to_have_url(LOGIN_URL)  # the login POST has redirected
    for url in staff:
        problem = _visit(page, live_server + url, dialogs)
        if problem:
            failures.append(problem)
    # Interact a little: hover and focus every link and field of a case page (mouseover handlers).
    if staff:
        page.goto(live_server + staff[0])
        for el in page.locator("main a, main abbr, main span").all()[:60]:
            try:
                el.hover(timeout=500)
            except Exception:  # noqa: BLE001 - hidden elements
                pass
        flag = page.evaluate("() => typeof window.__xss === 'undefined' ? null : String(window.__xss)")
        if flag is not None:
            failures.append(f"{staff[0]}: a vector ran on hover")
    assert not failures, "\n".join(failures)
    context.close()


def test_no_csp_violation_on_vector_pages(page, live_app, live_server, seeded):
    """With the CSP on (as served), our pages raise no violation: nothing inline is needed."""
    public, _ = _urls(live_app, seeded)
    violations = []
    page.on("console", lambda msg: violations.append(f"{page.url}: {msg.text}")
            if "Content Security Policy" in msg.text and "script" in msg.text.lower() else None)
    for url in public[:8]:
        page.goto(live_server + url)
    # A violation here means a vector got through as markup AND was blocked by the CSP.
    assert not violations, "\n".join(violations[:20])

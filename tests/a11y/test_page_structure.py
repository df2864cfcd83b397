"""Server-side accessibility checks on every HTML page of the URL map (no browser): exactly one
h1, a skip link to the main content, html lang, every field labelled, errors tied to their fields,
ids unique. Public pages are opened anonymously, staff pages as an admin; every form that takes a
POST is also sent empty, so that its page with errors is checked too."""
from __future__ import annotations

import pytest
from security.harness import build_dataset, classify, fetch, rules, sign_in_client, sign_out_client, url_for_rule
from security.htmlcheck import structure_problems

# Endpoints whose POST must not be sent blindly (it ends the session or changes global settings).
NO_BLIND_POST = {"accounts.logout"}


@pytest.fixture
def config_overrides():
    return {"RATELIMIT_ENABLED": False}


def _is_html(out) -> bool:
    return out.response is not None and "text/html" in (out.response.content_type or "")


def test_every_html_page_structure(app, client):
    ds = build_dataset()
    failures, checked = [], []
    for rule in rules(app):
        kind = classify(rule)
        if kind in ("static", "api") or "GET" not in (rule.methods or ()):
            continue
        url = url_for_rule(rule, ds.ids)
        if kind == "staff":
            sign_in_client(client, ds.users["admin"])
        else:
            sign_out_client(client)
        out = fetch(client, "GET", url)
        if out.status != 200 or not _is_html(out):
            continue
        checked.append(url)
        for p in structure_problems(out.response.get_data(as_text=True), staff=kind == "staff"):
            failures.append(f"GET {url} ({rule.endpoint}): {p}")
    for url in ("/khong-co-trang-nay",):
        sign_out_client(client)
        out = fetch(client, "GET", url)
        assert out.status == 404
        failures += [f"404 page: {p}" for p in structure_problems(out.response.get_data(as_text=True))]
    assert checked, "no HTML page found"
    assert not failures, "\n".join(failures)


def test_forms_with_errors_keep_structure(app, client):
    """Every page that takes a POST, sent empty: the page with its errors is still well formed and
    each invalid field points to its message."""
    ds = build_dataset()
    failures, checked = [], []
    for rule in rules(app):
        kind = classify(rule)
        methods = rule.methods or set()
        if kind in ("static", "api") or "POST" not in methods or "GET" not in methods:
            continue
        if rule.endpoint in NO_BLIND_POST:
            continue
        if kind == "staff":
            sign_in_client(client, ds.users["admin"])
        else:
            sign_out_client(client)
        url = url_for_rule(rule, ds.ids)
        out = fetch(client, "POST", url, data={})
        if out.status >= 500:
            failures.append(f"POST {url} ({rule.endpoint}) empty: {out.status} {out.error}")
            continue
        if not _is_html(out) or out.status not in (200, 400, 422):
            continue
        checked.append(url)
        for p in structure_problems(out.response.get_data(as_text=True), staff=kind == "staff"):
            failures.append(f"POST {url} ({rule.endpoint}) with errors: {p}")
    assert checked, "no form page found"
    assert not failures, "\n".join(failures)

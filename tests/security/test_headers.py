"""Security headers on every route (as anonymous and as an admin), and the session cookie flags."""
from __future__ import annotations

import pytest

from portal.config import ProductionConfig, TestingConfig
from security.harness import PASSWORD, build_dataset, classify, fetch, make_staff, rules, sign_in_client, url_for_rule


@pytest.fixture
def config_overrides():
    return {"RATELIMIT_ENABLED": False}


def _directives(csp: str) -> dict[str, list[str]]:
    out = {}
    for part in csp.split(";"):
        words = part.split()
        if words:
            out[words[0].lower()] = [w.lower() for w in words[1:]]
    return out


def check_headers(resp) -> list[str]:
    problems = []
    h = resp.headers
    csp = h.get("Content-Security-Policy", "")
    if not csp:
        problems.append("no Content-Security-Policy")
    else:
        d = _directives(csp)
        scripts = d.get("script-src", d.get("default-src"))
        if scripts is None:
            problems.append("CSP without script-src/default-src")
        elif "'unsafe-inline'" in scripts or "'unsafe-eval'" in scripts or "*" in scripts:
            problems.append(f"CSP allows unsafe scripts: {scripts}")
        if d.get("object-src", d.get("default-src")) != ["'none'"]:
            problems.append("CSP object-src is not 'none'")
        if "frame-ancestors" not in d and h.get("X-Frame-Options", "").upper() not in ("DENY", "SAMEORIGIN"):
            problems.append("no frame protection")
    if h.get("X-Content-Type-Options", "").lower() != "nosniff":
        problems.append("X-Content-Type-Options is not nosniff")
    if not h.get("Referrer-Policy"):
        problems.append("no Referrer-Policy")
    elif h["Referrer-Policy"].lower() in ("unsafe-url", "no-referrer-when-downgrade"):
        problems.append(f"weak Referrer-Policy {h['Referrer-Policy']}")
    if "X-Frame-Options" not in h and "frame-ancestors" not in csp:
        problems.append("no X-Frame-Options / frame-ancestors")
    return problems


def _every_get(app, ids):
    for rule in rules(app):
        if "GET" in (rule.methods or ()):
            yield rule, url_for_rule(rule, ids)


def test_headers_on_every_route_anonymous_and_admin(app, client):
    ds = build_dataset()
    failures = []
    for who in (None, ds.users["admin"]):
        for rule, url in _every_get(app, ds.ids):
            if who is not None:
                sign_in_client(client, who)
            else:
                with client.session_transaction() as s:
                    s.clear()
            out = fetch(client, "GET", url)
            if out.response is None:
                failures.append(f"{url}: {out.error}")
                continue
            for p in check_headers(out.response):
                failures.append(f"GET {url} ({rule.endpoint}, {'admin' if who else 'anonymous'}): {p}")
    # Error pages carry them too.
    for url in ("/khong-co-trang-nay", "/api/v1/khong-co"):
        out = fetch(client, "GET", url)
        failures += [f"GET {url}: {p}" for p in check_headers(out.response)]
    assert not failures, "\n".join(failures)


def test_html_pages_have_no_inline_script_or_style(app, client):
    """The CSP forbids inline scripts and style attributes: pages must not rely on them."""
    import re

    ds = build_dataset()
    failures = []
    for who in (None, ds.users["admin"]):
        for rule, url in _every_get(app, ds.ids):
            if classify(rule) in ("static", "api"):
                continue
            if who is not None:
                sign_in_client(client, who)
            out = fetch(client, "GET", url)
            if out.response is None or out.status != 200 or "html" not in out.response.content_type:
                continue
            html = out.response.get_data(as_text=True)
            for m in re.finditer(r"<script\b([^>]*)>", html, re.I):
                if "src=" not in m.group(1).lower():
                    failures.append(f"{url}: inline <script>")
            if re.search(r"\sstyle\s*=", html, re.I):
                failures.append(f"{url}: style= attribute")
            if re.search(r"\son[a-z]+\s*=", html, re.I):
                failures.append(f"{url}: on*= event handler attribute")
    assert not failures, "\n".join(sorted(set(failures)))


def _login_cookie(app) -> str:
    with app.app_context():
        from portal.extensions import db

        make_staff("editor", email="cookie@test.phuong.vn")
        db.session.commit()
    client = app.test_client()
    resp = client.post("/can-bo/dang-nhap", data={"email": "cookie@test.phuong.vn", "password": PASSWORD})
    assert resp.status_code in (302, 303), resp.status_code
    cookies = [v for k, v in resp.headers.items() if k.lower() == "set-cookie"]
    session = [c for c in cookies if c.startswith(app.config.get("SESSION_COOKIE_NAME", "session") + "=")]
    assert session, cookies
    return session[-1]


def test_session_cookie_flags(app):
    cookie = _login_cookie(app).lower()
    assert "httponly" in cookie
    assert "samesite=lax" in cookie


def test_session_cookie_secure_in_production(tmp_path):
    from portal import create_app
    from portal.extensions import db

    cfg = type("ProdTest", (ProductionConfig,), {
        "SECRET_KEY": "prod-test", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.db'}",
        "SEARCH_INDEX_DIR": str(tmp_path / "i"), "UPLOAD_DIR": str(tmp_path / "f"), "MAIL_DIR": str(tmp_path / "m"),
        "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False, "PUBLIC_URL": "https://phuong.example.vn",
        "PASSWORD_HASH_METHOD": TestingConfig.PASSWORD_HASH_METHOD,
    })
    app = create_app(cfg)
    with app.app_context():
        db.create_all()
        for fn in app.extensions.get("seed_reference_data", []):
            fn()
        db.session.commit()
    cookie = _login_cookie(app).lower()
    assert "secure" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    resp = app.test_client().get("/gioi-thieu")
    assert "max-age=" in resp.headers.get("Strict-Transport-Security", "")
    with app.app_context():
        db.engine.dispose()

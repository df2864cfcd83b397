from portal import create_app
from portal.config import ProductionConfig


def test_factory_defaults_to_sqlite_in_instance(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("instance/portal.db")
    assert len(app.config["SECRET_KEY"]) >= 32


def test_pages_of_the_shell(client):
    for url in ("/gioi-thieu", "/lien-he", "/en/about", "/healthz"):
        assert client.get(url).status_code == 200
    html = client.get("/lien-he").get_data(as_text=True)
    assert "Người phụ trách" in html and "Cập nhật" in html


def test_unknown_page_gets_styled_404(client):
    resp = client.get("/khong-co-trang-nay")
    assert resp.status_code == 404
    assert "Không tìm thấy trang" in resp.get_data(as_text=True)


def test_security_headers(client):
    resp = client.get("/gioi-thieu")
    csp = resp.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["X-Frame-Options"] == "DENY"
    assert "Referrer-Policy" in resp.headers


def test_production_cookies_secure():
    assert ProductionConfig.SESSION_COOKIE_SECURE is True
    assert ProductionConfig.SESSION_COOKIE_HTTPONLY is True
    assert ProductionConfig.SESSION_COOKIE_SAMESITE == "Lax"


def test_unexpected_error_gets_500_page_in_site_style(app, client):
    @app.get("/__boom")
    def _boom():
        raise RuntimeError("boom")

    resp = client.get("/__boom")
    assert resp.status_code == 500
    html = resp.get_data(as_text=True)
    assert "Lỗi hệ thống" in html and "RuntimeError" not in html
    api = client.get("/api/v1/__nope")
    assert api.status_code == 404 and api.is_json


def test_language_switch_sets_cookie_and_stays_on_page(client):
    resp = client.get("/ngon-ngu/en?next=/lien-he")
    assert resp.status_code == 302 and resp.headers["Location"] == "/lien-he"
    assert "lang=en" in resp.headers["Set-Cookie"]
    html = client.get("/lien-he").get_data(as_text=True)
    assert '<html lang="en">' in html
    evil = client.get("/ngon-ngu/vi?next=//evil.example/x")
    assert evil.headers["Location"] == "/"


def test_healthz_reports_database(client):
    assert client.get("/healthz").get_json() == {"status": "ok", "database": True}

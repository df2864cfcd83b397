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

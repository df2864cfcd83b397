"""PUBLIC_URL (issue 11, item 9): required in production, an absolute http(s) URL everywhere, and the
one root of ``public_url_for``."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from portal import create_app
from portal.config import ProductionConfig

ROOT = Path(__file__).resolve().parents[2]


def _production(tmp_path, **settings):
    cfg = type("Prod", (ProductionConfig,), {
        "SECRET_KEY": "k", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.db'}",
        "SEARCH_INDEX_DIR": str(tmp_path / "i"), "UPLOAD_DIR": str(tmp_path / "f"), "MAIL_DIR": str(tmp_path / "m"),
        **settings})
    return create_app(cfg)


def _start(tmp_path, **env) -> subprocess.CompletedProcess:
    """``create_app()`` in a fresh interpreter, configured from the environment only."""
    base = {k: v for k, v in os.environ.items() if k not in ("PUBLIC_URL", "PROXY_COUNT")}
    base.update(SECRET_KEY="k", DATABASE_URL=f"sqlite:///{tmp_path / 'p.db'}", SEARCH_INDEX_DIR=str(tmp_path / "i"),
                UPLOAD_DIR=str(tmp_path / "f"), MAIL_DIR=str(tmp_path / "m"), PAGE_CACHE_SECONDS="0", **env)
    code = "from portal import create_app; app = create_app(); print('started', app.config['PUBLIC_URL'])"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=base, capture_output=True, text=True,
                          timeout=120)


def test_production_without_public_url_refuses_to_start(tmp_path):
    missing = _start(tmp_path, PORTAL_ENV="production")
    assert missing.returncode != 0 and "started" not in missing.stdout
    assert "PUBLIC_URL is required when PORTAL_ENV=production" in missing.stderr
    bad = _start(tmp_path, PORTAL_ENV="production", PUBLIC_URL="phuong-hoa-an.example.vn")
    assert bad.returncode != 0 and "PUBLIC_URL must be an absolute http:// or https:// address" in bad.stderr
    good = _start(tmp_path, PORTAL_ENV="production", PUBLIC_URL="https://phuong-hoa-an.example.vn/")
    assert good.returncode == 0, good.stderr
    assert good.stdout.strip() == "started https://phuong-hoa-an.example.vn"
    dev = _start(tmp_path, PORTAL_ENV="development")
    assert dev.returncode == 0 and dev.stdout.strip() == "started http://127.0.0.1:5000"


@pytest.mark.parametrize("value", [
    None, "", "   ", "phuong.example.vn", "/cong", "ftp://phuong.example.vn", "https://", "javascript:alert(1)",
    "https://user:pw@phuong.example.vn", "https://phuong.example.vn/?a=1", "https://phuong.example.vn/#x",
    "https://phuong.example.vn:99999", "https://phuong example.vn",
])
def test_production_refuses_a_missing_or_unusable_public_url(tmp_path, value):
    from portal.config import ConfigurationError

    with pytest.raises(ConfigurationError, match="PUBLIC_URL"):
        _production(tmp_path, PUBLIC_URL=value)


@pytest.mark.parametrize("value", ["phuong.example.vn", "mailto:x@y.vn"])
def test_any_environment_refuses_an_unusable_public_url(tmp_path, value):
    from portal.config import ConfigurationError

    with pytest.raises(ConfigurationError, match="PUBLIC_URL"):
        create_app({"TESTING": True, "PUBLIC_URL": value, "SECRET_KEY": "k",
                    "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.db'}"})


@pytest.mark.parametrize("value,expected", [
    ("https://phuong-hoa-an.example.vn", "https://phuong-hoa-an.example.vn/tra-cuu/KN-1"),
    ("HTTPS://Phuong.example.vn:8443/", "https://phuong.example.vn:8443/tra-cuu/KN-1"),
    ("http://10.0.0.5/cong-dan-chu/", "http://10.0.0.5/cong-dan-chu/tra-cuu/KN-1"),
])
def test_public_url_for_roots_links_at_public_url_in_and_out_of_requests(tmp_path, value, expected):
    from portal.urls import public_url_for

    app = _production(tmp_path, PUBLIC_URL=value)
    with app.app_context():
        assert public_url_for("intake.track_code", code="KN-1") == expected
    with app.test_request_context("/", base_url="http://evil.example:81/x"):
        assert public_url_for("intake.track_code", code="KN-1") == expected

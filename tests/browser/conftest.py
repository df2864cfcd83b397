"""Browser tests: the app served on a real socket, driven by Playwright in Debian's Chromium.

Run with ``make test-browser`` (``pytest -m browser``). Never ``playwright install``: the browser is
``/usr/bin/chromium`` from Debian's package.
"""
from __future__ import annotations

import os
import shutil
import threading

import pytest
from werkzeug.serving import make_server

from portal import create_app
from portal.config import TestingConfig
from portal.extensions import db
from public_docs.search import engine as search_engine

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture
def live_app(tmp_path):
    cfg = type("BrowserCfg", (TestingConfig,), {
        "SECRET_KEY": "browser-test",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'live.db'}",
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "UPLOAD_DIR": str(tmp_path / "files"),
        "MAIL_DIR": str(tmp_path / "mail"),
        "WTF_CSRF_ENABLED": True,
        "RATELIMIT_ENABLED": False,
    })
    app = create_app(cfg)
    with app.app_context():
        db.create_all()
        for fn in app.extensions.get("seed_reference_data", []):
            fn()
        db.session.commit()
    return app


@pytest.fixture
def live_server(live_app):
    """Serve ``live_app`` on 127.0.0.1 and yield its base URL."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    search_engine.close_all()  # the warm searchers hold this test's index files open

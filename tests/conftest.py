"""The application under test: a fresh database per test (SQLite file, or PostgreSQL with
TEST_DATABASE_URL), the test client and the CLI runner. Factories and helpers for the data the
tests need are in ``tests/fixtures/`` (loaded below as pytest plugins)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from flask import g
from flask.testing import FlaskClient
from hypothesis import settings as hypothesis_settings
from sqlalchemy import text

from portal import create_app
from portal.config import TestingConfig
from portal.extensions import db as _db
from public_docs.search import engine as search_engine

pytest_plugins = [
    "tests.fixtures.users",
    "tests.fixtures.submissions",
    "tests.fixtures.boards",
    "tests.fixtures.disclosures",
]

PG_URL = os.environ.get("TEST_DATABASE_URL")

# Hypothesis: on a developer's machine each run tries new random examples (a failure is saved in
# .hypothesis/ and replayed first until it is fixed); in CI (``CI`` set, as .ci/run does) every run
# tries the same examples, so CI fails on a change, never on a new draw. What a run finds goes into
# the test as an ``@example``. HYPOTHESIS_PROFILE=ci or =default picks one explicitly.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default"))
_pg_schema_ready = False


def _base_config(tmp_path: Path) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": PG_URL or f"sqlite:///{tmp_path / 'test.db'}",
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "UPLOAD_DIR": str(tmp_path / "files"),
        "MAIL_DIR": str(tmp_path / "mail"),
    }


def _reset_postgres() -> None:
    global _pg_schema_ready
    if not _pg_schema_ready:
        _db.drop_all()
        _db.create_all()
        _pg_schema_ready = True
        return
    tables = ", ".join(f'"{t.name}"' for t in reversed(_db.metadata.sorted_tables))
    _db.session.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    _db.session.commit()


class IsolatedClient(FlaskClient):
    """The test keeps an app context pushed (for direct database access), and Flask reuses it for
    requests, so ``g`` (with Flask-Login's cached user) would leak from one request to the next.
    Clear it before each request, as a real server's fresh context would be."""

    def open(self, *args, **kwargs):
        for key in list(vars(g)):
            delattr(g, key)
        response = super().open(*args, **kwargs)
        # Werkzeug spools a multipart body over 500 KB into a TemporaryFile that nothing closes
        # (a ResourceWarning, an error under ``filterwarnings = error``): close each request's body.
        for answered in (*response.history, response):
            answered.request.environ["wsgi.input"].close()
        return response


@pytest.fixture
def config_overrides() -> dict:
    """Override in a test module (or with ``@pytest.mark.parametrize``) to change the config."""
    return {}


@pytest.fixture
def app(tmp_path, config_overrides):
    cfg = type("TestCfg", (TestingConfig,), {})
    for key, value in {**_base_config(tmp_path), **config_overrides}.items():
        setattr(cfg, key, value)
    app = create_app(cfg)
    app.test_client_class = IsolatedClient
    with app.app_context():
        if PG_URL:
            _reset_postgres()
        else:
            _db.create_all()
        seed = app.extensions.get("seed_reference_data")
        for fn in seed or []:
            fn()
        _db.session.commit()
        yield app
        search_engine.close_all()  # the warm searchers hold this test's index files open
        _db.session.remove()
        _db.engine.dispose()  # close the pool's connections (each test's app has its own engine)


@pytest.fixture
def db(app):
    return _db


@pytest.fixture
def count_queries(db):
    """``with count_queries() as statements: client.get(...)``; then ``len(statements)``: the SQL
    statements sent while the block ran (``tests/fixtures/database.py``)."""
    from tests.fixtures.database import count_statements

    return lambda: count_statements(db.engine)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()

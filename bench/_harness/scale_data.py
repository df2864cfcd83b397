"""The data set of ``bench/scale.py``: an instance holding (or reusing) a busy ward's petitions,
events and disclosures, the migrations a kept data set predates, and the helpers the measurements
need (the statistics' content version, the reference case)."""
from __future__ import annotations

import os
import secrets
import shutil
import time
from pathlib import Path

from .base import log
from .instance import Instance
from .ward import REFERENCE_CODE, STAFF_EMAIL

SETUP = """
import os
import sys
import time
sys.path.insert(0, {bench!r})
from _harness.ward import load_ward
started = time.monotonic()
counts = load_ward(int(os.environ["BENCH_PETITIONS"]), int(os.environ["BENCH_DISCLOSURES"]),
                   int(os.environ["BENCH_EVENTS"]))
print(f"setup: loaded {{counts}} in {{time.monotonic() - started:.1f}} s", flush=True)
"""

def _want(petitions: int, disclosures: int, events: int) -> dict:
    approved = max(1, petitions // 3)
    return {"petitions": petitions, "approved": approved, "cases": approved, "events": events,
            "disclosures": disclosures}


def _engine(url: str):
    from sqlalchemy import create_engine

    return create_engine(url)


def _counts(url: str) -> dict:
    from sqlalchemy import text

    engine = _engine(url)
    out = {}
    try:
        with engine.connect() as conn:
            # Petitions posted by an earlier run (channel api) are not part of the data set.
            for key, sql in (("petitions", "SELECT count(*) FROM submission WHERE channel <> 'api'"),
                             ("approved", "SELECT count(*) FROM submission WHERE status = 'approved'"),
                             ("cases", 'SELECT count(*) FROM "case"'),
                             ("events", "SELECT (SELECT count(*) FROM submission_event e JOIN submission s "
                                        "ON s.id = e.submission_id WHERE s.channel <> 'api') + "
                                        "(SELECT count(*) FROM case_event)"),
                             ("disclosures", "SELECT count(*) FROM disclosure"),
                             ("staff", f"SELECT count(*) FROM \"user\" WHERE email = '{STAFF_EMAIL}'")):
                out[key] = int(conn.execute(text(sql)).scalar() or 0)
    except Exception:  # noqa: BLE001 - no such database or table yet: to be loaded
        return {}
    finally:
        engine.dispose()
    return out


def _ensure_pg_database(url: str) -> None:
    """Create the PostgreSQL database named by ``url`` when it does not exist."""
    from sqlalchemy import text

    name = url.rsplit("/", 1)[-1].split("?")[0]
    admin = _engine(url.rsplit("/", 1)[0] + "/postgres").execution_options(isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar():
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()


def make_instance(name: str, data: Path | None, database_url: str | None, petitions: int, disclosures: int,
                  events: int, setup: Path) -> Instance:
    """An instance holding the data set, loaded unless ``data`` already holds it."""
    saved = os.environ.get("DATABASE_URL")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    try:
        instance = Instance(name, keep=data is not None, extra_env={
            "BENCH_EXTRA_SETUP": str(setup), "BENCH_PETITIONS": str(petitions),
            "BENCH_DISCLOSURES": str(disclosures), "BENCH_EVENTS": str(events), "PAGE_CACHE_SECONDS": "0"})
    finally:
        if saved is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = saved
    if data is not None:  # the instance lives in DATA (kept between runs)
        shutil.rmtree(instance.dir, ignore_errors=True)
        data.mkdir(parents=True, exist_ok=True)
        instance.dir = data
        instance.index_dir, instance.upload_dir = data / "search-index", data / "files"
        instance.mail_dir = data / "mail"
        if instance.dialect == "sqlite":
            instance.database_url = f"sqlite:///{data / 'portal.db'}"
        instance.env.update({"DATABASE_URL": instance.database_url, "SEARCH_INDEX_DIR": str(instance.index_dir),
                             "UPLOAD_DIR": str(instance.upload_dir), "MAIL_DIR": str(instance.mail_dir)})
    if instance.dialect == "postgresql":
        _ensure_pg_database(instance.database_url)
    want = _want(petitions, disclosures, events)
    have = _counts(instance.database_url) if data is not None and instance.index_dir.exists() else {}
    if have and have.pop("staff", 0) == 1 and have == want:
        log(f"{name}: the data set in {data} holds {want}: reused")
        _create_missing_indexes(instance.database_url)
        return instance
    if have:
        log(f"{name}: the data set in {data} holds {have}, not {want}: loaded afresh")
    if instance.dialect == "sqlite":
        Path(instance.database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    started = time.monotonic()
    instance.prepare(demo=False, timeout=4 * 3600)
    have = _counts(instance.database_url)
    have.pop("staff", None)
    log(f"{name}: loaded {have} ({instance.dialect}) in {time.monotonic() - started:.1f} s")
    if have != want:
        raise SystemExit(f"the data set is not what was asked for: {have} != {want}")
    return instance


# Migrations a kept data set may predate (its schema came from ``create_all``, without Alembic):
# (file, a table and a column the migration adds). Each is run on it once, as ``flask db upgrade``
# would on a live ward: the budget kinds, then the stored local days (backfilled; on PostgreSQL
# also the trigram index of the petition search).
KEPT_MIGRATIONS = [("b7d2e41c9a05_budget_kinds.py", "disclosure", "budget_kind"),
                   ("8e3a6f1d2c57_stored_local_days.py", "submission", "created_day"),
                   ("9b4c2e7f1a30_stored_answer_working_days.py", "case", "response_working_days")]


def _apply_migrations(engine) -> None:
    import importlib.util

    from alembic.migration import MigrationContext
    from alembic.operations import Operations
    from sqlalchemy import inspect

    versions = Path(__file__).resolve().parents[2] / "migrations" / "versions"
    for filename, table, column in KEPT_MIGRATIONS:
        if column in {c["name"] for c in inspect(engine).get_columns(table)}:
            continue
        spec = importlib.util.spec_from_file_location(filename.removesuffix(".py"), versions / filename)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        started = time.monotonic()
        with engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
            module.upgrade()
        log(f"kept data set: migration {filename} applied in {time.monotonic() - started:.1f} s")


def _create_missing_indexes(url: str) -> None:
    """A kept data set gets the indexes the models declare now (a later commit may add some)."""
    from portal import create_app
    from portal.extensions import db

    engine = _engine(url)
    try:
        with create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"}).app_context():
            _apply_migrations(engine)
            for table in db.metadata.sorted_tables:
                for index in table.indexes:
                    index.create(engine, checkfirst=True)
        from sqlalchemy import text

        # VACUUM as autovacuum would have by now on a live PostgreSQL (index-only scans need the
        # visibility map); SQLite: ANALYZE for its planner.
        with engine.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
            conn.execute(text("VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"))
    finally:
        engine.dispose()


def _bump_figures(url: str) -> None:
    """Replace the statistics' content version, as any change to a petition does."""
    from sqlalchemy import text

    engine = _engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE content_version SET token = :t WHERE name = 'figures'"),
                         {"t": secrets.token_hex(16)})
    except Exception:  # noqa: BLE001 - an older checkout without the table: nothing is cached
        pass
    finally:
        engine.dispose()


def _reference_case(url: str) -> int:
    from sqlalchemy import text

    engine = _engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text('SELECT c.id FROM "case" c JOIN submission s ON s.id = c.submission_id '
                                         "WHERE s.receipt_code = :c"), {"c": REFERENCE_CODE}).scalar())
    finally:
        engine.dispose()



"""The hand-reviewed migrations build exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade

from portal import create_app
from portal.config import TestingConfig
from portal.extensions import db
from tests.fixtures.database import fresh_database_url


def test_upgrade_to_head_matches_models(tmp_path):
    cfg = type("MigCfg", (TestingConfig,), {
        "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": fresh_database_url(tmp_path),
        "SEARCH_INDEX_DIR": str(tmp_path / "i"), "UPLOAD_DIR": str(tmp_path / "f"), "MAIL_DIR": str(tmp_path / "m"),
    })
    app = create_app(cfg)
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(ctx, db.metadata)
        db.engine.dispose()
    # The petition search's trigram index exists only on PostgreSQL (pg_trgm), made by its migration.
    diff = [d for d in diff if not (d[0] == "remove_index" and d[1].name == "ix_submission_search_trgm")]
    assert diff == [], f"models and migrations differ: {diff}"


def test_stored_local_days_are_backfilled_in_the_ward_time_zone(tmp_path):
    """Migration 8e3a6f1d2c57 fills submission.created_day and case.created_day/responded_day of
    existing rows: 17:30 UTC is 00:30 the next day in the ward."""
    import datetime as dt

    from sqlalchemy import text

    cfg = type("MigCfg", (TestingConfig,), {
        "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": fresh_database_url(tmp_path),
        "SEARCH_INDEX_DIR": str(tmp_path / "i"), "UPLOAD_DIR": str(tmp_path / "f"), "MAIL_DIR": str(tmp_path / "m"),
    })
    app = create_app(cfg)
    evening = dt.datetime(2026, 10, 31, 17, 30)  # UTC, naive as SQLAlchemy binds it below
    with app.app_context():
        upgrade(revision="5c1e2a7d9b40")
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO board (id, kind, name, email, created_at)"
                              " VALUES (1, 'inspection', 'Ban', '', '2026-01-01')"))
            for i, moment in enumerate([evening, evening - dt.timedelta(minutes=31)], start=1):
                conn.execute(text(
                    "INSERT INTO submission (id, receipt_code, kind, matter_kind, status, channel, visibility, title,"
                    " description, search_text, display_name, support_count, created_at, updated_at)"
                    " VALUES (:id, :code, 'petition', 'feedback', 'approved', 'web', 'anonymous', 't', 'd', '', '',"
                    " 0, :at, :at)"), {"id": i, "code": f"KN-{i}", "at": moment})
            conn.execute(text(
                "INSERT INTO \"case\" (id, submission_id, board_id, status, routing_reason, public_response,"
                " reopen_count, rating_comment, dispute_text, created_at, responded_at)"
                " VALUES (1, 1, 1, 'answered', '', '', 0, '', '', :at, :at),"
                " (2, 2, 1, 'new', '', '', 0, '', '', :at, NULL)"),
                {"at": evening})
        upgrade()
        with db.engine.connect() as conn:
            subs = dict(conn.execute(text("SELECT id, created_day FROM submission")).all())
            cases = {r[0]: r[1:] for r in conn.execute(text('SELECT id, created_day, responded_day FROM "case"'))}
        db.engine.dispose()
    day = str(dt.date(2026, 11, 1))
    assert {k: str(v) for k, v in subs.items()} == {1: day, 2: "2026-10-31"}
    assert [str(v) for v in cases[1]] == [day, day] and str(cases[2][0]) == day and cases[2][1] is None

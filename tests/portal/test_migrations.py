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
    assert diff == [], f"models and migrations differ: {diff}"

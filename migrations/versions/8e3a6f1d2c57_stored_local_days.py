"""The ward's calendar days stored on the rows the statistics group by (issue 17):
``submission.created_day``, ``case.created_day`` and ``case.responded_day`` (backfilled here in
batches, in the ward's time zone), with indexes; on PostgreSQL a trigram index (``pg_trgm``) on
``submission.search_text`` for the public petition search (``LIKE '% word%'``). When the
extension cannot be created the search works without the index (a warning is printed).

Revision ID: 8e3a6f1d2c57
Revises: 5c1e2a7d9b40
Create Date: 2026-12-03 12:20:00.000000

"""
import warnings

import sqlalchemy as sa
from alembic import op

from portal.database import UTCDateTime
from portal.ward import local_date

# revision identifiers, used by Alembic.
revision = '8e3a6f1d2c57'
down_revision = '5c1e2a7d9b40'
branch_labels = None
depends_on = None

BATCH = 5000
TRGM_INDEX = "ix_submission_search_trgm"


def _backfill(table: str, columns: dict[str, str]) -> None:
    """``columns``: day column → timestamp column; rows taken by id in batches."""
    bind = op.get_bind()
    t = sa.table(table, sa.column("id", sa.Integer),
                 *[sa.column(ts, UTCDateTime()) for ts in columns.values()],
                 *[sa.column(day, sa.Date) for day in columns])
    update = (sa.update(t).where(t.c.id == sa.bindparam("row_id"))
              .values({day: sa.bindparam("v_" + day) for day in columns}))
    last = 0
    while True:
        rows = bind.execute(sa.select(t.c.id, *[t.c[ts] for ts in columns.values()])
                            .where(t.c.id > last).order_by(t.c.id).limit(BATCH)).all()
        if not rows:
            break
        bind.execute(update, [
            {"row_id": row[0], **{"v_" + day: (local_date(row[i + 1]) if row[i + 1] is not None else None)
                                  for i, day in enumerate(columns)}}
            for row in rows
        ])
        last = rows[-1][0]


def _trigram_index() -> None:
    bind = op.get_bind()
    try:
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError as exc:
        warnings.warn(f"pg_trgm unavailable ({exc.orig}): the petition search runs without its "
                      "trigram index", stacklevel=1)
        return
    op.execute(f"CREATE INDEX IF NOT EXISTS {TRGM_INDEX} ON submission USING gin (search_text gin_trgm_ops)")


def upgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("created_day", sa.Date(), nullable=True))
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("created_day", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("responded_day", sa.Date(), nullable=True))
    _backfill("submission", {"created_day": "created_at"})
    _backfill("case", {"created_day": "created_at", "responded_day": "responded_at"})
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.create_index("ix_submission_kind_day", ["kind", "created_day"], unique=False)
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.create_index("ix_case_submission_days",
                              ["submission_id", "id", "created_day", "responded_day"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        _trigram_index()


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {TRGM_INDEX}")
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_index("ix_case_submission_days")
        batch_op.drop_column("responded_day")
        batch_op.drop_column("created_day")
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_index("ix_submission_kind_day")
        batch_op.drop_column("created_day")

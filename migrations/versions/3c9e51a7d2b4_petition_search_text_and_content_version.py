"""Petitions searchable in the database, statistics cached per content version.

- ``submission.search_text``: the shown title and description folded for the public petition
  search (kept by the model from now on; filled here for the existing rows);
- ``content_version``: one token per kind of derived data, replaced in the transaction of any
  change it derives from (``figures``: the public statistics).

Revision ID: 3c9e51a7d2b4
Revises: b3f1c9a24d10
Create Date: 2026-12-03 09:00:00.000000

"""
import secrets

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '3c9e51a7d2b4'
down_revision = 'b3f1c9a24d10'
branch_labels = None
depends_on = None

BATCH = 500


def _backfill_search_text():
    from moderation.intake.search import search_text

    conn = op.get_bind()
    submission = sa.table(
        'submission', sa.column('id', sa.Integer), sa.column('title', sa.String),
        sa.column('description', sa.Text), sa.column('public_title', sa.String),
        sa.column('public_description', sa.Text), sa.column('search_text', sa.Text),
    )
    last = 0
    while True:
        rows = conn.execute(
            sa.select(submission.c.id, submission.c.title, submission.c.description, submission.c.public_title,
                      submission.c.public_description)
            .where(submission.c.id > last).order_by(submission.c.id).limit(BATCH)
        ).all()
        if not rows:
            return
        conn.execute(
            submission.update().where(submission.c.id == sa.bindparam('row_id'))
            .values(search_text=sa.bindparam('text')),
            [{'row_id': r.id,
              'text': search_text(r.public_title if r.public_title is not None else r.title,
                                  r.public_description if r.public_description is not None else r.description)}
             for r in rows],
        )
        last = rows[-1].id


def upgrade():
    op.add_column('submission', sa.Column('search_text', sa.Text(), server_default='', nullable=False))
    _backfill_search_text()
    content_version = op.create_table('content_version',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('token', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_content_version'))
    )
    op.bulk_insert(content_version, [{'name': 'figures', 'token': secrets.token_hex(16)}])


def downgrade():
    op.drop_table('content_version')
    with op.batch_alter_table('submission') as batch_op:
        batch_op.drop_column('search_text')

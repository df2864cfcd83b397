"""Single-use public-form tokens: the random part of each used token, so that one page stores one
petition, comment, support or added information however often it is posted (issue 11, item 15).

Revision ID: b3f1c9a24d10
Revises: 5c1e9a7d2b40
Create Date: 2026-12-01 09:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

import portal.database

# revision identifiers, used by Alembic.
revision = 'b3f1c9a24d10'
down_revision = '5c1e9a7d2b40'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('form_token',
    sa.Column('nonce', sa.String(length=32), nullable=False),
    sa.Column('form', sa.String(length=16), nullable=False),
    sa.Column('receipt_code', sa.String(length=32), nullable=True),
    sa.Column('used_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('nonce', name=op.f('pk_form_token'))
    )
    with op.batch_alter_table('form_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_form_token_used_at'), ['used_at'], unique=False)


def downgrade():
    with op.batch_alter_table('form_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_form_token_used_at'))
    op.drop_table('form_token')

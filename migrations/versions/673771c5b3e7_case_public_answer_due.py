"""A case marked as needing a public answer once its petition reached the support threshold
(SUPPORT_PUBLIC_ANSWER_THRESHOLD, issue 18 item 1): case.public_answer_due_at and the threshold
reached, case.public_answer_supports.

Revision ID: 673771c5b3e7
Revises: 9db15c99c3ba
Create Date: 2026-12-03 09:30:00.000000

"""
import sqlalchemy as sa
from alembic import op

import portal.database

# revision identifiers, used by Alembic.
revision = '673771c5b3e7'
down_revision = '9db15c99c3ba'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.add_column(sa.Column('public_answer_due_at', portal.database.UTCDateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column('public_answer_supports', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.drop_column('public_answer_supports')
        batch_op.drop_column('public_answer_due_at')

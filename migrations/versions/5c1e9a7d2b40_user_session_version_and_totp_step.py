"""Staff accounts: a session version (bumped to sign out every session of a user) and the last
TOTP time step accepted (a code is refused once its step has been used).

Revision ID: 5c1e9a7d2b40
Revises: e700300199be
Create Date: 2026-12-01 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '5c1e9a7d2b40'
down_revision = 'e700300199be'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('totp_last_step', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('session_version', sa.Integer(), server_default='1', nullable=False))


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('session_version')
        batch_op.drop_column('totp_last_step')

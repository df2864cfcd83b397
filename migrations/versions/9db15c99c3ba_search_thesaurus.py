"""The search thesaurus (issue 16): thesaurus_entry, abbreviations and everyday words that the
search applies at query time. The default entries are inserted by ``flask seed``.

Revision ID: 9db15c99c3ba
Revises: de977e670922
Create Date: 2026-12-04 09:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

import portal.database

# revision identifiers, used by Alembic.
revision = '9db15c99c3ba'
down_revision = 'de977e670922'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('thesaurus_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('term', sa.String(length=120), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('expansions', sa.Text(), nullable=False),
    sa.Column('kind', sa.Enum('abbreviation', 'synonym', name='thesauruskind', native_enum=False, length=16), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user.id'], name=op.f('fk_thesaurus_entry_updated_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_thesaurus_entry')),
    sa.UniqueConstraint('key', name=op.f('uq_thesaurus_entry_key'))
    )
    with op.batch_alter_table('thesaurus_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_thesaurus_entry_updated_at'), ['updated_at'], unique=False)


def downgrade():
    with op.batch_alter_table('thesaurus_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_thesaurus_entry_updated_at'))
    op.drop_table('thesaurus_entry')

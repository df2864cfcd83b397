"""Issue 18: a case marked as needing a public answer once its petition reached the support
threshold (item 1: case.public_answer_due_at and the threshold reached, case.public_answer_supports);
the other ways a disclosure was posted (item 15: disclosure_posting, headquarters, residential-group
houses, loudspeaker, meetings).

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
    op.create_table('disclosure_posting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('disclosure_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.Enum('headquarters', 'group_house', 'loudspeaker', 'meeting', name='postingchannel',
                                 native_enum=False, length=16), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=False),
    sa.Column('end_on', sa.Date(), nullable=False),
    sa.Column('law_minimum', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_disclosure_posting_created_by_id_user')),
    sa.ForeignKeyConstraint(['disclosure_id'], ['disclosure.id'],
                            name=op.f('fk_disclosure_posting_disclosure_id_disclosure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disclosure_posting'))
    )
    with op.batch_alter_table('disclosure_posting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_disclosure_posting_disclosure_id'), ['disclosure_id'], unique=False)


def downgrade():
    with op.batch_alter_table('disclosure_posting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_disclosure_posting_disclosure_id'))
    op.drop_table('disclosure_posting')
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.drop_column('public_answer_supports')
        batch_op.drop_column('public_answer_due_at')

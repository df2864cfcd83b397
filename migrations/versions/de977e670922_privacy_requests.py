"""The register of personal-data requests (issue 18, item 17): privacy_request, one row per request
(withdraw consent, object, delete, see one's data) with its 72-hour due time and its outcome.

Revision ID: de977e670922
Revises: 8609e8880f0b
Create Date: 2026-12-04 11:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

import portal.database

revision = 'de977e670922'
down_revision = '8609e8880f0b'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('privacy_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('withdraw_consent', 'object', 'delete', 'access', name='requestkind',
                              native_enum=False, length=24), nullable=False),
    sa.Column('channel', sa.String(length=24), nullable=False),
    sa.Column('status', sa.Enum('open', 'done', 'refused', name='requeststatus', native_enum=False, length=16),
              nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=True),
    sa.Column('receipt_code', sa.String(length=32), nullable=False),
    sa.Column('requester_name', sa.String(length=200), nullable=False),
    sa.Column('requester_contact', sa.String(length=254), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('received_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('due_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('outcome_note', sa.Text(), nullable=False),
    sa.Column('data_erased', sa.Boolean(), nullable=False),
    sa.Column('decided_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user.id'], name=op.f('fk_privacy_request_decided_by_id_user'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user.id'], name=op.f('fk_privacy_request_recorded_by_id_user'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'],
                            name=op.f('fk_privacy_request_submission_id_submission'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_privacy_request'))
    )
    with op.batch_alter_table('privacy_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_privacy_request_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_privacy_request_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_privacy_request_submission_id'), ['submission_id'], unique=False)


def downgrade():
    with op.batch_alter_table('privacy_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_privacy_request_submission_id'))
        batch_op.drop_index(batch_op.f('ix_privacy_request_status'))
        batch_op.drop_index(batch_op.f('ix_privacy_request_due_at'))
    op.drop_table('privacy_request')

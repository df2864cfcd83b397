"""Every channel in one register (issue 13): reception sessions and dialogues
(``reception_session``), residents' registrations to speak at one (``reception_registration``,
personal data purged after the session) and where, when and by whom a petition received offline
was received (``offline_receipt``, one row per such submission); the figures and narrative a
periodic report needs that the portal cannot know, per period (``report_supplement``).

``submission.channel`` gains the values ``reception``, ``mailbox``, ``dialogue`` and ``letter``: it
is a VARCHAR(16) without a CHECK constraint (``native_enum=False``), so no DDL is needed, and
existing rows keep ``web`` or ``api`` (or the consultation's offline channels) as they are.

Revision ID: a0eb50b9d8db
Revises: 3c9e51a7d2b4
Create Date: 2026-12-03 05:41:40.203762

"""
import sqlalchemy as sa
from alembic import op

import portal.database

# revision identifiers, used by Alembic.
revision = 'a0eb50b9d8db'
down_revision = '3c9e51a7d2b4'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('reception_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('regular', 'secretary', 'chairman', 'dialogue_group', 'dialogue_topic', name='sessionkind', native_enum=False, length=16), nullable=False),
    sa.Column('status', sa.Enum('scheduled', 'held', 'cancelled', name='sessionstatus', native_enum=False, length=16), nullable=False),
    sa.Column('host_name', sa.String(length=120), nullable=False),
    sa.Column('host_position', sa.String(length=160), nullable=False),
    sa.Column('starts_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('topic', sa.String(length=300), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('seats_taken', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('series', sa.String(length=32), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_reception_session_created_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reception_session'))
    )
    with op.batch_alter_table('reception_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reception_session_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_reception_session_series'), ['series'], unique=False)
        batch_op.create_index(batch_op.f('ix_reception_session_starts_at'), ['starts_at'], unique=False)

    op.create_table('offline_receipt',
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('received_by', sa.String(length=120), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.Column('event_label', sa.String(length=300), nullable=False),
    sa.Column('batch', sa.String(length=32), nullable=True),
    sa.Column('consent_contact', sa.Boolean(), nullable=False),
    sa.Column('entered_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['entered_by_id'], ['user.id'], name=op.f('fk_offline_receipt_entered_by_id_user')),
    sa.ForeignKeyConstraint(['session_id'], ['reception_session.id'], name=op.f('fk_offline_receipt_session_id_reception_session')),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_offline_receipt_submission_id_submission')),
    sa.PrimaryKeyConstraint('submission_id', name=op.f('pk_offline_receipt'))
    )
    with op.batch_alter_table('offline_receipt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offline_receipt_batch'), ['batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_offline_receipt_session_id'), ['session_id'], unique=False)

    op.create_table('reception_registration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('status', sa.Enum('registered', 'cancelled', name='registrationstatus', native_enum=False, length=16), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('topic', sa.Text(), nullable=False),
    sa.Column('consent_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('consent_version', sa.String(length=32), nullable=False),
    sa.Column('attended', sa.Boolean(), nullable=True),
    sa.Column('reminded_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('cancelled_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('submission_id', sa.Integer(), nullable=True),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('personal_data_purged_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['group_id'], ['residential_group.id'], name=op.f('fk_reception_registration_group_id_residential_group')),
    sa.ForeignKeyConstraint(['session_id'], ['reception_session.id'], name=op.f('fk_reception_registration_session_id_reception_session')),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_reception_registration_submission_id_submission')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reception_registration')),
    sa.UniqueConstraint('code', name=op.f('uq_reception_registration_code'))
    )
    with op.batch_alter_table('reception_registration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reception_registration_session_id'), ['session_id'], unique=False)

    op.create_table('report_supplement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('meetings_held', sa.Integer(), nullable=True),
    sa.Column('mediation_cases', sa.Integer(), nullable=True),
    sa.Column('mediation_successful', sa.Integer(), nullable=True),
    sa.Column('surveys', sa.Integer(), nullable=True),
    sa.Column('satisfied', sa.Integer(), nullable=True),
    sa.Column('overview', sa.Text(), nullable=False),
    sa.Column('leadership', sa.Text(), nullable=False),
    sa.Column('achievements', sa.Text(), nullable=False),
    sa.Column('shortcomings', sa.Text(), nullable=False),
    sa.Column('tasks', sa.Text(), nullable=False),
    sa.Column('proposals', sa.Text(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user.id'], name=op.f('fk_report_supplement_updated_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_supplement')),
    sa.UniqueConstraint('period_start', 'period_end', name=op.f('uq_report_supplement_period_start'))
    )


def downgrade():
    op.drop_table('report_supplement')
    with op.batch_alter_table('reception_registration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reception_registration_session_id'))

    op.drop_table('reception_registration')
    with op.batch_alter_table('offline_receipt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_offline_receipt_session_id'))
        batch_op.drop_index(batch_op.f('ix_offline_receipt_batch'))

    op.drop_table('offline_receipt')
    with op.batch_alter_table('reception_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reception_session_starts_at'))
        batch_op.drop_index(batch_op.f('ix_reception_session_series'))
        batch_op.drop_index(batch_op.f('ix_reception_session_kind'))

    op.drop_table('reception_session')

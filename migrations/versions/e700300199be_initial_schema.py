"""Initial schema: staff accounts, audit log, outbox, settings, residential groups; disclosures,
versions, attachments and the search index-change log; submissions, contacts (personal data kept
in its own table), attachments, events, supports, rejection reasons, blocklist, topics; Boards,
members, cases, case events, referrals, holidays, consultation dispositions and syntheses.

Generated from the models, then read through by hand: constraint names follow the naming
convention in portal/extensions.py, enums are stored as checked strings (native_enum=False) so
SQLite and PostgreSQL share one schema, and timestamps use portal.database.UTCDateTime.

Revision ID: e700300199be
Revises:
Create Date: 2026-11-22 01:51:53.860567

"""
import sqlalchemy as sa
from alembic import op

import portal.database

# revision identifiers, used by Alembic.
revision = 'e700300199be'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('blocklist_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('value', sa.String(length=254), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_blocklist_entry')),
    sa.UniqueConstraint('kind', 'value', name=op.f('uq_blocklist_entry_kind'))
    )
    op.create_table('holiday',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_holiday'))
    )
    op.create_table('index_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_type', sa.String(length=32), nullable=False),
    sa.Column('doc_id', sa.Integer(), nullable=False),
    sa.Column('op', sa.String(length=8), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_index_change'))
    )
    op.create_table('outbox_message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('idempotency_key', sa.String(length=128), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('recipient', sa.String(length=254), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('next_attempt_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_message')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_outbox_message_idempotency_key'))
    )
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_message_next_attempt_at'), ['next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_message_status'), ['status'], unique=False)

    op.create_table('rejection_reason',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('public_text', sa.Text(), nullable=False),
    sa.Column('internal_note', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rejection_reason')),
    sa.UniqueConstraint('code', name=op.f('uq_rejection_reason_code'))
    )
    op.create_table('residential_group',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_residential_group')),
    sa.UniqueConstraint('code', name=op.f('uq_residential_group_code'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('topic',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_topic')),
    sa.UniqueConstraint('code', name=op.f('uq_topic_code'))
    )
    op.create_table('user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('totp_secret', sa.String(length=64), nullable=True),
    sa.Column('totp_enabled', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_login_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('password_changed_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user')),
    sa.UniqueConstraint('email', name=op.f('uq_user_email'))
    )
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_label', sa.String(length=254), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('subject_type', sa.String(length=64), nullable=False),
    sa.Column('subject_id', sa.String(length=64), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('ip', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['user.id'], name=op.f('fk_audit_event_actor_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_subject_id'), ['subject_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_subject_type'), ['subject_type'], unique=False)

    op.create_table('disclosure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('budget_period', sa.String(length=16), nullable=True),
    sa.Column('form', sa.String(length=64), nullable=False),
    sa.Column('issuer', sa.String(length=200), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('effective_on', sa.Date(), nullable=True),
    sa.Column('posting_start', sa.Date(), nullable=True),
    sa.Column('posting_end', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('draft', 'published', 'withdrawn', name='disclosurestatus', native_enum=False, length=16), nullable=False),
    sa.Column('is_project', sa.Boolean(), nullable=False),
    sa.Column('comments_open_from', sa.Date(), nullable=True),
    sa.Column('comments_open_until', sa.Date(), nullable=True),
    sa.Column('secrecy_confirmed_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('published_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('withdrawn_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('withdrawn_reason', sa.Text(), nullable=False),
    sa.Column('version_no', sa.Integer(), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_disclosure_created_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disclosure')),
    sa.UniqueConstraint('number', name=op.f('uq_disclosure_number'))
    )
    with op.batch_alter_table('disclosure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_disclosure_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_disclosure_form'), ['form'], unique=False)
        batch_op.create_index(batch_op.f('ix_disclosure_issued_on'), ['issued_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_disclosure_issuer'), ['issuer'], unique=False)
        batch_op.create_index(batch_op.f('ix_disclosure_published_at'), ['published_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_disclosure_status'), ['status'], unique=False)

    op.create_table('user_role',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_user_role_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_role')),
    sa.UniqueConstraint('user_id', 'role', name=op.f('uq_user_role_user_id'))
    )
    with op.batch_alter_table('user_role', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_role_user_id'), ['user_id'], unique=False)

    op.create_table('attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('disclosure_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=127), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('removed_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['disclosure_id'], ['disclosure.id'], name=op.f('fk_attachment_disclosure_id_disclosure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_disclosure_id'), ['disclosure_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_sha256'), ['sha256'], unique=False)

    op.create_table('board',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('inspection', 'supervision', name='boardkind', native_enum=False, length=16), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['disclosure.id'], name=op.f('fk_board_project_id_disclosure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_board')),
    sa.UniqueConstraint('project_id', name=op.f('uq_board_project_id'))
    )
    op.create_table('consultation_synthesis',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('disclosure_id', sa.Integer(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('published_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['disclosure_id'], ['disclosure.id'], name=op.f('fk_consultation_synthesis_disclosure_id_disclosure')),
    sa.ForeignKeyConstraint(['published_by_id'], ['user.id'], name=op.f('fk_consultation_synthesis_published_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consultation_synthesis')),
    sa.UniqueConstraint('disclosure_id', name=op.f('uq_consultation_synthesis_disclosure_id'))
    )
    op.create_table('disclosure_group',
    sa.Column('disclosure_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['disclosure_id'], ['disclosure.id'], name=op.f('fk_disclosure_group_disclosure_id_disclosure'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_id'], ['residential_group.id'], name=op.f('fk_disclosure_group_group_id_residential_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('disclosure_id', 'group_id', name=op.f('pk_disclosure_group'))
    )
    op.create_table('disclosure_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('disclosure_id', sa.Integer(), nullable=False),
    sa.Column('version_no', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.Column('change_note', sa.Text(), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_disclosure_version_created_by_id_user')),
    sa.ForeignKeyConstraint(['disclosure_id'], ['disclosure.id'], name=op.f('fk_disclosure_version_disclosure_id_disclosure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disclosure_version')),
    sa.UniqueConstraint('disclosure_id', 'version_no', name=op.f('uq_disclosure_version_disclosure_id'))
    )
    with op.batch_alter_table('disclosure_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_disclosure_version_disclosure_id'), ['disclosure_id'], unique=False)

    op.create_table('submission',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('receipt_code', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.Enum('petition', 'comment', name='submissionkind', native_enum=False, length=16), nullable=False),
    sa.Column('matter_kind', sa.Enum('feedback', 'complaint', 'denunciation', name='matterkind', native_enum=False, length=16), nullable=False),
    sa.Column('status', sa.Enum('received', 'in_review', 'approved', 'rejected', 'needs_info', 'duplicate', 'redirected', 'withdrawn', name='submissionstatus', native_enum=False, length=16), nullable=False),
    sa.Column('channel', sa.Enum('web', 'api', 'meeting', 'comment_box', 'hotline', 'household_form', 'other', name='channel', native_enum=False, length=16), nullable=False),
    sa.Column('visibility', sa.Enum('named', 'anonymous', 'private', name='visibility', native_enum=False, length=16), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=True),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('disclosure_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('public_title', sa.String(length=300), nullable=True),
    sa.Column('public_description', sa.Text(), nullable=True),
    sa.Column('display_name', sa.String(length=120), nullable=False),
    sa.Column('redirect_kind', sa.String(length=32), nullable=True),
    sa.Column('rejection_reason_id', sa.Integer(), nullable=True),
    sa.Column('duplicate_of_id', sa.Integer(), nullable=True),
    sa.Column('claimed_by_id', sa.Integer(), nullable=True),
    sa.Column('claimed_until', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('support_count', sa.Integer(), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('moderated_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('entered_by_id', sa.Integer(), nullable=True),
    sa.Column('personal_data_purged_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['claimed_by_id'], ['user.id'], name=op.f('fk_submission_claimed_by_id_user')),
    sa.ForeignKeyConstraint(['disclosure_id'], ['disclosure.id'], name=op.f('fk_submission_disclosure_id_disclosure')),
    sa.ForeignKeyConstraint(['duplicate_of_id'], ['submission.id'], name=op.f('fk_submission_duplicate_of_id_submission')),
    sa.ForeignKeyConstraint(['entered_by_id'], ['user.id'], name=op.f('fk_submission_entered_by_id_user')),
    sa.ForeignKeyConstraint(['group_id'], ['residential_group.id'], name=op.f('fk_submission_group_id_residential_group')),
    sa.ForeignKeyConstraint(['rejection_reason_id'], ['rejection_reason.id'], name=op.f('fk_submission_rejection_reason_id_rejection_reason')),
    sa.ForeignKeyConstraint(['topic_id'], ['topic.id'], name=op.f('fk_submission_topic_id_topic')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submission')),
    sa.UniqueConstraint('receipt_code', name=op.f('uq_submission_receipt_code'))
    )
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_submission_disclosure_id'), ['disclosure_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_submission_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_submission_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_submission_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_submission_topic_id'), ['topic_id'], unique=False)

    op.create_table('board_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.String(length=16), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('term_start', sa.Date(), nullable=True),
    sa.Column('term_end', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_board_member_board_id_board')),
    sa.ForeignKeyConstraint(['group_id'], ['residential_group.id'], name=op.f('fk_board_member_group_id_residential_group')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_board_member_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_board_member'))
    )
    with op.batch_alter_table('board_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_board_member_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_board_member_user_id'), ['user_id'], unique=False)

    op.create_table('case',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('new', 'assigned', 'verifying', 'referred', 'answered', 'closed', 'reopened', name='casestatus', native_enum=False, length=16), nullable=False),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('routing_reason', sa.Text(), nullable=False),
    sa.Column('public_response', sa.Text(), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('acknowledged_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('referred_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('answered_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('closed_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('reopened_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('reopen_count', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('rating_comment', sa.Text(), nullable=False),
    sa.Column('rated_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('responded_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('dispute_text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['assignee_id'], ['user.id'], name=op.f('fk_case_assignee_id_user')),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_case_board_id_board')),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_case_submission_id_submission')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case')),
    sa.UniqueConstraint('submission_id', name=op.f('uq_case_submission_id'))
    )
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_assignee_id'), ['assignee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_status'), ['status'], unique=False)

    op.create_table('comment_disposition',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('disclosure_id', sa.Integer(), nullable=False),
    sa.Column('disposition', sa.Enum('accepted', 'partly', 'not_accepted', name='disposition', native_enum=False, length=16), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=False),
    sa.Column('group_label', sa.String(length=200), nullable=False),
    sa.Column('decided_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user.id'], name=op.f('fk_comment_disposition_decided_by_id_user')),
    sa.ForeignKeyConstraint(['disclosure_id'], ['disclosure.id'], name=op.f('fk_comment_disposition_disclosure_id_disclosure')),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_comment_disposition_submission_id_submission')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comment_disposition')),
    sa.UniqueConstraint('submission_id', name=op.f('uq_comment_disposition_submission_id'))
    )
    with op.batch_alter_table('comment_disposition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comment_disposition_disclosure_id'), ['disclosure_id'], unique=False)

    op.create_table('submission_attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=127), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('public', sa.Boolean(), nullable=False),
    sa.Column('added_later', sa.Boolean(), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_submission_attachment_submission_id_submission')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submission_attachment'))
    )
    with op.batch_alter_table('submission_attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_attachment_submission_id'), ['submission_id'], unique=False)

    op.create_table('submission_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('action', sa.String(length=48), nullable=False),
    sa.Column('from_status', sa.String(length=16), nullable=True),
    sa.Column('to_status', sa.String(length=16), nullable=True),
    sa.Column('public_message', sa.Text(), nullable=False),
    sa.Column('internal_note', sa.Text(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['user.id'], name=op.f('fk_submission_event_actor_id_user')),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_submission_event_submission_id_submission')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submission_event'))
    )
    with op.batch_alter_table('submission_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_event_submission_id'), ['submission_id'], unique=False)

    op.create_table('submitter_contact',
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('consent_at', portal.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('consent_version', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_submitter_contact_submission_id_submission')),
    sa.PrimaryKeyConstraint('submission_id', name=op.f('pk_submitter_contact'))
    )
    op.create_table('support',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('contact_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_support_submission_id_submission')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_support')),
    sa.UniqueConstraint('submission_id', 'contact_hash', name=op.f('uq_support_submission_id'))
    )
    with op.batch_alter_table('support', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_support_submission_id'), ['submission_id'], unique=False)

    op.create_table('case_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('from_status', sa.String(length=16), nullable=True),
    sa.Column('to_status', sa.String(length=16), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('public', sa.Boolean(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['user.id'], name=op.f('fk_case_event_actor_id_user')),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_case_event_case_id_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_event'))
    )
    with op.batch_alter_table('case_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_event_case_id'), ['case_id'], unique=False)

    op.create_table('referral',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('agency', sa.String(length=200), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('document_number', sa.String(length=64), nullable=False),
    sa.Column('answer_due', sa.Date(), nullable=True),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('answer_number', sa.String(length=64), nullable=False),
    sa.Column('answer_summary', sa.Text(), nullable=False),
    sa.Column('answer_file_sha256', sa.String(length=64), nullable=True),
    sa.Column('answer_file_name', sa.String(length=255), nullable=True),
    sa.Column('answer_file_type', sa.String(length=127), nullable=True),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_referral_case_id_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_case_id'), ['case_id'], unique=False)



def downgrade():
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_case_id'))

    op.drop_table('referral')
    with op.batch_alter_table('case_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_event_case_id'))

    op.drop_table('case_event')
    with op.batch_alter_table('support', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_support_submission_id'))

    op.drop_table('support')
    op.drop_table('submitter_contact')
    with op.batch_alter_table('submission_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_event_submission_id'))

    op.drop_table('submission_event')
    with op.batch_alter_table('submission_attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_attachment_submission_id'))

    op.drop_table('submission_attachment')
    with op.batch_alter_table('comment_disposition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_comment_disposition_disclosure_id'))

    op.drop_table('comment_disposition')
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_status'))
        batch_op.drop_index(batch_op.f('ix_case_created_at'))
        batch_op.drop_index(batch_op.f('ix_case_board_id'))
        batch_op.drop_index(batch_op.f('ix_case_assignee_id'))

    op.drop_table('case')
    with op.batch_alter_table('board_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_board_member_user_id'))
        batch_op.drop_index(batch_op.f('ix_board_member_board_id'))

    op.drop_table('board_member')
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_topic_id'))
        batch_op.drop_index(batch_op.f('ix_submission_status'))
        batch_op.drop_index(batch_op.f('ix_submission_kind'))
        batch_op.drop_index(batch_op.f('ix_submission_group_id'))
        batch_op.drop_index(batch_op.f('ix_submission_disclosure_id'))
        batch_op.drop_index(batch_op.f('ix_submission_created_at'))

    op.drop_table('submission')
    with op.batch_alter_table('disclosure_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_disclosure_version_disclosure_id'))

    op.drop_table('disclosure_version')
    op.drop_table('disclosure_group')
    op.drop_table('consultation_synthesis')
    op.drop_table('board')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_sha256'))
        batch_op.drop_index(batch_op.f('ix_attachment_disclosure_id'))

    op.drop_table('attachment')
    with op.batch_alter_table('user_role', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_role_user_id'))

    op.drop_table('user_role')
    with op.batch_alter_table('disclosure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_disclosure_status'))
        batch_op.drop_index(batch_op.f('ix_disclosure_published_at'))
        batch_op.drop_index(batch_op.f('ix_disclosure_issuer'))
        batch_op.drop_index(batch_op.f('ix_disclosure_issued_on'))
        batch_op.drop_index(batch_op.f('ix_disclosure_form'))
        batch_op.drop_index(batch_op.f('ix_disclosure_category'))

    op.drop_table('disclosure')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_subject_type'))
        batch_op.drop_index(batch_op.f('ix_audit_event_subject_id'))
        batch_op.drop_index(batch_op.f('ix_audit_event_created_at'))
        batch_op.drop_index(batch_op.f('ix_audit_event_actor_id'))
        batch_op.drop_index(batch_op.f('ix_audit_event_action'))

    op.drop_table('audit_event')
    op.drop_table('user')
    op.drop_table('topic')
    op.drop_table('setting')
    op.drop_table('residential_group')
    op.drop_table('rejection_reason')
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_message_status'))
        batch_op.drop_index(batch_op.f('ix_outbox_message_next_attempt_at'))

    op.drop_table('outbox_message')
    op.drop_table('index_change')
    op.drop_table('holiday')
    op.drop_table('blocklist_entry')

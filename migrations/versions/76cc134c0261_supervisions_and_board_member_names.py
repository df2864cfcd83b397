"""The Boards' own supervisions and rosters as the law has them (issue 15).

- supervision (plan, notice, start, conclusion and its disclosure), supervision_member
  (members taking part), supervision_entry (visits, meetings, documents, findings, notes),
  supervision_recommendation (each sent as a referral, with its answer);
- investment_document (an investment supervision board's checklist of the investor's
  documents) and investment_progress_report;
- board_member.name (a member is a person; the staff account is optional) and
  board_member.holds_ward_office (the law bars ward office holders from the Inspection Board).

Revision ID: 76cc134c0261
Revises: 4d4e0e0eb09a
Create Date: 2026-12-03 05:34:31.847386

"""
import sqlalchemy as sa
from alembic import op

import portal.database

# revision identifiers, used by Alembic.
revision = '76cc134c0261'
down_revision = '4d4e0e0eb09a'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('investment_document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('requested_on', sa.Date(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=True),
    sa.Column('file_name', sa.String(length=255), nullable=True),
    sa.Column('file_type', sa.String(length=127), nullable=True),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_investment_document_board_id_board')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_investment_document')),
    sa.UniqueConstraint('board_id', 'kind', name=op.f('uq_investment_document_board_id'))
    )
    with op.batch_alter_table('investment_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_investment_document_board_id'), ['board_id'], unique=False)

    op.create_table('investment_progress_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=64), nullable=False),
    sa.Column('reported_on', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], name=op.f('fk_investment_progress_report_author_id_user')),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_investment_progress_report_board_id_board')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_investment_progress_report'))
    )
    with op.batch_alter_table('investment_progress_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_investment_progress_report_board_id'), ['board_id'], unique=False)

    op.create_table('supervision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('planned', 'notified', 'in_progress', 'concluded', 'closed', name='supervisionstatus', native_enum=False, length=16), nullable=False),
    sa.Column('subject', sa.String(length=500), nullable=False),
    sa.Column('supervised_body', sa.String(length=200), nullable=False),
    sa.Column('legal_basis', sa.Text(), nullable=False),
    sa.Column('documents_requested', sa.Text(), nullable=False),
    sa.Column('planned_start', sa.Date(), nullable=False),
    sa.Column('planned_end', sa.Date(), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('disclosure_id', sa.Integer(), nullable=True),
    sa.Column('notice_number', sa.String(length=64), nullable=False),
    sa.Column('notice_sent_on', sa.Date(), nullable=True),
    sa.Column('started_on', sa.Date(), nullable=True),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('conclusion_number', sa.String(length=64), nullable=False),
    sa.Column('concluded_on', sa.Date(), nullable=True),
    sa.Column('conclusion_disclosure_id', sa.Integer(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_supervision_board_id_board')),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_supervision_case_id_case')),
    sa.ForeignKeyConstraint(['conclusion_disclosure_id'], ['disclosure.id'], name=op.f('fk_supervision_conclusion_disclosure_id_disclosure')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_supervision_created_by_id_user')),
    sa.ForeignKeyConstraint(['disclosure_id'], ['disclosure.id'], name=op.f('fk_supervision_disclosure_id_disclosure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision'))
    )
    with op.batch_alter_table('supervision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supervision_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_supervision_status'), ['status'], unique=False)

    op.create_table('supervision_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('supervision_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('happened_on', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=True),
    sa.Column('file_name', sa.String(length=255), nullable=True),
    sa.Column('file_type', sa.String(length=127), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', portal.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], name=op.f('fk_supervision_entry_author_id_user')),
    sa.ForeignKeyConstraint(['supervision_id'], ['supervision.id'], name=op.f('fk_supervision_entry_supervision_id_supervision')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_entry'))
    )
    with op.batch_alter_table('supervision_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supervision_entry_supervision_id'), ['supervision_id'], unique=False)

    op.create_table('supervision_member',
    sa.Column('supervision_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['board_member.id'], name=op.f('fk_supervision_member_member_id_board_member'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['supervision_id'], ['supervision.id'], name=op.f('fk_supervision_member_supervision_id_supervision'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('supervision_id', 'member_id', name=op.f('pk_supervision_member'))
    )
    op.create_table('supervision_recommendation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('supervision_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('addressee', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('answer_number', sa.String(length=64), nullable=False),
    sa.Column('answer_summary', sa.Text(), nullable=False),
    sa.Column('answer_file_sha256', sa.String(length=64), nullable=True),
    sa.Column('answer_file_name', sa.String(length=255), nullable=True),
    sa.Column('answer_file_type', sa.String(length=127), nullable=True),
    sa.Column('accepted', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['supervision_id'], ['supervision.id'], name=op.f('fk_supervision_recommendation_supervision_id_supervision')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_recommendation'))
    )
    with op.batch_alter_table('supervision_recommendation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supervision_recommendation_supervision_id'), ['supervision_id'], unique=False)

    with op.batch_alter_table('board_member', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('holds_ward_office', sa.Boolean(), server_default=sa.false(), nullable=False))



def downgrade():
    with op.batch_alter_table('board_member', schema=None) as batch_op:
        batch_op.drop_column('holds_ward_office')
        batch_op.drop_column('name')

    with op.batch_alter_table('supervision_recommendation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_recommendation_supervision_id'))

    op.drop_table('supervision_recommendation')
    op.drop_table('supervision_member')
    with op.batch_alter_table('supervision_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_entry_supervision_id'))

    op.drop_table('supervision_entry')
    with op.batch_alter_table('supervision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_status'))
        batch_op.drop_index(batch_op.f('ix_supervision_board_id'))

    op.drop_table('supervision')
    with op.batch_alter_table('investment_progress_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_investment_progress_report_board_id'))

    op.drop_table('investment_progress_report')
    with op.batch_alter_table('investment_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_investment_document_board_id'))

    op.drop_table('investment_document')

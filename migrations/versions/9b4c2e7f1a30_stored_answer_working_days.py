"""The answer's figures stored on the case (issue 17): ``case.answer_day``,
``case.response_working_days``, ``case.answered_in_time`` and ``case.decision_working_days``,
backfilled here in batches with the holiday calendar in the database
(:func:`moderation.cases.answers.refresh`), with the statistics' covering index.

Revision ID: 9b4c2e7f1a30
Revises: 8e3a6f1d2c57
Create Date: 2026-12-03 12:40:00.000000

"""
import sqlalchemy as sa
from alembic import op

from moderation.cases.answers import refresh

# revision identifiers, used by Alembic.
revision = '9b4c2e7f1a30'
down_revision = '8e3a6f1d2c57'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("answer_day", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("response_working_days", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("answered_in_time", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("decision_working_days", sa.Integer(), nullable=True))
    refresh(op.get_bind())
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_answer_day"), ["answer_day"], unique=False)
        batch_op.create_index("ix_case_submission_answers",
                              ["submission_id", "response_working_days", "answered_in_time",
                               "decision_working_days", "status", "rating"], unique=False)


def downgrade():
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_index("ix_case_submission_answers")
        batch_op.drop_index(batch_op.f("ix_case_answer_day"))
        batch_op.drop_column("decision_working_days")
        batch_op.drop_column("answered_in_time")
        batch_op.drop_column("response_working_days")
        batch_op.drop_column("answer_day")

"""Submission indexes for the statistics and the moderation queue at ward scale (issue 17):
(kind, status | channel | topic_id | group_id, created_at) and (kind, created_at), so that each
grouping of the statistics reads a narrow index instead of every petition row; (status,
claimed_until) for the queue's count of claimed items.

Revision ID: 5c1e2a7d9b40
Revises: b7d2e41c9a05
Create Date: 2026-12-03 11:50:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '5c1e2a7d9b40'
down_revision = 'b7d2e41c9a05'
branch_labels = None
depends_on = None

INDEXES = {
    "ix_submission_kind_status": ["kind", "status", "created_at"],
    "ix_submission_kind_channel": ["kind", "channel", "created_at"],
    "ix_submission_kind_topic": ["kind", "topic_id", "created_at"],
    "ix_submission_kind_group": ["kind", "group_id", "created_at"],
    "ix_submission_kind_created": ["kind", "created_at"],
    "ix_submission_status_claimed": ["status", "claimed_until"],
}


def upgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        for name, columns in INDEXES.items():
            batch_op.create_index(name, columns, unique=False)


def downgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        for name in reversed(INDEXES):
            batch_op.drop_index(name)

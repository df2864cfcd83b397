"""The audit log made tamper-evident (issue 18, item 8): audit_event.prev_hash and .hash (SHA-256
of the event's canonical JSON and the previous hash), the one-row audit_chain_head writers lock;
the events already stored are hashed here in id order.

The canonical form is copied from portal.audit.canonical as it is at this revision (a migration does
not import the application's code, which may change later).

Revision ID: 6a0adcb4c9d0
Revises: 76cc134c0261
Create Date: 2026-12-04 09:00:00.000000

"""
import datetime as dt
import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = '6a0adcb4c9d0'
down_revision = '76cc134c0261'
branch_labels = None
depends_on = None


def _aware(value):
    if isinstance(value, str):  # SQLite without the column type: 'YYYY-MM-DD HH:MM:SS.ffffff'
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


def _details(value):
    if isinstance(value, str):
        value = json.loads(value)
    return value or {}


def _hash(row, prev: str) -> str:
    data = {"created_at": _aware(row.created_at).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "actor_id": row.actor_id, "actor_label": row.actor_label or "", "action": row.action,
            "subject_type": row.subject_type or "", "subject_id": row.subject_id or "",
            "details": _details(row.details), "ip": row.ip or "", "prev_hash": prev}
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()


def upgrade():
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), server_default='', nullable=False))
        batch_op.add_column(sa.Column('hash', sa.String(length=64), server_default='', nullable=False))
    op.create_table('audit_chain_head',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last_hash', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_chain_head'))
    )
    conn = op.get_bind()
    events = sa.table('audit_event', sa.column('id', sa.Integer), sa.column('created_at', sa.DateTime(timezone=True)),
                      sa.column('actor_id', sa.Integer), sa.column('actor_label', sa.String),
                      sa.column('action', sa.String), sa.column('subject_type', sa.String),
                      sa.column('subject_id', sa.String), sa.column('details', sa.JSON), sa.column('ip', sa.String),
                      sa.column('prev_hash', sa.String), sa.column('hash', sa.String))
    prev, last_id = "", 0
    while True:
        rows = conn.execute(sa.select(events).where(events.c.id > last_id).order_by(events.c.id).limit(1000)).all()
        if not rows:
            break
        for row in rows:
            digest = _hash(row, prev)
            conn.execute(events.update().where(events.c.id == row.id).values(prev_hash=prev, hash=digest))
            prev, last_id = digest, row.id
    conn.execute(sa.text("INSERT INTO audit_chain_head (id, last_hash) VALUES (1, :h)"), {"h": prev})


def downgrade():
    op.drop_table('audit_chain_head')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')

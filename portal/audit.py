"""Append-only, tamper-evident audit log. Every state change in the portal writes one event here,
through :func:`record`.

Each event stores ``prev_hash`` (the hash of the event before it) and ``hash``: the SHA-256 of its
canonical JSON (:func:`canonical`: every column but the id, and ``prev_hash``). Changing, removing
or reordering a stored event breaks the chain at that point; :func:`verify` (``flask audit verify``)
finds the first broken link. The one-row ``audit_chain_head`` table holds the newest hash: each
writer updates that row first, so on PostgreSQL a second transaction waits on its row lock until the
first commits (two writers never fork the chain), and on SQLite the update takes the database's
write lock. The head also reveals events cut off the end of the log.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from flask import has_request_context
from flask_login import current_user
from sqlalchemy import JSON, ForeignKey, String, event, select, update
from sqlalchemy.orm import Mapped, mapped_column

from portal.database import UTCDateTime, utcnow
from portal.extensions import client_ip, db


class AuditEvent(db.Model):
    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    actor_label: Mapped[str] = mapped_column(String(254), default="")
    action: Mapped[str] = mapped_column(String(64), index=True)
    subject_type: Mapped[str] = mapped_column(String(64), default="", index=True)
    subject_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    ip: Mapped[str] = mapped_column(String(64), default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    hash: Mapped[str] = mapped_column(String(64), default="", server_default="")


class AuditChainHead(db.Model):
    """One row (id 1): the hash of the newest audit event. Writers serialise on it."""

    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")


@event.listens_for(AuditEvent, "before_update")
def _refuse_update(*_args):
    raise RuntimeError("audit events are append-only")


@event.listens_for(AuditEvent, "before_delete")
def _refuse_delete(*_args):
    raise RuntimeError("audit events are append-only")


def _actor(actor):
    if actor is not None:
        return actor
    if has_request_context():
        try:
            if current_user and current_user.is_authenticated:
                return current_user._get_current_object()
        except Exception:  # pragma: no cover - outside login context
            return None
    return None


def _json_value(details: dict | None) -> dict:
    """``details`` as the database gives it back (tuples as lists, keys as strings)."""
    return json.loads(json.dumps(details or {}, ensure_ascii=False, default=str))


def canonical(ev: AuditEvent) -> bytes:
    """The bytes an event's hash covers: its columns but the id, and the previous hash."""
    created = ev.created_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    data = {"created_at": created, "actor_id": ev.actor_id, "actor_label": ev.actor_label or "",
            "action": ev.action, "subject_type": ev.subject_type or "", "subject_id": ev.subject_id or "",
            "details": ev.details or {}, "ip": ev.ip or "", "prev_hash": ev.prev_hash or ""}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def event_hash(ev: AuditEvent) -> str:
    return hashlib.sha256(canonical(ev)).hexdigest()


def ensure_chain_head() -> None:
    """The head row, created when missing (``flask seed``, the migration, a fresh test database)."""
    if db.session.get(AuditChainHead, 1) is None:
        last = db.session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
        db.session.add(AuditChainHead(id=1, last_hash=last or ""))
        db.session.flush()


def _take_head() -> str:
    """Lock the chain head for this transaction and return the newest hash."""
    lock = update(AuditChainHead).where(AuditChainHead.id == 1).values(last_hash=AuditChainHead.last_hash)
    last = db.session.execute(lock.returning(AuditChainHead.last_hash)).scalar()
    if last is None:
        ensure_chain_head()
        last = db.session.execute(lock.returning(AuditChainHead.last_hash)).scalar()
    return last or ""


def _chain(ev: AuditEvent) -> None:
    ev.prev_hash = _take_head()
    ev.hash = event_hash(ev)
    db.session.execute(update(AuditChainHead).where(AuditChainHead.id == 1).values(last_hash=ev.hash))


def record(actor, action: str, subject: Any = None, details: dict | None = None) -> AuditEvent:
    """Add an audit event to the current transaction (the caller's commit persists it).

    ``actor`` is a User, a label string (``"resident"``, ``"system"``) or None for the current user.
    ``subject`` is a model instance (type and id are taken from it) or a ``(type, id)`` tuple.
    """
    label = ""
    actor_id = None
    if isinstance(actor, str):
        label = actor
    else:
        user = _actor(actor)
        if user is not None:
            actor_id = user.id
            label = user.email
        else:
            label = "system"
    if subject is None:
        subject_type, subject_id = "", ""
    elif isinstance(subject, tuple):
        subject_type, subject_id = subject
    else:
        subject_type = getattr(subject, "__tablename__", type(subject).__name__)
        if getattr(subject, "id", "") is None:
            db.session.flush()
        subject_id = getattr(subject, "id", "")
    ip = client_ip()
    ev = AuditEvent(
        created_at=utcnow(),
        actor_id=actor_id,
        actor_label=label,
        action=action,
        subject_type=str(subject_type),
        subject_id=str(subject_id if subject_id is not None else ""),
        details=_json_value(details),
        ip=ip,
    )
    _chain(ev)
    db.session.add(ev)
    return ev


def verify(batch: int = 1000) -> tuple[int, int | None, str]:
    """Walk the log in id order: ``(events checked, id of the first broken link or None, why)``."""
    prev, count, last_id = "", 0, 0
    while True:
        rows = db.session.scalars(select(AuditEvent).where(AuditEvent.id > last_id)
                                  .order_by(AuditEvent.id).limit(batch)).all()
        if not rows:
            break
        for ev in rows:
            count += 1
            if (ev.prev_hash or "") != prev:
                return count, ev.id, "prev"
            if ev.hash != event_hash(ev):
                return count, ev.id, "hash"
            prev, last_id = ev.hash, ev.id
            db.session.expunge(ev)
    head = db.session.scalar(select(AuditChainHead.last_hash).where(AuditChainHead.id == 1))
    if head is not None and head != prev:
        return count, last_id, "tail"
    return count, None, ""

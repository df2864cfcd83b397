"""Append-only audit log. Every state change in the portal writes one event here."""
from __future__ import annotations

import datetime as dt
from typing import Any

from flask import has_request_context
from flask_login import current_user
from sqlalchemy import JSON, ForeignKey, String, event
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
        actor_id=actor_id,
        actor_label=label,
        action=action,
        subject_type=str(subject_type),
        subject_id=str(subject_id if subject_id is not None else ""),
        details=details or {},
        ip=ip,
    )
    db.session.add(ev)
    return ev

"""Transactional outbox.

A message is written in the same transaction as the change that causes it, and delivered
after the commit by :func:`deliver_pending` (``flask outbox send``, or right after a request).
Delivery uses SMTP when ``MAIL_SERVER`` is set, else ``.eml`` files in ``MAIL_DIR``. Each
message has an idempotency key: enqueueing the same key twice keeps one message, and a
message marked sent is never sent again.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import smtplib
import uuid
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from flask import current_app
from sqlalchemy import String, Text, select, update
from sqlalchemy.orm import Mapped, mapped_column

from portal.database import UTCDateTime, utcnow
from portal.extensions import db

PENDING, SENT, FAILED = "pending", "sent", "failed"
CLAIM_LEASE = dt.timedelta(minutes=10)  # a claimed message is due again after this if unsent


class OutboxMessage(db.Model):
    __tablename__ = "outbox_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(128), unique=True)
    kind: Mapped[str] = mapped_column(String(32), default="email")
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=PENDING, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


def enqueue_email(recipient: str, subject: str, body: str, key: str | None = None) -> OutboxMessage:
    """Add an email to the current transaction. Same ``key`` twice → the first message only."""
    key = key or uuid.uuid4().hex
    if len(key) > 128:
        key = hashlib.sha256(key.encode()).hexdigest()
    existing = db.session.scalar(select(OutboxMessage).filter_by(idempotency_key=key))
    if existing is None:
        for obj in db.session.new:
            if isinstance(obj, OutboxMessage) and obj.idempotency_key == key:
                return obj
        existing = OutboxMessage(
            idempotency_key=key, recipient=recipient, subject=subject[:300], body=body
        )
        db.session.add(existing)
    return existing


def _build_email(msg: OutboxMessage) -> EmailMessage:
    email = EmailMessage()
    email["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    email["To"] = msg.recipient
    email["Subject"] = msg.subject
    email["Date"] = formatdate(localtime=False)
    email["Message-ID"] = make_msgid(idstring=msg.idempotency_key[:40])
    email["X-Idempotency-Key"] = msg.idempotency_key
    email.set_content(msg.body)
    return email


def _deliver_file(email: EmailMessage, msg: OutboxMessage) -> None:
    folder = Path(current_app.config["MAIL_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{msg.created_at:%Y%m%d-%H%M%S}-{msg.id:06d}.eml"
    tmp = folder / (name + ".tmp")
    tmp.write_bytes(bytes(email))
    os.replace(tmp, folder / name)


def _deliver_smtp(email: EmailMessage) -> None:
    cfg = current_app.config
    with smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=15) as smtp:
        if cfg.get("MAIL_USE_TLS"):
            smtp.starttls()
        if cfg.get("MAIL_USERNAME"):
            smtp.login(cfg["MAIL_USERNAME"], cfg.get("MAIL_PASSWORD") or "")
        smtp.send_message(email)


def deliver_pending(limit: int = 100, now: dt.datetime | None = None) -> dict:
    """Deliver pending messages whose time has come. Returns counts."""
    now = now or utcnow()
    max_attempts = current_app.config["OUTBOX_MAX_ATTEMPTS"]
    ids = db.session.scalars(
        select(OutboxMessage.id)
        .where(OutboxMessage.status == PENDING, OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.id)
        .limit(limit)
    ).all()
    counts = {"sent": 0, "retry": 0, "failed": 0}
    for msg_id in ids:
        # Claim the message with one atomic UPDATE: only the deliverer whose UPDATE matched sends
        # it (SQLite ignores FOR UPDATE, so two deliverers reading it as pending both sent it).
        # The claim moves the next attempt past a lease: if this deliverer dies before recording
        # the outcome, the message is due again once the lease is over.
        claimed = db.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == msg_id, OutboxMessage.status == PENDING,
                   OutboxMessage.next_attempt_at <= now)
            .values(next_attempt_at=now + CLAIM_LEASE)
            .execution_options(synchronize_session=False)
        ).rowcount
        db.session.commit()
        msg = db.session.get(OutboxMessage, msg_id) if claimed == 1 else None
        if msg is None or msg.status != PENDING:
            db.session.rollback()
            continue
        email = _build_email(msg)
        try:
            if current_app.config.get("MAIL_SERVER"):
                _deliver_smtp(email)
            else:
                _deliver_file(email, msg)
        except Exception as exc:  # network, disk: retry later with backoff
            msg.attempts += 1
            msg.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if msg.attempts >= max_attempts:
                msg.status = FAILED
                counts["failed"] += 1
            else:
                msg.next_attempt_at = now + dt.timedelta(seconds=30 * 2 ** (msg.attempts - 1))
                counts["retry"] += 1
        else:
            msg.attempts += 1
            msg.status = SENT
            msg.sent_at = utcnow()
            counts["sent"] += 1
        db.session.commit()
    return counts

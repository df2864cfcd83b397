import datetime as dt
import smtplib
from email import message_from_bytes
from pathlib import Path

import pytest
from sqlalchemy import select

from portal import outbox
from portal.database import utcnow
from portal.outbox import OutboxMessage


def test_message_written_with_change_and_delivered_to_files(app, db):
    outbox.enqueue_email("dan@example.vn", "Mã tiếp nhận KN-1234", "Nội dung thư")
    db.session.commit()
    counts = outbox.deliver_pending()
    assert counts == {"sent": 1, "retry": 0, "failed": 0}
    files = list(Path(app.config["MAIL_DIR"]).glob("*.eml"))
    assert len(files) == 1
    mail = message_from_bytes(files[0].read_bytes())
    assert mail["To"] == "dan@example.vn"
    assert "KN-1234" in str(mail["Subject"]) or "KN-1234" in mail.get("Subject", "")
    assert outbox.deliver_pending()["sent"] == 0  # never twice


def test_rollback_discards_the_message(app, db):
    outbox.enqueue_email("dan@example.vn", "x", "y")
    db.session.rollback()
    assert db.session.scalars(select(OutboxMessage)).all() == []


def test_same_idempotency_key_keeps_one_message(app, db):
    outbox.enqueue_email("a@example.vn", "s", "b", key="receipt:1")
    outbox.enqueue_email("a@example.vn", "s", "b", key="receipt:1")
    db.session.commit()
    outbox.enqueue_email("a@example.vn", "s", "b", key="receipt:1")
    db.session.commit()
    assert len(db.session.scalars(select(OutboxMessage)).all()) == 1


class FlakySMTP:
    """Refuses to connect while ``down`` is set; records every message sent."""

    down = True
    sent: list = []

    def __init__(self, host, port, timeout=None):
        if FlakySMTP.down:
            raise ConnectionRefusedError("SMTP unreachable")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def send_message(self, msg):
        FlakySMTP.sent.append(msg["X-Idempotency-Key"])


@pytest.mark.parametrize("config_overrides", [{"MAIL_SERVER": "smtp.invalid"}])
def test_smtp_failure_retries_later_without_sending_twice(app, db, monkeypatch, config_overrides):
    FlakySMTP.down, FlakySMTP.sent = True, []
    monkeypatch.setattr(smtplib, "SMTP", FlakySMTP)
    outbox.enqueue_email("a@example.vn", "s", "b", key="k1")
    outbox.enqueue_email("b@example.vn", "s", "b", key="k2")
    db.session.commit()
    assert outbox.deliver_pending() == {"sent": 0, "retry": 2, "failed": 0}
    msg = db.session.scalar(select(OutboxMessage).filter_by(idempotency_key="k1"))
    assert msg.attempts == 1 and "unreachable" in msg.last_error
    assert msg.next_attempt_at > utcnow()
    assert outbox.deliver_pending()["sent"] == 0  # backoff: not yet
    FlakySMTP.down = False
    later = utcnow() + dt.timedelta(minutes=5)
    assert outbox.deliver_pending(now=later)["sent"] == 2
    assert outbox.deliver_pending(now=later + dt.timedelta(hours=1))["sent"] == 0
    assert sorted(FlakySMTP.sent) == ["k1", "k2"]


def test_cli_send(runner, db):
    outbox.enqueue_email("a@example.vn", "s", "b")
    db.session.commit()
    result = runner.invoke(args=["outbox", "send"])
    assert "sent=1" in result.output

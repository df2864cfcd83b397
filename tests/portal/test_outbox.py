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


class RecordingSMTP:
    """An SMTP server that takes a moment per message and records what it was given."""

    sent: list = []

    def __init__(self, host, port, timeout=None):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def send_message(self, msg):
        import time

        time.sleep(0.002)
        RecordingSMTP.sent.append(msg["X-Idempotency-Key"])


def _deliver_concurrently(app, deliverers: int) -> list[dict]:
    """``deliverers`` threads, each with its own app context, session and connection (as
    ``flask outbox send`` on several hosts), start ``deliver_pending`` together."""
    import threading

    from portal.extensions import db as _db

    barrier = threading.Barrier(deliverers)
    results: list = [None] * deliverers

    def run(i: int) -> None:
        with app.app_context():
            try:
                barrier.wait()
                results[i] = outbox.deliver_pending(limit=1000)
            except Exception as exc:  # noqa: BLE001 - reported by the assertion below
                results[i] = exc
            finally:
                _db.session.remove()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(deliverers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


@pytest.mark.parametrize("config_overrides", [{}, {"MAIL_SERVER": "smtp.example.vn"}], ids=["files", "smtp"])
def test_two_deliverers_at_once_send_each_message_exactly_once(app, db, monkeypatch, config_overrides):
    RecordingSMTP.sent = []
    monkeypatch.setattr(smtplib, "SMTP", RecordingSMTP)
    keys = [f"receipt:{i}" for i in range(150)]
    for key in keys:
        outbox.enqueue_email("dan@example.vn", f"Thư {key}", "Nội dung", key=key)
    db.session.commit()
    results = _deliver_concurrently(app, 3)
    assert all(isinstance(r, dict) for r in results), results
    assert sum(r["sent"] for r in results) == len(keys) and all(r["retry"] == r["failed"] == 0 for r in results)
    if config_overrides:
        delivered = RecordingSMTP.sent
    else:
        files = list(Path(app.config["MAIL_DIR"]).glob("*.eml"))
        delivered = [message_from_bytes(f.read_bytes())["X-Idempotency-Key"] for f in files]
    assert sorted(delivered) == sorted(keys)  # every message, none twice
    db.session.expire_all()
    rows = db.session.scalars(select(OutboxMessage)).all()
    assert {(m.status, m.attempts) for m in rows} == {(outbox.SENT, 1)}
    assert outbox.deliver_pending()["sent"] == 0

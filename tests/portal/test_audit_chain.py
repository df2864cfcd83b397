"""Issue 18, item 8: the audit log is a hash chain; ``flask audit verify`` finds the first broken
link (a changed entry, a removed one, a cut-off tail); two writers never fork the chain; the
migration hashes the entries already stored."""
from __future__ import annotations

import datetime as dt
import threading

from flask_migrate import upgrade
from sqlalchemy import select, text

from portal import audit, create_app
from portal.audit import AuditChainHead, AuditEvent
from portal.config import TestingConfig
from portal.extensions import db as _db
from tests.fixtures.database import fresh_database_url


def _log(db, n=4):
    for i in range(n):
        audit.record("system", "setting.change", ("setting", f"K{i}"), {"old": i, "new": f"Thông báo {i}"})
    db.session.commit()
    return db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()


def test_each_entry_holds_the_hash_of_the_one_before(db):
    events = _log(db)
    assert events[0].prev_hash == ""
    for before, after in zip(events, events[1:], strict=False):
        assert after.prev_hash == before.hash and len(after.hash) == 64
    assert db.session.get(AuditChainHead, 1).last_hash == events[-1].hash
    assert audit.verify() == (4, None, "")


def test_verify_command_ok_and_counts(db, runner):
    _log(db, 3)
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 0 and "OK: 3 " in result.output


def test_a_changed_entry_is_reported(db, runner):
    events = _log(db)
    db.session.execute(text("UPDATE audit_event SET details = :d WHERE id = :id"),
                       {"d": '{"old": 1, "new": "Thông báo đã sửa"}', "id": events[1].id})
    db.session.commit()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1 and f"id {events[1].id}:" in result.output and "sửa" in result.output


def test_a_deleted_entry_is_reported_at_the_next_one(db, runner):
    events = _log(db)
    db.session.execute(text("DELETE FROM audit_event WHERE id = :id"), {"id": events[1].id})
    db.session.commit()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1 and f"id {events[2].id}:" in result.output


def test_a_cut_off_tail_is_reported(db, runner):
    events = _log(db)
    db.session.execute(text("DELETE FROM audit_event WHERE id = :id"), {"id": events[-1].id})
    db.session.commit()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1 and f"id {events[-2].id}:" in result.output


def test_two_writers_do_not_fork_the_chain(app, db):
    """The first writer holds the chain head until it commits; the second waits, then links to it."""
    _log(db, 1)
    first_wrote, second_started = threading.Event(), threading.Event()
    errors = []

    def writer(label, before=None, after=None):
        try:
            with app.app_context():
                if before:
                    before.wait(10)
                if after is second_started:
                    second_started.set()
                audit.record(label, "setting.change", ("setting", label), {})
                _db.session.flush()
                if after is first_wrote:
                    first_wrote.set()
                    second_started.wait(10)
                    threading.Event().wait(0.3)  # the second writer is now blocked on the head
                _db.session.commit()
                _db.session.remove()
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    one = threading.Thread(target=writer, args=("first",), kwargs={"after": first_wrote})
    two = threading.Thread(target=writer, args=("second",), kwargs={"before": first_wrote, "after": second_started})
    one.start(), two.start()
    one.join(30), two.join(30)
    assert errors == []
    db.session.expire_all()
    rows = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [r.actor_label for r in rows][-2:] == ["first", "second"]
    assert rows[-1].prev_hash == rows[-2].hash
    assert audit.verify() == (3, None, "")


def test_the_migration_hashes_the_entries_already_stored(tmp_path):
    cfg = type("MigCfg", (TestingConfig,), {
        "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": fresh_database_url(tmp_path),
        "SEARCH_INDEX_DIR": str(tmp_path / "i"), "UPLOAD_DIR": str(tmp_path / "f"), "MAIL_DIR": str(tmp_path / "m"),
    })
    app = create_app(cfg)
    with app.app_context():
        upgrade(revision="76cc134c0261")
        for i, when in enumerate([dt.datetime(2026, 3, 1, 8, 0, 0, 123456), dt.datetime(2026, 3, 2, 9, 30)]):
            _db.session.execute(text(
                "INSERT INTO audit_event (created_at, actor_label, action, subject_type, subject_id, details, ip) "
                "VALUES (:c, 'cli', 'user.create', 'user', :s, :d, '')"),
                {"c": when, "s": str(i + 1), "d": '{"email": "cán-bộ@phuong.vn", "roles": ["editor"]}'})
        _db.session.commit()
        upgrade()
        assert audit.verify() == (2, None, "")
        audit.record("cli", "user.update", ("user", "1"), {"active": False})
        _db.session.commit()
        assert audit.verify() == (3, None, "")
        _db.session.remove()
        _db.engine.dispose()

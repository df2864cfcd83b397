"""Failed logins are counted atomically (parallel guesses lock the account) and the login answer does
not tell a locked account, a missing account and a wrong password apart."""
import threading

import pytest
from sqlalchemy import select, update

from portal.accounts import services
from portal.accounts.models import User
from portal.audit import AuditEvent
from portal.errors import DomainError

PASSWORD = "Str0ng-Passw0rd!"
THREADS = 20


def _login(client, email, password):
    return client.post("/can-bo/dang-nhap", data={"email": email, "password": password})


def _parallel_logins(app, email, passwords):
    """Post every password at once, each from its own thread, app context, session and client."""
    barrier = threading.Barrier(len(passwords))
    statuses, errors = [], []

    def attempt(password):
        try:
            with app.app_context():
                client = app.test_client()
                barrier.wait(timeout=30)
                statuses.append(_login(client, email, password).status_code)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(repr(exc))

    threads = [threading.Thread(target=attempt, args=(p,)) for p in passwords]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    return statuses


@pytest.mark.parametrize("config_overrides", [{"RATELIMIT_ENABLED": False}])
def test_parallel_wrong_passwords_lock_the_account(app, db, make_user, config_overrides):
    user = make_user("editor")
    uid, email = user.id, user.email
    maximum = app.config["LOGIN_MAX_FAILURES"]

    statuses = _parallel_logins(app, email, [f"wrong-password-{i}" for i in range(THREADS)])

    assert statuses == [400] * THREADS
    db.session.expire_all()
    user = db.session.get(User, uid)
    assert services.is_locked(user)
    # Every failure before the lock was counted once; none was lost, none counted while locked.
    assert user.failed_logins == maximum
    counted = sorted(e.details["failures"] for e in db.session.scalars(
        select(AuditEvent).filter_by(action="login.failed", subject_id=str(uid)))
        if e.details.get("failures") is not None)
    assert counted == list(range(1, maximum + 1))
    assert len(db.session.scalars(select(AuditEvent).filter_by(action="login.lockout")).all()) == 1
    # Locked: even the right password is refused, from a fresh client.
    fresh = app.test_client()
    assert _login(fresh, email, PASSWORD).status_code == 400
    assert fresh.get("/can-bo/").status_code == 302


def test_failure_count_adds_to_the_stored_value_not_to_a_stale_copy(app, db, make_user):
    """Another request's failures land between this request's read and its write: they are kept."""
    user = make_user("editor")
    assert db.session.get(User, user.id).failed_logins == 0  # this session now holds a copy saying 0
    with db.engine.begin() as other:  # meanwhile, another connection counts three failures
        other.execute(update(User).where(User.id == user.id).values(failed_logins=3))
    with pytest.raises(DomainError):
        services.authenticate(user.email, "wrong-password-1")
    db.session.commit()
    assert db.session.get(User, user.id).failed_logins == 4


def _normalised(resp, email):
    return resp.status_code, resp.get_data(as_text=True).replace(email, "EMAIL"), "Set-Cookie" in resp.headers


def test_locked_missing_and_wrong_password_answer_alike(app, client, db, make_user, monkeypatch):
    locked = make_user("editor")
    for i in range(app.config["LOGIN_MAX_FAILURES"]):
        _login(client, locked.email, f"wrong-password-{i}")
    db.session.expire_all()
    assert services.is_locked(db.session.get(User, locked.id))
    existing = make_user("moderator")

    calls = []
    real_check = services.check_password_hash

    def counting_check(pwhash, password):
        calls.append(pwhash)
        return real_check(pwhash, password)

    monkeypatch.setattr(services, "check_password_hash", counting_check)
    cases = {
        "locked, right password": (locked.email, PASSWORD),
        "locked, wrong password": (locked.email, "not-the-password-9"),
        "wrong password": (existing.email, "not-the-password-9"),
        "missing account": ("nobody-here@test.phuong.vn", PASSWORD),
        "missing account, other domain": ("admin@phuong.example.vn", "not-the-password-9"),
    }
    answers = {}
    for name, (email, password) in cases.items():
        before = len(calls)
        answers[name] = _normalised(_login(client, email, password), email)
        assert len(calls) - before == 1, f"{name}: {len(calls) - before} password hash checks"
    first = answers["wrong password"]
    assert first[0] == 400 and "Email hoặc mật khẩu không đúng" in first[1]
    for name, answer in answers.items():
        assert answer == first, f"{name} answers differently from a wrong password"
    # The account holder and administrators see the lock in the audit log.
    assert db.session.scalars(select(AuditEvent).filter_by(action="login.locked", subject_id=str(locked.id))).first()

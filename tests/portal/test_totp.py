"""The TOTP second factor: wrong codes count toward the lockout, a copy of the half-signed-in cookie
is refused after a wrong code, a code works once, and opening the setup page changes nothing."""
import time

import pyotp
import pytest
from sqlalchemy import select

from portal.accounts import services
from portal.accounts.models import User
from portal.audit import AuditEvent

PASSWORD = "Str0ng-Passw0rd!"
SETUP = "/can-bo/tai-khoan/xac-thuc-hai-lop"
STEP2 = "/can-bo/dang-nhap/xac-thuc"


def _login(client, email, password=PASSWORD):
    return client.post("/can-bo/dang-nhap", data={"email": email, "password": password})


def _code(secret, offset=0):
    return pyotp.TOTP(secret).at(time.time(), counter_offset=offset)


def _wrong(secret):
    right = {_code(secret, o) for o in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in right)


@pytest.fixture
def totp_user(db, make_user):
    user = make_user("moderator")
    user.totp_secret = pyotp.random_base32()
    user.totp_enabled = True
    db.session.commit()
    return user


def _signed_in(client):
    return client.get("/can-bo/").status_code == 200


def _copy(app, client):
    other = app.test_client()
    other.set_cookie("session", client.get_cookie("session").value)
    return other


def test_wrong_codes_lock_the_account(app, client, db, totp_user):
    secret, maximum = totp_user.totp_secret, app.config["LOGIN_MAX_FAILURES"]
    assert _login(client, totp_user.email).headers["Location"].endswith(STEP2)
    for _ in range(maximum):
        resp = client.post(STEP2, data={"code": _wrong(secret)})
        assert resp.status_code == 400
    assert "tạm thời bị khóa" in resp.get_data(as_text=True)
    db.session.expire_all()
    user = db.session.get(User, totp_user.id)
    assert services.is_locked(user) and user.failed_logins == maximum
    # The right code no longer helps, and the password step answers like a wrong password.
    assert client.post(STEP2, data={"code": _code(secret)}).headers["Location"].endswith("/can-bo/dang-nhap")
    assert not _signed_in(client)
    assert _login(client, totp_user.email).status_code == 400
    assert not _signed_in(client)


def test_saved_half_signed_in_cookie_is_refused_after_a_wrong_code(app, client, db, totp_user):
    secret = totp_user.totp_secret
    _login(client, totp_user.email)
    saved = _copy(app, client)  # an attacker keeps the cookie of the pending second step
    assert client.post(STEP2, data={"code": _wrong(secret)}).status_code == 400
    replay = saved.post(STEP2, data={"code": _code(secret)})
    assert replay.status_code == 302 and replay.headers["Location"].endswith("/can-bo/dang-nhap")
    assert not _signed_in(saved)
    # The browser that made the attempt goes on with the current cookie.
    assert client.post(STEP2, data={"code": _code(secret)}).status_code == 302
    assert _signed_in(client)
    # Each wrong code counted, and a success starts the count again.
    events = db.session.scalars(select(AuditEvent).filter_by(action="login.totp_failed")).all()
    assert len(events) == 1 and db.session.get(User, totp_user.id).failed_logins == 0


def test_one_saved_cookie_gives_one_guess(app, client, db, totp_user):
    """Replaying the same saved cookie for every guess: only the first guess is even checked."""
    secret, maximum = totp_user.totp_secret, app.config["LOGIN_MAX_FAILURES"]
    _login(client, totp_user.email)
    saved = client.get_cookie("session").value
    answers = []
    for _ in range(maximum + 3):
        other = app.test_client()
        other.set_cookie("session", saved)
        answers.append(other.post(STEP2, data={"code": _wrong(secret)}).status_code)
    assert answers[0] == 400 and set(answers[1:]) == {302}  # refused before any code is checked
    db.session.expire_all()
    assert db.session.get(User, totp_user.id).failed_logins == 1


def test_a_code_works_once(app, client, db, totp_user):
    secret = totp_user.totp_secret
    code = _code(secret)
    _login(client, totp_user.email)
    assert client.post(STEP2, data={"code": code}).status_code == 302 and _signed_in(client)
    client.post("/can-bo/dang-xuat")
    _login(client, totp_user.email)
    again = client.post(STEP2, data={"code": code})
    assert again.status_code == 400 and "đã được dùng" in again.get_data(as_text=True)
    assert not _signed_in(client)


def test_a_later_steps_code_spends_the_earlier_steps_too(app, client, db, totp_user):
    """The drift window accepts the next step's code; after it, the current step's code is refused."""
    secret = totp_user.totp_secret
    ahead, current = _code(secret, 1), _code(secret, 0)
    _login(client, totp_user.email)
    assert client.post(STEP2, data={"code": ahead}).status_code == 302
    client.post("/can-bo/dang-xuat")
    _login(client, totp_user.email)
    assert client.post(STEP2, data={"code": current}).status_code == 400
    assert not _signed_in(client)


def test_setup_page_get_changes_nothing(client, db, login_as):
    user = login_as("editor")
    for _ in range(2):
        page = client.get(SETUP)
        assert page.status_code == 200 and "Bắt đầu" in page.get_data(as_text=True)
        db.session.expire_all()
        assert db.session.get(User, user.id).totp_secret is None
    assert client.post(SETUP + "/tao-khoa").status_code == 302
    db.session.expire_all()
    secret = db.session.get(User, user.id).totp_secret
    assert secret
    for _ in range(2):
        assert secret in client.get(SETUP).get_data(as_text=True)
        db.session.expire_all()
        assert db.session.get(User, user.id).totp_secret == secret
    assert client.post(SETUP, data={"code": _code(secret)}).status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user.id).totp_enabled
    # Once on, the page neither shows the secret nor lets a new one replace it.
    assert secret not in client.get(SETUP).get_data(as_text=True)
    client.post(SETUP + "/tao-khoa")
    db.session.expire_all()
    user = db.session.get(User, user.id)
    assert user.totp_enabled and user.totp_secret == secret


def test_setup_code_before_a_secret_is_a_clear_400(client, login_as):
    login_as("editor")
    resp = client.post(SETUP, data={"code": "123456"})
    assert resp.status_code == 400 and "tạo khóa bí mật" in resp.get_data(as_text=True)

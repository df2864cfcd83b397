import datetime as dt
import time

import pyotp
import pytest
from sqlalchemy import select

from portal.accounts import services
from portal.audit import AuditEvent
from portal.database import utcnow
from portal.errors import DomainError

PASSWORD = "Str0ng-Passw0rd!"


def _login(client, email, password):
    return client.post("/can-bo/dang-nhap", data={"email": email, "password": password})


def test_create_user_hashes_password_and_audits(db, make_user):
    user = make_user("moderator", "board_member")
    assert user.roles == {"moderator", "board_member"}
    assert user.password_hash.startswith("scrypt:") and PASSWORD not in user.password_hash
    events = db.session.scalars(select(AuditEvent).filter_by(action="user.create")).all()
    assert [e.subject_id for e in events] == [str(user.id)]


@pytest.mark.parametrize(
    "email, roles, password, message",
    [
        ("not-an-email", ["editor"], PASSWORD, "Địa chỉ email không hợp lệ"),
        ("a@b.vn", ["mayor"], PASSWORD, "Vai trò không hợp lệ"),
        ("a@b.vn", [], PASSWORD, "ít nhất một vai trò"),
        ("a@b.vn", ["editor"], "short", "ít nhất 10 ký tự"),
        ("a@b.vn", ["editor"], "aaaaaaaaaaaa", "quá yếu"),
    ],
)
def test_create_user_refuses_bad_input(app, email, roles, password, message):
    with pytest.raises(DomainError, match=message):
        services.create_user(email, roles, password)


def test_duplicate_email_refused(make_user):
    make_user("editor", email="dup@test.vn")
    with pytest.raises(DomainError, match="đã được dùng"):
        services.create_user("DUP@test.vn", ["editor"], PASSWORD)


def test_cli_creates_first_admin_and_reports_errors(runner, db):
    result = runner.invoke(args=["users", "create", "--email", "root@test.vn", "--role", "admin",
                                 "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    assert services.get_user_by_email("root@test.vn").roles == {"admin"}
    bad = runner.invoke(args=["users", "create", "--email", "x@test.vn", "--role", "king"])
    assert bad.exit_code != 0 and "Vai trò không hợp lệ" in bad.output
    generated = runner.invoke(args=["users", "create", "--email", "gen@test.vn", "--role", "editor"])
    assert "Mật khẩu:" in generated.output


def test_login_logout(client, make_user):
    user = make_user("editor")
    resp = _login(client, user.email, PASSWORD)
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/can-bo/")
    assert client.get("/can-bo/").status_code == 200
    assert client.post("/can-bo/dang-xuat").status_code == 302
    assert client.get("/can-bo/").status_code == 302


def test_wrong_password_message_and_lockout(app, client, db, make_user):
    user = make_user("editor")
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        resp = _login(client, user.email, "wrong-password-1")
        assert resp.status_code == 400
        assert "Email hoặc mật khẩu không đúng" in resp.get_data(as_text=True)
    db.session.refresh(user)
    assert user.locked_until is not None and user.locked_until > utcnow()
    resp = _login(client, user.email, PASSWORD)  # right password, still locked: the same answer
    assert resp.status_code == 400 and "Email hoặc mật khẩu không đúng" in resp.get_data(as_text=True)
    assert client.get("/can-bo/").status_code == 302
    user.locked_until = utcnow() - dt.timedelta(seconds=1)
    db.session.commit()
    assert _login(client, user.email, PASSWORD).status_code == 302


def test_login_rate_limited(app, client, make_user, config_overrides):
    user = make_user("editor")
    codes = [_login(client, user.email, "nope-nope-1").status_code for _ in range(25)]
    assert 429 in codes
    assert "Quá nhiều yêu cầu" in _login(client, user.email, "x").get_data(as_text=True)


def test_disabled_account_cannot_log_in(client, db, make_user):
    user = make_user("editor")
    services.update_user(user, active=False)
    db.session.commit()
    resp = _login(client, user.email, PASSWORD)
    assert "vô hiệu hóa" in resp.get_data(as_text=True)


def test_totp_enrolment_and_login_with_code(client, db, make_user):
    user = make_user("moderator")
    _login(client, user.email, PASSWORD)
    assert client.get("/can-bo/tai-khoan/xac-thuc-hai-lop").status_code == 200
    assert client.post("/can-bo/tai-khoan/xac-thuc-hai-lop/tao-khoa").status_code == 302
    page = client.get("/can-bo/tai-khoan/xac-thuc-hai-lop")
    db.session.refresh(user)
    secret = user.totp_secret
    assert secret and secret in page.get_data(as_text=True)
    bad = client.post("/can-bo/tai-khoan/xac-thuc-hai-lop", data={"code": "12ab"})
    assert bad.status_code == 400 and "đúng 6 chữ số" in bad.get_data(as_text=True)
    ok = client.post("/can-bo/tai-khoan/xac-thuc-hai-lop", data={"code": pyotp.TOTP(secret).now()})
    assert ok.status_code == 302
    db.session.refresh(user)
    assert user.totp_enabled
    client.post("/can-bo/dang-xuat")

    step1 = _login(client, user.email, PASSWORD)
    assert step1.headers["Location"].endswith("/can-bo/dang-nhap/xac-thuc")
    assert client.get("/can-bo/").status_code == 302  # not signed in before the code
    wrong_code = "000000" if pyotp.TOTP(secret).now() != "000000" else "111111"
    wrong = client.post("/can-bo/dang-nhap/xac-thuc", data={"code": wrong_code})
    assert "không đúng" in wrong.get_data(as_text=True)
    # The step used to enrol is spent: the next step's code (inside the drift window) signs in.
    next_code = pyotp.TOTP(secret).at(time.time(), counter_offset=1)
    right = client.post("/can-bo/dang-nhap/xac-thuc", data={"code": next_code})
    assert right.status_code == 302
    assert client.get("/can-bo/").status_code == 200


def test_admin_can_require_totp_for_all_staff(client, db, make_user, login_as):
    admin = login_as("admin")
    client.post("/can-bo/quan-tri/bao-mat", data={"require_totp": "1"})
    staff = make_user("editor")
    client.post("/can-bo/dang-xuat")
    resp = _login(client, staff.email, PASSWORD)
    assert resp.headers["Location"].endswith("/can-bo/tai-khoan/xac-thuc-hai-lop")
    # Other staff pages send them back to enrolment until it is done.
    assert client.get("/can-bo/tai-khoan").headers["Location"].endswith("/can-bo/tai-khoan/xac-thuc-hai-lop")
    assert admin.id != staff.id


def test_password_change(client, db, make_user):
    user = make_user("editor")
    _login(client, user.email, PASSWORD)
    weak = client.post("/can-bo/tai-khoan", data={"current": PASSWORD, "new": "abc"})
    assert weak.status_code == 400 and "ít nhất 10 ký tự" in weak.get_data(as_text=True)
    wrong = client.post("/can-bo/tai-khoan", data={"current": "not-it-123", "new": "N3w-Password-x"})
    assert "Mật khẩu hiện tại không đúng" in wrong.get_data(as_text=True)
    assert client.post("/can-bo/tai-khoan", data={"current": PASSWORD, "new": "N3w-Password-x"}).status_code == 302
    client.post("/can-bo/dang-xuat")
    assert _login(client, user.email, "N3w-Password-x").status_code == 302


def test_admin_pages_create_disable_and_rerole(client, db, login_as):
    login_as("admin")
    resp = client.post("/can-bo/quan-tri/nguoi-dung/moi", data={
        "email": "new@test.vn", "name": "Cán bộ mới", "roles": ["moderator"], "password": PASSWORD, "active": "y"})
    assert resp.status_code == 302
    user = services.get_user_by_email("new@test.vn")
    assert user.roles == {"moderator"}
    dup = client.post("/can-bo/quan-tri/nguoi-dung/moi", data={
        "email": "new@test.vn", "roles": ["editor"], "password": PASSWORD})
    assert dup.status_code == 400 and "đã được dùng" in dup.get_data(as_text=True)
    assert 'value="new@test.vn"' in dup.get_data(as_text=True)  # what was typed is kept
    client.post(f"/can-bo/quan-tri/nguoi-dung/{user.id}",
                data={"email": user.email, "roles": ["editor", "board_member"]})
    db.session.refresh(user)
    assert user.roles == {"editor", "board_member"} and not user.active


def test_staff_pages_refuse_anonymous_and_wrong_role(client, login_as):
    assert client.get("/can-bo/quan-tri/nguoi-dung").status_code == 302
    login_as("editor")
    assert client.get("/can-bo/quan-tri/nguoi-dung").status_code == 403
    assert client.get("/can-bo/quan-tri/nhat-ky").status_code == 403


def test_audit_log_is_browsable_and_append_only(client, db, login_as):
    admin = login_as("admin")
    page = client.get("/can-bo/quan-tri/nhat-ky?action=user.create")
    assert page.status_code == 200 and "user.create" in page.get_data(as_text=True)
    event = db.session.scalars(select(AuditEvent)).first()
    event.action = "tampered"
    with pytest.raises(RuntimeError):
        db.session.flush()
    db.session.rollback()
    html = client.get("/can-bo/quan-tri/nhat-ky").get_data(as_text=True)
    assert "tampered" not in html and "user.create" in html
    assert db.session.get(AuditEvent, event.id).action == "user.create"
    assert admin.id


@pytest.mark.parametrize("config_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_csrf_refused_on_staff_form_without_token(client, login_as, config_overrides):
    login_as("admin")
    resp = client.post("/can-bo/quan-tri/nguoi-dung/moi",
                       data={"email": "c@test.vn", "roles": ["editor"], "password": PASSWORD})
    assert resp.status_code == 400
    assert "biểu mẫu không hợp lệ" in resp.get_data(as_text=True)


@pytest.mark.parametrize("config_overrides", [{"MAX_CONTENT_LENGTH": 1024}])
def test_oversize_request_gets_413_page(client, config_overrides):
    resp = client.post("/can-bo/dang-nhap", data={"email": "a@b.vn", "password": "x" * 5000})
    assert resp.status_code == 413
    assert "quá lớn" in resp.get_data(as_text=True)

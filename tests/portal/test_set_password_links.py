"""Issue 18, item 11: a new staff account gets a single-use set-password link by mail (outbox),
valid 72 hours (setting), under PUBLIC_URL; the token is stored hashed; a used or expired link
gets a clear page; an admin can send a new one; role names are shown, not codes."""
from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest
from sqlalchemy import select, update

from portal.accounts import services
from portal.accounts.models import PasswordToken
from portal.audit import AuditEvent
from portal.outbox import OutboxMessage

NEW = "Mật-khẩu-Mới-2026"


@pytest.fixture
def config_overrides():
    return {"PUBLIC_URL": "https://dcs.phuong.example"}


def _mail_link(db, email) -> str:
    msgs = db.session.scalars(select(OutboxMessage).where(OutboxMessage.recipient == email)
                              .order_by(OutboxMessage.id)).all()
    assert msgs, "no mail queued"
    return re.search(r"https://dcs\.phuong\.example/can-bo/dat-mat-khau/\S+", msgs[-1].body).group(0)


def _path(link: str) -> str:
    return link.replace("https://dcs.phuong.example", "")


def _create(client, email="moi@phuong.vn"):
    return client.post("/can-bo/quan-tri/nguoi-dung/moi", data={
        "email": email, "name": "Cán bộ Mới", "roles": ["board_head", "board_member"], "active": "y"})


def test_new_account_gets_a_link_not_a_password(client, db, login_as, config_overrides):
    login_as("admin")
    form = client.get("/can-bo/quan-tri/nguoi-dung/moi").get_data(as_text=True)
    assert 'type="password"' not in form and "72 giờ" in form
    resp = _create(client)
    assert resp.status_code == 302
    user = services.get_user_by_email("moi@phuong.vn")
    link = _mail_link(db, user.email)
    raw = link.rsplit("/", 1)[1]
    token = db.session.scalar(select(PasswordToken).where(PasswordToken.user_id == user.id))
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest() and raw not in token.token_hash
    assert token.expires_at - token.created_at == dt.timedelta(hours=72)
    mail = db.session.scalars(select(OutboxMessage).where(OutboxMessage.recipient == user.email)).one()
    assert "72 giờ" in mail.body and "https://dcs.phuong.example/can-bo/dang-nhap" in mail.body
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user.set_password_link"))
    # role names, not codes
    listing = client.get("/can-bo/quan-tri/nguoi-dung").get_data(as_text=True)
    assert "Trưởng ban; Thành viên Ban Thanh tra nhân dân / Ban giám sát" in listing
    assert "board_head" not in listing


def test_the_link_sets_the_password_once(client, db, login_as, config_overrides):
    login_as("admin")
    _create(client)
    path = _path(_mail_link(db, "moi@phuong.vn"))
    client.post("/can-bo/dang-xuat")
    page = client.get(path)
    assert page.status_code == 200 and "moi@phuong.vn" in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"
    r = client.post(path, data={"new": NEW, "confirm": NEW + "x"})
    assert r.status_code == 400 and "không khớp" in r.get_data(as_text=True)
    r = client.post(path, data={"new": "ngan", "confirm": "ngan"})
    assert r.status_code == 400 and "ít nhất 10 ký tự" in r.get_data(as_text=True)
    r = client.post(path, data={"new": NEW, "confirm": NEW})
    assert r.status_code == 302 and r.headers["Location"].endswith("/can-bo/dang-nhap")
    assert client.post("/can-bo/dang-nhap", data={"email": "moi@phuong.vn", "password": NEW}).status_code == 302
    client.post("/can-bo/dang-xuat")
    again = client.get(path)
    assert again.status_code == 410
    html = again.get_data(as_text=True)
    assert "Liên kết này đã được sử dụng" in html and "Liên hệ quản trị viên" in html
    assert client.post(path, data={"new": "Khác-hẳn-2026!", "confirm": "Khác-hẳn-2026!"}).status_code == 410
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user.password_set"))


def test_expired_and_unknown_links_say_what_to_do(client, db, login_as, config_overrides):
    login_as("admin")
    _create(client)
    path = _path(_mail_link(db, "moi@phuong.vn"))
    db.session.execute(update(PasswordToken).values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)))
    db.session.commit()
    r = client.get(path)
    assert r.status_code == 410
    html = r.get_data(as_text=True)
    assert "Liên kết đặt mật khẩu đã hết hạn" in html and "72 giờ" in html and "liên kết đặt mật khẩu mới" in html
    unknown = client.get("/can-bo/dat-mat-khau/khong-co-ma-nay")
    assert unknown.status_code == 404 and "Liên kết đặt mật khẩu không đúng" in unknown.get_data(as_text=True)


def test_admin_resends_and_old_links_stop_working(client, db, login_as, config_overrides):
    login_as("admin")
    _create(client)
    user = services.get_user_by_email("moi@phuong.vn")
    old = _path(_mail_link(db, user.email))
    r = client.post(f"/can-bo/quan-tri/nguoi-dung/{user.id}/gui-lien-ket")
    assert r.status_code == 302
    new = _path(_mail_link(db, user.email))
    assert new != old
    assert client.get(old).status_code == 410
    assert client.get(new).status_code == 200
    assert len(db.session.scalars(select(OutboxMessage).where(OutboxMessage.recipient == user.email)).all()) == 2
    edit = client.get(f"/can-bo/quan-tri/nguoi-dung/{user.id}").get_data(as_text=True)
    assert "Gửi liên kết đặt mật khẩu" in edit


@pytest.mark.parametrize("config_overrides", [{"PUBLIC_URL": "https://dcs.phuong.example",
                                               "SET_PASSWORD_LINK_HOURS": 24}])
def test_link_lifetime_is_a_setting(client, db, login_as, config_overrides):
    login_as("admin")
    _create(client)
    token = db.session.scalar(select(PasswordToken))
    assert token.expires_at - token.created_at == dt.timedelta(hours=24)


def test_cli_may_still_set_a_password(runner, db, config_overrides):
    result = runner.invoke(args=["users", "create", "--email", "cli@phuong.vn", "--role", "editor",
                                 "--password", NEW])
    assert result.exit_code == 0
    user = services.get_user_by_email("cli@phuong.vn")
    assert services.authenticate("cli@phuong.vn", NEW).id == user.id


def test_a_password_change_voids_the_links_still_out(client, db, login_as, config_overrides):
    """A link sent before the password was set another way (a reset, or the user's own change) no
    longer sets it: whoever holds the old mail cannot take the account over."""
    from portal.accounts.models import User

    login_as("admin")
    _create(client)
    path = _path(_mail_link(db, "moi@phuong.vn"))
    user = db.session.scalar(select(User).where(User.email == "moi@phuong.vn"))
    services.reset_password(user, "Đặt-lại-bởi-CLI-2026")
    db.session.commit()
    client.post("/can-bo/dang-xuat")
    page = client.get(path)
    assert page.status_code == 410 and "mật khẩu đã được đổi" in page.get_data(as_text=True)
    assert client.post(path, data={"new": NEW, "confirm": NEW}).status_code == 410
    assert services.authenticate("moi@phuong.vn", "Đặt-lại-bởi-CLI-2026") is not None


def test_a_deactivated_account_is_not_told_its_link_expired(client, db, login_as, config_overrides):
    login_as("admin")
    _create(client)
    path = _path(_mail_link(db, "moi@phuong.vn"))
    from portal.accounts.models import User

    user = db.session.scalar(select(User).where(User.email == "moi@phuong.vn"))
    services.update_user(user, active=False)
    db.session.commit()
    client.post("/can-bo/dang-xuat")
    page = client.get(path)
    html = page.get_data(as_text=True)
    assert page.status_code == 410 and "vô hiệu hóa" in html and "đã hết hạn" not in html

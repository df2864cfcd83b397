"""A session cookie saved before logout, a password change, a password set through an admin's link, a role change or a
deactivation no longer reaches a staff page."""
import pytest
from sqlalchemy import select

from portal.accounts import services
from portal.accounts.models import User
from portal.audit import AuditEvent
from tests.fixtures.users import sign_in

PASSWORD = "Str0ng-Passw0rd!"
NEW_PASSWORD = "N3w-Passw0rd-x!"


def _copy(app, client):
    other = app.test_client()
    other.set_cookie("session", client.get_cookie("session").value)
    return other


def _reaches_staff_page(client):
    return client.get("/can-bo/tai-khoan").status_code == 200


@pytest.fixture
def staff(app, client, db, make_user):
    """A staff member signed in through the login form, and a copy of their session cookie."""
    user = make_user("editor", "board_member")
    assert client.post("/can-bo/dang-nhap", data={"email": user.email, "password": PASSWORD}).status_code == 302
    saved = _copy(app, client)
    assert _reaches_staff_page(saved)
    return user, saved


def _admin_post(app, make_user, user, **changes):
    admin_client = app.test_client()
    sign_in(admin_client, make_user("admin"))
    data = {"email": user.email, "name": user.name, "roles": sorted(user.roles), "active": "y", **changes}
    data = {k: v for k, v in data.items() if v is not None}
    return admin_client.post(f"/can-bo/quan-tri/nguoi-dung/{user.id}", data=data)


def test_logout_ends_saved_cookie(client, staff):
    user, saved = staff
    assert client.post("/can-bo/dang-xuat").status_code == 302
    assert not _reaches_staff_page(saved)


def test_password_change_ends_saved_cookie_but_not_the_current_session(client, db, staff):
    user, saved = staff
    resp = client.post("/can-bo/tai-khoan", data={"current": PASSWORD, "new": NEW_PASSWORD})
    assert resp.status_code == 302
    assert not _reaches_staff_page(saved)
    assert _reaches_staff_page(client)


def test_password_set_through_an_admins_link_ends_saved_cookie(app, db, make_user, staff):
    import re

    from portal.outbox import OutboxMessage

    user, saved = staff
    admin_client = app.test_client()
    sign_in(admin_client, make_user("admin"))
    assert admin_client.post(f"/can-bo/quan-tri/nguoi-dung/{user.id}/gui-lien-ket").status_code == 302
    assert _reaches_staff_page(saved)  # a link alone changes nothing
    body = db.session.scalar(select(OutboxMessage.body).where(OutboxMessage.recipient == user.email))
    path = re.search(r"/can-bo/dat-mat-khau/\S+", body).group(0)
    assert app.test_client().post(path, data={"new": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 302
    assert not _reaches_staff_page(saved)


def test_role_change_ends_saved_cookie(app, db, make_user, staff):
    user, saved = staff
    assert _admin_post(app, make_user, user, roles=["editor"]).status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user.id).roles == {"editor"}
    assert not _reaches_staff_page(saved)


def test_deactivation_ends_saved_cookie_even_after_reactivation(app, db, make_user, staff):
    user, saved = staff
    assert _admin_post(app, make_user, user, active=None).status_code == 302
    db.session.expire_all()
    assert not db.session.get(User, user.id).active
    assert not _reaches_staff_page(saved)
    assert _admin_post(app, make_user, user).status_code == 302  # active again
    assert not _reaches_staff_page(saved)


def test_name_change_keeps_sessions(app, db, make_user, staff):
    user, saved = staff
    assert _admin_post(app, make_user, user, name="Tên mới").status_code == 302
    assert _reaches_staff_page(saved)


def test_session_endings_are_audited(app, db, make_user, staff):
    user, _saved = staff
    _admin_post(app, make_user, user, roles=["editor"])
    fresh = app.test_client()
    fresh.post("/can-bo/dang-nhap", data={"email": user.email, "password": PASSWORD})
    assert fresh.post("/can-bo/dang-xuat").status_code == 302
    events = db.session.scalars(select(AuditEvent).filter_by(subject_id=str(user.id)).order_by(AuditEvent.id)).all()
    update = next(e for e in events if e.action == "user.update")
    assert update.details["roles"]["new"] == ["editor"] and update.details["sessions_ended"] is True
    assert events[-1].action == "logout"
    db.session.expire_all()
    assert db.session.get(User, user.id).session_version == 3


def test_admin_editing_themselves_stays_signed_in(app, client, db, login_as):
    admin = login_as("admin")
    resp = client.post(f"/can-bo/quan-tri/nguoi-dung/{admin.id}",
                       data={"email": admin.email, "roles": ["admin", "editor"], "active": "y"})
    assert resp.status_code == 302
    assert client.get("/can-bo/quan-tri/nguoi-dung").status_code == 200


def test_cookie_without_the_session_version_is_anonymous(client, make_user):
    user = make_user("editor")
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
    assert not _reaches_staff_page(client)
    sign_in(client, user)
    assert _reaches_staff_page(client)
    services.logout(user)
    from portal.extensions import db

    db.session.commit()
    assert not _reaches_staff_page(client)

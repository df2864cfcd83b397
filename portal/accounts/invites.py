"""Set-password links: a new staff account gets a single-use link by mail (through the outbox)
instead of a password an admin typed; an admin can send a new one. A link is valid
``SET_PASSWORD_LINK_HOURS`` (72) hours, works once, and sending a new one voids the older ones."""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from flask import current_app, render_template
from sqlalchemy import select, update

from portal import audit
from portal.accounts import services
from portal.accounts.models import PasswordToken, User
from portal.database import utcnow
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from portal.outbox import enqueue_email
from portal.urls import public_url_for


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def link_hours() -> int:
    return max(1, int(current_app.config["SET_PASSWORD_LINK_HOURS"]))


def send_set_password_link(user: User, actor=None, reason: str = "new") -> PasswordToken:
    """Void the user's unused links, make a new one and queue the mail with it."""
    if not user.active:
        raise DomainError(_l("Tài khoản đang bị vô hiệu hóa: hãy kích hoạt lại trước khi gửi liên kết."))
    now = utcnow()
    db.session.execute(update(PasswordToken).where(PasswordToken.user_id == user.id, PasswordToken.used_at.is_(None))
                       .values(used_at=now).execution_options(synchronize_session=False))
    raw = secrets.token_urlsafe(32)
    row = PasswordToken(user_id=user.id, token_hash=_digest(raw), created_at=now,
                        expires_at=now + dt.timedelta(hours=link_hours()), created_by_id=getattr(actor, "id", None))
    db.session.add(row)
    db.session.flush()
    text = render_template("accounts/email/set_password.txt", user=user, reason=reason, hours=link_hours(),
                           expires_at=row.expires_at, link=public_url_for("accounts.set_password", token=raw),
                           login=public_url_for("accounts.login"))
    subject, _, body = text.partition("\n")
    enqueue_email(user.email, subject.strip(), body.lstrip("\n"), key=f"set-password:{row.id}")
    audit.record(actor, "user.set_password_link", user, {"reason": reason, "expires_at": row.expires_at.isoformat()})
    return row


def invite_user(email: str, roles, name: str = "", active: bool = True, actor=None) -> User:
    """A new staff account with no usable password, and its set-password link by mail."""
    user = services.create_user(email, roles, None, name=name, actor=actor)
    if not active:
        services.update_user(user, active=False, actor=actor)
    else:
        send_set_password_link(user, actor, reason="new")
    return user


def find_token(raw: str) -> tuple[PasswordToken | None, str]:
    """The token and its state: ``ok``, ``unknown``, ``used``, ``changed`` (the password was set
    another way after the link was sent: a reset, the user's own change), ``inactive`` (the account
    is deactivated) or ``expired``."""
    if not raw or len(raw) > 200:
        return None, "unknown"
    row = db.session.scalar(select(PasswordToken).where(PasswordToken.token_hash == _digest(raw)))
    if row is None:
        return None, "unknown"
    if row.used_at is not None:
        return row, "used"
    if not row.user.active:
        return row, "inactive"
    changed = row.user.password_changed_at
    if changed is not None and changed > row.created_at:
        return row, "changed"
    if row.expires_at <= utcnow():
        return row, "expired"
    return row, "ok"


def set_password_with_token(raw: str, new: str, confirm: str) -> User:
    """Set the password through a valid link, once; the link is spent and other sessions end."""
    row, state = find_token(raw)
    if state != "ok":
        raise DomainError(_l("Liên kết đặt mật khẩu không còn hiệu lực."))
    if (new or "") != (confirm or ""):
        raise DomainError(_l("Hai lần nhập mật khẩu không khớp."))
    user = row.user
    services.check_password_strength(new, user.email)
    spent = db.session.execute(update(PasswordToken).where(PasswordToken.id == row.id, PasswordToken.used_at.is_(None))
                               .values(used_at=utcnow()).execution_options(synchronize_session=False))
    if spent.rowcount != 1:  # a second tab used it a moment ago
        raise DomainError(_l("Liên kết đặt mật khẩu không còn hiệu lực."))
    user.password_hash = services._hash(new)
    user.password_changed_at = utcnow()
    user.locked_until, user.failed_logins = None, 0
    services.end_sessions(user)
    audit.record(user, "user.password_set", user, {"token": row.id})
    return user

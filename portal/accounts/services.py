"""Account operations: each checks its rules, changes state, writes the audit log, flushes."""
from __future__ import annotations

import datetime as dt
import re

import pyotp
from flask import current_app
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from portal import audit
from portal.accounts.models import ROLES, User
from portal.database import utcnow
from portal.extensions import db
from portal.i18n import N_
from portal.settings import get_setting

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DUMMY_HASH = None


class AccountError(ValueError):
    """A refused account operation; the message is shown to the user."""


def _hash(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def check_password_strength(password: str, email: str = "") -> None:
    minimum = current_app.config["PASSWORD_MIN_LENGTH"]
    if len(password or "") < minimum:
        raise AccountError(f"Mật khẩu phải có ít nhất {minimum} ký tự.")
    if len(password) > 256:
        raise AccountError(N_("Mật khẩu quá dài (tối đa 256 ký tự)."))
    if password.lower() in {email.lower(), email.split("@")[0].lower()}:
        raise AccountError(N_("Mật khẩu không được trùng với địa chỉ email."))
    classes = sum(bool(re.search(p, password)) for p in (r"[a-z]", r"[A-Z]", r"\d", r"[^\w\s]"))
    if classes < 2 or len(set(password)) < 5:
        raise AccountError(N_("Mật khẩu quá yếu: hãy kết hợp chữ hoa, chữ thường, chữ số hoặc ký hiệu."))


def normalize_email(email: str) -> str:
    email = (email or "").strip().lower()
    if not EMAIL_RE.match(email) or len(email) > 254:
        raise AccountError(N_("Địa chỉ email không hợp lệ."))
    return email


def validate_roles(roles) -> list[str]:
    roles = [r.strip() for r in roles if r and r.strip()]
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise AccountError(
            f"Vai trò không hợp lệ: {', '.join(unknown)}. Các vai trò: {', '.join(ROLES)}."
        )
    if not roles:
        raise AccountError(N_("Cần chọn ít nhất một vai trò."))
    return roles


def get_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == (email or "").strip().lower()))


def create_user(email: str, roles, password: str, name: str = "", actor=None) -> User:
    email = normalize_email(email)
    roles = validate_roles(roles)
    if get_user_by_email(email) is not None:
        raise AccountError(N_("Email này đã được dùng cho một tài khoản khác."))
    check_password_strength(password, email)
    user = User(email=email, name=(name or "").strip()[:200], password_hash=_hash(password),
                password_changed_at=utcnow())
    user.set_roles(roles)
    db.session.add(user)
    db.session.flush()
    audit.record(actor, "user.create", user, {"roles": roles})
    return user


def update_user(user: User, *, roles=None, active=None, name=None, actor=None) -> User:
    details = {}
    if roles is not None:
        roles = validate_roles(roles)
        if set(roles) != user.roles:
            details["roles"] = {"old": sorted(user.roles), "new": sorted(roles)}
            user.set_roles(roles)
    if active is not None and active != user.active:
        details["active"] = active
        user.active = active
    if name is not None and name.strip() != user.name:
        user.name = name.strip()[:200]
        details["name"] = user.name
    if details:
        audit.record(actor, "user.update", user, details)
    db.session.flush()
    return user


def is_locked(user: User, now: dt.datetime | None = None) -> bool:
    now = now or utcnow()
    return bool(user.locked_until and user.locked_until > now)


def authenticate(email: str, password: str) -> User:
    """Check email and password; count failures and lock after too many."""
    global _DUMMY_HASH
    user = get_user_by_email(email)
    if user is None:
        _DUMMY_HASH = _DUMMY_HASH or _hash("dummy-password-for-timing")
        check_password_hash(_DUMMY_HASH, password or "")
        audit.record("anonymous", "login.failed", ("user", ""), {"email": (email or "")[:254]})
        raise AccountError(N_("Email hoặc mật khẩu không đúng."))
    if is_locked(user):
        audit.record(user, "login.locked", user)
        raise AccountError(
            "Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau "
            f"{current_app.config['LOGIN_LOCK_MINUTES']} phút."
        )
    if not check_password_hash(user.password_hash, password or ""):
        user.failed_logins += 1
        details = {"failures": user.failed_logins}
        if user.failed_logins >= current_app.config["LOGIN_MAX_FAILURES"]:
            user.locked_until = utcnow() + dt.timedelta(minutes=current_app.config["LOGIN_LOCK_MINUTES"])
            user.failed_logins = 0
            details["locked_until"] = user.locked_until.isoformat()
        audit.record(user, "login.failed", user, details)
        raise AccountError(N_("Email hoặc mật khẩu không đúng."))
    if not user.active:
        audit.record(user, "login.disabled", user)
        raise AccountError(N_("Tài khoản này đã bị vô hiệu hóa. Liên hệ quản trị viên."))
    return user


def verify_totp(user: User, code: str) -> bool:
    code = re.sub(r"\s", "", code or "")
    if not re.fullmatch(r"\d{6}", code):
        raise AccountError(N_("Mã xác thực phải gồm đúng 6 chữ số."))
    if not user.totp_secret or not pyotp.TOTP(user.totp_secret).verify(code, valid_window=1):
        user.failed_logins += 1
        audit.record(user, "login.totp_failed", user)
        raise AccountError(N_("Mã xác thực không đúng hoặc đã hết hạn."))
    return True


def complete_login(user: User) -> None:
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = utcnow()
    audit.record(user, "login.success", user)


def totp_required(user: User) -> bool:
    return bool(get_setting("REQUIRE_TOTP_FOR_STAFF", False))


def change_password(user: User, current: str, new: str, actor=None) -> None:
    if not check_password_hash(user.password_hash, current or ""):
        raise AccountError(N_("Mật khẩu hiện tại không đúng."))
    check_password_strength(new, user.email)
    if check_password_hash(user.password_hash, new):
        raise AccountError(N_("Mật khẩu mới phải khác mật khẩu hiện tại."))
    user.password_hash = _hash(new)
    user.password_changed_at = utcnow()
    audit.record(actor or user, "user.password_change", user)


def reset_password(user: User, new: str, actor=None) -> None:
    check_password_strength(new, user.email)
    user.password_hash = _hash(new)
    user.password_changed_at = utcnow()
    user.locked_until = None
    user.failed_logins = 0
    audit.record(actor, "user.password_reset", user)


def start_totp_enrolment(user: User) -> str:
    """A new secret, kept until the user confirms it with a code."""
    secret = pyotp.random_base32()
    user.totp_secret = secret
    user.totp_enabled = False
    db.session.flush()
    return secret


def confirm_totp_enrolment(user: User, code: str) -> None:
    verify_totp(user, code)
    user.totp_enabled = True
    user.failed_logins = 0
    audit.record(user, "user.totp_enabled", user)


def disable_totp(user: User, actor=None) -> None:
    user.totp_enabled = False
    user.totp_secret = None
    audit.record(actor, "user.totp_disabled", user)


def totp_uri(user: User) -> str:
    from flask import current_app as app

    return pyotp.TOTP(user.totp_secret).provisioning_uri(name=user.email, issuer_name=app.config["WARD_NAME"])

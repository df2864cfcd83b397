"""Account operations: each checks its rules, changes state, writes the audit log, flushes."""
from __future__ import annotations

import datetime as dt
import re
import secrets
import time

from flask import current_app
from sqlalchemy import case, func, literal, or_, select, update
from werkzeug.security import check_password_hash, generate_password_hash

from portal import audit
from portal.accounts.models import ROLES, User
from portal.database import UTCDateTime, utcnow
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import N_, _l
from portal.settings import get_setting

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _hash(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def check_password_strength(password: str, email: str = "") -> None:
    minimum = current_app.config["PASSWORD_MIN_LENGTH"]
    if len(password or "") < minimum:
        raise DomainError(_l("Mật khẩu phải có ít nhất %(minimum)s ký tự.", minimum=minimum))
    if len(password) > 256:
        raise DomainError(_l("Mật khẩu quá dài (tối đa 256 ký tự)."))
    if password.lower() in {email.lower(), email.split("@")[0].lower()}:
        raise DomainError(_l("Mật khẩu không được trùng với địa chỉ email."))
    classes = sum(bool(re.search(p, password)) for p in (r"[a-z]", r"[A-Z]", r"\d", r"[^\w\s]"))
    if classes < 2 or len(set(password)) < 5:
        raise DomainError(_l("Mật khẩu quá yếu: hãy kết hợp chữ hoa, chữ thường, chữ số hoặc ký hiệu."))


def normalize_email(email: str) -> str:
    email = (email or "").strip().lower()
    if not EMAIL_RE.match(email) or len(email) > 254:
        raise DomainError(_l("Địa chỉ email không hợp lệ."))
    return email


def validate_roles(roles) -> list[str]:
    roles = [r.strip() for r in roles if r and r.strip()]
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise DomainError(_l("Vai trò không hợp lệ: %(unknown)s. Các vai trò: %(roles)s.",
                              unknown=", ".join(unknown), roles=", ".join(ROLES)))
    if not roles:
        raise DomainError(_l("Cần chọn ít nhất một vai trò."))
    return roles


def get_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == (email or "").strip().lower()))


def create_user(email: str, roles, password: str | None, name: str = "", actor=None) -> User:
    """A staff account. ``password`` None (the admin pages): the account has no usable password
    until its holder sets one through the link ``portal.accounts.invites`` mails."""
    email = normalize_email(email)
    roles = validate_roles(roles)
    if get_user_by_email(email) is not None:
        raise DomainError(_l("Email này đã được dùng cho một tài khoản khác."))
    if password is not None:
        check_password_strength(password, email)
    secret = password if password is not None else secrets.token_urlsafe(32)  # known to nobody
    user = User(email=email, name=(name or "").strip()[:200], password_hash=_hash(secret),
                password_changed_at=utcnow() if password is not None else None)
    user.set_roles(roles)
    db.session.add(user)
    db.session.flush()
    audit.record(actor, "user.create", user, {"roles": roles})
    return user


def end_sessions(user: User) -> None:
    """Sign out every session of ``user``: the version in their session cookies no longer matches.

    The increment runs in SQL, so two parallel bumps both count; callers audit the event that caused it.
    """
    user.session_version = User.session_version + 1
    db.session.flush()


def update_user(user: User, *, roles=None, active=None, name=None, actor=None) -> User:
    """Change roles, active state or name. A role change or a deactivation ends the user's sessions."""
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
    if "roles" in details or details.get("active") is False:
        details["sessions_ended"] = True
        end_sessions(user)
    if details:
        audit.record(actor, "user.update", user, details)
    db.session.flush()
    return user


def logout(user: User) -> None:
    """Signing out ends every session of the user, so a copy of the cookie no longer works."""
    end_sessions(user)
    audit.record(user, "logout", user)


def is_locked(user: User, now: dt.datetime | None = None) -> bool:
    now = now or utcnow()
    return bool(user.locked_until and user.locked_until > now)


BAD_LOGIN = N_("Email hoặc mật khẩu không đúng.")
_DUMMY_HASHES: dict[str, str] = {}


def _dummy_hash() -> str:
    """A hash made like real ones, checked when there is no account so every answer costs one check."""
    method = current_app.config["PASSWORD_HASH_METHOD"]
    if method not in _DUMMY_HASHES:
        _DUMMY_HASHES[method] = _hash("dummy-password-for-timing")
    return _DUMMY_HASHES[method]


def authenticate(email: str, password: str) -> User:
    """Check email and password; count failures and lock after too many.

    A missing account, a locked account and a wrong password get the same answer after the same work
    (one password hash check), so the answer does not tell whether an address has an account. The
    lock is recorded in the audit log for the account holder and administrators.
    """
    user = get_user_by_email(email)
    password_ok = check_password_hash(user.password_hash if user else _dummy_hash(), password or "")
    if user is None:
        audit.record("anonymous", "login.failed", ("user", ""), {"email": (email or "")[:254]})
        raise DomainError(BAD_LOGIN)
    if is_locked(user):
        audit.record(user, "login.locked", user, {"locked_until": user.locked_until.isoformat()})
        raise DomainError(BAD_LOGIN)
    if not password_ok:
        register_failure(user, "login.failed")
        raise DomainError(BAD_LOGIN)
    if not user.active:
        audit.record(user, "login.disabled", user)
        raise DomainError(_l("Tài khoản này đã bị vô hiệu hóa. Liên hệ quản trị viên."))
    return user


def register_failure(user: User, action: str) -> bool:
    """Count one failed password or code in a single UPDATE; lock at every LOGIN_MAX_FAILURES-th.

    The increment and the lock are computed by the database from the row's current values, so
    parallel attempts cannot lose counts (no read-modify-write). Attempts while the account is
    locked are not counted. Returns True when this failure locked the account.
    """
    cfg = current_app.config
    maximum = max(1, int(cfg["LOGIN_MAX_FAILURES"]))
    now = utcnow()
    until = now + dt.timedelta(minutes=cfg["LOGIN_LOCK_MINUTES"])
    count = User.failed_logins + 1
    row = db.session.execute(
        update(User)
        .where(User.id == user.id, or_(User.locked_until.is_(None), User.locked_until <= now))
        .values(failed_logins=count, locked_until=case((count % maximum == 0, literal(until, UTCDateTime())),
                                                           else_=User.locked_until))
        .returning(User.failed_logins, User.locked_until)
        .execution_options(synchronize_session=False)
    ).first()
    db.session.expire(user, ["failed_logins", "locked_until"])
    details = {"failures": row.failed_logins if row else None}
    locked = bool(row and row.failed_logins % maximum == 0)
    if locked:
        details["locked_until"] = until.isoformat()
    audit.record(user, action, user, details)
    if locked:
        audit.record(user, "login.lockout", user, details)
    return locked


def complete_login(user: User) -> None:
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = utcnow()
    audit.record(user, "login.success", user)


# Between a right password and the second factor the session holds only this pending state. It
# names the user's session version and failure count: a wrong code raises the count, so a copy of
# the cookie saved before it is refused, and a lock, logout or password change ends it too.
PENDING_MAX_SECONDS = 600


def pending_login(user: User, next_url: str) -> dict:
    return {"uid": user.id, "sv": user.session_version, "fails": user.failed_logins,
            "at": int(time.time()), "next": next_url}


def resume_pending_login(state) -> User | None:
    """The user a pending state belongs to, or None when it is stale, expired or the account locked."""
    if not isinstance(state, dict):
        return None
    try:
        uid, sv, fails, at = (int(state[k]) for k in ("uid", "sv", "fails", "at"))
    except (KeyError, TypeError, ValueError):
        return None
    if not 0 <= time.time() - at <= PENDING_MAX_SECONDS:
        return None
    user = db.session.get(User, uid)
    if user is None or not user.active or is_locked(user):
        return None
    if user.session_version != sv or user.failed_logins != fails:
        return None
    return user


def totp_required(user: User) -> bool:
    return bool(get_setting("REQUIRE_TOTP_FOR_STAFF", False))


def change_password(user: User, current: str, new: str, actor=None) -> None:
    if not check_password_hash(user.password_hash, current or ""):
        raise DomainError(_l("Mật khẩu hiện tại không đúng."))
    check_password_strength(new, user.email)
    if check_password_hash(user.password_hash, new):
        raise DomainError(_l("Mật khẩu mới phải khác mật khẩu hiện tại."))
    user.password_hash = _hash(new)
    user.password_changed_at = utcnow()
    end_sessions(user)  # the caller signs the current session in again
    audit.record(actor or user, "user.password_change", user)


def reset_password(user: User, new: str, actor=None) -> None:
    check_password_strength(new, user.email)
    user.password_hash = _hash(new)
    user.password_changed_at = utcnow()
    user.locked_until = None
    user.failed_logins = 0
    end_sessions(user)
    audit.record(actor, "user.password_reset", user)

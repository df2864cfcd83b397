"""The TOTP second factor: enrolment, and codes that count toward the lockout and work once."""
from __future__ import annotations

import re
import time

import pyotp
from flask import current_app
from sqlalchemy import or_, update

from portal import audit
from portal.accounts.models import User
from portal.accounts.services import end_sessions, register_failure
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import N_, _l

WRONG_CODE = N_("Mã xác thực không đúng hoặc đã hết hạn.")
USED_CODE = N_("Mã xác thực này đã được dùng. Vui lòng chờ mã mới trong ứng dụng.")
LOCKED = N_("Tài khoản tạm thời bị khóa. Vui lòng thử lại sau.")
WINDOW = 1  # time steps accepted either side of now (phone clocks drift)


def _clean(code: str) -> str:
    code = re.sub(r"\s", "", code or "")
    if not re.fullmatch(r"[0-9]{6}", code):
        raise DomainError(_l("Mã xác thực phải gồm đúng 6 chữ số."))
    return code


def _matching_step(secret: str | None, code: str) -> int | None:
    """The latest time step within the window whose code is ``code``, or None."""
    if not secret:
        return None
    totp = pyotp.TOTP(secret)
    now = totp.timecode(time.time())
    steps = [s for s in range(now - WINDOW, now + WINDOW + 1) if totp.verify(code, for_time=s * totp.interval)]
    return max(steps) if steps else None


def _consume_step(user: User, step: int) -> bool:
    """Record ``step`` as used, only if it is later than every step used before (one UPDATE, so two
    parallel requests with the same code cannot both succeed)."""
    claimed = db.session.execute(
        update(User)
        .where(User.id == user.id, or_(User.totp_last_step.is_(None), User.totp_last_step < step))
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.expire(user, ["totp_last_step"])
    return claimed == 1


def verify_login_code(user: User, code: str) -> None:
    """The second step of a login. A wrong or reused code counts as a failed login."""
    code = _clean(code)
    step = _matching_step(user.totp_secret if user.totp_enabled else None, code)
    if step is not None and _consume_step(user, step):
        return
    locked = register_failure(user, "login.totp_failed" if step is None else "login.totp_reused")
    if locked:
        raise DomainError(LOCKED)
    raise DomainError(WRONG_CODE if step is None else USED_CODE)


def start_enrolment(user: User) -> str:
    """A new secret, kept until the user confirms it with a code. Refused while TOTP is on."""
    if user.totp_enabled:
        raise DomainError(_l("Xác thực hai lớp đã được bật cho tài khoản này."))
    user.totp_secret = pyotp.random_base32()
    user.totp_last_step = None
    audit.record(user, "user.totp_enrolment_started", user)
    db.session.flush()
    return user.totp_secret


def confirm_enrolment(user: User, code: str) -> None:
    code = _clean(code)
    if user.totp_enabled or not user.totp_secret:
        raise DomainError(_l("Hãy tạo khóa bí mật trước khi nhập mã."))
    step = _matching_step(user.totp_secret, code)
    if step is None:
        raise DomainError(WRONG_CODE)
    if not _consume_step(user, step):
        raise DomainError(USED_CODE)
    user.totp_enabled = True
    audit.record(user, "user.totp_enabled", user)
    db.session.flush()


def disable(user: User, actor=None) -> None:
    user.totp_enabled = False
    user.totp_secret = None
    user.totp_last_step = None
    end_sessions(user)
    audit.record(actor, "user.totp_disabled", user)


def uri(user: User) -> str:
    return pyotp.TOTP(user.totp_secret).provisioning_uri(name=user.email,
                                                         issuer_name=current_app.config["WARD_NAME"])

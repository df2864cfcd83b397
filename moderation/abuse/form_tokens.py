"""The hidden fields of every public form: the honeypot and a signed, single-use start token."""
from __future__ import annotations

import datetime as dt
import re
import secrets
import time

from flask import current_app, g, has_request_context
from itsdangerous import BadSignature, Signer
from markupsafe import Markup, escape
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from moderation.abuse.base import AlreadySent, Refused, setting
from portal.database import utcnow
from portal.extensions import db
from portal.i18n import _l, gettext_vi

HONEYPOT_FIELD = "website"
STARTED_FIELD = "form_started"

# A public form carries a signed token "<start time>.<nonce>". A post is refused when the token
# is forged, too young (FORM_MIN_FILL_SECONDS) or too old (FORM_MAX_AGE_HOURS); the view stores
# the nonce (``consume_form_token``) in the transaction that stores what was sent, so one page
# stores one petition, comment or support however often it is posted.

def _signer() -> Signer:
    return Signer(current_app.config["SECRET_KEY"], salt="moderation.form-started")


def started_token(at: float | None = None) -> str:
    started = int(at if at is not None else time.time())
    return _signer().sign(f"{started}.{secrets.token_urlsafe(12)}").decode()


def _honeypot_id() -> str:
    """``hp-website``, then ``hp-website-2``, ``-3``… for the next forms of the same page: an id
    is unique on a page that carries several public forms."""
    if not has_request_context():
        return f"hp-{HONEYPOT_FIELD}"
    n = g.get("_honeypot_fields", 0) + 1
    g._honeypot_fields = n
    return f"hp-{HONEYPOT_FIELD}" + (f"-{n}" if n > 1 else "")


def started_field(token: str | None = None) -> Markup:
    """Hidden fields every public form carries: the signed start time and the honeypot."""
    token = token or started_token()
    field_id = _honeypot_id()
    return Markup(
        f'<input type="hidden" name="{STARTED_FIELD}" value="{escape(token)}">'
        f'<div class="honeypot" aria-hidden="true"><label for="{field_id}">'
        f'{escape(gettext_vi("Để trống ô này"))}</label><input id="{field_id}" name="{HONEYPOT_FIELD}" '
        f'type="text" tabindex="-1" autocomplete="off"></div>'
    )


TOKEN_MESSAGE = _l("Biểu mẫu không hợp lệ hoặc đã hết hạn. Vui lòng kiểm tra nội dung và gửi lại.")


def _read_token(form) -> tuple[int, str]:
    """(start time, nonce) of the posted token; ``Refused`` when it is missing or forged."""
    try:
        started, nonce = _signer().unsign(form.get(STARTED_FIELD) or "").decode().split(".", 1)
        if not re.fullmatch(r"[A-Za-z0-9_-]{16}", nonce):
            raise ValueError(nonce)
        return int(started), nonce
    except (BadSignature, ValueError, UnicodeDecodeError):
        raise Refused(TOKEN_MESSAGE, 400, "token") from None


def _token_use(nonce: str):
    from moderation.abuse.models import FormToken

    return db.session.get(FormToken, nonce)


def check_form_timing(form) -> None:
    """Refuse a filled honeypot, a missing/forged start token, a form sent too fast or too late;
    raise ``AlreadySent`` when the token was already used."""
    if (form.get(HONEYPOT_FIELD) or "").strip():
        raise Refused(_l("Không thể tiếp nhận nội dung này. Nếu bạn là người dân, vui lòng để trống "
                      "các ô ẩn và gửi lại."), 400, "honeypot")
    started, nonce = _read_token(form)
    used = _token_use(nonce)
    if used is not None:
        raise AlreadySent(used.receipt_code)
    age = time.time() - started
    if age < float(setting("FORM_MIN_FILL_SECONDS")):
        raise Refused(_l("Biểu mẫu được gửi quá nhanh. Vui lòng đọc lại nội dung, chờ vài giây và gửi lại."),
                      400, "too_fast")
    if age > float(setting("FORM_MAX_AGE_HOURS")) * 3600:
        raise Refused(_l("Biểu mẫu đã mở quá lâu nên đã hết hạn. Nội dung của bạn vẫn còn: vui lòng gửi lại."),
                      400, "expired")


def consume_form_token(form, kind: str, receipt_code: str | None = None) -> None:
    """Record the post's token as used, in the caller's transaction (after what it stores, before
    its commit). A second post with the same token, even one running at the same moment, hits the
    primary key: its whole transaction is rolled back and ``AlreadySent`` raised."""
    from moderation.abuse.models import FormToken

    _started, nonce = _read_token(form)
    db.session.add(FormToken(nonce=nonce, form=kind, receipt_code=receipt_code))
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        used = _token_use(nonce)
        if used is None:
            raise
        raise AlreadySent(used.receipt_code) from None


def purge_form_tokens(now=None) -> int:
    """Forget used tokens older than a form may be open (they are refused as expired anyway)."""
    from moderation.abuse.models import FormToken

    cutoff = (now or utcnow()) - dt.timedelta(hours=float(setting("FORM_MAX_AGE_HOURS")) + 1)
    return db.session.execute(delete(FormToken).where(FormToken.used_at < cutoff)).rowcount or 0

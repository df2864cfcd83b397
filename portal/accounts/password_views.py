"""``/can-bo/dat-mat-khau/<token>``: the page a set-password link opens (``invites``). A link that
is unknown, used or expired gets a page saying what happened and what to do, never a bare error."""
from __future__ import annotations

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from portal.accounts import invites
from portal.accounts.forms import SetPasswordForm
from portal.errors import DomainError
from portal.extensions import db

STATUS = {"unknown": 404, "used": 410, "expired": 410, "changed": 410, "inactive": 410}


def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def set_password(token: str):
    row, state = invites.find_token(token)
    if state != "ok":
        page = render_template("accounts/set_password_invalid.html", state=state, hours=invites.link_hours())
        return _no_store(current_app.make_response((page, STATUS[state])))
    form = SetPasswordForm()
    error = None
    if form.validate_on_submit():
        try:
            user = invites.set_password_with_token(token, form.new.data, form.confirm.data)
        except DomainError as exc:
            db.session.rollback()
            error = exc.message
        else:
            db.session.commit()
            flash(_("Đã đặt mật khẩu. Hãy đăng nhập bằng email %(email)s và mật khẩu vừa đặt.", email=user.email),
                  "success")
            return redirect(url_for("accounts.login"))
    page = render_template("accounts/set_password.html", form=form, error=error, user=row.user,
                           expires_at=row.expires_at, minimum=current_app.config["PASSWORD_MIN_LENGTH"])
    return _no_store(current_app.make_response((page, 400 if error or form.errors else 200)))

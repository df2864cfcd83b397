from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from portal.accounts import services, totp
from portal.accounts.forms import LoginForm, PasswordChangeForm, TotpForm
from portal.accounts.models import User
from portal.accounts.password_views import set_password
from portal.errors import DomainError
from portal.extensions import db, limiter, login_manager
from portal.site.views import _safe_next

bp = Blueprint("accounts", __name__, url_prefix="/can-bo")
bp.add_url_rule("/dat-mat-khau/<token>", "set_password",
                limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])(set_password),
                methods=["GET", "POST"])


PENDING = "pending_login"


@login_manager.user_loader
def _load_user(session_id: str):
    """The signed-in user, only if the session's version is the account's current one and it is active."""
    try:
        user_id, version = (int(part) for part in str(session_id).split(":"))
    except (TypeError, ValueError):
        return None
    user = db.session.get(User, user_id)
    if user is None or user.session_version != version or not user.active:
        return None
    return user


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _sign_in(user: User, nxt: str):
    session.clear()
    login_user(user)
    if services.totp_required(user) and not user.totp_enabled:
        flash(_("Quản trị viên yêu cầu bật xác thực hai lớp cho mọi cán bộ."), "warning")
        return redirect(url_for("accounts.totp_setup"))
    return redirect(nxt if nxt != "/" else url_for("accounts.dashboard"))


@bp.route("/dang-nhap", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("accounts.dashboard"))
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data)
        except DomainError as exc:
            error = exc.message  # fixed service messages are in the catalog
            db.session.commit()  # keep the failure count and the audit event
        else:
            nxt = _safe_next(request.args.get("next"))
            if user.totp_enabled:
                session[PENDING] = services.pending_login(user, nxt)
                db.session.commit()
                return redirect(url_for("accounts.login_totp"))
            services.complete_login(user)
            db.session.commit()
            return _sign_in(user, nxt)
    elif request.method == "POST":
        error = _("Vui lòng nhập email và mật khẩu.")
    return render_template("accounts/login.html", form=form, error=error), 200 if not error else 400


@bp.route("/dang-nhap/xac-thuc", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login_totp():
    state = session.get(PENDING)
    user = services.resume_pending_login(state)
    if user is None:
        if session.pop(PENDING, None) is not None:
            flash(_("Phiên đăng nhập không còn hợp lệ. Vui lòng đăng nhập lại."), "warning")
        return redirect(url_for("accounts.login"))
    form = TotpForm()
    error = None
    if form.validate_on_submit():
        try:
            totp.verify_login_code(user, form.code.data)
        except DomainError as exc:
            error = exc.message  # fixed service messages are in the catalog
            db.session.commit()
            if services.is_locked(user):
                session.pop(PENDING, None)
            else:  # this browser goes on; a copy of the cookie from before this attempt is refused
                session[PENDING] = {**state, "fails": user.failed_logins}
        else:
            services.complete_login(user)
            db.session.commit()
            return _sign_in(user, state.get("next") or "/")
    elif request.method == "POST":
        error = _("Vui lòng nhập mã xác thực.")
    return render_template("accounts/login_totp.html", form=form, error=error), 200 if not error else 400


@bp.post("/dang-xuat")
@login_required
def logout():
    services.logout(current_user._get_current_object())
    db.session.commit()
    logout_user()
    session.clear()
    flash(_("Bạn đã đăng xuất."), "info")
    return redirect(url_for("accounts.login"))


@bp.get("/")
@login_required
def dashboard():
    return render_template("accounts/dashboard.html")


@bp.route("/tai-khoan", methods=["GET", "POST"])
@login_required
def account():
    form = PasswordChangeForm()
    error = None
    user = current_user._get_current_object()
    if form.validate_on_submit():
        try:
            services.change_password(user, form.current.data, form.new.data)
        except DomainError as exc:
            error = exc.message  # fixed service messages are in the catalog
        else:
            db.session.commit()
            login_user(user)  # every other session, and old copies of this one, have ended
            flash(_("Đã đổi mật khẩu."), "success")
            return redirect(url_for("accounts.account"))
    return render_template("accounts/account.html", form=form, error=error), 200 if not error else 400


@bp.route("/tai-khoan/xac-thuc-hai-lop", methods=["GET", "POST"])
@login_required
def totp_setup():
    """GET shows the state (changes nothing); POST checks the code of a pending enrolment."""
    form = TotpForm()
    error = None
    user = current_user._get_current_object()
    if form.validate_on_submit():
        try:
            totp.confirm_enrolment(user, form.code.data)
        except DomainError as exc:
            error = exc.message  # fixed service messages are in the catalog
            db.session.rollback()
        else:
            db.session.commit()
            flash(_("Đã bật xác thực hai lớp."), "success")
            return redirect(url_for("accounts.account"))
    elif request.method == "POST":
        error = _("Vui lòng nhập mã xác thực.")
    pending = bool(user.totp_secret) and not user.totp_enabled
    return render_template("accounts/totp_setup.html", form=form, error=error, pending=pending,
                           uri=totp.uri(user) if pending else None,
                           secret=user.totp_secret if pending else None), 200 if not error else 400


@bp.post("/tai-khoan/xac-thuc-hai-lop/tao-khoa")
@login_required
def totp_start():
    """Create a new secret (replacing a pending, unconfirmed one)."""
    try:
        totp.start_enrolment(current_user._get_current_object())
    except DomainError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        db.session.commit()
    return redirect(url_for("accounts.totp_setup"))


@bp.before_app_request
def _enforce_totp():
    """When admins require TOTP, a signed-in staff member without it can only enrol or leave."""
    if not current_user.is_authenticated or request.endpoint in (
        "accounts.totp_setup", "accounts.totp_start", "accounts.logout", "static", "site.set_language", None
    ):
        return None
    if not request.path.startswith("/can-bo"):
        return None
    if services.totp_required(current_user) and not current_user.totp_enabled:
        return redirect(url_for("accounts.totp_setup"))
    return None

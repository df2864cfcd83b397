from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from portal.accounts import services
from portal.accounts.forms import LoginForm, PasswordChangeForm, TotpForm
from portal.accounts.models import User
from portal.extensions import db, limiter, login_manager
from portal.i18n import N_
from portal.site.views import _safe_next

bp = Blueprint("accounts", __name__, url_prefix="/can-bo")


@login_manager.user_loader
def _load_user(user_id: str):
    try:
        return db.session.get(User, int(user_id))
    except (TypeError, ValueError):
        return None


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


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
        except services.AccountError as exc:
            error = _(str(exc))  # fixed service messages are in the catalog
            db.session.commit()  # keep the failure count and the audit event
        else:
            nxt = _safe_next(request.args.get("next"))
            if user.totp_enabled:
                session["pending_user_id"] = user.id
                session["pending_next"] = nxt
                db.session.commit()
                return redirect(url_for("accounts.login_totp"))
            services.complete_login(user)
            db.session.commit()
            session.clear()
            login_user(user)
            if services.totp_required(user) and not user.totp_enabled:
                flash(_("Quản trị viên yêu cầu bật xác thực hai lớp cho mọi cán bộ."), "warning")
                return redirect(url_for("accounts.totp_setup"))
            return redirect(nxt if nxt != "/" else url_for("accounts.dashboard"))
    elif request.method == "POST":
        error = _("Vui lòng nhập email và mật khẩu.")
    return render_template("accounts/login.html", form=form, error=error), 200 if not error else 400


@bp.route("/dang-nhap/xac-thuc", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login_totp():
    user_id = session.get("pending_user_id")
    user = db.session.get(User, user_id) if user_id else None
    if user is None:
        return redirect(url_for("accounts.login"))
    form = TotpForm()
    error = None
    if form.validate_on_submit():
        try:
            if services.is_locked(user):
                raise services.AccountError(N_("Tài khoản tạm thời bị khóa. Vui lòng thử lại sau."))
            services.verify_totp(user, form.code.data)
        except services.AccountError as exc:
            error = _(str(exc))  # fixed service messages are in the catalog
            if user.failed_logins >= current_app.config["LOGIN_MAX_FAILURES"]:
                session.pop("pending_user_id", None)
            db.session.commit()
        else:
            nxt = session.get("pending_next") or "/"
            services.complete_login(user)
            db.session.commit()
            session.clear()
            login_user(user)
            return redirect(nxt if nxt != "/" else url_for("accounts.dashboard"))
    elif request.method == "POST":
        error = _("Vui lòng nhập mã xác thực.")
    return render_template("accounts/login_totp.html", form=form, error=error), 200 if not error else 400


@bp.post("/dang-xuat")
@login_required
def logout():
    from portal import audit

    audit.record(current_user._get_current_object(), "logout", current_user._get_current_object())
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
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current.data, form.new.data)
        except services.AccountError as exc:
            error = _(str(exc))  # fixed service messages are in the catalog
        else:
            db.session.commit()
            flash(_("Đã đổi mật khẩu."), "success")
            return redirect(url_for("accounts.account"))
    return render_template("accounts/account.html", form=form, error=error), 200 if not error else 400


@bp.route("/tai-khoan/xac-thuc-hai-lop", methods=["GET", "POST"])
@login_required
def totp_setup():
    form = TotpForm()
    error = None
    user = current_user._get_current_object()
    if request.method == "GET" and not user.totp_enabled:
        services.start_totp_enrolment(user)
        db.session.commit()
    if form.validate_on_submit():
        try:
            services.confirm_totp_enrolment(user, form.code.data)
        except services.AccountError as exc:
            error = _(str(exc))  # fixed service messages are in the catalog
            db.session.commit()
        else:
            db.session.commit()
            flash(_("Đã bật xác thực hai lớp."), "success")
            return redirect(url_for("accounts.account"))
    uri = services.totp_uri(user) if user.totp_secret else None
    return render_template("accounts/totp_setup.html", form=form, error=error, uri=uri,
                           secret=user.totp_secret), 200 if not error else 400


@bp.before_app_request
def _enforce_totp():
    """When admins require TOTP, a signed-in staff member without it can only enrol or leave."""
    if not current_user.is_authenticated or request.endpoint in (
        "accounts.totp_setup", "accounts.logout", "static", "site.set_language", None
    ):
        return None
    if not request.path.startswith("/can-bo"):
        return None
    if services.totp_required(current_user) and not current_user.totp_enabled:
        return redirect(url_for("accounts.totp_setup"))
    return None

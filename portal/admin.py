"""Admin pages: staff accounts, audit log, residential groups, security settings."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user
from sqlalchemy import select

from portal import audit, auditlog
from portal.accounts import services
from portal.accounts.forms import UserForm
from portal.accounts.models import User
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from portal.permissions import role_required
from portal.sanitize import clean_text
from portal.settings import get_setting, set_setting
from portal.ward import ResidentialGroup

bp = Blueprint("admin", __name__, url_prefix="/can-bo/quan-tri")
bp.add_url_rule("/nhat-ky", "audit_log", auditlog.audit_log)  # the page and its CSV: portal/auditlog.py


@bp.get("/nguoi-dung")
@role_required("admin")
def users():
    rows = db.session.scalars(select(User).order_by(User.email)).all()
    return render_template("admin/users.html", users=rows,
                           require_totp=get_setting("REQUIRE_TOTP_FOR_STAFF", False))


@bp.route("/nguoi-dung/moi", methods=["GET", "POST"])
@role_required("admin")
def user_new():
    form = UserForm()
    error = None
    if form.validate_on_submit():
        try:
            user = services.create_user(form.email.data, form.roles.data or [], form.password.data or "",
                                        name=form.name.data or "")
            if not form.active.data:
                services.update_user(user, active=False)
        except DomainError as exc:
            error = exc.message
        else:
            db.session.commit()
            flash(_("Đã tạo tài khoản %(email)s.", email=user.email), "success")
            return redirect(url_for("admin.users"))
    elif request.method == "POST":
        error = _("Vui lòng kiểm tra các trường được đánh dấu.")
    return render_template("admin/user_form.html", form=form, error=error, user=None), 200 if not error else 400


@bp.route("/nguoi-dung/<int:user_id>", methods=["GET", "POST"])
@role_required("admin")
def user_edit(user_id: int):
    user = db.session.get(User, user_id) or abort(404)
    form = UserForm(obj=user)
    if request.method == "GET":
        form.roles.data = sorted(user.roles)
    error = None
    if form.validate_on_submit():
        try:
            if user.id == current_user.id and (not form.active.data or "admin" not in (form.roles.data or [])):
                raise DomainError(_l("Bạn không thể tự vô hiệu hóa hoặc bỏ quyền quản trị của chính mình."))
            services.update_user(user, roles=form.roles.data or [], active=bool(form.active.data),
                                 name=form.name.data or "")
            if form.password.data:
                services.reset_password(user, form.password.data)
        except DomainError as exc:
            error = exc.message
            db.session.rollback()
        else:
            db.session.commit()
            if user.id == current_user.id:
                login_user(user)  # editing oneself ends one's sessions: keep this one signed in
            flash(_("Đã lưu tài khoản."), "success")
            return redirect(url_for("admin.users"))
    return render_template("admin/user_form.html", form=form, error=error, user=user), 200 if not error else 400


@bp.post("/bao-mat")
@role_required("admin")
def security_settings():
    set_setting("REQUIRE_TOTP_FOR_STAFF", request.form.get("require_totp") == "1")
    db.session.commit()
    flash(_("Đã lưu cài đặt bảo mật."), "success")
    return redirect(url_for("admin.users"))


@bp.route("/to-dan-pho", methods=["GET", "POST"])
@role_required("admin")
def groups():
    error = None
    if request.method == "POST":
        code = clean_text(request.form.get("code"), 32)
        name = clean_text(request.form.get("name"), 120)
        if not code or not name:
            error = _("Cần nhập mã và tên tổ dân phố.")
        elif db.session.scalar(select(ResidentialGroup).filter_by(code=code)):
            error = _("Mã tổ dân phố đã tồn tại.")
        else:
            group = ResidentialGroup(code=code, name=name)
            db.session.add(group)
            audit.record(None, "group.create", group, {"code": code, "name": name})
            db.session.commit()
            flash(_("Đã thêm tổ dân phố."), "success")
            return redirect(url_for("admin.groups"))
    rows = db.session.scalars(select(ResidentialGroup).order_by(ResidentialGroup.position, ResidentialGroup.code)).all()
    return render_template("admin/groups.html", groups=rows, error=error, form=request.form), 200 if not error else 400

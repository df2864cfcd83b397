"""Admin pages: staff accounts, audit log, residential groups, security settings."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user
from sqlalchemy import select

from portal import audit, auditlog
from portal.accounts import invites, services
from portal.accounts.forms import UserForm
from portal.accounts.models import ROLE_LABELS, User
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from portal.permissions import role_required
from portal.sanitize import clean_text
from portal.settings import get_setting, set_setting
from portal.units import names
from portal.ward import ResidentialGroup

bp = Blueprint("admin", __name__, url_prefix="/can-bo/quan-tri")
bp.add_url_rule("/nhat-ky", "audit_log", auditlog.audit_log)  # the page and its CSV: portal/auditlog.py


@bp.get("/nguoi-dung")
@role_required("admin")
def users():
    rows = db.session.scalars(select(User).order_by(User.email)).all()
    return render_template("admin/users.html", users=rows, role_labels=ROLE_LABELS,
                           require_totp=get_setting("REQUIRE_TOTP_FOR_STAFF", False))


@bp.route("/nguoi-dung/moi", methods=["GET", "POST"])
@role_required("admin")
def user_new():
    form = UserForm()
    error = None
    if form.validate_on_submit():
        try:
            user = invites.invite_user(form.email.data, form.roles.data or [], name=form.name.data or "",
                                       active=bool(form.active.data))
        except DomainError as exc:
            error = exc.message
            db.session.rollback()
        else:
            db.session.commit()
            if user.active:
                flash(_("Đã tạo tài khoản %(email)s và gửi thư có liên kết đặt mật khẩu (hiệu lực %(hours)s giờ).",
                        email=user.email, hours=invites.link_hours()), "success")
            else:
                flash(_("Đã tạo tài khoản %(email)s (chưa kích hoạt: chưa gửi liên kết đặt mật khẩu).",
                        email=user.email), "success")
            return redirect(url_for("admin.users"))
    elif request.method == "POST":
        error = _("Vui lòng kiểm tra các trường được đánh dấu.")
    return render_template("admin/user_form.html", form=form, error=error, user=None,
                           link_hours=invites.link_hours()), 200 if not error else 400


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
        except DomainError as exc:
            error = exc.message
            db.session.rollback()
        else:
            db.session.commit()
            if user.id == current_user.id:
                login_user(user)  # editing oneself ends one's sessions: keep this one signed in
            flash(_("Đã lưu tài khoản."), "success")
            return redirect(url_for("admin.users"))
    return render_template("admin/user_form.html", form=form, error=error, user=user,
                           link_hours=invites.link_hours()), 200 if not error else 400


@bp.post("/nguoi-dung/<int:user_id>/gui-lien-ket")
@role_required("admin")
def user_send_link(user_id: int):
    """Send (again) a set-password link: for a link that expired, or a forgotten password."""
    user = db.session.get(User, user_id) or abort(404)
    try:
        invites.send_set_password_link(user, reason="resend")
    except DomainError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        db.session.commit()
        flash(_("Đã gửi liên kết đặt mật khẩu mới đến %(email)s (hiệu lực %(hours)s giờ); các liên kết cũ "
                "không còn dùng được.", email=user.email, hours=invites.link_hours()), "success")
    return redirect(url_for("admin.user_edit", user_id=user.id))


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
            error = _("Cần nhập mã và tên %(group_kind)s.", **names())
        elif db.session.scalar(select(ResidentialGroup).filter_by(code=code)):
            error = _("Mã %(group_kind)s đã tồn tại.", **names())
        else:
            group = ResidentialGroup(code=code, name=name)
            db.session.add(group)
            audit.record(None, "group.create", group, {"code": code, "name": name})
            db.session.commit()
            flash(_("Đã thêm %(group_kind)s.", **names()), "success")
            return redirect(url_for("admin.groups"))
    rows = db.session.scalars(select(ResidentialGroup).order_by(ResidentialGroup.position, ResidentialGroup.code)).all()
    return render_template("admin/groups.html", groups=rows, error=error, form=request.form), 200 if not error else 400

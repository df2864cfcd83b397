"""Roster pages (board members, supervision boards) and the admin holiday table."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import select
from wtforms import SelectChoice

from moderation.boards import roster as roster_svc
from moderation.boards.forms import HolidayForm, MemberForm, SupervisionBoardForm
from moderation.boards.models import Board, BoardMember
from moderation.cases import triage
from moderation.cases.models import Holiday
from moderation.cases.views import BOARD_ROLES
from portal.accounts.models import User
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import N_, _l
from portal.params import to_int
from portal.permissions import role_required
from portal.ward import ResidentialGroup
from portal.ward import today as ward_today
from public_docs.disclosures.models import Disclosure

bp = Blueprint("boards", __name__, url_prefix="/can-bo/ban", template_folder="templates")


def _member_form(obj=None, formdata=None, prefix="m") -> MemberForm:
    form = MemberForm(obj=obj, prefix=prefix) if formdata is None else MemberForm(prefix=prefix)
    staff = db.session.scalars(select(User).where(User.active.is_(True)).order_by(User.name, User.email)).all()
    form.user_id.choices = [SelectChoice(0, gettext("— Khuyết —"))] + [
        SelectChoice(u.id, f"{u.name or u.email} ({u.email})") for u in staff]
    groups = db.session.scalars(select(ResidentialGroup).order_by(ResidentialGroup.position)).all()
    form.group_id.choices = [SelectChoice(0, gettext("— Không —"))] + [SelectChoice(g.id, g.name) for g in groups]
    if obj is not None and formdata is None:
        form.user_id.data = obj.user_id or 0
        form.group_id.data = obj.group_id or 0
    return form


def _projects_without_board():
    taken = select(Board.project_id).where(Board.project_id.is_not(None))
    return db.session.scalars(
        select(Disclosure).where(Disclosure.is_project.is_(True), Disclosure.id.not_in(taken))
        .order_by(Disclosure.title)
    ).all()


def _render_roster(error=None, add_forms=None, sup_form=None, status=200):
    boards = db.session.scalars(select(Board).order_by(Board.kind, Board.id)).all()
    users = {u.id: u for u in db.session.scalars(select(User))}
    groups = {g.id: g for g in db.session.scalars(select(ResidentialGroup))}
    add_forms = add_forms or {}
    forms = {b.id: add_forms.get(b.id) or _member_form(prefix=f"add{b.id}") for b in boards}
    sup_form = sup_form or SupervisionBoardForm(prefix="sup")
    projects = _projects_without_board()
    sup_form.project_id.choices = [SelectChoice(p.id, f"{p.number}: {p.title}") for p in projects]
    return render_template(
        "board/roster.html", boards=boards, users=users, groups=groups, forms=forms, sup_form=sup_form,
        projects=projects, warnings={b.id: roster_svc.roster_warnings(b) for b in boards},
        can_edit={b.id: triage.can_edit_roster(current_user, b) for b in boards},
        can_create=current_user.has_role("admin") or "board_head" in current_user.roles,
        error=error, today=ward_today(),
    ), status


@bp.get("/thanh-vien")
@role_required(*BOARD_ROLES)
def roster():
    return _render_roster()


@bp.post("/ban/<int:board_id>/thanh-vien")
@role_required(*BOARD_ROLES)
def member_add(board_id: int):
    board = db.session.get(Board, board_id) or abort(404)
    if not triage.can_edit_roster(current_user, board):
        abort(403)
    form = _member_form(prefix=f"add{board.id}", formdata=True)
    try:
        if not form.validate_on_submit():
            raise DomainError(_l("Vui lòng kiểm tra các trường của thành viên (ngày nhập theo dạng hợp lệ)."))
        roster_svc.add_member(board, current_user, user_id=form.user_id.data, position=form.position.data,
                          group_id=form.group_id.data, term_start=form.term_start.data, term_end=form.term_end.data,
                          name=form.name.data or "", holds_ward_office=form.holds_ward_office.data)
    except DomainError as exc:
        db.session.rollback()
        return _render_roster(error=str(exc), add_forms={board.id: form}, status=400)
    db.session.commit()
    flash(gettext("Đã thêm thành viên."), "success")
    return redirect(url_for("boards.roster"))


@bp.route("/thanh-vien/<int:member_id>", methods=["GET", "POST"])
@role_required(*BOARD_ROLES)
def member_edit(member_id: int):
    member = db.session.get(BoardMember, member_id) or abort(404)
    if not triage.can_edit_roster(current_user, member.board):
        abort(403)
    error = None
    if request.method == "POST":
        form = _member_form(formdata=True)
        if request.form.get("remove"):
            roster_svc.remove_member(member, current_user)
            db.session.commit()
            flash(gettext("Đã xóa thành viên khỏi danh sách."), "success")
            return redirect(url_for("boards.roster"))
        try:
            if not form.validate_on_submit():
                raise DomainError(_l("Vui lòng kiểm tra các trường của thành viên."))
            roster_svc.update_member(member, current_user, user_id=form.user_id.data, position=form.position.data,
                                 group_id=form.group_id.data, term_start=form.term_start.data,
                                 term_end=form.term_end.data, name=form.name.data or "",
                                 holds_ward_office=form.holds_ward_office.data)
        except DomainError as exc:
            db.session.rollback()
            error = str(exc)
        else:
            db.session.commit()
            flash(gettext("Đã lưu thành viên."), "success")
            return redirect(url_for("boards.roster"))
    else:
        form = _member_form(obj=member)
    return render_template("board/member_form.html", form=form, member=member, error=error), 400 if error else 200


@bp.post("/ban-giam-sat")
@role_required("board_head")
def supervision_create():
    form = SupervisionBoardForm(prefix="sup")
    form.project_id.choices = [SelectChoice(p.id, p.title) for p in _projects_without_board()]
    try:
        if not form.validate_on_submit():
            raise DomainError(_l("Vui lòng chọn dự án."))
        roster_svc.create_supervision_board(db.session.get(Disclosure, form.project_id.data), current_user,
                                        form.name.data or "")
    except DomainError as exc:
        db.session.rollback()
        return _render_roster(error=str(exc), sup_form=form, status=400)
    db.session.commit()
    flash(gettext("Đã lập Ban giám sát đầu tư của cộng đồng cho dự án."), "success")
    return redirect(url_for("boards.roster"))


SLA_SETTINGS = [
    ("SLA_MODERATION_DAYS", N_("Kiểm duyệt (ngày làm việc)"), 1, 60),
    ("SLA_BOARD_ACK_DAYS", N_("Ban xác nhận tiếp nhận (ngày làm việc)"), 1, 60),
    ("SLA_BOARD_DECISION_DAYS", N_("Ban kiến nghị hoặc trả lời (ngày làm việc)"), 1, 120),
    ("SLA_AUTHORITY_CALENDAR_DAYS", N_("Cơ quan có thẩm quyền trả lời (ngày theo lịch)"), 1, 365),
    ("SUPERVISION_NOTICE_WORKING_DAYS", N_("Gửi thông báo giám sát trước ngày bắt đầu (ngày làm việc)"), 1, 30),
    ("RETENTION_MONTHS", N_("Lưu dữ liệu cá nhân sau khi kết thúc hồ sơ (tháng)"), 1, 120),
    ("REJECTED_RETENTION_MONTHS", N_("Lưu dữ liệu cá nhân của kiến nghị không tiếp nhận (tháng)"), 1, 120),
    ("SUPPORT_PUBLIC_ANSWER_THRESHOLD", N_("Số người ủng hộ để Ban phải trả lời công khai (0: không áp dụng)"),
     0, 100000),
]


def _save_sla_settings(form) -> None:
    from flask import current_app

    from portal.settings import get_setting, set_setting

    values = {}
    for key, label, lo, hi in SLA_SETTINGS:
        if key not in form:  # a form from before the setting existed: the value stays
            continue
        value = to_int(form.get(key) or "", lo, hi)
        if value is None:
            raise DomainError(_l("%(label)s: nhập số nguyên từ %(low)s đến %(high)s.", label=label, low=lo, high=hi))
        values[key] = value
    for key, value in values.items():
        if int(get_setting(key, current_app.config.get(key))) != value:
            set_setting(key, value, actor=current_user)


def _sla_values(typed=None):
    from flask import current_app

    from portal.settings import get_setting

    return [(key, label, (typed or {}).get(key) or get_setting(key, current_app.config.get(key)))
            for key, label, _lo, _hi in SLA_SETTINGS]


@bp.route("/ngay-nghi", methods=["GET", "POST"])
@role_required("admin")
def holidays():
    form = HolidayForm()
    error = None
    if request.method == "POST":
        try:
            if request.form.get("action") == "settings":
                _save_sla_settings(request.form)
            elif request.form.get("remove"):
                roster_svc.remove_holiday(dt.date.fromisoformat(request.form["remove"]), current_user)
            elif not form.validate_on_submit():
                raise DomainError(_l("Vui lòng nhập ngày và tên ngày nghỉ hợp lệ."))
            else:
                roster_svc.add_holiday(form.day.data, form.name.data, current_user)
        except (DomainError, ValueError) as exc:
            db.session.rollback()
            error = str(exc)
        else:
            db.session.commit()
            flash(gettext("Đã cập nhật danh sách ngày nghỉ."), "success")
            return redirect(url_for("boards.holidays"))
    rows = db.session.scalars(select(Holiday).order_by(Holiday.day)).all()
    typed = request.form if (error and request.form.get("action") == "settings") else None
    return render_template("board/holidays.html", rows=rows, form=form, error=error,
                           sla=_sla_values(typed)), 400 if error else 200

"""Reception staff pages (``/can-bo/tiep-nhan``): offline petitions, batch entry from one meeting,
the desk's complaint/denunciation counts, the printable receipt slip, the schedule, the
registrations and the periodic report. The public pages are in ``public.py``."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import select

from moderation.cases import deadlines
from moderation.intake import MAX_FILES
from moderation.intake.forms import apply_errors
from moderation.intake.models import CHANNEL_LABELS, Submission
from moderation.reception import registrations as regs
from moderation.reception import services
from moderation.reception.forms import (
    BatchForm,
    DeskMatterForm,
    OfflinePetitionForm,
    OutcomeForm,
    SeriesForm,
    SessionForm,
)
from moderation.reception.models import OfflineReceipt, ReceptionSession, Registration, SessionStatus
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from portal.params import as_id, get_row
from portal.permissions import role_required
from portal.ward import ward_tz

staff_bp = Blueprint("reception_staff", __name__, url_prefix="/can-bo/tiep-nhan", template_folder="templates")
BATCH_ROWS = 5


def _get(model, object_id: int):
    return get_row(model, object_id) or abort(404)


def _uploads():
    from moderation.intake.views import uploads_from_request

    return uploads_from_request()


# --- the desk ---------------------------------------------------------------------------------------

@staff_bp.get("/")
@role_required(*services.REGISTRATION_STAFF_ROLES)
def desk():
    recent = db.session.scalars(
        select(OfflineReceipt).order_by(OfflineReceipt.submission_id.desc()).limit(20)).all()
    return render_template("reception/desk.html", recent=recent, channel_labels=CHANNEL_LABELS,
                           sessions=services.upcoming_sessions(10))


def _offline_defaults(form) -> None:
    form.received_on.data = deadlines.today()
    form.channel.data = "reception"
    form.received_by.data = current_user.name
    form.place.data = f"Trụ sở UBND {current_app.config['WARD_NAME']}"  # stored text: Vietnamese


@staff_bp.route("/kien-nghi", methods=["GET", "POST"])
@role_required(*services.RECEPTION_ROLES)
def petition():
    form = OfflinePetitionForm(formdata=request.form if request.method == "POST" else None)
    form.load_choices()
    ctx = {"max_files": MAX_FILES}
    if request.method == "GET":
        _offline_defaults(form)
        return render_template("reception/petition_form.html", form=form, **ctx)
    try:
        sub = services.enter_offline_petition(current_user, request.form.to_dict(), _uploads())
    except DomainError as exc:
        db.session.rollback()
        apply_errors(form, exc.fields)
        return render_template("reception/petition_form.html", form=form,
                               files_lost=bool(request.files.getlist("attachments")), **ctx), 422
    db.session.commit()
    return redirect(url_for("reception_staff.slip", submission_id=sub.id))


@staff_bp.get("/phieu/<int:submission_id>")
@role_required(*services.RECEPTION_ROLES)
def slip(submission_id: int):
    sub = _get(Submission, submission_id)
    receipt = db.session.get(OfflineReceipt, sub.id)
    if receipt is None:
        abort(404)
    size = "a4" if request.args.get("kho") == "a4" else "a5"
    return render_template("reception/slip.html", sub=sub, receipt=receipt, size=size,
                           channel_labels=CHANNEL_LABELS)


@staff_bp.route("/theo-dot", methods=["GET", "POST"])
@role_required(*services.RECEPTION_ROLES)
def batch():
    sessions = db.session.scalars(select(ReceptionSession).where(ReceptionSession.status != SessionStatus.cancelled)
                                  .order_by(ReceptionSession.starts_at.desc()).limit(60)).all()
    form = BatchForm(formdata=request.form if request.method == "POST" else None)
    form.load_choices(sessions)
    rows = max(BATCH_ROWS, min(services.MAX_BATCH, as_id(request.form.get("rows")) or 0))
    fields = ("topic", "group", "title", "description", "name", "phone", "address", "consent_contact")
    items = [{f: request.form.get(f"item-{i}-{f}", "") for f in fields} for i in range(rows)]
    ctx = {"form": form, "items": items, "errors": {}, "topics": services.intake.active_topics(),
           "groups": services.intake.active_groups()}
    if request.method == "GET":
        _offline_defaults(form)
        form.channel.data = "meeting"
        return render_template("reception/batch.html", **ctx)
    picked = as_id(request.form.get("session_id"))
    session = db.session.get(ReceptionSession, picked) if picked else None
    try:
        subs = services.enter_batch(current_user, request.form.to_dict(), items, session=session)
    except DomainError as exc:
        db.session.rollback()
        apply_errors(form, {k: v for k, v in exc.fields.items() if not k.startswith("item-")})
        ctx["errors"] = exc.fields
        return render_template("reception/batch.html", **ctx), 422
    db.session.commit()
    return render_template("reception/batch_done.html", subs=subs, session=session)


@staff_bp.route("/khieu-nai-to-cao", methods=["GET", "POST"])
@role_required(*services.RECEPTION_ROLES)
def desk_matters():
    form = DeskMatterForm(formdata=request.form if request.method == "POST" else None)
    if request.method == "GET":
        form.received_on.data = deadlines.today()
        return render_template("reception/desk_matters.html", form=form)
    try:
        n = services.record_desk_matters(current_user, request.form.to_dict(), request.form.get("received_on"))
    except DomainError as exc:
        db.session.rollback()
        apply_errors(form, exc.fields)
        return render_template("reception/desk_matters.html", form=form), 422
    db.session.commit()
    flash(gettext("Đã ghi nhận %(n)s lượt khiếu nại, tố cáo (chỉ ghi số lượng).", n=n), "success")
    return redirect(url_for("reception_staff.desk_matters"))


# --- schedule (editors) -----------------------------------------------------------------------------

@staff_bp.get("/lich")
@role_required(*services.REGISTRATION_STAFF_ROLES)
def schedule():
    sessions = db.session.scalars(select(ReceptionSession).order_by(ReceptionSession.starts_at.desc()).limit(200)).all()
    return render_template("reception/schedule.html", sessions=sessions, can_edit=current_user.has_role("editor"))


def _session_form_data(session: ReceptionSession) -> dict:
    start, end = session.starts_at.astimezone(ward_tz()), session.ends_at.astimezone(ward_tz())
    return {"kind": session.kind.value, "host_name": session.host_name, "host_position": session.host_position,
            "day": start.date(), "start_time": start.time(), "end_time": end.time(), "place": session.place,
            "topic": session.topic, "capacity": session.capacity}


@staff_bp.route("/lich/moi", methods=["GET", "POST"])
@staff_bp.route("/lich/<int:session_id>/sua", methods=["GET", "POST"])
@role_required(*services.SCHEDULE_ROLES)
def session_edit(session_id: int | None = None):
    session = _get(ReceptionSession, session_id) if session_id is not None else None
    if request.method == "GET":
        form = SessionForm(data=_session_form_data(session) if session else {"capacity": 10})
        return render_template("reception/session_form.html", form=form, session=session)
    form = SessionForm(formdata=request.form)
    try:
        if session is None:
            session = services.create_session(current_user, request.form.to_dict())
        else:
            services.update_session(current_user, session, request.form.to_dict())
    except DomainError as exc:
        db.session.rollback()
        apply_errors(form, exc.fields)
        return render_template("reception/session_form.html", form=form, session=session), 422
    db.session.commit()
    flash(gettext("Đã lưu lịch tiếp công dân."), "success")
    return redirect(url_for("reception_staff.schedule"))


@staff_bp.route("/lich/lap-lich", methods=["GET", "POST"])
@role_required(*services.SCHEDULE_ROLES)
def series():
    if request.method == "GET":
        form = SeriesForm(data={"capacity": 10, "weekdays": ["1", "3"]})
        return render_template("reception/series_form.html", form=form)
    form = SeriesForm(formdata=request.form)
    data = request.form.to_dict()
    data["weekdays"] = request.form.getlist("weekdays")
    try:
        made = services.generate_series(current_user, data)
    except DomainError as exc:
        db.session.rollback()
        apply_errors(form, exc.fields)
        return render_template("reception/series_form.html", form=form), 422
    db.session.commit()
    flash(gettext("Đã lập %(n)s buổi tiếp công dân (bỏ qua ngày nghỉ lễ).", n=len(made)), "success")
    return redirect(url_for("reception_staff.schedule"))


@staff_bp.post("/lich/<int:session_id>/trang-thai")
@role_required(*services.SCHEDULE_ROLES)
def session_status(session_id: int):
    session = _get(ReceptionSession, session_id)
    try:
        status = request.form.get("status", "")
        if status == "cancelled" and request.form.get("confirm") not in ("y", "1", "on", "true"):
            raise DomainError(_l("Vui lòng đánh dấu ô xác nhận để hủy buổi tiếp công dân."),
                              {"confirm": _l("Vui lòng đánh dấu ô xác nhận để hủy buổi tiếp công dân.")})
        services.set_session_status(current_user, session, status, request.form.get("outcome", ""))
    except DomainError as exc:
        db.session.rollback()
        return _render_registrations(session, 422, error=" ".join(exc.fields.values()))
    db.session.commit()
    flash(gettext("Đã cập nhật buổi tiếp công dân."), "success")
    notices = getattr(session, "cancel_notices", None)
    if notices and (notices["emailed"] or notices["to_call"]):
        flash(gettext("Đã gửi thư báo hủy cho %(emailed)s người đăng ký; %(to_call)s người chỉ để lại số "
                      "điện thoại: cần gọi điện báo cho họ (cán bộ tiếp công dân xem được danh sách trên trang "
                      "này).", **notices), "info")
    return redirect(url_for("reception_staff.registrations", session_id=session.id))


# --- registrations (staff) --------------------------------------------------------------------------

def _render_registrations(session, status: int = 200, error: str | None = None):
    outcome = OutcomeForm(data={"outcome": session.outcome})
    return render_template("reception/registrations.html", session=session, error=error, outcome_form=outcome,
                           topics=services.intake.active_topics(),
                           petitions=services.session_petitions(session, public_only=False),
                           can_edit=current_user.has_role("editor"),
                           can_enter=current_user.has_role(*services.RECEPTION_ROLES)), status


@staff_bp.get("/lich/<int:session_id>")
@role_required(*services.REGISTRATION_STAFF_ROLES)
def registrations(session_id: int):
    return _render_registrations(_get(ReceptionSession, session_id))


@staff_bp.post("/dang-ky/<int:registration_id>/tham-du")
@role_required(*services.REGISTRATION_STAFF_ROLES)
def attendance(registration_id: int):
    reg = _get(Registration, registration_id)
    try:
        regs.mark_attendance(current_user, reg, request.form.get("attended"))
    except DomainError as exc:
        db.session.rollback()
        return _render_registrations(reg.session, 422, error=" ".join(exc.fields.values()))
    db.session.commit()
    return redirect(url_for("reception_staff.registrations", session_id=reg.session_id))


@staff_bp.post("/dang-ky/<int:registration_id>/chuyen-kien-nghi")
@role_required(*services.RECEPTION_ROLES)
def to_petition(registration_id: int):
    reg = _get(Registration, registration_id)
    try:
        sub = regs.to_petition(current_user, reg, request.form.get("topic") or "other")
    except DomainError as exc:
        db.session.rollback()
        return _render_registrations(reg.session, 422, error=" ".join(exc.fields.values()))
    db.session.commit()
    flash(gettext("Đã chuyển thành kiến nghị %(code)s và đưa vào hàng đợi kiểm duyệt.", code=sub.receipt_code),
          "success")
    return redirect(url_for("reception_staff.registrations", session_id=reg.session_id))


# --- periodic report in the directive's outline, with the figures staff add -------------------------

REPORT_ROLES = ("editor", "moderator", "board_head")


def _report_period():
    from moderation import reports
    from portal.params import to_int

    args = request.values
    kind = args.get("kind") if args.get("kind") in ("half", "year", "quarter") else "half"
    today = deadlines.today()
    year = to_int(args.get("year") or str(today.year), 2000, 2100)
    part = to_int(args.get("part") or ("1" if today.month <= 6 else "2"), 1, 4) or 1
    if year is None:
        return None, None, None, {"kind": kind, "year": args.get("year", ""), "part": str(part)}
    try:
        start, end, label = reports.period_bounds(kind, year, part)
    except ValueError:
        start, end, label = reports.period_bounds(kind, year, 1)
        part = 1
    return start, end, label, {"kind": kind, "year": str(year), "part": str(part)}


@staff_bp.route("/bao-cao", methods=["GET", "POST"])
@role_required(*REPORT_ROLES)
def report():
    import io

    from flask import send_file

    from moderation import reports
    from moderation.reception import report as outline
    from moderation.reception.forms import SupplementForm

    start, end, label, period = _report_period()
    if start is None:
        return render_template("reception/report.html", period=period, form=None,
                               error=gettext("Năm không hợp lệ (từ 2000 đến 2100).")), 400
    sup = outline.supplement_for(start, end)
    if request.method == "POST":
        form = SupplementForm(formdata=request.form)
        try:
            outline.save_supplement(current_user, start, end, request.form.to_dict())
        except DomainError as exc:
            db.session.rollback()
            apply_errors(form, exc.fields)
            return render_template("reception/report.html", period=period, form=form, label=label, start=start,
                                   end=end, due=outline.due_date(start, end)), 422
        db.session.commit()
        flash(gettext("Đã lưu số liệu bổ sung của kỳ báo cáo."), "success")
        return redirect(url_for("reception_staff.report", **period))
    if request.args.get("format") == "docx":
        content = outline.outline_docx(reports.report_data(start, end), label, sup, deadlines.today())
        return send_file(io.BytesIO(content), as_attachment=True,
                         download_name=f"bao-cao-dan-chu-co-so-{start:%Y%m%d}-{end:%Y%m%d}.docx",
                         mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    form = SupplementForm(obj=sup)
    return render_template("reception/report.html", period=period, form=form, label=label, start=start, end=end,
                           due=outline.due_date(start, end))

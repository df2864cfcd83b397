"""``/du-lieu-ca-nhan``: a resident files a personal-data request with their receipt code (CSRF,
the receipt-code lookup budget, consent); ``/can-bo/du-lieu-ca-nhan``: the register with the
72-hour clock, requests received by other channels, outcomes. Views parse and call one service."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from flask_login import current_user

from moderation import abuse
from moderation.intake.forms import apply_errors
from moderation.privacy import services
from moderation.privacy.forms import OutcomeForm, PublicRequestForm, StaffRequestForm
from moderation.privacy.models import ERASING_KINDS, PrivacyRequest
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from portal.params import get_row, parse_date
from portal.permissions import role_required
from portal.ward import ward_tz

bp = Blueprint("privacy", __name__, template_folder="templates")
staff_bp = Blueprint("privacy_staff", __name__, url_prefix="/can-bo/du-lieu-ca-nhan", template_folder="templates")
DONE_KEY = "privacy_request_done"


def _public_page(form, status: int = 200, **ctx):
    return render_template("privacy/request_form.html", form=form, hours=services.request_hours(), **ctx), status


@bp.route("/du-lieu-ca-nhan", methods=["GET", "POST"])
def request_form():
    form = PublicRequestForm()
    if request.method == "GET":
        form.receipt_code.data = (request.args.get("ma") or "")[:64]
        return _public_page(form)
    f = request.form
    try:
        abuse.check_rate("TRACKING_RATE_LIMIT", abuse.CODE_LOOKUP_SCOPE)  # a receipt-code lookup
        abuse.check_blocklist(contact=f.get("contact"))
        req = services.file_request(kind=f.get("kind", ""), receipt_code=f.get("receipt_code", ""),
                                    contact=f.get("contact", ""), details=f.get("details", ""),
                                    consent=f.get("consent") in ("y", "on", "1", "true"))
    except abuse.Refused as exc:
        db.session.rollback()
        page, status = _public_page(form, exc.status, refusal=exc.message)
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else {}
        return page, status, headers
    except DomainError as exc:
        db.session.rollback()
        apply_errors(form, exc.fields)
        return _public_page(form, 422, error=exc.message)
    db.session.commit()
    session[DONE_KEY] = {"ref": req.reference, "due": req.due_at.isoformat()}
    return redirect(url_for("privacy.request_done"), 303)


@bp.get("/du-lieu-ca-nhan/da-nhan")
def request_done():
    done = session.get(DONE_KEY)
    if not isinstance(done, dict):
        return redirect(url_for("privacy.request_form"))
    try:
        due = dt.datetime.fromisoformat(done["due"])
    except (KeyError, TypeError, ValueError):
        return redirect(url_for("privacy.request_form"))
    return render_template("privacy/request_done.html", reference=done.get("ref", ""), due=due)


# --- staff --------------------------------------------------------------------------------------

def _received_at(errors: dict) -> dt.datetime | None:
    raw_day, raw_time = request.form.get("received_on", ""), request.form.get("received_time", "")
    if not raw_day:
        return None
    try:
        day = parse_date(raw_day)
        at = dt.time.fromisoformat(raw_time) if raw_time else dt.time(8, 0)
    except ValueError:
        errors["received_on"] = _l("Ngày hoặc giờ nhận không hợp lệ (ngày/tháng/năm, giờ:phút).")
        return None
    return dt.datetime.combine(day, at.replace(tzinfo=None), tzinfo=ward_tz()).astimezone(dt.UTC)


def _register_page(form, status: int = 200, error: str | None = None):
    show = "all" if request.args.get("show") == "all" else "open"
    rows = services.register_rows(show)
    return render_template("privacy/register.html", rows=rows, form=form, show=show, error=error,
                           clock=services.clock, hours=services.request_hours()), status


@staff_bp.route("/", methods=["GET", "POST"])
@role_required("moderator")
def register():
    form = StaffRequestForm()
    if request.method == "GET":
        return _register_page(form)
    errors: dict = {}
    received_at = _received_at(errors)
    try:
        if errors:
            raise DomainError(_l("Vui lòng kiểm tra các trường được đánh dấu."), field_errors=errors)
        f = request.form
        req = services.file_request(kind=f.get("kind", ""), channel=f.get("channel", ""),
                                    receipt_code=f.get("receipt_code", ""), name=f.get("name", ""),
                                    contact=f.get("contact", ""), details=f.get("details", ""),
                                    received_at=received_at, actor=current_user._get_current_object())
    except DomainError as exc:
        db.session.rollback()
        apply_errors(form, exc.fields)
        return _register_page(form, 422, exc.message)
    db.session.commit()
    return redirect(url_for("privacy_staff.detail", request_id=req.id), 303)


@staff_bp.route("/<int:request_id>", methods=["GET", "POST"])
@role_required("moderator")
def detail(request_id: int):
    req = get_row(PrivacyRequest, request_id) or abort(404)
    form = OutcomeForm()
    error = None
    if request.method == "POST":
        try:
            if (request.form.get("outcome") == "done" and req.kind in ERASING_KINDS and req.submission is not None
                    and request.form.get("note", "").strip()  # a missing note is said first
                    and request.form.get("confirm") not in ("y", "1", "on", "true")):  # erasing cannot be undone
                message = _l("Vui lòng đánh dấu ô xác nhận: dữ liệu cá nhân đã xóa không khôi phục được.")
                raise DomainError(message, field_errors={"confirm": message})
            services.record_outcome(req, current_user._get_current_object(), request.form.get("outcome", ""),
                                    request.form.get("note", ""))
        except DomainError as exc:
            db.session.rollback()
            apply_errors(form, exc.fields)
            error = exc.message
        else:
            db.session.commit()
            return redirect(url_for("privacy_staff.detail", request_id=req.id), 303)
    return render_template("privacy/detail.html", req=req, form=form, error=error, clock=services.clock(req),
                           hours=services.request_hours()), 422 if error else 200

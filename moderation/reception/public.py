"""Public reception pages (``/tiep-cong-dan``): the schedule, past dialogues with their petitions,
registering to speak, cancelling with the code, and the iCalendar feed."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, Response, abort, render_template, request

from moderation import abuse
from moderation.intake.forms import apply_errors
from moderation.reception import ical, services
from moderation.reception import registrations as regs
from moderation.reception.forms import CancelForm, RegistrationForm
from moderation.reception.models import ReceptionSession
from portal.errors import DomainError
from portal.extensions import db
from portal.params import get_row
from portal.ward import ward_tz

bp = Blueprint("reception", __name__, template_folder="templates", static_folder="static",
               static_url_path="/static/reception")


@bp.get("/tiep-cong-dan")
def public_schedule():
    past = [(s, services.session_petitions(s)) for s in services.past_dialogues()]
    return render_template("reception/public_schedule.html", upcoming=services.upcoming_sessions(), past=past,
                           now=services.utcnow())


def _public_session(session_id: int) -> ReceptionSession:
    return get_row(ReceptionSession, session_id) or abort(404)


def _render_session(session, form=None, status: int = 200, **ctx):
    if form is None:
        form = RegistrationForm()
        form.load_choices()
    return render_template("reception/public_session.html", session=session, form=form, now=services.utcnow(),
                           petitions=services.session_petitions(session), token=abuse.started_token(), **ctx), status


@bp.get("/tiep-cong-dan/<int:session_id>")
def public_session(session_id: int):
    return _render_session(_public_session(session_id))


@bp.post("/tiep-cong-dan/<int:session_id>/dang-ky")
def register(session_id: int):
    session = _public_session(session_id)
    form = RegistrationForm(formdata=request.form)
    form.load_choices()
    data = request.form.to_dict()
    try:
        abuse.check_form_timing(request.form)
        abuse.check_blocklist(phone=data.get("phone"), email=data.get("email"))
        regs.check_registration_rate([data.get("phone") or "", data.get("email") or ""])
        reg = regs.register(session, data)
        abuse.consume_form_token(request.form, "registration", reg.code)
    except abuse.AlreadySent as exc:
        db.session.rollback()
        reg = regs.find_registration(exc.receipt_code)
        if reg is None:
            abort(409)
        return render_template("reception/registered.html", reg=reg, session=reg.session, again=True)
    except abuse.Refused as exc:
        db.session.rollback()
        return _render_session(session, form, exc.status, refusal=exc.message)
    except regs.SessionFull as exc:
        db.session.rollback()
        return _render_session(session, form, 409, refusal=str(exc))
    except DomainError as exc:
        db.session.rollback()
        apply_errors(form, exc.fields)
        return _render_session(session, form, 422)
    db.session.commit()
    abuse.mark_accepted()
    return render_template("reception/registered.html", reg=reg, session=session), 201


@bp.route("/tiep-cong-dan/huy-dang-ky", methods=["GET", "POST"])
def cancel():
    form = CancelForm(formdata=request.form if request.method == "POST" else None)
    if request.method == "GET":
        form.code.data = (request.args.get("ma") or "")[:20]
        return render_template("reception/cancel.html", form=form)
    try:
        abuse.check_rate("TRACKING_RATE_LIMIT", abuse.CODE_LOOKUP_SCOPE)
        reg = regs.cancel_registration(form.code.data)
    except abuse.Refused as exc:
        return render_template("reception/cancel.html", form=form, refusal=exc.message), exc.status
    except DomainError as exc:
        db.session.rollback()
        apply_errors(form, exc.fields)
        return render_template("reception/cancel.html", form=form), 422
    db.session.commit()
    return render_template("reception/cancel.html", form=None, cancelled=reg)


@bp.get("/tiep-cong-dan/lich.ics")
def calendar_feed():
    body = ical.calendar(services.upcoming_sessions(200) + services.past_dialogues(50))
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": "inline; filename=lich-tiep-cong-dan.ics"})


def local_time(value: dt.datetime) -> str:
    return value.astimezone(ward_tz()).strftime("%H:%M") if value else ""

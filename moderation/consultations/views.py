"""Consultation comments (Dân bàn): the list of drafts open for comments, a draft's comment page,
the comment POST, the partial shown on the disclosure page, and staff entry of offline opinions."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import func, select

from moderation import abuse, intake
from moderation.consultations.comments import approved_comments
from moderation.intake.fields import CHECK_FIELDS
from moderation.intake.forms import CommentForm, OfflineOpinionForm, apply_errors
from moderation.intake.models import CHANNEL_LABELS, Submission, SubmissionKind, SubmissionStatus
from moderation.intake.views import already_sent, limit_request_size
from portal import ward
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from portal.params import as_id, get_row
from portal.permissions import role_required
from public_docs.disclosures.models import Disclosure, DisclosureStatus
from public_docs.disclosures.services import list_open_consultations

bp = Blueprint("consultations", __name__, template_folder="templates")
bp.before_request(limit_request_size)  # the public forms' request size caps
staff_bp = Blueprint("consultations_staff", __name__, url_prefix="/can-bo/lay-y-kien", template_folder="templates")


def consultation_context(disclosure, form: CommentForm | None = None) -> dict:
    """What ``_consultation_block.html`` needs (registered as a template global)."""
    if disclosure is None or not getattr(disclosure, "comments_open_from", None):
        return {"has_window": False}
    if form is None:
        form = CommentForm(formdata=None)
    form.load_choices()
    today = ward.today()
    return {
        "has_window": True, "open": intake.is_open_for_comments(disclosure), "form": form,
        "comments": approved_comments(disclosure), "token": abuse.started_token(),
        "not_started": disclosure.comments_open_from > today, "channel_labels": CHANNEL_LABELS,
    }


def _published(disclosure_id: int):
    d = get_row(Disclosure, disclosure_id)
    if d is None or d.status != DisclosureStatus.published:
        abort(404)
    return d


@bp.get("/lay-y-kien")
def consultations():
    today = ward.today()
    open_now = list_open_consultations()
    closed = db.session.scalars(
        select(Disclosure).where(Disclosure.status == DisclosureStatus.published,
                                 Disclosure.comments_open_until < today)
        .order_by(Disclosure.comments_open_until.desc()).limit(20)).all()
    upcoming = db.session.scalars(
        select(Disclosure).where(Disclosure.status == DisclosureStatus.published,
                                 Disclosure.comments_open_from > today)
        .order_by(Disclosure.comments_open_from)).all()
    ids = [d.id for d in [*open_now, *closed, *upcoming]]
    counts = dict(db.session.execute(
        select(Submission.disclosure_id, func.count(Submission.id))
        .where(Submission.kind == SubmissionKind.comment, Submission.status == SubmissionStatus.approved,
               Submission.disclosure_id.in_(ids or [0]))
        .group_by(Submission.disclosure_id)).all())
    return render_template("moderation/consultations.html", open_now=open_now, closed=closed, upcoming=upcoming,
                           counts=counts, today=today)


def _render_detail(d, form=None, status: int = 200, **ctx):
    return render_template("moderation/consultation_detail.html", d=d, **ctx), status


@bp.get("/lay-y-kien/<int:disclosure_id>")
def consultation_detail(disclosure_id: int):
    return _render_detail(_published(disclosure_id))


@bp.post("/lay-y-kien/<int:disclosure_id>/gop-y")
def comment(disclosure_id: int):
    d = _published(disclosure_id)
    form = CommentForm()
    data = {"text": form.text.data, "group": form.group.data, "name": form.name.data, "phone": form.phone.data,
            "email": form.email.data, "consent": form.consent.data}
    try:
        abuse.check_form_timing(request.form)
        abuse.check_blocklist(phone=data["phone"], email=data["email"])
        abuse.check_submission_rate([data["phone"] or "", data["email"] or ""])
        code = intake.submit_comment(d, data)
        abuse.consume_form_token(request.form, "comment", code)
    except abuse.AlreadySent as exc:
        return already_sent(exc)
    except abuse.Refused as exc:
        db.session.rollback()
        abuse.record_refusal(exc, "comment")
        db.session.commit()
        return _render_detail(d, status=exc.status, cform=form, refusal=exc.message)
    except DomainError as exc:
        db.session.rollback()
        apply_errors(form, exc.fields)
        return _render_detail(d, status=422, cform=form, refusal=exc.fields.get("disclosure"))
    db.session.commit()
    abuse.mark_accepted()
    session["receipt_code"] = code
    return redirect(url_for("intake.receipt"))


# --- staff: opinions received offline -------------------------------------------------------------

def _consultation_disclosures():
    return db.session.scalars(
        select(Disclosure).where(Disclosure.status == DisclosureStatus.published,
                                 Disclosure.comments_open_from.is_not(None))
        .order_by(Disclosure.comments_open_until.desc())).all()


@staff_bp.route("/nhap", methods=["GET", "POST"])
@role_required("editor", "moderator")
def offline():
    disclosures = _consultation_disclosures()
    form = OfflineOpinionForm(formdata=request.form if request.method == "POST" else None)
    form.load_choices(disclosures)
    if request.method == "GET":
        form.received_on.data = ward.today()
        if request.args.get("disclosure_id"):
            form.disclosure_id.data = request.args.get("disclosure_id")
        return render_template("moderation/offline_opinion.html", form=form)
    picked = as_id(request.form.get("disclosure_id"))
    d = db.session.get(Disclosure, picked) if picked else None
    try:
        received_on = dt.date.fromisoformat(request.form.get("received_on", ""))
    except ValueError:
        received_on = None
    try:
        if d is None:
            raise DomainError(CHECK_FIELDS, {"disclosure_id": _l("Vui lòng chọn dự thảo đang hoặc đã lấy ý kiến.")})
        if received_on is None:
            raise DomainError(CHECK_FIELDS, {"received_on": _l("Vui lòng nhập ngày nhận ý kiến (ngày/tháng/năm).")})
        code = intake.submit_comment(d, {"text": form.text.data, "group": form.group.data, "name": form.name.data},
                                     channel=form.channel.data, actor=current_user, received_on=received_on)
    except (DomainError, ValueError) as exc:
        db.session.rollback()
        errors = exc.fields if isinstance(exc, DomainError) else {"channel": gettext("Kênh nhận ý kiến không hợp lệ.")}
        if "disclosure" in errors:
            errors["disclosure_id"] = errors.pop("disclosure")
        apply_errors(form, errors)
        return render_template("moderation/offline_opinion.html", form=form), 422
    db.session.commit()
    flash(gettext("Đã ghi nhận ý kiến %(code)s; ý kiến được đưa vào hàng đợi kiểm duyệt.", code=code), "success")
    return redirect(url_for("consultations_staff.offline", disclosure_id=d.id))


def register_consultations(app) -> None:
    app.add_template_global(consultation_context, "consultation_context")
    app.register_blueprint(bp)
    app.register_blueprint(staff_bp)

"""Consultation comments (Dân bàn): the list of drafts open for comments, a draft's comment page,
the comment POST, the partial shown on the disclosure page, and staff entry of offline opinions."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user
from flask_babel import gettext
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from moderation import abuse, intake
from moderation.intake import IntakeError
from moderation.models import CHANNEL_LABELS, Submission, SubmissionKind, SubmissionStatus
from moderation.views.forms import CommentForm, OfflineOpinionForm, apply_errors
from moderation.views.public import already_sent, bp
from portal.extensions import db
from portal.permissions import role_required
from portal.params import as_id

staff_bp = Blueprint("consultation_staff", __name__, url_prefix="/can-bo/lay-y-kien", template_folder="../templates")


def approved_comments(disclosure_id: int) -> list[Submission]:
    return list(db.session.scalars(
        select(Submission).where(Submission.kind == SubmissionKind.comment, Submission.disclosure_id == disclosure_id,
                                 Submission.status == SubmissionStatus.approved)
        .order_by(Submission.received_on.is_(None), Submission.created_at)
        .options(selectinload(Submission.group))))


def _today() -> dt.date:
    from public_docs.services import today

    return today()


def consultation_context(disclosure, form: CommentForm | None = None) -> dict:
    """What ``_consultation_block.html`` needs (registered as a template global)."""
    if disclosure is None or not getattr(disclosure, "comments_open_from", None):
        return {"has_window": False}
    if form is None:
        form = CommentForm(formdata=None)
    form.load_choices()
    today = _today()
    return {
        "has_window": True, "open": intake.is_open_for_comments(disclosure), "form": form,
        "comments": approved_comments(disclosure.id), "token": abuse.started_token(),
        "not_started": disclosure.comments_open_from > today, "channel_labels": CHANNEL_LABELS,
    }


def _published(disclosure_id: int):
    from public_docs.models import Disclosure, DisclosureStatus

    d = db.session.get(Disclosure, disclosure_id) if 0 < disclosure_id < 2**31 else None
    if d is None or d.status != DisclosureStatus.published:
        abort(404)
    return d


@bp.get("/lay-y-kien")
def consultations():
    from public_docs.models import Disclosure, DisclosureStatus
    from public_docs.services import list_open_consultations

    today = _today()
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
    except IntakeError as exc:
        db.session.rollback()
        apply_errors(form, exc.errors)
        return _render_detail(d, status=422, cform=form, refusal=exc.errors.get("disclosure"))
    db.session.commit()
    abuse.mark_accepted()
    session["receipt_code"] = code
    return redirect(url_for("moderation.receipt"))


# --- staff: opinions received offline -------------------------------------------------------------

def _consultation_disclosures():
    from public_docs.models import Disclosure, DisclosureStatus

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
        form.received_on.data = _today()
        if request.args.get("disclosure_id"):
            form.disclosure_id.data = request.args.get("disclosure_id")
        return render_template("moderation/offline_opinion.html", form=form)
    from public_docs.models import Disclosure

    picked = as_id(request.form.get("disclosure_id"))
    d = db.session.get(Disclosure, picked) if picked else None
    try:
        received_on = dt.date.fromisoformat(request.form.get("received_on", ""))
    except ValueError:
        received_on = None
    try:
        if d is None:
            raise IntakeError({"disclosure_id": gettext("Vui lòng chọn dự thảo đang hoặc đã lấy ý kiến.")})
        if received_on is None:
            raise IntakeError({"received_on": gettext("Vui lòng nhập ngày nhận ý kiến (ngày/tháng/năm).")})
        code = intake.submit_comment(d, {"text": form.text.data, "group": form.group.data, "name": form.name.data},
                                     channel=form.channel.data, actor=current_user, received_on=received_on)
    except (IntakeError, ValueError) as exc:
        db.session.rollback()
        errors = getattr(exc, "errors", {"channel": gettext("Kênh nhận ý kiến không hợp lệ.")})
        if "disclosure" in errors:
            errors["disclosure_id"] = errors.pop("disclosure")
        apply_errors(form, errors)
        return render_template("moderation/offline_opinion.html", form=form), 422
    db.session.commit()
    flash(gettext("Đã ghi nhận ý kiến %(code)s; ý kiến được đưa vào hàng đợi kiểm duyệt.", code=code), "success")
    return redirect(url_for("consultation_staff.offline", disclosure_id=d.id))


def register_consultations(app) -> None:
    app.jinja_env.globals["consultation_context"] = consultation_context
    app.register_blueprint(staff_bp)

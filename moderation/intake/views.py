"""Public pages: the petition form (two steps: content and similar petitions, then the rest),
the receipt, support for a similar petition, and the tracking page with its add-information form."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext
from sqlalchemy.exc import IntegrityError

from moderation import abuse, intake
from moderation.accountability import stages
from moderation.cases.triage import case_for_submission
from moderation.intake import MatterRedirected, Upload
from moderation.intake.forms import PetitionForm, apply_errors
from moderation.intake.models import STATUS_LABELS, Submission, SubmissionKind, SubmissionStatus
from moderation.intake.similar import similar_petitions
from portal.errors import DomainError
from portal.extensions import db
from portal.params import get_row

bp = Blueprint("intake", __name__, template_folder="templates")

FILE_FORMS = {"intake.petition_form", "intake.add_information"}


@bp.before_request
def limit_request_size():
    """Size limit on the whole request: files only where files are taken."""
    if request.method != "POST":
        return None
    key = "PETITION_MAX_REQUEST_BYTES" if request.endpoint in FILE_FORMS else "FORM_MAX_REQUEST_BYTES"
    limit = int(abuse.setting(key))
    request.max_content_length = limit
    if request.content_length is not None and request.content_length > limit:
        abort(413)
    return None


def uploads_from_request(field: str = "attachments") -> list[Upload]:
    files = []
    for storage in request.files.getlist(field)[: intake.MAX_FILES + 1]:
        if storage is None or not storage.filename:
            continue
        data = storage.read(current_app.config["SUBMISSION_ATTACHMENT_MAX_BYTES"] + 1)
        files.append(Upload(storage.filename, data, _stream_size(storage.stream, len(data))))
    return files


def _stream_size(stream, read: int) -> int:
    """The whole size of an uploaded file of which ``read`` bytes were read (for the message)."""
    try:
        here = stream.tell()
        size = stream.seek(0, 2)
        stream.seek(here)
        return max(size, read)
    except (OSError, ValueError, AttributeError):
        return read


def petition_data(form: PetitionForm) -> dict:
    return {"kind": form.kind.data, "topic": form.topic.data, "group": form.group.data,
            "project_id": form.project_id.data, "title": form.title.data, "description": form.description.data,
            "name": form.name.data, "phone": form.phone.data, "email": form.email.data,
            "visibility": form.visibility.data, "consent": form.consent.data}


def _render_petition(form, step: int, status: int = 200, token: str | None = None, **ctx):
    return render_template("moderation/petition_form.html", form=form, step=step,
                           token=token or abuse.started_token(), max_files=intake.MAX_FILES,
                           max_mb=current_app.config["SUBMISSION_ATTACHMENT_MAX_BYTES"] // (1024 * 1024),
                           **ctx), status


@bp.route("/gui-kien-nghi", methods=["GET", "POST"])
def petition_form():
    form = PetitionForm()
    form.load_choices()
    if request.method == "GET":
        return _render_petition(form, 1)
    step = 2 if request.form.get("step") in ("check", "final") else 1
    token = request.form.get(abuse.STARTED_FIELD) or None
    data = petition_data(form)
    had_files = any(f.filename for f in request.files.getlist("attachments"))
    try:
        abuse.check_form_timing(request.form)
        abuse.check_blocklist(phone=data["phone"], email=data["email"])
        if request.form.get("step") == "check":
            try:
                intake.validate_petition({**data, "name": "", "phone": "", "email": "", "consent": False,
                                          "visibility": "anonymous"})
            except DomainError as exc:
                step1 = {k: v for k, v in exc.fields.items()
                         if k in ("topic", "group", "project_id", "title", "description")}
                if step1:
                    apply_errors(form, step1)
                    return _render_petition(form, 1, 422, token)
            similar = similar_petitions(data["title"] or "", data["description"] or "")
            return _render_petition(form, 2, 200, token, similar=similar,
                                    closed_ids=intake.closed_petition_ids(s.id for s in similar))
        abuse.check_submission_rate([data["phone"] or "", data["email"] or ""])
        code = intake.submit_petition(data, uploads_from_request())
        abuse.consume_form_token(request.form, "petition", code)
    except abuse.AlreadySent as exc:
        return already_sent(exc)
    except abuse.Refused as exc:
        db.session.rollback()
        abuse.record_refusal(exc, "petition")
        db.session.commit()
        return _render_petition(form, step, exc.status, token if exc.reason not in ("token", "expired") else None,
                                refusal=exc.message, files_lost=had_files)
    except MatterRedirected as exc:
        db.session.commit()  # the anonymous redirect count only
        typed = {k: str(v) for k, v in data.items() if k not in ("kind", "consent") and v not in (None, "")}
        return render_template("moderation/redirected.html", kind=exc.kind.value, guidance=exc.guidance,
                               typed=typed, token=token or abuse.started_token()), 422
    except DomainError as exc:
        db.session.rollback()
        apply_errors(form, exc.fields)
        return _render_petition(form, 2, 422, token, files_lost=had_files)
    db.session.commit()
    abuse.mark_accepted()
    session["receipt_code"] = code
    return redirect(url_for("intake.receipt"))


def already_sent(exc: abuse.AlreadySent):
    """A second post of the same form (a double click, a reload): nothing more was stored. Show
    the receipt of the first one when there is one, else the tracking page."""
    db.session.rollback()
    flash(gettext("Nội dung này đã được gửi (có thể do bấm nút Gửi hai lần hoặc tải lại trang); "
                  "Cổng chỉ lưu một lần."), "warning")
    if exc.receipt_code:
        session["receipt_code"] = exc.receipt_code
        return redirect(url_for("intake.receipt"), 303)
    return redirect(url_for("intake.track"), 303)


@bp.get("/gui-kien-nghi/bien-nhan")
def receipt():
    submission = intake.find_by_code(session.get("receipt_code"))
    if submission is None:
        return redirect(url_for("intake.track"))
    return render_template("moderation/receipt.html", submission=submission)


@bp.post("/gui-kien-nghi/ung-ho/<int:submission_id>")
def support(submission_id: int):
    submission = get_row(Submission, submission_id)
    if submission is None or not submission.is_public or submission.kind != SubmissionKind.petition:
        abort(404)
    contact = request.form.get("contact", "")
    status, message, ok = 200, "", False
    case = case_for_submission(submission)
    try:
        abuse.check_form_timing(request.form)
        abuse.check_blocklist(contact=contact)
        abuse.check_support_rate()
        intake.support_petition(submission, contact)
        abuse.consume_form_token(request.form, "support")
        db.session.commit()
        abuse.mark_accepted()
        ok = True
        message = gettext("Cảm ơn bạn đã ủng hộ kiến nghị. Thông tin liên hệ của bạn không được hiển thị ở bất cứ đâu.")
    except abuse.AlreadySent:
        db.session.rollback()
        ok = True
        message = gettext("Ủng hộ của bạn đã được ghi nhận ở lần gửi trước; mỗi lần mở trang chỉ gửi được một lần.")
    except abuse.Refused as exc:
        db.session.rollback()
        status, message = exc.status, exc.message
    except DomainError as exc:  # 409: already supported; 422: a bad contact
        db.session.rollback()
        status, message = exc.status, " ".join(exc.fields.values()) or exc.message
    except IntegrityError:
        db.session.rollback()
        status, message = 409, gettext("Số điện thoại hoặc email này đã ủng hộ kiến nghị này rồi.")
    closed = case is not None and case.status.value == "closed"
    return render_template("moderation/support_result.html", submission=submission, ok=ok, message=message,
                           contact=contact if not ok else "", token=abuse.started_token(), closed=closed,
                           public_page=case is not None), status


# --- tracking -----------------------------------------------------------------------------------

def _render_track(submission=None, status: int = 200, **ctx):
    events, stage = [], None
    if submission is not None:
        events = [e for e in submission.events if e.public_message or e.to_status]
        stage = stages.resident_stage(submission, case_for_submission(submission))
    return render_template("moderation/track.html", submission=submission, events=events, stage=stage,
                           stage_labels=stages.STAGE_LABELS, stage_hints=stages.STAGE_HINTS,
                           status_labels={k.value: v for k, v in STATUS_LABELS.items()},
                           token=abuse.started_token(), **ctx), status


def _lookup_refused(typed: str):
    """The guessing budget all receipt-code routes share: the 429 page once it is spent, else None."""
    try:
        abuse.check_rate("TRACKING_RATE_LIMIT", abuse.CODE_LOOKUP_SCOPE)
    except abuse.Refused as exc:
        return _render_track(None, 429, refusal=exc.message, typed=typed[:64])
    return None


@bp.get("/tra-cuu")
def track():
    raw = request.args.get("code")
    if raw is None:
        return _render_track()
    code = intake.normalize_code(raw)
    if code is None:
        # A well-formed code is counted once, on the page it redirects to.
        if (refused := _lookup_refused(raw)) is not None:
            return refused
        return _render_track(None, 404, not_found=True, typed=raw[:64])
    return redirect(url_for("intake.track_code", code=code))


@bp.get("/tra-cuu/<code>")
def track_code(code: str):
    normalized = intake.normalize_code(code)
    if normalized and normalized != code:
        return redirect(url_for("intake.track_code", code=normalized))
    if (refused := _lookup_refused(code)) is not None:
        return refused
    submission = intake.find_by_code(normalized)
    if submission is None:
        return _render_track(None, 404, not_found=True, typed=code[:64])
    return _render_track(submission)


@bp.post("/tra-cuu/<code>/bo-sung")
def add_information(code: str):
    if (refused := _lookup_refused(code)) is not None:
        return refused
    submission = intake.find_by_code(code)
    if submission is None:
        abort(404)
    text = request.form.get("info", "")
    had_files = any(f.filename for f in request.files.getlist("attachments"))
    try:
        abuse.check_form_timing(request.form)
        abuse.check_blocklist()
        abuse.check_submission_rate([])
        intake.add_information(submission, text, uploads_from_request())
        abuse.consume_form_token(request.form, "info", submission.receipt_code)
    except abuse.AlreadySent:
        db.session.rollback()
        return redirect(url_for("intake.track_code", code=submission.receipt_code, da_bo_sung=1), 303)
    except abuse.Refused as exc:
        db.session.rollback()
        return _render_track(submission, exc.status, refusal=exc.message, info=text, files_lost=had_files)
    except DomainError as exc:
        db.session.rollback()
        return _render_track(submission, 422, info_errors=exc.fields, info=text, files_lost=had_files)
    db.session.commit()
    abuse.mark_accepted()
    return redirect(url_for("intake.track_code", code=submission.receipt_code, da_bo_sung=1))


def submission_status_label(status) -> str:
    try:
        return STATUS_LABELS[SubmissionStatus(getattr(status, "value", status))]
    except (ValueError, KeyError):
        return str(status or "")

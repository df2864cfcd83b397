"""Public accountability pages: petitions answered in public, statistics, the resident's rating and
dispute (from the tracking page), and ``GET /api/v1/stats``."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from moderation import abuse, intake, reports
from moderation.accountability import stages
from moderation.cases import triage
from moderation.cases.filters import filter_cases
from moderation.cases.models import CASE_STATUS_LABELS, Case, CaseStatus
from moderation.intake import search as petition_search
from moderation.intake.models import Submission, SubmissionKind, SubmissionStatus, Topic, Visibility
from moderation.intake.views import _render_track
from portal.errors import DomainError
from portal.extensions import db, limiter
from portal.i18n import N_, _l
from portal.params import int_arg, page_arg
from portal.ward import ResidentialGroup
from public_docs.disclosures.models import Disclosure

bp = Blueprint("accountability", __name__, template_folder="templates")
api_bp = Blueprint("accountability_api", __name__, url_prefix="/api/v1")

PER_PAGE = 20

PUBLIC_STATUS = {
    CaseStatus.new: N_("Ban đã nhận kiến nghị và sẽ phân công người xem xét."),
    CaseStatus.assigned: N_("Ban đã phân công thành viên xem xét kiến nghị."),
    CaseStatus.verifying: N_("Ban đang xác minh nội dung kiến nghị."),
    CaseStatus.referred: N_("Ban đã kiến nghị cơ quan có thẩm quyền giải quyết và đang chờ trả lời."),
    CaseStatus.answered: N_("Cơ quan có thẩm quyền đã trả lời; Ban sẽ thông báo kết quả."),
    CaseStatus.closed: N_("Việc xem xét kiến nghị đã kết thúc."),
    CaseStatus.reopened: N_("Theo đề nghị của người gửi, Ban đang xem xét lại kiến nghị."),
}

RESPONSE_PUBLISHED = {
    CaseStatus.answered: N_("Cơ quan có thẩm quyền đã trả lời; Ban đã công bố kết quả xem xét ở dưới đây."),
    None: N_("Ban đã công bố kết quả xem xét ở dưới đây."),
}


def public_case_query():
    """Approved petitions that residents allowed to publish (named or anonymous), with their case."""
    return (
        select(Submission, Case).join(Case, Case.submission_id == Submission.id)
        .where(Submission.kind == SubmissionKind.petition, Submission.status == SubmissionStatus.approved,
               Submission.visibility != Visibility.private)
    )


def _list_rate_limit() -> str:
    """Requests per address to each public petition page (the list and its search, the statistics)."""
    return current_app.config.get("PETITION_LIST_RATE_LIMIT") or "120 per minute"


@bp.get("/kien-nghi")
@limiter.limit(_list_rate_limit)
def public_petitions():
    """The public petitions, newest first: filtered, searched, counted and paginated in the database."""
    query = petition_search.parse(request.args.get("q"))
    page = page_arg()
    selection, filters = filter_cases(public_case_query().where(*petition_search.conditions(query.words)))
    total = db.session.scalar(select(func.count()).select_from(selection.order_by(None).subquery()))
    rows = db.session.execute(
        selection.options(selectinload(Submission.topic))
        .order_by(Submission.created_at.desc(), Submission.id.desc())
        .limit(PER_PAGE).offset((page - 1) * PER_PAGE)
    ).all() if total > (page - 1) * PER_PAGE else []
    return render_template(
        "accountability/petitions.html", rows=rows, total=total, page=page, per_page=PER_PAGE,
        topics=db.session.scalars(select(Topic).where(Topic.active.is_(True)).order_by(Topic.position)).all(),
        groups={g.id: g for g in db.session.scalars(select(ResidentialGroup).order_by(ResidentialGroup.position))},
        statuses=CASE_STATUS_LABELS, public_status=PUBLIC_STATUS,
        filters={**filters, "q": query.text}, query=query,
        max_words=petition_search.MAX_QUERY_WORDS, max_chars=petition_search.MAX_QUERY_CHARS,
    )


@bp.get("/kien-nghi/<int:submission_id>")
def petition_detail(submission_id: int):
    row = db.session.execute(public_case_query().where(Submission.id == submission_id)).first()
    if row is None:
        abort(404)
    sub, case = row
    group = db.session.get(ResidentialGroup, sub.group_id) if sub.group_id else None
    return render_template("accountability/petition.html", submission=sub, case=case, group=group,
                           public_status=PUBLIC_STATUS, can_support=case.status != CaseStatus.closed,
                           token=abuse.started_token())


def _parse_period(strict_order: bool = True):
    """``?from=YYYY-MM-DD&to=YYYY-MM-DD`` or ``?year=2026``; errors become a message. With
    ``strict_order`` False a period that ends before it starts is simply empty (the API)."""
    error = None
    start = end = None
    year = int_arg("year", 0, 1900, 2100)
    try:
        if year is None:
            raise ValueError("year out of range")
        if request.args.get("from"):
            start = dt.date.fromisoformat(request.args["from"])
        if request.args.get("to"):
            end = dt.date.fromisoformat(request.args["to"])
        if year and not (start or end):
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        for day in (start, end):
            if day is not None and not 1900 <= day.year <= 2100:
                raise ValueError("year out of range")
    except ValueError:
        error = _l("Ngày không hợp lệ (định dạng YYYY-MM-DD, năm từ 1900 đến 2100).")
        start = end = None
    if strict_order and start and end and end < start:
        error = _l("Ngày kết thúc phải sau ngày bắt đầu.")
        start = end = None
    return start, end, error


@bp.get("/thong-ke")
@limiter.limit(_list_rate_limit)
def statistics():
    start, end, error = _parse_period()
    stats = reports.compute_statistics(start, end)
    return render_template("accountability/statistics.html", stats=stats, labels=reports.STAT_LABELS,
                           error=error, start=start, end=end), 400 if error else 200


@api_bp.get("/stats")
@limiter.limit(_list_rate_limit)
def stats():
    from portal.api import json_error

    start, end, error = _parse_period(strict_order=False)
    if error:
        return json_error(400, str(error))
    return jsonify(reports.compute_statistics(start, end))


# --------------------------------------------------------------------------- rating and dispute

def _submission_by_code(code: str) -> Submission:
    code = (code or "").strip()[:64]
    sub = intake.find_by_code(code)
    if sub is None:
        sub = db.session.scalar(select(Submission).where(Submission.receipt_code == code))
    if sub is None:
        sub = db.session.scalar(select(Submission).where(Submission.receipt_code == code.upper()))
    if sub is None or triage.case_for_submission(sub) is None:
        abort(404)
    return sub


def _back(code: str):
    return redirect(url_for("intake.track_code", code=code))


def _render_error(sub: Submission, message: str, kind: str):
    """Show the refusal on the tracking page, keeping what the resident typed."""
    ctx = {"case_error": message, "case_form": request.form, "case_form_kind": kind}
    return _render_track(sub, 400, **ctx)


def _resident_step(code: str, kind: str, service, thanks: str, *args):
    """Rate or dispute from the tracking page: call the service, commit once, back to the page."""
    sub = _submission_by_code(code)
    try:
        service(triage.case_for_submission(sub), *args)
    except DomainError as exc:
        db.session.rollback()
        return _render_error(sub, str(exc), kind)
    db.session.commit()
    flash(thanks, "success")
    return _back(sub.receipt_code)


@bp.post("/tra-cuu/<code>/danh-gia")
@limiter.limit("10 per hour")
def rate(code: str):
    return _resident_step(code, "rate", triage.rate_case,
                          gettext("Cảm ơn bạn đã đánh giá kết quả xem xét kiến nghị."),
                          request.form.get("rating"), request.form.get("comment", ""))


@bp.post("/tra-cuu/<code>/xem-xet-lai")
@limiter.limit("5 per hour")
def dispute(code: str):
    return _resident_step(code, "dispute", triage.reopen_case,
                          gettext("Đã gửi đề nghị xem xét lại; Ban sẽ xem xét và trả lời bạn."),
                          request.form.get("reason", ""))


# --------------------------------------------------------------------------- template globals

def case_for_submission(submission):
    return triage.case_for_submission(submission)


def case_public_status(case) -> str:
    """One sentence on the case; once the Board's answer is published it says so, never "will announce"."""
    if case.status != CaseStatus.closed and stages.has_current_response(case):
        return RESPONSE_PUBLISHED.get(case.status, RESPONSE_PUBLISHED[None])
    return PUBLIC_STATUS.get(case.status, "")


def project_board_for(disclosure):
    """The supervision board attached to a project disclosure (for ``moderation/_project_board.html``)."""
    from moderation.boards.routing import project_board

    return project_board(getattr(disclosure, "id", None))


def board_public_members(board):
    """Names and positions only (members are public office holders); no contact details."""
    from portal.accounts.models import User

    rows = []
    for m in board.members:
        user = db.session.get(User, m.user_id) if m.user_id else None
        name = m.name or (user.name if user else "")
        rows.append({"name": name, "position": m.position, "vacant": not name})
    return rows


OPENAPI_PATHS = {
    "/api/v1/stats": {
        "get": {
            "summary": "Statistics of residents' petitions and the Boards' work (no personal data)",
            "parameters": [
                {"name": "from", "in": "query",
                 "schema": {"type": "string", "format": "date", "pattern": "^(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}$"},
                 "description": "First day of the period (petitions received from this day), years 1900-2099."},
                {"name": "to", "in": "query",
                 "schema": {"type": "string", "format": "date", "pattern": "^(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}$"},
                 "description": "Last day of the period; before `from` gives an empty period."},
                {"name": "year", "in": "query", "schema": {"type": "integer", "minimum": 1900, "maximum": 2100},
                 "description": "A calendar year, when from/to are not given."},
            ],
            "responses": {
                "200": {"description": "Figures", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/PetitionStatistics"}}}},
                "400": {"description": "Bad date", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Error"}}}},
                "429": {"description": "Too many requests from this address (PETITION_LIST_RATE_LIMIT)",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            },
        }
    }
}
_COUNT_LIST = {"type": "array", "items": {"type": "object", "properties": {
    "label": {"type": "string"}, "count": {"type": "integer"}}}}
OPENAPI_SCHEMAS = {
    "PetitionStatistics": {
        "type": "object",
        "properties": {
            "period": {"type": "object", "properties": {"start": {"type": "string", "nullable": True},
                                                        "end": {"type": "string", "nullable": True}}},
            "totals": {"type": "object", "properties": {k: {"type": "integer"} for k in reports.STAT_LABELS}},
            "by_month": {"type": "array", "items": {"type": "object", "properties": {
                "month": {"type": "string", "example": "2026-03"}, "count": {"type": "integer"}}}},
            "by_channel": {"type": "object", "additionalProperties": {"type": "integer"},
                           "description": "Petitions received per channel code (web, api, reception, hotline, "
                                          "mailbox, meeting, dialogue, letter, other, …), zeros included"},
            "redirected_at_intake_by_channel": {"type": "object", "additionalProperties": {"type": "integer"},
                                                "description": "Complaints and denunciations counted, per channel"},
            "reception": {"type": "object", "properties": {
                "sessions_held": {"type": "integer"},
                "sessions_held_by_kind": {"type": "object", "additionalProperties": {"type": "integer"}},
                "registrations": {"type": "integer"}, "attended": {"type": "integer"}}},
            "by_topic": _COUNT_LIST,
            "by_group": _COUNT_LIST,
            "median_working_days_to_answer": {"type": "number", "nullable": True},
            "answered_on_time_share": {"type": "number", "nullable": True, "description": "0–1"},
            "answered_count": {"type": "integer"},
            "average_rating": {"type": "number", "nullable": True},
            "ratings_count": {"type": "integer"},
        },
    }
}


def consultation_synthesis(disclosure):
    """The published synthesis of a consultation, or None (for ``moderation/_consultation_synthesis.html``)."""
    from moderation.consultations.synthesis import synthesis_view

    if disclosure is None or getattr(disclosure, "id", None) is None:
        return None
    return synthesis_view(disclosure)


@bp.get("/tong-hop-y-kien/<int:disclosure_id>.docx")
def synthesis_docx(disclosure_id: int):
    import io

    from flask import send_file

    from moderation.consultations.synthesis import synthesis_docx as build
    from moderation.consultations.synthesis import synthesis_view
    d = db.session.get(Disclosure, disclosure_id)
    if d is None or not d.is_public or synthesis_view(d) is None:
        abort(404)
    return send_file(io.BytesIO(build(d)), as_attachment=True, download_name=f"tong-hop-y-kien-{d.id}.docx",
                     mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document")


def vn_number(value, digits: int = 1) -> str:
    """12.5 → "12,5"; 100.0 → "100" (Vietnamese decimal comma)."""
    if value is None:
        return ""
    text = f"{float(value):.{digits}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")

"""Public pages of the Boards (/cac-ban, /cac-ban/<id>: members and supervisions) and the open-data
API ``GET /api/v1/supervisions`` and ``/api/v1/supervisions/<id>``. Nothing personal: members show
name, position and residential group only; staff notes, minutes and files stay in the workspace."""
from __future__ import annotations

from flask import Blueprint, abort, jsonify, render_template, request
from sqlalchemy import select

from moderation.boards.models import POSITION_LABELS, Board, BoardKind
from moderation.supervision.documents import member_name
from moderation.supervision.models import STATUS_LABELS, Supervision, SupervisionStatus
from moderation.supervision.services import recommendation_status
from moderation.supervision.views import TEMPLATES
from portal.api import json_error
from portal.extensions import db
from portal.params import int_arg
from portal.ward import ResidentialGroup

bp = Blueprint("supervision_public", __name__, template_folder=TEMPLATES)
api_bp = Blueprint("supervision_api", __name__, url_prefix="/api/v1")

MAX_PER_PAGE = 100
POSITION_ORDER = {"head": 0, "deputy": 1, "member": 2}


def public_members(board: Board) -> list[dict]:
    """Current members as the public sees them: name, position, residential group. Vacant seats
    (no name, no account) are left out; no phone, email or account is ever shown."""
    groups = {g.id: g.name for g in db.session.scalars(select(ResidentialGroup))}
    rows = []
    for m in sorted(board.members, key=lambda m: (POSITION_ORDER.get(m.position, 9), m.id)):
        name = member_name(m)
        if not name:
            continue
        rows.append({"name": name, "position": m.position, "position_label": POSITION_LABELS.get(m.position, ""),
                     "group": groups.get(m.group_id, "")})
    return rows


def public_recommendations(sup: Supervision) -> list[dict]:
    """Only what the published conclusion sent: drafts before approval stay private."""
    if sup.conclusion_disclosure_id is None:
        return []
    return [{"text": r.text, "addressee": r.addressee, "due_on": r.due_on.isoformat() if r.due_on else None,
             "status": recommendation_status(r)} for r in sup.recommendations if r.sent_on is not None]


def api_item(sup: Supervision) -> dict:
    return {
        "id": sup.id,
        "board": {"id": sup.board.id, "name": sup.board.name, "kind": sup.board.kind.value},
        "subject": sup.subject,
        "supervised_body": sup.supervised_body,
        "planned_start": sup.planned_start.isoformat(),
        "notice_sent_on": sup.notice_sent_on.isoformat() if sup.notice_sent_on else None,
        "status": sup.status.value,
        "conclusion_disclosure_id": sup.conclusion_disclosure_id,
        "recommendations": public_recommendations(sup),
    }


@bp.app_template_global()
def supervision_figures(start=None, end=None) -> dict:
    """The Boards' supervision work counted for the statistics page (no personal data)."""
    from moderation.supervision.figures import (
        LABELS,
        report_sentences,
        supervision_statistics,
    )

    stats = supervision_statistics(start, end)
    return {"stats": stats, "labels": LABELS, "sentences": report_sentences(stats)}


@bp.get("/cac-ban")
def boards():
    rows = db.session.scalars(select(Board).order_by(Board.kind, Board.id)).all()
    rows = sorted(rows, key=lambda b: (b.kind != BoardKind.inspection, b.id))
    counts = {b.id: db.session.scalar(select(db.func.count(Supervision.id)).where(Supervision.board_id == b.id))
              for b in rows}
    return render_template("supervision/public_boards.html", boards=rows, counts=counts)


@bp.get("/cac-ban/<int:board_id>")
def board_page(board_id: int):
    board = db.session.get(Board, board_id) or abort(404)
    sups = db.session.scalars(
        select(Supervision).where(Supervision.board_id == board.id)
        .order_by(Supervision.planned_start.desc(), Supervision.id.desc())
    ).all()
    return render_template("supervision/public_board.html", board=board, members=public_members(board),
                           supervisions=sups, labels=STATUS_LABELS, recs=_sent, rec_status=recommendation_status)


def _sent(sup: Supervision) -> list:
    return [r for r in sup.recommendations if r.sent_on is not None] if sup.conclusion_disclosure_id else []


@api_bp.get("/supervisions")
def supervisions():
    page = int_arg("page", 1, 1, 100_000)
    per_page = int_arg("per_page", 20, 1, MAX_PER_PAGE)
    if page is None:
        return json_error(400, "Tham số page phải là số nguyên dương.", {"page": "invalid"})
    if per_page is None:
        return json_error(400, f"Tham số per_page phải từ 1 đến {MAX_PER_PAGE}.", {"per_page": "invalid"})
    board_id = int_arg("board", 0, 1, 2**31 - 1)
    if board_id is None:
        return json_error(400, "Tham số board không hợp lệ.", {"board": "invalid"})
    status = (request.args.get("status") or "").strip()
    if status and status not in SupervisionStatus.__members__:
        return json_error(400, "Trạng thái không hợp lệ.", {"status": "unknown"})
    query = select(Supervision)
    if board_id:
        query = query.where(Supervision.board_id == board_id)
    if status:
        query = query.where(Supervision.status == SupervisionStatus(status))
    total = db.session.scalar(select(db.func.count()).select_from(query.subquery()))
    rows = db.session.scalars(query.order_by(Supervision.planned_start.desc(), Supervision.id.desc())
                              .offset((page - 1) * per_page).limit(per_page)).all()
    return jsonify({"items": [api_item(s) for s in rows], "total": total, "page": page, "per_page": per_page})


@api_bp.get("/supervisions/<int:supervision_id>")
def supervision(supervision_id: int):
    sup = db.session.get(Supervision, supervision_id)
    if sup is None:
        return json_error(404, "Không tìm thấy cuộc giám sát.")
    return jsonify(api_item(sup))


STR, INT = {"type": "string"}, {"type": "integer"}
DATE = {"type": "string", "format": "date"}
NDATE = {**DATE, "nullable": True}
ITEM = {
    "id": INT,
    "board": {"type": "object", "properties": {"id": INT, "name": STR,
                                                "kind": {"type": "string", "enum": [k.value for k in BoardKind]}}},
    "subject": STR, "supervised_body": STR, "planned_start": DATE, "notice_sent_on": NDATE,
    "status": {"type": "string", "enum": [s.value for s in SupervisionStatus]},
    "conclusion_disclosure_id": {"type": "integer", "nullable": True},
    "recommendations": {"type": "array", "items": {"type": "object", "properties": {
        "text": STR, "addressee": STR, "due_on": NDATE,
        "status": {"type": "string", "enum": ["sent", "answered", "overdue"]}}}},
}
_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
OPENAPI_PATHS = {
    "/api/v1/supervisions": {"get": {
        "summary": "The Boards' supervisions with their status and recommendations (no personal data)",
        "parameters": [
            {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100000}},
            {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE}},
            {"name": "board", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}},
            {"name": "status", "in": "query", "schema": {"type": "string",
                                                         "enum": [s.value for s in SupervisionStatus]}},
        ],
        "responses": {
            "200": {"description": "Supervisions", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/SupervisionList"}}}},
            "400": {"description": "Bad parameter", "content": _ERROR},
        },
    }},
    "/api/v1/supervisions/{supervision_id}": {"get": {
        "summary": "One supervision",
        "parameters": [{"name": "supervision_id", "in": "path", "required": True,
                        "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}}],
        "responses": {
            "200": {"description": "The supervision", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Supervision"}}}},
            "404": {"description": "Not found", "content": _ERROR},
        },
    }},
}
OPENAPI_SCHEMAS = {
    "Supervision": {"type": "object", "properties": ITEM, "required": list(ITEM)},
    "SupervisionList": {"type": "object", "properties": {
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/Supervision"}},
        "total": INT, "page": INT, "per_page": INT}, "required": ["items", "total", "page", "per_page"]},
}

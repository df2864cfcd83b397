"""JSON API of the decision matters: the list, one matter, and a household's ballot by its code.
Same conventions as ``moderation/views/api.py``: JSON bodies only on POST (415 otherwise, so a form
on another site cannot vote for a resident), receipt-code lookups' rate limit, Vietnamese errors."""
from __future__ import annotations

from flask import Blueprint, jsonify, request
from sqlalchemy import select

from moderation import abuse
from moderation.decisions.ballots import cast_ballot
from moderation.decisions.models import Channel, DecisionMatter, MatterStatus
from moderation.decisions.results import public_summary
from moderation.intake.api import guard_api_posts
from portal.api import json_error
from portal.errors import DomainError
from portal.extensions import db
from portal.params import get_row

bp = Blueprint("decisions_api", __name__, url_prefix="/api/v1")


def _matter(matter_id: int) -> DecisionMatter | None:
    return get_row(DecisionMatter, matter_id)


@bp.get("/decisions")
def list_decisions():
    rows = db.session.scalars(select(DecisionMatter).order_by(DecisionMatter.id.desc())).all()
    status = request.args.get("status")
    if status and status in MatterStatus.__members__:
        rows = [m for m in rows if m.status.value == status]
    return jsonify({"total": len(rows), "items": [public_summary(m) for m in rows]})


@bp.get("/decisions/<int:matter_id>")
def get_decision(matter_id: int):
    matter = _matter(matter_id)
    if matter is None:
        return json_error(404, "Không tìm thấy việc biểu quyết.")
    return jsonify(public_summary(matter))


@bp.post("/decisions/<int:matter_id>/ballots")
def post_ballot(matter_id: int):
    refused = guard_api_posts("FORM_MAX_REQUEST_BYTES")  # the rule of every CSRF-exempt POST of the API
    if refused is not None:
        return refused
    try:
        abuse.check_rate("TRACKING_RATE_LIMIT", abuse.CODE_LOOKUP_SCOPE)
    except abuse.Refused as exc:
        return json_error(429, exc.message)
    matter = _matter(matter_id)
    if matter is None:
        return json_error(404, "Không tìm thấy việc biểu quyết.")
    if request.mimetype == "application/json":
        body = request.get_json(silent=True)
    else:  # multipart from a kiosk, with its X-Portal-Client header
        body = {"code": request.form.get("code"), "choice": request.form.getlist("choice")}
        if not matter.is_election:
            body["choice"] = (body["choice"] or [None])[0]
    if not isinstance(body, dict):
        return json_error(400, "Nội dung gửi lên phải là một đối tượng JSON.")
    code = body.get("code")
    if not isinstance(code, str):
        return json_error(404, "Không tìm thấy mã phiếu này cho việc đang biểu quyết.",
                          {"code": "Vui lòng nhập mã phiếu in trên phiếu."})
    try:
        cast_ballot(matter, code, body.get("choice"), Channel.web, "resident")
    except DomainError as exc:
        db.session.rollback()
        return json_error(exc.status, exc.message, exc.fields or None)
    db.session.commit()
    return jsonify({"counted": True, "message": "Đã ghi nhận biểu quyết của hộ gia đình."}), 201


_ERR = {"description": "Lỗi", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
_ID = {"name": "matter_id", "in": "path", "required": True,
       "schema": {"type": "integer", "minimum": 1, "maximum": 2147483647}}
OPENAPI_PATHS = {
    "/api/v1/decisions": {"get": {
        "summary": "Các việc Nhân dân bàn và quyết định (hội nghị, phiếu hộ gia đình)",
        "parameters": [{"name": "status", "in": "query", "schema": {
            "type": "string", "enum": ["scheduled", "open", "counting", "decided", "cancelled"]}}],
        "responses": {"200": {"description": "Danh sách", "content": {"application/json": {"schema": {
            "type": "object", "properties": {"total": {"type": "integer"}, "items": {
                "type": "array", "items": {"$ref": "#/components/schemas/DecisionMatter"}}}}}}}}}},
    "/api/v1/decisions/{matter_id}": {"get": {
        "summary": "Một việc biểu quyết: quy tắc, số hộ, số hộ đã tham gia theo tổ; kết quả khi đã quyết định",
        "parameters": [_ID],
        "responses": {"200": {"description": "Việc biểu quyết", "content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/DecisionMatter"}}}}, "404": _ERR}}},
    "/api/v1/decisions/{matter_id}/ballots": {"post": {
        "summary": "Biểu quyết bằng mã phiếu của hộ gia đình (mỗi mã một lần, trên Cổng hoặc phiếu giấy)",
        "description": "JSON với `Content-Type: application/json`, hoặc multipart/form-data kèm tiêu đề "
                       "`X-Portal-Client` (ki-ốt); định dạng khác bị từ chối với 415. Giới hạn số lần như tra cứu "
                       "mã tiếp nhận (429).",
        "parameters": [_ID, {"name": "X-Portal-Client", "in": "header", "required": False,
                             "description": "Bắt buộc khi gửi multipart/form-data", "schema": {"type": "string"}}],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "required": ["code", "choice"], "properties": {
                "code": {"type": "string", "example": "ABCD-EFGH"},
                "choice": {"oneOf": [{"type": "string", "example": "yes"},
                                     {"type": "array", "items": {"type": "string"}}],
                           "description": "yes, no, abstain; bầu cử: danh sách mã ứng cử viên "
                                          "(tối đa số người được bầu)"}}}}}},
        "responses": {"201": {"description": "Đã ghi nhận", "content": {"application/json": {"schema": {
            "type": "object", "properties": {"counted": {"type": "boolean"}, "message": {"type": "string"}}}}}},
            "400": _ERR, "404": _ERR, "409": _ERR, "415": _ERR, "422": _ERR, "429": _ERR}}},
}
_TALLY = {"type": "object", "nullable": True, "additionalProperties": {"type": "integer"}}
OPENAPI_SCHEMAS = {
    "DecisionMatter": {"type": "object", "properties": {
        "id": {"type": "integer"},
        "kind": {"type": "string", "enum": ["contribution", "convention", "election", "other"]},
        "title": {"type": "string"},
        "method": {"type": "string", "enum": ["meeting", "ballot", "mixed"]},
        "status": {"type": "string", "enum": ["scheduled", "open", "counting", "decided", "cancelled"]},
        "rule": {"type": "object", "properties": {
            "basis": {"type": "string", "enum": ["all_households", "voting_households"]},
            "threshold": {"type": "integer"}, "quorum": {"type": "integer"}}},
        "households_total": {"type": "integer"}, "households_voted": {"type": "integer"},
        "tally": {**_TALLY, "description": "Chỉ có khi đã quyết định (decided)"},
        "passed": {"type": "boolean", "nullable": True},
        "elected": {"type": "array", "nullable": True, "items": {"type": "string"}},
        "seats": {"type": "integer", "nullable": True},
        "choices": {"type": "array", "items": {"type": "object", "properties": {
            "code": {"type": "string"}, "label": {"type": "string"}}}},
        "opens_on": {"type": "string", "format": "date", "nullable": True},
        "closes_on": {"type": "string", "format": "date", "nullable": True},
        "groups": {"type": "array", "items": {"type": "object", "properties": {
            "group": {"type": "string"}, "households": {"type": "integer"}, "voted": {"type": "integer"},
            "tally": _TALLY}}},
        "result_disclosure_id": {"type": "integer", "nullable": True},
    }, "required": ["id", "kind", "title", "method", "status", "rule", "households_total", "households_voted",
                    "tally", "passed", "groups", "result_disclosure_id"]},
}

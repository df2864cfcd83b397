"""``GET /api/v1/reception-sessions`` (the public schedule) and
``POST /api/v1/reception-sessions/<id>/registrations``. The POST follows the petition API's rules
(``moderation.intake.api``): JSON only (a plain HTML form from another site cannot send it), no
CSRF token or form token (nothing a browser holds), the per-address and per-contact budget, the
blocklist. No personal data in any answer."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, jsonify, request

from moderation import abuse
from moderation.intake.api import guard_api_posts
from moderation.reception import registrations as regs
from moderation.reception import services
from moderation.reception.models import ReceptionSession, SessionKind
from portal.api import json_error
from portal.database import utcnow
from portal.errors import DomainError
from portal.extensions import db
from portal.params import get_row
from portal.ward import local_time

bp = Blueprint("reception_api", __name__, url_prefix="/api/v1")
FIELDS = ("name", "phone", "email", "group", "topic", "consent")


@bp.before_request
def _guard_posts():
    return guard_api_posts("FORM_MAX_REQUEST_BYTES")


def session_json(s: ReceptionSession, now: dt.datetime | None = None) -> dict:
    return {"id": s.id, "kind": s.kind.value, "host": {"name": s.host_name, "position": s.host_position},
            "starts_at": local_time(s.starts_at).isoformat(), "ends_at": local_time(s.ends_at).isoformat(),
            "place": s.place, "topic": s.topic, "capacity": s.capacity, "seats_left": s.seats_left,
            "registration_open": s.registration_open(now)}


@bp.get("/reception-sessions")
def sessions():
    now = utcnow()
    return jsonify({"items": [session_json(s, now) for s in services.upcoming_sessions(200)]})


@bp.post("/reception-sessions/<int:session_id>/registrations")
def create_registration(session_id: int):
    session = get_row(ReceptionSession, session_id)
    if session is None:
        return json_error(404, "Không tìm thấy buổi tiếp công dân.")
    if request.mimetype == "application/json":
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return json_error(400, "Nội dung gửi lên phải là một đối tượng JSON.")
    else:  # multipart from a kiosk, with its X-Portal-Client header
        body = request.form.to_dict()
        if "consent" in body:
            body["consent"] = body["consent"].strip().lower() in ("1", "true", "yes", "on")
    data = {k: body.get(k) for k in FIELDS}
    for key in ("name", "phone", "email", "group", "topic"):
        if data[key] is not None and not isinstance(data[key], str):
            return json_error(422, "Vui lòng kiểm tra các trường được đánh dấu.", {key: "Giá trị phải là chuỗi ký tự."})
    if data["consent"] is not None and not isinstance(data["consent"], bool):
        return json_error(422, "Vui lòng kiểm tra các trường được đánh dấu.",
                          {"consent": "Giá trị phải là true hoặc false."})
    try:
        abuse.check_blocklist(phone=data["phone"] or "", email=data["email"] or "")
        regs.check_registration_rate([data["phone"] or "", data["email"] or ""])
        reg = regs.register(session, data)
    except abuse.Refused as exc:
        db.session.rollback()
        return json_error(exc.status, exc.message)
    except regs.SessionFull as exc:
        db.session.rollback()
        return json_error(409, str(exc))
    except DomainError as exc:
        db.session.rollback()
        return json_error(422, exc.message, exc.fields)
    db.session.commit()
    abuse.mark_accepted()
    return jsonify({"code": reg.code, "session_id": session.id, "status": reg.status.value}), 201


_ERR = {"description": "Lỗi", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
OPENAPI_PATHS = {
    "/api/v1/reception-sessions": {"get": {
        "summary": "Lịch tiếp công dân, đối thoại sắp tới",
        "responses": {"200": {"description": "Các buổi sắp tới", "content": {"application/json": {"schema": {
            "type": "object", "properties": {"items": {"type": "array", "items": {
                "$ref": "#/components/schemas/ReceptionSession"}}}, "required": ["items"]}}}}}}},
    "/api/v1/reception-sessions/{session_id}/registrations": {"post": {
        "summary": "Đăng ký phát biểu tại buổi tiếp công dân (không cần tài khoản)",
        "description": "Gửi JSON với `Content-Type: application/json` (hoặc multipart/form-data kèm tiêu đề "
                       "`X-Portal-Client`, như API gửi kiến nghị). 201 kèm mã đăng ký (dùng để hủy); "
                       "409 khi đã hết chỗ hoặc buổi không nhận đăng ký; 422 khi thiếu họ tên, thiếu cả điện "
                       "thoại lẫn email, hoặc chưa đồng ý xử lý dữ liệu cá nhân.",
        "parameters": [{"name": "session_id", "in": "path", "required": True,
                        "schema": {"type": "integer", "minimum": 1, "maximum": 2147483647}}],
        "requestBody": {"required": True, "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/RegistrationInput"}},
            "multipart/form-data": {"schema": {"$ref": "#/components/schemas/RegistrationInput"}}}},
        "responses": {
            "201": {"description": "Đã đăng ký", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"code": {"type": "string", "example": "DK-7H3K-9QX2"},
                                                 "session_id": {"type": "integer"}, "status": {"type": "string"}},
                "required": ["code"]}}}},
            "400": _ERR, "403": _ERR, "404": _ERR, "409": _ERR, "413": _ERR, "415": _ERR,
            "422": {"description": "Dữ liệu không hợp lệ", "content": {"application/json": {"schema": {
                "$ref": "#/components/schemas/ValidationError"}}}},
            "429": _ERR}}},
}
OPENAPI_SCHEMAS = {
    "ReceptionSession": {"type": "object", "required": [
        "id", "kind", "host", "starts_at", "ends_at", "place", "topic", "capacity", "seats_left", "registration_open"],
        "properties": {
            "id": {"type": "integer"}, "kind": {"type": "string", "enum": [k.value for k in SessionKind]},
            "host": {"type": "object", "properties": {"name": {"type": "string"}, "position": {"type": "string"}}},
            "starts_at": {"type": "string", "format": "date-time"},
            "ends_at": {"type": "string", "format": "date-time"},
            "place": {"type": "string"}, "topic": {"type": "string"}, "capacity": {"type": "integer"},
            "seats_left": {"type": "integer"}, "registration_open": {"type": "boolean"}}},
    "RegistrationInput": {"type": "object", "required": ["name", "topic", "consent"], "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 120},
        "phone": {"type": "string", "example": "0905123456"},
        "email": {"type": "string", "format": "email"},
        "group": {"type": "string", "description": "Mã tổ dân phố, thôn (petition-options)"},
        "topic": {"type": "string", "minLength": 10, "maxLength": 2000, "description": "Nội dung muốn trình bày"},
        "consent": {"type": "boolean", "description": "Phải là true"}}},
}

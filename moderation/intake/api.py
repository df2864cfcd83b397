"""JSON API for kiosks and partner apps: file a petition, the option lists, a submission's status,
and the public (approved) petitions. Never any personal data in an answer."""
from __future__ import annotations

from flask import Blueprint, jsonify, request
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from moderation import abuse, intake
from moderation.accountability import stages
from moderation.cases.triage import case_for_submission
from moderation.intake.models import Channel, Submission, SubmissionKind, SubmissionStatus, Visibility
from portal.api import json_error
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import translate
from portal.params import page_arg

bp = Blueprint("intake_api", __name__, url_prefix="/api/v1")
FIELDS = ("kind", "topic", "group", "project_id", "title", "description", "name", "phone", "email",
          "visibility", "consent")


# The API is exempt from CSRF tokens, so it takes only requests a plain HTML form on another site
# cannot send: a JSON body, or multipart with a custom header (a header makes a cross-site browser
# request need a CORS preflight, which this portal never grants).
CLIENT_HEADERS = ("X-Portal-Client", "X-Requested-With")
UNSUPPORTED_MESSAGE = ("Định dạng dữ liệu không được hỗ trợ: gửi JSON với tiêu đề Content-Type: application/json, "
                       "hoặc multipart/form-data (khi có tệp đính kèm) kèm tiêu đề X-Portal-Client.")


def from_api_client() -> bool:
    if request.mimetype == "application/json":
        return True
    return request.mimetype == "multipart/form-data" and any(
        (request.headers.get(name) or "").strip() for name in CLIENT_HEADERS)


def guard_api_posts(limit_setting: str):
    """Every CSRF-exempt POST of the API (petitions, reception registrations, ballots): the media
    type and custom-header rule above (else a 415), then the size limit ``limit_setting`` (a 413).
    None when the request may go on."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return None
    if not from_api_client():
        response, status = json_error(415, UNSUPPORTED_MESSAGE)
        response.headers["Accept-Post"] = "application/json, multipart/form-data"
        return response, status
    limit = int(abuse.setting(limit_setting))
    request.max_content_length = limit
    if request.content_length is not None and request.content_length > limit:
        return json_error(413, "Dữ liệu gửi lên quá lớn.")
    return None


@bp.before_request
def _guard_posts():
    return guard_api_posts("PETITION_MAX_REQUEST_BYTES")


@bp.post("/petitions")
def create_petition():
    from moderation.intake.views import uploads_from_request

    if request.mimetype == "application/json":
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return json_error(400, "Nội dung gửi lên phải là một đối tượng JSON.")
        files = []
    else:
        body = request.form.to_dict()
        files = uploads_from_request()
    data = {k: body.get(k) for k in FIELDS}
    for key in ("title", "description", "name", "phone", "email", "topic", "group", "kind", "visibility"):
        if data[key] is not None and not isinstance(data[key], (str, int)):
            return json_error(422, "Vui lòng kiểm tra các trường được đánh dấu.", {key: "Giá trị phải là chuỗi ký tự."})
        if isinstance(data[key], int) and key not in ("topic", "group"):
            data[key] = str(data[key])
    if data["project_id"] is not None and not isinstance(data["project_id"], (int, str)):
        return json_error(422, "Vui lòng kiểm tra các trường được đánh dấu.",
                          {"project_id": "Dự án, công trình không hợp lệ: vui lòng chọn trong danh sách."})
    try:
        abuse.check_blocklist(phone=str(data["phone"] or ""), email=str(data["email"] or ""))
        abuse.check_submission_rate([str(data["phone"] or ""), str(data["email"] or "")])
        code = intake.submit_petition(data, files, channel=Channel.api)
    except abuse.Refused as exc:
        db.session.rollback()
        return json_error(exc.status, exc.message)
    except intake.MatterRedirected as exc:
        db.session.commit()  # the anonymous redirect count
        body = {"error": "Cổng không tiếp nhận khiếu nại, tố cáo.", "message": exc.guidance, "status": 422,
                "guidance": exc.guidance, "fields": {"kind": exc.guidance}}
        return jsonify(body), 422
    except DomainError as exc:
        db.session.rollback()
        return json_error(422, exc.message, exc.fields)
    db.session.commit()
    abuse.mark_accepted()
    return jsonify({"receipt_code": code}), 201


@bp.get("/petition-options")
def petition_options():
    return jsonify({
        "kinds": [{"code": k.value, "name": v} for k, v in intake.KIND_LABELS.items()],
        "topics": [{"code": t.code, "name": t.name} for t in intake.active_topics()],
        "groups": [{"code": g.code, "name": g.name} for g in intake.active_groups()],
        "projects": [{"id": p.id, "number": p.number, "title": p.title} for p in intake.list_projects()],
        "visibilities": [{"code": k.value, "name": v} for k, v in intake.VISIBILITY_LABELS.items()],
        "max_attachments": intake.MAX_FILES,
    })


@bp.get("/submissions/<code>")
def submission_status(code: str):
    try:
        abuse.check_rate("TRACKING_RATE_LIMIT", abuse.CODE_LOOKUP_SCOPE)
    except abuse.Refused as exc:
        return json_error(429, exc.message)
    sub = intake.find_by_code(code)
    if sub is None:
        return json_error(404, "Không tìm thấy mã tiếp nhận.")
    stage = stages.resident_stage(sub, case_for_submission(sub))
    return jsonify({"receipt_code": sub.receipt_code, "kind": sub.kind.value, "status": sub.status.value,
                    "status_label": sub.status_label, "stage": stage,
                    "stage_label": translate(stages.STAGE_LABELS[stage]),
                    "created_at": sub.created_at.isoformat(),
                    "updated_at": sub.updated_at.isoformat() if sub.updated_at else None})


def public_petition(sub: Submission) -> dict:
    return {
        "id": sub.id, "title": sub.shown_title, "description": sub.shown_description,
        "topic": sub.topic.code if sub.topic else None, "topic_name": sub.topic.name if sub.topic else None,
        "group": sub.group.code if sub.group else None, "project_id": sub.disclosure_id,
        "status": sub.status.value, "support_count": sub.support_count,
        "created_at": sub.created_at.isoformat(),
        "approved_at": sub.moderated_at.isoformat() if sub.moderated_at else None,
    }


@bp.get("/petitions")
def list_petitions():
    page = page_arg()
    per_page = page_arg("per_page", maximum=100, default=20)
    q = select(Submission).where(Submission.kind == SubmissionKind.petition,
                                 Submission.status == SubmissionStatus.approved,
                                 Submission.visibility != Visibility.private)
    topic = request.args.get("topic")
    if topic:
        from moderation.intake.models import Topic
        from portal.sanitize import clean_text

        q = q.join(Topic, Topic.id == Submission.topic_id).where(Topic.code == clean_text(topic, 32))
    total = db.session.scalar(select(func.count()).select_from(q.subquery())) or 0
    rows = db.session.scalars(q.order_by(Submission.moderated_at.desc(), Submission.id.desc())
                              .options(selectinload(Submission.topic), selectinload(Submission.group))
                              .limit(per_page).offset((page - 1) * per_page)).all()
    return jsonify({"total": total, "page": page, "per_page": per_page, "items": [public_petition(s) for s in rows]})


_ERR = {"description": "Lỗi", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
OPENAPI_PATHS = {
    "/api/v1/petitions": {
        "post": {
            "summary": "Gửi phản ánh, kiến nghị (ki-ốt, ứng dụng đối tác)",
            "description": "Cùng quy tắc với biểu mẫu trên Cổng. Khiếu nại, tố cáo không được tiếp nhận: trả 422 "
                           "kèm hướng dẫn (guidance). Gửi JSON với `Content-Type: application/json`; khi có tệp "
                           "đính kèm (tối đa 5 tệp `attachments`: JPEG, PNG, PDF), gửi multipart/form-data kèm "
                           "tiêu đề `X-Portal-Client` (tên ứng dụng, ki-ốt; hoặc `X-Requested-With`). Mọi định "
                           "dạng khác (biểu mẫu HTML thông thường, text/plain) bị từ chối với 415, để trang web "
                           "khác không thể khiến trình duyệt của người dân gửi kiến nghị thay họ.",
            "parameters": [{"name": "X-Portal-Client", "in": "header", "required": False,
                            "description": "Bắt buộc khi gửi multipart/form-data: tên ứng dụng hoặc ki-ốt gửi.",
                            "schema": {"type": "string", "example": "kiosk-ubnd-1"}}],
            "requestBody": {"required": True, "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/PetitionInput"}},
                "multipart/form-data": {"schema": {"$ref": "#/components/schemas/PetitionInput"}}}},
            "responses": {
                "201": {"description": "Đã tiếp nhận", "content": {"application/json": {"schema": {
                    "type": "object", "properties": {"receipt_code": {"type": "string", "example": "KN-7H3K-9QX2-M4"}},
                    "required": ["receipt_code"]}}}},
                "400": _ERR, "403": _ERR, "413": _ERR,
                "415": {"description": "Định dạng không được nhận: không phải JSON, hoặc multipart thiếu tiêu đề "
                                       "X-Portal-Client", "content": {"application/json": {"schema": {
                                           "$ref": "#/components/schemas/Error"}}}},
                "422": {"description": "Dữ liệu không hợp lệ (fields: thông báo theo từng trường) hoặc khiếu nại, "
                                       "tố cáo (guidance)", "content": {"application/json": {"schema": {
                                           "$ref": "#/components/schemas/ValidationError"}}}},
                "429": _ERR,
            },
        },
        "get": {
            "summary": "Các kiến nghị đã duyệt được công khai (không có dữ liệu cá nhân)",
            "parameters": [
                {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100000}},
                {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                {"name": "topic", "in": "query", "schema": {"type": "string"}},
            ],
            "responses": {"200": {"description": "Danh sách", "content": {"application/json": {"schema": {
                "type": "object", "properties": {
                    "total": {"type": "integer"}, "page": {"type": "integer"}, "per_page": {"type": "integer"},
                    "items": {"type": "array", "items": {"$ref": "#/components/schemas/PublicPetition"}}}}}}}},
        },
    },
    "/api/v1/petition-options": {"get": {
        "summary": "Danh mục loại nội dung, lĩnh vực, tổ dân phố (thôn), dự án, hình thức công khai",
        "responses": {"200": {"description": "Các danh mục", "content": {"application/json": {"schema": {
            "type": "object"}}}}}}},
    "/api/v1/submissions/{code}": {"get": {
        "summary": "Tình trạng xử lý theo mã tiếp nhận (chỉ tình trạng)",
        "description": "`stage` là bước thực tế người gửi thấy trên trang tra cứu, cả sau khi kiến nghị được duyệt "
                       "và chuyển đến Ban (Ban đang xem xét, đã chuyển cơ quan có thẩm quyền, đã có trả lời, đã kết "
                       "thúc). `status` giữ nguyên ý nghĩa cũ: tình trạng kiểm duyệt (`approved` suốt quá trình Ban "
                       "xem xét).",
        "parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "Tình trạng", "content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/SubmissionStatus"}}}}, "404": _ERR, "429": _ERR}}},
}
OPENAPI_SCHEMAS = {
    "PetitionInput": {"type": "object", "required": ["topic", "title", "description"], "properties": {
        "kind": {"type": "string", "enum": ["feedback", "complaint", "denunciation"], "default": "feedback"},
        "topic": {"type": "string", "description": "Mã lĩnh vực (petition-options)"},
        "group": {"type": "string", "description": "Mã tổ dân phố, thôn (petition-options)"},
        "project_id": {"type": "integer", "nullable": True},
        "title": {"type": "string", "minLength": 5, "maxLength": 200},
        "description": {"type": "string", "minLength": 20, "maxLength": 5000},
        "name": {"type": "string", "maxLength": 120},
        "phone": {"type": "string", "example": "0905123456"},
        "email": {"type": "string", "format": "email"},
        "visibility": {"type": "string", "enum": ["named", "anonymous", "private"], "default": "anonymous"},
        "consent": {"type": "boolean", "description": "Bắt buộc true khi có họ tên, điện thoại hoặc email"},
    }},
    "ValidationError": {"type": "object", "properties": {
        "error": {"type": "string"}, "message": {"type": "string"}, "status": {"type": "integer"},
        "fields": {"type": "object", "additionalProperties": {"type": "string"}},
        "guidance": {"type": "string"}}},
    "PublicPetition": {"type": "object", "properties": {
        "id": {"type": "integer"}, "title": {"type": "string"}, "description": {"type": "string"},
        "topic": {"type": "string", "nullable": True}, "topic_name": {"type": "string", "nullable": True},
        "group": {"type": "string", "nullable": True},
        "project_id": {"type": "integer", "nullable": True}, "status": {"type": "string"},
        "support_count": {"type": "integer"}, "created_at": {"type": "string", "format": "date-time"},
        "approved_at": {"type": "string", "format": "date-time", "nullable": True}}},
    "SubmissionStatus": {"type": "object", "properties": {
        "receipt_code": {"type": "string"}, "kind": {"type": "string", "enum": ["petition", "comment"]},
        "status": {"type": "string", "description": "Tình trạng kiểm duyệt (không đổi sau khi duyệt)",
                   "enum": [s.value for s in SubmissionStatus]},
        "status_label": {"type": "string"},
        "stage": {"type": "string", "description": "Bước hiện tại của người gửi",
                  "enum": [*stages.STAGES, *stages.OTHER_STAGES]},
        "stage_label": {"type": "string"},
        "created_at": {"type": "string", "format": "date-time"},
        "updated_at": {"type": "string", "format": "date-time", "nullable": True}}},
}

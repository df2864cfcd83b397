"""Open-data JSON API of the disclosures: ``GET /api/v1/disclosures`` and ``/api/v1/disclosures/<id>``."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request
from sqlalchemy import func, select

from portal.api import json_error
from portal.extensions import db
from portal.params import int_arg
from portal.sanitize import clean_text, strip_tags
from portal.urls import public_url_for
from public_docs.disclosures import services
from public_docs.disclosures.models import BUDGET_KINDS, CATEGORIES, Disclosure, DisclosureStatus
from public_docs.search import search_or_database

bp = Blueprint("disclosures_api", __name__, url_prefix="/api/v1")

MAX_PER_PAGE = 100


def _item(d: Disclosure, snippet: str | None = None) -> dict:
    return {
        "id": d.id,
        "number": d.number,
        "title": d.title,
        "category": d.category,
        "budget_kind": d.budget_kind,
        "form": d.form,
        "issuer": d.issuer,
        "issued_on": d.issued_on.isoformat() if d.issued_on else None,
        "url": public_url_for("disclosures.disclosure_detail", disclosure_id=d.id),
        "snippet": snippet if snippet is not None else (d.summary or strip_tags(d.body_html))[:300],
    }


SEARCH_RETRY_AFTER = 30  # seconds: a small index is rebuilt well within it


def _search(q: str, filters: dict, page: int, per_page: int):
    """(items, total, from_database) through the search index, or while it is rebuilt through the
    database; None when neither could answer."""
    try:
        result = search_or_database(q, filters=filters, page=page, per_page=per_page)
    except Exception:  # noqa: BLE001 - the index must never break the API
        current_app.logger.exception("search failed")
        return None
    if not (result.available or result.from_database):
        return None
    ids = [h.doc_id for h in result.hits]
    rows = {
        d.id: d for d in db.session.scalars(select(Disclosure).where(Disclosure.id.in_(ids)))
        if d.is_public
    } if ids else {}
    items = [_item(rows[h.doc_id], strip_tags(h.snippet or "")) for h in result.hits if h.doc_id in rows]
    return items, result.total, result.from_database


@bp.get("/disclosures")
def disclosures():
    page = int_arg("page", 1, 1, 100_000)
    per_page = int_arg("per_page", 20, 1, MAX_PER_PAGE)
    if page is None:
        return json_error(400, "Tham số page phải là số nguyên dương.", {"page": "invalid"})
    if per_page is None:
        return json_error(400, f"Tham số per_page phải từ 1 đến {MAX_PER_PAGE}.", {"per_page": "invalid"})
    category = (request.args.get("category") or "").strip()
    if category and category not in CATEGORIES:
        return json_error(400, "Lĩnh vực không hợp lệ.", {"category": "unknown"})
    year = int_arg("year", 0, 1900, 2100)
    if year is None:
        return json_error(400, "Năm không hợp lệ.", {"year": "invalid"})
    budget_year = int_arg("budget_year", 0, 1900, 2100)
    if budget_year is None:
        return json_error(400, "Năm ngân sách không hợp lệ.", {"budget_year": "invalid"})
    budget_kind = (request.args.get("budget_kind") or "").strip()
    if budget_kind and budget_kind not in BUDGET_KINDS:
        return json_error(400, "Loại văn bản ngân sách không hợp lệ.", {"budget_kind": "unknown"})
    filters = {}
    if category:
        filters["category"] = category
    if year:
        filters["year"] = str(year)
    if budget_kind:  # a facet of the search index too: with q, the hits keep their relevance order
        filters["budget_kind"] = budget_kind
    if budget_year:
        filters["budget_year"] = str(budget_year)
    q = clean_text(request.args.get("q"), 200)
    from_database = False
    if q:
        found = _search(q, filters, page, per_page)
        if found is None:
            response, status = json_error(
                503, "Chức năng tìm kiếm đang được xây dựng lại; vui lòng thử lại sau ít phút.")
            response.headers["Retry-After"] = str(SEARCH_RETRY_AFTER)
            return response, status
        items, total, from_database = found
    else:
        stmt = services.filter_public(filters)
        total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
        items = [_item(d) for d in db.session.scalars(stmt.limit(per_page).offset((page - 1) * per_page))]
    response = jsonify({"items": items, "total": total, "page": page, "per_page": per_page})
    if from_database:  # the index is being rebuilt: every word found, newest first, not ranked
        response.headers["X-Search-Index"] = "rebuilding"
    return response


@bp.get("/disclosures/<int:disclosure_id>")
def disclosure(disclosure_id: int):
    d = services.get_public_disclosure(disclosure_id)
    if d is None:
        return json_error(404, "Không tìm thấy văn bản.")
    body = _item(d)
    body.update({
        "summary": d.summary,
        "body_html": d.body_html,
        "budget_kind_label": BUDGET_KINDS[d.budget_kind] if d.budget_kind else None,
        "budget_label": d.budget_label or None,
        "budget_year": d.budget_year,
        "budget_quarter": d.budget_quarter,
        "budget_period": d.budget_period,
        "category_label": d.category_label,
        "effective_on": d.effective_on.isoformat() if d.effective_on else None,
        "posting_start": d.posting_start.isoformat() if d.posting_start else None,
        "posting_end": d.posting_end.isoformat() if d.posting_end else None,
        "status": d.status.value,
        "withdrawn_reason": d.withdrawn_reason if d.status == DisclosureStatus.withdrawn else None,
        "is_project": d.is_project,
        "groups": [g.code for g in d.groups],
        "comments_open": services.is_open_for_comments(d),
        "comments_open_from": d.comments_open_from.isoformat() if d.comments_open_from else None,
        "comments_open_until": d.comments_open_until.isoformat() if d.comments_open_until else None,
        "published_at": d.published_at.isoformat() if d.published_at else None,
        "version": d.version_no,
        "versions": [
            {"version": v.version_no, "created_at": v.created_at.isoformat(), "change_note": v.change_note}
            for v in sorted(d.versions, key=lambda v: v.version_no)
        ],
        "attachments": [
            {
                "id": a.id, "filename": a.filename, "content_type": a.content_type, "size": a.size,
                "url": public_url_for("disclosures.attachment_download", disclosure_id=d.id, attachment_id=a.id,
                                      name=a.filename),
            }
            for a in services.active_attachments(d)
        ],
    })
    return jsonify(body)


def _nullable(schema: dict) -> dict:
    return {**schema, "nullable": True}


STR, INT, BOOL = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
DATE = {"type": "string", "format": "date"}
ITEM_PROPS = {
    "id": INT, "number": STR, "title": STR,
    "category": {"type": "string", "enum": list(CATEGORIES)},
    "budget_kind": {"type": "string", "enum": list(BUDGET_KINDS), "nullable": True},
    "form": STR, "issuer": STR, "issued_on": _nullable(DATE),
    "url": {"type": "string", "format": "uri"}, "snippet": STR,
}
SCHEMAS = {
    "DisclosureItem": {"type": "object", "properties": ITEM_PROPS, "required": list(ITEM_PROPS)},
    "DisclosureList": {
        "type": "object",
        "properties": {
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/DisclosureItem"}},
            "total": INT, "page": INT, "per_page": INT,
        },
        "required": ["items", "total", "page", "per_page"],
    },
    "DisclosureDetail": {
        "allOf": [
            {"$ref": "#/components/schemas/DisclosureItem"},
            {
                "type": "object",
                "properties": {
                    "summary": STR, "body_html": STR, "budget_kind_label": _nullable(STR),
                    "budget_label": _nullable(STR), "budget_year": _nullable(INT), "budget_quarter": _nullable(INT),
                    "budget_period": {"type": "string", "enum": ["quarter", "half_year", "year", "final"],
                                      "nullable": True, "deprecated": True,
                                      "description": "Former period code; use budget_kind"},
                    "category_label": STR,
                    "effective_on": _nullable(DATE), "posting_start": _nullable(DATE), "posting_end": _nullable(DATE),
                    "status": {"type": "string", "enum": ["published", "withdrawn"]},
                    "withdrawn_reason": _nullable(STR), "is_project": BOOL,
                    "groups": {"type": "array", "items": STR},
                    "comments_open": BOOL, "comments_open_from": _nullable(DATE),
                    "comments_open_until": _nullable(DATE), "published_at": _nullable(STR), "version": INT,
                    "versions": {"type": "array", "items": {
                        "type": "object",
                        "properties": {"version": INT, "created_at": STR, "change_note": STR},
                        "required": ["version", "created_at", "change_note"],
                    }},
                    "attachments": {"type": "array", "items": {
                        "type": "object",
                        "properties": {"id": INT, "filename": STR, "content_type": STR, "size": INT,
                                       "url": {"type": "string", "format": "uri"}},
                        "required": ["id", "filename", "content_type", "size", "url"],
                    }},
                },
                "required": ["summary", "body_html", "status", "version", "versions", "attachments", "category_label"],
            },
        ]
    },
}
ERR = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
PATHS = {
    "/api/v1/disclosures": {
        "get": {
            "summary": "Published disclosures (newest first, or by relevance when q is given)",
            "operationId": "listDisclosures",
            "parameters": [
                {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 200},
                 "description": "Search text, with or without Vietnamese diacritics, or a document number"},
                {"name": "category", "in": "query", "schema": {"type": "string", "enum": list(CATEGORIES)}},
                {"name": "budget_kind", "in": "query", "schema": {"type": "string", "enum": list(BUDGET_KINDS)},
                 "description": "Kind of budget document (Law 10/2022 Art. 11): draft estimate, approved "
                                "estimate, execution (quarter, 6 months, year), final accounts, audit results"},
                {"name": "budget_year", "in": "query",
                 "schema": {"type": "integer", "minimum": 1900, "maximum": 2100},
                 "description": "Fiscal year a budget document concerns"},
                {"name": "year", "in": "query", "schema": {"type": "integer", "minimum": 1900, "maximum": 2100},
                 "description": "Year of the issue date"},
                {"name": "page", "in": "query",
                 "schema": {"type": "integer", "minimum": 1, "maximum": 100_000, "default": 1}},
                {"name": "per_page", "in": "query",
                 "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": 20}},
            ],
            "responses": {
                "200": {"description": "A page of disclosures",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DisclosureList"}}}},
                "400": {"description": "Invalid parameter", **ERR},
                "503": {"description": "The search cannot answer right now (see the Retry-After header); "
                                       "while the search index is rebuilt, results come from the database "
                                       "(header X-Search-Index: rebuilding) instead", **ERR},
            },
        }
    },
    "/api/v1/disclosures/{id}": {
        "get": {
            "summary": "One published or withdrawn disclosure with its metadata, files and versions",
            "operationId": "getDisclosure",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "responses": {
                "200": {"description": "The disclosure",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DisclosureDetail"}}}},
                "404": {"description": "No public disclosure with this id", **ERR},
            },
        }
    },
}
FEED_RESPONSE = {
    "200": {
        "description": "Atom 1.0 feed (RFC 4287): feed/title, id, updated, link; entries with title, id, link, "
                       "published, updated, category (term = category code) and a plain-text summary",
        "content": {"application/atom+xml": {"schema": {"type": "string"}}},
    }
}
PATHS["/cong-khai/atom.xml"] = {
    "get": {"summary": "Atom feed of the latest public disclosures", "operationId": "disclosureFeed",
            "tags": ["feeds"], "responses": FEED_RESPONSE}
}
PATHS["/cong-khai/linh-vuc/{category}/atom.xml"] = {
    "get": {
        "summary": "Atom feed of the latest public disclosures of one category", "operationId": "categoryFeed",
        "tags": ["feeds"],
        "parameters": [{"name": "category", "in": "path", "required": True,
                        "schema": {"type": "string", "enum": list(CATEGORIES)}}],
        "responses": {**FEED_RESPONSE, "404": {"description": "Unknown category"}},
    }
}


"""The JSON API's shared parts: the OpenAPI document assembled from each package's fragment,
and JSON error helpers. Packages call ``add_openapi(app, paths, schemas)`` in their ``register``."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify

bp = Blueprint("api", __name__, url_prefix="/api/v1")

BASE_DOCUMENT = {
    "openapi": "3.0.3",
    "info": {
        "title": "Cổng Dân chủ cơ sở API",
        "version": "1.0.0",
        "description": "Open data of the ward's disclosures and residents' petitions (no personal data).",
    },
    "components": {
        "schemas": {
            "Error": {
                "type": "object",
                "properties": {
                    "error": {"type": "string"},
                    "message": {"type": "string"},
                    "status": {"type": "integer"},
                },
                "required": ["error", "message"],
            }
        }
    },
}


def add_openapi(app, paths: dict, schemas: dict | None = None) -> None:
    spec = app.extensions.setdefault("openapi", {"paths": {}, "schemas": {}})
    spec["paths"].update(paths)
    spec["schemas"].update(schemas or {})


def openapi_document() -> dict:
    spec = current_app.extensions.get("openapi", {"paths": {}, "schemas": {}})
    doc = {**BASE_DOCUMENT, "paths": dict(sorted(spec["paths"].items()))}
    doc["components"] = {"schemas": {**BASE_DOCUMENT["components"]["schemas"], **spec["schemas"]}}
    return doc


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())


def json_error(status: int, message: str, fields: dict | None = None):
    body = {"error": message, "message": message, "status": status}
    if fields:
        body["fields"] = fields
    return jsonify(body), status

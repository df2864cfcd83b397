from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from flask import Blueprint, Response, current_app, jsonify, redirect, render_template, request
from sqlalchemy import text

from portal.extensions import db
from portal.inputs import safe_redirect_target

bp = Blueprint("site", __name__)


@bp.get("/gioi-thieu")
def about():
    return render_template("site/about.html")


@bp.get("/lien-he")
def contact():
    return render_template("site/contact.html")


@bp.get("/en/about")
def about_en():
    return render_template("site/about_en.html")


def _safe_next(target: str | None) -> str:
    """The one check of a ``next`` target (the language switch, the login page)."""
    return safe_redirect_target(target)


@bp.get("/ngon-ngu/<lang>")
def set_language(lang: str):
    target = _safe_next(request.args.get("next") or request.referrer and urlsplit(request.referrer).path)
    response = redirect(target)
    if lang in current_app.config["LANGUAGES"]:
        response.set_cookie(
            "lang", lang, max_age=365 * 24 * 3600, samesite="Lax", httponly=True,
            secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
        )
    return response


_FAVICON: dict[str, bytes] = {}


@bp.get("/favicon.ico")
def favicon():
    """Browsers ask for /favicon.ico whatever the page links: the static icon (read once, kept in
    memory: no open file left to a client that never reads the body), cached for a day."""
    if "icon" not in _FAVICON:
        _FAVICON["icon"] = (Path(current_app.static_folder) / "favicon.ico").read_bytes()
    response = Response(_FAVICON["icon"], mimetype="image/vnd.microsoft.icon")
    response.cache_control.public = True
    response.cache_control.max_age = 86400
    return response


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
        ok = True
    except Exception:  # pragma: no cover - database down
        db.session.rollback()
        ok = False
    return jsonify({"status": "ok" if ok else "degraded", "database": ok}), 200 if ok else 503

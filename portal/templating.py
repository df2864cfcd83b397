"""Template helpers shared by every package."""
from __future__ import annotations

import datetime as dt

from flask import url_for
from werkzeug.routing import BuildError

from portal.sanitize import nest_headings
from portal.ward import VN_TZ  # noqa: F401  (re-exported: templates and older imports use it here)


def nav_url(endpoint: str, **values) -> str | None:
    """URL of an endpoint, or None when the feature providing it is not installed."""
    try:
        return url_for(endpoint, **values)
    except BuildError:
        return None


def format_date(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.astimezone(VN_TZ).date() if value.tzinfo else value.date()
    return value.strftime("%d/%m/%Y")


def format_datetime(value) -> str:
    if value is None:
        return ""
    if value.tzinfo:
        value = value.astimezone(VN_TZ)
    return value.strftime("%H:%M %d/%m/%Y")


def format_size(num: int | None) -> str:
    if not num:
        return "0 B"
    for unit in ("B", "KB", "MB", "GB"):
        if num < 1024 or unit == "GB":
            return f"{num:.0f} {unit}" if unit == "B" else f"{num:.1f} {unit}".replace(".", ",")
        num /= 1024
    return str(num)


def init_app(app) -> None:
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["datetime"] = format_datetime
    app.jinja_env.filters["filesize"] = format_size
    app.jinja_env.filters["nest_headings"] = nest_headings  # stored body HTML under the page's headings
    from portal.i18n import translate

    app.jinja_env.filters["tr"] = translate  # fixed Vietnamese labels from dicts, in the chosen locale
    register_globals(app)


def csrf_token_field():
    from flask_wtf.csrf import generate_csrf
    from markupsafe import Markup, escape

    return Markup(f'<input type="hidden" name="csrf_token" value="{escape(generate_csrf())}">')


def register_globals(app) -> None:
    app.jinja_env.globals["csrf_token_field"] = csrf_token_field
    app.jinja_env.globals["nav_url"] = nav_url
    from flask_babel import get_locale

    app.jinja_env.globals["get_locale"] = get_locale

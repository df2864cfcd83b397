"""Template helpers shared by every package."""
from __future__ import annotations

import datetime as dt

from flask import url_for
from werkzeug.routing import BuildError

from portal.sanitize import nest_headings
from portal.ward import local_date, local_time


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
        value = local_date(value)
    return value.strftime("%d/%m/%Y")


def format_datetime(value) -> str:
    if value is None:
        return ""
    return local_time(value).strftime("%H:%M %d/%m/%Y")


def format_size(num: int | None) -> str:
    if not num:
        return "0 B"
    for unit in ("B", "KB", "MB", "GB"):
        if num < 1024 or unit == "GB":
            return f"{num:.0f} {unit}" if unit == "B" else f"{num:.1f} {unit}".replace(".", ",")
        num /= 1024
    return str(num)


def init_app(app) -> None:
    """Portal's filters and globals. Every package registers its own the same way, in its
    ``register(app)``: ``app.add_template_filter(func, name)``, ``app.add_template_global(obj, name)``."""
    app.add_template_filter(format_date, "date")
    app.add_template_filter(format_datetime, "datetime")
    app.add_template_filter(format_size, "filesize")
    app.add_template_filter(nest_headings, "nest_headings")  # stored body HTML under the page's headings
    from portal.i18n import translate

    app.add_template_filter(translate, "tr")  # fixed Vietnamese labels from dicts, in the chosen locale
    register_globals(app)
    from portal import fragments

    fragments.register(app)  # layout_part: base.html's footer, kept per locale


def csrf_token_field():
    from flask_wtf.csrf import generate_csrf
    from markupsafe import Markup, escape

    return Markup(f'<input type="hidden" name="csrf_token" value="{escape(generate_csrf())}">')


class ConfigValues:
    """Configuration values read when a template uses them (``ward.name`` is ``WARD_NAME``)."""

    def __init__(self, **keys: str):
        self._keys = keys

    def __getattr__(self, name: str):
        from flask import current_app

        try:
            key = self._keys[name]
        except KeyError:
            raise AttributeError(name) from None
        return current_app.config[key]


WARD = ConfigValues(name="WARD_NAME", parent="WARD_PARENT", address="WARD_ADDRESS", hotline="WARD_HOTLINE",
                    email="WARD_EMAIL")
CONTACT_OFFICIAL = ConfigValues(name="CONTACT_NAME", position="CONTACT_POSITION", phone="CONTACT_PHONE",
                                email="CONTACT_EMAIL", updated_on="CONTACT_UPDATED_ON")


def register_globals(app) -> None:
    app.add_template_global(csrf_token_field, "csrf_token_field")
    app.add_template_global(nav_url, "nav_url")
    app.add_template_global(WARD, "ward")
    app.add_template_global(CONTACT_OFFICIAL, "contact_official")
    from portal.units import UNITS

    app.add_template_global(UNITS, "units")  # {{ units.Group_kind }}, _("… %(ward_kind)s …", **units)
    from flask_babel import get_locale

    app.add_template_global(get_locale, "get_locale")

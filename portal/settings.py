"""Admin-editable settings stored in the database (key → JSON value), over config defaults."""
from __future__ import annotations

from typing import Any

from flask import current_app
from sqlalchemy import JSON, String, select
from sqlalchemy.orm import Mapped, mapped_column

from portal import requestcache
from portal.extensions import db


class Setting(db.Model):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


def _stored_settings() -> dict[str, Any]:
    return dict(db.session.execute(select(Setting.key, Setting.value)).all())


def get_setting(key: str, default: Any = None) -> Any:
    """The stored value of ``key``, else the config's, else ``default``. Every stored setting is
    read at once, once per request (``portal.requestcache``)."""
    stored = requestcache.cached("settings", _stored_settings, Setting)
    if key in stored:
        return stored[key]
    return current_app.config.get(key, default)


def set_setting(key: str, value: Any, actor=None) -> None:
    from portal import audit

    row = db.session.get(Setting, key)
    old = row.value if row is not None else current_app.config.get(key)
    if row is None:
        row = Setting(key=key, value=value)
        db.session.add(row)
    else:
        row.value = value
    audit.record(actor, "setting.change", ("setting", key), {"old": old, "new": value})
    requestcache.forget("settings")

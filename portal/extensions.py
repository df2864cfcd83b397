"""Flask extensions, created unbound and bound in ``create_app``."""
from __future__ import annotations

import ipaddress
from functools import cached_property

from flask import has_request_context, request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class PortalBabel(Babel):
    """Flask-Babel whose ``gettext``/``lazy_gettext`` also fill the unit names (``%(ward_kind)s``,
    ``%(Group_kind)s``…, see portal.units) in every message, as portal.i18n's own helpers do."""

    @cached_property
    def domain_instance(self):
        from portal.i18n import UnitsDomain

        return UnitsDomain(domain=self.domain)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate(compare_type=True, render_as_batch=True)
csrf = CSRFProtect()
login_manager = LoginManager()
babel = PortalBabel()


def client_ip() -> str:
    """The client's address for rate limits, abuse blocks and the audit log: ``remote_addr`` as
    Werkzeug's ProxyFix set it from the trusted proxies' X-Forwarded-For (``PROXY_COUNT``), or the
    socket's peer without proxies; in canonical form. A forwarded value that is no IP address (a
    misconfigured proxy) gives way to the proxy's own address. "" outside a request."""
    if not has_request_context():
        return ""
    addr = request.remote_addr or ""
    try:
        return str(ipaddress.ip_address(addr))
    except ValueError:
        original = request.environ.get("werkzeug.proxy_fix.orig", {}).get("REMOTE_ADDR")
        return (original or addr)[:64]


def _limiter_key() -> str:
    return client_ip() or "unknown"


limiter = Limiter(key_func=_limiter_key, default_limits=[])


def select_locale() -> str:
    """Language from the ``lang`` cookie (set by the switcher), else Vietnamese."""
    from flask import current_app

    supported = current_app.config["LANGUAGES"]
    lang = request.args.get("lang") or request.cookies.get("lang")
    if lang in supported:
        return lang
    return current_app.config["BABEL_DEFAULT_LOCALE"]

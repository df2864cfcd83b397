"""Cổng Dân chủ cơ sở: the application factory."""
from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask


def create_app(config: type | Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    _configure(app, config)
    _configure_extensions(app)
    _register_blueprints(app)
    from portal import auditlabels, cli, errors, pagecache, registry, security, site, templating, urls

    templating.init_app(app)
    registry.init_app(app)
    urls.init_app(app)
    security.init_app(app)
    site.init_error_handlers(app)
    errors.init_app(app)  # DomainError: one handler for HTML and JSON
    cli.init_app(app)
    auditlabels.init_app(app)
    pagecache.init_app(app)  # last: its lookup runs after every other before_request hook
    _trust_proxies(app)
    return app


def _trust_proxies(app: Flask) -> None:
    """Behind ``PROXY_COUNT`` reverse proxies, take the client's address, scheme and host from the
    X-Forwarded-For/-Proto/-Host headers they add (the last ``PROXY_COUNT`` values only, so a
    client cannot forge them). Outermost WSGI layer: everything below sees the fixed values in
    ``request.remote_addr``. With 0 (the default) the headers are ignored."""
    count = app.config["PROXY_COUNT"]
    if count:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count, x_port=0, x_prefix=0)


def _configure(app: Flask, config: type | Mapping[str, Any] | None) -> None:
    from portal.config import CONFIGS, validate

    if config is None:
        config = CONFIGS.get(os.environ.get("PORTAL_ENV", "development"), CONFIGS["development"])
    if isinstance(config, Mapping):
        app.config.from_object(CONFIGS["testing"] if config.get("TESTING") else CONFIGS["development"])
        app.config.from_mapping(config)
    else:
        app.config.from_object(config)
    validate(app.config)  # refuses to start without a usable PUBLIC_URL in production

    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        key_file = instance / "secret_key"
        if not key_file.exists():
            key_file.write_text(secrets.token_hex(32))
            key_file.chmod(0o600)
        app.config["SECRET_KEY"] = key_file.read_text().strip()
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{instance / 'portal.db'}"
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("postgres://"):
        uri = "postgresql+psycopg://" + uri[len("postgres://"):]
    elif uri.startswith("postgresql://"):
        uri = "postgresql+psycopg://" + uri[len("postgresql://"):]
    app.config["SQLALCHEMY_DATABASE_URI"] = uri
    if uri.startswith("sqlite"):
        opts = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
        opts.pop("pool_pre_ping", None)
        opts.setdefault("connect_args", {"timeout": 30})
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = opts
    for key, default in (
        ("SEARCH_INDEX_DIR", "search-index"),
        ("UPLOAD_DIR", "files"),
        ("MAIL_DIR", "mail"),
    ):
        if not app.config.get(key):
            app.config[key] = str(instance / default)


def _configure_extensions(app: Flask) -> None:
    from portal.extensions import babel, csrf, db, limiter, login_manager, migrate, select_locale

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).resolve().parent.parent / "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    from flask_babel import gettext

    from portal.i18n import N_

    login_manager.login_message = N_("Vui lòng đăng nhập để tiếp tục.")  # translated when flashed

    login_manager.localize_callback = gettext
    login_manager.login_message_category = "warning"
    babel.init_app(
        app,
        locale_selector=select_locale,
        default_translation_directories=str(Path(__file__).parent / "translations"),
    )
    from portal import i18n

    i18n.install_jinja_callables(app)
    limiter.init_app(app)
    from portal import storage

    storage.init_app(app)

    with app.app_context():
        from portal import database

        database.configure_engine(db.engine)


def _register_blueprints(app: Flask) -> None:
    from portal import inputs

    inputs.init_app(app)  # the request class and URL converters, before any rule is added
    # Feature blueprints are imported here only: imports run moderation -> public_docs -> portal.
    import portal.models  # noqa: F401
    from portal.accounts.views import bp as accounts_bp
    from portal.admin import bp as admin_bp
    from portal.api import bp as api_bp
    from portal.site.views import bp as site_bp

    app.register_blueprint(site_bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(api_bp)
    from portal.extensions import csrf

    csrf.exempt(api_bp)

    _register_shell(app)
    from moderation import register as register_moderation
    from public_docs import register as register_public_docs

    register_public_docs(app)
    register_moderation(app)


def _register_shell(app: Flask) -> None:
    """What portal itself adds to the registries (``portal.registry``, ``portal.signals``)."""
    from portal import accounts
    from portal.i18n import _l
    from portal.registry import add_nav_entry
    from portal.settings import Setting
    from portal.signals import add_public_content, models_of
    from portal.ward import ResidentialGroup

    # Settings (the deadlines), residential groups and staff names appear on public pages.
    add_public_content(app, Setting, ResidentialGroup, *models_of(accounts))
    add_nav_entry(app, "staff", "admin.users", _l("Tài khoản cán bộ"), order=100, roles=("admin",))
    add_nav_entry(app, "staff", "admin.audit_log", _l("Nhật ký hệ thống"), order=110, roles=("admin",))
    add_nav_entry(app, "staff", "admin.groups", _l("Tổ dân phố"), order=120, roles=("admin",))

"""Dân bàn, dân kiểm tra, giám sát: residents' submissions, moderation and the Boards' work.

One subpackage per domain, each with its models, services and views:

- ``intake``: the petition and comment forms, receipts, tracking, supports, the JSON API
- ``queue``: the moderation queue and its code lists
- ``boards``: the Boards, their rosters and the routing of approved petitions
- ``cases``: a Board's case (triage transitions, deadlines, referral letters), the staff workspace
- ``consultations``: comments on draft documents and the published synthesis
- ``accountability``: the public petition pages, rating and dispute, ``/api/v1/stats``
- ``reports``: statistics, the periodic report files
- shared: ``abuse`` (defences of the public forms), ``notify`` (emails), ``maintenance``
  (digest, purge), ``documents`` (DOCX helpers), ``cli`` (``flask cases``, ``flask privacy``)
"""
from __future__ import annotations


def track_link(code: str) -> str:
    """Absolute tracking URL under PUBLIC_URL (in a request or from a command)."""
    from portal.urls import public_url_for

    return public_url_for("intake.track_code", code=code)


def seed_reference_data() -> None:
    """Topics, rejection reasons, holidays and the People's Inspection Board (idempotent)."""
    from moderation.boards.routing import seed_inspection_board
    from moderation.cases.deadlines import seed_holidays
    from moderation.intake import seed_topics
    from moderation.queue import seed_rejection_reasons

    seed_holidays()
    seed_inspection_board()
    seed_topics()
    seed_rejection_reasons()


def register(app) -> None:
    """Register the moderation blueprints, CLI commands and hooks on ``app``."""
    from moderation.abuse import models as _abuse_models  # noqa: F401  (tables known to the metadata)
    from moderation.boards import models as _boards_models  # noqa: F401
    from moderation.cases import models as _cases_models  # noqa: F401
    from moderation.consultations import models as _consultations_models  # noqa: F401
    from moderation.intake import models as _intake_models  # noqa: F401
    from moderation.queue import models as _queue_models  # noqa: F401
    from moderation.reports import cache as figures_cache

    figures_cache.watch()
    from moderation import abuse, cli
    from moderation.accountability import views as accountability
    from moderation.boards import views as boards
    from moderation.boards.demo import load_board_demo
    from moderation.cases import views as cases
    from moderation.consultations import synthesis_views, views as consultations
    from moderation.intake import api as intake_api, views as intake
    from moderation.intake.demo import load_demo_submissions
    from moderation.queue import admin_views as queue_admin, views as queue
    from moderation.reports import views as reports
    from portal.api import add_openapi
    from portal.extensions import csrf

    app.register_blueprint(cases.bp)
    app.register_blueprint(boards.bp)
    app.register_blueprint(accountability.bp)
    app.register_blueprint(reports.bp)
    app.register_blueprint(synthesis_views.bp)
    app.register_blueprint(accountability.api_bp)
    csrf.exempt(accountability.api_bp)
    add_openapi(app, accountability.OPENAPI_PATHS, accountability.OPENAPI_SCHEMAS)
    app.cli.add_command(cli.cases_cli)
    app.cli.add_command(cli.privacy_cli)

    app.extensions.setdefault("seed_reference_data", []).append(seed_reference_data)
    app.extensions.setdefault("demo_loaders", []).append(load_board_demo)
    app.extensions.setdefault("demo_loaders", []).append(load_demo_submissions)
    app.jinja_env.globals["track_link"] = track_link
    app.jinja_env.globals["form_guard_fields"] = abuse.started_field
    app.register_blueprint(intake.bp)
    app.register_blueprint(queue.bp)
    app.register_blueprint(queue_admin.bp)
    consultations.register_consultations(app)
    csrf.exempt(intake_api.bp)
    app.register_blueprint(intake_api.bp)
    add_openapi(app, intake_api.OPENAPI_PATHS, intake_api.OPENAPI_SCHEMAS)

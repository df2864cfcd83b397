"""Residents' submissions: public forms and tracking, JSON API, the moderation queue and its
admin lists. ``register_submissions(app)`` wires them (called from ``moderation.register``)."""
from __future__ import annotations


def track_link(code: str) -> str:
    """Absolute tracking URL under PUBLIC_URL (in a request or from a command)."""
    from portal.urls import public_url_for

    return public_url_for("moderation.track_code", code=code)


def _seed() -> None:
    from moderation.intake import seed_topics
    from moderation.queue import seed_rejection_reasons

    seed_topics()
    seed_rejection_reasons()


def register_submissions(app) -> None:
    from moderation import abuse

    app.extensions.setdefault("seed_reference_data", []).append(_seed)
    from moderation.demo import load_demo_submissions

    app.extensions.setdefault("demo_loaders", []).append(load_demo_submissions)
    from moderation.views import admin_lists, api, consultations, public, staff

    app.add_template_global(track_link, "track_link")
    app.add_template_global(abuse.started_field, "form_guard_fields")
    app.add_template_global(public.submission_status_label, "submission_status_label")
    from portal.api import add_openapi
    from portal.extensions import csrf

    app.register_blueprint(public.bp)
    app.register_blueprint(staff.bp)
    app.register_blueprint(admin_lists.bp)
    consultations.register_consultations(app)
    csrf.exempt(api.bp)
    app.register_blueprint(api.bp)
    add_openapi(app, api.OPENAPI_PATHS, api.OPENAPI_SCHEMAS)

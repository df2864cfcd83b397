"""Every channel in one register (issue 13): petitions received offline, citizen reception
sessions and dialogues with residents' registrations. ``register(app)`` wires it all."""
from __future__ import annotations


def register(app) -> None:
    from moderation.reception import api, cli, demo, models, views
    from portal.api import add_openapi
    from portal.extensions import csrf

    app.register_blueprint(views.bp)
    app.register_blueprint(views.staff_bp)
    csrf.exempt(api.bp)
    app.register_blueprint(api.bp)
    add_openapi(app, api.OPENAPI_PATHS, api.OPENAPI_SCHEMAS)
    app.cli.add_command(cli.reception_cli)
    app.extensions.setdefault("demo_loaders", []).append(demo.load_demo_reception)
    app.jinja_env.globals["channel_phrase"] = models.channel_phrase
    app.jinja_env.globals["channel_label"] = models.channel_label

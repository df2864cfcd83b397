"""Dân bàn và quyết định: matters residents decide by a meeting of household representatives or by
household ballot, with the result published (issue 14). ``register(app)`` wires the blueprints,
the CLI, the API's OpenAPI part and the demo loader; ``moderation.register`` calls it."""
from __future__ import annotations


def register(app) -> None:
    from moderation.decisions import api, cli, cycle, demo, models, public, views  # noqa: F401  (models: tables known)
    from portal.api import add_openapi
    from portal.extensions import csrf
    from portal.i18n import _l
    from portal.registry import add_nav_entry, add_template_hook
    from portal.signals import add_public_content, models_of

    app.register_blueprint(public.bp)
    add_template_hook(app, "disclosure-panels", cycle.disclosure_panel)
    app.register_blueprint(views.staff_bp)
    csrf.exempt(api.bp)
    app.register_blueprint(api.bp)
    add_openapi(app, api.OPENAPI_PATHS, api.OPENAPI_SCHEMAS)
    app.cli.add_command(cli.decisions_cli)
    app.extensions.setdefault("demo_loaders", []).append(demo.load_demo_decisions)
    # Matters, meetings, tallies and results are shown on public pages.
    add_public_content(app, *models_of(models), new_rows=True)
    add_nav_entry(app, "main", "decisions.index", _l("Dân bàn và quyết định"), order=35)
    add_nav_entry(app, "staff", "decisions_staff.staff_index", _l("Dân bàn và quyết định"), order=62,
                  roles=("editor", "moderator"))

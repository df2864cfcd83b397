"""Every channel in one register (issue 13): petitions received offline, citizen reception
sessions and dialogues with residents' registrations. ``register(app)`` wires it all."""
from __future__ import annotations


def register(app) -> None:
    from moderation.reception import api, cli, demo, models, public, services, views
    from portal.api import add_openapi
    from portal.extensions import csrf
    from portal.i18n import _l
    from portal.registry import add_nav_entry
    from portal.signals import add_public_content

    app.register_blueprint(public.bp)
    app.register_blueprint(views.staff_bp)
    csrf.exempt(api.bp)
    app.register_blueprint(api.bp)
    add_openapi(app, api.OPENAPI_PATHS, api.OPENAPI_SCHEMAS)
    app.cli.add_command(cli.reception_cli)
    app.extensions.setdefault("demo_loaders", []).append(demo.load_demo_reception)
    app.add_template_global(models.channel_phrase, "channel_phrase")
    app.add_template_global(models.channel_label, "channel_label")
    app.add_template_filter(public.local_time, "local_time")
    app.add_template_global(services.next_session, "next_reception_session")
    # The schedule is public: a new or changed session changes public pages.
    add_public_content(app, models.ReceptionSession, new_rows=True)
    add_nav_entry(app, "main", "reception.public_schedule", _l("Tiếp công dân"), order=55)
    add_nav_entry(app, "staff", "reception_staff.desk", _l("Tiếp công dân, tiếp nhận kiến nghị"), order=65,
                  roles=("reception", "moderator", "editor"))
    add_nav_entry(app, "staff", "reception_staff.report", _l("Báo cáo theo đề cương, số liệu bổ sung"), order=68,
                  roles=("editor", "moderator", "board_head"))

"""The Boards' own supervision work: plans, notices, visits, conclusions, follow-up (issue 15).

``register(app)`` adds the staff pages, the public Board pages, the API, the reminder command and
the demo loader; moderation's ``register`` calls it."""
from __future__ import annotations


def register(app) -> None:
    from moderation.supervision import models  # noqa: F401  (tables known to the metadata)
    from moderation.supervision.services import NOTICE_DEFAULT, NOTICE_SETTING

    app.config.setdefault(NOTICE_SETTING, NOTICE_DEFAULT)  # admins change it beside the SLA settings
    from moderation.supervision.public import OPENAPI_PATHS, OPENAPI_SCHEMAS, api_bp
    from moderation.supervision.public import bp as public_bp
    from moderation.supervision.views import bp
    from portal.api import add_openapi
    from portal.extensions import csrf

    app.register_blueprint(bp)
    app.register_blueprint(public_bp)
    app.register_blueprint(api_bp)
    csrf.exempt(api_bp)
    add_openapi(app, OPENAPI_PATHS, OPENAPI_SCHEMAS)
    from moderation.supervision.cli import supervisions_cli
    from moderation.supervision.demo import load_supervision_demo

    app.cli.add_command(supervisions_cli)
    app.extensions.setdefault("demo_loaders", []).append(load_supervision_demo)

    from portal.i18n import _l
    from portal.registry import add_nav_entry
    from portal.signals import add_public_content, models_of

    # Supervisions, their recommendations and the Board pages are public.
    add_public_content(app, *models_of(models), new_rows=True)
    add_nav_entry(app, "main", "supervision_public.boards", _l("Các Ban giám sát"), order=75)
    add_nav_entry(app, "staff", "supervision.index", _l("Giám sát của Ban"), order=35,
                  roles=("board_member", "board_head"))

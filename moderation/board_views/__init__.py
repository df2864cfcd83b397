"""The Boards' part of the portal: staff workspace, roster, reports, public accountability pages."""
from __future__ import annotations


def seed_board_reference_data() -> None:
    """Holidays for the working-day calendar and the People's Inspection Board (idempotent)."""
    from moderation.deadlines import seed_holidays
    from moderation.routing import seed_inspection_board

    seed_holidays()
    seed_inspection_board()


def register_board(app) -> None:
    from moderation.board_views import roster_views  # noqa: F401  (routes on the board blueprint)
    from moderation.board_views.workspace import bp as board_bp

    app.register_blueprint(board_bp)
    from moderation.board_views import public, workspace
    from moderation.board_views.public import OPENAPI_PATHS, OPENAPI_SCHEMAS, api_bp, bp as public_bp

    for func in (public.case_for_submission, public.case_public_status, public.project_board_for,
                 public.board_public_members, public.consultation_synthesis, public.vn_number,
                 workspace.case_status_label, workspace.board_position_label):
        app.add_template_global(func, func.__name__)
    from portal.api import add_openapi
    from portal.extensions import csrf

    app.register_blueprint(public_bp)
    from moderation.board_views.reports_views import bp as reports_bp

    app.register_blueprint(reports_bp)
    from moderation.board_views.synthesis_views import bp as synthesis_bp

    app.register_blueprint(synthesis_bp)
    app.register_blueprint(api_bp)
    csrf.exempt(api_bp)
    add_openapi(app, OPENAPI_PATHS, OPENAPI_SCHEMAS)
    from moderation.board_views.cli import cases_cli, privacy_cli

    app.cli.add_command(cases_cli)
    app.cli.add_command(privacy_cli)
    app.extensions.setdefault("seed_reference_data", []).append(seed_board_reference_data)
    from moderation.board_views.demo import load_board_demo

    app.extensions.setdefault("demo_loaders", []).append(load_board_demo)

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


def disclosure_panels(disclosure) -> str:
    """The disclosure page's panels (the template hook ``disclosure-panels``): the comment window
    and approved comments of a draft, and the supervision board of a project."""
    from flask import render_template

    return render_template("moderation/_disclosure_panels.html", d=disclosure)


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
    import moderation
    from moderation.abuse import models as _abuse_models  # noqa: F401  (tables known to the metadata)
    from moderation.boards import models as _boards_models  # noqa: F401
    from moderation.cases import models as _cases_models  # noqa: F401
    from moderation.cases.deadlines import working_days_between
    from moderation.consultations import models as _consultations_models  # noqa: F401
    from moderation.intake import models as _intake_models  # noqa: F401
    from moderation.queue import models as _queue_models  # noqa: F401
    from moderation.reports import cache as figures_cache
    from portal.i18n import _l
    from portal.registry import add_nav_entry, add_template_hook, set_working_days
    from portal.signals import add_public_content, models_of

    figures_cache.watch()
    set_working_days(app, working_days_between)  # the holiday calendar, for public_docs' posting rules
    from moderation import audit_labels
    from portal.auditlabels import add_audit_labels

    add_audit_labels(app, audit_labels.ACTIONS, audit_labels.SUBJECTS, audit_labels.FIELDS)
    # Changed or deleted rows: a decision, a Board's response, a topic. A new petition is not public.
    add_public_content(app, *models_of(moderation))
    add_template_hook(app, "disclosure-panels", disclosure_panels)
    for order, endpoint, label in (
        (30, "consultations.consultations", _l("Lấy ý kiến")),
        (40, "intake.petition_form", _l("Gửi phản ánh, kiến nghị")),
        (50, "intake.track", _l("Tra cứu")),
        (60, "accountability.public_petitions", _l("Kiến nghị công khai")),
        (70, "accountability.statistics", _l("Thống kê")),
    ):
        add_nav_entry(app, "main", endpoint, label, order=order)
    for order, endpoint, label, roles in (
        (20, "queue.index", _l("Hàng đợi kiểm duyệt"), ("moderator",)),
        (30, "cases.cases", _l("Vụ việc của Ban"), ("board_member", "board_head")),
        (40, "boards.roster", _l("Danh sách thành viên Ban"), ("board_member", "board_head", "admin")),
        (50, "consultations_synthesis.index", _l("Tổng hợp, tiếp thu, giải trình ý kiến"), ("editor",)),
        (60, "consultations_staff.offline", _l("Nhập ý kiến nhận trực tiếp"), ("editor", "moderator")),
        (70, "reports.index", _l("Báo cáo định kỳ"), ("editor", "moderator", "board_head")),
        (80, "queue_admin.topics", _l("Danh mục lĩnh vực, lý do từ chối, danh sách chặn"), ("admin",)),
        (90, "boards.holidays", _l("Ngày nghỉ lễ và thời hạn xử lý"), ("admin",)),
    ):
        add_nav_entry(app, "staff", endpoint, label, order=order, roles=roles)
    from moderation import abuse, cli
    from moderation.accountability import views as accountability
    from moderation.boards import views as boards
    from moderation.boards.demo import load_board_demo
    from moderation.cases import views as cases
    from moderation.consultations import synthesis_views
    from moderation.consultations import views as consultations
    from moderation.intake import api as intake_api
    from moderation.intake import views as intake
    from moderation.intake.demo import load_demo_submissions
    from moderation.queue import admin_views as queue_admin
    from moderation.queue import views as queue
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
    app.add_template_global(track_link, "track_link")
    from moderation.cases.texts import stored_text

    app.add_template_filter(stored_text, "stored_text")  # a case's stored sentences in the page's language
    app.add_template_global(abuse.started_field, "form_guard_fields")
    app.add_template_global(intake.submission_status_label, "submission_status_label")
    for func in (accountability.case_for_submission, accountability.case_public_status,
                 accountability.project_board_for, accountability.board_public_members,
                 accountability.consultation_synthesis, accountability.vn_number,
                 cases.case_status_label, cases.board_position_label):
        app.add_template_global(func, func.__name__)
    app.register_blueprint(intake.bp)
    app.register_blueprint(queue.bp)
    app.register_blueprint(queue_admin.bp)
    consultations.register_consultations(app)
    csrf.exempt(intake_api.bp)
    app.register_blueprint(intake_api.bp)
    add_openapi(app, intake_api.OPENAPI_PATHS, intake_api.OPENAPI_SCHEMAS)

    from moderation.reception import register as register_reception

    register_reception(app)
    from moderation.privacy import register as register_privacy

    register_privacy(app)

    from moderation.decisions import register as register_decisions

    register_decisions(app)

    from moderation.supervision import register as register_supervision

    register_supervision(app)

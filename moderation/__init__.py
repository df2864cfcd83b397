"""Dân bàn, dân kiểm tra, giám sát: residents' submissions, moderation and the Boards' work."""
from __future__ import annotations


def disclosure_panels(disclosure) -> str:
    """The disclosure page's panels (the template hook ``disclosure-panels``): the comment window
    and approved comments of a draft, and the supervision board of a project."""
    from flask import render_template

    return render_template("moderation/_disclosure_panels.html", d=disclosure)


def register(app) -> None:
    """Register the moderation blueprints, CLI commands and hooks on ``app``."""
    import moderation
    from moderation import models  # noqa: F401  (tables known to the metadata)
    from moderation.reports import cache as figures_cache
    from portal.i18n import _l
    from portal.registry import add_nav_entry, add_template_hook
    from portal.signals import add_public_content, models_of

    figures_cache.watch()
    # Changed or deleted rows: a decision, a Board's response, a topic. A new petition is not public.
    add_public_content(app, *models_of(moderation))
    add_template_hook(app, "disclosure-panels", disclosure_panels)
    for order, endpoint, label in (
        (30, "moderation.consultations", _l("Lấy ý kiến")),
        (40, "moderation.petition_form", _l("Gửi phản ánh, kiến nghị")),
        (50, "moderation.track", _l("Tra cứu")),
        (60, "accountability.public_petitions", _l("Kiến nghị công khai")),
        (70, "accountability.statistics", _l("Thống kê")),
    ):
        add_nav_entry(app, "main", endpoint, label, order=order)
    for order, endpoint, label, roles in (
        (20, "queue.index", _l("Hàng đợi kiểm duyệt"), ("moderator",)),
        (30, "board.cases", _l("Vụ việc của Ban"), ("board_member", "board_head")),
        (40, "board.roster", _l("Danh sách thành viên Ban"), ("board_member", "board_head", "admin")),
        (50, "synthesis.index", _l("Tổng hợp, tiếp thu, giải trình ý kiến"), ("editor",)),
        (60, "consultation_staff.offline", _l("Nhập ý kiến nhận trực tiếp"), ("editor", "moderator")),
        (70, "reports.index", _l("Báo cáo định kỳ"), ("editor", "moderator", "board_head")),
        (80, "queue_admin.topics", _l("Danh mục lĩnh vực, lý do từ chối, danh sách chặn"), ("admin",)),
        (90, "board.holidays", _l("Ngày nghỉ lễ và thời hạn xử lý"), ("admin",)),
    ):
        add_nav_entry(app, "staff", endpoint, label, order=order, roles=roles)
    from moderation.board_views import register_board

    register_board(app)
    from moderation.views import register_submissions

    register_submissions(app)

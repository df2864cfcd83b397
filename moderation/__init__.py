"""Dân bàn, dân kiểm tra, giám sát: residents' submissions, moderation and the Boards' work."""
from __future__ import annotations


def register(app) -> None:
    """Register the moderation blueprints, CLI commands and hooks on ``app``."""
    from moderation import models  # noqa: F401  (tables known to the metadata)
    from moderation.reports import cache as figures_cache

    figures_cache.watch()
    from moderation.board_views import register_board

    register_board(app)
    from moderation.views import register_submissions

    register_submissions(app)
    from moderation.supervision import register as register_supervision

    register_supervision(app)

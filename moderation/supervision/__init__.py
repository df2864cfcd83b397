"""The Boards' own supervision work: plans, notices, visits, conclusions, follow-up (issue 15).

``register(app)`` adds the staff pages, the public Board pages, the API, the reminder command and
the demo loader; moderation's ``register`` calls it."""
from __future__ import annotations


def register(app) -> None:
    from moderation.supervision import models  # noqa: F401  (tables known to the metadata)
    from moderation.supervision.views import bp

    app.register_blueprint(bp)

"""Supports at which the Board must answer a petition in public (issue 18, item 1).

``SUPPORT_PUBLIC_ANSWER_THRESHOLD`` (a setting; 0 turns it off): when a petition's supports reach it,
its case is marked once as needing a public answer: ``Case.public_answer_due_at`` and the threshold
reached, a public event on the case (the Board's case page and the public page show it) and an
audit event. A closed case is not marked: closed petitions take no more supports."""
from __future__ import annotations

from flask import current_app

from moderation.cases import texts
from moderation.cases.common import add_event
from moderation.cases.models import Case, CaseEvent, CaseStatus
from portal import audit
from portal.database import utcnow
from portal.extensions import db
from portal.settings import get_setting

EVENT_KIND = "public_answer_due"


def support_threshold() -> int:
    """The number of supports at which the Board must answer in public; 0: no threshold."""
    try:
        value = int(get_setting("SUPPORT_PUBLIC_ANSWER_THRESHOLD",
                                current_app.config.get("SUPPORT_PUBLIC_ANSWER_THRESHOLD", 0)) or 0)
    except (TypeError, ValueError):
        return 0
    return max(0, value)


def mark_public_answer_due(case: Case | None, supports: int) -> CaseEvent | None:
    """Mark ``case`` as needing a public answer when ``supports`` reached the threshold (once)."""
    threshold = support_threshold()
    if case is None or not threshold or supports < threshold or case.public_answer_due_at is not None:
        return None
    if case.status == CaseStatus.closed:
        return None
    case.public_answer_due_at = utcnow()
    case.public_answer_supports = threshold
    event = add_event(case, "system", EVENT_KIND,
                      texts.fill(texts.PUBLIC_ANSWER_DUE, n=threshold), public=True)
    audit.record("system", "case.public_answer_due", case, {"supports": supports, "threshold": threshold})
    db.session.flush()
    return event

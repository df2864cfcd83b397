"""The demo loader: submissions in various states, some routed to the Board."""
from __future__ import annotations

from sqlalchemy import func, select

from moderation.intake.models import Submission, SubmissionStatus


def test_demo_loader(app, db):
    from portal.cli import load_demo_staff

    load_demo_staff()
    for loader in app.extensions["demo_loaders"]:
        loader()
    db.session.commit()
    statuses = dict(db.session.execute(select(Submission.status, func.count()).group_by(Submission.status)).all())
    assert sum(statuses.values()) >= 15
    for st in ("received", "in_review", "approved", "rejected", "needs_info", "duplicate", "redirected"):
        assert statuses.get(SubmissionStatus(st), 0) >= 1, st
    from moderation.cases.models import Case

    assert db.session.scalar(select(func.count(Case.id))) >= 3
    again = db.session.scalar(select(func.count(Submission.id)))
    for loader in app.extensions["demo_loaders"]:
        loader()
    assert db.session.scalar(select(func.count(Submission.id))) == again

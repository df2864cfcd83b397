"""Reminders of the supervisions' recommendations: due soon or overdue, emailed to each Board head
with the same horizon and idempotency as the case digest (``flask cases digest``, ``flask
supervisions remind``)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from moderation.boards.models import Board, BoardMember
from moderation.cases import deadlines
from moderation.supervision.models import Recommendation, Supervision, SupervisionStatus
from portal.extensions import db

S = SupervisionStatus


def due_recommendations(board: Board, on: dt.date | None = None, horizon_days: int = 2):
    """(due soon, overdue) recommendations of the Board awaiting an answer, for the reminder digest."""
    on = on or deadlines.today()
    horizon = deadlines.add_working_days(on, horizon_days)
    rows = db.session.scalars(
        select(Recommendation).join(Supervision, Supervision.id == Recommendation.supervision_id)
        .where(Supervision.board_id == board.id, Supervision.status == S.concluded,
               Recommendation.sent_on.is_not(None), Recommendation.answered_on.is_(None))
        .order_by(Recommendation.due_on, Recommendation.id)
    ).all()
    due = [r for r in rows if r.due_on is not None and on <= r.due_on <= horizon]
    overdue = [r for r in rows if r.due_on is not None and r.due_on < on]
    return due, overdue


def send_recommendation_reminders(on: dt.date | None = None) -> list[dict]:
    """Email each Board head the recommendations due within 2 working days and those overdue (the
    same horizon and idempotency as the case digest)."""
    from flask import render_template

    from moderation.maintenance import DIGEST_HORIZON_DAYS
    from portal.accounts.models import User
    from portal.outbox import enqueue_email

    on = on or deadlines.today()
    sent = []
    for board in db.session.scalars(select(Board).order_by(Board.id)):
        due, overdue = due_recommendations(board, on, DIGEST_HORIZON_DAYS)
        if not due and not overdue:
            continue
        heads = db.session.scalars(
            select(User).join(BoardMember, BoardMember.user_id == User.id)
            .where(BoardMember.board_id == board.id, BoardMember.position == "head", User.active.is_(True))
        ).all()
        for head in heads:
            text = render_template("supervision/email/digest.txt", board=board, due=due, overdue=overdue,
                                   on=on, member=head)
            subject, _, body = text.partition("\n")
            enqueue_email(head.email, subject.strip(), body.lstrip("\n"),
                          key=f"supervision-digest:{board.id}:{head.id}:{on.isoformat()}")
            sent.append({"to": head.email, "board": board.name, "due": len(due), "overdue": len(overdue)})
    db.session.flush()
    return sent

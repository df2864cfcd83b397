"""Helpers for Board tests: approved petitions created directly through the models."""
from __future__ import annotations

import datetime as dt
import itertools

from portal.extensions import db

_seq = itertools.count(1)


def make_petition(*, title="Đường ngập nước", description="Mô tả kiến nghị", email="dan@example.vn",
                  name="Nguyễn Văn Dân", phone="0905000111", disclosure_id=None, topic=None, group=None,
                  visibility="named", status="approved", created_at=None, display_name="Nguyễn Văn Dân"):
    from moderation.intake.models import Submission, SubmissionKind, SubmissionStatus, SubmitterContact, Visibility

    n = next(_seq)
    sub = Submission(
        receipt_code=f"KN-TEST-{n:05d}", kind=SubmissionKind.petition, status=SubmissionStatus(status),
        visibility=Visibility(visibility), title=title, description=description,
        display_name=display_name if visibility == "named" else "",
        disclosure_id=disclosure_id, topic_id=getattr(topic, "id", topic),
        group_id=getattr(group, "id", group),
    )
    if created_at is not None:
        sub.created_at = created_at
    db.session.add(sub)
    db.session.flush()
    if email is not None or phone:
        db.session.add(SubmitterContact(submission_id=sub.id, name=name, phone=phone or "",
                                        email=email or "", address="12 Lê Lợi",
                                        consent_at=dt.datetime.now(dt.timezone.utc), consent_version="2026-01"))
    db.session.flush()
    return sub


def make_project(number=None, title="Dự án nâng cấp đường Lê Lợi"):
    from public_docs.disclosures.models import Disclosure, DisclosureStatus

    n = next(_seq)
    d = Disclosure(number=number or f"{n}/QĐ-UBND", title=title, category="projects", is_project=True,
                   status=DisclosureStatus.published)
    db.session.add(d)
    db.session.flush()
    return d


def make_board(kind="supervision", name="Ban giám sát đầu tư của cộng đồng", project=None, members=()):
    """``members``: iterable of (user_or_None, position)."""
    from moderation.boards.models import Board, BoardKind, BoardMember

    board = Board(kind=BoardKind(kind), name=name, project_id=getattr(project, "id", None))
    db.session.add(board)
    db.session.flush()
    for user, position in members:
        db.session.add(BoardMember(board_id=board.id, user_id=getattr(user, "id", None), position=position))
    db.session.flush()
    return board


def add_member(board, user, position="member", group=None, term_start=None, term_end=None):
    from moderation.boards.models import BoardMember

    m = BoardMember(board_id=board.id, user_id=getattr(user, "id", None), position=position,
                    group_id=getattr(group, "id", group), term_start=term_start, term_end=term_end)
    db.session.add(m)
    db.session.flush()
    db.session.refresh(board)
    return m

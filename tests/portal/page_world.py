"""A ward with ``n`` rows of every kind a list page shows, grown in steps (``grow(world, 45)`` after
``grow(world, 5)`` gives 50 of each): disclosures (published, some open for comments, some with a
closed consultation, a withdrawn one), petitions in every moderation state, comments, Board cases
in every state with referrals, responses and ratings, staff accounts, Board members, residential
groups, topics, rejection reasons, blocklist entries, holidays and audit events.

Rows are written through the models (fast, no emails), with the fields the pages read filled in the
way the services fill them."""
from __future__ import annotations

import datetime as dt
import itertools

from portal.extensions import db

CASE_STATES = ["new", "assigned", "verifying", "referred", "answered", "closed", "reopened"]
SUBMISSION_STATES = ["received", "in_review", "needs_info", "approved", "rejected", "duplicate", "redirected"]


class World:
    def __init__(self):
        self.seq = itertools.count(1)
        self.staff_id = None
        self.board_id = None
        self.first_consultation_id = None
        self.rows = itertools.count()
        self.topic_ids: list[int] = []
        self.group_ids: list[int] = []
        self.user_ids: list[int] = []

    def spread(self, ids: list[int]) -> int:
        """The next of ``ids`` in turn: consecutive rows point at different topics, groups, staff,
        so that a page of rows refers to as many of them as the world has."""
        return ids[next(self.rows) % len(ids)]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def grow(world: World, n: int) -> World:
    """Add ``n`` rows of each kind (commits)."""
    from moderation.abuse.models import BlocklistEntry
    from moderation.boards.models import BoardMember
    from moderation.boards.routing import get_inspection_board
    from moderation.cases.models import Case, CaseEvent, CaseStatus, Holiday, Referral
    from moderation.intake.models import (
        Submission,
        SubmissionEvent,
        SubmissionKind,
        SubmissionStatus,
        SubmitterContact,
        Topic,
        Visibility,
    )
    from moderation.queue.models import RejectionReason
    from portal import audit
    from portal.accounts import services as accounts
    from portal.accounts.models import User
    from portal.ward import ResidentialGroup
    from public_docs.disclosures.models import Disclosure, DisclosureStatus, DisclosureVersion

    if world.staff_id is None:
        staff = accounts.create_user("all-roles@test.phuong.vn",
                                     ["admin", "editor", "moderator", "board_member", "board_head"],
                                     "Str0ng-Passw0rd!", name="Cán bộ")
        world.board_id = get_inspection_board().id
        db.session.add(BoardMember(board_id=world.board_id, user_id=staff.id, position="head"))
        db.session.flush()
        world.staff_id = staff.id
    staff = db.session.get(User, world.staff_id)
    now = _now()
    today = now.date()
    for _ in range(n):
        i = next(world.seq)
        group = ResidentialGroup(code=f"W{i:04d}", name=f"Tổ dân phố thử {i}", position=100 + i)
        topic = Topic(code=f"w{i}", name=f"Lĩnh vực thử {i}", position=100 + i)
        db.session.add_all([group, topic,
                            RejectionReason(code=f"w{i}", public_text=f"Lý do thử {i}"),
                            BlocklistEntry(kind="email", value=f"chan{i}@example.vn", note="thử"),
                            Holiday(day=dt.date(2030, 1, 1) + dt.timedelta(days=i), name=f"Ngày nghỉ thử {i}")])
        user = accounts.create_user(f"canbo{i}@test.phuong.vn", ["board_member", "moderator"], "Str0ng-Passw0rd!",
                                    name=f"Cán bộ {i}")
        db.session.flush()
        db.session.add(BoardMember(board_id=world.board_id, user_id=user.id, position="member", group_id=group.id))
        world.topic_ids.append(topic.id)
        world.group_ids.append(group.id)
        world.user_ids.append(user.id)

        # Disclosures: published (every fourth open for comments, every fourth with a closed
        # consultation), one withdrawn in ten.
        disclosure = Disclosure(
            number=f"{i}/TB-UBND", title=f"Thông báo thử số {i}", summary="Tóm tắt", body_source="Nội dung",
            body_html="<p>Nội dung</p>", category=("plans", "projects", "budget", "land")[i % 4],
            form="Thông báo", issuer="UBND phường", issued_on=today - dt.timedelta(days=i % 30),
            effective_on=today - dt.timedelta(days=i % 30), posting_start=today - dt.timedelta(days=i % 30),
            status=DisclosureStatus.withdrawn if i % 10 == 0 else DisclosureStatus.published,
            is_project=(i % 4 == 1), published_at=now - dt.timedelta(hours=i), version_no=1,
            withdrawn_at=now if i % 10 == 0 else None, withdrawn_reason="Thử" if i % 10 == 0 else "",
            secrecy_confirmed_at=now,
        )
        if i % 4 == 2:
            disclosure.comments_open_from = today - dt.timedelta(days=5)
            disclosure.comments_open_until = today + dt.timedelta(days=10)
        elif i % 4 == 3:
            disclosure.comments_open_from = today - dt.timedelta(days=40)
            disclosure.comments_open_until = today - dt.timedelta(days=10)
        disclosure.groups = [group]
        db.session.add(disclosure)
        db.session.flush()
        db.session.add(DisclosureVersion(disclosure_id=disclosure.id, version_no=1, title=disclosure.title,
                                         summary=disclosure.summary, body_html=disclosure.body_html,
                                         snapshot={"number": disclosure.number}))
        audit.record(staff, "disclosure.publish", ("disclosure", disclosure.id))

        # Petitions in every moderation state; the approved ones get a case in every state.
        for k, state in enumerate(SUBMISSION_STATES):
            sub = Submission(
                receipt_code=f"KN-W{i:04d}{k}", kind=SubmissionKind.petition, status=SubmissionStatus(state),
                visibility=Visibility.named if k % 2 else Visibility.anonymous, title=f"Kiến nghị thử {i}-{k}",
                description="Mô tả kiến nghị thử", display_name="Nguyễn Văn Dân",
                topic_id=world.spread(world.topic_ids), group_id=world.spread(world.group_ids),
                created_at=now - dt.timedelta(days=(i * 3 + k) % 60),
                claimed_by_id=world.spread(world.user_ids) if state == "in_review" else None,
                claimed_until=now + dt.timedelta(minutes=10) if state == "in_review" else None,
                moderated_at=now if state not in ("received", "in_review") else None,
                disclosure_id=disclosure.id if disclosure.is_project and k == 3 else None,
            )
            db.session.add(sub)
            db.session.flush()
            db.session.add(SubmitterContact(submission_id=sub.id, name="Nguyễn Văn Dân", phone="0905000111",
                                            email=f"dan{i}-{k}@example.vn", address="12 Lê Lợi",
                                            consent_at=now, consent_version="2026-01"))
            db.session.add(SubmissionEvent(submission_id=sub.id, action="submit", to_status="received",
                                           public_message="Đã nhận"))
        # A comment on every open or closed consultation, some approved.
        if disclosure.comments_open_from:
            for k in range(2):
                db.session.add(Submission(
                    receipt_code=f"YK-W{i:04d}{k}", kind=SubmissionKind.comment,
                    status=SubmissionStatus.approved if k == 0 else SubmissionStatus.received,
                    visibility=Visibility.named, title="", description=f"Góp ý thử {i}-{k}",
                    display_name="Trần Thị Góp Ý", disclosure_id=disclosure.id,
                    group_id=world.spread(world.group_ids),
                    moderated_at=now if k == 0 else None,
                ))
        # The first consultation gathers one more approved comment per step (its pages list them).
        world.first_consultation_id = world.first_consultation_id or (
            disclosure.id if disclosure.comments_open_from else None)
        if world.first_consultation_id:
            db.session.add(Submission(
                receipt_code=f"YK-F{i:04d}", kind=SubmissionKind.comment, status=SubmissionStatus.approved,
                visibility=Visibility.named, title="", description=f"Góp ý thêm {i}", display_name="Góp Ý Thêm",
                disclosure_id=world.first_consultation_id, group_id=world.spread(world.group_ids),
                moderated_at=now))
        # Cases in every state (one approved petition each).
        for k, state in enumerate(CASE_STATES):
            sub = Submission(
                receipt_code=f"KN-C{i:04d}{k}", kind=SubmissionKind.petition, status=SubmissionStatus.approved,
                visibility=Visibility.named, title=f"Hồ sơ thử {i}-{k}", description="Mô tả",
                display_name="Lê Văn Kiến", topic_id=world.spread(world.topic_ids),
                group_id=world.spread(world.group_ids),
                created_at=now - dt.timedelta(days=(i * 7 + k) % 90 + 1), moderated_at=now,
            )
            db.session.add(sub)
            db.session.flush()
            opened = now - dt.timedelta(days=(i * 5 + k) % 80)
            case = Case(submission_id=sub.id, board_id=world.board_id, status=CaseStatus(state),
                        routing_reason="Theo quy định", created_at=opened,
                        assignee_id=world.spread(world.user_ids) if state != "new" else None,
                        acknowledged_at=opened + dt.timedelta(days=1) if k % 2 else None)
            if state in ("answered", "closed", "reopened"):
                case.public_response = "Ban đã trả lời"
                case.responded_at = opened + dt.timedelta(days=8)
            if state == "closed":
                case.closed_at = opened + dt.timedelta(days=9)
                case.rating = 1 + i % 5
                case.rated_at = case.closed_at
            if state == "reopened":
                case.reopened_at = now - dt.timedelta(days=2)
                case.reopen_count = 1
            db.session.add(case)
            db.session.flush()
            db.session.add(CaseEvent(case_id=case.id, kind="route", to_status="new", text="Đã chuyển", public=True))
            if state in ("referred", "answered", "closed"):
                sent = (opened + dt.timedelta(days=3)).date()
                db.session.add(Referral(
                    case_id=case.id, agency="UBND phường", sent_on=sent, answer_due=sent + dt.timedelta(days=30),
                    answered_on=sent + dt.timedelta(days=10 + i % 30) if state != "referred" else None,
                    answer_summary="Đã trả lời" if state != "referred" else "",
                ))
                case.referred_at = opened + dt.timedelta(days=3)
            audit.record(staff, "case.route", case)
    db.session.commit()
    return world


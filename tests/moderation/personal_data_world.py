"""A small world for the personal-data access tests: staff of every role, Board A (the signed-in
Board users' own) and Board B (another Board, with its own members), and submissions in every
state, each with a contact, an attachment and an unmoderated text that differs from its public
version. Imported as ``personal_data_world`` by the tests of this folder."""
from __future__ import annotations

import datetime as dt
import itertools

from moderation.boards.models import Board, BoardKind, BoardMember
from moderation.cases.models import Case, CaseStatus
from moderation.intake.models import (
    Submission, SubmissionAttachment, SubmissionKind, SubmissionStatus, SubmitterContact, Visibility,
)
from portal.extensions import db

ROLES = ("admin", "editor", "moderator", "board_member", "board_head")
BOARD_ROLES = ("board_member", "board_head")
STATES = tuple(s.value for s in SubmissionStatus)
BOARDS = ("own", "other", "none")  # the case of the submission: on the user's Board, another one, none
PDF = b"%PDF-1.4\n% TEP-DINH-KEM-BI-MAT\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

_seq = itertools.count(1)


def expected_access(role: str, state: str, board: str) -> bool:
    """The rule: moderators and admins for every submission (the moderation queue); Board members
    only for a case of their own Board, once it left the queue (approved)."""
    if role in ("admin", "moderator"):
        return True
    if role in BOARD_ROLES:
        return board == "own" and state == "approved"
    return False


class World:
    def __init__(self, make_user):
        self.users = {role: make_user(role, name=f"Cán bộ {role}") for role in ROLES}
        self.board_a = Board(kind=BoardKind.inspection, name="Ban Thanh tra nhân dân (A)")
        self.board_b = Board(kind=BoardKind.supervision, name="Ban giám sát đầu tư (B)")
        db.session.add_all([self.board_a, self.board_b])
        db.session.flush()
        db.session.add(BoardMember(board_id=self.board_a.id, user_id=self.users["board_head"].id, position="head"))
        db.session.add(BoardMember(board_id=self.board_a.id, user_id=self.users["board_member"].id,
                                   position="member"))
        self.other_board_users = {}
        for role, position in (("board_head", "head"), ("board_member", "member")):
            user = make_user(role, name=f"Ban B {role}")
            self.other_board_users[role] = user
            db.session.add(BoardMember(board_id=self.board_b.id, user_id=user.id, position=position))
        db.session.commit()

    def board_for(self, board: str):
        return {"own": self.board_a, "other": self.board_b, "none": None}[board]

    def submission(self, state: str, board: str = "none") -> Submission:
        """A petition in ``state`` with contact, attachment and a redacted public text; with a case
        on Board A (``own``) or B (``other``) when asked (even in states where the routing would
        not make one: the rule must not depend on it)."""
        from portal.files import store_bytes

        n = next(_seq)
        sub = Submission(receipt_code=f"KN-PD{n:03d}-TEST-XX", kind=SubmissionKind.petition,
                         status=SubmissionStatus(state), visibility=Visibility.named,
                         title=f"Nguyên văn bí mật {n}: nhà ông Tèo số {n} lấn chiếm",
                         description=f"Nội dung chưa kiểm duyệt số {n}, có tên người khác.",
                         public_title=f"Kiến nghị công khai {n}", public_description=f"Bản công khai {n}.",
                         display_name=f"Người gửi {n}")
        db.session.add(sub)
        db.session.flush()
        data = PDF + f"% {n}\n".encode()
        db.session.add(SubmitterContact(submission_id=sub.id, name=f"Trần Thị Riêng{n}", phone=f"09051{n:05d}",
                                        email=f"rieng{n}@example.vn", address=f"{n} Lê Lợi",
                                        consent_at=dt.datetime.now(dt.timezone.utc), consent_version="2026-01"))
        db.session.add(SubmissionAttachment(submission_id=sub.id, filename=f"anh-{n}.pdf",
                                            content_type="application/pdf", size=len(data),
                                            sha256=store_bytes(data)))
        target = self.board_for(board)
        if target is not None:
            db.session.add(Case(submission_id=sub.id, board_id=target.id, status=CaseStatus.new))
        db.session.commit()
        return sub

    @staticmethod
    def secrets(sub: Submission) -> list[str]:
        """What must not reach a user who may not see this submission's personal data."""
        c = sub.contact
        return [c.name, c.phone, c.email, sub.title, sub.description]

    @staticmethod
    def case_of(sub: Submission) -> Case | None:
        from sqlalchemy import select

        return db.session.scalar(select(Case).where(Case.submission_id == sub.id))

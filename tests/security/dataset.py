"""The security tests' dataset: staff of every role, two Boards with a case each, a published
disclosure with an attachment, a draft, petitions, a comment, created through the models
(``build_dataset()``), with ``ids`` to fill URL parameters. Re-exported by :mod:`security.harness`,
the import path the tests use.

Optional models are imported inside ``try`` blocks; missing pieces are listed in
``Dataset.missing``.
"""
from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

ROLES = ("admin", "editor", "moderator", "board_member", "board_head", "reception")
PASSWORD = "Str0ng-Passw0rd!"


@dataclass
class Dataset:
    users: dict = field(default_factory=dict)  # role -> user (board users belong to board A)
    other_board_users: dict = field(default_factory=dict)  # role -> user of board B
    ids: dict = field(default_factory=dict)
    missing: list = field(default_factory=list)
    objects: dict = field(default_factory=dict)


_seq = itertools.count(1)


def _tiny_pdf(text: str = "Thông báo kết quả") -> bytes:
    try:
        from demo.minipdf import make_pdf

        return make_pdf("Tệp thử", [text])
    except Exception:  # noqa: BLE001 - fallback: a minimal valid PDF
        return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>"
                b"endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def make_staff(role: str, name: str | None = None, email: str | None = None):
    from portal.accounts import services

    n = next(_seq)
    return services.create_user(email or f"{role.replace('_', '-')}{n}@test.phuong.vn", [role], PASSWORD,
                                name=name or f"Cán bộ {role} {n}")


def make_petition(title="Đường ngập nước ở tổ 3", description="Mỗi khi mưa lớn đường bị ngập sâu.",
                  status="approved", visibility="anonymous", contact=None, disclosure_id=None,
                  display_name=""):
    from moderation.intake.models import Submission, SubmissionKind, SubmissionStatus, SubmitterContact, Visibility

    n = next(_seq)
    sub = Submission(receipt_code=f"KN-TEST-{n:04d}-XX", kind=SubmissionKind.petition,
                     status=SubmissionStatus(status), visibility=Visibility(visibility), title=title,
                     description=description, display_name=display_name, disclosure_id=disclosure_id)
    from portal.extensions import db

    db.session.add(sub)
    db.session.flush()
    if contact:
        db.session.add(SubmitterContact(submission_id=sub.id, consent_version="2026-01",
                                        consent_at=dt.datetime.now(dt.UTC), **contact))
        db.session.flush()
    return sub


def make_disclosure(title="Kế hoạch phát triển kinh tế - xã hội năm 2027", *, published=True, is_project=False,
                    summary="Chỉ tiêu và giải pháp.", body_html="<p>Nội dung kế hoạch.</p>", category="plans",
                    attachment: bytes | None = None, comments_open=False):
    from portal.extensions import db
    from public_docs.disclosures.models import Attachment, Disclosure, DisclosureStatus, DisclosureVersion, IndexChange

    n = next(_seq)
    today = dt.date.today()
    now = dt.datetime.now(dt.UTC)
    d = Disclosure(number=f"{n}/KH-UBND", title=title, summary=summary, body_source=body_html, body_html=body_html,
                   category=category, form="Kế hoạch", issuer="UBND phường", issued_on=today - dt.timedelta(days=3),
                   posting_start=today - dt.timedelta(days=2), posting_end=today + dt.timedelta(days=60),
                   status=DisclosureStatus.published if published else DisclosureStatus.draft, is_project=is_project,
                   published_at=now if published else None, version_no=1 if published else 0,
                   secrecy_confirmed_at=now if published else None)
    if comments_open:
        d.comments_open_from = today - dt.timedelta(days=1)
        d.comments_open_until = today + dt.timedelta(days=20)
    db.session.add(d)
    db.session.flush()
    if published:
        db.session.add(DisclosureVersion(disclosure_id=d.id, version_no=1, title=title, summary=summary,
                                         body_html=body_html, snapshot={}, change_note="Công bố lần đầu"))
        db.session.add(IndexChange(doc_id=d.id, op="upsert"))
    if attachment is not None:
        from portal.files import store_bytes

        digest = store_bytes(attachment)
        db.session.add(Attachment(disclosure_id=d.id, filename="ke-hoach.pdf", content_type="application/pdf",
                                  size=len(attachment), sha256=digest, text="Thông báo kết quả"))
    db.session.flush()
    return d


def build_dataset() -> Dataset:
    """Create the dataset (inside an app context) and commit it."""
    from portal.extensions import db

    ds = Dataset()
    for role in ROLES:
        ds.users[role] = make_staff(role)
    db.session.flush()
    ids = ds.ids
    ids["user_id"] = ds.users["editor"].id

    try:
        from portal.ward import ResidentialGroup

        group = db.session.query(ResidentialGroup).first()
        if group is None:
            group = ResidentialGroup(code="TDP01", name="Tổ dân phố 1", position=1)
            db.session.add(group)
            db.session.flush()
        ids["group_id"] = group.id
    except Exception:  # noqa: BLE001 - reported as missing: the matrix tests name what they could not build
        ds.missing.append("portal.ward.ResidentialGroup")

    pub = make_disclosure(attachment=_tiny_pdf())
    project = make_disclosure("Dự án nâng cấp đường Lê Lợi", is_project=True, category="projects")
    consultation = make_disclosure("Dự thảo quy ước tổ dân phố", comments_open=True, category="conventions")
    draft = make_disclosure("Bản nháp chưa công bố", published=False)
    ds.objects.update(disclosure=pub, project=project, consultation=consultation, draft=draft)
    ids["disclosure_id"] = pub.id
    ids["draft_id"] = draft.id
    ids["consultation_id"] = consultation.id
    db.session.refresh(pub)
    if pub.attachments:
        ids["attachment_id"] = pub.attachments[0].id
        ids["sha256"] = pub.attachments[0].sha256

    sub = make_petition(contact={"name": "Trần Thị Dataset", "phone": "0905000999", "email": "ds@example.vn",
                                 "address": "1 Lê Lợi"})
    pending = make_petition(title="Kiến nghị chờ kiểm duyệt", status="received")
    ds.objects.update(petition=sub, pending=pending)
    ids["submission_id"] = sub.id
    ids["pending_id"] = pending.id
    ids["code"] = sub.receipt_code

    # Reception (issue 13): a session with a registration, and the petition's offline receipt.
    from moderation.reception.models import OfflineReceipt, ReceptionSession, Registration, SessionKind

    start = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)
    session = ReceptionSession(kind=SessionKind.chairman, host_name="Chủ tịch (thử)", starts_at=start,
                               ends_at=start + dt.timedelta(hours=2), place="Hội trường", capacity=5, seats_taken=1)
    db.session.add(session)
    db.session.flush()
    registration = Registration(session_id=session.id, code="DK-TEST-0001", name="Người Đăng Ký Dataset",
                                phone="0905000888", topic="Nội dung muốn trình bày (thử)")
    db.session.add_all([registration, OfflineReceipt(submission_id=sub.id, received_on=start.date(),
                                                      received_by="Cán bộ (thử)")])
    db.session.flush()
    ids["session_id"] = session.id
    ids["registration_id"] = registration.id

    try:
        from moderation.boards.models import Board, BoardKind, BoardMember
        from moderation.cases.models import Case, CaseStatus

        board_a = Board(kind=BoardKind.inspection, name="Ban Thanh tra nhân dân (thử)")
        board_b = Board(kind=BoardKind.supervision, name="Ban giám sát đầu tư (thử)", project_id=project.id)
        db.session.add_all([board_a, board_b])
        db.session.flush()
        db.session.add(BoardMember(board_id=board_a.id, user_id=ds.users["board_head"].id, position="head"))
        db.session.add(BoardMember(board_id=board_a.id, user_id=ds.users["board_member"].id, position="member"))
        for role, position in (("board_head", "head"), ("board_member", "member")):
            u = make_staff(role)
            db.session.flush()
            ds.other_board_users[role] = u
            db.session.add(BoardMember(board_id=board_b.id, user_id=u.id, position=position))
        case_a = Case(submission_id=sub.id, board_id=board_a.id, status=CaseStatus.new)
        sub_b = make_petition(title="Kiến nghị về dự án Lê Lợi (Ban B)", disclosure_id=project.id)
        case_b = Case(submission_id=sub_b.id, board_id=board_b.id, status=CaseStatus.new)
        db.session.add_all([case_a, case_b])
        db.session.flush()
        ds.objects.update(board_a=board_a, board_b=board_b, case_a=case_a, case_b=case_b, petition_b=sub_b)
        ids["board_id"] = board_a.id
        ids["case_id"] = case_a.id
        ids["member_id"] = db.session.query(BoardMember).filter_by(board_id=board_a.id).first().id
    except ImportError:
        ds.missing.append("moderation.boards.models.Board/moderation.cases.models.Case")

    try:
        from moderation.intake.models import Submission, SubmissionKind, SubmissionStatus, Visibility

        comment = Submission(receipt_code=f"YK-TEST-{next(_seq):04d}-XX", kind=SubmissionKind.comment,
                             status=SubmissionStatus.approved, visibility=Visibility.anonymous, title="",
                             description="Góp ý: nên bổ sung giờ giữ trật tự.", disclosure_id=consultation.id)
        db.session.add(comment)
        db.session.flush()
        ids["comment_id"] = comment.id
        ds.objects["comment"] = comment
    except Exception:  # noqa: BLE001 - reported as missing: the matrix tests name what they could not build
        ds.missing.append("consultation comment")
    db.session.commit()
    return ds

import datetime as dt

from sqlalchemy import select

from moderation import reports
from moderation.intake.models import Submission, SubmissionAttachment, SubmitterContact
from moderation.maintenance import purge_personal_data, send_case_digest
from portal.outbox import OutboxMessage
from tests.fixtures.boards import make_petition, walk_to

UTC = dt.UTC


def test_digest_lists_due_and_overdue_cases_to_the_head(db, board_setup, runner):
    from moderation.boards.routing import route_approved_petition

    s = board_setup
    # case 1 routed Monday 2/3/2026: acknowledgement due 9/3 (5 working days)
    s.case.created_at = dt.datetime(2026, 3, 2, 3, tzinfo=UTC)
    late = make_petition(title="Cống vỡ lâu ngày")
    c2 = route_approved_petition(late, s.moderator)
    c2.created_at = dt.datetime(2026, 2, 2, 3, tzinfo=UTC)
    calm = make_petition(title="Cây xanh cần tỉa")
    c3 = route_approved_petition(calm, s.moderator)
    c3.created_at = dt.datetime(2026, 3, 5, 3, tzinfo=UTC)
    db.session.commit()
    sent = send_case_digest(on=dt.date(2026, 3, 6))  # Friday: horizon Tuesday 10/3
    db.session.commit()
    assert sent == [{"to": s.head.email, "board": s.board.name, "due": 1, "overdue": 1}]
    msg = db.session.scalar(select(OutboxMessage).where(OutboxMessage.recipient == s.head.email,
                                                         OutboxMessage.idempotency_key.like("case-digest:%")))
    assert "QUÁ HẠN (1)" in msg.body and late.receipt_code in msg.body
    assert "ĐẾN HẠN" in msg.body and s.submission.receipt_code in msg.body
    assert calm.receipt_code not in msg.body
    assert s.member.email not in [m.recipient for m in db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.idempotency_key.like("case-digest:%")))]
    result = runner.invoke(args=["cases", "digest", "--on", "2026-03-06"])
    assert result.exit_code == 0 and s.head.email in result.output


def test_purge_removes_personal_data_and_keeps_statistics(db, board_setup, runner):
    s = board_setup
    walk_to(s.case, s, "closed")
    s.case.closed_at = dt.datetime.now(UTC) - dt.timedelta(days=800)
    db.session.add(SubmissionAttachment(submission_id=s.submission.id, filename="anh.jpg", content_type="image/jpeg",
                                        size=3, sha256="a" * 64))
    from moderation.intake.models import Support

    db.session.add(Support(submission_id=s.submission.id, contact_hash="b" * 64))
    s.submission.support_count = 1
    recent = make_petition(title="Mới đóng")
    rejected_old = make_petition(title="Bị từ chối", status="rejected", email="tuchoi@example.vn")
    rejected_old.moderated_at = dt.datetime.now(UTC) - dt.timedelta(days=200)
    rejected_new = make_petition(title="Từ chối gần đây", status="rejected", email="moi@example.vn")
    rejected_new.moderated_at = dt.datetime.now(UTC) - dt.timedelta(days=30)
    db.session.commit()
    before = reports.compute_statistics()
    result = runner.invoke(args=["privacy", "purge"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert db.session.get(SubmitterContact, s.submission.id) is None
    assert db.session.get(SubmitterContact, rejected_old.id) is None
    assert db.session.get(SubmitterContact, recent.id) is not None
    assert db.session.get(SubmitterContact, rejected_new.id).email == "moi@example.vn"
    sub = db.session.get(Submission, s.submission.id)
    assert sub.personal_data_purged_at is not None and sub.display_name == ""
    assert sub.title == "Đường ngập nước"  # the petition itself is never deleted
    attachments = select(SubmissionAttachment).where(SubmissionAttachment.submission_id == sub.id)
    assert db.session.scalars(attachments).all() == []
    assert db.session.scalars(select(Support).where(Support.submission_id == sub.id)).all() == []
    assert sub.support_count == 1
    after = reports.compute_statistics()
    assert after == before
    # idempotent
    assert purge_personal_data() == {"closed": 0, "rejected": 0}

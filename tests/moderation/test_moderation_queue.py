"""The moderation queue: claims, every action with its event, audit and email, redaction,
contact reveal, the staff lists, and the claim race on PostgreSQL."""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select

from moderation import queue
from moderation.abuse.models import BlocklistEntry
from moderation.intake.models import Submission, SubmissionStatus, Support, Topic
from moderation.queue.models import RejectionReason
from portal.audit import AuditEvent
from portal.database import utcnow
from portal.errors import DomainError
from portal.extensions import db as _db
from portal.outbox import OutboxMessage

CONTACT = {"name": "Đỗ Thị Mai", "email": "mai@example.com", "phone": "0905123123", "consent": True}


def outbox(db, recipient="mai@example.com"):
    return db.session.scalars(select(OutboxMessage).where(OutboxMessage.recipient == recipient)
                              .order_by(OutboxMessage.id)).all()


def audits(db, action):
    return db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


def test_queue_lists_oldest_first_with_due_badge_and_counts(client, petition, db, login_as):
    first = petition(title="Kiến nghị thứ nhất cũ")
    second = petition(title="Kiến nghị thứ hai mới")
    first.created_at = utcnow() - dt.timedelta(days=10)
    db.session.commit()
    login_as("moderator")
    html = client.get("/can-bo/kiem-duyet/").get_data(as_text=True)
    assert html.index(first.receipt_code) < html.index(second.receipt_code)
    assert "Quá hạn" in html and "Mới tiếp nhận" in html
    html = client.get("/can-bo/kiem-duyet/?kind=comment").get_data(as_text=True)
    assert first.receipt_code not in html


def test_queue_needs_moderator_role(client, login_as, groups):
    assert client.get("/can-bo/kiem-duyet/").status_code in (302, 401)
    login_as("editor")
    assert client.get("/can-bo/kiem-duyet/").status_code == 403


def test_claim_and_other_moderator_sees_holder(app, client, petition, db, make_user):
    from tests.fixtures.users import sign_in

    sub = petition()
    a = make_user("moderator", name="Người A")
    b = make_user("moderator", name="Người B")
    sign_in(client, a)
    assert client.post(f"/can-bo/kiem-duyet/{sub.id}/nhan-xu-ly").status_code == 302
    db.session.refresh(sub)
    assert sub.claimed_by_id == a.id and sub.status == SubmissionStatus.in_review
    other = app.test_client()
    sign_in(other, b)
    html = other.get(f"/can-bo/kiem-duyet/{sub.id}").get_data(as_text=True)
    assert "đang do" in html and "Người A" in html
    resp = other.post(f"/can-bo/kiem-duyet/{sub.id}/tu-choi", data={"reason_code": "spam"})
    assert resp.status_code == 409 and "Người A" in resp.get_data(as_text=True)
    db.session.refresh(sub)
    assert sub.status == SubmissionStatus.in_review
    # An expired claim can be taken over.
    sub.claimed_until = utcnow() - dt.timedelta(minutes=1)
    db.session.commit()
    queue.claim_submission(sub, b)
    db.session.commit()
    assert sub.claimed_by_id == b.id


def test_approve_petition_routes_to_board_and_notifies(petition, db, make_user):
    sub = petition(**CONTACT)
    mod = make_user("moderator")
    case = queue.approve_submission(sub, mod, note="Phù hợp")
    db.session.commit()
    assert sub.status == SubmissionStatus.approved and sub.moderated_at
    assert case is not None and case.submission_id == sub.id
    assert sub.events[-1].action == "approve" and sub.events[-1].public_message
    assert audits(db, "submission.approve")
    assert "Đã duyệt" in outbox(db)[-1].subject


def test_reject_with_standard_reason(petition, db, make_user):
    sub = petition(**CONTACT)
    mod = make_user("moderator")
    with pytest.raises(DomainError):
        queue.reject_submission(sub, mod, "khong-co")
    queue.reject_submission(sub, mod, "offensive", note="Chửi bới")
    db.session.commit()
    reason = db.session.scalar(select(RejectionReason).where(RejectionReason.code == "offensive"))
    assert sub.status == SubmissionStatus.rejected and sub.rejection_reason_id == reason.id
    assert sub.events[-1].public_message == reason.public_text
    assert audits(db, "submission.reject")[0].details["reason_code"] == "offensive"
    assert reason.public_text in outbox(db)[-1].body


def test_request_information_notifies(petition, db, make_user):
    sub = petition(**CONTACT)
    mod = make_user("moderator")
    with pytest.raises(DomainError):
        queue.request_information(sub, mod, "  ")
    queue.request_information(sub, mod, "Xin cho biết vị trí cụ thể.")
    db.session.commit()
    assert sub.status == SubmissionStatus.needs_info
    assert "Xin cho biết vị trí cụ thể." in outbox(db)[-1].body
    assert audits(db, "submission.request_info")


def test_merge_duplicate_moves_supporters(petition, db, make_user):
    original = petition(title="Ngập nước đường Trần Phú")
    dup = petition(title="Đường Trần Phú ngập khi mưa", **CONTACT)
    original.status = SubmissionStatus.approved
    db.session.add_all([Support(submission_id=dup.id, contact_hash="a" * 64),
                        Support(submission_id=dup.id, contact_hash="b" * 64),
                        Support(submission_id=original.id, contact_hash="a" * 64)])
    db.session.commit()
    mod = make_user("moderator")
    with pytest.raises(DomainError):
        queue.merge_duplicate(dup, mod, dup)
    queue.merge_duplicate(dup, mod, original, note="Cùng vị trí")
    db.session.commit()
    assert dup.status == SubmissionStatus.duplicate and dup.duplicate_of_id == original.id
    hashes = set(db.session.scalars(select(Support.contact_hash).where(Support.submission_id == original.id)))
    assert {"a" * 64, "b" * 64} <= hashes and len(hashes) == 3  # plus the duplicate's sender
    assert original.support_count == 3 and dup.support_count == 0
    assert "gộp" in outbox(db)[-1].subject.lower()


@pytest.mark.parametrize("kind", ["complaint", "other_agency"])
def test_redirect_with_guidance(petition, db, make_user, app, kind):
    sub = petition(**CONTACT)
    mod = make_user("moderator")
    if kind == "other_agency":
        with pytest.raises(DomainError):
            queue.redirect_submission(sub, mod, kind)
    queue.redirect_submission(sub, mod, kind, guidance="Liên hệ Công an phường, số 5 Lê Duẩn.")
    db.session.commit()
    assert sub.status == SubmissionStatus.redirected and sub.redirect_kind == kind
    body = outbox(db)[-1].body
    assert "Công an phường" in body
    if kind == "complaint":
        assert app.config["RECEPTION_ADDRESS"] in body and sub.matter_kind.value == "complaint"


def test_redirect_denunciation_wipes_content_and_contact(petition, db, make_user):
    sub = petition(description="Tố cáo ông X nhận hối lộ khi cấp phép xây dựng tại kiệt 7.", **CONTACT)
    mod = make_user("moderator")
    queue.redirect_submission(sub, mod, "denunciation")
    db.session.commit()
    db.session.refresh(sub)
    assert sub.description == "" and "hối lộ" not in sub.title and sub.contact is None
    assert sub.personal_data_purged_at is not None
    assert "Luật Tố cáo" in outbox(db)[-1].body  # the guidance went out before the wipe


def test_change_topic(petition, db, make_user):
    sub = petition(**CONTACT)
    mod = make_user("moderator")
    land = db.session.scalar(select(Topic).where(Topic.code == "land"))
    with pytest.raises(DomainError):
        queue.change_topic(sub, mod, land.id, "")
    queue.change_topic(sub, mod, land.id, "Thuộc lĩnh vực đất đai")
    db.session.commit()
    assert sub.topic_id == land.id and audits(db, "submission.change_topic")
    assert "lĩnh vực" in outbox(db)[-1].subject.lower()


def test_redaction_public_sees_redacted_staff_sees_original(client, petition, db, make_user):
    sub = petition(title="Nhà ông Nguyễn Văn Tèo số 12 lấn chiếm vỉa hè",
                   description="Nhà ông Nguyễn Văn Tèo số 12 kiệt 5 lấn chiếm vỉa hè làm quán nhậu.", **CONTACT)
    mod = make_user("moderator")
    queue.redact_submission(sub, mod, "Một hộ dân kiệt 5 lấn chiếm vỉa hè",
                            "Một hộ dân ở kiệt 5 lấn chiếm vỉa hè làm quán nhậu.", "Xóa tên người khác")
    queue.approve_submission(sub, mod)
    db.session.commit()
    assert sub.title.startswith("Nhà ông Nguyễn Văn Tèo") and sub.shown_title == "Một hộ dân kiệt 5 lấn chiếm vỉa hè"
    assert any("Biên tập" in m.subject for m in outbox(db)) and audits(db, "submission.redact")
    html = client.get(f"/tra-cuu/{sub.receipt_code}").get_data(as_text=True)
    assert "Nguyễn Văn Tèo" not in html and "Một hộ dân kiệt 5" in html
    api = client.get("/api/v1/petitions")
    if api.status_code == 200:
        assert "Nguyễn Văn Tèo" not in api.get_data(as_text=True)
    from tests.fixtures.users import sign_in

    sign_in(client, mod)
    html = client.get(f"/can-bo/kiem-duyet/{sub.id}").get_data(as_text=True)
    assert "Nguyễn Văn Tèo" in html and "Một hộ dân kiệt 5" in html


def test_show_contact_only_on_explicit_post_and_audited(client, petition, db, login_as):
    sub = petition(**CONTACT)
    login_as("moderator")
    html = client.get(f"/can-bo/kiem-duyet/{sub.id}").get_data(as_text=True)
    assert "mai@example.com" not in html and "0905123123" not in html and "Đỗ Thị Mai" not in html
    assert not audits(db, "submission.contact_viewed")
    html = client.post(f"/can-bo/kiem-duyet/{sub.id}/xem-lien-he",
                       data={"reason": "Gọi xác minh"}).get_data(as_text=True)
    assert "mai@example.com" in html and "0905123123" in html
    ev = audits(db, "submission.contact_viewed")[0]
    assert ev.details["reason"] == "Gọi xác minh"


def test_actions_through_the_pages(client, petition, db, login_as):
    sub = petition(**CONTACT)
    login_as("moderator")
    assert client.post(f"/can-bo/kiem-duyet/{sub.id}/nhan-xu-ly").status_code == 302
    resp = client.post(f"/can-bo/kiem-duyet/{sub.id}/yeu-cau-bo-sung", data={"message": "Cần thêm ảnh."})
    assert resp.status_code == 302
    db.session.refresh(sub)
    assert sub.status == SubmissionStatus.needs_info and sub.claimed_by_id is None
    resp = client.post(f"/can-bo/kiem-duyet/{sub.id}/duyet", data={})
    assert resp.status_code == 409  # not pending any more


def test_used_rejection_reason_cannot_be_deleted(client, petition, db, login_as, make_user):
    sub = petition()
    queue.reject_submission(sub, make_user("moderator"), "spam")
    db.session.commit()
    login_as("admin")
    spam = db.session.scalar(select(RejectionReason).where(RejectionReason.code == "spam"))
    unused = db.session.scalar(select(RejectionReason).where(RejectionReason.code == "private_data"))
    client.post(f"/can-bo/kiem-duyet/danh-muc/ly-do-tu-choi/{spam.id}/xoa")
    assert db.session.get(RejectionReason, spam.id) is not None
    client.post(f"/can-bo/kiem-duyet/danh-muc/ly-do-tu-choi/{unused.id}/xoa")
    assert db.session.get(RejectionReason, unused.id) is None
    client.post("/can-bo/kiem-duyet/danh-muc/ly-do-tu-choi", data={
        "id": spam.id, "public_text": spam.public_text, "internal_note": ""})
    db.session.refresh(spam)
    assert spam.active is False
    codes = {r.code for r in db.session.scalars(select(RejectionReason))}
    assert {"spam", "offensive", "duplicate", "out_of_scope", "not_enough_info"} <= codes


def test_topics_admin_and_blocklist_admin(client, db, login_as, groups):
    login_as("admin")
    resp = client.post("/can-bo/kiem-duyet/danh-muc/linh-vuc", data={"code": "traffic", "name": "Giao thông"})
    assert resp.status_code == 302
    assert db.session.scalar(select(Topic).where(Topic.code == "traffic")).name == "Giao thông"
    resp = client.post("/can-bo/kiem-duyet/danh-muc/danh-sach-chan", data={"kind": "ip", "value": "300.1.1.1"})
    assert resp.status_code == 400 and "không hợp lệ" in resp.get_data(as_text=True)
    client.post("/can-bo/kiem-duyet/danh-muc/danh-sach-chan", data={"kind": "ip", "value": "203.0.113.7/24"})
    client.post("/can-bo/kiem-duyet/danh-muc/danh-sach-chan", data={"kind": "phone", "value": "+84 905 000 111"})
    values = {(e.kind, e.value) for e in db.session.scalars(select(BlocklistEntry))}
    assert values == {("ip", "203.0.113.0/24"), ("phone", "0905000111")}


def test_claim_race_two_connections(app, petition, db, make_user):
    """Two moderators act on the same item at the same moment: exactly one succeeds (each thread
    has its own connection: row locks on PostgreSQL, serialized writers on SQLite)."""
    sub = petition()
    users = [make_user("moderator"), make_user("moderator")]
    sub_id = sub.id
    user_ids = [u.id for u in users]
    barrier = threading.Barrier(2)
    results = []

    def worker(uid, action):
        from portal.accounts.models import User

        with app.app_context():
            s = _db.session.get(Submission, sub_id)
            u = _db.session.get(User, uid)
            barrier.wait()
            try:
                action(s, u)
                _db.session.commit()
                results.append("ok")
            except DomainError:
                _db.session.rollback()
                results.append("refused")
            finally:
                _db.session.remove()

    for action in (lambda s, u: queue.claim_submission(s, u),
                   lambda s, u: queue.reject_submission(s, u, "spam")):
        results.clear()
        threads = [threading.Thread(target=worker, args=(uid, action)) for uid in user_ids]
        [t.start() for t in threads]
        [t.join(30) for t in threads]
        assert sorted(results) == ["ok", "refused"], results
        if action.__code__.co_names and "claim_submission" in action.__code__.co_names:
            db.session.expire_all()
            winner = db.session.get(Submission, sub_id).claimed_by_id
            # release so the second round starts free
            db.session.execute(_db.update(Submission).where(Submission.id == sub_id)
                               .values(claimed_by_id=None, claimed_until=None))
            db.session.commit()
            assert winner in user_ids
    db.session.expire_all()
    final = db.session.get(Submission, sub_id)
    assert final.status == SubmissionStatus.rejected
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                             .where(AuditEvent.action == "submission.reject")) == 1


def test_erase_personal_data_on_request(client, petition, db, login_as):
    sub = petition(**CONTACT)
    login_as("moderator")
    assert 'name="confirm"' in client.get(f"/can-bo/kiem-duyet/{sub.id}").get_data(as_text=True)
    resp = client.post(f"/can-bo/kiem-duyet/{sub.id}/xoa-du-lieu-ca-nhan", data={"note": ""})
    assert resp.status_code == 409 and "lý do" in resp.get_data(as_text=True)
    resp = client.post(f"/can-bo/kiem-duyet/{sub.id}/xoa-du-lieu-ca-nhan",
                       data={"note": "Yêu cầu qua email ngày 20/11"})
    assert resp.status_code == 409 and "xác nhận" in resp.get_data(as_text=True)  # irreversible: the box first
    db.session.expire_all()
    assert db.session.get(Submission, sub.id).personal_data_purged_at is None
    resp = client.post(f"/can-bo/kiem-duyet/{sub.id}/xoa-du-lieu-ca-nhan",
                       data={"note": "Yêu cầu qua email ngày 20/11", "confirm": "y"})
    assert resp.status_code == 302
    db.session.expire_all()
    sub = db.session.get(Submission, sub.id)
    assert sub.contact is None and sub.personal_data_purged_at is not None
    assert sub.description  # the text and statistics stay
    assert audits(db, "submission.erase_personal_data")

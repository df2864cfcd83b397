"""Petitions received offline: who may enter them, that they go through the same intake (receipt
code, queue, channel), the receipt slip, the batch from one meeting, and the desk's counts."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from moderation.intake.models import Channel, Submission, SubmissionStatus
from moderation.reception.models import OfflineReceipt
from portal.audit import AuditEvent
from tests.moderation.reception.conftest import ROLES, offline_form

DESK_PAGES = ("/can-bo/tiep-nhan/kien-nghi", "/can-bo/tiep-nhan/theo-dot", "/can-bo/tiep-nhan/khieu-nai-to-cao")
ALLOWED = {"admin", "moderator", "reception"}


@pytest.mark.parametrize("role", ROLES)
def test_desk_pages_allow_reception_moderator_admin_only(client, login_as, groups, role):
    login_as(role)
    for url in DESK_PAGES:
        get = client.get(url)
        post = client.post(url, data=offline_form())
        if role in ALLOWED:
            assert get.status_code == 200, url
            assert post.status_code in (200, 302, 422), url
        else:
            assert (get.status_code, post.status_code) == (403, 403), url
    stored = {s.channel for s in Submission.query.all()}
    assert stored == ({Channel.reception} if role in ALLOWED else set())


def test_anonymous_goes_to_login(client, groups):
    for url in DESK_PAGES + ("/can-bo/tiep-nhan/lich/moi",):
        resp = client.get(url)
        assert resp.status_code == 302 and "/can-bo/dang-nhap" in resp.headers["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_schedule_editing_is_for_editors(client, login_as, role):
    login_as(role)
    status = client.get("/can-bo/tiep-nhan/lich/moi").status_code
    assert status == (200 if role in ("admin", "editor") else 403)
    listing = client.get("/can-bo/tiep-nhan/lich").status_code
    assert listing == (200 if role in ("admin", "editor", "moderator", "reception") else 403)


def test_offline_petition_lands_in_the_queue_with_its_channel(client, login_as, groups, db):
    clerk = login_as("reception")
    resp = client.post("/can-bo/tiep-nhan/kien-nghi", data=offline_form(channel="hotline"))
    assert resp.status_code == 302 and "/can-bo/tiep-nhan/phieu/" in resp.headers["Location"]
    sub = db.session.scalar(select(Submission))
    assert sub.channel == Channel.hotline and sub.status == SubmissionStatus.received
    assert sub.receipt_code.startswith("KN-") and sub.entered_by_id == clerk.id
    assert sub.contact.name == "Phạm Văn Dân" and sub.contact.address == "Số 7 kiệt 7 Lê Lợi"
    receipt = db.session.get(OfflineReceipt, sub.id)
    assert receipt.received_by == "Lê Thị Tiếp" and receipt.place == "Trụ sở UBND phường"
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                             .where(AuditEvent.action == "submission.create", AuditEvent.actor_id == clerk.id)) == 1
    slip = client.get(resp.headers["Location"]).get_data(as_text=True)
    assert sub.receipt_code in slip and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in slip and "slip-a5" in slip
    assert "slip-a4" in client.get(resp.headers["Location"] + "?kho=a4").get_data(as_text=True)
    # The moderators' queue shows it like any petition, with its channel.
    login_as("moderator")
    queue = client.get("/can-bo/kiem-duyet/").get_data(as_text=True)
    assert sub.receipt_code in queue
    detail = client.get(f"/can-bo/kiem-duyet/{sub.id}").get_data(as_text=True)
    assert "Đường dây nóng" in detail


def test_contact_without_consent_is_refused_and_input_kept(client, login_as, groups, db):
    login_as("reception")
    resp = client.post("/can-bo/tiep-nhan/kien-nghi", data=offline_form(consent_contact="", title="Tiêu đề giữ lại"))
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert "chưa đồng ý" in html and "Tiêu đề giữ lại" in html and "Phạm Văn Dân" in html
    assert db.session.scalar(select(func.count()).select_from(Submission)) == 0


def test_anonymous_walk_in_and_bad_channel(client, login_as, groups, db):
    login_as("reception")
    resp = client.post("/can-bo/tiep-nhan/kien-nghi", data=offline_form(channel="web"))
    assert resp.status_code == 422 and "kênh tiếp nhận" in resp.get_data(as_text=True)
    resp = client.post("/can-bo/tiep-nhan/kien-nghi",
                       data=offline_form(name="", phone="", address="", consent_contact="", channel="mailbox"))
    assert resp.status_code == 302
    sub = db.session.scalar(select(Submission))
    assert sub.contact is None and sub.channel == Channel.mailbox


def _batch(**rows) -> dict:
    data = {"channel": "dialogue", "received_on": offline_form()["received_on"], "place": "Nhà văn hóa tổ 3",
            "received_by": "Lê Thị Tiếp", "topic": "environment", "event_label": "Đối thoại với Nhân dân tổ 3",
            "rows": "5"}
    for i, (title, desc, name) in rows.items():
        data.update({f"item-{i}-title": title, f"item-{i}-description": desc, f"item-{i}-name": name,
                     f"item-{i}-consent_contact": "y" if name else ""})
    return data


LONG = "Nội dung ý kiến nêu tại hội nghị đối thoại, đủ dài để được tiếp nhận."


def test_batch_entry_stores_each_opinion_linked_to_the_event(client, login_as, groups, db, make_session):
    session = make_session(days=-1)
    login_as("reception")
    data = _batch(**{"0": ("Sửa đường kiệt 5", LONG, "Ông Năm"), "2": ("Thêm đèn đường", LONG, ""),
                     "3": ("Nạo vét mương", LONG, "")})
    data["session_id"] = str(session.id)
    data["item-3-topic"] = "construction"
    resp = client.post("/can-bo/tiep-nhan/theo-dot", data=data)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "Đã ghi nhận 3 ý kiến" in html
    receipts = db.session.scalars(select(OfflineReceipt)).all()
    assert len(receipts) == 3 and len({r.batch for r in receipts}) == 1
    assert {r.session_id for r in receipts} == {session.id}
    subs = db.session.scalars(select(Submission).order_by(Submission.id)).all()
    assert [s.channel for s in subs] == [Channel.dialogue] * 3
    assert [s.topic.code for s in subs] == ["environment", "environment", "construction"]
    assert subs[0].contact.name == "Ông Năm" and subs[1].contact is None
    for s in subs:
        assert s.receipt_code in html


def test_batch_with_one_bad_row_stores_nothing_and_keeps_input(client, login_as, groups, db):
    login_as("moderator")
    data = _batch(**{"0": ("Sửa đường kiệt 5", LONG, ""), "1": ("Ngắn", "quá ngắn", "")})
    resp = client.post("/can-bo/tiep-nhan/theo-dot", data=data)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert "Sửa đường kiệt 5" in html and "quá ngắn" in html and 'id="item-1-description-err"' in html
    assert db.session.scalar(select(func.count()).select_from(Submission)) == 0
    # No event and no session: the meeting's name is required.
    data = _batch(**{"0": ("Sửa đường kiệt 5", LONG, "")})
    data["event_label"] = ""
    resp = client.post("/can-bo/tiep-nhan/theo-dot", data=data)
    assert resp.status_code == 422 and "tên hội nghị" in resp.get_data(as_text=True)


def test_desk_complaints_are_only_counted(client, login_as, db):
    from moderation.reports import compute_statistics

    before = compute_statistics()["totals"]["redirected_at_intake"]
    login_as("reception")
    resp = client.post("/can-bo/tiep-nhan/khieu-nai-to-cao",
                       data={"received_on": offline_form()["received_on"], "complaint": "2", "denunciation": "1"})
    assert resp.status_code == 302
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "intake.redirect")).all()
    assert sorted(e.details["kind"] for e in events) == ["complaint", "complaint", "denunciation"]
    assert {e.details["channel"] for e in events} == {"reception"}
    assert db.session.scalar(select(func.count()).select_from(Submission)) == 0
    assert compute_statistics()["totals"]["redirected_at_intake"] == before + 3
    bad = client.post("/can-bo/tiep-nhan/khieu-nai-to-cao",
                      data={"received_on": offline_form()["received_on"], "complaint": "-1", "denunciation": "x"})
    assert bad.status_code == 422 and "Nhập số từ 0" in bad.get_data(as_text=True)

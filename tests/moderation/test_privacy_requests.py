"""Issue 18, item 17: the register of personal-data requests. A resident files one with their
receipt code (consent, CSRF, the receipt-code lookup budget); staff record those received by other
channels; a 72-hour clock; the outcome is audited, and a deletion redacts the submission's personal
data through the queue's erasure while the submission stays."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from moderation.intake.models import Submission, SubmissionEvent, SubmitterContact
from moderation.privacy.models import PrivacyRequest, RequestStatus
from portal.audit import AuditEvent
from portal.outbox import OutboxMessage
from tests.fixtures.users import sign_in

FORM = "/du-lieu-ca-nhan"
STAFF = "/can-bo/du-lieu-ca-nhan/"


@pytest.fixture
def mine(petition):
    return petition(name="Trần Thị Dân", phone="0905123456", email="dan@example.vn", visibility="named",
                    consent=True)


def _file(client, code, kind="delete", consent="y", **extra):
    data = {"receipt_code": code, "kind": kind, "details": "Tôi muốn xóa tên và số điện thoại.", **extra}
    if consent:
        data["consent"] = consent
    return client.post(FORM, data=data)


def test_resident_files_a_request_with_the_receipt_code(client, db, mine):
    page = client.get(f"{FORM}?ma={mine.receipt_code}").get_data(as_text=True)
    assert "72 giờ" in page and f'value="{mine.receipt_code}"' in page and "Tôi đồng ý để phường dùng" in page
    no_consent = _file(client, mine.receipt_code, consent=None)
    assert no_consent.status_code == 422
    html = no_consent.get_data(as_text=True)
    assert "Vui lòng xác nhận đồng ý" in html and f'value="{mine.receipt_code}"' in html
    assert "Tôi muốn xóa tên" in html  # what was typed is kept
    unknown = _file(client, "KN-AAAA-AAAA-AA")
    assert unknown.status_code == 422 and "Không tìm thấy mã tiếp nhận" in unknown.get_data(as_text=True)
    assert db.session.scalar(select(PrivacyRequest)) is None
    before = dt.datetime.now(dt.UTC)
    ok = _file(client, mine.receipt_code.lower().replace("-", " "))  # typed loosely
    assert ok.status_code == 303
    done = client.get(ok.headers["Location"]).get_data(as_text=True)
    req = db.session.scalar(select(PrivacyRequest))
    assert req.reference in done and req.submission_id == mine.id and req.channel == "web"
    assert dt.timedelta(hours=72) == req.due_at - req.received_at and req.received_at >= before
    ev = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "privacy_request.create"))
    assert ev.actor_label == "resident" and ev.subject_id == str(req.id)
    ack = db.session.scalar(select(OutboxMessage).where(OutboxMessage.recipient == "dan@example.vn",
                                                        OutboxMessage.subject.contains(req.reference)))
    assert ack is not None and "72 giờ" in ack.body


@pytest.mark.parametrize("config_overrides", [{"TRACKING_RATE_LIMIT": "2 per 10 minutes"}])
def test_guessing_codes_shares_the_receipt_lookup_budget(client, db, mine, config_overrides):
    assert client.get(f"/tra-cuu/{mine.receipt_code}").status_code == 200  # one lookup spent here
    assert _file(client, "KN-AAAA-AAAA-AA").status_code == 422
    refused = _file(client, mine.receipt_code)
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    assert "Tôi muốn xóa tên" in refused.get_data(as_text=True)
    assert db.session.scalar(select(PrivacyRequest)) is None


@pytest.mark.parametrize("config_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_the_public_form_needs_its_csrf_token(client, db, mine, config_overrides):
    assert _file(client, mine.receipt_code).status_code == 400
    assert db.session.scalar(select(PrivacyRequest)) is None


def test_delete_outcome_redacts_and_keeps_the_submission(client, db, mine, make_user):
    assert _file(client, mine.receipt_code).status_code == 303
    req = db.session.scalar(select(PrivacyRequest))
    moderator = make_user("moderator")
    sign_in(client, moderator)
    listing = client.get(STAFF).get_data(as_text=True)
    assert req.reference in listing and ("Còn 71 giờ" in listing or "Còn 72 giờ" in listing)
    r = client.post(f"{STAFF}{req.id}", data={"outcome": "done", "note": ""})
    assert r.status_code == 422 and "Vui lòng ghi rõ" in r.get_data(as_text=True)
    assert 'name="confirm"' in client.get(f"{STAFF}{req.id}").get_data(as_text=True)
    r = client.post(f"{STAFF}{req.id}", data={"outcome": "done", "note": "Đã xác minh qua điện thoại; đã xóa."})
    assert r.status_code == 422 and "xác nhận" in r.get_data(as_text=True)  # erasing cannot be undone
    db.session.expire_all()
    assert db.session.get(Submission, mine.id).personal_data_purged_at is None
    r = client.post(f"{STAFF}{req.id}", data={"outcome": "done", "note": "Đã xác minh qua điện thoại; đã xóa.",
                                              "confirm": "y"})
    assert r.status_code == 303
    db.session.expire_all()
    sub = db.session.get(Submission, mine.id)
    assert sub is not None and sub.title and sub.description  # the record stays
    assert sub.personal_data_purged_at is not None and sub.display_name == ""
    assert db.session.get(SubmitterContact, mine.id) is None
    assert db.session.scalar(select(SubmissionEvent).where(SubmissionEvent.submission_id == sub.id,
                                                           SubmissionEvent.action == "erase"))
    req = db.session.get(PrivacyRequest, req.id)
    assert req.status == RequestStatus.done and req.data_erased and req.decided_by_id == moderator.id
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"privacy_request.outcome", "submission.erase_personal_data"} <= actions
    outcome_mail = db.session.scalar(select(OutboxMessage).where(OutboxMessage.subject.contains("Kết quả xử lý")))
    assert outcome_mail.recipient == "dan@example.vn" and "đã được thực hiện" in outcome_mail.body
    again = client.post(f"{STAFF}{req.id}", data={"outcome": "refused", "note": "x"})
    assert again.status_code == 422 and "đã có kết quả" in again.get_data(as_text=True)


def test_staff_record_a_letter_and_the_clock_runs(client, db, make_user, mine):
    sign_in(client, make_user("moderator"))
    bad = client.post(STAFF, data={"kind": "access", "channel": "letter", "name": "", "contact": ""})
    assert bad.status_code == 422 and "ghi họ tên và cách liên hệ" in bad.get_data(as_text=True)
    three_days_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(days=3)).astimezone(dt.timezone(dt.timedelta(hours=7)))
    r = client.post(STAFF, data={"kind": "access", "channel": "letter", "name": "Lê Văn Thư",
                                 "contact": "12 Lê Lợi", "details": "Xin xem dữ liệu",
                                 "received_on": three_days_ago.date().isoformat(), "received_time": "09:00"})
    assert r.status_code == 303
    req = db.session.scalar(select(PrivacyRequest))
    local = req.received_at.astimezone(dt.timezone(dt.timedelta(hours=7)))
    assert (local.date(), local.hour, local.minute) == (three_days_ago.date(), 9, 0) and req.recorded_by_id
    listing = client.get(STAFF).get_data(as_text=True)
    assert "Quá hạn" in listing and "Thư, đơn gửi qua bưu điện" in listing
    r = client.post(f"{STAFF}{req.id}", data={"outcome": "refused",
                                              "note": "Không xác minh được người yêu cầu; đã hướng dẫn đến trụ sở."})
    assert r.status_code == 303
    page = client.get(f"{STAFF}{req.id}").get_data(as_text=True)
    assert "trễ hạn" in page and "Không xác minh được" in page
    assert client.get(STAFF + "?show=all").status_code == 200
    db.session.expire_all()
    assert db.session.get(Submission, mine.id).personal_data_purged_at is None  # nothing erased


def test_register_is_for_moderators(client, make_user):
    assert client.get(STAFF).status_code in (302, 401)
    sign_in(client, make_user("editor"))
    assert client.get(STAFF).status_code == 403
    assert client.get(f"{STAFF}99999999999").status_code in (403, 404)

"""Registrations: the API's answers (201, 409, 415, 422), the page form, cancelling, reminders,
attendance, turning what was raised into a petition, the purge, and the last-seat race."""
from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import func, select

from moderation.intake.models import Channel, Submission
from moderation.reception.models import OfflineReceipt, ReceptionSession, Registration, RegistrationStatus
from portal.database import utcnow
from portal.outbox import OutboxMessage

GOOD = {"name": "Võ Thị Đăng", "phone": "0905123123", "email": "dang.vt@example.com", "group": "TDP02",
        "topic": "Đề nghị sửa đường kiệt 14 trước mùa mưa", "consent": True}


def _post(client, session_id, body, **kw):
    return client.post(f"/api/v1/reception-sessions/{session_id}/registrations", json=body, **kw)


def test_api_registration_201_then_409_when_full(client, make_session, groups, db):
    s = make_session(capacity=1)
    resp = _post(client, s.id, GOOD)
    assert resp.status_code == 201
    code = resp.get_json()["code"]
    assert code.startswith("DK-")
    reg = db.session.scalar(select(Registration))
    assert reg.code == code and reg.group.code == "TDP02" and reg.consent_at is not None
    mail = db.session.scalar(select(OutboxMessage))
    assert mail.recipient == "dang.vt@example.com" and code in mail.body and "tiếp công dân" in mail.subject
    full = _post(client, s.id, {**GOOD, "email": "khac@example.com", "phone": "0905000111"})
    assert full.status_code == 409 and "hết chỗ" in full.get_json()["message"]
    db.session.expire_all()
    assert db.session.get(ReceptionSession, s.id).seats_taken == 1


def test_api_registration_422_and_415(client, make_session, groups, db):
    s = make_session()
    no_name = _post(client, s.id, {**GOOD, "name": ""})
    assert no_name.status_code == 422 and "name" in no_name.get_json()["fields"]
    no_consent = _post(client, s.id, {**GOOD, "consent": False})
    assert no_consent.status_code == 422 and "consent" in no_consent.get_json()["fields"]
    no_contact = _post(client, s.id, {**GOOD, "phone": "", "email": ""})
    assert no_contact.status_code == 422 and "phone" in no_contact.get_json()["fields"]
    wrong_type = _post(client, s.id, {**GOOD, "name": 12})
    assert wrong_type.status_code == 422
    form = client.post(f"/api/v1/reception-sessions/{s.id}/registrations", data=GOOD)
    assert form.status_code == 415
    assert _post(client, 999999, GOOD).status_code == 404
    past = make_session(days=-1)
    assert _post(client, past.id, GOOD).status_code == 409
    assert db.session.scalar(select(func.count()).select_from(Registration)) == 0


def test_page_registration_and_cancel_with_code(client, make_session, groups, db):
    s = make_session(capacity=2)
    page = client.get(f"/tiep-cong-dan/{s.id}").get_data(as_text=True)
    assert 'name="topic"' in page and "Đăng ký" in page
    import re

    token = re.search(r'name="form_started" value="([^"]+)"', page)
    data = {k: v for k, v in GOOD.items() if k != "consent"}
    data.update(consent="y")
    if token:
        data["form_started"] = token.group(1)
    bad = client.post(f"/tiep-cong-dan/{s.id}/dang-ky", data={**data, "consent": ""})
    assert bad.status_code == 422 and "Võ Thị Đăng" in bad.get_data(as_text=True)
    resp = client.post(f"/tiep-cong-dan/{s.id}/dang-ky", data=data)
    assert resp.status_code == 201
    reg = db.session.scalar(select(Registration))
    assert reg.code in resp.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(ReceptionSession, s.id).seats_taken == 1
    wrong = client.post("/tiep-cong-dan/huy-dang-ky", data={"code": "DK-0000-0000"})
    assert wrong.status_code == 422 and "Không tìm thấy mã đăng ký" in wrong.get_data(as_text=True)
    ok = client.post("/tiep-cong-dan/huy-dang-ky", data={"code": reg.code.lower().replace("-", " ")})
    assert ok.status_code == 200 and "Đã hủy đăng ký" in ok.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Registration, reg.id).status == RegistrationStatus.cancelled
    assert db.session.get(ReceptionSession, s.id).seats_taken == 0
    again = client.post("/tiep-cong-dan/huy-dang-ky", data={"code": reg.code})
    assert again.status_code == 422


def test_reminder_the_day_before_once(app, runner, make_session, groups, db):
    from moderation.cases import deadlines
    from moderation.reception.services import _local_dt

    today = deadlines.today()
    tomorrow = make_session(days=1)
    tomorrow.starts_at = _local_dt(today + dt.timedelta(days=1), dt.time(8, 0))
    later = make_session(days=5)
    db.session.commit()
    from moderation.reception import registrations

    registrations.register(tomorrow, GOOD)
    registrations.register(tomorrow, {**GOOD, "email": "", "phone": "0905000222"})
    registrations.register(later, {**GOOD, "email": "sau@example.com"})
    db.session.commit()
    before = db.session.scalar(select(func.count()).select_from(OutboxMessage))
    out = runner.invoke(args=["reception", "remind"])
    assert out.exit_code == 0 and "1 thư nhắc" in out.output and "1 người chỉ có số điện thoại" in out.output
    reminders = db.session.scalars(select(OutboxMessage).where(OutboxMessage.subject.like("Nhắc lịch%"))).all()
    assert [m.recipient for m in reminders] == ["dang.vt@example.com"]
    assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == before + 1
    assert "0 thư nhắc" in runner.invoke(args=["reception", "remind"]).output


def test_staff_attendance_and_one_click_petition(client, login_as, make_session, groups, db):
    from moderation.reception import registrations

    s = make_session(days=1)
    reg = registrations.register(s, GOOD)
    db.session.commit()
    login_as("board_member")
    assert client.get(f"/can-bo/tiep-nhan/lich/{s.id}").status_code == 403
    login_as("editor")  # manages the schedule, does not need the residents' contacts
    page = client.get(f"/can-bo/tiep-nhan/lich/{s.id}").get_data(as_text=True)
    assert reg.code in page and "0905123123" not in page and "Võ Thị Đăng" not in page
    clerk = login_as("reception")
    page = client.get(f"/can-bo/tiep-nhan/lich/{s.id}").get_data(as_text=True)
    assert "Võ Thị Đăng" in page and "0905123123" in page
    assert client.post(f"/can-bo/tiep-nhan/dang-ky/{reg.id}/tham-du", data={"attended": "1"}).status_code == 302
    resp = client.post(f"/can-bo/tiep-nhan/dang-ky/{reg.id}/chuyen-kien-nghi", data={"topic": "construction"})
    assert resp.status_code == 302
    db.session.expire_all()
    reg = db.session.get(Registration, reg.id)
    sub = db.session.get(Submission, reg.submission_id)
    assert reg.attended is True and sub.channel == Channel.reception and sub.topic.code == "construction"
    assert sub.description == GOOD["topic"] and sub.contact.name == "Võ Thị Đăng" and sub.entered_by_id == clerk.id
    assert db.session.get(OfflineReceipt, sub.id).session_id == s.id
    twice = client.post(f"/can-bo/tiep-nhan/dang-ky/{reg.id}/chuyen-kien-nghi", data={"topic": "construction"})
    assert twice.status_code == 422
    assert db.session.scalar(select(func.count()).select_from(Submission)) == 1


def test_registrations_are_purged_after_retention(app, runner, make_session, groups, db):
    from moderation.reception import registrations

    s = make_session(days=1)
    reg = registrations.register(s, GOOD)
    s.starts_at = utcnow() - dt.timedelta(days=400)
    s.ends_at = s.starts_at + dt.timedelta(hours=2)
    recent = make_session(days=1)
    kept = registrations.register(recent, {**GOOD, "email": "giu@example.com"})
    db.session.commit()
    out = runner.invoke(args=["privacy", "purge"])  # the same command as submissions' purge
    assert out.exit_code == 0 and "1 lượt đăng ký" in out.output
    db.session.expire_all()
    gone, stay = db.session.get(Registration, reg.id), db.session.get(Registration, kept.id)
    assert (gone.name, gone.phone, gone.email, gone.topic) == ("", "", "", "")
    assert gone.personal_data_purged_at is not None and stay.name == "Võ Thị Đăng"


def test_last_seat_race_one_201_one_409(app, make_session, groups, db):
    """Two registrations for the last seat at the same moment (run with TEST_DATABASE_URL for
    PostgreSQL): exactly one gets the seat."""
    s = make_session(capacity=1)
    session_id = s.id
    barrier = threading.Barrier(2)
    results = []

    def attempt(n):
        with app.app_context():  # each thread: its own session and connection
            client = app.test_client()
            barrier.wait()
            resp = _post(client, session_id, {**GOOD, "email": f"nguoi{n}@example.com", "phone": f"090500000{n}"})
            results.append(resp.status_code)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [201, 409]
    db.session.expire_all()
    assert db.session.get(ReceptionSession, s.id).seats_taken == 1
    assert db.session.scalar(select(func.count()).select_from(Registration)) == 1

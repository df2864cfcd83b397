"""The schedule: editors' forms, recurring sessions skipping holidays, the public page (upcoming,
past dialogues with their outcome and anonymised petitions), the iCalendar feed and the API."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from moderation.reception.models import ReceptionSession, SessionKind, SessionStatus
from portal.ward import ward_tz

API_FIELDS = {"id", "kind", "host", "starts_at", "ends_at", "place", "topic", "capacity", "seats_left",
              "registration_open"}


def test_editor_creates_and_edits_a_session(client, login_as, db):
    login_as("editor")
    form = {"kind": "chairman", "host_name": "Trần Văn Chủ", "host_position": "Chủ tịch UBND phường",
            "day": "2027-03-09", "start_time": "07:30", "end_time": "11:00", "place": "Phòng tiếp công dân",
            "topic": "", "capacity": "8"}
    assert client.post("/can-bo/tiep-nhan/lich/moi", data=form).status_code == 302
    s = db.session.scalar(select(ReceptionSession))
    assert s.kind == SessionKind.chairman and s.capacity == 8
    assert s.starts_at.astimezone(ward_tz()) == dt.datetime(2027, 3, 9, 7, 30, tzinfo=ward_tz())
    bad = client.post(f"/can-bo/tiep-nhan/lich/{s.id}/sua", data={**form, "end_time": "07:00", "host_name": ""})
    html = bad.get_data(as_text=True)
    assert bad.status_code == 422 and "Giờ kết thúc phải sau giờ bắt đầu" in html and "Phòng tiếp công dân" in html


def test_recurring_sessions_skip_holidays(client, login_as, db):
    login_as("editor")
    resp = client.post("/can-bo/tiep-nhan/lich/lap-lich", data={
        "kind": "regular", "host_name": "Lê Văn Tiếp", "host_position": "Phó Chủ tịch", "first_day": "2026-04-27",
        "last_day": "2026-05-08", "weekdays": ["1", "3"], "start_time": "07:30", "end_time": "11:00",
        "place": "Phòng tiếp công dân", "capacity": "10"})
    assert resp.status_code == 302
    days = [s.starts_at.astimezone(ward_tz()).date() for s in
            db.session.scalars(select(ReceptionSession).order_by(ReceptionSession.starts_at))]
    # Tuesdays and Thursdays; 30 April (Thursday) is a holiday.
    assert days == [dt.date(2026, 4, 28), dt.date(2026, 5, 5), dt.date(2026, 5, 7)]
    assert len({s.series for s in db.session.scalars(select(ReceptionSession))}) == 1
    none = client.post("/can-bo/tiep-nhan/lich/lap-lich", data={
        "kind": "regular", "host_name": "Lê Văn Tiếp", "first_day": "2026-04-30", "last_day": "2026-05-01",
        "weekdays": ["3", "4"], "start_time": "07:30", "end_time": "11:00", "place": "Phòng tiếp", "capacity": "1"})
    assert none.status_code == 422 and "ngày nghỉ lễ" in none.get_data(as_text=True)


def test_api_lists_upcoming_sessions_with_the_documented_fields(client, make_session):
    s = make_session(days=2, capacity=3, topic="Trật tự đô thị")
    make_session(days=-3)  # past: not listed
    items = client.get("/api/v1/reception-sessions").get_json()["items"]
    assert [i["id"] for i in items] == [s.id]
    item = items[0]
    assert set(item) == API_FIELDS
    assert item["kind"] == "chairman" and item["host"] == {"name": "Trần Văn Chủ", "position": "Chủ tịch UBND phường"}
    assert item["capacity"] == 3 and item["seats_left"] == 3 and item["registration_open"] is True
    assert item["starts_at"].endswith("+07:00")
    doc = client.get("/api/v1/openapi.json").get_json()
    assert set(doc["components"]["schemas"]["ReceptionSession"]["required"]) == API_FIELDS


def test_ical_feed(client, make_session):
    make_session(days=2, topic="Đối thoại về chỉnh trang đô thị, vỉa hè; rác thải " * 3)
    resp = client.get("/tiep-cong-dan/lich.ics")
    assert resp.status_code == 200 and resp.mimetype == "text/calendar"
    body = resp.get_data()
    assert body.startswith(b"BEGIN:VCALENDAR\r\n") and body.count(b"BEGIN:VEVENT") == 1
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    unfolded = body.decode().replace("\r\n ", "")
    assert "\\;" in unfolded and "\\," in unfolded and "LOCATION:Hội trường UBND phường" in unfolded


def test_public_page_shows_past_dialogue_outcome_and_anonymised_petitions(client, login_as, make_session, groups, db):
    from moderation import queue
    from moderation.reception import registrations, services
    from tests.moderation.reception.conftest import offline_form

    upcoming = make_session(days=3, kind=SessionKind.secretary, host_name="Nguyễn Bí Thư")
    past = make_session(days=-2, kind=SessionKind.dialogue_group, topic="Vệ sinh môi trường tổ 2")
    moderator = login_as("moderator")
    sub = services.enter_offline_petition(moderator, offline_form(
        channel="dialogue", title="Thu gom rác tổ 2 đúng giờ", name="Hoàng Riêng Tư", phone="0905999888"),
        session=past)
    queue.approve_submission(sub, moderator)
    reg = registrations.register(upcoming, {"name": "Đặng Đăng Ký", "phone": "0905777666",
                                            "topic": "Hỏi về đền bù mở rộng đường", "consent": True})
    services.set_session_status(moderator, past, "held", "Thống nhất thu gom rác lúc 18 giờ hằng ngày.")
    db.session.commit()
    html = client.get("/tiep-cong-dan").get_data(as_text=True)
    assert "Nguyễn Bí Thư" in html and "Thống nhất thu gom rác lúc 18 giờ" in html
    assert "Thu gom rác tổ 2 đúng giờ" in html
    detail = client.get(f"/tiep-cong-dan/{past.id}").get_data(as_text=True)
    for page in (html, detail, client.get(f"/tiep-cong-dan/{upcoming.id}").get_data(as_text=True),
                 client.get("/tiep-cong-dan/lich.ics").get_data(as_text=True),
                 client.get("/api/v1/reception-sessions").get_data(as_text=True)):
        for secret in ("Hoàng Riêng Tư", "0905999888", "Đặng Đăng Ký", "0905777666", reg.code, "đền bù"):
            assert secret not in page
    assert db.session.get(ReceptionSession, past.id).status == SessionStatus.held

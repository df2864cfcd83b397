"""Counts by channel in /thong-ke, GET /api/v1/stats and the periodic report's sentences; the
reception figures (sessions held, registrations, attendance)."""
from __future__ import annotations

import datetime as dt

from moderation.intake.models import Channel
from portal.database import utcnow
from tests.moderation.reception.conftest import offline_form

GOOD_REG = {"name": "Võ Thị Đăng", "phone": "0905123123", "topic": "Đề nghị sửa đường kiệt 14", "consent": True}


def _world(db, make_user, make_session):
    from moderation import intake
    from moderation.reception import registrations, services

    clerk = make_user("reception", name="Lê Thị Tiếp")
    for channel in ("reception", "reception", "hotline"):
        services.enter_offline_petition(clerk, offline_form(channel=channel, name="", phone="", address="",
                                                            consent_contact=""))
    intake.submit_petition({"topic": "environment", "title": "Rác ở đầu kiệt 45",
                            "description": "Điểm tập kết rác ở đầu kiệt 45 chưa được thu gom ba ngày."})
    services.record_desk_matters(clerk, {"complaint": "2", "denunciation": "0"}, offline_form()["received_on"])
    held = make_session(days=1, capacity=3)
    reg = registrations.register(held, GOOD_REG)
    registrations.register(held, {**GOOD_REG, "phone": "0905000999"})
    registrations.mark_attendance(clerk, reg, "1")
    held.starts_at = utcnow() - dt.timedelta(hours=3)
    held.ends_at = utcnow() - dt.timedelta(hours=1)
    services.set_session_status(clerk, held, "held", "Đã trả lời tại chỗ.")
    db.session.commit()


def test_api_and_page_count_by_channel(client, db, make_user, make_session, groups):
    _world(db, make_user, make_session)
    stats = client.get("/api/v1/stats").get_json()
    assert stats["by_channel"]["reception"] == 2 and stats["by_channel"]["hotline"] == 1
    assert stats["by_channel"]["web"] == 1 and stats["by_channel"]["letter"] == 0
    assert set(stats["by_channel"]) == {c.value for c in Channel}
    assert stats["redirected_at_intake_by_channel"] == {"reception": 2}
    assert stats["reception"] == {"sessions_held": 1, "sessions_held_by_kind": {"chairman": 1},
                                  "registrations": 2, "attended": 1}
    props = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]["PetitionStatistics"]["properties"]
    assert "by_channel" in props and "reception" in props
    html = client.get("/thong-ke").get_data(as_text=True)
    assert 'id="channel-reception">2<' in html and "Tiếp công dân tại trụ sở" in html
    assert 'id="stat-sessions-held">1<' in html and 'id="stat-attended">1<' in html


def test_report_sentences_name_the_real_channels(app, db, make_user, make_session, groups):
    from moderation import reports
    from moderation.cases.deadlines import today

    _world(db, make_user, make_session)
    day = today()
    data = reports.report_data(day.replace(month=1, day=1), day.replace(month=12, day=31))
    text = " ".join(" ".join(ps) for _h, ps in reports.report_sentences(data, "năm"))
    assert "Tiếp nhận 04 ý kiến kiến nghị của Nhân dân" in text
    assert "(tại buổi tiếp công dân 02; qua đường dây nóng 01; qua Cổng Dân chủ cơ sở 01)" in text
    assert "Hướng dẫn 02 trường hợp gửi khiếu nại, tố cáo tại buổi tiếp công dân" in text
    assert "Tổ chức 01 buổi tiếp công dân, đối thoại với Nhân dân; 02 lượt công dân đăng ký" in text


def test_cached_figures_follow_reception_changes(app, db, make_user, make_session, groups):
    from moderation import reports
    from moderation.reception import registrations

    s = make_session(days=1)
    reg = registrations.register(s, GOOD_REG)
    db.session.commit()
    assert reports.compute_statistics()["reception"]["attended"] == 0
    assert reports.compute_statistics()["reception"]["registrations"] == 1  # from the cache
    registrations.mark_attendance(make_user("reception"), reg, "1")
    db.session.commit()
    assert reports.compute_statistics()["reception"]["attended"] == 1
    registrations.register(s, {**GOOD_REG, "phone": "0905000321"})
    db.session.commit()
    assert reports.compute_statistics()["reception"]["registrations"] == 2

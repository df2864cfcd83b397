"""The public page micro-cache (``portal/pagecache.py``), found necessary by ``bench/pages.py``:
cookie-less visitors share cached pages; anyone with a cookie gets a fresh page; nothing a signed-in
person saw is ever stored; entries expire."""
from __future__ import annotations

import datetime as dt

import pytest

from portal import pagecache
from public_docs.disclosures import services


@pytest.fixture
def config_overrides():
    return {"PAGE_CACHE_SECONDS": 60}


def _publish(db, title: str):
    today = services.today()
    _publish.n = getattr(_publish, "n", 0) + 1
    d = services.create_disclosure({
        "number": f"{_publish.n}/TB-UBND", "title": title,
        "summary": "Thông báo về lịch thu gom rác thải sinh hoạt trên địa bàn phường.",
        "body": "Nội dung thông báo.", "category": "plans", "form": "Thông báo",
        "issuer": "UBND phường Hòa An", "issued_on": (today - dt.timedelta(days=2)).isoformat(),
        "effective_on": (today - dt.timedelta(days=2)).isoformat(),
    }, actor="test")
    services.publish_disclosure(d, actor="test", secrecy_confirmed=True)
    db.session.commit()
    return d


def test_cookieless_visitors_share_the_page_and_cookies_bypass_it(app, client, db):
    d = _publish(db, "Thông báo lịch thu gom rác")
    first = client.get(f"/cong-khai/{d.id}")
    assert first.status_code == 200 and first.headers.get("X-Page-Cache") == "miss"
    second = client.get(f"/cong-khai/{d.id}")
    assert second.headers.get("X-Page-Cache") == "hit"
    assert second.get_data() == first.get_data()
    assert second.headers["Content-Security-Policy"]  # the security headers are still added

    client.set_cookie("lang", "vi")
    fresh = client.get(f"/cong-khai/{d.id}")
    assert fresh.headers.get("X-Page-Cache") is None  # a cookie: never from the cache, never stored


def test_a_signed_in_page_is_never_stored(app, client, db, login_as):
    d = _publish(db, "Thông báo tổ chức hội nghị nhân dân")
    user = login_as("editor")
    staff_page = client.get(f"/cong-khai/{d.id}")
    assert staff_page.status_code == 200 and staff_page.headers.get("X-Page-Cache") is None
    anonymous = app.test_client()
    page = anonymous.get(f"/cong-khai/{d.id}")
    assert page.headers.get("X-Page-Cache") == "miss"
    assert user.email not in page.get_data(as_text=True)


def test_only_listed_pages_and_gets_are_cached(app, client, db):
    assert client.get("/gioi-thieu").headers.get("X-Page-Cache") is None
    assert client.get("/healthz").headers.get("X-Page-Cache") is None
    assert client.get("/cong-khai").headers.get("X-Page-Cache") == "miss"
    assert client.get("/cong-khai?page=1").headers.get("X-Page-Cache") == "miss"  # the query is in the key
    assert client.get("/cong-khai").headers.get("X-Page-Cache") == "hit"
    assert client.get("/cong-khai/999999").headers.get("X-Page-Cache") is None  # 404: not stored
    assert client.get("/cong-khai/999999").status_code == 404


def test_entries_expire(app, client, db, monkeypatch):
    clock = {"now": 1000.0}
    monkeypatch.setattr(pagecache.time, "monotonic", lambda: clock["now"])
    app.extensions["page_cache"].clear()
    assert client.get("/cong-khai").headers.get("X-Page-Cache") == "miss"
    clock["now"] += 30
    assert client.get("/cong-khai").headers.get("X-Page-Cache") == "hit"
    clock["now"] += 31
    assert client.get("/cong-khai").headers.get("X-Page-Cache") == "miss"


def test_off_under_testing_unless_asked(tmp_path):
    from portal import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'a.db'}"})
    assert "page_cache" not in app.extensions


def test_a_publication_shows_at_once(app, client, db):
    _publish(db, "Thông báo thứ nhất")
    assert client.get("/cong-khai").headers.get("X-Page-Cache") == "miss"
    assert client.get("/cong-khai").headers.get("X-Page-Cache") == "hit"
    _publish(db, "Thông báo lịch tiêm phòng dại cho chó mèo")
    page = client.get("/cong-khai")
    assert page.headers.get("X-Page-Cache") == "miss"
    assert "Thông báo lịch tiêm phòng dại cho chó mèo" in page.get_data(as_text=True)


def test_a_resident_petition_does_not_empty_the_cache(app, client, db):
    from sqlalchemy import select

    from moderation import intake
    from moderation.intake.models import Topic

    assert client.get("/cong-khai").headers.get("X-Page-Cache") == "miss"
    topic = db.session.scalars(select(Topic)).first()
    intake.submit_petition({"kind": "feedback", "topic": topic.code, "title": "Đèn đường hỏng",
                            "description": "Đèn chiếu sáng trên kiệt 12 bị hỏng đã hai tuần nay."})
    db.session.commit()
    assert client.get("/cong-khai").headers.get("X-Page-Cache") == "hit"

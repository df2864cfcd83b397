"""Each refusal has a message that fits it: a failed login is not 'not sent: fix these errors', a
tracking lookup refused for too many codes does not promise to keep typed content, an often-opened
page does not either; a refused form keeps its message."""
from __future__ import annotations

import re

import pytest

from tests.fixtures.submissions import form_post


def _summary_heading(html: str) -> str:
    return re.search(r'<div class="error-summary"[^>]*>\s*<h2>([^<]+)</h2>', html).group(1)


def test_failed_login_is_headed_as_a_login(client, make_user):
    make_user("moderator", email="mod@example.vn", password="Mat-khau-rat-dai-1")
    r = client.post("/can-bo/dang-nhap", data={"email": "mod@example.vn", "password": "sai-mat-khau-123"})
    html = r.get_data(as_text=True)
    assert r.status_code in (400, 401, 200)
    assert _summary_heading(html) == "Chưa đăng nhập được"
    assert "Chưa gửi được" not in html
    english = client.post("/can-bo/dang-nhap?lang=en", data={"email": "", "password": ""}).get_data(as_text=True)
    assert _summary_heading(english) == "Could not sign in"


def test_a_refused_form_keeps_its_heading(client, groups):
    html = client.post("/gui-kien-nghi", data=form_post(title="")).get_data(as_text=True)
    assert _summary_heading(html) == "Chưa gửi được: vui lòng sửa các lỗi sau"


@pytest.mark.parametrize("config_overrides", [{"TRACKING_RATE_LIMIT": "2 per minute", "RATELIMIT_ENABLED": True}])
def test_tracking_429_speaks_of_codes_not_of_kept_content(client, groups):
    for _ in range(2):
        client.get("/tra-cuu/KN-AAAA-BBBB-CC")
    r = client.get("/tra-cuu/KN-AAAA-BBBB-CC")
    html = r.get_data(as_text=True)
    assert r.status_code == 429
    assert "Bạn đã nhập mã quá nhiều lần trong thời gian ngắn" in html and "vẫn được giữ" not in html
    api = client.get("/api/v1/submissions/KN-AAAA-BBBB-CC").get_json()
    assert "vẫn được giữ" not in api["message"] and "nhập mã quá nhiều lần" in api["message"]


@pytest.mark.parametrize("config_overrides", [{"SUBMISSION_RATE_LIMIT_IP": "1 per hour", "RATELIMIT_ENABLED": True}])
def test_a_refused_petition_still_says_its_text_is_kept(client, groups):
    assert client.post("/gui-kien-nghi", data=form_post()).status_code == 302
    r = client.post("/gui-kien-nghi", data=form_post(title="Lần thứ hai bị chặn"))
    html = r.get_data(as_text=True)
    assert r.status_code == 429 and "vẫn được giữ trên trang này" in html and 'value="Lần thứ hai bị chặn"' in html


def test_a_page_opened_too_often_promises_nothing_typed(app, client):
    from portal.extensions import limiter

    @app.get("/__opened")
    @limiter.limit("1 per hour")
    def _opened():
        return "ok"

    client.get("/__opened")
    html = client.get("/__opened").get_data(as_text=True)
    assert "Bạn đã mở trang này quá nhiều lần" in html and "vẫn được giữ" not in html


def test_a_bad_statistics_period_is_not_a_form_that_was_not_sent(client):
    """The statistics page is looked at, not sent (issue 18, item 12)."""
    r = client.get("/thong-ke?from=2026-13-01")
    html = r.get_data(as_text=True)
    assert r.status_code == 400
    assert _summary_heading(html) == "Chưa xem được thống kê"


def test_a_refused_password_is_headed_as_setting_the_password(client, db, login_as):
    from portal.accounts import invites

    admin = login_as("admin")
    raw = {}
    original = invites.secrets.token_urlsafe
    invites.secrets.token_urlsafe = lambda n: raw.setdefault("t", original(n))
    try:
        invites.send_set_password_link(admin, admin)
    finally:
        invites.secrets.token_urlsafe = original
    db.session.commit()
    client.post("/can-bo/dang-xuat")
    r = client.post(f"/can-bo/dat-mat-khau/{raw['t']}", data={"new": "Mot-mat-khau-dai-2026", "confirm": "khac"})
    assert r.status_code == 400 and _summary_heading(r.get_data(as_text=True)) == "Chưa đặt được mật khẩu"

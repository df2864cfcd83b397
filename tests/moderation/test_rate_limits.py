"""Rate limits of the public forms count accepted submissions only (a separate, higher limit counts
every attempt), and every 429 says how long to wait, with a Retry-After header (issue 11, item 11)."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from moderation.intake.models import Submission
from tests.fixtures.submissions import form_post, valid_petition


def n_submissions(db) -> int:
    return db.session.scalar(select(func.count(Submission.id)))


def wait_minutes(text: str) -> float:
    """The wait the message announces ('thử lại sau 1 giờ 5 phút'), in minutes."""
    match = re.search(r"Vui lòng thử lại sau ((?:\d+ (?:giờ|phút|giây) ?)+)", text)
    assert match, text
    units = {"giờ": 60, "phút": 1, "giây": 1 / 60}
    return sum(int(n) * units[u] for n, u in re.findall(r"(\d+) (giờ|phút|giây)", match.group(1)))


def post(client, **overrides):
    return client.post("/gui-kien-nghi", data=form_post(**overrides))


@pytest.mark.parametrize("config_overrides", [{"SUBMISSION_RATE_LIMIT_IP": "2 per hour"}])
def test_refused_posts_do_not_use_up_the_petition_limit(client, groups, db):
    for _ in range(5):  # a resident struggling with the phone field
        resp = post(client, phone="090512", consent="y")
        assert resp.status_code == 422 and "Số điện thoại không hợp lệ" in resp.get_data(as_text=True)
    assert post(client, title="Bao gom tai khoan thu nhat").status_code == 302
    assert post(client).status_code == 302
    resp = post(client, title="Lần thứ ba trong giờ")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 429 and 'value="Lần thứ ba trong giờ"' in html
    assert 55 <= wait_minutes(html) <= 60 and "ít phút" not in html and "vài phút" not in html
    assert 55 * 60 < int(resp.headers["Retry-After"]) <= 3600
    assert n_submissions(db) == 2


@pytest.mark.parametrize("config_overrides", [{"SUBMISSION_ATTEMPT_RATE_LIMIT_IP": "3 per hour"}])
def test_every_attempt_counts_against_the_higher_limit(client, groups, db):
    assert [post(client, title="ab").status_code for _ in range(3)] == [422, 422, 422]
    resp = post(client)
    assert resp.status_code == 429 and 1 <= wait_minutes(resp.get_data(as_text=True)) <= 60
    assert n_submissions(db) == 0


@pytest.mark.parametrize("config_overrides", [{"SUBMISSION_RATE_LIMIT_CONTACT": "1 per day"}])
def test_contact_limit_counts_accepted_and_says_hours(client, groups, db):
    assert post(client, phone="0905111222", consent="y", title="ab").status_code == 422
    assert post(client, phone="0905111222", consent="y").status_code == 302
    resp = client.post("/gui-kien-nghi", data=form_post(phone="+84 905 111 222", consent="y"),
                       environ_base={"REMOTE_ADDR": "10.9.9.9"})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 429 and 23 * 60 < wait_minutes(html) <= 24 * 60
    assert int(resp.headers["Retry-After"]) > 23 * 3600
    assert n_submissions(db) == 1


@pytest.mark.parametrize("config_overrides", [{"SUBMISSION_RATE_LIMIT_IP": "2 per hour"}])
def test_api_counts_accepted_petitions_only(client, groups, db):
    for _ in range(4):
        assert client.post("/api/v1/petitions", json=valid_petition(phone="1", consent=True)).status_code == 422
    assert [client.post("/api/v1/petitions", json=valid_petition()).status_code for _ in range(2)] == [201, 201]
    resp = client.post("/api/v1/petitions", json=valid_petition())
    assert resp.status_code == 429 and resp.is_json
    assert 55 <= wait_minutes(resp.get_json()["message"]) <= 60
    assert 0 < int(resp.headers["Retry-After"]) <= 3600
    assert n_submissions(db) == 2


@pytest.mark.parametrize("config_overrides", [{"SUPPORT_RATE_LIMIT_IP": "1 per hour"}])
def test_refused_supports_do_not_count(client, petition, db):
    from moderation.intake.models import SubmissionStatus
    from tests.fixtures.submissions import token

    sub = petition()
    sub.status = SubmissionStatus.approved
    db.session.commit()
    url = f"/gui-kien-nghi/ung-ho/{sub.id}"
    for bad in ("@", "a@@", "12"):
        assert client.post(url, data={"contact": bad, "form_started": token()}).status_code == 422
    assert client.post(url, data={"contact": "0905777888", "form_started": token()}).status_code == 200
    resp = client.post(url, data={"contact": "0905777999", "form_started": token()})
    assert resp.status_code == 429 and 55 <= wait_minutes(resp.get_data(as_text=True)) <= 60
    assert "Retry-After" in resp.headers


@pytest.mark.parametrize("config_overrides", [{"TRACKING_RATE_LIMIT": "2 per minute"}])
def test_tracking_429_says_how_long_and_sends_retry_after(client, groups):
    for _ in range(2):
        client.get("/tra-cuu/KN-AAAA-BBBB-CC")
    resp = client.get("/tra-cuu/KN-AAAA-BBBB-CC")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 429 and 0 < wait_minutes(html) <= 1
    assert 1 <= int(resp.headers["Retry-After"]) <= 60
    api = client.get("/api/v1/submissions/KN-AAAA-BBBB-CC")
    assert api.status_code == 429 and 0 < wait_minutes(api.get_json()["message"]) <= 1
    assert "Retry-After" in api.headers


def test_any_429_page_says_how_long(app, client):
    from portal.extensions import limiter

    @app.get("/__limited")
    @limiter.limit("1 per hour")
    def _limited():
        return "ok"

    assert client.get("/__limited").status_code == 200
    resp = client.get("/__limited")
    assert resp.status_code == 429 and 55 <= wait_minutes(resp.get_data(as_text=True)) <= 60
    assert int(resp.headers["Retry-After"]) > 55 * 60


@pytest.mark.parametrize("seconds,text", [(1, "1 giây"), (59.2, "1 phút"), (61, "2 phút"), (60, "1 phút"),
                                          (2520, "42 phút"), (3600, "1 giờ"), (3900, "1 giờ 5 phút"),
                                          (86400, "24 giờ")])
def test_wait_text(app, seconds, text):
    from portal.i18n import wait_text

    with app.test_request_context("/"):
        assert wait_text(seconds) == text


@pytest.mark.parametrize("config_overrides", [{"SUBMISSION_RATE_LIMIT_IP": "1 per hour"}])
def test_the_api_429_does_not_speak_of_a_page(client, groups, db):
    """An app posting through the API has no page where 'what you typed is kept' (issue 18, item 12)."""
    assert client.post("/api/v1/petitions", json=valid_petition()).status_code == 201
    resp = client.post("/api/v1/petitions", json=valid_petition(title="Lần thứ hai trong giờ"))
    message = resp.get_json()["message"]
    assert resp.status_code == 429 and resp.headers["Retry-After"]
    assert 55 <= wait_minutes(message) <= 60
    assert "trang này" not in message and "vẫn được giữ" not in message

"""The client's address behind a reverse proxy (issue 11, item 8): with ``PROXY_COUNT=1`` rate limits
and the audit log use the address the proxy forwards (X-Forwarded-For), so residents behind one nginx
get their own budgets; with ``PROXY_COUNT=0`` a forged X-Forwarded-For changes nothing."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.audit import AuditEvent
from tests.fixtures.submissions import form_post

PROXY = {"REMOTE_ADDR": "127.0.0.1"}  # nginx on the same host


def _petition(client, forwarded: str | None, **overrides):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return client.post("/gui-kien-nghi", data=form_post(**overrides), headers=headers, environ_base=PROXY)


def _track(client, forwarded: str | None):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return client.get("/tra-cuu/KN-AAAA-BBBB-CC", headers=headers, environ_base=PROXY)


def _login(client, forwarded: str | None):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return client.post("/can-bo/dang-nhap", data={"email": "nobody@test.phuong.vn", "password": "wrong-password"},
                       headers=headers, environ_base=PROXY)


def _created_ips(db) -> list[str]:
    return list(db.session.scalars(
        select(AuditEvent.ip).where(AuditEvent.action == "submission.create").order_by(AuditEvent.id)))


LIMITS = {"SUBMISSION_RATE_LIMIT_IP": "2 per hour", "TRACKING_RATE_LIMIT": "2 per 10 minutes",
          "LOGIN_RATE_LIMIT": "2 per minute", "RATELIMIT_ENABLED": True}


@pytest.mark.parametrize("config_overrides", [{**LIMITS, "PROXY_COUNT": 1}])
def test_behind_one_proxy_each_forwarded_address_has_its_own_petition_budget(app, client, groups, db):
    assert app.config["PROXY_COUNT"] == 1
    for _ in range(2):
        assert _petition(client, "203.0.113.10").status_code == 302
    assert _petition(client, "203.0.113.10").status_code == 429
    # Another resident behind the same proxy is not blocked by the first one's petitions.
    assert _petition(client, "198.51.100.20").status_code == 302
    # A client cannot buy a fresh budget by sending its own X-Forwarded-For: nginx appends the
    # real address, and only the last (trusted) value counts.
    assert _petition(client, "192.0.2.99, 203.0.113.10").status_code == 429
    assert _created_ips(db) == ["203.0.113.10", "203.0.113.10", "198.51.100.20"]


@pytest.mark.parametrize("config_overrides", [{**LIMITS, "PROXY_COUNT": 1}])
def test_behind_one_proxy_lookup_and_login_limits_are_per_forwarded_address(client, groups):
    # Receipt-code lookups (the moderation code's own limiter).
    assert [_track(client, "203.0.113.10").status_code for _ in range(3)] == [404, 404, 429]
    assert _track(client, "198.51.100.20").status_code == 404
    # Login (Flask-Limiter's key function).
    assert [_login(client, "203.0.113.10").status_code for _ in range(3)][-1] == 429
    assert _login(client, "198.51.100.20").status_code != 429


@pytest.mark.parametrize("config_overrides", [{**LIMITS, "PROXY_COUNT": 1}])
def test_behind_one_proxy_audit_records_the_forwarded_address(client, db, make_user):
    make_user("editor", email="ed@test.phuong.vn")
    client.post("/can-bo/dang-nhap", data={"email": "ed@test.phuong.vn", "password": "wrong-password"},
                headers={"X-Forwarded-For": "203.0.113.77"}, environ_base=PROXY)
    ips = set(db.session.scalars(select(AuditEvent.ip).where(AuditEvent.action.like("%login%"))))
    assert ips == {"203.0.113.77"}


@pytest.mark.parametrize("config_overrides", [LIMITS, {**LIMITS, "PROXY_COUNT": 0}])
def test_without_proxy_count_a_forged_forwarded_for_changes_nothing(app, client, groups, db):
    assert app.config["PROXY_COUNT"] == 0
    assert _petition(client, "203.0.113.10").status_code == 302
    assert _petition(client, "198.51.100.20").status_code == 302
    assert _petition(client, "192.0.2.30").status_code == 429  # one budget: the socket's address
    assert _created_ips(db) == ["127.0.0.1", "127.0.0.1"]
    assert [_track(client, f"192.0.2.{i}").status_code for i in range(3)] == [404, 404, 429]
    assert [_login(client, f"192.0.2.{i}").status_code for i in range(3)][-1] == 429


@pytest.mark.parametrize("config_overrides", [{**LIMITS, "PROXY_COUNT": 2}])
def test_two_proxies_trust_the_last_two_hops(client, groups, db):
    # CDN -> nginx -> portal: nginx's X-Forwarded-For holds "client, cdn".
    assert _petition(client, "6.6.6.6, 203.0.113.10, 10.0.0.2").status_code == 302
    assert _created_ips(db) == ["203.0.113.10"]


@pytest.mark.parametrize("config_overrides", [{**LIMITS, "PROXY_COUNT": 1}])
@pytest.mark.parametrize("forwarded", ["not-an-address", "1" * 300, "203.0.113.10:5555"])
def test_a_forwarded_value_that_is_no_address_falls_back_to_the_proxy(client, groups, db, forwarded):
    assert _petition(client, forwarded).status_code == 302
    assert _created_ips(db) == ["127.0.0.1"]


@pytest.mark.parametrize("config_overrides", [{**LIMITS, "PROXY_COUNT": 1}])
def test_ipv6_spellings_of_one_address_share_a_budget(client, groups, db):
    assert _petition(client, "2001:DB8:0:0::7").status_code == 302
    assert _petition(client, "2001:db8::0:7").status_code == 302
    assert _petition(client, "2001:0db8::7").status_code == 429
    assert _created_ips(db) == ["2001:db8::7", "2001:db8::7"]


@pytest.mark.parametrize("value", ["-1", "one", "1.5", "\u0661"])
def test_a_malformed_proxy_count_refuses_to_start(tmp_path, value):
    from portal import create_app
    from portal.config import ConfigurationError

    with pytest.raises(ConfigurationError, match="PROXY_COUNT"):
        create_app({"TESTING": True, "PROXY_COUNT": value, "SECRET_KEY": "x",
                    "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.db'}"})

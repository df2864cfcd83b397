"""Every environment variable in the README's configuration table works: set in the environment, an
app built by ``create_app()`` shows it in its config, and the abuse settings change what the public
forms do (issue 11, item 10)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from moderation.intake.models import Submission
from portal import create_app
from portal.extensions import db as _db
from tests.fixtures.submissions import form_post, token

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_variables() -> list[str]:
    section = README.read_text(encoding="utf-8").split("## Configuration", 1)[1].split("\n## ", 1)[0]
    names = []
    for line in section.splitlines():
        if line.startswith("| `"):
            names += re.findall(r"`([A-Z][A-Z0-9_]*)`", line.split("|")[1])
    return names


# variable -> (value set in the environment, config key, value expected in app.config)
CONFIG = {
    "SECRET_KEY": ("khoa-bi-mat-tu-moi-truong", "SECRET_KEY", "khoa-bi-mat-tu-moi-truong"),
    "PORTAL_ENV": ("development", "ENV_NAME", "development"),  # the base environment says "testing"
    "MAIL_SERVER": ("smtp.phuong.example.vn", "MAIL_SERVER", "smtp.phuong.example.vn"),
    "MAIL_PORT": ("2525", "MAIL_PORT", 2525),
    "MAIL_USERNAME": ("cong", "MAIL_USERNAME", "cong"),
    "MAIL_PASSWORD": ("mat-khau", "MAIL_PASSWORD", "mat-khau"),
    "MAIL_USE_TLS": ("yes", "MAIL_USE_TLS", True),
    "MAIL_DEFAULT_SENDER": ("hop-thu@phuong.example.vn", "MAIL_DEFAULT_SENDER", "hop-thu@phuong.example.vn"),
    "RATELIMIT_STORAGE_URI": ("redis://127.0.0.1:6399/0", "RATELIMIT_STORAGE_URI", "redis://127.0.0.1:6399/0"),
    "RATELIMIT_KEY_PREFIX": ("hoa-an", "RATELIMIT_KEY_PREFIX", "hoa-an"),
    "WARD_NAME": ("Phường Thử Nghiệm", "WARD_NAME", "Phường Thử Nghiệm"),
    "WARD_PARENT": ("Tỉnh Thử", "WARD_PARENT", "Tỉnh Thử"),
    "WARD_ADDRESS": ("Số 1 đường Thử", "WARD_ADDRESS", "Số 1 đường Thử"),
    "WARD_HOTLINE": ("0236 1111 222", "WARD_HOTLINE", "0236 1111 222"),
    "WARD_EMAIL": ("ubnd@thu.gov.vn", "WARD_EMAIL", "ubnd@thu.gov.vn"),
    "CONTACT_NAME": ("Lê Văn Thử", "CONTACT_NAME", "Lê Văn Thử"),
    "CONTACT_POSITION": ("Công chức thử", "CONTACT_POSITION", "Công chức thử"),
    "CONTACT_PHONE": ("0905 000 111", "CONTACT_PHONE", "0905 000 111"),
    "CONTACT_EMAIL": ("thu@thu.gov.vn", "CONTACT_EMAIL", "thu@thu.gov.vn"),
    "CONTACT_UPDATED_ON": ("2027-02-03", "CONTACT_UPDATED_ON", "2027-02-03"),
    "RECEPTION_ADDRESS": ("Phòng tiếp dân thử", "RECEPTION_ADDRESS", "Phòng tiếp dân thử"),
    "RECEPTION_HOURS": ("Sáng thứ Hai", "RECEPTION_HOURS", "Sáng thứ Hai"),
    "POSTING_MIN_DAYS": ("45", "POSTING_MIN_DAYS", 45),
    "LATE_PUBLICATION_WORKING_DAYS": ("4", "LATE_PUBLICATION_WORKING_DAYS", 4),
    "LOUDSPEAKER_MIN_DAYS": ("5", "LOUDSPEAKER_MIN_DAYS", 5),
    "ATTACHMENT_MAX_BYTES": ("1234567", "ATTACHMENT_MAX_BYTES", 1234567),
    "SUBMISSION_ATTACHMENT_MAX_BYTES": ("765432", "SUBMISSION_ATTACHMENT_MAX_BYTES", 765432),
    "SLA_MODERATION_DAYS": ("3", "SLA_MODERATION_DAYS", 3),
    "SLA_BOARD_ACK_DAYS": ("6", "SLA_BOARD_ACK_DAYS", 6),
    "SLA_BOARD_DECISION_DAYS": ("16", "SLA_BOARD_DECISION_DAYS", 16),
    "SLA_AUTHORITY_CALENDAR_DAYS": ("31", "SLA_AUTHORITY_CALENDAR_DAYS", 31),
    "RETENTION_MONTHS": ("36", "RETENTION_MONTHS", 36),
    "REJECTED_RETENTION_MONTHS": ("9", "REJECTED_RETENTION_MONTHS", 9),
    "SEARCH_CACHE_MB": ("16", "SEARCH_CACHE_MB", 16),
    "SEARCH_AUTO_REBUILD": ("off", "SEARCH_AUTO_REBUILD", False),
    "SEARCH_WATCH_SECONDS": ("0.5", "SEARCH_WATCH_SECONDS", 0.5),
    "PAGE_CACHE_DB_CHECK_SECONDS": ("3", "PAGE_CACHE_DB_CHECK_SECONDS", 3.0),
    "FORM_MIN_FILL_SECONDS": ("7", "FORM_MIN_FILL_SECONDS", 7),
    "FORM_MAX_AGE_HOURS": ("2", "FORM_MAX_AGE_HOURS", 2),
    "SUBMISSION_RATE_LIMIT_IP": ("3 per hour", "SUBMISSION_RATE_LIMIT_IP", "3 per hour"),
    "SUBMISSION_ATTEMPT_RATE_LIMIT_IP": ("9 per hour", "SUBMISSION_ATTEMPT_RATE_LIMIT_IP", "9 per hour"),
    "SUBMISSION_RATE_LIMIT_CONTACT": ("2 per day", "SUBMISSION_RATE_LIMIT_CONTACT", "2 per day"),
    "SUPPORT_RATE_LIMIT_IP": ("4 per hour", "SUPPORT_RATE_LIMIT_IP", "4 per hour"),
    "SUPPORT_PUBLIC_ANSWER_THRESHOLD": ("25", "SUPPORT_PUBLIC_ANSWER_THRESHOLD", 25),
    "TRACKING_RATE_LIMIT": ("5 per 10 minutes", "TRACKING_RATE_LIMIT", "5 per 10 minutes"),
    "UPLOAD_STORAGE": ("s3", "UPLOAD_STORAGE", "s3"),
    "S3_BUCKET": ("tep-phuong", "S3_BUCKET", "tep-phuong"),
    "S3_ENDPOINT_URL": ("http://127.0.0.1:9000", "S3_ENDPOINT_URL", "http://127.0.0.1:9000"),
    "S3_REGION": ("ap-southeast-1", "S3_REGION", "ap-southeast-1"),
    "S3_PREFIX": ("hoa-an/", "S3_PREFIX", "hoa-an/"),
    "PETITION_LIST_RATE_LIMIT": ("7 per minute", "PETITION_LIST_RATE_LIMIT", "7 per minute"),
    "UPLOAD_MAX_IMAGE_PIXELS": ("12000000", "UPLOAD_MAX_IMAGE_PIXELS", 12_000_000),
    "UPLOAD_MAX_UNCOMPRESSED_BYTES": ("1048576", "UPLOAD_MAX_UNCOMPRESSED_BYTES", 1_048_576),
    "PROXY_COUNT": ("2", "PROXY_COUNT", 2),
    "PUBLIC_URL": ("https://phuong-thu.example.vn", "PUBLIC_URL", "https://phuong-thu.example.vn"),
    "WARD_TIME_ZONE": ("Asia/Bangkok", "WARD_TIME_ZONE", "Asia/Bangkok"),
    "PRIVACY_REQUEST_HOURS": ("48", "PRIVACY_REQUEST_HOURS", 48),
    "SET_PASSWORD_LINK_HOURS": ("24", "SET_PASSWORD_LINK_HOURS", 24),
}
# Checked by their own tests below.
SEPARATE = {"DATABASE_URL", "SEARCH_INDEX_DIR", "UPLOAD_DIR", "PAGE_CACHE_SECONDS", "PAGE_CACHE_ENTRIES",
            "PAGE_CACHE_VERSION_FILE"}


@pytest.fixture
def build(app, monkeypatch, tmp_path):
    """``build(**env)`` → an app made by ``create_app()`` from the environment alone, on the test
    database and folders; README variables not named are unset."""
    base = {"PORTAL_ENV": "testing", "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
            "SECRET_KEY": app.config["SECRET_KEY"], "SEARCH_INDEX_DIR": app.config["SEARCH_INDEX_DIR"],
            "UPLOAD_DIR": app.config["UPLOAD_DIR"], "MAIL_DIR": app.config["MAIL_DIR"],
            "PUBLIC_URL": "http://127.0.0.1:5000"}
    built = []

    def _build(**env):
        for name in {*readme_variables(), *CONFIG, "RATELIMIT_ENABLED"}:
            monkeypatch.delenv(name, raising=False)
        for name, value in {**base, **env}.items():
            monkeypatch.setenv(name, str(value))
        new = create_app()
        built.append(new)
        return new

    yield _build
    for new in built:
        with new.app_context():
            _db.engine.dispose()


def n_submissions(db) -> int:
    db.session.commit()  # a fresh snapshot: the other app wrote through its own connection
    return db.session.scalar(select(func.count(Submission.id)))


def test_every_readme_variable_has_a_check():
    documented = readme_variables()
    assert len(documented) > 30
    unchecked = [name for name in documented if name not in CONFIG and name not in SEPARATE]
    assert not unchecked, f"add a check that these documented variables work: {unchecked}"


def test_every_variable_reaches_the_config(build):
    from portal.extensions import limiter

    checks = {name: check for name, check in CONFIG.items() if name in readme_variables()}
    app = build(**{name: raw for name, (raw, _key, _value) in checks.items()})
    wrong = {name: app.config.get(key) for name, (_raw, key, value) in checks.items() if app.config.get(key) != value}
    assert not wrong, f"set in the environment but not in app.config: {wrong}"
    assert type(limiter.limiter.storage).__name__ == "RedisStorage"  # the storage URI reached the limiter
    store = app.extensions["upload_storage"]  # the S3 settings reached the upload storage
    assert (type(store).__name__, store.bucket, store.prefix) == ("S3Storage", "tep-phuong", "hoa-an/")
    meta = store.client.meta
    assert (meta.endpoint_url, meta.region_name) == ("http://127.0.0.1:9000", "ap-southeast-1")


def test_paths_database_production_and_page_cache(build, tmp_path, app):
    index, files = tmp_path / "chi-muc", tmp_path / "tep"
    built = build(SEARCH_INDEX_DIR=index, UPLOAD_DIR=files, PAGE_CACHE_SECONDS="30", PAGE_CACHE_ENTRIES="77",
                  PAGE_CACHE_VERSION_FILE=tmp_path / "phien-ban", PAGE_CACHE_DB_CHECK_SECONDS="3")
    assert built.config["SEARCH_INDEX_DIR"] == str(index) and built.config["UPLOAD_DIR"] == str(files)
    assert built.config["SQLALCHEMY_DATABASE_URI"] == app.config["SQLALCHEMY_DATABASE_URI"]
    store = built.extensions["page_cache"]
    assert (store.ttl, store.max_entries) == (30, 77)
    assert store.version_file == str(tmp_path / "phien-ban") and store.db_token.every == 3
    other = build(DATABASE_URL=f"sqlite:///{tmp_path / 'khac.db'}")
    assert other.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'khac.db'}"
    assert "page_cache" not in other.extensions  # off under testing unless set
    prod = build(PORTAL_ENV="production")
    assert prod.config["ENV_NAME"] == "production" and prod.config["SESSION_COOKIE_SECURE"] is True


def _petition(client, age: float = 60, **overrides):
    return client.post("/gui-kien-nghi", data=form_post(form_started=token(age), **overrides))


def test_submission_rate_limit_ip_gives_429_earlier(build, groups, db):
    default = build()
    client = default.test_client()
    assert [_petition(client).status_code for _ in range(2)] == [302, 302]
    lowered = build(SUBMISSION_RATE_LIMIT_IP="1 per hour")
    client = lowered.test_client()
    assert _petition(client).status_code == 302
    resp = _petition(client, title="Lần thứ hai bị chặn")
    assert resp.status_code == 429 and "Vui lòng thử lại sau" in resp.get_data(as_text=True)
    assert n_submissions(db) == 3


def test_submission_rate_limit_contact(build, groups, db):
    client = build(SUBMISSION_RATE_LIMIT_CONTACT="1 per day").test_client()
    assert _petition(client, phone="0905111222", consent="y").status_code == 302
    resp = client.post("/gui-kien-nghi", data=form_post(phone="+84 905 111 222", consent="y"),
                       environ_base={"REMOTE_ADDR": "10.9.9.9"})
    assert resp.status_code == 429 and n_submissions(db) == 1


def test_attempt_limit_counts_refused_posts(build, groups, db):
    client = build(SUBMISSION_ATTEMPT_RATE_LIMIT_IP="2 per hour").test_client()
    assert [_petition(client, phone="12").status_code for _ in range(2)] == [422, 422]
    assert _petition(client).status_code == 429 and n_submissions(db) == 0


def test_tracking_rate_limit_limits_lookups(build, groups):
    client = build(TRACKING_RATE_LIMIT="2 per 10 minutes").test_client()
    assert [client.get("/tra-cuu/KN-AAAA-BBBB-CC").status_code for _ in range(2)] == [404, 404]
    resp = client.get("/tra-cuu", query_string={"code": "KN AAAA BBBB CD"}, follow_redirects=True)
    assert resp.status_code == 429
    assert client.get("/api/v1/submissions/KN-AAAA-BBBB-CC").status_code == 429
    other = build(TRACKING_RATE_LIMIT="5 per 10 minutes").test_client()
    assert [other.get("/tra-cuu/KN-AAAA-BBBB-CC").status_code for _ in range(5)] == [404] * 5


def test_form_min_fill_seconds(build, groups, db):
    instant = build(FORM_MIN_FILL_SECONDS="0").test_client()
    assert _petition(instant, age=0).status_code == 302
    slow = build(FORM_MIN_FILL_SECONDS="3600").test_client()
    resp = _petition(slow, age=600)
    assert resp.status_code == 400 and "quá nhanh" in resp.get_data(as_text=True)
    assert _petition(build().test_client(), age=0).status_code == 400  # the default 4 s
    assert n_submissions(db) == 1


def test_form_max_age_hours(build, groups, db):
    client = build(FORM_MAX_AGE_HOURS="1").test_client()
    resp = _petition(client, age=2 * 3600)
    assert resp.status_code == 400 and "hết hạn" in resp.get_data(as_text=True)
    assert _petition(build().test_client(), age=2 * 3600).status_code == 302


def test_support_rate_limit_ip(build, petition, db):
    from moderation.intake.models import SubmissionStatus

    sub = petition()
    sub.status = SubmissionStatus.approved
    db.session.commit()
    client = build(SUPPORT_RATE_LIMIT_IP="1 per hour").test_client()
    url = f"/gui-kien-nghi/ung-ho/{sub.id}"
    assert client.post(url, data={"contact": "0905 777 888", "form_started": token()}).status_code == 200
    resp = client.post(url, data={"contact": "0905 777 999", "form_started": token()})
    assert resp.status_code == 429 and "Vui lòng thử lại sau" in resp.get_data(as_text=True)


def test_an_invalid_limit_keeps_the_default(build, groups, db):
    client = build(SUBMISSION_RATE_LIMIT_IP="mười lần mỗi giờ").test_client()
    assert client.application.config["SUBMISSION_RATE_LIMIT_IP"] == "10 per hour"
    assert _petition(client).status_code == 302

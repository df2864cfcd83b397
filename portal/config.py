"""Configuration classes; every value can come from the environment."""
from __future__ import annotations

import os
from collections.abc import MutableMapping
from urllib.parse import urlsplit, urlunsplit

DEVELOPMENT_PUBLIC_URL = "http://127.0.0.1:5000"


class ConfigurationError(RuntimeError):
    """A setting the portal cannot start with; the message says which and how to fix it."""


class _Env:
    """A setting taken from the environment variable ``name`` each time the configuration is read
    (``app.config.from_object`` in ``create_app``), not once at import: an app built after the
    environment changed sees the change. Empty or unparsable values give the default."""

    def __init__(self, name: str, default, parse=str):
        self.name, self.default, self.parse = name, default, parse

    def __get__(self, obj, owner=None):
        value = os.environ.get(self.name)
        if value in (None, ""):
            return self.default
        try:
            return self.parse(value)
        except ValueError:
            return self.default


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env(name: str, default: str | None = None) -> _Env:
    return _Env(name, default)


def _env_int(name: str, default: int) -> _Env:
    return _Env(name, default, int)


def _limit(value: str) -> str:
    from limits import parse

    parse(value)  # ValueError: not a rate limit ("10 per hour", "30/10 minutes")
    return value


def _env_limit(name: str, default: str) -> _Env:
    return _Env(name, default, _limit)


def _time_zone(value: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(value.strip())
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(value) from exc  # not an IANA zone: the default is used
    return value.strip()


def _env_bool(name: str, default: bool = False) -> _Env:
    return _Env(name, default, _bool)


class Config:
    ENV_NAME = "development"
    SECRET_KEY = _env("SECRET_KEY")  # generated into instance/ when unset
    SQLALCHEMY_DATABASE_URI = _env("DATABASE_URL")  # default: sqlite in instance/
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    SEARCH_INDEX_DIR = _env("SEARCH_INDEX_DIR")  # default: instance/search-index
    UPLOAD_DIR = _env("UPLOAD_DIR")  # default: instance/files
    UPLOAD_STORAGE = _env("UPLOAD_STORAGE", "local")  # local (UPLOAD_DIR) or s3 (portal.storage)
    S3_BUCKET = _env("S3_BUCKET")
    S3_ENDPOINT_URL = _env("S3_ENDPOINT_URL")  # empty: AWS itself
    S3_REGION = _env("S3_REGION")
    S3_PREFIX = _env("S3_PREFIX", "files/")
    MAIL_DIR = _env("MAIL_DIR")  # default: instance/mail
    MAIL_SERVER = _env("MAIL_SERVER")
    MAIL_PORT = _env_int("MAIL_PORT", 25)
    MAIL_USERNAME = _env("MAIL_USERNAME")
    MAIL_PASSWORD = _env("MAIL_PASSWORD")
    MAIL_USE_TLS = _env_bool("MAIL_USE_TLS")
    MAIL_DEFAULT_SENDER = _env("MAIL_DEFAULT_SENDER", "cong-dan-chu@phuong.example.vn")
    OUTBOX_MAX_ATTEMPTS = _env_int("OUTBOX_MAX_ATTEMPTS", 8)
    RATELIMIT_STORAGE_URI = _env("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_KEY_PREFIX = _env("RATELIMIT_KEY_PREFIX", "")  # several wards on one Redis: one prefix each
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_ENABLED = _env_bool("RATELIMIT_ENABLED", True)
    LOGIN_RATE_LIMIT = _env_limit("LOGIN_RATE_LIMIT", "20 per minute")
    PETITION_LIST_RATE_LIMIT = _env_limit("PETITION_LIST_RATE_LIMIT", "120 per minute")
    LOGIN_MAX_FAILURES = _env_int("LOGIN_MAX_FAILURES", 5)
    LOGIN_LOCK_MINUTES = _env_int("LOGIN_LOCK_MINUTES", 15)
    REQUIRE_TOTP_FOR_STAFF = _env_bool("REQUIRE_TOTP_FOR_STAFF", False)
    PASSWORD_MIN_LENGTH = _env_int("PASSWORD_MIN_LENGTH", 10)
    SET_PASSWORD_LINK_HOURS = _env_int("SET_PASSWORD_LINK_HOURS", 72)  # a new account's set-password link
    PASSWORD_HASH_METHOD = "scrypt"
    MAX_CONTENT_LENGTH = _env_int("MAX_CONTENT_LENGTH", 60 * 1024 * 1024)
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = None
    LANGUAGES = ("vi", "en")
    BABEL_DEFAULT_LOCALE = "vi"
    # The ward's time zone (IANA name): every date shown or written is in it (portal.ward.ward_tz).
    WARD_TIME_ZONE = _Env("WARD_TIME_ZONE", "Asia/Ho_Chi_Minh", _time_zone)
    BABEL_DEFAULT_TIMEZONE = _Env("WARD_TIME_ZONE", "Asia/Ho_Chi_Minh", _time_zone)
    DEMO_DATA = _env_bool("DEMO_DATA", False)
    SEARCH_APPLY_AFTER_REQUEST = _env_bool("SEARCH_APPLY_AFTER_REQUEST", True)
    # The address residents reach the portal at: every absolute link (mails, feeds, documents, API)
    # is built from it, never from the request's Host header. Required in production.
    PUBLIC_URL = _env("PUBLIC_URL", DEVELOPMENT_PUBLIC_URL)
    # Reverse proxies in front of the portal whose X-Forwarded-For/-Proto/-Host are trusted (ProxyFix).
    PROXY_COUNT = _env("PROXY_COUNT", "0")
    SEARCH_CACHE_MB = _env_int("SEARCH_CACHE_MB", 64)
    SEARCH_AUTO_REBUILD = _env_bool("SEARCH_AUTO_REBUILD", True)
    # Seconds between two checks of the index-change log by each host's watcher (public_docs.search.watch;
    # on PostgreSQL a NOTIFY wakes it at once); 0 turns it off (then only `flask search sync` catches up).
    SEARCH_WATCH_SECONDS = _Env("SEARCH_WATCH_SECONDS", 1.0, float)
    # Seconds between two reads of the database's page version (another host's change) per process.
    PAGE_CACHE_DB_CHECK_SECONDS = _Env("PAGE_CACHE_DB_CHECK_SECONDS", 1.0, float)
    PAGE_CACHE_VERSION_FILE = _env("PAGE_CACHE_VERSION_FILE")  # default: page-cache.version next to the index
    # Seconds between two checks of the search thesaurus's version (a change made by another process).
    SEARCH_THESAURUS_CHECK_SECONDS = _Env("SEARCH_THESAURUS_CHECK_SECONDS", 5.0, float)

    # Ward identity (Decree 42/2022: contact official shown on every page).
    WARD_NAME = _env("WARD_NAME", "Phường Hòa An")
    WARD_PARENT = _env("WARD_PARENT", "Thành phố Đà Nẵng")
    WARD_ADDRESS = _env("WARD_ADDRESS", "Số 12 đường Tôn Đức Thắng, phường Hòa An, TP Đà Nẵng")
    WARD_HOTLINE = _env("WARD_HOTLINE", "0236 3700 111")
    WARD_EMAIL = _env("WARD_EMAIL", "ubnd@phuong-hoa-an.example.vn")
    CONTACT_NAME = _env("CONTACT_NAME", "Nguyễn Thị Minh Thư")
    CONTACT_POSITION = _env("CONTACT_POSITION", "Công chức Văn phòng - Thống kê")
    CONTACT_PHONE = _env("CONTACT_PHONE", "0905 123 456")
    CONTACT_EMAIL = _env("CONTACT_EMAIL", "thu.ntm@phuong-hoa-an.example.vn")
    CONTACT_UPDATED_ON = _env("CONTACT_UPDATED_ON", "2026-11-01")
    RECEPTION_ADDRESS = _env(
        "RECEPTION_ADDRESS", "Phòng Tiếp công dân, tầng 1 trụ sở UBND phường, số 12 Tôn Đức Thắng"
    )
    RECEPTION_HOURS = _env(
        "RECEPTION_HOURS", "Sáng thứ Ba và thứ Năm hằng tuần, từ 7 giờ 30 đến 11 giờ 30"
    )

    # Disclosures and submissions.
    POSTING_MIN_DAYS = _env_int("POSTING_MIN_DAYS", 30)
    # A disclosure published more than this many working days after its issue date is flagged as late.
    LATE_PUBLICATION_WORKING_DAYS = _env_int("LATE_PUBLICATION_WORKING_DAYS", 2)
    LOUDSPEAKER_MIN_DAYS = _env_int("LOUDSPEAKER_MIN_DAYS", 3)  # where the law asks for a minimum
    CONVENTION_COMMENT_MIN_DAYS = _env_int("CONVENTION_COMMENT_MIN_DAYS", 30)  # a draft convention's comments
    # Matters residents decide (moderation/decisions): passes with MORE than the threshold of the basis
    # (all_households | voting_households); a meeting counts with MORE than the quorum represented.
    DECISION_RULE_BASIS = _env("DECISION_RULE_BASIS", "all_households")
    DECISION_THRESHOLD_PERCENT = _env_int("DECISION_THRESHOLD_PERCENT", 50)
    DECISION_QUORUM_PERCENT = _env_int("DECISION_QUORUM_PERCENT", 50)
    ATTACHMENT_MAX_BYTES = _env_int("ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)
    SUBMISSION_ATTACHMENT_MAX_BYTES = _env_int("SUBMISSION_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
    # Decoding costs ~3 bytes a pixel: 40 MP keeps 12-40 MP phone photos and refuses pixel bombs.
    UPLOAD_MAX_IMAGE_PIXELS = _env_int("UPLOAD_MAX_IMAGE_PIXELS", 40_000_000)
    # DOCX/XLSX/ODT: the members' sizes as the archive declares them, added up, before anything is unpacked.
    UPLOAD_MAX_UNCOMPRESSED_BYTES = _env_int("UPLOAD_MAX_UNCOMPRESSED_BYTES", 50 * 1024 * 1024)
    PRIVACY_NOTICE_VERSION = _env("PRIVACY_NOTICE_VERSION", "2026-01")

    # Abuse defences of the public forms (admins may override them in the settings table).
    FORM_MIN_FILL_SECONDS = _env_int("FORM_MIN_FILL_SECONDS", 4)
    FORM_MAX_AGE_HOURS = _env_int("FORM_MAX_AGE_HOURS", 24)
    SUBMISSION_RATE_LIMIT_IP = _env_limit("SUBMISSION_RATE_LIMIT_IP", "10 per hour")  # accepted ones
    SUBMISSION_ATTEMPT_RATE_LIMIT_IP = _env_limit("SUBMISSION_ATTEMPT_RATE_LIMIT_IP", "60 per hour")  # every post
    SUBMISSION_RATE_LIMIT_CONTACT = _env_limit("SUBMISSION_RATE_LIMIT_CONTACT", "5 per day")  # accepted ones
    SUPPORT_RATE_LIMIT_IP = _env_limit("SUPPORT_RATE_LIMIT_IP", "30 per hour")  # accepted ones
    # Supports at which the Board must answer a petition in public (0: no threshold).
    SUPPORT_PUBLIC_ANSWER_THRESHOLD = _env_int("SUPPORT_PUBLIC_ANSWER_THRESHOLD", 0)
    TRACKING_RATE_LIMIT = _env_limit("TRACKING_RATE_LIMIT", "30 per 10 minutes")  # every lookup

    # Deadlines (working days unless named otherwise).
    SLA_MODERATION_DAYS = _env_int("SLA_MODERATION_DAYS", 2)
    SLA_BOARD_ACK_DAYS = _env_int("SLA_BOARD_ACK_DAYS", 5)
    SLA_BOARD_DECISION_DAYS = _env_int("SLA_BOARD_DECISION_DAYS", 15)
    SLA_AUTHORITY_CALENDAR_DAYS = _env_int("SLA_AUTHORITY_CALENDAR_DAYS", 30)
    RETENTION_MONTHS = _env_int("RETENTION_MONTHS", 24)
    PRIVACY_REQUEST_HOURS = _env_int("PRIVACY_REQUEST_HOURS", 72)  # personal-data requests answered within
    REJECTED_RETENTION_MONTHS = _env_int("REJECTED_RETENTION_MONTHS", 6)


class DevelopmentConfig(Config):
    ENV_NAME = "development"


class TestingConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    WTF_CSRF_ENABLED = False
    PASSWORD_HASH_METHOD = "scrypt:1024:8:1"  # fast hashing in tests only
    RATELIMIT_STORAGE_URI = "memory://"
    SEARCH_APPLY_AFTER_REQUEST = True
    SEARCH_THESAURUS_CHECK_SECONDS = 0.0  # every search checks: the statement count is the same each time
    # No watcher thread unless set (SEARCH_WATCH_SECONDS in the environment or the test's config):
    # tests call Watcher.step().
    SEARCH_WATCH_SECONDS = _Env("SEARCH_WATCH_SECONDS", 0.0, float)
    MAIL_SERVER = None


class ProductionConfig(Config):
    ENV_NAME = "production"
    PUBLIC_URL = _env("PUBLIC_URL")  # no default: links must not point at a development address
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def check_public_url(value) -> str:
    """``value`` as an absolute http(s) base URL without a trailing slash; ConfigurationError else."""
    text = str(value or "").strip()
    hint = "Set PUBLIC_URL to the address residents use, e.g. PUBLIC_URL=https://phuong-hoa-an.example.vn"
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError:
        parts = None
    if (parts is None or parts.scheme not in ("http", "https") or not parts.hostname
            or parts.username is not None or parts.password is not None
            or parts.query or parts.fragment or any(c.isspace() for c in text)):
        raise ConfigurationError(
            f"PUBLIC_URL must be an absolute http:// or https:// address without user, query or "
            f"fragment, got {text!r}. {hint}")
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))


def check_proxy_count(value) -> int:
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()):
        raise ConfigurationError(
            f"PROXY_COUNT must be the number of reverse proxies in front of the portal (0, 1, 2...), "
            f"got {value!r}.")
    return int(text)


def validate(config: MutableMapping) -> None:
    """Refuse to start with a missing or malformed PUBLIC_URL or PROXY_COUNT; normalise both."""
    if not config.get("PUBLIC_URL"):
        if config.get("ENV_NAME") == "production":
            raise ConfigurationError(
                "PUBLIC_URL is required when PORTAL_ENV=production: links in emails, feeds and "
                "documents are built from it. Set e.g. PUBLIC_URL=https://phuong-hoa-an.example.vn")
        config["PUBLIC_URL"] = DEVELOPMENT_PUBLIC_URL
    config["PUBLIC_URL"] = check_public_url(config["PUBLIC_URL"])
    config["PROXY_COUNT"] = check_proxy_count(config.get("PROXY_COUNT", 0))

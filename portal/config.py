"""Configuration classes; every value can come from the environment."""
from __future__ import annotations

import os


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _env_int(name: str, default: int) -> int:
    try:
        return int(_env(name, str(default)))  # type: ignore[arg-type]
    except ValueError:
        return default


def _env_bool(name: str, default: bool = False) -> bool:
    value = _env(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


class Config:
    ENV_NAME = "development"
    SECRET_KEY = _env("SECRET_KEY")  # generated into instance/ when unset
    SQLALCHEMY_DATABASE_URI = _env("DATABASE_URL")  # default: sqlite in instance/
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    SEARCH_INDEX_DIR = _env("SEARCH_INDEX_DIR")  # default: instance/search-index
    UPLOAD_DIR = _env("UPLOAD_DIR")  # default: instance/files
    MAIL_DIR = _env("MAIL_DIR")  # default: instance/mail
    MAIL_SERVER = _env("MAIL_SERVER")
    MAIL_PORT = _env_int("MAIL_PORT", 25)
    MAIL_USERNAME = _env("MAIL_USERNAME")
    MAIL_PASSWORD = _env("MAIL_PASSWORD")
    MAIL_USE_TLS = _env_bool("MAIL_USE_TLS")
    MAIL_DEFAULT_SENDER = _env("MAIL_DEFAULT_SENDER", "cong-dan-chu@phuong.example.vn")
    OUTBOX_MAX_ATTEMPTS = _env_int("OUTBOX_MAX_ATTEMPTS", 8)
    RATELIMIT_STORAGE_URI = _env("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_ENABLED = _env_bool("RATELIMIT_ENABLED", True)
    LOGIN_RATE_LIMIT = _env("LOGIN_RATE_LIMIT", "20 per minute")
    PETITION_LIST_RATE_LIMIT = _env("PETITION_LIST_RATE_LIMIT", "120 per minute")
    LOGIN_MAX_FAILURES = _env_int("LOGIN_MAX_FAILURES", 5)
    LOGIN_LOCK_MINUTES = _env_int("LOGIN_LOCK_MINUTES", 15)
    REQUIRE_TOTP_FOR_STAFF = _env_bool("REQUIRE_TOTP_FOR_STAFF", False)
    PASSWORD_MIN_LENGTH = _env_int("PASSWORD_MIN_LENGTH", 10)
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
    BABEL_DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
    DEMO_DATA = _env_bool("DEMO_DATA", False)
    SEARCH_APPLY_AFTER_REQUEST = _env_bool("SEARCH_APPLY_AFTER_REQUEST", True)

    # Ward identity (Decree 42/2022: contact official shown on every page).
    WARD_NAME = _env("WARD_NAME", "Phường Hòa An")
    WARD_PARENT = _env("WARD_PARENT", "Thành phố Đà Nẵng")
    WARD_ADDRESS = _env("WARD_ADDRESS", "Số 12 đường Tôn Đức Thắng, phường Hòa An, TP Đà Nẵng")
    WARD_HOTLINE = _env("WARD_HOTLINE", "0236 3700 111")
    WARD_EMAIL = _env("WARD_EMAIL", "ubnd.hoaan@danang.gov.vn")
    CONTACT_NAME = _env("CONTACT_NAME", "Nguyễn Thị Minh Thư")
    CONTACT_POSITION = _env("CONTACT_POSITION", "Công chức Văn phòng - Thống kê")
    CONTACT_PHONE = _env("CONTACT_PHONE", "0905 123 456")
    CONTACT_EMAIL = _env("CONTACT_EMAIL", "thu.ntm@danang.gov.vn")
    CONTACT_UPDATED_ON = _env("CONTACT_UPDATED_ON", "2026-11-01")
    RECEPTION_ADDRESS = _env(
        "RECEPTION_ADDRESS", "Phòng Tiếp công dân, tầng 1 trụ sở UBND phường, số 12 Tôn Đức Thắng"
    )
    RECEPTION_HOURS = _env(
        "RECEPTION_HOURS", "Sáng thứ Ba và thứ Năm hằng tuần, từ 7 giờ 30 đến 11 giờ 30"
    )

    # Disclosures and submissions.
    POSTING_MIN_DAYS = _env_int("POSTING_MIN_DAYS", 30)
    ATTACHMENT_MAX_BYTES = _env_int("ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)
    SUBMISSION_ATTACHMENT_MAX_BYTES = _env_int("SUBMISSION_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
    PRIVACY_NOTICE_VERSION = _env("PRIVACY_NOTICE_VERSION", "2026-01")

    # Deadlines (working days unless named otherwise).
    SLA_MODERATION_DAYS = _env_int("SLA_MODERATION_DAYS", 2)
    SLA_BOARD_ACK_DAYS = _env_int("SLA_BOARD_ACK_DAYS", 5)
    SLA_BOARD_DECISION_DAYS = _env_int("SLA_BOARD_DECISION_DAYS", 15)
    SLA_AUTHORITY_CALENDAR_DAYS = _env_int("SLA_AUTHORITY_CALENDAR_DAYS", 30)
    RETENTION_MONTHS = _env_int("RETENTION_MONTHS", 24)
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
    MAIL_SERVER = None


class ProductionConfig(Config):
    ENV_NAME = "production"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}

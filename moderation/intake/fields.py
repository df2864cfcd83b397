"""Field checks for what residents send: one Vietnamese message per field, collected in ``errors``;
every text passes ``portal.sanitize.clean_text``."""
from __future__ import annotations

from sqlalchemy import select

from moderation import abuse
from moderation.intake.choices import list_projects
from portal.extensions import db
from portal.i18n import _l
from portal.params import as_id
from portal.sanitize import REPLACEMENT, clean_text

CHECK_FIELDS = _l("Vui lòng kiểm tra các trường được đánh dấu.")  # the message of a DomainError with field_errors

LIMITS = {"title": (5, 200), "description": (20, 5000), "comment": (5, 5000), "name": (0, 120),
          "info": (0, 5000), "email": (0, 254), "phone": (0, 20)}


def check_text(errors: dict, field: str, value, label: str, required: bool, limit: str | None = None) -> str:
    low, high = LIMITS[limit or field]
    raw = "" if value is None else str(value)
    if len(raw) > high * 4:
        errors[field] = f"{label} tối đa {high} ký tự."
        return ""
    text = clean_text(raw)
    if not text:
        if required:
            errors[field] = f"Vui lòng nhập {label.lower()}."
        return ""
    if len(text) < low:
        errors[field] = f"{label} cần ít nhất {low} ký tự."
    elif len(text) > high:
        errors[field] = f"{label} tối đa {high} ký tự (hiện có {len(text)})."
    return text


def check_contact(errors: dict, name, phone, email, consent) -> tuple[str, str, str]:
    name = check_text(errors, "name", name, "Họ tên", False)
    phone_raw = clean_text(str(phone or ""))[:64]
    phone_n = ""
    if phone_raw:
        phone_n = abuse.normalize_phone(phone_raw)
        if not abuse.valid_phone(phone_n):
            errors["phone"] = "Số điện thoại không hợp lệ: nhập 10 chữ số, ví dụ 0905123456."
    email_raw = clean_text(str(email or ""))[:300]
    email_n = ""
    if email_raw:
        from email_validator import EmailNotValidError, validate_email

        try:
            if REPLACEMENT in email_raw:  # a byte or character the request could not carry (portal.inputs)
                raise EmailNotValidError(email_raw)
            email_n = validate_email(email_raw, check_deliverability=False).normalized
            email_n = email_n[:254]
        except EmailNotValidError:
            errors["email"] = "Địa chỉ email không hợp lệ, ví dụ ten@example.com."
    if (name or phone_raw or email_raw) and not truthy(consent):
        errors["consent"] = ("Vui lòng đánh dấu đồng ý với thông báo xử lý dữ liệu cá nhân, hoặc để trống họ "
                             "tên, điện thoại, email để gửi ẩn danh.")
    return name, phone_n, email_n


def truthy(value) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in {"1", "true", "y", "yes", "on", "co", "có"}


def lookup_active(model, value, errors: dict, field: str, label: str, required: bool):
    if isinstance(value, str):
        value = clean_text(value, 64)
    elif not isinstance(value, int) or isinstance(value, bool):
        value = clean_text(str(value), 64) if value is not None else None
    if value in (None, ""):
        if required:
            errors[field] = f"Vui lòng chọn {label}."
        return None
    row = None
    row_id = as_id(value)  # ASCII digits only: "١" is not topic 1, "²" is no number at all
    if row_id is not None:
        row = db.session.get(model, row_id)
    if row is None and isinstance(value, str):
        row = db.session.scalar(select(model).where(model.code == value[:32]))
    if row is None or not row.active:
        errors[field] = f"{label[:1].upper()}{label[1:]} không hợp lệ: vui lòng chọn trong danh sách."
        return None
    return row


def check_project(value, errors: dict):
    if value in (None, "", 0, "0"):
        return None
    pid = as_id(value)
    if pid is None or pid not in {p.id for p in list_projects()}:
        errors["project_id"] = "Dự án, công trình không hợp lệ: vui lòng chọn trong danh sách."
        return None
    return pid

"""Readable descriptions of the audit log: a registry each package fills from its ``register(app)``.

``add_audit_labels(app, actions={"disclosure.publish": N_("Công bố thông tin")}, subjects={...},
fields={...})`` maps action codes, subject types (table names) and detail keys to Vietnamese labels
marked ``N_`` (translated when shown, as every fixed label). A code nobody registered is shown as it
is. :func:`detail_items` turns an event's details into ``(label, text)`` pairs, with real Unicode
text (never JSON escapes)."""
from __future__ import annotations

import json

from flask import Flask, current_app

from portal.i18n import N_, translate

_KEY = "portal.audit_labels"


def _registry(app: Flask) -> dict:
    return app.extensions.setdefault(_KEY, {"actions": {}, "subjects": {}, "fields": {}})


def add_audit_labels(app: Flask, actions: dict | None = None, subjects: dict | None = None,
                     fields: dict | None = None) -> None:
    reg = _registry(app)
    reg["actions"].update(actions or {})
    reg["subjects"].update(subjects or {})
    reg["fields"].update(fields or {})


def known_actions() -> dict[str, str]:
    return dict(_registry(current_app)["actions"])


def known_subjects() -> dict[str, str]:
    return dict(_registry(current_app)["subjects"])


def action_label(code: str) -> str:
    label = _registry(current_app)["actions"].get(code)
    return translate(label) if label else code


def subject_label(code: str) -> str:
    label = _registry(current_app)["subjects"].get(code)
    return translate(label) if label else code


def field_label(key: str) -> str:
    label = _registry(current_app)["fields"].get(key)
    return translate(label) if label else key


def value_text(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return translate(N_("Có")) if value else translate(N_("Không"))
    if isinstance(value, list):
        return ", ".join(value_text(v) for v in value) or "—"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def detail_items(details: dict | None) -> list[tuple[str, str]]:
    return [(field_label(k), value_text(v)) for k, v in (details or {}).items()]


def details_text(details: dict | None) -> str:
    """The details on one line (CSV): ``Lý do: …; Cũ: …``."""
    return "; ".join(f"{k}: {v}" for k, v in detail_items(details))


# --- portal's own labels ------------------------------------------------------------------------

PORTAL_ACTIONS = {
    "login.success": N_("Đăng nhập"), "login.failed": N_("Đăng nhập không thành công"),
    "login.locked": N_("Tài khoản bị khóa tạm thời"), "login.lockout": N_("Khóa đăng nhập sau nhiều lần sai"),
    "login.disabled": N_("Đăng nhập bằng tài khoản đã vô hiệu hóa"), "logout": N_("Đăng xuất"),
    "user.create": N_("Tạo tài khoản cán bộ"), "user.update": N_("Sửa tài khoản cán bộ"),
    "user.password_change": N_("Đổi mật khẩu"), "user.password_reset": N_("Đặt lại mật khẩu"),
    "user.set_password_link": N_("Gửi liên kết đặt mật khẩu"), "user.password_set": N_("Đặt mật khẩu qua liên kết"),
    "user.totp_enabled": N_("Bật xác thực hai lớp"), "user.totp_disabled": N_("Tắt xác thực hai lớp"),
    "user.totp_enrolment_started": N_("Bắt đầu đăng ký xác thực hai lớp"),
    "setting.change": N_("Thay đổi cài đặt"), "group.create": N_("Thêm %(group_kind)s"),
}
PORTAL_SUBJECTS = {"user": N_("Tài khoản cán bộ"), "setting": N_("Cài đặt"), "residential_group": N_("%(Group_kind)s")}
PORTAL_FIELDS = {
    "old": N_("Giá trị cũ"), "new": N_("Giá trị mới"), "reason": N_("Lý do"), "email": N_("Email"),
    "roles": N_("Vai trò"), "name": N_("Tên"), "code": N_("Mã"), "active": N_("Hoạt động"),
    "from": N_("Từ"), "to": N_("Đến"), "until": N_("Đến"), "locked_until": N_("Khóa đến"),
    "count": N_("Số lượng"), "channel": N_("Kênh"), "kind": N_("Loại"), "number": N_("Số văn bản"),
    "title": N_("Tiêu đề"), "note": N_("Ghi chú"), "board": N_("Ban"), "agency": N_("Cơ quan"),
    "expires_at": N_("Hết hạn"), "token": N_("Liên kết số"),
}


def init_app(app: Flask) -> None:
    add_audit_labels(app, PORTAL_ACTIONS, PORTAL_SUBJECTS, PORTAL_FIELDS)
    app.add_template_filter(action_label, "audit_action")
    app.add_template_filter(subject_label, "audit_subject")
    app.add_template_filter(detail_items, "audit_details")

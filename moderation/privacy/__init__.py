"""Personal-data requests (issue 18, item 17): the register, the 72-hour clock, the public form."""
from __future__ import annotations


def register(app) -> None:
    from moderation.privacy import models, views  # noqa: F401  (tables known to the metadata)
    from portal.auditlabels import add_audit_labels
    from portal.i18n import N_, _l
    from portal.registry import add_nav_entry

    app.register_blueprint(views.bp)
    app.register_blueprint(views.staff_bp)
    add_nav_entry(app, "staff", "privacy_staff.register", _l("Yêu cầu về dữ liệu cá nhân"), order=25,
                  roles=("moderator",))
    add_audit_labels(app, {"privacy_request.create": N_("Nhận yêu cầu về dữ liệu cá nhân"),
                           "privacy_request.outcome": N_("Ghi kết quả yêu cầu về dữ liệu cá nhân")},
                     {"privacy_request": N_("Yêu cầu về dữ liệu cá nhân")},
                     {"outcome": N_("Kết quả"), "erased": N_("Đã xóa dữ liệu cá nhân"), "due": N_("Hạn xử lý"),
                      "submission": N_("Kiến nghị")})

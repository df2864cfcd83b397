"""What public_docs' audit events mean, for the audit log page and its CSV (``portal.auditlabels``)."""
from __future__ import annotations

from portal.i18n import N_

ACTIONS = {
    "disclosure.create": N_("Tạo thông tin công khai"), "disclosure.update": N_("Sửa bản nháp công khai"),
    "disclosure.publish": N_("Đăng công khai"), "disclosure.amend": N_("Đính chính thông tin công khai"),
    "disclosure.withdraw": N_("Gỡ thông tin công khai"),
    "disclosure.attachment_add": N_("Thêm tệp đính kèm"), "disclosure.attachment_remove": N_("Gỡ tệp đính kèm"),
    "disclosure.comments_open": N_("Mở lấy ý kiến Nhân dân"),
    "disclosure.comments_close": N_("Đóng lấy ý kiến Nhân dân"),
    "disclosure.posting_add": N_("Ghi hình thức công khai khác (niêm yết, truyền thanh, hội nghị)"),
    "thesaurus.create": N_("Thêm mục từ điển tìm kiếm"), "thesaurus.update": N_("Sửa mục từ điển tìm kiếm"),
    "thesaurus.activate": N_("Bật lại mục từ điển tìm kiếm"),
    "thesaurus.deactivate": N_("Tắt mục từ điển tìm kiếm"),
}
SUBJECTS = {"disclosure": N_("Thông tin công khai"), "attachment": N_("Tệp đính kèm"),
            "thesaurus_entry": N_("Mục từ điển tìm kiếm")}
FIELDS = {"version": N_("Phiên bản"), "change_note": N_("Nội dung đính chính"), "filename": N_("Tên tệp"),
          "term": N_("Từ"), "expansions": N_("Nghĩa tương đương"), "active": N_("Đang dùng"),
          "before": N_("Trước khi sửa"), "after": N_("Sau khi sửa")}

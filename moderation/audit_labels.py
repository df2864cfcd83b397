"""What moderation's audit events mean, for the audit log page and its CSV (``portal.auditlabels``)."""
from __future__ import annotations

from portal.i18n import N_

ACTIONS = {
    # residents' submissions and moderation
    "submission.create": N_("Tiếp nhận kiến nghị, góp ý"), "submission.submit": N_("Gửi kiến nghị"),
    "submission.info_added": N_("Người gửi bổ sung thông tin"), "submission.support": N_("Ủng hộ kiến nghị"),
    "submission.claim": N_("Nhận xử lý kiến nghị"), "submission.release": N_("Trả lại kiến nghị vào hàng chờ"),
    "submission.approve": N_("Duyệt kiến nghị"), "submission.reject": N_("Từ chối kiến nghị"),
    "submission.request_info": N_("Yêu cầu người gửi bổ sung"), "submission.merge": N_("Gộp kiến nghị trùng"),
    "submission.redirect": N_("Hướng dẫn chuyển kênh"), "submission.change_topic": N_("Đổi lĩnh vực kiến nghị"),
    "submission.redact": N_("Biên tập nội dung công khai"), "submission.purge": N_("Hủy nội dung tố cáo"),
    "submission.contact_viewed": N_("Xem thông tin liên hệ của người gửi"),
    "submission.erase_personal_data": N_("Xóa dữ liệu cá nhân theo yêu cầu"),
    "submission.offline_receipt": N_("Ghi phiếu tiếp nhận ngoài Cổng"),
    "intake.redirect": N_("Hướng dẫn chuyển kênh khi gửi"),
    "abuse.refused": N_("Từ chối gửi (chống lạm dụng)"), "privacy.purge": N_("Xóa dữ liệu cá nhân hết hạn lưu"),
    "blocklist.add": N_("Thêm vào danh sách chặn"), "blocklist.remove": N_("Gỡ khỏi danh sách chặn"),
    "topic.create": N_("Thêm lĩnh vực"), "topic.update": N_("Sửa lĩnh vực"),
    "rejection_reason.create": N_("Thêm lý do từ chối"), "rejection_reason.update": N_("Sửa lý do từ chối"),
    "rejection_reason.delete": N_("Xóa lý do từ chối"),
    # the Boards and their cases
    "board.create": N_("Lập Ban"), "board.member_add": N_("Thêm thành viên Ban"),
    "board.member_update": N_("Sửa thông tin thành viên Ban"), "board.member_remove": N_("Bớt thành viên Ban"),
    "holiday.add": N_("Thêm ngày nghỉ"), "holiday.remove": N_("Xóa ngày nghỉ"),
    "case.route": N_("Chuyển kiến nghị đến Ban"), "case.acknowledge": N_("Xác nhận tiếp nhận hồ sơ"),
    "case.assign": N_("Phân công xử lý hồ sơ"), "case.reassign": N_("Phân công lại hồ sơ"),
    "case.note": N_("Ghi chú nội bộ hồ sơ"), "case.verification": N_("Ghi kết quả xác minh"),
    "case.refer": N_("Kiến nghị cơ quan có thẩm quyền"), "case.answer": N_("Ghi văn bản trả lời"),
    "case.respond": N_("Công bố trả lời cho Nhân dân"), "case.close": N_("Kết thúc hồ sơ"),
    "case.public_answer_due": N_("Đủ số người ủng hộ: Ban phải trả lời công khai"),
    "case.reopen": N_("Mở lại hồ sơ"), "case.rate": N_("Người gửi đánh giá kết quả"),
    "case.dispute": N_("Người gửi không đồng ý kết quả"), "case.contact_view": N_("Xem liên hệ người gửi (Ban)"),
    # consultations, reports, reception
    "consultation.disposition": N_("Tiếp thu, giải trình ý kiến"),
    "consultation.publish_synthesis": N_("Công bố kết quả tổng hợp ý kiến"),
    "report_supplement.save": N_("Lưu số liệu bổ sung báo cáo"), "reception.batch": N_("Nhập nhiều phiếu tiếp nhận"),
    "reception_session.create": N_("Thêm buổi tiếp công dân"), "reception_session.update": N_("Sửa buổi tiếp công dân"),
    "reception_session.generate": N_("Lập lịch tiếp công dân định kỳ"),
    "reception_session.held": N_("Ghi nhận đã tổ chức buổi tiếp"), "reception_session.cancelled": N_("Hủy buổi tiếp"),
    "registration.create": N_("Đăng ký dự buổi tiếp"), "registration.cancel": N_("Hủy đăng ký dự buổi tiếp"),
    "registration.remind": N_("Nhắc lịch buổi tiếp"), "registration.attendance": N_("Ghi nhận có mặt"),
    "registration.notify_cancelled": N_("Báo hủy buổi tiếp cho người đã đăng ký"),
    "registration.to_petition": N_("Chuyển ý kiến tại buổi tiếp thành kiến nghị"),
    # supervision
    "supervision.open": N_("Lập kế hoạch giám sát"), "supervision.update": N_("Sửa kế hoạch giám sát"),
    "supervision.notify": N_("Gửi thông báo giám sát"), "supervision.start": N_("Bắt đầu giám sát"),
    "supervision.entry_add": N_("Ghi nhật ký giám sát"), "supervision.conclusion_save": N_("Lưu kết luận giám sát"),
    "supervision.conclude": N_("Ban hành kết luận giám sát"), "supervision.close": N_("Kết thúc giám sát"),
    "supervision.recommendation_answer": N_("Ghi trả lời kiến nghị giám sát"),
    "investment.document_request": N_("Đề nghị chủ đầu tư cung cấp tài liệu"),
    "investment.document_receive": N_("Nhận tài liệu của chủ đầu tư"),
    "investment.progress_report": N_("Ghi báo cáo tiến độ đầu tư"),
    # decisions
    "decision.create": N_("Tạo nội dung Nhân dân bàn và quyết định"), "decision.update": N_("Sửa nội dung biểu quyết"),
    "decision.open": N_("Mở biểu quyết"), "decision.counting": N_("Bắt đầu kiểm phiếu"),
    "decision.decide": N_("Công bố kết quả biểu quyết"), "decision.cancel": N_("Hủy biểu quyết"),
    "decision.meeting": N_("Ghi kết quả hội nghị"), "decision.issue_codes": N_("Phát mã phiếu biểu quyết"),
    "decision.ballot": N_("Ghi phiếu biểu quyết"), "decision.recognise": N_("Công nhận kết quả"),
    "decision.figures": N_("Cập nhật số liệu đóng góp"), "decision.spend": N_("Ghi khoản chi từ đóng góp"),
    "household_count.set": N_("Cập nhật số hộ gia đình"),
}

SUBJECTS = {
    "submission": N_("Kiến nghị, góp ý"), "case": N_("Hồ sơ của Ban"), "board": N_("Ban"),
    "board_member": N_("Thành viên Ban"), "holiday": N_("Ngày nghỉ"), "topic": N_("Lĩnh vực"),
    "rejection_reason": N_("Lý do từ chối"), "blocklist_entry": N_("Danh sách chặn"), "form": N_("Biểu mẫu"),
    "reception_session": N_("Buổi tiếp công dân"), "reception_series": N_("Lịch tiếp công dân định kỳ"),
    "reception_registration": N_("Đăng ký dự buổi tiếp"), "report_supplement": N_("Số liệu bổ sung báo cáo"),
    "batch": N_("Lô phiếu tiếp nhận"), "supervision": N_("Cuộc giám sát"), "decision_matter": N_("Nội dung biểu quyết"),
    "household_count": N_("Số hộ gia đình"),
}

FIELDS = {
    "attachments": N_("Tệp đính kèm"), "why": N_("Lý do"), "status": N_("Trạng thái"),
    "sent_on": N_("Ngày gửi"), "answer_due": N_("Hạn trả lời"), "answered_on": N_("Ngày trả lời"),
    "on_time": N_("Đúng hạn"), "received_on": N_("Ngày tiếp nhận"), "planned_start": N_("Ngày bắt đầu dự kiến"),
    "started_on": N_("Ngày bắt đầu"), "disclosure": N_("Thông tin công khai"), "comments": N_("Số ý kiến"),
}

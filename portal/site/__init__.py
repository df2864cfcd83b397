"""Public shell: about, contact, language switch, health check, error pages."""
from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

ERROR_TEXT = {
    400: ("Yêu cầu không hợp lệ", "Yêu cầu gửi lên không hợp lệ. Vui lòng kiểm tra lại và thử lại."),
    403: ("Không có quyền truy cập", "Tài khoản của bạn không có quyền xem trang này."),
    404: ("Không tìm thấy trang", "Trang bạn tìm không tồn tại hoặc đã được chuyển đi."),
    405: ("Phương thức không được hỗ trợ", "Thao tác này không được hỗ trợ trên trang này."),
    409: ("Xung đột", "Thao tác không thực hiện được vì dữ liệu đã thay đổi."),
    413: ("Dữ liệu gửi lên quá lớn", "Tệp hoặc nội dung gửi lên vượt quá dung lượng cho phép. Vui lòng giảm dung lượng và gửi lại."),
    429: ("Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng chờ vài phút rồi thử lại; nội dung bạn đã nhập vẫn được giữ trong trình duyệt (nhấn nút Quay lại)."),
    500: ("Lỗi hệ thống", "Đã có lỗi xảy ra. Chúng tôi đã ghi nhận và sẽ khắc phục. Vui lòng thử lại sau."),
}


def wants_json() -> bool:
    return request.path.startswith("/api/") or (
        request.accept_mimetypes.best == "application/json"
    )


def init_error_handlers(app: Flask) -> None:
    from portal.extensions import db

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        code = exc.code or 500
        title, text = ERROR_TEXT.get(code, (exc.name, exc.description))
        if code == 400 and getattr(exc, "description", "") and "CSRF" in str(exc.description):
            text = "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại."
        if wants_json():
            return jsonify({"error": title, "message": text, "status": code}), code
        response = app.make_response((render_template("errors/error.html", code=code, title=title, text=text), code))
        if code == 405 and hasattr(exc, "valid_methods") and exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(Exception)
    def _server_error(exc: Exception):
        db.session.rollback()
        app.logger.exception("Unhandled error: %s", exc)
        title, text = ERROR_TEXT[500]
        if wants_json():
            return jsonify({"error": title, "message": text, "status": 500}), 500
        try:
            return render_template("errors/error.html", code=500, title=title, text=text), 500
        except Exception:  # the error page itself failed: answer in plain HTML
            return f"<!doctype html><html lang=vi><title>{title}</title><h1>{title}</h1><p>{text}</p>", 500

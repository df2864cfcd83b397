"""Public shell: about, contact, language switch, health check, error pages."""
from __future__ import annotations

import math
import time

from flask import Flask, g, jsonify, render_template, request
from flask_babel import gettext
from werkzeug.exceptions import HTTPException

from portal.i18n import N_, wait_text

ERROR_TEXT = {
    400: (N_("Yêu cầu không hợp lệ"), N_("Yêu cầu gửi lên không hợp lệ. Vui lòng kiểm tra lại và thử lại.")),
    403: (N_("Không có quyền truy cập"), N_("Tài khoản của bạn không có quyền xem trang này.")),
    404: (N_("Không tìm thấy trang"), N_("Trang bạn tìm không tồn tại hoặc đã được chuyển đi.")),
    405: (N_("Phương thức không được hỗ trợ"), N_("Thao tác này không được hỗ trợ trên trang này.")),
    409: (N_("Xung đột"), N_("Thao tác không thực hiện được vì dữ liệu đã thay đổi.")),
    413: (N_("Dữ liệu gửi lên quá lớn"),
          N_("Tệp hoặc nội dung gửi lên vượt quá dung lượng cho phép. Vui lòng giảm dung lượng và gửi lại.")),
    429: (N_("Quá nhiều yêu cầu"),
          N_("Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng chờ vài phút rồi thử lại; "
             "nội dung bạn đã nhập vẫn được giữ trong trình duyệt (nhấn nút Quay lại).")),
    500: (N_("Lỗi hệ thống"), N_("Đã có lỗi xảy ra. Chúng tôi đã ghi nhận và sẽ khắc phục. Vui lòng thử lại sau.")),
}


def wants_json() -> bool:
    return request.path.startswith("/api/") or (
        request.accept_mimetypes.best == "application/json"
    )


def retry_after_seconds() -> int | None:
    """Seconds until the rate limit this request broke lets the visitor in again: a Flask-Limiter
    limit, or one a view counted itself and left in ``g.retry_after``."""
    from portal.extensions import limiter

    current = limiter.current_limit if limiter.enabled else None
    if current is not None and current.breached:
        return max(1, math.ceil(current.window.reset_time - time.time()))
    return g.get("retry_after")


def init_error_handlers(app: Flask) -> None:
    from portal.extensions import db

    @app.after_request
    def _retry_after(response):
        if response.status_code == 429 and "Retry-After" not in response.headers:
            seconds = retry_after_seconds()
            if seconds:
                response.headers["Retry-After"] = str(seconds)
        return response

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        code = exc.code or 500
        title, text = ERROR_TEXT.get(code, (exc.name, exc.description))
        if code == 400 and getattr(exc, "description", "") and "CSRF" in str(exc.description):
            text = N_("Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại.")
        if code == 429 and request.method in ("GET", "HEAD"):  # a page opened too often: nothing was typed
            text = gettext("Bạn đã mở trang này quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau %(wait)s.",
                           wait=wait_text(retry_after_seconds() or 60))
        elif code == 429 and (seconds := retry_after_seconds()) and wants_json():  # an app: no page to go back to
            text = gettext("Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau %(wait)s.",
                           wait=wait_text(seconds))
        elif code == 429 and (seconds := retry_after_seconds()):
            text = gettext("Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau %(wait)s; "
                           "nội dung bạn đã nhập vẫn được giữ trong trình duyệt (nhấn nút Quay lại).",
                           wait=wait_text(seconds))
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

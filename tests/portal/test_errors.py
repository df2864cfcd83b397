"""One error type (``portal/errors.py``): a ``DomainError`` no view catches is answered by one
handler, as the HTML error page or as the API's JSON error, translated into the visitor's language,
after rolling back what the request changed."""
from __future__ import annotations

import pytest
from flask import Blueprint

from portal.errors import DomainError
from portal.i18n import _l
from portal.settings import Setting


@pytest.fixture
def refusing_app(app, db):
    """The app with a test feature whose views refuse with a DomainError."""
    bp = Blueprint("refusing", __name__)

    @bp.get("/thu-loi")
    def refuse_page():
        db.session.add(Setting(key="TEST_UNCOMMITTED", value="1"))
        db.session.flush()
        raise DomainError(_l("Mật khẩu phải có ít nhất %(minimum)s ký tự.", minimum=12),
                          field_errors={"password": _l("Mật khẩu quá dài (tối đa 256 ký tự).")})

    @bp.get("/api/v1/thu-loi")
    def refuse_api():
        raise DomainError(_l("Tệp rỗng."), field_errors={"file": _l("Tệp rỗng.")}, status=409)

    app.register_blueprint(bp)
    return app


def test_html_refusal_is_the_error_page_in_vietnamese(refusing_app, client, db):
    response = client.get("/thu-loi")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Mật khẩu phải có ít nhất 12 ký tự." in page
    assert "Không thể thực hiện yêu cầu" in page  # the error page's title for 422
    assert "Mật khẩu quá dài (tối đa 256 ký tự)." in page  # the field's message is listed too
    assert 'class="error-page"' in page
    db.session.remove()
    assert db.session.get(Setting, "TEST_UNCOMMITTED") is None  # the handler rolled back


def test_html_refusal_in_english(refusing_app, client):
    client.set_cookie("lang", "en")
    response = client.get("/thu-loi")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "The password must have at least 12 characters." in page
    assert "The request cannot be carried out" in page
    assert "Mật khẩu" not in page


def test_api_refusal_is_the_json_error_shape(refusing_app, client):
    from portal.api import openapi_document

    response = client.get("/api/v1/thu-loi")
    assert response.status_code == 409
    body = response.get_json()
    assert body == {"error": "Tệp rỗng.", "message": "Tệp rỗng.", "status": 409, "fields": {"file": "Tệp rỗng."}}
    with refusing_app.app_context():
        schema = openapi_document()["components"]["schemas"]["Error"]
    assert set(schema["required"]) <= set(body)

    english = client.get("/api/v1/thu-loi?lang=en").get_json()
    assert english["message"] == "The file is empty." and english["fields"] == {"file": "The file is empty."}


def test_json_is_chosen_by_the_accept_header(refusing_app, client):
    response = client.get("/thu-loi", headers={"Accept": "application/json"})
    assert response.status_code == 422 and response.is_json
    assert response.get_json()["fields"] == {"password": "Mật khẩu quá dài (tối đa 256 ký tự)."}


def test_message_outside_a_request_is_vietnamese_with_values(app):
    exc = DomainError(_l("Ngày %(day)s đã có trong danh sách ngày nghỉ.", day="02/09/2026"))
    assert str(exc) == exc.message == "Ngày 02/09/2026 đã có trong danh sách ngày nghỉ."
    assert exc.status == 422 and exc.field_errors == {}
    with app.test_request_context("/?lang=en"):
        assert exc.message == "02/09/2026 is already on the list of holidays."


def test_a_service_refusal_reaches_the_handler(app, client, db):
    """A real service raising in a view that does not catch it: the handler answers, no 500."""
    from portal.accounts import services

    bp = Blueprint("svc_refusal", __name__)

    @bp.get("/thu-email")
    def bad_email():
        services.normalize_email("không phải email")
        return "not reached"

    app.register_blueprint(bp)
    response = client.get("/thu-email")
    assert response.status_code == 422
    assert "Địa chỉ email không hợp lệ." in response.get_data(as_text=True)


def test_thin_subclasses_keep_their_status(app):
    from moderation.abuse import AlreadySent, Refused

    refused = Refused(_l("Tệp rỗng."), 429, "rate", 30)
    assert isinstance(refused, DomainError) and refused.status == 429 and refused.retry_after == 30
    assert isinstance(AlreadySent("KN-1"), DomainError) and AlreadySent("KN-1").receipt_code == "KN-1"

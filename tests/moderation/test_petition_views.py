"""The petition form, receipt, support, tracking page and their abuse defences."""
from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import func, select

from moderation import intake
from moderation.abuse.models import BlocklistEntry
from moderation.intake.models import Submission, SubmissionStatus, Support
from portal.outbox import OutboxMessage
from tests.fixtures.files import PDF_BYTES, jpeg_with_gps
from tests.fixtures.submissions import form_post, receipt_code_from, token


def n_submissions(db):
    return db.session.scalar(select(func.count(Submission.id)))


def post_petition(client, files=None, **overrides):
    data = form_post(**overrides)
    if files:
        data["attachments"] = files
    return client.post("/gui-kien-nghi", data=data, content_type="multipart/form-data")


def test_form_shows_notice_consent_unticked_and_anonymous_note(client, groups):
    html = client.get("/gui-kien-nghi").get_data(as_text=True)
    assert html.count("<h1") == 1 and 'name="form_started"' in html and 'name="website"' in html
    html = client.post("/gui-kien-nghi", data=form_post(step="check")).get_data(as_text=True)
    assert "Thông báo xử lý dữ liệu cá nhân" in html and "Quyền của bạn" in html and "Lưu giữ" in html
    consent = re.search(r'<input[^>]*name="consent"[^>]*>', html).group(0)
    assert "checked" not in consent
    assert "chỉ có thể theo dõi kết quả bằng mã tiếp nhận" in html


def test_successful_petition_receipt_page_and_email(client, groups, db):
    resp = post_petition(client, name="Lê Thị Hoa", email="hoa@example.com", consent="y", visibility="named",
                         files=[(io.BytesIO(jpeg_with_gps()), "anh.jpg")])
    assert resp.status_code == 302
    html = client.get(resp.headers["Location"]).get_data(as_text=True)
    code = receipt_code_from(html)
    sub = intake.find_by_code(code)
    assert sub.attachments[0].content_type == "image/jpeg"
    msg = db.session.scalars(select(OutboxMessage)).one()
    assert code in msg.body and msg.recipient == "hoa@example.com"


def test_content_kept_on_validation_error_and_files_must_be_rechosen(client, groups, db):
    resp = post_petition(client, title="abc", description="Mô tả đủ dài để qua được kiểm tra độ dài tối thiểu.",
                         phone="0905123456", name="Phạm Văn Tư", files=[(io.BytesIO(PDF_BYTES), "a.pdf")])
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert "Tiêu đề cần ít nhất 5 ký tự." in html
    assert "Vui lòng đánh dấu đồng ý" in html
    assert 'value="abc"' in html and "Mô tả đủ dài để qua" in html
    assert 'value="0905123456"' in html and 'value="Phạm Văn Tư"' in html
    assert "vui lòng chọn lại tệp đính kèm" in html
    assert n_submissions(db) == 0


@pytest.mark.parametrize("kind", ["complaint", "denunciation"])
def test_complaint_or_denunciation_gets_guidance_not_stored(client, groups, db, app, kind):
    resp = post_petition(client, kind=kind, name="X", phone="0905123456", consent="y")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert app.config["RECEPTION_ADDRESS"] in html and app.config["RECEPTION_HOURS"] in html
    assert n_submissions(db) == 0


def test_honeypot_refused(client, groups, db):
    resp = post_petition(client, website="http://spam.example")
    assert resp.status_code == 400 and n_submissions(db) == 0
    assert "Không thể tiếp nhận" in resp.get_data(as_text=True)


def test_too_fast_refused_and_content_kept(client, groups, db):
    resp = post_petition(client, form_started=token(age=0), title="Gửi quá nhanh thử")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 400 and "quá nhanh" in html and 'value="Gửi quá nhanh thử"' in html
    assert n_submissions(db) == 0


def test_forged_token_refused(client, groups, db):
    resp = post_petition(client, form_started="12345.forged")
    assert resp.status_code == 400 and n_submissions(db) == 0


@pytest.mark.parametrize("config_overrides", [{"SUBMISSION_RATE_LIMIT_IP": "2 per hour"}])
def test_rate_limit_per_ip_keeps_form(client, groups, db):
    assert post_petition(client).status_code == 302
    assert post_petition(client).status_code == 302
    resp = post_petition(client, title="Lần thứ ba bị chặn")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 429 and "quá nhiều lần" in html and 'value="Lần thứ ba bị chặn"' in html
    assert n_submissions(db) == 2


@pytest.mark.parametrize("config_overrides", [{"SUBMISSION_RATE_LIMIT_CONTACT": "1 per day"}])
def test_rate_limit_per_contact(client, groups, db):
    assert post_petition(client, phone="0905111222", consent="y").status_code == 302
    other_ip = {"REMOTE_ADDR": "10.9.9.9"}
    data = form_post(phone="+84 905 111 222", consent="y")
    resp = client.post("/gui-kien-nghi", data=data, environ_base=other_ip)
    assert resp.status_code == 429
    assert n_submissions(db) == 1


@pytest.mark.parametrize("kind,value,kw", [
    ("phone", "0905999888", {"phone": "0905 999 888", "consent": "y"}),
    ("email", "spam@example.com", {"email": "SPAM@example.com", "consent": "y"}),
    ("ip", "127.0.0.0/8", {}),
])
def test_blocklist_refuses(client, groups, db, kind, value, kw):
    db.session.add(BlocklistEntry(kind=kind, value=value))
    db.session.commit()
    resp = post_petition(client, **kw)
    assert resp.status_code == 403 and "không thể tiếp nhận" in resp.get_data(as_text=True)
    assert n_submissions(db) == 0


def test_request_size_limit(client, groups, app):
    app.config["FORM_MAX_REQUEST_BYTES"] = 1000
    resp = client.post("/gui-kien-nghi/ung-ho/1", data={"contact": "x" * 5000})
    assert resp.status_code == 413


def test_tracking_page_shows_status_but_no_personal_data(client, petition, db):
    sub = petition(name="Hoàng Văn Bình", phone="0911222333", email="binh@example.com", consent=True,
                   visibility="named")
    lowered = sub.receipt_code.lower().replace("-", " ")
    resp = client.get("/tra-cuu", query_string={"code": lowered}, follow_redirects=True)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and sub.receipt_code in html and "Đã tiếp nhận" in html
    for secret in ("Hoàng Văn Bình", "0911222333", "binh@example.com"):
        assert secret not in html


def test_tracking_unknown_code(client, groups):
    resp = client.get("/tra-cuu/KN-AAAA-BBBB-CC")
    assert resp.status_code == 404 and "Không tìm thấy mã tiếp nhận" in resp.get_data(as_text=True)


@pytest.mark.parametrize("config_overrides", [{"TRACKING_RATE_LIMIT": "3 per minute"}])
def test_tracking_rate_limited_with_clear_page(client, groups):
    for _ in range(3):
        client.get("/tra-cuu/KN-AAAA-BBBB-CC")
    resp = client.get("/tra-cuu/KN-AAAA-BBBB-CC")
    assert resp.status_code == 429 and "quá nhiều lần" in resp.get_data(as_text=True)


def test_add_information_after_request(client, petition, db, make_user):
    from moderation import queue

    sub = petition()
    moderator = make_user("moderator")
    queue.request_information(sub, moderator, "Vui lòng cho biết số nhà cụ thể.")
    db.session.commit()
    html = client.get(f"/tra-cuu/{sub.receipt_code}").get_data(as_text=True)
    assert "Vui lòng cho biết số nhà cụ thể." in html and 'name="info"' in html
    resp = client.post(f"/tra-cuu/{sub.receipt_code}/bo-sung", data={"info": "", "form_started": token()})
    assert resp.status_code == 422 and "Vui lòng nhập thông tin bổ sung" in resp.get_data(as_text=True)
    resp = client.post(f"/tra-cuu/{sub.receipt_code}/bo-sung", content_type="multipart/form-data", data={
        "info": "Số nhà 45/12 Lê Lợi.", "form_started": token(),
        "attachments": [(io.BytesIO(jpeg_with_gps()), "them.jpg")]})
    assert resp.status_code == 302
    db.session.refresh(sub)
    assert sub.status == SubmissionStatus.received
    assert sub.attachments[-1].added_later
    assert sub.events[-1].internal_note == "Số nhà 45/12 Lê Lợi."
    html = client.get(f"/tra-cuu/{sub.receipt_code}").get_data(as_text=True)
    assert 'name="info"' not in html


def _approve(db, sub, make_user):
    sub.status = SubmissionStatus.approved
    db.session.commit()


def test_similar_petitions_and_one_support_per_contact(client, petition, db, make_user):
    sub = petition(title="Đèn chiếu sáng kiệt 45 Lê Lợi bị hỏng",
                   description="Đèn chiếu sáng công cộng ở kiệt 45 Lê Lợi hỏng hơn một tháng, buổi tối rất tối.")
    hidden = petition(title="Đèn chiếu sáng kiệt 45 hỏng", visibility="private",
                      description="Đèn chiếu sáng công cộng ở kiệt 45 Lê Lợi hỏng, không công khai.")
    _approve(db, sub, make_user)
    hidden.status = SubmissionStatus.approved
    db.session.commit()
    html = client.post("/gui-kien-nghi", data=form_post(
        step="check", title="Den chieu sang kiet 45 hong",
        description="Kiệt 45 Lê Lợi đèn chiếu sáng không sáng nhiều tuần nay")).get_data(as_text=True)
    assert "Có thể đã có kiến nghị tương tự" in html
    assert f"/gui-kien-nghi/ung-ho/{sub.id}" in html and f"/gui-kien-nghi/ung-ho/{hidden.id}" not in html
    resp = client.post(f"/gui-kien-nghi/ung-ho/{sub.id}", data={"contact": "0905 777 888", "form_started": token()})
    assert resp.status_code == 200 and "Cảm ơn" in resp.get_data(as_text=True)
    resp = client.post(f"/gui-kien-nghi/ung-ho/{sub.id}", data={"contact": "+84905777888", "form_started": token()})
    assert resp.status_code == 409 and "chỉ ủng hộ một lần" in resp.get_data(as_text=True)
    db.session.refresh(sub)
    assert sub.support_count == 1
    stored = db.session.scalars(select(Support)).one()
    assert "0905777888" not in stored.contact_hash and len(stored.contact_hash) == 64
    assert client.post(f"/gui-kien-nghi/ung-ho/{hidden.id}", data={"contact": "a@b.vn"}).status_code == 404


@pytest.mark.parametrize("config_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_csrf_required_on_html_forms_not_on_api(client, groups, db):
    html = client.get("/gui-kien-nghi").get_data(as_text=True)
    assert 'name="csrf_token"' in html
    resp = post_petition(client)
    assert resp.status_code == 400 and n_submissions(db) == 0
    tok = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    data = form_post()
    data["csrf_token"] = tok
    assert client.post("/gui-kien-nghi", data=data).status_code == 302
    assert client.post("/api/v1/petitions", json={"topic": "land"}).status_code == 422

"""Editor pages: access control, draft form with Vietnamese errors, publish, amend, withdraw, comments."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import select

from portal.audit import AuditEvent
from public_docs.disclosures import services
from public_docs.disclosures.models import Disclosure, DisclosureStatus
from tests.fixtures.disclosures import valid_data
from tests.fixtures.files import docx_bytes, pdf_bytes

URLS = ["/can-bo/cong-khai", "/can-bo/cong-khai/moi"]


@pytest.mark.parametrize("url", URLS)
def test_anonymous_is_sent_to_login(client, url):
    res = client.get(url)
    assert res.status_code == 302 and "/can-bo/dang-nhap" in res.headers["Location"]


@pytest.mark.parametrize("url", URLS)
def test_other_staff_get_403(client, login_as, url):
    login_as("moderator")
    assert client.get(url).status_code == 403


def test_non_editor_cannot_publish(client, login_as, make_disclosure):
    d = make_disclosure(publish=False)
    login_as("board_member")
    assert client.post(f"/can-bo/cong-khai/{d.id}/cong-bo", data={"secrecy_confirmed": "y"}).status_code == 403
    assert d.status == DisclosureStatus.draft


def test_admin_passes(client, login_as):
    login_as("admin")
    assert client.get("/can-bo/cong-khai").status_code == 200


def _form(**over):
    data = valid_data(**over)
    data.pop("body", None)
    data["body"] = "Nội dung **chi tiết**"
    return data


def test_create_with_errors_keeps_typed_values(client, login_as, db):
    login_as("editor")
    res = client.post("/can-bo/cong-khai/moi", data=_form(category="", title="Kế hoạch giữ nguyên chữ đã gõ"))
    assert res.status_code == 422
    html = res.get_data(as_text=True)
    assert "Vui lòng chọn lĩnh vực công khai" in html
    assert 'value="Kế hoạch giữ nguyên chữ đã gõ"' in html and "Nội dung **chi tiết**" in html
    assert db.session.scalar(select(Disclosure)) is None


def test_editor_flow_create_publish_amend_withdraw(client, login_as, db):
    editor = login_as("editor")
    res = client.post(
        "/can-bo/cong-khai/moi",
        data={**_form(), "files": [(io.BytesIO(pdf_bytes("Kế hoạch năm 2027")), "ke-hoach.pdf")]},
        content_type="multipart/form-data",
    )
    assert res.status_code == 302
    d = db.session.scalar(select(Disclosure))
    assert d.status == DisclosureStatus.draft and d.attachments[0].filename == "ke-hoach.pdf"
    preview = client.get(f"/can-bo/cong-khai/{d.id}").get_data(as_text=True)
    assert "Xem trước" in preview and "<strong>chi tiết</strong>" in preview
    # publishing without the confirmation is refused with a message
    res = client.post(f"/can-bo/cong-khai/{d.id}/cong-bo", data={})
    assert res.status_code == 422 and "bí mật nhà nước" in res.get_data(as_text=True)
    assert client.get(f"/cong-khai/{d.id}").status_code == 404
    res = client.post(f"/can-bo/cong-khai/{d.id}/cong-bo", data={"secrecy_confirmed": "y"})
    assert res.status_code == 302
    assert client.get(f"/cong-khai/{d.id}").status_code == 200
    # amend
    page = client.get(f"/can-bo/cong-khai/{d.id}/dinh-chinh").get_data(as_text=True)
    assert "79/KH-UBND" in page
    res = client.post(
        f"/can-bo/cong-khai/{d.id}/dinh-chinh",
        data={**_form(title="Kế hoạch (sửa đổi)"), "change_note": "Sửa tiêu đề"},
    )
    assert res.status_code == 422 and "bí mật" in res.get_data(as_text=True)
    assert 'value="Kế hoạch (sửa đổi)"' in res.get_data(as_text=True)
    res = client.post(
        f"/can-bo/cong-khai/{d.id}/dinh-chinh",
        data={**_form(title="Kế hoạch (sửa đổi)"), "change_note": "Sửa tiêu đề", "secrecy_confirmed": "y"},
    )
    assert res.status_code == 302
    db.session.expire_all()
    d = db.session.get(Disclosure, d.id)
    assert d.version_no == 2 and d.title == "Kế hoạch (sửa đổi)"
    public = client.get(f"/cong-khai/{d.id}").get_data(as_text=True)
    assert "Sửa tiêu đề" in public and "Phiên bản 1" in public
    # withdraw
    res = client.post(f"/can-bo/cong-khai/{d.id}/thu-hoi", data={"reason": "", "confirm_withdraw": "y"})
    assert res.status_code == 422 and "lý do thu hồi" in res.get_data(as_text=True)
    # One click is not enough: without the confirmation box the form comes back with the reason kept.
    res = client.post(f"/can-bo/cong-khai/{d.id}/thu-hoi", data={"reason": "Thay bằng văn bản 80/KH-UBND"})
    page = res.get_data(as_text=True)
    assert res.status_code == 422 and 'id="confirm-withdraw-err"' in page and "Thay bằng văn bản 80/KH-UBND" in page
    db.session.expire_all()
    assert db.session.get(Disclosure, d.id).status.value == "published"
    res = client.post(f"/can-bo/cong-khai/{d.id}/thu-hoi",
                      data={"reason": "Thay bằng văn bản 80/KH-UBND", "confirm_withdraw": "y"})
    assert res.status_code == 302
    assert "Thay bằng văn bản 80/KH-UBND" in client.get(f"/cong-khai/{d.id}").get_data(as_text=True)
    actions = [e.action for e in db.session.scalars(select(AuditEvent).where(AuditEvent.actor_id == editor.id))]
    for a in ("disclosure.create", "disclosure.publish", "disclosure.amend", "disclosure.withdraw"):
        assert a in actions


def test_stamped_upload_refused_in_form(client, login_as, db):
    login_as("editor")
    res = client.post(
        "/can-bo/cong-khai/moi",
        data={**_form(), "files": [(io.BytesIO(docx_bytes("MẬT", "Phương án")), "phuong-an.docx")]},
        content_type="multipart/form-data",
    )
    assert res.status_code == 422
    assert "dấu chỉ độ mật" in res.get_data(as_text=True)
    assert db.session.scalar(select(Disclosure)) is None


def test_open_comments_from_editor_page(client, login_as, db, make_disclosure):
    d = make_disclosure(category="conventions", form="Dự thảo")
    login_as("editor")
    today = services.today()
    res = client.post(f"/can-bo/cong-khai/{d.id}/lay-y-kien",
                      data={"comments_open_from": today.isoformat(), "comments_open_until": "2000-01-01"})
    assert res.status_code == 422 and "phải sau ngày bắt đầu" in res.get_data(as_text=True)
    res = client.post(f"/can-bo/cong-khai/{d.id}/lay-y-kien", data={
        "comments_open_from": today.isoformat(), "comments_open_until": (today + dt.timedelta(days=30)).isoformat()})
    assert res.status_code == 302
    db.session.expire_all()
    assert services.is_open_for_comments(db.session.get(Disclosure, d.id))


def test_editor_removes_draft_attachment_and_downloads_draft_files(client, login_as, db, make_disclosure):
    data = docx_bytes("Phụ lục nháp")
    from public_docs.disclosures.services import UploadedFile

    d = make_disclosure(publish=False, files=[UploadedFile("phu-luc.docx", data)])
    att = d.attachments[0]
    assert client.get(f"/can-bo/cong-khai/{d.id}/tep/{att.id}").status_code == 302  # anonymous → login
    login_as("editor")
    res = client.get(f"/can-bo/cong-khai/{d.id}/tep/{att.id}")
    assert res.status_code == 200 and res.data == data
    assert client.post(f"/can-bo/cong-khai/{d.id}/tep/{att.id}/go").status_code == 302
    db.session.expire_all()
    assert services.active_attachments(db.session.get(Disclosure, d.id)) == []
    assert db.session.get(type(att), att.id) is not None  # kept, marked removed


@pytest.mark.parametrize("field", ["posting_start", "posting_end", "issued_on", "effective_on"])
@pytest.mark.parametrize("day", ["31/12/9999", "9999-12-31", "01/01/0001"])
def test_a_date_at_the_calendars_end_is_a_message_not_a_500(client, login_as, db, field, day):
    login_as("editor")
    res = client.post("/can-bo/cong-khai/moi", data=_form(**{field: day}))
    assert res.status_code == 422 and "không hợp lệ" in res.get_data(as_text=True)
    assert db.session.scalar(select(Disclosure)) is None

"""Intake services: validation per field, storage, receipt codes, attachments, redirects."""
from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from sqlalchemy import func, select

from moderation import intake
from moderation.intake import MatterRedirected, Upload, petitions, submit_petition
from moderation.intake.models import Submission, SubmissionAttachment, SubmissionEvent, SubmitterContact
from portal.audit import AuditEvent
from portal.errors import DomainError
from portal.files import read_stored
from portal.outbox import OutboxMessage
from tests.fixtures.files import PDF_BYTES, jpeg_with_gps, png_bytes
from tests.fixtures.submissions import valid_petition


def count(db, model):
    return db.session.scalar(select(func.count()).select_from(model))


def errors_for(data, files=()):
    with pytest.raises(DomainError) as exc:
        submit_petition(data, files)
    return exc.value.fields


@pytest.mark.parametrize("field,value,message", [
    ("title", "", "Vui lòng nhập tiêu đề."),
    ("title", "abc", "Tiêu đề cần ít nhất 5 ký tự."),
    ("title", "x" * 201, "Tiêu đề tối đa 200 ký tự"),
    ("description", "", "Vui lòng nhập nội dung."),
    ("description", "ngắn quá", "Nội dung cần ít nhất 20 ký tự."),
    ("description", "y" * 5001, "Nội dung tối đa 5000 ký tự"),
    ("topic", "", "Vui lòng chọn lĩnh vực."),
    ("topic", "khong-co", "Lĩnh vực không hợp lệ"),
    ("group", "TDP99", "Tổ dân phố không hợp lệ"),
    ("project_id", "12345", "Dự án, công trình không hợp lệ"),
    ("phone", "12345", "Số điện thoại không hợp lệ"),
    ("email", "khong-phai-email", "Địa chỉ email không hợp lệ"),
    ("visibility", "everyone", "Hình thức công khai không hợp lệ"),
    ("name", "N" * 121, "Họ tên tối đa 120 ký tự"),
])
def test_each_field_has_a_vietnamese_message(app, groups, db, field, value, message):
    data = valid_petition(**{field: value})
    if field in ("phone", "email", "name"):
        data["consent"] = True
    errors = errors_for(data)
    assert message in errors[field]
    assert count(db, Submission) == 0


def test_kind_must_be_known(app, groups):
    assert "Loại nội dung không hợp lệ" in errors_for(valid_petition(kind="other"))["kind"]


def test_contact_needs_consent(app, groups, db):
    errors = errors_for(valid_petition(phone="0905123456"))
    assert "đồng ý với thông báo xử lý dữ liệu cá nhân" in errors["consent"]
    assert count(db, SubmitterContact) == 0


def test_named_visibility_needs_a_name(app, groups):
    assert "vui lòng nhập họ tên" in errors_for(valid_petition(visibility="named"))["name"]


def test_anonymous_petition_stores_no_contact(app, groups, db):
    code = submit_petition(valid_petition())
    db.session.commit()
    sub = intake.find_by_code(code)
    assert sub.contact is None and sub.status.value == "received"
    assert sub.topic.code == "environment" and sub.group.code == "TDP01"
    assert count(db, OutboxMessage) == 0
    ev = db.session.scalars(select(SubmissionEvent)).one()
    assert ev.action == "submit" and ev.public_message
    audit = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "submission.create")).one()
    assert "phone" not in str(audit.details)


def test_named_petition_stores_contact_with_consent_version_and_emails_receipt(app, groups, db):
    code = submit_petition(valid_petition(name="Nguyễn Văn An", phone="+84 905 123 456", email="An@Example.com",
                                          consent="on", visibility="named"))
    db.session.commit()
    sub = intake.find_by_code(code)
    assert sub.contact.phone == "0905123456"
    assert sub.contact.email.lower() == "an@example.com"
    assert sub.contact.consent_at is not None
    assert sub.contact.consent_version == app.config["PRIVACY_NOTICE_VERSION"]
    assert sub.display_name == "Nguyễn Văn An"
    msg = db.session.scalars(select(OutboxMessage)).one()
    assert code in msg.subject and code in msg.body and msg.recipient.lower() == "an@example.com"


def test_text_is_sanitized(app, groups, db):
    code = submit_petition(valid_petition(title="  Đèn đường\u202e hỏng\x00 ",
                                          description="<script>alert(1)</script> đèn đường kiệt 12 hỏng đã lâu"))
    sub = intake.find_by_code(code)
    assert sub.title == "Đèn đường hỏng"
    assert "\x00" not in sub.description


@pytest.mark.parametrize("kind", ["complaint", "denunciation"])
def test_complaint_and_denunciation_refused_with_guidance_nothing_stored(app, groups, db, kind):
    with pytest.raises(MatterRedirected) as exc:
        submit_petition(valid_petition(kind=kind, name="Trần B", phone="0905000111", consent=True))
    db.session.commit()
    assert app.config["RECEPTION_ADDRESS"] in exc.value.guidance
    assert app.config["RECEPTION_HOURS"] in exc.value.guidance
    assert count(db, Submission) == 0 and count(db, SubmitterContact) == 0
    ev = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "intake.redirect")).one()
    assert ev.details["kind"] == kind and "0905000111" not in str(ev.details)


def test_receipt_code_format_and_randomness(app, groups):
    code = submit_petition(valid_petition())
    assert re.fullmatch(r"KN-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}", code)
    # 10 characters of a 32-letter alphabet: 50 bits.
    assert len(intake.ALPHABET) == 32 and intake.CODE_CHARS * 5 >= 50
    assert not set("ILOU") & set(intake.ALPHABET)


def test_receipt_codes_unique_with_retry_on_collision(app, groups, db, monkeypatch):
    first = submit_petition(valid_petition())
    db.session.commit()
    draws = iter([first.replace("KN-", "").replace("-", ""), "ABCDEFGH12"])
    monkeypatch.setattr(petitions, "_random_chars", lambda: next(draws))
    second = submit_petition(valid_petition())
    assert second == "KN-ABCD-EFGH-12" != first


@pytest.mark.parametrize("typed", ["kn-abcd-efgh-12", " KN ABCD EFGH 12 ", "knabcdefgh12", "KN-ABCD-EFGH-I2"])
def test_code_normalisation(typed):
    assert intake.normalize_code(typed) in ("KN-ABCD-EFGH-12",)


def test_code_normalisation_refuses_junk():
    assert intake.normalize_code("hello") is None
    assert intake.normalize_code("KN-ABCD") is None


def test_attachments_checked_by_content_and_exif_removed(app, groups, db):
    photo = jpeg_with_gps()
    assert Image.open(io.BytesIO(photo)).getexif().get(0x8825)
    code = submit_petition(valid_petition(), [Upload("ảnh hiện trường.jpg", photo), Upload("x.png", png_bytes()),
                                              Upload("don.pdf", PDF_BYTES)])
    db.session.commit()
    sub = intake.find_by_code(code)
    assert [a.content_type for a in sub.attachments] == ["image/jpeg", "image/png", "application/pdf"]
    stored = read_stored(sub.attachments[0].sha256)
    exif = Image.open(io.BytesIO(stored)).getexif()
    assert not exif.get(0x8825) and b"SecretPhone" not in stored


def test_attachment_refusals(app, groups, db):
    errors = errors_for(valid_petition(), [Upload("virus.exe", b"MZ\x90\x00" * 10)])
    assert "Định dạng tệp không được chấp nhận" in errors["attachments"]
    errors = errors_for(valid_petition(), [Upload(f"a{i}.png", png_bytes()) for i in range(6)])
    assert "tối đa 5 tệp" in errors["attachments"]
    app.config["SUBMISSION_ATTACHMENT_MAX_BYTES"] = 100
    errors = errors_for(valid_petition(), [Upload("big.png", png_bytes() + b"\0" * 200)])
    assert "Tệp “big.png” có dung lượng" in errors["attachments"]
    errors = errors_for(valid_petition(), [Upload("fake.jpg", b"\xff\xd8\xff" + b"garbage")])
    assert "Ảnh bị hỏng" in errors["attachments"] or "quá lớn" in errors["attachments"]
    assert count(db, Submission) == 0 and count(db, SubmissionAttachment) == 0


def test_comment_window_and_offline_entry(app, groups, db, make_user):
    import datetime as dt

    from public_docs.disclosures.models import Disclosure, DisclosureStatus

    today = dt.date.today()
    d = Disclosure(number="01/DT-UBND", title="Dự thảo quy ước tổ dân phố", category="conventions",
                   status=DisclosureStatus.published, comments_open_from=today - dt.timedelta(days=40),
                   comments_open_until=today - dt.timedelta(days=10))
    db.session.add(d)
    db.session.commit()
    with pytest.raises(DomainError) as exc:
        intake.submit_comment(d, {"text": "Tôi đồng ý với dự thảo này."})
    assert (today - dt.timedelta(days=10)).strftime("%d/%m/%Y") in exc.value.fields["text"]
    staff = make_user("editor")
    code = intake.submit_comment(d, {"text": "Ý kiến tại hội nghị tổ dân phố 2.", "group": "TDP02"},
                                 channel="meeting", actor=staff, received_on=today - dt.timedelta(days=12))
    db.session.commit()
    sub = intake.find_by_code(code)
    assert code.startswith("YK-") and sub.channel.value == "meeting" and sub.entered_by_id == staff.id
    d.comments_open_until = today + dt.timedelta(days=3)
    db.session.commit()
    code = intake.submit_comment(d, {"text": "Đề nghị bổ sung điều khoản về vệ sinh.", "email": "b@example.com",
                                     "consent": True})
    db.session.commit()
    assert intake.find_by_code(code).contact.email == "b@example.com"

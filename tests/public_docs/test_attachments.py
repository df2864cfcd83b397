"""Attachments: type checked by content, size limit, classification stamps refused, text extracted."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.errors import DomainError
from portal.files import DOCX, ODT, PDF, PNG, XLSX, read_stored
from public_docs.disclosures import services
from public_docs.disclosures.extract import extract_text, find_secrecy_stamp
from public_docs.disclosures.models import Attachment
from public_docs.disclosures.services import UploadedFile
from tests.fixtures.disclosures import valid_data
from tests.fixtures.files import docx_bytes, odt_bytes, pdf_bytes, png_bytes, xlsx_bytes


def test_extract_text_from_each_type():
    full, first = extract_text(pdf_bytes("Nâng cấp đường Hòa An 5, tổng mức đầu tư 4,2 tỷ đồng."), PDF)
    assert "Nâng cấp đường Hòa An 5" in full and "Nâng cấp" in first
    full, _ = extract_text(docx_bytes("Danh sách hộ nghèo năm 2026", "Tổ dân phố 3: 4 hộ"), DOCX)
    assert "Danh sách hộ nghèo năm 2026" in full and "Tổ dân phố 3: 4 hộ" in full
    full, _ = extract_text(xlsx_bytes([("Khoản thu", "Số tiền"), ("Quỹ khuyến học", 12500000)]), XLSX)
    assert "Quỹ khuyến học" in full and "12500000" in full
    full, _ = extract_text(odt_bytes("Dự thảo quy ước tổ dân phố", "Điều 1. Phạm vi"), ODT)
    assert "Dự thảo quy ước tổ dân phố" in full and "Điều 1. Phạm vi" in full
    assert extract_text(png_bytes(), PNG) == ("", "")
    assert extract_text(b"%PDF-1.4 broken", PDF) == ("", "")


@pytest.mark.parametrize(
    "text, stamp",
    [
        ("MẬT\nQuyết định về việc ...", "MẬT"),
        ("Số: 12/QĐ-UBND      TỐI MẬT", "TỐI MẬT"),
        ("TUYỆT MẬT", "TUYỆT MẬT"),
        ("Độ mật: MẬT", "MẬT"),
        ("Tối mật", "TỐI MẬT"),
        ("Hướng dẫn đổi mật khẩu tài khoản dịch vụ công", None),
        ("QUY CHẾ BẢO MẬT THÔNG TIN CÁ NHÂN", None),
        ("MẬT ĐỘ DÂN SỐ CÁC TỔ DÂN PHỐ", None),
        ("Mật độ xây dựng tối đa 60%", None),
        ("BÍ MẬT", None),
        ("", None),
    ],
)
def test_stamp_detection(text, stamp):
    assert find_secrecy_stamp(text) == stamp


def test_attachment_stored_by_hash_with_extracted_text(db, app):
    data = pdf_bytes("Kế hoạch sử dụng đất năm 2027 của phường Hòa An")
    d = services.create_disclosure(valid_data(), actor="test", files=[UploadedFile("../../ke hoach.PDF", data)])
    db.session.commit()
    att = db.session.scalar(select(Attachment))
    assert att.filename == "ke hoach.pdf" and att.content_type == PDF and att.size == len(data)
    assert read_stored(att.sha256) == data
    assert "Kế hoạch sử dụng đất năm 2027" in att.text
    assert services.active_attachments(d) == [att]


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("virus.pdf", b"MZ\x90\x00 not a pdf", "Định dạng tệp không được chấp nhận"),
        ("trang.html", b"<html><script>alert(1)</script></html>", "Định dạng tệp không được chấp nhận"),
        ("mat.pdf", pdf_bytes("MẬT", "Phương án bảo vệ mục tiêu"), "MẬT"),
        ("toi-mat.docx", docx_bytes("TỐI MẬT", "Nội dung"), "TỐI MẬT"),
        ("tuyet-mat.odt", odt_bytes("TUYỆT MẬT", "Nội dung"), "TUYỆT MẬT"),
        ("header.docx", docx_bytes("Nội dung", header="MẬT"), "MẬT"),
    ],
)
def test_refused_uploads(db, name, data, message):
    with pytest.raises(DomainError) as exc:
        services.create_disclosure(valid_data(), actor="test", files=[UploadedFile(name, data)])
    assert message in exc.value.message and "files" in exc.value.fields


def test_stamp_on_a_later_page_is_not_a_stamp(db):
    long = ["Nội dung trang đầu. " * 40] * 8 + ["Bài viết về MẬT ong"]
    d = services.create_disclosure(valid_data(), actor="test", files=[UploadedFile("a.pdf", pdf_bytes(*long))])
    assert len(d.attachments) == 1


@pytest.mark.parametrize("config_overrides", [{"ATTACHMENT_MAX_BYTES": 1000}])
def test_size_limit_setting(db, config_overrides):
    with pytest.raises(DomainError) as exc:
        services.create_disclosure(valid_data(), actor="test", files=[UploadedFile("a.docx", docx_bytes("x" * 5000))])
    assert "quá lớn" in exc.value.message


def test_amend_replaces_attachment_and_keeps_old_in_version(db, make_disclosure):
    d = make_disclosure(files=[UploadedFile("cu.docx", docx_bytes("Bản cũ"))])
    old = d.attachments[0]
    services.amend_disclosure(
        d, {}, "Thay tệp đính kèm bằng bản có chữ ký", actor="test", secrecy_confirmed=True,
        files=[UploadedFile("moi.xlsx", xlsx_bytes([("Bản mới", 1)]))], remove_attachment_ids=[old.id],
    )
    db.session.commit()
    assert old.removed_at is not None
    assert [a.filename for a in services.active_attachments(d)] == ["moi.xlsx"]
    v1, v2 = sorted(d.versions, key=lambda v: v.version_no)
    assert [a["filename"] for a in v1.snapshot["attachments"]] == ["cu.docx"]
    assert [a["filename"] for a in v2.snapshot["attachments"]] == ["moi.xlsx"]

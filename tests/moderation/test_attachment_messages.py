"""A refused attachment is named in full and its real size given, in a finished sentence."""
from __future__ import annotations

import io
import re

import pytest

from portal.files import megabytes
from tests.fixtures.files import png_bytes
from tests.fixtures.submissions import form_post


@pytest.fixture
def config_overrides():
    return {"SUBMISSION_ATTACHMENT_MAX_BYTES": 1024 * 1024}  # 1 MB per file


def _error(html: str) -> str:
    return re.search(r'<p class="error" id="attachments-err">(.*?)</p>', html, re.S).group(1)


def test_a_too_large_file_gives_its_name_and_real_size(client, groups, db):
    big = png_bytes() + b"\0" * (int(2.5 * 1024 * 1024))
    data = form_post(attachments=[(io.BytesIO(big), "Ảnh hiện trường đường Lê Lợi.png")])
    r = client.post("/gui-kien-nghi", data=data, content_type="multipart/form-data")
    assert r.status_code == 422
    message = _error(r.get_data(as_text=True))
    assert message == ("Tệp “Ảnh hiện trường đường Lê Lợi.png” có dung lượng 2,5 MB, vượt quá mức tối đa 1 MB "
                       "cho mỗi tệp; vui lòng chọn tệp nhỏ hơn (với ảnh, có thể chụp lại ở độ phân giải thấp hơn).")


def test_two_refused_files_each_get_a_sentence(client, groups, db):
    data = form_post(attachments=[(io.BytesIO(b"MZ\x90\x00" * 10), "chuong-trinh.exe"),
                                  (io.BytesIO(b"\0" * (3 * 1024 * 1024)), "video dài.mp4")])
    r = client.post("/gui-kien-nghi", data=data, content_type="multipart/form-data")
    message = _error(r.get_data(as_text=True))
    assert message.startswith("Tệp “chuong-trinh.exe”: Định dạng tệp không được chấp nhận.")
    assert "Tệp “video dài.mp4” có dung lượng 3 MB" in message and message.endswith(".")


def test_english_message(client, groups, db):
    data = form_post(attachments=[(io.BytesIO(b"\0" * (2 * 1024 * 1024)), "huge.pdf")])
    r = client.post("/gui-kien-nghi?lang=en", data=data, content_type="multipart/form-data")
    assert _error(r.get_data(as_text=True)).startswith("The file “huge.pdf” is 2 MB, more than the 1 MB")


def test_megabytes_never_round_down_to_the_limit():
    assert megabytes(10 * 1024 * 1024) == "10" and megabytes(int(12.5 * 1024 * 1024)) == "12,5"
    assert megabytes(10 * 1024 * 1024 + 1) == "10,1"


def test_a_long_name_is_quoted_in_full(client, groups, db):
    """Names up to the file system's 255 characters are quoted whole, not cut at 120."""
    name = ("Ảnh chụp hiện trường rác thải ứ đọng ở đầu kiệt 45 đường Lê Lợi tổ dân phố 12 sáng thứ Hai "
            "ngày 01 tháng 12 năm 2026 lúc 6 giờ 30 phút, góc nhìn từ phía nhà văn hóa khu dân cư số 3.png")
    assert 120 < len(name) <= 255
    big = png_bytes() + b"\0" * (2 * 1024 * 1024)
    r = client.post("/gui-kien-nghi", data=form_post(attachments=[(io.BytesIO(big), name)]),
                    content_type="multipart/form-data")
    assert f"“{name}”" in _error(r.get_data(as_text=True))

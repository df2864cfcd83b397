"""A resident files a petition with a photo, a moderator asks for more information, the resident
adds it on the tracking page, the moderator approves (the petition goes on to the Board)."""
from __future__ import annotations

import io
import re

from PIL import Image
from playwright.sync_api import expect

from portal.accounts import services
from portal.extensions import db
from portal.settings import set_setting

LOGIN_URL = re.compile(r"/can-bo/dang-nhap")


def _photo() -> bytes:
    img = Image.new("RGB", (64, 48), (120, 160, 200))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (16.0, 4.0, 30.0), 3: "E", 4: (108.0, 13.0, 5.0)}
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_petition_needs_info_then_approved(page, browser, live_app, live_server):
    with live_app.app_context():
        services.create_user("kd@test.vn", ["moderator"], "Str0ng-Passw0rd!", name="Lê Thị Duyệt")
        set_setting("FORM_MIN_FILL_SECONDS", 0, actor="test")
        db.session.commit()

    # The resident: step 1 (content), step 2 (photo, anonymous), receipt.
    page.goto(live_server + "/gui-kien-nghi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gửi phản ánh, kiến nghị")
    page.get_by_label("Lĩnh vực").select_option("environment")
    page.get_by_label("Tiêu đề").fill("Rác thải ứ đọng ở đầu kiệt 45 Lê Lợi")
    page.get_by_label("Nội dung phản ánh, kiến nghị").fill(
        "Điểm tập kết rác đầu kiệt 45 Lê Lợi ba ngày chưa được thu gom, bốc mùi hôi.")
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_text("Bước 2/2")).to_be_visible()
    page.get_by_label(re.compile("^Tệp đính kèm")).set_input_files(
        files=[{"name": "hien-truong.jpg", "mimeType": "image/jpeg", "buffer": _photo()}])
    page.get_by_role("button", name="Gửi phản ánh, kiến nghị").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đã tiếp nhận phản ánh, kiến nghị")
    code = page.get_by_test_id("receipt-code").inner_text().strip()
    assert re.fullmatch(r"KN-\w{4}-\w{4}-\w{2}", code)

    # The moderator asks for more information.
    mod = browser.new_page()
    mod.goto(live_server + "/can-bo/dang-nhap")
    mod.get_by_label("Email").fill("kd@test.vn")
    mod.get_by_label("Mật khẩu").fill("Str0ng-Passw0rd!")
    mod.get_by_role("button", name="Đăng nhập").click()
    expect(mod).not_to_have_url(LOGIN_URL)  # the login POST has redirected
    mod.goto(live_server + "/can-bo/kiem-duyet/")
    mod.get_by_role("link", name=code).click()
    expect(mod.get_by_role("heading", level=1)).to_contain_text(code)
    expect(mod.get_by_text("hien-truong.jpg")).to_be_visible()
    mod.get_by_label("Thông tin cần bổ sung (gửi người dân)").fill("Xin gửi thêm ảnh chụp toàn cảnh điểm tập kết rác.")
    mod.get_by_role("button", name="Gửi yêu cầu bổ sung").click()
    expect(mod.get_by_text("Đã gửi yêu cầu bổ sung thông tin.")).to_be_visible()

    # The resident adds it on the tracking page (code typed in lower case with spaces).
    page.goto(live_server + "/tra-cuu")
    page.get_by_label("Mã tiếp nhận").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.get_by_text("Xin gửi thêm ảnh chụp toàn cảnh điểm tập kết rác.")).to_be_visible()
    page.get_by_label("Thông tin bổ sung").fill("Ảnh toàn cảnh đính kèm; điểm rác nằm ngay cạnh trạm biến áp.")
    page.get_by_label(re.compile("^Tệp đính kèm")).set_input_files(
        files=[{"name": "toan-canh.jpg", "mimeType": "image/jpeg", "buffer": _photo()}])
    page.get_by_role("button", name="Gửi thông tin bổ sung").click()
    expect(page.get_by_text("Đã nhận thông tin bổ sung")).to_be_visible()

    # The moderator approves: the petition goes on to the Board.
    mod.goto(live_server + "/can-bo/kiem-duyet/")
    mod.get_by_role("link", name=code).click()
    expect(mod.get_by_text("điểm rác nằm ngay cạnh trạm biến áp")).to_be_visible()
    mod.get_by_role("button", name="Duyệt", exact=True).click()
    expect(mod.get_by_text("Đã duyệt.")).to_be_visible()

    page.goto(live_server + f"/tra-cuu/{code}")
    expect(page.locator(".status")).to_have_text("Ban đang xem xét")  # approved: the case is with the Board
    with live_app.app_context():
        from moderation.cases.models import Case
        from moderation.intake import find_by_code

        sub = find_by_code(code)
        assert sub.status.value == "approved" and len(sub.attachments) == 2
        assert db.session.query(Case).filter_by(submission_id=sub.id).count() == 1

"""Issue 18, item 13 in a browser: an editor pastes Word's clipboard HTML into the paste zone (a
synthetic ClipboardEvent carrying text/html); the cleaned body lands in the textarea and the preview
shows the list and the table without Word's styles; saving stores that cleaned body."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from playwright.sync_api import expect
from sqlalchemy import select

from portal.accounts import services as accounts
from portal.extensions import db
from public_docs.disclosures.models import Disclosure

WORD = (Path(__file__).resolve().parents[1] / "fixtures" / "word_clipboard.html").read_text(encoding="utf-8")
PASTE = """([html, text]) => {
  const zone = document.querySelector('.paste-zone');
  zone.focus();
  const data = new DataTransfer();
  if (html) { data.setData('text/html', html); }
  data.setData('text/plain', text);
  zone.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
}"""


def test_paste_from_word_fills_the_body_and_previews(page, live_app, live_server, tmp_path):
    with live_app.app_context():
        accounts.create_user("bientap@test.vn", ["editor"], "Str0ng-Passw0rd!", name="Biên tập")
        db.session.commit()
    page.goto(live_server + "/can-bo/dang-nhap")
    page.get_by_label("Email").fill("bientap@test.vn")
    page.get_by_label("Mật khẩu").fill("Str0ng-Passw0rd!")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Khu vực cán bộ")

    page.goto(live_server + "/can-bo/cong-khai/moi")
    zone = page.locator(".paste-zone")
    expect(zone).to_be_visible()  # shown by the script; hidden without it
    # Plain text (no text/html on the clipboard): one paragraph a line.
    page.evaluate(PASTE, ["", "Dòng thứ nhất\r\n\r\nDòng <thứ> hai\r\n"])
    preview = page.locator(".body-preview-live")
    expect(preview.locator(".doc-body p")).to_have_count(2)
    expect(preview.locator(".doc-body p").nth(1)).to_have_text("Dòng <thứ> hai")
    assert page.locator("textarea[name=body]").input_value() == "<p>Dòng thứ nhất</p>\n<p>Dòng &lt;thứ&gt; hai</p>"

    page.evaluate(PASTE, [WORD, "KẾ HOẠCH"])
    expect(preview).to_be_visible()
    expect(preview.locator("ol > li").first).to_contain_text("Khảo sát hiện trạng các tuyến cống")
    expect(preview.locator("ol li ul li")).to_have_text("Kiệt 45 đường Lê Lợi")
    expect(preview.locator("table td")).to_have_count(4)
    assert preview.locator(".doc-body [style], .doc-body [class], .doc-body span, .doc-body font").count() == 0
    body = page.locator("textarea[name=body]").input_value()
    assert body.startswith("<p><b>KẾ HOẠCH</b></p>") and "<ol><li>" in body
    assert "mso-" not in body and "style=" not in body and "<o:p>" not in body
    expect(page.locator("#paste-status")).to_contain_text("Đã đưa nội dung vừa dán vào ô Nội dung")
    for width in (390, 1280):  # the preview's table and lists fit a phone without widening the page
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.screenshot(path=str(tmp_path / f"paste-word-{width}.png"), full_page=True)

    page.get_by_label("Số, ký hiệu", exact=True).fill("12/KH-UBND")
    page.get_by_label("Trích yếu (tiêu đề)").fill("Kế hoạch nạo vét cống thoát nước năm 2027")
    page.get_by_label("Lĩnh vực công khai").select_option("plans")
    page.get_by_label("Hình thức văn bản").select_option("Kế hoạch")
    page.get_by_label("Ngày ban hành").fill((dt.date.today() - dt.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Lưu bản nháp").click()
    expect(page.get_by_role("heading", name="Xem trước (như người dân sẽ thấy)")).to_be_visible()
    with live_app.app_context():
        d = db.session.scalar(select(Disclosure))
        assert "<ol><li>Khảo sát hiện trạng các tuyến cống" in d.body_html and "<table>" in d.body_html
        assert "style=" not in d.body_source and "class=" not in d.body_source

"""Issue 18, item 13: a disclosure's body pasted from Word. The textarea takes Word's clipboard HTML
(styles, mso classes, <o:p>, conditional comments, fake numbered lists) and the stored body keeps
paragraphs, real lists and the table without any style or class; "Xem trước" renders the cleaned body
on the same form without saving and keeps what was typed; the paste zone's endpoint answers JSON."""
from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import func, select

from portal.sanitize import clean_pasted_html, looks_like_html, render_body
from public_docs.disclosures.models import Disclosure
from tests.fixtures.disclosures import valid_data

WORD = (Path(__file__).resolve().parents[1] / "fixtures" / "word_clipboard.html").read_text(encoding="utf-8")
FORBIDDEN = ("style=", "class=", "<span", "<font", "o:p", "mso-", "<!--", "<![if", "Times New Roman", "@font-face",
             "<xml", "<meta", "<head")


def _no_word_left(html: str) -> None:
    for bit in FORBIDDEN:
        assert bit.lower() not in html.lower(), bit


def test_cleaner_keeps_structure_and_drops_word_formatting():
    html = clean_pasted_html(WORD)
    _no_word_left(html)
    assert "<p><b>KẾ HOẠCH</b></p>" in html
    assert "<i>nạo vét cống thoát nước</i>" in html
    # Word's numbered paragraphs became one ordered list, its level-2 bullet a nested <ul>.
    assert re.search(r"<ol><li>Khảo sát hiện trạng các tuyến cống<ul><li>Kiệt 45 đường Lê Lợi</li>\s*</ul>\s*</li>\s*"
                     r"<li>Tổ chức nạo vét trước mùa mưa</li>\s*<li>Nghiệm thu, công khai kết quả</li>\s*</ol>", html)
    assert "1." not in html and "&nbsp;" not in html  # the typed numbers and Word's spacing are gone
    assert html.count("<tr>") == 2 and html.count("<td>") == 4 and "<p><b>Hạng mục</b></p>" in html
    assert "<p>Ghi chú: kinh phí từ ngân sách.</p>" in html
    assert "<p></p>" not in html  # Word's empty <o:p>&nbsp;</o:p> paragraph
    assert render_body(WORD).count("<li>") == 4


def test_plain_text_and_markdown_are_not_taken_for_html():
    assert not looks_like_html("## Mục tiêu\n\nTăng thu nhập **8%**.")
    assert not looks_like_html("Giá < 5 triệu đồng")
    assert looks_like_html(WORD) and looks_like_html("<p>Đoạn văn</p>")
    assert render_body("Tăng thu nhập **8%**.") == "<p>Tăng thu nhập <strong>8%</strong>.</p>"
    # A bullet list typed in Word with a symbol font becomes <ul>.
    bullets = ("<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span "
               "style='font-family:Symbol'><span style='mso-list:Ignore'>·<span>&nbsp; </span></span></span>"
               "<![endif]>Một<o:p></o:p></p>\n<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'>"
               "<![if !supportLists]><span style='mso-list:Ignore'>·</span><![endif]>Hai<o:p></o:p></p>")
    assert clean_pasted_html(bullets) == "<ul><li>Một</li>\n<li>Hai</li>\n</ul>"


def test_pasted_word_body_is_stored_clean(client, login_as, db):
    login_as("editor")
    r = client.post("/can-bo/cong-khai/moi", data=valid_data(body=WORD))
    assert r.status_code == 302, r.get_data(as_text=True)[:500]
    d = db.session.scalar(select(Disclosure))
    for stored in (d.body_source, d.body_html):
        _no_word_left(stored)
        assert "<ol><li>Khảo sát hiện trạng các tuyến cống" in stored and "<table>" in stored
        assert "Nạo vét cống" in stored and "<p>Ghi chú: kinh phí từ ngân sách.</p>" in stored
    page = client.get(f"/can-bo/cong-khai/{d.id}").get_data(as_text=True)
    assert "<li>Tổ chức nạo vét trước mùa mưa</li>" in page


def test_preview_renders_without_saving_and_keeps_what_was_typed(client, login_as, db):
    login_as("editor")
    data = valid_data(title="Kế hoạch nạo vét giữ nguyên chữ đã gõ", body=WORD, preview="1")
    r = client.post("/can-bo/cong-khai/moi", data=data)
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Disclosure)) == 0
    assert 'value="Kế hoạch nạo vét giữ nguyên chữ đã gõ"' in html and 'value="79/KH-UBND"' in html
    assert "mso-list:l0 level1 lfo1" in html  # the textarea still holds what was pasted, escaped
    section = html.split('id="body-preview"', 1)[1].split("</section>", 1)[0]
    assert "Xem trước nội dung (chưa lưu)" in section
    preview = section.split('<div class="doc-body">', 1)[1].split("</div>", 1)[0]
    assert "<li>Khảo sát hiện trạng các tuyến cống" in preview and "<td><p>120</p>" in preview
    _no_word_left(preview)
    # Markdown previews too, and an empty body says so.
    md = client.post("/can-bo/cong-khai/moi", data=valid_data(body="## Mục tiêu\n\n- Một\n- Hai", preview="1"))
    assert "<h3>Mục tiêu</h3>" in md.get_data(as_text=True) and "<li>Một</li>" in md.get_data(as_text=True)
    empty = client.post("/can-bo/cong-khai/moi", data=valid_data(body="", preview="1")).get_data(as_text=True)
    assert "Nội dung trống." in empty
    assert db.session.scalar(select(func.count()).select_from(Disclosure)) == 0


def test_preview_of_a_draft_being_edited_changes_nothing(client, login_as, db, make_disclosure):
    login_as("editor")
    draft = make_disclosure(publish=False)
    published = make_disclosure()
    for d, url in ((draft, f"/can-bo/cong-khai/{draft.id}/sua"),
                   (published, f"/can-bo/cong-khai/{published.id}/dinh-chinh")):
        before = (d.body_source, d.body_html, d.title, len(d.versions))
        r = client.post(url, data=valid_data(number=d.number, title="Tiêu đề mới chưa lưu", body=WORD, preview="1"))
        assert r.status_code == 200 and "Tiêu đề mới chưa lưu" in r.get_data(as_text=True)
        assert "<li>Nghiệm thu, công khai kết quả</li>" in r.get_data(as_text=True)
        db.session.expire_all()
        again = db.session.get(Disclosure, d.id)
        assert (again.body_source, again.body_html, again.title, len(again.versions)) == before


def test_paste_endpoint_answers_cleaned_source_and_html(client, login_as, db):
    assert client.post("/can-bo/cong-khai/xem-truoc-noi-dung", data={"body": WORD}).status_code in (302, 401)
    login_as("moderator")
    assert client.post("/can-bo/cong-khai/xem-truoc-noi-dung", data={"body": WORD}).status_code == 403
    login_as("editor")
    r = client.post("/can-bo/cong-khai/xem-truoc-noi-dung", data={"body": WORD})
    assert r.status_code == 200 and r.is_json
    _no_word_left(r.json["source"] + r.json["html"])
    assert r.json["source"].startswith("<p><b>KẾ HOẠCH</b></p>") and "<ol><li>" in r.json["html"]
    assert db.session.scalar(select(func.count()).select_from(Disclosure)) == 0
    text = client.post("/can-bo/cong-khai/xem-truoc-noi-dung", data={"body": "Dòng một\n\nDòng hai"}).json
    assert text == {"source": "Dòng một\n\nDòng hai", "html": "<p>Dòng một</p>\n<p>Dòng hai</p>"}


def test_unclosed_word_blocks_and_look_alike_tags():
    # An unclosed conditional comment or style block: what follows is not body text.
    assert clean_pasted_html("<p>Giữ</p><!--[if gte mso 9]><xml><o:Doc>") == "<p>Giữ</p>"
    assert clean_pasted_html("<p>Giữ</p><style>p.MsoNormal {font-size: 13pt}") == "<p>Giữ</p>"
    # <header> and <stylesheet-like> names are not <head>/<style>: their text stays.
    assert clean_pasted_html("<header><p>Tiêu đề trang</p></header><p>Thân</p>") == "<p>Tiêu đề trang</p>\n<p>Thân</p>"
    # Many unclosed openers are searched once each (no backtracking over the whole paste).
    many = "<p>Đầu</p>" + "<!--[if a]>" * 5000
    assert clean_pasted_html(many) == "<p>Đầu</p>"
    paragraphs = "<p class=MsoListParagraph style='mso-list:l0 level1'>" * 3000 + "Cuối"
    assert "Cuối" in clean_pasted_html(paragraphs)

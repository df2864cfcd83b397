"""The English locale: pages read in English with the ``lang=en`` cookie, in Vietnamese without it,
and the catalog (portal/translations/en) stays complete and compiled.

When a new string fails ``test_every_source_string_is_translated``: run
``sh portal/translations/update.sh``, translate the new entries in
``portal/translations/en/LC_MESSAGES/messages.po``, run the script again and commit the .po and .mo.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "portal" / "translations"
PO = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"
MO = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.mo"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\d*\}")


def _html_lang(html: str) -> str:
    match = re.search(r'<html lang="([^"]+)"', html)
    assert match, "no <html lang>"
    return match.group(1)


def _text(html: str) -> str:
    """Visible text with tags dropped and whitespace collapsed (for sentences split by markup)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def english(client):
    client.set_cookie("lang", "en")
    return client


@pytest.fixture
def published(db):
    """One published disclosure in the "plans" category, form "Kế hoạch"."""
    import datetime as dt

    from public_docs.disclosures import services

    today = services.today()
    d = services.create_disclosure({
        "number": "79/KH-UBND",
        "title": "Kế hoạch phát triển kinh tế - xã hội năm 2027",
        "summary": "Chỉ tiêu và giải pháp của phường.",
        "body": "Nội dung kế hoạch.",
        "category": "plans",
        "form": "Kế hoạch",
        "issuer": "UBND phường Hòa An",
        "issued_on": (today - dt.timedelta(days=3)).isoformat(),
        "effective_on": (today - dt.timedelta(days=3)).isoformat(),
    }, actor="test", files=())
    services.publish_disclosure(d, actor="test", secrecy_confirmed=True)
    db.session.commit()
    return d


# --- pages -----------------------------------------------------------------------------------

PAGES = {
    # url: (English strings, Vietnamese strings)
    "/": (
        ["Latest disclosures", "Search public disclosures", "Open for public comment", "Skip to main content",
         "Public disclosures", "Hotline", "Socio-economic development plans"],
        ["Văn bản công khai mới", "Tìm văn bản công khai", "Đang lấy ý kiến Nhân dân", "Bỏ qua, đến nội dung chính",
         "Công khai thông tin", "Đường dây nóng", "Kế hoạch phát triển kinh tế - xã hội"],
    ),
    "/cong-khai": (
        ["<h1>Public disclosures</h1>", "Filter documents", "Found 1 documents.", "Download the list (CSV)",
         "Socio-economic development plans", "Plan No. 79/KH-UBND"],
        ["<h1>Công khai thông tin</h1>", "Lọc văn bản", "Tìm thấy 1 văn bản.", "Tải danh sách (CSV)",
         "Kế hoạch phát triển kinh tế - xã hội", "Kế hoạch số 79/KH-UBND"],
    ),
    "/gui-kien-nghi": (
        ["<h1>Send feedback or a petition</h1>", "Step 1/2", "your feedback or petition", "Type of submission",
         "Complaint", "— Choose a category —", ">Land<", "Residential group where it happened (optional)"],
        ["<h1>Gửi phản ánh, kiến nghị</h1>", "Bước 1/2", "nội dung phản ánh, kiến nghị", "Loại nội dung",
         "Khiếu nại", "— Chọn lĩnh vực —", ">Đất đai<", "Tổ dân phố nơi xảy ra sự việc (không bắt buộc)"],
    ),
    "/tra-cuu": (
        ["<h1>Track your submission</h1>", "Receipt code", "upper or lower case, spaces and hyphens do not matter"],
        ["<h1>Tra cứu tình trạng xử lý</h1>", "Mã tiếp nhận", "không phân biệt chữ hoa, chữ thường"],
    ),
    "/can-bo/dang-nhap": (
        ["<h1>Staff sign-in</h1>", "Password", "Residents need no account", ">Sign in<"],
        ["<h1>Đăng nhập cán bộ</h1>", "Mật khẩu", "Người dân không cần tài khoản", ">Đăng nhập<"],
    ),
}


@pytest.mark.parametrize("url", list(PAGES))
def test_pages_read_in_english_with_the_cookie(english, published, url):
    res = english.get(url)
    assert res.status_code == 200
    html = res.get_data(as_text=True)
    assert _html_lang(html) == "en"
    flat = _text(html)
    for text in PAGES[url][0]:
        assert text in html or _text(text) in flat, f"{url}: missing {text!r}"
    assert "Bỏ qua, đến nội dung chính" not in html


@pytest.mark.parametrize("url", list(PAGES))
def test_pages_read_in_vietnamese_without_it(client, published, url):
    res = client.get(url)
    assert res.status_code == 200
    html = res.get_data(as_text=True)
    assert _html_lang(html) == "vi"
    flat = _text(html)
    for text in PAGES[url][1]:
        assert text in html or _text(text) in flat, f"{url}: missing {text!r}"
    assert "Skip to main content" not in html


def test_language_switch_sets_the_cookie_and_switches_back(client):
    res = client.get("/ngon-ngu/en?next=/cong-khai")
    assert res.status_code == 302 and res.headers["Location"].endswith("/cong-khai")
    assert "lang=en" in res.headers["Set-Cookie"]
    assert _html_lang(client.get("/cong-khai").get_data(as_text=True)) == "en"
    client.get("/ngon-ngu/vi")
    html = client.get("/cong-khai").get_data(as_text=True)
    assert _html_lang(html) == "vi" and "<h1>Công khai thông tin</h1>" in html
    # an unknown language changes nothing
    client.get("/ngon-ngu/fr")
    assert _html_lang(client.get("/").get_data(as_text=True)) == "vi"


def test_disclosure_detail_labels_and_category_in_english(english, published):
    html = english.get(f"/cong-khai/{published.id}").get_data(as_text=True)
    assert _html_lang(html) == "en"
    for text in ("Number and symbol", "Document type", "Issuing body", "Date of issue", "Permanent address",
                 ">Plan<", "Socio-economic development plans"):
        assert text in html, text
    printed = english.get(f"/cong-khai/{published.id}?in=1").get_data(as_text=True)
    assert _html_lang(printed) == "en" and "Number and symbol" in printed
    # data typed by staff is never "translated"
    assert "Kế hoạch phát triển kinh tế - xã hội năm 2027" in html and "UBND phường Hòa An" in html


def test_service_messages_flashes_and_form_errors_in_english(english, make_user):
    make_user("editor", email="bien@test.phuong.vn")
    res = english.post("/can-bo/dang-nhap", data={"email": "bien@test.phuong.vn", "password": "wrong-Passw0rd!"})
    assert res.status_code == 400
    assert "Incorrect email or password." in res.get_data(as_text=True)
    res = english.post("/can-bo/dang-nhap", data={"email": "", "password": ""})
    html = res.get_data(as_text=True)
    assert "This field is required." in html and "Enter your email and password." in html
    # Flask-Login's "please sign in" flash is translated too
    res = english.get("/can-bo/", follow_redirects=True)
    assert "Please sign in to continue." in res.get_data(as_text=True)


def test_error_page_in_english(english, client):
    res = english.get("/khong-co-trang-nay")
    assert res.status_code == 404
    html = res.get_data(as_text=True)
    assert "<h1>Page not found</h1>" in html and "Back to the home page" in html


def test_tr_filter_translates_known_labels_only_and_escapes(app):
    from flask import render_template_string

    # each in its own app context: Flask-Babel caches the locale on ``g``
    with app.app_context(), app.test_request_context(headers={"Cookie": "lang=en"}):
        out = render_template_string("{{ a|tr }}|{{ b|tr }}|{{ c|tr }}",
                                     a="Phí, lệ phí", b="<b>Tổ 7</b>", c=None)
    assert out == "Fees and charges|&lt;b&gt;Tổ 7&lt;/b&gt;|"
    with app.app_context(), app.test_request_context():
        assert render_template_string("{{ 'Phí, lệ phí'|tr }}") == "Phí, lệ phí"


# --- the catalog ------------------------------------------------------------------------------

def _plain(value):
    """Plural messages come as tuples from the .po and lists from the .mo."""
    return value if isinstance(value, str) else tuple(value)


def _filled(string) -> bool:
    """Translated: a non-empty string, or every plural form non-empty."""
    return bool(string) if isinstance(string, str) else bool(string) and all(string)


def _po():
    with PO.open("rb") as fh:
        return read_po(fh, locale="en")


def test_catalog_has_no_untranslated_or_fuzzy_entries():
    catalog = _po()
    assert len(catalog) > 100
    untranslated = [m.id for m in catalog if m.id and not (m.string if isinstance(m.string, str) else all(m.string))]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated, f"untranslated: {untranslated[:20]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:20]}"


def test_translations_keep_every_placeholder():
    for m in _po():
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, (list, tuple)) else [m.id]
        strings = m.string if isinstance(m.string, (list, tuple)) else [m.string]
        expected = sorted(PLACEHOLDER.findall(ids[0]))
        for s in strings:
            assert sorted(PLACEHOLDER.findall(s)) == expected, f"{m.id!r} -> {s!r}"
            # Jinja's newstyle gettext always applies "%": a lone percent sign would break the page
            assert "%" not in PLACEHOLDER.sub("", s).replace("%%", ""), f"bare % in {s!r}"


def test_every_source_string_is_translated():
    """Strings marked in the code but missing from the .po fail here until update.sh is run and they are
    translated."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    keywords = dict(DEFAULT_KEYWORDS, _l=None, lazy_gettext=None, gettext_vi=None, ngettext_vi=(1, 2))
    skip = {"node_modules", "instance", "tests", "bench", "migrations", "__pycache__"}

    def keep_dir(path: str) -> bool:
        name = Path(path).name
        return not (name.startswith(".") or name in skip)

    found = {}
    for filename, _lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=keywords, directory_filter=keep_dir,
    ):
        msgid = message[0] if isinstance(message, (list, tuple)) else message
        if msgid:
            found.setdefault(msgid, filename)
    translated = {m.id if isinstance(m.id, str) else m.id[0] for m in _po()
                  if m.id and _filled(m.string) and not m.fuzzy}
    missing = sorted(f"{found[k]}: {k}" for k in set(found) - translated)
    assert not missing, "not in the English catalog (run portal/translations/update.sh):\n" + "\n".join(missing[:40])


def test_compiled_mo_matches_the_po():
    po = {_plain(m.id): _plain(m.string) for m in _po() if m.id and not m.fuzzy and m.string}
    with MO.open("rb") as fh:
        mo = {_plain(m.id): _plain(m.string) for m in read_mo(fh) if m.id}
    assert mo == po, "messages.mo is out of date: run portal/translations/update.sh (or pybabel compile)"


def test_editor_form_labels_choices_and_flash_in_english(english, login_as, published):
    login_as("editor")
    html = english.get("/can-bo/cong-khai/moi").get_data(as_text=True)
    for text in ("Number and symbol", "Disclosure category", "— Choose a category —",
                 "Socio-economic development plans", ">Plan<", "Kind of budget document (budget documents only)",
                 "Save draft"):
        assert text in html, text
    today = published.issued_on.isoformat()
    res = english.post("/can-bo/cong-khai/moi", data={
        "number": "80/TB-UBND", "title": "Thông báo lịch tiếp công dân", "category": "other", "form": "Thông báo",
        "issuer": "UBND phường Hòa An", "issued_on": today, "summary": "Lịch tiếp công dân.", "body": "Nội dung.",
    }, follow_redirects=True)
    assert res.status_code == 200
    assert "Draft saved. Check the preview, then publish." in res.get_data(as_text=True)
    # the public page lists the first version with its translated note
    html = english.get(f"/cong-khai/{published.id}").get_data(as_text=True)
    assert "First publication" in html and "Công bố lần đầu" not in html


def test_tracking_timeline_and_statistics_in_english(english, app):
    from moderation import intake

    code = intake.submit_petition({
        "kind": "feedback", "topic": "environment", "title": "Cống thoát nước bị tắc",
        "description": "Cống thoát nước đầu kiệt 12 bị tắc, nước tràn ra đường mỗi khi mưa.",
        "visibility": "anonymous",
    })
    from portal.extensions import db

    db.session.commit()
    html = english.get(f"/tra-cuu/{code}").get_data(as_text=True)
    assert "Feedback or petition received. It will be moderated before it is published." in html
    assert "Received" in html and "Environment" in html
    vietnamese = app.test_client()  # no cookie
    assert "Đã tiếp nhận phản ánh, kiến nghị." in vietnamese.get(f"/tra-cuu/{code}").get_data(as_text=True)
    stats = english.get("/thong-ke").get_data(as_text=True)
    assert "Approved, referred to a board" in stats and "Đã duyệt, chuyển Ban" not in stats

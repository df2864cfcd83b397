"""Issue 18, item 19: a commune (xã) organised in thôn names its units through WARD_KIND and
GROUP_KIND. With WARD_KIND=xa and GROUP_KIND=thon every public and staff page, a petition form, the
referral letter, the reception slip, a mail in the outbox, the statistics and the report files say
'xã'/'thôn' and never 'phường'/'tổ dân phố' (the ward's identity settings and the rows the test
writes name a commune too); the default still says phường/tổ dân phố; English says commune/village."""
from __future__ import annotations

import csv
import io
import re
from html import unescape

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from moderation.cases.models import CaseStatus
from moderation.documents import docx_text
from portal.outbox import OutboxMessage
from portal.units import GROUP_KINDS, WARD_KINDS, names, parse_group_kind, parse_ward_kind
from portal.ward import ResidentialGroup
from tests.fixtures.submissions import form_post
from tests.fixtures.users import sign_in

COMMUNE = {
    "WARD_KIND": "xa", "GROUP_KIND": "thon", "WARD_NAME": "Xã Hòa Tiến", "WARD_PARENT": "Thành phố Đà Nẵng",
    "WARD_ADDRESS": "Thôn Dương Lâm, xã Hòa Tiến", "WARD_EMAIL": "ubnd@hoatien.example.vn",
    "RECEPTION_ADDRESS": "Hội trường UBND xã Hòa Tiến", "MAIL_DEFAULT_SENDER": "cong@hoatien.example.vn",
    "FORM_MIN_FILL_SECONDS": 0, "RATELIMIT_ENABLED": False,
}
PUBLIC = ["/", "/cong-khai", "/gui-kien-nghi", "/kien-nghi", "/lay-y-kien", "/thong-ke", "/gioi-thieu",
          "/lien-he", "/du-lieu-ca-nhan", "/tiep-cong-dan", "/cac-ban", "/dan-quyet", "/tra-cuu", "/tim-kiem?q=thôn"]
STAFF = ["/can-bo/", "/can-bo/ban/", "/can-bo/ban/thanh-vien", "/can-bo/ban/giam-sat/", "/can-bo/bao-cao/",
         "/can-bo/cong-khai", "/can-bo/cong-khai/moi", "/can-bo/dan-quyet/", "/can-bo/dan-quyet/moi",
         "/can-bo/dan-quyet/so-ho", "/can-bo/du-lieu-ca-nhan/", "/can-bo/kiem-duyet/", "/can-bo/lay-y-kien/nhap",
         "/can-bo/quan-tri/to-dan-pho", "/can-bo/quan-tri/nhat-ky", "/can-bo/tiep-nhan/",
         "/can-bo/tiep-nhan/kien-nghi", "/can-bo/tiep-nhan/theo-dot", "/can-bo/tiep-nhan/lich/moi",
         "/can-bo/tong-hop-y-kien/"]
ALL_ROLES = ("admin", "editor", "moderator", "board_member", "board_head", "reception")
# Fixed legal names that contain the words without naming the ward's kind.
ALLOWED = ("cộng hòa xã hội chủ nghĩa", "chính sách xã hội", "kinh tế - xã hội", "xã hội")


def _clean(text: str) -> str:
    text = text.lower()
    for phrase in ALLOWED:
        text = text.replace(phrase, "")
    return text


def assert_commune(text: str, where: str, *, needs_group: bool = False) -> None:
    low = _clean(text)
    assert "phường" not in low, f"{where}: {low[max(0, low.find('phường') - 80):low.find('phường') + 40]!r}"
    assert "tổ dân phố" not in low, f"{where}: {low[max(0, low.find('tổ dân phố') - 80):low.find('tổ dân phố') + 40]!r}"
    assert "%(" not in text, f"{where}: a placeholder left unfilled"
    if needs_group:
        assert "thôn" in low, where


@pytest.fixture
def commune(app, db):
    for key, value in COMMUNE.items():
        app.config[key] = value
    rows = [ResidentialGroup(code=f"TDP0{i}", name=f"Thôn {i}", position=i) for i in range(1, 4)]
    db.session.add_all(rows)
    db.session.commit()
    return rows


def test_settings_parse_codes_and_spellings():
    assert parse_ward_kind("xã") == "xa" and parse_ward_kind("Đặc khu") == "dac_khu"
    assert parse_group_kind("Thôn") == "thon" and parse_group_kind("tổ dân phố") == "to_dan_pho"
    with pytest.raises(ValueError):
        parse_ward_kind("thị trấn")  # no longer a kind of grassroots unit since 1 July 2025
    assert set(WARD_KINDS) == {"phuong", "xa", "dac_khu"} and "ap" in GROUP_KINDS


def test_environment_sets_the_unit_names(monkeypatch, app):
    from portal import create_app
    from portal.extensions import db as _db

    monkeypatch.setenv("PORTAL_ENV", "testing")
    monkeypatch.setenv("DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("WARD_KIND", "xã")
    monkeypatch.setenv("GROUP_KIND", "ban")
    built = create_app()
    try:
        assert built.config["WARD_KIND"] == "xa" and built.config["GROUP_KIND"] == "ban"
        with built.test_request_context("/"):
            assert names() == {"ward_kind": "xã", "Ward_kind": "Xã", "ward_kinds": "xã", "group_kind": "bản",
                               "Group_kind": "Bản", "group_kinds": "bản", "group_head": "Trưởng bản"}
        monkeypatch.setenv("WARD_KIND", "quận")  # unknown: the default
        assert create_app().config["WARD_KIND"] == "phuong"
    finally:
        with built.app_context():
            _db.engine.dispose()


def test_commune_pages_documents_mail_and_statistics(client, db, commune, make_user, board_setup):
    # Public pages, anonymous.
    for url in PUBLIC:
        r = client.get(url)
        assert r.status_code == 200, url
        assert_commune(r.get_data(as_text=True), url)
    form = client.get("/gui-kien-nghi").get_data(as_text=True)
    assert "Thôn nơi xảy ra sự việc" in form
    # A petition through the form, with the group named: its refusal and its receipt say thôn/xã.
    refused = client.post("/gui-kien-nghi", data=form_post(group="KHONG-CO"))
    assert refused.status_code == 422
    assert "đồng ý để xã xử lý" in refused.get_data(as_text=True)
    assert_commune(refused.get_data(as_text=True), "petition refused")
    ok = client.post("/gui-kien-nghi", data=form_post(name="Lê Văn Dân", email="dan@hoatien.example.vn",
                                                      consent="y"), follow_redirects=True)
    assert ok.status_code == 200
    assert_commune(ok.get_data(as_text=True), "petition receipt")

    # A privacy request: its page and the acknowledgement in the outbox.
    code = re.search(r'data-testid="receipt-code">([^<]+)<', ok.get_data(as_text=True)).group(1)
    done = client.post("/du-lieu-ca-nhan", data={"receipt_code": code, "kind": "delete", "consent": "y"},
                       follow_redirects=True)
    assert done.status_code == 200
    assert_commune(done.get_data(as_text=True), "privacy request done")
    assert "Xã xử lý và trả lời" in done.get_data(as_text=True)
    mails = db.session.scalars(select(OutboxMessage)).all()
    assert mails
    for mail in mails:
        assert_commune(mail.subject + mail.body, f"mail {mail.subject}")
    assert any("Xã xử lý và trả lời trước" in m.body and m.subject.startswith("Xã đã nhận") for m in mails)

    # Staff pages, as a user with every role.
    admin = make_user(*ALL_ROLES, name="Cán Bộ Xã")
    sign_in(client, admin)
    for url in STAFF:
        r = client.get(url)
        assert r.status_code == 200, url
        assert_commune(r.get_data(as_text=True), url)
    groups = client.get("/can-bo/quan-tri/to-dan-pho").get_data(as_text=True)
    assert "<h1>Thôn</h1>" in groups and "Thêm thôn" in groups
    added = client.post("/can-bo/quan-tri/to-dan-pho", data={"code": "TDP01", "name": "Thôn 1"},
                        follow_redirects=True).get_data(as_text=True)
    assert "Mã thôn đã tồn tại." in added

    # The reception slip of a petition entered at the desk.
    from tests.moderation.reception.conftest import offline_form

    r = client.post("/can-bo/tiep-nhan/kien-nghi", data=offline_form(place="Trụ sở UBND xã Hòa Tiến"))
    assert r.status_code == 302, r.get_data(as_text=True)[:2000]
    slip = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "ỦY BAN NHÂN DÂN" in slip and "XÃ HÒA TIẾN" in slip
    assert_commune(slip, "reception slip")

    # The referral letter (DOCX) of a Board case.
    s = board_setup
    case_id = s.case.id
    sign_in(client, s.head)
    client.post(f"/can-bo/ban/ho-so/{case_id}/assign", data={"assign-assignee": s.member.id})
    sign_in(client, s.member)
    client.post(f"/can-bo/ban/ho-so/{case_id}/verify", data={"verify-text": "Kiểm tra hiện trường: đúng"})
    r = client.post(f"/can-bo/ban/ho-so/{case_id}/refer", data={
        "refer-agency": "UBND xã Hòa Tiến", "refer-sent_on": "2026-03-02", "refer-document_number": "05/KN-BTTND"})
    assert r.status_code == 302
    db.session.expire_all()
    case = db.session.get(type(s.case), case_id)
    assert case.status == CaseStatus.referred
    case_page = client.get(f"/can-bo/ban/ho-so/{case_id}").get_data(as_text=True)
    assert_commune(case_page, "case page")
    letter = docx_text(client.get(f"/can-bo/ban/ho-so/{case_id}/kien-nghi/{case.referrals[0].id}.docx").data)
    assert "xã Hòa Tiến" in letter and "Hòa Tiến, ngày 02 tháng 03 năm 2026" in letter
    assert_commune(letter, "referral letter")

    # Statistics: the page, the report files (DOCX, CSV, XLSX).
    stats = client.get("/thong-ke").get_data(as_text=True)
    assert "Theo thôn" in stats
    assert_commune(stats, "statistics")
    sign_in(client, admin)
    q = "kind=year&year=2026"
    assert_commune(docx_text(client.get(f"/can-bo/bao-cao/?{q}&format=docx").data), "report docx")
    rows = list(csv.reader(io.StringIO(client.get(f"/can-bo/bao-cao/?{q}&format=csv").data.decode("utf-8-sig"))))
    assert any(row and row[0] == "Theo thôn" for row in rows) or all("tổ dân phố" not in ",".join(r).lower()
                                                                    for r in rows)
    assert_commune("\n".join(",".join(r) for r in rows), "report csv")
    book = load_workbook(io.BytesIO(client.get(f"/can-bo/bao-cao/?{q}&format=xlsx").data))
    cells = "\n".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row
                      if c.value is not None)
    assert "Theo thôn" in book.sheetnames
    assert_commune(cells + " ".join(book.sheetnames), "report xlsx")

    # The audit log names the group kind too.
    log = client.get("/can-bo/quan-tri/nhat-ky").get_data(as_text=True)
    assert_commune(log, "audit log")


def test_commune_in_english(client, db, commune):
    client.set_cookie("lang", "en")
    form = client.get("/gui-kien-nghi").get_data(as_text=True)
    assert "Village where it happened (optional)" in form
    stats = client.get("/thong-ke").get_data(as_text=True)
    assert "By village" in stats and "residential group" not in stats.lower()
    consultations = client.get("/lay-y-kien").get_data(as_text=True)
    assert "Drafts the commune is consulting" in consultations
    for url in PUBLIC:
        text = re.sub(r"<[^>]+>", " ", client.get(url).get_data(as_text=True))
        assert not re.search(r"\b(wards?|residential groups?)\b", text, re.IGNORECASE), url


def test_default_says_phuong_and_to_dan_pho(client, db, groups, make_user):
    form = client.get("/gui-kien-nghi").get_data(as_text=True)
    assert "Tổ dân phố nơi xảy ra sự việc" in form
    assert "Theo tổ dân phố" in client.get("/thong-ke").get_data(as_text=True)
    sign_in(client, make_user("admin"))
    page = client.get("/can-bo/quan-tri/to-dan-pho").get_data(as_text=True)
    assert "<h1>Tổ dân phố</h1>" in page and "Thêm tổ dân phố" in page
    client.set_cookie("lang", "en")
    assert "Residential group where it happened" in client.get("/gui-kien-nghi").get_data(as_text=True)


def test_english_about_page_names_the_commune(client, db, commune):
    page = client.get("/en/about").get_data(as_text=True)
    assert "read what the commune must disclose" in page and "the ward" not in page
    client.set_cookie("lang", "en")
    assert "ward office" not in client.get("/tiep-cong-dan").get_data(as_text=True)


def test_commune_disclosure_page_and_postings(client, db, commune, make_disclosure):
    from public_docs.disclosures import services

    d = make_disclosure(issuer="UBND xã Hòa Tiến", summary="Kế hoạch của xã.")
    for channel, place in (("headquarters", "Bảng tin trụ sở UBND xã"), ("group_house", "Nhà văn hóa Thôn 1")):
        services.record_posting(d, {"channel": channel, "place": place, "start_on": services.today().isoformat()},
                                actor=None)
    db.session.commit()
    page = client.get(f"/cong-khai/{d.id}").get_data(as_text=True)
    assert "Niêm yết tại trụ sở Ủy ban nhân dân xã" in page and "Niêm yết tại nhà văn hóa thôn" in page
    assert_commune(page, "disclosure page")
    client.set_cookie("lang", "en")
    english = unescape(client.get(f"/cong-khai/{d.id}").get_data(as_text=True))
    assert "Posted at the commune People's Committee headquarters" in english
    assert "Posted at the village's community house" in english

"""Public pages, downloads, CSV, feeds and the JSON API (validated against the OpenAPI document)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from xml.etree import ElementTree

import pytest

from portal.ward import ResidentialGroup
from public_docs.disclosures import services
from public_docs.disclosures.services import UploadedFile
from tests.fixtures.files import docx_bytes, pdf_bytes

ATOM = "{http://www.w3.org/2005/Atom}"


def test_drafts_are_invisible_to_the_public(client, make_disclosure):
    draft = make_disclosure(publish=False, title="Bản nháp chưa công bố")
    assert client.get(f"/cong-khai/{draft.id}").status_code == 404
    assert client.get(f"/api/v1/disclosures/{draft.id}").status_code == 404
    for url in ("/", "/cong-khai", "/cong-khai/atom.xml", "/api/v1/disclosures", "/cong-khai/xuat.csv"):
        assert "Bản nháp chưa công bố" not in client.get(url).get_data(as_text=True), url


def test_detail_shows_decree_42_fields_files_and_print_view(client, db, make_disclosure):
    d = make_disclosure(
        title="Kế hoạch sử dụng đất năm 2027", category="planning", form="Kế hoạch", number="79/KH-UBND",
        files=[UploadedFile("ke-hoach.pdf", pdf_bytes("Kế hoạch sử dụng đất"))],
    )
    html = client.get(f"/cong-khai/{d.id}").get_data(as_text=True)
    for text in ("79/KH-UBND", "Kế hoạch", "UBND phường Hòa An", d.issued_on.strftime("%d/%m/%Y"),
                 "Ngày hiệu lực", "Trích yếu", "ke-hoach.pdf", "PDF", "Địa chỉ cố định", "Phiên bản 1"):
        assert text in html, text
    assert html.count("<h1") == 1
    printed = client.get(f"/cong-khai/{d.id}?in=1").get_data(as_text=True)
    assert "79/KH-UBND" in printed and "main-nav" not in printed


def test_download_serves_bytes_with_safe_headers(client, make_disclosure):
    data = docx_bytes("Danh sách hộ nghèo")
    d = make_disclosure(files=[UploadedFile("Danh sách hộ nghèo.docx", data)])
    att = d.attachments[0]
    res = client.get(f"/cong-khai/{d.id}/tep/{att.id}/{att.filename}")
    assert res.status_code == 200 and res.data == data
    assert res.headers["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert res.headers["X-Content-Type-Options"] == "nosniff"
    assert res.headers["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''Danh%20s%C3%A1ch" in res.headers["Content-Disposition"]
    other = make_disclosure(publish=False, files=[UploadedFile("x.docx", docx_bytes("nháp"))])
    assert client.get(f"/cong-khai/{other.id}/tep/{other.attachments[0].id}").status_code == 404
    assert client.get(f"/cong-khai/{d.id}/tep/{other.attachments[0].id}").status_code == 404


def test_amended_and_withdrawn_pages(client, db, make_disclosure):
    d = make_disclosure(title="Thông báo thu phí vệ sinh")
    services.amend_disclosure(d, {"title": "Thông báo thu phí vệ sinh năm 2027"}, "Bổ sung năm áp dụng",
                              actor="test", secrecy_confirmed=True)
    db.session.commit()
    html = client.get(f"/cong-khai/{d.id}").get_data(as_text=True)
    assert "Bổ sung năm áp dụng" in html and "Phiên bản 2" in html and "Công bố lần đầu" in html
    old = client.get(f"/cong-khai/{d.id}/phien-ban/1").get_data(as_text=True)
    assert "Thông báo thu phí vệ sinh</h1>" in old and "phiên bản cũ" in old
    services.withdraw_disclosure(d, "Văn bản ban hành sai thẩm quyền", actor="test")
    db.session.commit()
    res = client.get(f"/cong-khai/{d.id}")
    assert res.status_code == 200
    html = res.get_data(as_text=True)
    assert "đã bị thu hồi" in html and "Văn bản ban hành sai thẩm quyền" in html


def test_list_filters_counts_pagination_and_csv(client, db, make_disclosure):
    g = ResidentialGroup(code="TDP03", name="Tổ dân phố 3")
    db.session.add(g)
    db.session.commit()
    for i in range(23):
        make_disclosure(category="fees", form="Thông báo", title=f"Phí chợ số {i}")
    make_disclosure(category="welfare", form="Danh sách", title="=HYPERLINK(\"x\") Danh sách hộ nghèo",
                    group_ids=[g.id])
    res = client.get("/cong-khai")
    html = res.get_data(as_text=True)
    assert "Phí, lệ phí (23)" in html and "Chính sách an sinh xã hội (1)" in html
    assert "Tổ dân phố 3 (1)" in html and "Trang 1 / 2" in html
    html = client.get("/cong-khai?category=welfare").get_data(as_text=True)
    assert "Danh sách hộ nghèo" in html and "Phí chợ số" not in html
    assert "Phí, lệ phí (23)" in html  # counts of the other values stay visible
    html = client.get("/cong-khai?group=TDP03").get_data(as_text=True)
    assert "<strong>1</strong>" in html
    assert client.get("/cong-khai?category=bogus&year=abc&page=x").status_code == 200
    out = client.get("/cong-khai/xuat.csv?category=welfare")
    assert out.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(out.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][1] == "Số, ký hiệu" and len(rows) == 2
    assert rows[1][2].startswith("'=")  # no formula injection


def test_home_lists_latest_and_open_consultations(client, db, make_disclosure):
    make_disclosure(title="Kế hoạch phòng chống lụt bão")
    c = make_disclosure(title="Dự thảo quy ước tổ dân phố văn hóa", category="conventions", form="Dự thảo")
    today = services.today()
    services.open_for_comments(c, today - dt.timedelta(days=1), today + dt.timedelta(days=30), actor="test")
    db.session.commit()
    html = client.get("/").get_data(as_text=True)
    assert "Kế hoạch phòng chống lụt bão" in html
    assert "Đang lấy ý kiến" in html and "Dự thảo quy ước tổ dân phố văn hóa" in html
    assert 'name="q"' in html


def test_feeds_parse_as_atom(client, make_disclosure):
    make_disclosure(title="Quyết toán ngân sách năm 2025", category="budget", budget_kind="final_accounts",
                    budget_year=2025)
    make_disclosure(title="Thông báo lịch tiếp công dân", category="procedures")
    doc = client.get("/api/v1/openapi.json").get_json()
    for path, url in (("/cong-khai/atom.xml", "/cong-khai/atom.xml"),
                      ("/cong-khai/linh-vuc/{category}/atom.xml", "/cong-khai/linh-vuc/budget/atom.xml")):
        declared = doc["paths"][path]["get"]["responses"]["200"]["content"]
        assert client.get(url).headers["Content-Type"].split(";")[0] in declared
    enum = doc["paths"]["/cong-khai/linh-vuc/{category}/atom.xml"]["get"]["parameters"][0]["schema"]["enum"]
    root = ElementTree.fromstring(client.get("/cong-khai/atom.xml").data)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 2
    for e in entries:
        for child in ("title", "id", "updated", "link", "summary"):
            assert e.find(f"{ATOM}{child}") is not None
    root = ElementTree.fromstring(client.get("/cong-khai/linh-vuc/budget/atom.xml").data)
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert titles == ["101/TB-UBND – Quyết toán ngân sách năm 2025"]
    assert root.find(f"{ATOM}entry/{ATOM}category").get("term") in enum
    assert client.get("/cong-khai/linh-vuc/nope/atom.xml").status_code == 404


# --------------------------------------------------------------------------- API vs OpenAPI
def _check(value, schema, doc, path="$"):
    """A small validator for the OpenAPI 3.0 subset used here ($ref, allOf, nullable, type, enum, required)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return _check(value, doc["components"]["schemas"][name], doc, path)
    if "allOf" in schema:
        for sub in schema["allOf"]:
            _check(value, sub, doc, path)
        return
    if value is None:
        assert schema.get("nullable"), f"{path} is null"
        return
    kind = schema.get("type")
    types = {"string": str, "integer": int, "boolean": bool, "array": list, "object": dict}
    if kind:
        assert isinstance(value, types[kind]), f"{path}: {value!r} is not {kind}"
        if kind == "integer":
            assert not isinstance(value, bool), path
    if "enum" in schema:
        assert value in schema["enum"], f"{path}: {value!r} not in enum"
    if schema.get("format") == "date":
        dt.date.fromisoformat(value)
    if kind == "object":
        for key in schema.get("required", []):
            assert key in value, f"{path}.{key} missing"
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                _check(value[key], sub, doc, f"{path}.{key}")
    if kind == "array":
        for i, item in enumerate(value):
            _check(item, schema.get("items", {}), doc, f"{path}[{i}]")


def _response_schema(doc, path, code="200"):
    return doc["paths"][path]["get"]["responses"][code]["content"]["application/json"]["schema"]


def test_api_answers_match_the_openapi_document(client, db, make_disclosure):
    d = make_disclosure(title="Dự toán ngân sách năm 2027", category="budget", budget_kind="execution_year",
                        budget_year=2026,
                        files=[UploadedFile("du-toan.pdf", pdf_bytes("Dự toán thu chi"))])
    make_disclosure(title="Thông báo phí", category="fees", issued_on="")  if False else None
    doc = client.get("/api/v1/openapi.json").get_json()
    assert "/api/v1/disclosures" in doc["paths"] and "/api/v1/disclosures/{id}" in doc["paths"]
    body = client.get("/api/v1/disclosures").get_json()
    _check(body, _response_schema(doc, "/api/v1/disclosures"), doc)
    assert body["total"] == 1 and body["items"][0]["number"] == d.number
    assert set(body["items"][0]) == {"id", "number", "title", "category", "budget_kind", "form", "issuer",
                                     "issued_on", "url", "snippet"}
    detail = client.get(f"/api/v1/disclosures/{d.id}").get_json()
    _check(detail, _response_schema(doc, "/api/v1/disclosures/{id}"), doc)
    assert detail["attachments"][0]["filename"] == "du-toan.pdf" and detail["budget_period"] == "year"
    assert detail["budget_kind"] == "execution_year" and detail["budget_year"] == 2026
    assert detail["budget_label"] == "Tình hình thực hiện dự toán năm (năm ngân sách 2026)"
    missing = client.get("/api/v1/disclosures/99999")
    assert missing.status_code == 404
    _check(missing.get_json(), _response_schema(doc, "/api/v1/disclosures/{id}", "404"), doc)
    bad = client.get("/api/v1/disclosures?per_page=1000")
    assert bad.status_code == 400
    _check(bad.get_json(), _response_schema(doc, "/api/v1/disclosures", "400"), doc)


def test_api_filters_and_query(client, db, make_disclosure):
    make_disclosure(title="Dự toán ngân sách năm 2027", category="budget", budget_kind="draft_estimate",
                    budget_year=2027)
    make_disclosure(title="Thông báo thu phí chợ", category="fees", number="12/TB-UBND")
    body = client.get("/api/v1/disclosures?category=fees&per_page=1&page=1").get_json()
    assert body["total"] == 1 and body["per_page"] == 1 and body["items"][0]["category"] == "fees"
    year = services.today().year if (services.today() - dt.timedelta(days=3)).year == services.today().year else None
    if year:
        assert client.get(f"/api/v1/disclosures?year={year}").get_json()["total"] == 2
        assert client.get(f"/api/v1/disclosures?year={year - 5}").get_json()["total"] == 0
    body = client.get("/api/v1/disclosures", query_string={"q": "12/TB-UBND"}).get_json()
    assert body["items"] and body["items"][0]["number"] == "12/TB-UBND"
    assert client.get("/api/v1/disclosures?category=nope").status_code == 400
    for q in ('"', "*", "AND OR NOT", "x" * 5000, "\x00\x01"):
        assert client.get("/api/v1/disclosures", query_string={"q": q}).status_code == 200


@pytest.mark.parametrize("query", [
    "year=2026&group=<script>&status=withdrawn&page=-1",
    "category=fees&form=%00&issuer=" + "x" * 3000,
    "page=99999&year=1899",
    "status=draft",
    "q=%22%27%3B--",
])
def test_odd_list_parameters_never_fail(client, make_disclosure, query):
    make_disclosure(title="Thông báo bình thường")
    assert client.get(f"/cong-khai?{query}").status_code == 200
    assert client.get(f"/cong-khai/xuat.csv?{query}").status_code == 200
    assert client.get(f"/api/v1/disclosures?{query}").status_code in (200, 400)


def test_status_filter_never_reveals_drafts(client, make_disclosure):
    make_disclosure(publish=False, title="Nháp bí ẩn")
    assert "Nháp bí ẩn" not in client.get("/cong-khai?status=draft").get_data(as_text=True)


def test_filter_panel_is_folded_until_a_filter_is_chosen(client, db, make_disclosure):
    """On a phone the six filters would push the results a screen down: they sit in a <details>
    panel, closed until a filter (or, on the search page, the date sort) is in use."""
    from public_docs import search as S

    make_disclosure(category="fees", form="Thông báo", title="Thông báo thu phí chợ")
    S.sync()
    panel = re.compile(r"<details class=\"filter-panel\"( open)?>\s*<summary>([^<]*)</summary>")
    for url, opened, summary_end in [
        ("/cong-khai", None, "cơ quan ban hành…"),
        ("/cong-khai?q=phi", None, "cơ quan ban hành…"),  # the words are not a filter
        ("/cong-khai?category=fees&year=2026", " open", "(2 tiêu chí đang chọn)"),
        ("/tim-kiem?q=phi+cho", None, "sắp xếp"),
        ("/tim-kiem?q=phi+cho&sort=date", " open", "(1 tiêu chí đang chọn)"),
    ]:
        html = client.get(url).get_data(as_text=True)
        m = panel.search(html)
        assert m, url
        assert m.group(1) == opened and m.group(2).strip().endswith(summary_end), (url, m.groups())
        assert 'id="' + ("f-" if "cong-khai" in url else "sf-") + 'category"' in html  # the selects are all there
    html = client.get("/tim-kiem?q=phi+cho&lang=en").get_data(as_text=True)
    assert "Filter by category, year, issuing body…; sort" in html


def test_body_headings_sit_under_the_page_headings(client, make_disclosure):
    d = make_disclosure(body="## Mục tiêu tổng quát\n\nPhát triển thương mại.\n\n### Chỉ tiêu\n\nThu ngân sách.")
    html = client.get(f"/cong-khai/{d.id}").get_data(as_text=True)
    assert "<h2>Nội dung</h2>" in html
    assert "<h3>Mục tiêu tổng quát</h3>" in html and "<h4>Chỉ tiêu</h4>" in html
    assert "<h2>Mục tiêu tổng quát" not in html

"""Issue 18 item 16: budget disclosures by kind (Law 10/2022 Art. 11, Circular 343/2016/TT-BTC):
draft estimate, approved estimate, execution for a quarter / 6 months / year, final accounts and
audit results, with the fiscal year and the quarter; rules, editor, page, list filter, API, import
and the migration of the former periods."""
from __future__ import annotations

import json

import pytest
from flask_migrate import upgrade
from sqlalchemy import select, text

from portal import create_app
from portal.config import TestingConfig
from portal.errors import DomainError
from portal.extensions import db as _db
from public_docs.disclosures import services
from public_docs.disclosures.models import BUDGET_KINDS, Disclosure
from tests.fixtures.database import fresh_database_url
from tests.fixtures.disclosures import valid_data


def _budget(**over):
    return valid_data(category="budget", form="Báo cáo", **over)


# ------------------------------------------------------------------------------ rules
def test_every_kind_of_the_law_is_offered():
    assert list(BUDGET_KINDS) == ["draft_estimate", "approved_estimate", "execution_quarter",
                                  "execution_half_year", "execution_year", "final_accounts", "audit"]


@pytest.mark.parametrize("over, field, words", [
    ({}, "budget_kind", "dự toán trình Hội đồng nhân dân"),
    ({"budget_kind": "monthly", "budget_year": 2026}, "budget_kind", "phải chọn loại"),
    ({"budget_kind": "approved_estimate"}, "budget_year", "năm ngân sách"),
    ({"budget_kind": "approved_estimate", "budget_year": "hai nghìn"}, "budget_year", "năm ngân sách"),
    ({"budget_kind": "approved_estimate", "budget_year": 1899}, "budget_year", "từ 2000"),
    ({"budget_kind": "execution_quarter", "budget_year": 2026}, "budget_quarter", "chọn quý"),
    ({"budget_kind": "execution_quarter", "budget_year": 2026, "budget_quarter": "5"}, "budget_quarter", "1, 2, 3"),
])
def test_budget_documents_need_kind_year_and_quarter(db, over, field, words):
    with pytest.raises(DomainError) as exc:
        services.create_disclosure(_budget(**over), actor="test")
    assert words in exc.value.fields[field]


def test_kind_year_and_quarter_are_kept_and_only_on_budget_documents(db):
    d = services.create_disclosure(
        _budget(budget_kind="execution_quarter", budget_year="2026", budget_quarter="3"), actor="test")
    assert (d.budget_kind, d.budget_year, d.budget_quarter) == ("execution_quarter", 2026, 3)
    assert d.budget_period == "quarter"  # the former code, still readable
    assert d.budget_label == "Tình hình thực hiện dự toán quý 3 (năm ngân sách 2026)"
    annual = services.create_disclosure(
        _budget(number="2/BC-UBND", budget_kind="final_accounts", budget_year=2025, budget_quarter=2), actor="test")
    assert annual.budget_quarter is None  # a quarter only for a quarterly report
    other = services.create_disclosure(
        valid_data(number="3/TB-UBND", budget_kind="audit", budget_year=2026), actor="test")
    assert (other.budget_kind, other.budget_year) == (None, None)


def test_former_period_codes_are_read(db):
    d = services.create_disclosure(_budget(budget_period="half_year", budget_year=2026), actor="test")
    assert d.budget_kind == "execution_half_year"
    with pytest.raises(DomainError) as exc:
        services.create_disclosure(_budget(number="9/BC-UBND", budget_period="weekly", budget_year=2026),
                                   actor="test")
    assert "budget_kind" in exc.value.fields


# ------------------------------------------------------------------------------ editor
def test_editor_form_saves_and_refills_the_budget_fields(client, login_as, db):
    login_as("editor")
    form = {**_budget(), "body": "Số liệu", "budget_kind": "execution_quarter", "budget_year": "2026"}
    res = client.post("/can-bo/cong-khai/moi", data=form)
    assert res.status_code == 422
    html = res.get_data(as_text=True)
    assert "Báo cáo thực hiện dự toán quý phải chọn quý" in html
    assert 'value="2026"' in html  # what was typed stays
    res = client.post("/can-bo/cong-khai/moi", data={**form, "budget_quarter": "2"})
    assert res.status_code == 302
    d = db.session.scalar(select(Disclosure))
    assert (d.budget_kind, d.budget_year, d.budget_quarter) == ("execution_quarter", 2026, 2)
    html = client.get(f"/can-bo/cong-khai/{d.id}/sua").get_data(as_text=True)
    assert '<option selected value="execution_quarter">' in html or 'value="execution_quarter" selected' in html
    assert 'value="2026"' in html


# ------------------------------------------------------------------------------ public page, list, CSV
def test_page_list_filter_and_export_show_the_kind(client, make_disclosure):
    q = make_disclosure(title="Báo cáo thực hiện dự toán quý II", category="budget", form="Báo cáo",
                        budget_kind="execution_quarter", budget_year=2026, budget_quarter=2)
    make_disclosure(title="Quyết toán ngân sách năm 2025", category="budget", form="Quyết định",
                    budget_kind="final_accounts", budget_year=2025)
    make_disclosure(title="Thông báo lịch tiếp công dân", category="procedures")
    html = client.get(f"/cong-khai/{q.id}").get_data(as_text=True)
    assert "Loại văn bản ngân sách" in html
    assert "Tình hình thực hiện dự toán quý 2 (năm ngân sách 2026)" in html
    english = client.get(f"/cong-khai/{q.id}?lang=en").get_data(as_text=True)
    assert "Budget execution, quarter 2 (fiscal year 2026)" in english

    html = client.get("/cong-khai").get_data(as_text=True)
    assert 'id="f-budget_kind"' in html and "Quyết toán ngân sách (1)" in html
    html = client.get("/cong-khai?budget_kind=final_accounts").get_data(as_text=True)
    assert "Quyết toán ngân sách năm 2025" in html and "thực hiện dự toán quý II" not in html
    assert "Tìm thấy <strong>1</strong> văn bản" in html
    # the kind's select is there only when budget documents are among the results
    assert 'id="f-budget_kind"' not in client.get("/cong-khai?category=procedures").get_data(as_text=True)
    # an unknown kind is dropped, never an error
    assert "Tìm thấy <strong>3</strong>" in client.get("/cong-khai?budget_kind=nope").get_data(as_text=True)
    csv = client.get("/cong-khai/xuat.csv?budget_kind=execution_quarter").get_data(as_text=True)
    assert "Loại văn bản ngân sách" in csv and "quý 2 (năm ngân sách 2026)" in csv
    assert "Quyết toán ngân sách năm 2025" not in csv


# ------------------------------------------------------------------------------ API
def test_api_filters_by_kind_and_gives_the_label(client, make_disclosure):
    from public_docs import search as S

    d = make_disclosure(title="Kết quả kiểm toán ngân sách phường năm 2025", category="budget", form="Kết luận",
                        budget_kind="audit", budget_year=2025)
    make_disclosure(title="Dự toán ngân sách phường năm 2027", category="budget", form="Tờ trình",
                    budget_kind="draft_estimate", budget_year=2027)
    S.sync()
    body = client.get("/api/v1/disclosures?budget_kind=audit").get_json()
    assert body["total"] == 1 and body["items"][0]["budget_kind"] == "audit"
    body = client.get("/api/v1/disclosures", query_string={"budget_kind": "draft_estimate", "q": "ngân sách"})
    assert [i["title"] for i in body.get_json()["items"]] == ["Dự toán ngân sách phường năm 2027"]
    bad = client.get("/api/v1/disclosures?budget_kind=monthly")
    assert bad.status_code == 400 and "Loại văn bản ngân sách không hợp lệ" in bad.get_json()["message"]
    detail = client.get(f"/api/v1/disclosures/{d.id}").get_json()
    assert detail["budget_kind_label"] == "Kết quả kiểm toán, thanh tra tài chính"
    assert detail["budget_year"] == 2025 and detail["budget_quarter"] is None
    assert detail["budget_period"] is None  # no former code for an audit
    doc = client.get("/api/v1/openapi.json").get_json()
    params = {p["name"]: p for p in doc["paths"]["/api/v1/disclosures"]["get"]["parameters"]}
    assert params["budget_kind"]["schema"]["enum"] == list(BUDGET_KINDS)


# ------------------------------------------------------------------------------ import
def test_import_reads_kinds_and_the_former_periods(runner, db, tmp_path):
    base = {"title": "Báo cáo ngân sách", "category": "budget", "form": "Báo cáo", "issuer": "UBND phường Hòa An",
            "issued_on": "2026-07-10", "summary": "", "body": "Số liệu."}
    lines = [
        {**base, "number": "1/BC-UBND", "budget_kind": "execution_quarter", "budget_year": 2026, "budget_quarter": 2},
        {**base, "number": "2/BC-UBND", "budget_period": "final"},
        {**base, "number": "3/BC-UBND", "budget_kind": "execution_quarter", "budget_year": 2026},
    ]
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    out = runner.invoke(args=["disclosures", "import", str(manifest)]).output
    assert "Dòng 3: lỗi: Báo cáo thực hiện dự toán quý phải chọn quý" in out
    rows = {d.number: d for d in db.session.scalars(select(Disclosure))}
    assert (rows["1/BC-UBND"].budget_kind, rows["1/BC-UBND"].budget_quarter) == ("execution_quarter", 2)
    assert (rows["2/BC-UBND"].budget_kind, rows["2/BC-UBND"].budget_year) == ("final_accounts", 2025)


# ------------------------------------------------------------------------------ migration
def test_migration_maps_the_former_periods(tmp_path):
    cfg = type("MigCfg", (TestingConfig,), {
        "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": fresh_database_url(tmp_path),
        "SEARCH_INDEX_DIR": str(tmp_path / "i"), "UPLOAD_DIR": str(tmp_path / "f"), "MAIL_DIR": str(tmp_path / "m"),
    })
    app = create_app(cfg)
    with app.app_context():
        upgrade(revision="673771c5b3e7")
        with _db.engine.begin() as conn:
            for i, (period, issued) in enumerate(
                    [("quarter", "2026-04-10"), ("half_year", "2026-07-12"), ("year", "2026-01-15"),
                     ("final", "2026-06-01"), (None, "2026-05-05")], start=1):
                conn.execute(text(
                    "INSERT INTO disclosure (id, number, title, summary, body_source, body_html, category, "
                    "budget_period, form, issuer, issued_on, status, is_project, withdrawn_reason, version_no, "
                    "created_at, updated_at) VALUES (:id, :n, 't', '', '', '', :c, :p, 'Báo cáo', 'UB', :d, "
                    "'published', false, '', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"),
                    {"id": i, "n": f"{i}/BC", "c": "budget" if period else "plans", "p": period, "d": issued})
        upgrade()
        with _db.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT id, budget_kind, budget_year, budget_quarter FROM disclosure ORDER BY id")).all()
        _db.engine.dispose()
    assert [tuple(r) for r in rows] == [
        (1, "execution_quarter", 2026, None), (2, "execution_half_year", 2026, None),
        (3, "execution_year", 2026, None), (4, "final_accounts", 2025, None), (5, None, None, None),
    ]

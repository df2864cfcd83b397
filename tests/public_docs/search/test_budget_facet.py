"""Budget kind and fiscal year are facets of the search index: /tim-kiem and the API filter by them
in the index (relevance order kept), with counts; an index of the previous schema is rebuilt."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from public_docs import search as S
from public_docs.search import engine
from public_docs.search import index as search_index
from public_docs.search.documents import keyword_fields, published_sources
from public_docs.search.schema import SCHEMA_VERSION, make_schema
from public_docs.search.whoosh_access import open_writer
from tests.fixtures.disclosures import hit_ids


def _get(client, url, **kwargs):
    """A GET closed as a server closes it (the after-response work, such as a rebuild, runs then)."""
    response = client.get(url, **kwargs)
    response.get_data()
    response.close()
    return response


def _link(d) -> str:
    return f'href="/cong-khai/{d.id}"'


@pytest.fixture
def budget(make_disclosure):
    """Three final accounts (strongest match oldest, so relevance ≠ date order), a quarterly
    execution report that matches best of all, and a document that is no budget document."""
    def final(title, body, year, issued):
        return make_disclosure(title=title, body=body, category="budget", form="Quyết định",
                               budget_kind="final_accounts", budget_year=year, issued_on=issued)

    strong = final("Quyết toán ngân sách phường năm 2023", "Quyết toán ngân sách: thu, chi ngân sách phường.",
                   2023, dt.date(2024, 6, 1))
    medium = final("Quyết toán ngân sách phường năm 2024", "Số liệu thu chi.", 2024, dt.date(2025, 6, 1))
    weak = final("Công khai số liệu quyết toán năm 2025", "Báo cáo tổng hợp có nêu ngân sách.", 2025,
                 dt.date(2026, 6, 1))
    quarter = make_disclosure(
        title="Ngân sách phường: tình hình thực hiện dự toán ngân sách quý II",
        body="Ngân sách phường thu chi quý II, ngân sách cấp trên bổ sung.", category="budget", form="Báo cáo",
        budget_kind="execution_quarter", budget_year=2026, budget_quarter=2, issued_on=dt.date(2026, 7, 10))
    other = make_disclosure(title="Thông báo lịch tiếp công dân", body="Tiếp dân về ngân sách và đất đai.",
                            category="procedures", issued_on=dt.date(2026, 8, 1))
    S.sync()
    return {"strong": strong, "medium": medium, "weak": weak, "quarter": quarter, "other": other}


def test_search_by_kind_gives_only_that_kind_in_relevance_order_with_counts(app, budget):
    b = budget
    everything = S.search("ngân sách")
    assert hit_ids(everything)[0] == b["quarter"].id and b["other"].id in hit_ids(everything)
    result = S.search("ngân sách", filters={"budget_kind": "final_accounts"})
    assert hit_ids(result) == [b["strong"].id, b["medium"].id, b["weak"].id]  # newest is last: relevance
    assert result.total == 3
    assert result.hits[0].score > result.hits[1].score > result.hits[2].score
    # a facet counts the hits of the other filters: every kind stays offered
    assert result.facets["budget_kind"] == {"final_accounts": 3, "execution_quarter": 1}
    assert result.facets["budget_year"] == {"2023": 1, "2024": 1, "2025": 1}
    assert result.facets["category"] == {"budget": 3}
    assert everything.facets["budget_year"] == {"2023": 1, "2024": 1, "2025": 1, "2026": 1}
    # both filters, and filters alone (browse, newest first)
    both = S.search("ngân sách", filters={"budget_kind": "final_accounts", "budget_year": "2024"})
    assert hit_ids(both) == [b["medium"].id] and both.facets["budget_kind"] == {"final_accounts": 1}
    browse = S.search("", filters={"budget_kind": "final_accounts"})
    assert hit_ids(browse) == [b["weak"].id, b["medium"].id, b["strong"].id]
    assert S.search("ngân sách", filters={"budget_kind": "audit"}).total == 0


def test_the_index_follows_a_changed_kind(app, budget, change):
    d = budget["medium"]
    d.budget_kind = "audit"
    change(d)
    assert S.sync() == "applied:1"
    assert hit_ids(S.search("quyet toan", filters={"budget_kind": "audit"})) == [d.id]
    assert d.id not in hit_ids(S.search("quyet toan", filters={"budget_kind": "final_accounts"}))


def test_api_with_q_and_kind_keeps_relevance_order(client, budget):
    b = budget
    args = {"q": "ngân sách", "budget_kind": "final_accounts"}
    body = client.get("/api/v1/disclosures", query_string=args).get_json()
    assert [i["id"] for i in body["items"]] == [b["strong"].id, b["medium"].id, b["weak"].id]
    assert body["total"] == 3 and all(i["budget_kind"] == "final_accounts" for i in body["items"])
    assert "<mark>" not in body["items"][0]["snippet"] and "ngân sách" in body["items"][0]["snippet"].lower()
    body = client.get("/api/v1/disclosures", query_string={"q": "ngan sach", "budget_year": 2026}).get_json()
    assert [i["id"] for i in body["items"]] == [b["quarter"].id]
    body = client.get("/api/v1/disclosures", query_string={"budget_year": 2024}).get_json()  # the database
    assert [i["id"] for i in body["items"]] == [b["medium"].id]
    bad = client.get("/api/v1/disclosures?budget_year=năm")
    assert bad.status_code == 400 and "Năm ngân sách không hợp lệ" in bad.get_json()["message"]
    doc = client.get("/api/v1/openapi.json").get_json()
    assert "budget_year" in {p["name"] for p in doc["paths"]["/api/v1/disclosures"]["get"]["parameters"]}


def test_search_page_offers_the_kind_only_with_budget_hits_and_filters_without_js(client, budget):
    b = budget
    html = client.get("/tim-kiem", query_string={"q": "ngân sách"}).get_data(as_text=True)
    assert 'id="sf-budget_kind"' in html and 'name="budget_kind"' in html
    assert "Quyết toán ngân sách (3)" in html and "Tình hình thực hiện dự toán quý (1)" in html
    assert 'id="sf-budget_year"' in html and ">2023 (1)</option>" in html
    assert "Loại văn bản ngân sách" in html
    # no budget document among the hits: no such select
    html = client.get("/tim-kiem", query_string={"q": "tiếp công dân"}).get_data(as_text=True)
    assert _link(b["other"]) in html
    assert 'id="sf-budget_kind"' not in html and 'id="sf-budget_year"' not in html
    # the no-JS filter form is a plain GET: its fields as the browser sends them
    html = client.get("/tim-kiem", query_string={"q": "ngân sách", "budget_kind": "final_accounts",
                                                 "budget_year": "", "year": "", "sort": "relevance"}
                      ).get_data(as_text=True)
    assert "Tìm thấy <strong>3</strong> văn bản" in html
    places = [html.index(_link(d)) for d in (b["strong"], b["medium"], b["weak"])]
    assert places == sorted(places)  # relevance order on the page
    assert _link(b["quarter"]) not in html and _link(b["other"]) not in html
    assert '<option value="final_accounts" selected>' in html
    assert '<input type="hidden" name="budget_kind" value="final_accounts">' in html  # kept by a new search
    html = client.get("/tim-kiem", query_string={"q": "ngân sách", "budget_year": "2024"}).get_data(as_text=True)
    assert "Tìm thấy <strong>1</strong> văn bản" in html and _link(b["medium"]) in html
    # English labels
    english = client.get("/tim-kiem", query_string={"q": "ngân sách", "lang": "en"}).get_data(as_text=True)
    assert "Kind of budget document" in english and "Final budget accounts (3)" in english
    assert "Fiscal year" in english
    # an unknown kind or a year that is none is dropped, never an error
    for bad in ({"budget_kind": "monthly"}, {"budget_year": "２０２４"}, {"budget_year": "x" * 300}):
        res = client.get("/tim-kiem", query_string={"q": "ngân sách", **bad})
        assert res.status_code == 200 and "Tìm thấy <strong>5</strong> văn bản" in res.get_data(as_text=True)


def test_list_filters_by_fiscal_year_too(client, budget):
    html = client.get("/cong-khai", query_string={"budget_year": "2024"}).get_data(as_text=True)
    assert "Tìm thấy <strong>1</strong> văn bản" in html and budget["medium"].title in html
    assert 'id="f-budget_year"' in html
    assert 'id="f-budget_year"' not in client.get("/cong-khai?category=procedures").get_data(as_text=True)


def _write_previous_schema_index(path: Path, session) -> None:
    """The index as schema 5 wrote it: no budget fields, an 11-value meta, state ``schema: 5``."""
    schema = make_schema()
    schema.remove("budget_kind")
    schema.remove("budget_year")
    ix = whoosh_index.create_in(str(path), schema)
    writer = open_writer(ix)
    for src in published_sources(session):
        fields = {k: v for k, v in keyword_fields(src).items() if not k.startswith("budget_")}
        year = str(src.date.year) if src.date else ""
        meta = (src.id, src.category, year, src.form, src.issuer, src.groups, src.status, src.date.toordinal(),
                3, 3, 1)
        writer.add_document(**fields, title_f={"ngan": 1}, meta=meta)
    writer.commit()
    (path / "state.json").write_text(json.dumps({"schema": 5, "build": "old", "last_change_id": 10**6}))


def test_an_index_of_the_previous_schema_is_rebuilt(app, client, budget):
    from portal.extensions import db

    assert SCHEMA_VERSION == 6
    path = Path(app.config["SEARCH_INDEX_DIR"])
    engine.close_all()
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()
    _write_previous_schema_index(path, db.session)
    engine.invalidate()
    assert not search_index.is_usable(path)
    assert S.search("ngan").available is False  # never read with the wrong fields
    # the page answers from the database meanwhile, and its request has the index rebuilt
    html = _get(client, "/tim-kiem", query_string={"q": "quyết toán", "budget_kind": "final_accounts"}
                ).get_data(as_text=True)
    assert "đang được xây dựng lại" in html and _link(budget["strong"]) in html
    assert _link(budget["quarter"]) not in html
    assert search_index.read_state(path)["schema"] == SCHEMA_VERSION and search_index.is_usable(path)
    result = S.search("ngân sách", filters={"budget_kind": "final_accounts"})
    assert result.available and hit_ids(result) == [budget["strong"].id, budget["medium"].id, budget["weak"].id]
    # `flask search sync` rebuilds one as well
    shutil.rmtree(path)
    path.mkdir()
    _write_previous_schema_index(path, db.session)
    assert S.sync().startswith("rebuilt:")
    assert S.search("ngân sách", filters={"budget_year": "2026"}).total == 1

"""search(): matching without diacritics, ranking, filters and facets, nasty input."""
from __future__ import annotations

import datetime as dt

import pytest

from portal.extensions import db
from portal.ward import ResidentialGroup
from public_docs import search as S
from tests.fixtures.disclosures import hit_ids


def test_query_without_diacritics_finds_accented_words(app, make_disclosure):
    d = make_disclosure(title="Hướng dẫn đăng ký thường trú", body="Thủ tục đăng ký tại bộ phận một cửa.")
    make_disclosure(title="Kế hoạch trồng cây", body="Trồng cây xanh trên các tuyến phố.")
    S.rebuild()
    for q in ("dang ky", "DANG KY", "đăng ký", "đăng  ký", "dăng ky", "thuong tru"):
        result = S.search(q)
        assert result.available and hit_ids(result) == [d.id], q
    hit = S.search("dang ky").hits[0]
    assert "<mark>đăng ký</mark>" in hit.snippet or "<mark>đăng</mark> <mark>ký</mark>" in hit.snippet


def test_old_and_new_tone_placement_match_each_other(app, make_disclosure):
    d = make_disclosure(title="Công trình thuỷ lợi Hoà Phước")
    S.rebuild()
    assert hit_ids(S.search("thủy lợi hòa phước")) == [d.id]
    assert hit_ids(S.search("thuỷ lợi hoà phước")) == [d.id]


def test_exact_diacritics_rank_above_folded_matches(app, make_disclosure):
    folded_only = make_disclosure(title="Thông báo", body="Lịch tiếp dân đang được cập nhật, đang chờ.")
    exact = make_disclosure(title="Thông báo", body="Lịch đăng ký tiếp dân, hồ sơ đăng ký.")
    S.rebuild()
    result = S.search("đăng ký")
    # "đang" folds to "dang" too, but only "đăng" is the word typed.
    assert hit_ids(result)[0] == exact.id
    assert folded_only.id not in hit_ids(result) or hit_ids(result).index(folded_only.id) > 0
    assert hit_ids(S.search("đang"))[0] == folded_only.id


@pytest.mark.parametrize("query", ["79/KH-UBND", "79/kh-ubnd", "79 / KH-UBND", " 79/KH-UBND "])
def test_document_number_query_puts_that_document_first(app, make_disclosure, query):
    for i in range(5):
        make_disclosure(title=f"Kế hoạch số {i} của UBND", body="Theo kế hoạch 79 của UBND phường, KH năm 2026.")
    target = make_disclosure(title="Kế hoạch tổ chức lễ hội", number="79/KH-UBND")
    S.rebuild()
    assert hit_ids(S.search(query))[0] == target.id


@pytest.mark.parametrize("query", ["130/QĐ-UBND", "130/qd-ubnd", "130/QD-UBND"])
def test_number_with_d_bar_typed_without_diacritics(app, make_disclosure, query):
    make_disclosure(title="Quyết định số 131/QĐ-UBND", number="131/QĐ-UBND")
    target = make_disclosure(title="Quyết định phê duyệt", number="130/QĐ-UBND")
    S.rebuild()
    assert hit_ids(S.search(query))[0] == target.id


def test_phrase_ranks_above_scattered_words(app, make_disclosure):
    scattered = make_disclosure(title="Thông báo", body="Cấp giấy phép cho hộ kinh doanh; xây dựng nhà văn hóa.")
    phrase = make_disclosure(title="Thông báo", body="Cấp giấy phép xây dựng cho hộ kinh doanh nhà văn hóa.")
    S.rebuild()
    assert hit_ids(S.search("giấy phép xây dựng"))[:2] == [phrase.id, scattered.id]
    assert hit_ids(S.search("giay phep xay dung"))[:2] == [phrase.id, scattered.id]


def test_title_weighs_more_than_body_and_attachments(app, make_disclosure):
    in_body = make_disclosure(title="Thông báo chung", body="Nội dung về chợ tạm và vệ sinh môi trường.")
    in_attachment = make_disclosure(title="Thông báo khác", attachment_text="Phụ lục: chợ tạm phường.")
    in_title = make_disclosure(title="Di dời chợ tạm", body="Nội dung chi tiết.")
    S.rebuild()
    result = S.search("chợ tạm")
    assert hit_ids(result)[0] == in_title.id
    assert set(hit_ids(result)) == {in_body.id, in_attachment.id, in_title.id}


def test_attachment_text_is_searched(app, make_disclosure):
    d = make_disclosure(title="Danh sách hộ nghèo", attachment_text="Bảng tổng hợp trợ cấp xã hội quý III")
    S.rebuild()
    assert hit_ids(S.search("tro cap xa hoi")) == [d.id]


def test_filters_and_facet_counts(app, make_disclosure):
    db.session.add_all([ResidentialGroup(code="TDP01", name="Tổ 1"), ResidentialGroup(code="TDP02", name="Tổ 2")])
    db.session.commit()
    g1, g2 = db.session.query(ResidentialGroup).order_by(ResidentialGroup.code).all()
    a = make_disclosure(title="Dự toán ngân sách năm 2026", category="budget", form="Báo cáo",
                        issued_on=dt.date(2026, 1, 5), groups=[g1])
    b = make_disclosure(title="Quyết toán ngân sách năm 2025", category="budget", form="Báo cáo",
                        issued_on=dt.date(2025, 12, 20), groups=[g2])
    c = make_disclosure(title="Kế hoạch ngân sách đầu tư", category="plans", form="Kế hoạch",
                        issued_on=dt.date(2026, 2, 1))
    S.rebuild()
    result = S.search("ngan sach")
    assert result.total == 3
    assert result.facets["category"] == {"budget": 2, "plans": 1}
    assert result.facets["year"] == {"2026": 2, "2025": 1}
    assert result.facets["group"] == {"TDP01": 1, "TDP02": 1}
    filtered = S.search("ngan sach", filters={"category": "budget"})
    assert sorted(hit_ids(filtered)) == sorted([a.id, b.id])
    # the category facet still counts the other categories so the user can switch
    assert filtered.facets["category"] == {"budget": 2, "plans": 1}
    assert filtered.facets["form"] == {"Báo cáo": 2}
    assert hit_ids(S.search("ngan sach", filters={"year": "2025"})) == [b.id]
    assert hit_ids(S.search("ngan sach", filters={"group": "TDP01"})) == [a.id]
    assert hit_ids(S.search("ngan sach", filters={"form": "Kế hoạch"})) == [c.id]
    assert S.search("ngan sach", filters={"category": "nope"}).total == 0
    assert hit_ids(S.search("ngan sach", sort="date")) == [c.id, a.id, b.id]


def test_pagination(app, make_disclosure):
    made = [make_disclosure(title=f"Thông báo lịch trực số {i}", issued_on=dt.date(2026, 1, i + 1)) for i in range(7)]
    S.rebuild()
    page1 = S.search("lich truc", per_page=3, sort="date")
    page3 = S.search("lich truc", page=3, per_page=3, sort="date")
    assert page1.total == 7 and page1.pages == 3
    assert hit_ids(page1) == [d.id for d in reversed(made)][:3]
    assert hit_ids(page3) == [made[0].id]
    assert S.search("lich truc", page=99).hits == []


def test_all_words_required_then_relaxed(app, make_disclosure):
    a = make_disclosure(title="Sửa chữa đường kiệt", body="Đường kiệt 45 Tôn Đức Thắng.")
    S.rebuild()
    assert hit_ids(S.search("đường kiệt")) == [a.id]
    relaxed = S.search("đường cao tốc")
    assert relaxed.relaxed and hit_ids(relaxed) == [a.id]


NASTY = [
    "", "   ", "*", "**", "?", "\"", "\"\"", "'", "(", ")", "[", "]", "{", "}", "AND", "OR NOT", "a AND",
    "title:abc", "field:", "-", "--", "+", "~", "^", "\\", "/", "đ*", "dang*", "\"đăng ký", "NOT đăng",
    "\x00\x01\x02", "a\u0000b", "\u202e\u200b", "😀", "<script>alert(1)</script>", "' OR 1=1 --",
    "x" * 20000, "đăng ký " * 500, "79/", "/KH", "79//KH", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ａｂｃ", "\ud800" if False else "%",
    "_", "___", "a_b", "1e9999", "\t\n\r",
]


@pytest.mark.parametrize("query", NASTY)
def test_nasty_queries_never_raise(app, make_disclosure, query):
    make_disclosure(title="Đăng ký thường trú", body="Nội dung <b>đăng ký</b>.")
    S.rebuild()
    result = S.search(query, filters={"category": query[:50], "year": "x"}, page=query[:5] or 1, per_page=query[:3])
    assert result.available
    for hit in result.hits:
        assert "<script>" not in hit.snippet
    S.search(query, sort=query)


def test_snippet_escapes_html_and_marks_words(app, make_disclosure):
    d = make_disclosure(title="Thông báo <b>mới</b>", body="Ghi chú: 5 < 6 & dấu \"kép\" về lịch tiêm chủng.")
    S.rebuild()
    hit = S.search("tiem chung").hits[0]
    assert hit.doc_id == d.id
    assert "<mark>tiêm</mark>" in hit.snippet and "<mark>chủng</mark>" in hit.snippet
    assert "&lt;" in hit.snippet and "<b>" not in hit.snippet


def test_snippet_shows_the_passage_with_the_words_as_typed(app, make_disclosure):
    filler = "Nhân dân tham gia ý kiến về công việc của tổ dân phố. " * 150  # 'dân' everywhere, early
    d = make_disclosure(title="Kế hoạch năm 2026",
                        body="Chủ tịch UBND phường chủ trì. " + filler + "Thực hiện dân chủ ở cơ sở tại 8 tổ dân phố.")
    S.rebuild()
    hit = S.search("dan chu").hits[0]
    assert hit.doc_id == d.id
    assert "Thực hiện <mark>dân</mark> <mark>chủ</mark> ở cơ sở" in hit.snippet  # past the first 6,000 chars
    # Without the phrase, the passage with the most distinct words wins, found wherever it is.
    d2 = make_disclosure(title="Thông báo", body=filler + "Lịch tiếp công dân của Chủ tịch phường.")
    S.rebuild()
    hit = next(h for h in S.search("tiep chu").hits if h.doc_id == d2.id)
    assert "<mark>tiếp</mark> công dân của <mark>Chủ</mark> tịch" in hit.snippet


def test_i_and_y_spellings_find_each_other(app, make_disclosure):
    d = make_disclosure(title="Hướng dẫn kĩ thuật trồng cây", body="Quy định về lí lịch cây xanh.")
    other = make_disclosure(title="Thông báo thu phí", body="Lịch thu tiền điện.")
    S.rebuild()
    for q in ("kỹ thuật", "ky thuat", "ki thuat", "kĩ thuật", "qui dinh", "quy định", "lý lịch", "ly lich"):
        assert hit_ids(S.search(q)) == [d.id], q
    hit = S.search("kỹ thuật").hits[0]
    assert "<mark>kĩ</mark>" in hit.title_html
    assert other.id not in hit_ids(S.search("ly"))  # "lịch" is not "lý"

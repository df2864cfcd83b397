"""The Vietnamese analyzer: NFC, unified tone placement, \\w+ tokens, lowercase, folding."""
from __future__ import annotations

import unicodedata

import pytest

from public_docs.search import analysis
from public_docs.search.analysis import (
    FoldedText,
    MarkedText,
    bigram_analyzer,
    exact_analyzer,
    fold,
    fold_aligned,
    folded_analyzer,
    marked_analyzer,
    normalize,
    words,
)


class ExactText(analysis._FastText):
    """A frequency-only field on the exact words (the index does not use one; tests the fast path)."""

    kind = "exact"


class BigramText(analysis._FastText):
    """A frequency-only field of folded word pairs (the index does not use one; tests the fast path)."""

    kind = "bigram"


@pytest.mark.parametrize(
    "old, new",
    [
        ("hoà", "hòa"), ("hoá", "hóa"), ("hoả", "hỏa"), ("hoã", "hõa"), ("hoạ", "họa"),
        ("thuỷ", "thủy"), ("thuý", "thúy"), ("uỳ", "ùy"), ("tuỵ", "tụy"), ("huỹ", "hũy"),
        ("oé", "óe"), ("khoẻ", "khỏe"), ("hoè", "hòe"),
        ("qúy", "quý"), ("gìa", "già"),  # misplaced marks after qu / gi
        ("HOÀ", "HÒA"), ("Thuỵ", "Thụy"),  # case is kept
    ],
)
def test_old_and_new_tone_placement_are_one_word(old, new):
    assert normalize(old) == normalize(new) == new
    assert words(old) == words(new)
    assert fold(old) == fold(new)


@pytest.mark.parametrize(
    "word", ["hoàng", "toán", "người", "tiếng", "quốc", "giữ", "gìn", "khuỷu", "ngoài", "Nguyễn", "giường", "mía"]
)
def test_well_formed_words_are_unchanged(word):
    assert normalize(word) == word


def test_non_vietnamese_words_are_left_alone():
    assert normalize("café") == "café"
    assert normalize("UBND 79/KH-UBND") == "UBND 79/KH-UBND"


def test_nfc_before_tokenizing_keeps_words_whole():
    nfd = unicodedata.normalize("NFD", "Đảng viên đăng ký hộ khẩu")
    assert nfd != unicodedata.normalize("NFC", nfd)
    assert words(nfd) == ["đảng", "viên", "đăng", "ký", "hộ", "khẩu"]
    assert [t.text for t in exact_analyzer()(nfd)] == ["đảng", "viên", "đăng", "ký", "hộ", "khẩu"]


@pytest.mark.parametrize(
    "text, folded, indexed",
    [
        ("Đăng ký", "dang ky", "dang ki"), ("ĐĂNG KÝ", "dang ky", "dang ki"), ("đường", "duong", None),
        ("Nguyễn Thị Ánh", "nguyen thi anh", None), ("quyết định", "quyet dinh", None),
        ("thủy lợi", "thuy loi", None), ("thuỷ lợi", "thuy loi", None),
        ("ưu tiên", "uu tien", None), ("Ơn", "on", None), ("ă â ê ô ơ ư đ", "a a e o o u d", None),
    ],
)
def test_fold_strips_marks_and_maps_d(text, folded, indexed):
    """fold() is the plain fold; the folded field also writes the i/y variants i."""
    assert fold(text) == folded
    assert [t.text for t in folded_analyzer()(text)] == (indexed or folded).split()


@pytest.mark.parametrize("one, other", [
    ("kỹ thuật", "kĩ thuật"), ("lý do", "lí do"), ("quy định", "qui định"), ("Mỹ", "Mĩ"), ("hy vọng", "hi vọng"),
    ("tỷ lệ", "tỉ lệ"), ("đăng ký", "dang ki"), ("kỳ họp", "kì họp"), ("QUÝ I", "quí i"),
])
def test_i_and_y_spellings_fold_alike(one, other):
    assert analysis.folded_words(one) == analysis.folded_words(other)


@pytest.mark.parametrize("word, kept", [("thủy", "thuy"), ("huy", "huy"), ("tay", "tay"), ("quyết", "quyet"),
                                        ("y", "y"), ("khuya", "khuya"), ("uyên", "uyen")])
def test_other_ys_are_other_sounds(word, kept):
    assert analysis.search_fold(word) == kept


def test_tokenizer_splits_on_non_word_characters_and_lowercases():
    assert words("Số 79/KH-UBND, ngày 12.3.2026!") == ["số", "79", "kh", "ubnd", "ngày", "12", "3", "2026"]
    assert [t.text for t in exact_analyzer()("Hoà Bình THUỶ lợi")] == ["hòa", "bình", "thủy", "lợi"]


def test_bigrams_do_not_cross_punctuation():
    assert analysis.bigrams("Đăng ký hộ khẩu. Thường trú") == ["dang ki", "ki ho", "ho khau", "thuong tru"]
    assert [t.text for t in bigram_analyzer()("Đăng ký hộ khẩu. Thường trú")] == [
        "dang ki", "ki ho", "ho khau", "thuong tru"
    ]


@pytest.mark.parametrize("field_cls, analyzer", [(ExactText, exact_analyzer), (FoldedText, folded_analyzer),
                                                  (MarkedText, marked_analyzer), (BigramText, bigram_analyzer)])
def test_fast_index_path_gives_the_analyzer_terms(field_cls, analyzer):
    text = "Kế hoạch hoà giải ở cơ sở; thuỷ lợi, Đảng bộ phường. Kế hoạch số 79/KH-UBND"
    field = field_cls()
    indexed = {term.decode(): freq for term, freq, _w, _v in field.index(text)}
    expected: dict[str, int] = {}
    for tok in analyzer()(text):
        expected[tok.text] = expected.get(tok.text, 0) + 1
    assert indexed == expected


def test_empty_and_odd_input():
    assert normalize("") == "" and fold("") == "" and words(None) == []
    assert words("\x00\x07 ;;; *** ???") == []
    assert fold("a" * 10_000) == "a" * 10_000


def test_marked_field_keeps_only_words_with_diacritics():
    assert [t.text for t in marked_analyzer()("Ban quản lý dự án UBND")] == ["quản", "lý", "dự", "án"]


def test_aligned_fold_keeps_offsets():
    text = normalize("Hoà Bình: ĐĂNG KÝ thường trú, Quỹ 79/KH-UBND")
    folded = fold_aligned(text)
    assert len(folded) == len(text)
    assert folded == "hoa binh: dang ky thuong tru, quy 79/kh-ubnd"

"""Query-string numbers: pages clamp, ids and bounded values refuse what is out of range."""
from __future__ import annotations

import pytest

from portal.params import MAX_ID, id_arg, int_arg, page_arg


@pytest.mark.parametrize("raw, expected", [
    (None, 1), ("", 1), ("3", 3), (" 7 ", 7), ("0", 1), ("-4", 1), ("abc", 1), ("2.5", 1),
    ("500000", 100_000), ("9" * 40, 100_000), ("-" + "9" * 40, 1),
])
def test_page_arg_clamps(app, raw, expected):
    query = {} if raw is None else {"page": raw}
    with app.test_request_context(query_string=query):
        assert page_arg() == expected
    with app.test_request_context(query_string=query):
        assert page_arg(maximum=50) == min(expected, 50)


def test_int_and_id_args(app):
    with app.test_request_context(query_string={"year": "2026", "big": "9" * 40, "neg": "-1", "top": str(MAX_ID),
                                                "over": str(MAX_ID + 1), "word": "năm"}):
        assert int_arg("year", 0, 1900, 2100) == 2026
        assert int_arg("missing", 0, 1900, 2100) == 0  # absent: the default
        assert int_arg("big", 0, 1900, 2100) is None  # present but wrong: None, for a 400
        assert id_arg("top") == MAX_ID
        assert id_arg("over") is None and id_arg("neg") is None and id_arg("big") is None
        assert id_arg("word") is None and id_arg("missing") is None


def test_to_int_and_as_id_outside_a_request():
    from portal.params import as_id, to_int

    assert as_id("12") == 12 and as_id(12) == 12 and as_id(" 12 ") == 12
    for bad in (None, "", "0", 0, -3, "-3", "9" * 40, 10**40, "1e3", "abc", True, 2.0):
        assert as_id(bad) is None, bad
    assert to_int("0", 0, 10_000) == 0 and to_int("10001", 0, 10_000) is None


def test_page_size_uses_its_own_default(app):
    with app.test_request_context(query_string={"per_page": "abc"}):
        assert page_arg("per_page", maximum=100, default=20) == 20
    with app.test_request_context(query_string={"per_page": "500"}):
        assert page_arg("per_page", maximum=100, default=20) == 100


NOT_ASCII = ["١", "²", "٣", "１", "𝟏", "¹", "½", "Ⅻ", "1\u0661", "\u0661" * 25, "١٢٣"]


@pytest.mark.parametrize("raw", NOT_ASCII)
def test_numbers_are_ascii_digits_only(app, raw):
    """``int("١") == 1`` and ``"²".isdigit()``: neither may make a number here (issue 11, item 16)."""
    from portal.params import as_id, coerce_int, to_int

    assert as_id(raw) is None and to_int(raw, 0, 10**6) is None
    with pytest.raises(ValueError):
        coerce_int(raw)
    with app.test_request_context(query_string={"page": raw, "id": raw, "year": raw}):
        assert page_arg() == 1 and page_arg(default=7) == 7
        assert id_arg("id") is None and int_arg("year", 2026, 1900, 2100) is None


def test_signs_and_spaces(app):
    from portal.params import as_id, coerce_int, to_int

    assert as_id("+5") is None and to_int("-5", -10, 10) == -5 and as_id(" 5\n") == 5
    assert coerce_int(0) == 0 and coerce_int("12") == 12

"""The decision services' refusals are lazy translatable messages with placeholders: Vietnamese by
default (and outside a request), English in the English locale, with the values filled in."""
from __future__ import annotations

import pytest
from flask_babel import force_locale

from moderation.decisions import ballots, services
from moderation.decisions.models import Channel
from portal.errors import DomainError


def _refusal(fn, *args) -> DomainError:
    with pytest.raises(DomainError) as info:
        fn(*args)
    return info.value


def test_matter_form_errors_in_both_languages(app, db, ward):
    data = {"kind": "other", "title": "", "text": "x", "method": "ballot", "group_ids": [str(ward[0].id)],
            "opens_on": "2026-13-01", "closes_on": "2026-01-10"}
    exc = _refusal(services.clean_matter_data, data)
    assert exc.fields["title"] == "Vui lòng nhập tên việc cần quyết định."
    assert exc.fields["opens_on"] == "Ngày bắt đầu biểu quyết không hợp lệ (định dạng ngày/tháng/năm)."
    with app.test_request_context("/"), force_locale("en"):
        assert exc.message == "Please enter the name of the matter to decide."
        assert exc.fields["opens_on"] == "Voting starts on is not valid (format day/month/year)."


def test_counts_and_limits_carry_their_values(app, db, ward, make_matter):
    m = make_matter()
    exc = _refusal(ballots.issue_codes, m, ward[0].id, "abc", "test")
    assert exc.fields["count"] == "Số mã phiếu: vui lòng nhập một số nguyên không âm."
    ballots.issue_codes(m, ward[0].id, 100, "test")
    exc = _refusal(ballots.issue_codes, m, ward[0].id, 30, "test")
    assert exc.message == ("Tổ dân phố 1 có 120 hộ; đã có 100 mã phiếu và hộ dự họp: "
                           "chỉ phát thêm được tối đa 20 mã.")
    with app.test_request_context("/"), force_locale("en"):
        assert exc.message == ("Tổ dân phố 1 has 120 households; 100 ballot codes and meeting attendees already: "
                               "at most 20 more codes can be issued.")
    exc = _refusal(ballots.issue_codes, m, ward[0].id, 0, "test")
    with app.test_request_context("/"), force_locale("en"):
        assert exc.fields["count"] == "Number of ballot codes must be between 1 and 2000."


def test_the_chart_speaks_the_page_language(app, db, ward, make_matter):
    from moderation.decisions import results

    m = make_matter()
    code = ballots.issue_codes(m, ward[0].id, 1, "test")[0]
    ballots.cast_ballot(m, code, "yes", Channel.paper, "test")
    results.decide_matter(m, "test")
    assert "1/120 hộ" in results.chart_svg(m, m.result)
    with app.test_request_context("/"), force_locale("en"):
        svg = results.chart_svg(m, m.result)
    assert "1/120 households" in svg and "Total" in svg and "In favour" in svg
    assert "Vote result: Làm mái che" in svg

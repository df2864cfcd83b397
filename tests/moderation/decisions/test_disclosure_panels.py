"""The decision panels on the disclosure pages: the result chart shown inline on the result
disclosure, and a convention's stage and dated history on its draft, result and recognition pages
and on the matter's page (the demo's convention went through its whole cycle)."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from moderation.decisions.models import DecisionMatter
from public_docs.disclosures.models import Disclosure


@pytest.fixture
def demo(app, runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    from portal.extensions import db

    return {m.kind.value: m for m in db.session.scalars(select(DecisionMatter))}


def _svg(page: str) -> str:
    found = re.search(r'<figure class="decision-chart">\s*(<svg.*?</svg>)', page, re.S)
    assert found, "no inline chart"
    return found.group(1)


def test_result_disclosure_shows_the_chart_inline(client, demo, db):
    road = demo["contribution"]
    page = client.get(f"/cong-khai/{road.result_disclosure_id}").get_data(as_text=True)
    svg = _svg(page)
    assert 'role="img"' in svg and "<title" in svg and "<script" not in svg
    # TDP05: 220 of 240 households took part, 190 of them for (160 at the meeting + 30 on paper).
    assert "220/240 hộ" in svg and "190 (79,2 %)" in svg
    assert "Tổng cộng" in svg and "412/468 hộ" in svg and "360 (76,9 %)" in svg
    assert "Số liệu đầy đủ ở bảng kết quả" in page  # the table is the accessible equivalent
    assert "<table>" in page and f'href="/dan-quyet/{road.id}"' in page
    # Only the result disclosure carries a chart.
    other = client.get(f"/cong-khai/{road.contributions_disclosure_id}").get_data(as_text=True)
    assert 'class="decision-chart"' not in other
    english = client.get(f"/cong-khai/{road.result_disclosure_id}?lang=en").get_data(as_text=True)
    assert "Chart of the vote result" in english


def test_convention_cycle_on_its_pages(client, demo, db):
    conv = demo["convention"]
    draft = db.session.get(Disclosure, conv.draft_disclosure_id)
    recognition = db.session.get(Disclosure, conv.recognition_disclosure_id)
    pages = {
        "matter": client.get(f"/dan-quyet/{conv.id}").get_data(as_text=True),
        "draft": client.get(f"/cong-khai/{draft.id}").get_data(as_text=True),
        "result": client.get(f"/cong-khai/{conv.result_disclosure_id}").get_data(as_text=True),
        "recognition": client.get(f"/cong-khai/{recognition.id}").get_data(as_text=True),
    }
    for name, page in pages.items():
        # In force since 280 days, review in 85 days: the stage is "in force".
        assert re.search(r'aria-current="step"><strong>Có hiệu lực</strong>', page), name
        history = re.search(r'<ul class="cycle-history">(.*?)</ul>', page, re.S).group(1)
        items = re.findall(r"<li>(.*?)</li>", history, re.S)
        keys = [re.search(r'">([^<]+)</a>', i).group(1) for i in items]
        assert keys == ["Công khai dự thảo", "Bắt đầu lấy ý kiến Nhân dân", "Kết thúc lấy ý kiến Nhân dân",
                        "Công bố việc đưa ra các hộ gia đình biểu quyết", "Bắt đầu biểu quyết",
                        "Kết quả biểu quyết", "Quyết định công nhận của phường", "Có hiệu lực",
                        "Rà soát định kỳ"], name
        dates = [re.search(r'datetime="(\d{4}-\d\d-\d\d)', i).group(1) for i in items]
        assert dates == sorted(dates), name
        assert f'href="/cong-khai/{draft.id}"' in items[0]
        assert f'href="/lay-y-kien/{draft.id}"' in items[1]
        assert f'href="/cong-khai/{conv.result_disclosure_id}"' in items[5] and "Thông qua" in items[5]
        assert f'href="/cong-khai/{recognition.id}"' in items[6] and "03/QĐ-UBND" in items[6]
        assert "(dự kiến)" in items[8] and "(dự kiến)" not in items[7]
    assert f'href="/dan-quyet/{conv.id}"' in pages["draft"]


def test_a_draft_convention_without_a_matter_shows_its_stage(client, demo, db):
    from portal.extensions import db as _db
    from public_docs.disclosures import services as docs

    draft = docs.find_by_number("01/DT-TDP2")  # the demo's draft, open for comments
    assert not _db.session.scalar(select(DecisionMatter).where(DecisionMatter.draft_disclosure_id == draft.id))
    page = client.get(f"/cong-khai/{draft.id}").get_data(as_text=True)
    assert re.search(r'aria-current="step"><strong>Lấy ý kiến Nhân dân</strong>', page)
    history = re.search(r'<ul class="cycle-history">(.*?)</ul>', page, re.S).group(1)
    assert "Công khai dự thảo" in history and "Kết thúc lấy ý kiến Nhân dân" in history
    assert "(dự kiến)" in history  # the window ends in the future
    plain = client.get(f"/cong-khai/{demo['contribution'].contributions_disclosure_id}").get_data(as_text=True)
    assert "cycle-history" not in plain


def test_history_steps_are_ordered_by_the_wards_day(app):
    """A step stamped 00:30 in the ward (17:30 UTC the day before) belongs to the ward's day, so it
    sorts after a step dated that day's eve, not before it."""
    import datetime as dt

    from moderation.decisions import cycle

    just_after_midnight = dt.datetime(2026, 3, 9, 17, 30, tzinfo=dt.UTC)  # 10/03 00:30 in Ho Chi Minh City
    with app.test_request_context():
        assert cycle._day(just_after_midnight) == dt.date(2026, 3, 10)
        assert cycle._day(dt.date(2026, 3, 9)) == dt.date(2026, 3, 9)

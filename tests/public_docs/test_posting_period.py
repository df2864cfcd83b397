"""The posting period counts from publication on the portal (issue 18, item 14): in the ward's time
zone, or from a later start the editor sets, at least POSTING_MIN_DAYS; a disclosure published more
than LATE_PUBLICATION_WORKING_DAYS working days after its issue date is flagged in the editor and
the statistics (working days on the Boards' holiday calendar)."""
from __future__ import annotations

import datetime as dt

import pytest

from moderation.cases.models import Holiday
from moderation.reports import disclosure_statistics
from portal import ward
from portal.settings import set_setting
from public_docs.disclosures import services
from public_docs.disclosures.services import disclosures as disclosure_services
from tests.fixtures.disclosures import valid_data
from tests.fixtures.users import sign_in

UTC = dt.UTC
# 17:30 UTC on Wednesday 2 December 2026 is 00:30 on Thursday 3 December in Vietnam.
LATE_EVENING_UTC = dt.datetime(2026, 12, 2, 17, 30, tzinfo=UTC)


@pytest.fixture
def clock(monkeypatch):
    """Set the time the services and the ward see: ``clock(datetime)``."""

    def _set(moment: dt.datetime):
        monkeypatch.setattr(ward, "utcnow", lambda: moment)
        monkeypatch.setattr(disclosure_services, "utcnow", lambda: moment)

    return _set


def publish(data: dict):
    d = services.create_disclosure(data, actor="test")
    services.publish_disclosure(d, actor="test", secrecy_confirmed=True)
    return d


def test_posting_starts_on_the_ward_day_of_publication_not_the_issue_date(client, db, clock):
    clock(LATE_EVENING_UTC)
    d = publish(valid_data(number="03/QĐ-UBND", issued_on="2026-02-26", effective_on="2026-02-26"))
    db.session.commit()
    assert d.posting_start == dt.date(2026, 12, 3)  # the ward's day, not UTC's 2 December
    assert d.posting_end == dt.date(2027, 1, 2)
    html = client.get(f"/cong-khai/{d.id}").get_data(as_text=True)
    assert "03/12/2026 – 02/01/2027" in html and "26/02/2026 –" not in html


def test_an_earlier_start_moves_to_publication_and_a_later_one_is_kept(db, clock):
    clock(LATE_EVENING_UTC)
    early = publish(valid_data(number="1/TB", issued_on="2026-11-20", posting_start="2026-11-25"))
    assert (early.posting_start, early.posting_end) == (dt.date(2026, 12, 3), dt.date(2027, 1, 2))
    later = publish(valid_data(number="2/TB", issued_on="2026-11-20", posting_start="2026-12-10",
                               posting_end="2027-02-15"))
    assert (later.posting_start, later.posting_end) == (dt.date(2026, 12, 10), dt.date(2027, 2, 15))
    # A draft whose typed period fitted its start but not the publication day is lengthened.
    short = publish(valid_data(number="3/TB", issued_on="2026-11-02", posting_start="2026-11-02",
                               posting_end="2026-12-05"))
    assert (short.posting_start, short.posting_end) == (dt.date(2026, 12, 3), dt.date(2027, 1, 2))


def test_the_minimum_follows_the_setting(db, clock):
    clock(LATE_EVENING_UTC)
    set_setting("POSTING_MIN_DAYS", 45, actor="test")
    d = publish(valid_data(number="4/TB", issued_on="2026-12-01"))
    assert d.posting_end - d.posting_start == dt.timedelta(days=45)


def test_an_amendment_keeps_the_start_of_publication(db, clock):
    clock(LATE_EVENING_UTC)
    d = publish(valid_data(number="5/TB", issued_on="2026-12-01"))
    clock(LATE_EVENING_UTC + dt.timedelta(days=6))
    services.amend_disclosure(d, {"title": "Kế hoạch (đính chính)"}, "Sửa tiêu đề", actor="test",
                              secrecy_confirmed=True)
    assert d.posting_start == dt.date(2026, 12, 3)


def at_local(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)  # 10:00 in the ward


@pytest.mark.parametrize("published, late", [
    (dt.date(2026, 11, 30), False),  # Friday 27/11 → Monday: 1 working day
    (dt.date(2026, 12, 1), False),  # Tuesday: 2 working days, the limit
    (dt.date(2026, 12, 2), True),  # Wednesday: 3 working days
])
def test_late_publication_counts_working_days(db, clock, published, late):
    clock(at_local(published))
    d = publish(valid_data(number="6/TB", issued_on="2026-11-27"))
    assert services.is_late(d) is late


def test_holidays_do_not_count(db, clock):
    db.session.add(Holiday(day=dt.date(2026, 11, 30), name="Ngày nghỉ thử"))
    db.session.flush()
    clock(at_local(dt.date(2026, 12, 2)))
    d = publish(valid_data(number="7/TB", issued_on="2026-11-27"))
    assert services.publication_delay(d) == 2 and not services.is_late(d)


def test_the_limit_follows_the_setting(db, clock):
    set_setting("LATE_PUBLICATION_WORKING_DAYS", 5, actor="test")
    clock(at_local(dt.date(2026, 12, 2)))
    d = publish(valid_data(number="8/TB", issued_on="2026-11-27"))
    assert services.publication_delay(d) == 3 and not services.is_late(d)


def test_the_editor_and_the_statistics_flag_a_late_publication(client, db, clock, make_user):
    clock(at_local(dt.date(2026, 12, 2)))
    late = publish(valid_data(number="9/TB", issued_on="2026-11-20", title="Thông báo công bố muộn"))
    on_time = publish(valid_data(number="10/TB", issued_on="2026-12-01", title="Thông báo đúng hạn"))
    db.session.commit()
    stats = disclosure_statistics(dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert stats["published_total"] == 2 and stats["published_late"] == 1 and stats["late_limit"] == 2
    assert stats["late_publications"] == [{"id": late.id, "number": "9/TB", "title": "Thông báo công bố muộn",
                                           "issued_on": "2026-11-20", "published_on": "2026-12-02",
                                           "working_days": 8}]
    sign_in(client, make_user("editor"))
    page = client.get(f"/can-bo/cong-khai/{late.id}").get_data(as_text=True)
    assert 'id="late-publication"' in page and "8 ngày làm việc sau ngày ban hành" in page
    assert 'id="late-publication"' not in client.get(f"/can-bo/cong-khai/{on_time.id}").get_data(as_text=True)
    listing = client.get("/can-bo/cong-khai").get_data(as_text=True)
    assert listing.count("late-publication") == 1 and "Công bố muộn 8 ngày làm việc" in listing
    report = client.get("/can-bo/bao-cao/?kind=custom&start=2026-12-01&end=2026-12-31").get_data(as_text=True)
    assert 'id="published-late">1<' in report and "9/TB" in report and "20/11/2026" in report


def test_a_late_draft_is_flagged_before_publication(client, db, clock, make_user):
    clock(at_local(dt.date(2026, 12, 2)))
    d = services.create_disclosure(valid_data(number="11/TB", issued_on="2026-11-20"), actor="test")
    db.session.commit()
    sign_in(client, make_user("editor"))
    page = client.get(f"/can-bo/cong-khai/{d.id}").get_data(as_text=True)
    assert 'id="late-publication"' in page and "sẽ được ghi là công bố muộn" in page


def test_a_draft_preview_says_posting_counts_from_publication(client, db, make_user):
    d = services.create_disclosure(valid_data(number="12/TB"), actor="test")
    db.session.commit()
    sign_in(client, make_user("editor"))
    page = client.get(f"/can-bo/cong-khai/{d.id}").get_data(as_text=True)
    assert "Tính từ ngày công bố trên Cổng" in page

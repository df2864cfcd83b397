"""How a disclosure was also posted besides the portal (issue 18, item 15): headquarters,
residential-group houses, loudspeaker (at least LOUDSPEAKER_MIN_DAYS days where the law asks),
meetings; recorded by the editor through one audited service and shown on the public page."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from portal.audit import AuditEvent
from portal.errors import DomainError
from portal.settings import set_setting
from public_docs.disclosures import services
from public_docs.disclosures.models import DisclosurePosting, PostingChannel
from tests.fixtures.users import sign_in


def issued(d) -> dt.date:
    return d.issued_on


def test_the_editor_records_postings_and_the_public_page_shows_them(client, db, make_disclosure, make_user):
    d = make_disclosure(number="12/TB-UBND")
    day = issued(d)
    sign_in(client, make_user("editor"))
    url = f"/can-bo/cong-khai/{d.id}/hinh-thuc-cong-khai"
    assert client.post(url, data={"channel": "headquarters", "start_on": day.isoformat()}).status_code == 302
    assert client.post(url, data={"channel": "group_house", "place": "Nhà văn hóa tổ dân phố 3",
                                  "start_on": day.isoformat(), "end_on": (day + dt.timedelta(days=40)).isoformat()}
                       ).status_code == 302
    assert client.post(url, data={"channel": "loudspeaker", "start_on": day.isoformat(), "law_minimum": "y",
                                  "end_on": (day + dt.timedelta(days=2)).isoformat()}).status_code == 302
    assert client.post(url, data={"channel": "meeting", "place": "Hội nghị tổ dân phố 3",
                                  "start_on": (day + dt.timedelta(days=1)).isoformat(),
                                  "end_on": (day + dt.timedelta(days=9)).isoformat()}).status_code == 302
    rows = db.session.scalars(select(DisclosurePosting).order_by(DisclosurePosting.id)).all()
    assert [r.channel for r in rows] == [PostingChannel.headquarters, PostingChannel.group_house,
                                         PostingChannel.loudspeaker, PostingChannel.meeting]
    assert rows[0].end_on == day + dt.timedelta(days=30)  # an open posting: the minimum period
    assert rows[2].law_minimum and rows[2].days == 3
    assert rows[3].end_on == rows[3].start_on  # a meeting is one day
    audits = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "disclosure.posting_add")).all()
    assert len(audits) == 4 and audits[1].details["place"] == "Nhà văn hóa tổ dân phố 3"
    with client.session_transaction() as session:  # a resident's view
        session.clear()
    html = client.get(f"/cong-khai/{d.id}").get_data(as_text=True)
    assert "Các hình thức công khai khác" in html
    assert "Niêm yết tại trụ sở Ủy ban nhân dân phường" in html
    assert "Nhà văn hóa tổ dân phố 3" in html and "Hội nghị tổ dân phố 3" in html
    assert "3 ngày phát" in html
    assert f"{day:%d/%m/%Y} – {day + dt.timedelta(days=40):%d/%m/%Y}" in html


def test_loudspeaker_needs_the_minimum_where_the_law_asks(db, make_disclosure):
    d = make_disclosure()
    day = issued(d)
    two_days = {"channel": "loudspeaker", "start_on": day.isoformat(),
                "end_on": (day + dt.timedelta(days=1)).isoformat()}
    with pytest.raises(DomainError) as exc:
        services.record_posting(d, {**two_days, "law_minimum": "y"}, actor="test")
    assert "ít nhất 3 ngày" in exc.value.fields["end_on"]
    assert services.record_posting(d, two_days, actor="test").days == 2  # the law does not ask here
    set_setting("LOUDSPEAKER_MIN_DAYS", 2, actor="test")
    assert services.record_posting(d, {**two_days, "law_minimum": "y"}, actor="test").law_minimum
    with pytest.raises(DomainError) as exc:
        services.record_posting(d, {"channel": "loudspeaker", "start_on": day.isoformat()}, actor="test")
    assert "end_on" in exc.value.fields


@pytest.mark.parametrize("data, field", [
    ({"channel": "fax", "start_on": "2026-12-01"}, "channel"),
    ({"channel": "group_house", "start_on": "2026-12-01"}, "place"),
    ({"channel": "meeting", "start_on": "2026-12-01"}, "place"),
    ({"channel": "headquarters"}, "start_on"),
    ({"channel": "headquarters", "start_on": "31/02/2026"}, "start_on"),
    ({"channel": "headquarters", "start_on": "2000-01-01"}, "start_on"),  # before the issue date
    ({"channel": "headquarters", "start_on": "2026-12-10", "end_on": "2026-12-01"}, "end_on"),
])
def test_bad_values_are_refused_with_a_message_per_field(db, make_disclosure, data, field):
    d = make_disclosure()
    if data.get("start_on") == "2026-12-01":
        data = {**data, "start_on": issued(d).isoformat()}
    with pytest.raises(DomainError) as exc:
        services.record_posting(d, data, actor="test")
    assert exc.value.fields[field]


def test_a_refused_posting_keeps_what_was_typed(client, db, make_disclosure, make_user):
    d = make_disclosure()
    sign_in(client, make_user("editor"))
    resp = client.post(f"/can-bo/cong-khai/{d.id}/hinh-thuc-cong-khai",
                       data={"channel": "meeting", "start_on": issued(d).isoformat(), "note": "Ghi chú đã gõ"})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert "Vui lòng ghi tên hội nghị" in html and 'value="Ghi chú đã gõ"' in html
    assert '<option value="meeting" selected>' in html
    assert db.session.scalar(select(DisclosurePosting.id)) is None


def test_a_withdrawn_disclosure_takes_no_posting(db, make_disclosure):
    d = make_disclosure()
    services.withdraw_disclosure(d, "Ban hành nhầm", actor="test")
    with pytest.raises(DomainError):
        services.record_posting(d, {"channel": "headquarters", "start_on": issued(d).isoformat()}, actor="test")

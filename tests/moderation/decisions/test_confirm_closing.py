"""Closing a vote (and publishing its result) cannot be undone: without a ticked confirmation box the
staff page refuses and says why, with JavaScript off too (issue 18, item 10)."""
from __future__ import annotations

from moderation.decisions.models import MatterStatus


def test_closing_a_vote_asks_for_confirmation(client, make_matter, login_as, db):
    m = make_matter()
    login_as("editor")
    page = client.get(f"/can-bo/dan-quyet/{m.id}").get_data(as_text=True)
    assert 'name="confirm"' in page  # the box is on the page, no script needed
    refused = client.post(f"/can-bo/dan-quyet/{m.id}/decide", follow_redirects=True)
    db.session.expire_all()
    assert m.status == MatterStatus.open
    assert "xác nhận" in refused.get_data(as_text=True)
    assert client.post(f"/can-bo/dan-quyet/{m.id}/decide", data={"confirm": "y"}).status_code == 302
    db.session.expire_all()
    assert m.status == MatterStatus.decided


def test_cancelling_a_matter_asks_for_confirmation(client, make_matter, login_as, db):
    m = make_matter()
    login_as("editor")
    client.post(f"/can-bo/dan-quyet/{m.id}/huy", data={"reason": "Trùng với việc khác"}, follow_redirects=True)
    db.session.expire_all()
    assert m.status == MatterStatus.open
    client.post(f"/can-bo/dan-quyet/{m.id}/huy", data={"reason": "Trùng với việc khác", "confirm": "y"})
    db.session.expire_all()
    assert m.status == MatterStatus.cancelled


def test_refused_minutes_are_named_with_their_size(make_matter, ward, db):
    """Issue 18, item 5 on the minutes field: the full name and the real size."""
    import pytest

    from moderation.decisions import services
    from portal.errors import DomainError
    from tests.fixtures.files import PDF_BYTES

    m = make_matter(method="meeting")
    name = "Biên bản hội nghị tổ dân phố 1 ngày 05 tháng 12 năm 2026 về làm mái che.pdf"
    with pytest.raises(DomainError) as caught:
        services.record_meeting(m, {"group_id": str(ward[0].id)}, "test",
                                minutes=(name, PDF_BYTES + b"\0" * (21 * 1024 * 1024)))
    message = str(caught.value.fields["minutes"])
    assert f"“{name}”" in message and "21,1 MB" in message and "20 MB" in message and message.endswith(".")


def test_stopping_online_ballots_asks_for_confirmation(client, make_matter, login_as, db):
    """A matter in counting cannot go back to taking ballots: the button asks first."""
    m = make_matter()
    login_as("editor")
    client.post(f"/can-bo/dan-quyet/{m.id}/counting", follow_redirects=True)
    db.session.expire_all()
    assert m.status == MatterStatus.open
    assert client.post(f"/can-bo/dan-quyet/{m.id}/counting", data={"confirm": "y"}).status_code == 302
    db.session.expire_all()
    assert m.status == MatterStatus.counting

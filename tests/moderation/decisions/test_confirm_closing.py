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

"""Cancelling a citizen reception session cannot be undone from the page: it asks for a ticked
confirmation box, with JavaScript off too (issue 18, item 10)."""
from __future__ import annotations

from moderation.reception.models import SessionStatus


def test_cancelling_a_session_asks_for_confirmation(client, make_session, login_as, db):
    s = make_session()
    login_as("editor")
    page = client.get(f"/can-bo/tiep-nhan/lich/{s.id}").get_data(as_text=True)
    assert 'name="confirm"' in page
    refused = client.post(f"/can-bo/tiep-nhan/lich/{s.id}/trang-thai", data={"status": "cancelled"})
    assert refused.status_code == 422 and "xác nhận" in refused.get_data(as_text=True)
    db.session.expire_all()
    assert s.status == SessionStatus.scheduled
    done = client.post(f"/can-bo/tiep-nhan/lich/{s.id}/trang-thai", data={"status": "cancelled", "confirm": "y"})
    assert done.status_code == 302
    db.session.expire_all()
    assert s.status == SessionStatus.cancelled

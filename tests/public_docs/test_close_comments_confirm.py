"""Ending a consultation early cuts residents off mid-comment: the editor's button asks for a ticked
confirmation box, with JavaScript off too (issue 18, item 10)."""
from __future__ import annotations

import datetime as dt

from public_docs.disclosures import services


def test_ending_comments_early_asks_for_confirmation(client, login_as, db, make_disclosure):
    d = make_disclosure(form="Dự thảo")
    today = services.today()
    services.open_for_comments(d, today - dt.timedelta(days=2), today + dt.timedelta(days=20), actor="test")
    db.session.commit()
    login_as("editor")
    page = client.get(f"/can-bo/cong-khai/{d.id}").get_data(as_text=True)
    assert 'name="confirm_close_comments"' in page
    refused = client.post(f"/can-bo/cong-khai/{d.id}/dong-y-kien")
    assert refused.status_code == 422 and "xác nhận" in refused.get_data(as_text=True)
    db.session.expire_all()
    assert services.is_open_for_comments(d)
    done = client.post(f"/can-bo/cong-khai/{d.id}/dong-y-kien", data={"confirm_close_comments": "y"})
    assert done.status_code == 302
    db.session.expire_all()
    assert not services.is_open_for_comments(d)


def test_a_consultation_opened_today_really_ends(client, login_as, db, make_disclosure):
    """Opened this morning, ended now: it must stop taking comments today, not stay open to midnight."""
    d = make_disclosure(form="Dự thảo")
    today = services.today()
    services.open_for_comments(d, today, today + dt.timedelta(days=20), actor="test")
    db.session.commit()
    login_as("editor")
    assert client.post(f"/can-bo/cong-khai/{d.id}/dong-y-kien", data={"confirm_close_comments": "y"}).status_code == 302
    db.session.expire_all()
    assert not services.is_open_for_comments(d)
    assert d not in services.list_open_consultations()
    page = client.get(f"/lay-y-kien/{d.id}").get_data(as_text=True)
    assert f'action="/lay-y-kien/{d.id}/gop-y"' not in page

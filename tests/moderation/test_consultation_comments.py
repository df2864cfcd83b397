"""Consultation comments: window, form, moderation, display under the draft, offline opinions."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from moderation import queue
from moderation.intake.models import Submission, SubmissionStatus
from public_docs.disclosures.models import Disclosure, DisclosureStatus
from tests.fixtures.submissions import token


@pytest.fixture
def draft(app, groups, db):
    today = dt.date.today()
    d = Disclosure(number="05/DT-UBND", title="Dự thảo quy ước văn hóa tổ dân phố", category="conventions",
                   form="Dự thảo", status=DisclosureStatus.published, published_at=dt.datetime.now(dt.UTC),
                   comments_open_from=today - dt.timedelta(days=3), comments_open_until=today + dt.timedelta(days=27))
    db.session.add(d)
    db.session.commit()
    return d


def post_comment(client, d, **data):
    payload = {"text": "Đề nghị bổ sung quy định giữ vệ sinh chung.", "form_started": token(), **data}
    return client.post(f"/lay-y-kien/{d.id}/gop-y", data=payload)


def test_open_draft_listed_and_comment_flow(client, draft, db, make_user):
    html = client.get("/lay-y-kien").get_data(as_text=True)
    assert draft.title in html and html.count("<h1") == 1
    html = client.get(f"/lay-y-kien/{draft.id}").get_data(as_text=True)
    assert 'name="text"' in html and draft.comments_open_until.strftime("%d/%m/%Y") in html
    resp = post_comment(client, draft, group="TDP02", name="Trần Văn Cường", email="cuong@example.com", consent="y")
    assert resp.status_code == 302
    sub = db.session.scalars(select(Submission)).one()
    assert sub.kind.value == "comment" and sub.disclosure_id == draft.id and sub.receipt_code.startswith("YK-")
    html = client.get(f"/lay-y-kien/{draft.id}").get_data(as_text=True)
    assert "Đề nghị bổ sung quy định" not in html  # not before moderation
    queue.approve_submission(sub, make_user("moderator"))
    db.session.commit()
    html = client.get(f"/lay-y-kien/{draft.id}").get_data(as_text=True)
    assert "Đề nghị bổ sung quy định" in html and "Tổ dân phố 2" in html
    assert "Trần Văn Cường" not in html and "cuong@example.com" not in html


def test_block_on_the_disclosure_page(client, draft, db):
    resp = client.get(f"/cong-khai/{draft.id}")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert "Góp ý dự thảo" in html and f'href="/lay-y-kien/{draft.id}#gop-y"' in html
    # a link, not the form: no CSRF token, so no session cookie and the page stays cacheable
    assert f"/lay-y-kien/{draft.id}/gop-y" not in html and "csrf_token" not in html
    assert "Set-Cookie" not in resp.headers
    form_page = client.get(f"/lay-y-kien/{draft.id}").get_data(as_text=True)
    assert 'id="gop-y"' in form_page and f"/lay-y-kien/{draft.id}/gop-y" in form_page


def test_comment_validation_keeps_text(client, draft, db):
    resp = post_comment(client, draft, text="ok", phone="0905123456")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert "Nội dung góp ý cần ít nhất 5 ký tự." in html and "Vui lòng đánh dấu đồng ý" in html
    assert 'value="0905123456"' in html
    assert db.session.scalars(select(Submission)).first() is None


@pytest.mark.parametrize("shift", [-40, 10])
def test_comment_outside_window_refused_with_dates(client, draft, db, shift):
    today = dt.date.today()
    draft.comments_open_from = today + dt.timedelta(days=shift)
    draft.comments_open_until = today + dt.timedelta(days=shift + 20)
    db.session.commit()
    resp = post_comment(client, draft)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert draft.comments_open_from.strftime("%d/%m/%Y") in html
    assert draft.comments_open_until.strftime("%d/%m/%Y") in html
    assert db.session.scalars(select(Submission)).first() is None


def test_comment_honeypot(client, draft, db):
    assert post_comment(client, draft, website="x").status_code == 400
    assert db.session.scalars(select(Submission)).first() is None


def test_offline_opinion_entry_by_staff(client, draft, db, login_as):
    assert client.get("/can-bo/lay-y-kien/nhap").status_code in (302, 401)
    staff = login_as("editor")
    html = client.get("/can-bo/lay-y-kien/nhap").get_data(as_text=True)
    assert "Hòm thư góp ý" in html and draft.title in html
    resp = client.post("/can-bo/lay-y-kien/nhap", data={"disclosure_id": draft.id, "channel": "household_form",
                                                          "received_on": "", "text": "Ý kiến ghi trên phiếu."})
    assert resp.status_code == 422 and "ngày nhận" in resp.get_data(as_text=True)
    resp = client.post("/can-bo/lay-y-kien/nhap", data={
        "disclosure_id": draft.id, "channel": "household_form", "received_on": dt.date.today().isoformat(),
        "text": "Hộ ông Sáu đề nghị giữ nguyên giờ sinh hoạt.", "group": "TDP03", "name": "Hộ ông Sáu"})
    assert resp.status_code == 302
    sub = db.session.scalars(select(Submission)).one()
    assert sub.channel.value == "household_form" and sub.entered_by_id == staff.id
    assert sub.status == SubmissionStatus.received and sub.received_on == dt.date.today()
    assert sub.contact.name == "Hộ ông Sáu"
    login_as("moderator")
    queue.approve_submission(sub, staff)
    db.session.commit()
    html = client.get(f"/lay-y-kien/{draft.id}").get_data(as_text=True)
    assert "Phiếu lấy ý kiến hộ gia đình" in html and "Hộ ông Sáu đề nghị giữ nguyên" in html

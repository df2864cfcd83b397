"""Absolute links come from PUBLIC_URL, never from the request's Host (issue 11, item 9): a petition
posted with ``Host: evil.example`` mails the resident a receipt whose links all lead to the portal,
and so do status mails, feeds, the CSV export and the API."""
from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from moderation import queue
from moderation.intake.models import Submission
from portal import outbox
from tests.fixtures.submissions import form_post

PUBLIC = "https://phuong-hoa-an.example.vn"
EVIL = "http://evil.example"
URL = re.compile(r"""(?:https?:)?//[^\s"'<>)]+""")


@pytest.fixture
def config_overrides():
    return {"PUBLIC_URL": PUBLIC + "/", "RATELIMIT_ENABLED": False}


def delivered_mails(app) -> list[email.message.EmailMessage]:
    assert outbox.deliver_pending()["sent"] >= 1
    files = sorted(Path(app.config["MAIL_DIR"]).glob("*.eml"))
    return [email.message_from_bytes(f.read_bytes(), policy=email.policy.default) for f in files]


def assert_links_public(text: str, minimum: int = 1) -> list[str]:
    links = URL.findall(text)
    assert len(links) >= minimum, text
    assert "evil.example" not in text
    assert all(link.startswith(PUBLIC + "/") for link in links), links
    return links


@pytest.mark.parametrize("headers", [
    {"Host": "evil.example"},
    {"Host": "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "http"},
])
def test_petition_posted_with_a_forged_host_mails_links_to_public_url(app, client, groups, db, headers):
    resp = client.post("/gui-kien-nghi", base_url=EVIL, headers=headers, data=form_post(
        email="hoa@example.com", name="Lê Thị Hoa", consent="y", visibility="named"))
    assert resp.status_code == 302
    code = db.session.scalars(select(Submission.receipt_code)).one()
    (mail,) = delivered_mails(app)
    body = mail.get_content()
    links = assert_links_public(body)
    assert f"{PUBLIC}/tra-cuu/{code}" in links


def test_petition_api_with_a_forged_host_mails_links_to_public_url(app, client, groups, db):
    resp = client.post("/api/v1/petitions", base_url=EVIL, json={
        "kind": "feedback", "topic": "environment", "group": "TDP01", "title": "Đèn đường hỏng ở kiệt 12",
        "description": "Đèn đường ở kiệt 12 đường Lê Lợi đã hỏng một tuần, buổi tối rất tối.",
        "email": "an@example.com", "name": "Trần An", "consent": True, "visibility": "named"})
    assert resp.status_code in (200, 201), resp.get_data(as_text=True)
    (mail,) = delivered_mails(app)
    assert_links_public(mail.get_content())
    assert "evil.example" not in resp.get_data(as_text=True)


def test_status_mails_sent_from_a_forged_host_link_to_public_url(app, db, petition, make_user):
    sub = petition(email="binh@example.com", name="Bình", consent=True, visibility="named")
    moderator = make_user("moderator")
    with app.test_request_context("/", base_url=EVIL, headers={"Host": "evil.example"}):
        queue.request_information(sub, moderator, "Vui lòng cho biết số nhà cụ thể.")
        db.session.commit()
    mails = delivered_mails(app)
    assert len(mails) == 2  # the receipt (no request at all: a command) and the status mail
    for mail in mails:
        assert_links_public(mail.get_content())


def test_feeds_and_csv_export_use_public_url(app, client, db):
    import datetime as dt

    from public_docs.disclosures.models import Disclosure, DisclosureStatus

    db.session.add(Disclosure(number="12/KH-UBND", title="Kế hoạch 2026", category="plans",
                              status=DisclosureStatus.published,
                              published_at=dt.datetime(2026, 2, 3, 3, tzinfo=dt.UTC)))
    db.session.commit()
    for path in ("/cong-khai/atom.xml", "/cong-khai/linh-vuc/plans/atom.xml"):
        xml = client.get(path, base_url=EVIL).get_data(as_text=True)
        urls = re.findall(r'(?:href="|<id>)([^"<]+)', xml)
        assert len(urls) >= 4 and all(u.startswith(PUBLIC + "/") for u in urls), urls
        assert "evil.example" not in xml
    csv_text = client.get("/cong-khai/xuat.csv", base_url=EVIL).get_data(as_text=True)
    d = db.session.scalars(select(Disclosure)).one()
    assert f"{PUBLIC}/cong-khai/{d.id}" in csv_text and "evil.example" not in csv_text
    for path in ("/api/v1/disclosures", f"/api/v1/disclosures/{d.id}", f"/cong-khai/{d.id}"):
        text = client.get(path, base_url=EVIL).get_data(as_text=True)
        assert f"{PUBLIC}/cong-khai/{d.id}" in text and "evil.example" not in text

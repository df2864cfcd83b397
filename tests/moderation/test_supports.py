"""Support counts: contacts are checked like a petition's and counted once per person, whatever the
spelling (case, +tag, +84/0, spaces), also in the database (issue 11, item 14)."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from moderation import abuse
from moderation.intake.models import SubmissionStatus, Support
from tests.fixtures.submissions import token


@pytest.fixture
def public_petition(petition, db):
    sub = petition()
    sub.status = SubmissionStatus.approved
    db.session.commit()
    return sub


def support(client, sub, contact):
    return client.post(f"/gui-kien-nghi/ung-ho/{sub.id}", data={"contact": contact, "form_started": token()})


def n_supports(db, sub) -> int:
    db.session.commit()
    return db.session.scalar(select(func.count(Support.id)).where(Support.submission_id == sub.id))


@pytest.mark.parametrize("contact", ["@", "a@@", "1@x", "a@b", "@example.com", "a@example", "a b@example.com",
                                     "+tag@example.com", "abc", "12345", "0000000000", "09051234567890",
                                     "0905123456@", "a@example..com"])
def test_invalid_contacts_are_refused_like_on_the_petition_form(client, public_petition, db, contact):
    resp = support(client, public_petition, contact)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert "không hợp lệ" in html and ("ten@example.com" in html or "0905123456" in html)
    assert n_supports(db, public_petition) == 0
    db.session.refresh(public_petition)
    assert public_petition.support_count == 0


def test_one_support_per_normalised_address(client, public_petition, db):
    emails = ["An.Le+mot@Example.com", "an.le+hai@example.com", "AN.LE@EXAMPLE.COM", "  an.le@example.com ",
              "an.le+@example.com"]
    phones = ["0905 777 888", "+84905777888", "84 905 777 888", "0084-905-777-888", "(+84) 0905.777.888"]
    statuses = [support(client, public_petition, c).status_code for c in emails + phones]
    assert statuses == [200, 409, 409, 409, 409, 200, 409, 409, 409, 409]
    gmail = [support(client, public_petition, c).status_code for c in ("le.an@gmail.com", "LEAN+x@googlemail.com")]
    assert gmail == [200, 409]
    db.session.refresh(public_petition)
    assert public_petition.support_count == n_supports(db, public_petition) == 3


@pytest.mark.parametrize("a,b", [("Mai+1@Example.com", "mai@example.com"), ("0905123456", "+84 905 123 456"),
                                 ("02363700111", "+84 236 3700 111")])
def test_normalize_contact_one_spelling(app, a, b):
    assert abuse.normalize_contact(a) == abuse.normalize_contact(b) != ""


def test_the_database_refuses_a_second_support_of_one_address(app, public_petition, db):
    digest = abuse.contact_hash(abuse.normalize_contact("Mai+1@Example.com"), "support")
    db.session.add(Support(submission_id=public_petition.id, contact_hash=digest))
    db.session.commit()
    db.session.add(Support(submission_id=public_petition.id,
                           contact_hash=abuse.contact_hash(abuse.normalize_contact("mai@example.com"), "support")))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()

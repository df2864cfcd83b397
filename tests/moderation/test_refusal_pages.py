"""What a refused resident is shown: after a rejection, what to do next (rewrite and send again,
the citizen reception's address and hours, the next session, the contacts); for a complaint or a
denunciation, the guidance and where to go, without the form to fill in and be refused again."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from security.htmlcheck import structure_problems
from sqlalchemy import func, select

from moderation import queue
from moderation.intake.models import Submission
from moderation.reception.models import ReceptionSession, SessionKind
from portal.database import utcnow
from tests.fixtures.submissions import form_post


@pytest.fixture
def next_session(db):
    start = utcnow() + dt.timedelta(days=3)
    s = ReceptionSession(kind=SessionKind.chairman, host_name="Trần Văn Chủ", host_position="Chủ tịch UBND phường",
                         starts_at=start, ends_at=start + dt.timedelta(hours=2), place="Hội trường UBND phường",
                         capacity=5)
    db.session.add(s)
    db.session.commit()
    return s


def test_a_rejected_resident_is_told_what_to_do_next(client, db, app, petition, make_user, next_session):
    sub = petition()
    queue.reject_submission(sub, make_user("moderator"), "spam")
    db.session.commit()
    page = client.get(f"/tra-cuu/{sub.receipt_code}").get_data(as_text=True)
    section = re.search(r'<section aria-labelledby="next-steps-title".*?</section>', page, re.S).group(0)
    assert "Bạn có thể làm gì tiếp theo" in section
    assert 'href="/gui-kien-nghi"' in section
    assert app.config["RECEPTION_ADDRESS"] in section and app.config["RECEPTION_HOURS"] in section
    assert f'href="/tiep-cong-dan/{next_session.id}"' in section and "Hội trường UBND phường" in section
    assert app.config["WARD_HOTLINE"] in section and app.config["WARD_EMAIL"] in section
    assert not structure_problems(page)
    # The reason is still there, above.
    assert page.index("Không tiếp nhận") < page.index("Bạn có thể làm gì tiếp theo")


def test_no_next_steps_while_the_petition_is_pending(client, db, petition):
    sub = petition()
    assert "next-steps-title" not in client.get(f"/tra-cuu/{sub.receipt_code}").get_data(as_text=True)


@pytest.mark.parametrize("kind", ["complaint", "denunciation"])
def test_complaint_refusal_shows_guidance_not_the_form(client, groups, db, app, kind, next_session):
    r = client.post("/gui-kien-nghi", data=form_post(kind=kind, name="Lê Văn Gửi", phone="0905123456",
                                                     consent="y", title="Quyết định thu hồi đất sai"))
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert app.config["RECEPTION_ADDRESS"] in html and app.config["RECEPTION_HOURS"] in html
    assert f'href="/tiep-cong-dan/{next_session.id}"' in html
    # No step-2 form to fill in again: no contact fields, no file input, no consent box.
    assert 'type="file"' not in html and 'name="consent"' not in html and 'id="phone"' not in html
    assert "Quyết định thu hồi đất sai" in html  # what was typed is shown to copy, not lost
    assert db.session.scalar(select(func.count(Submission.id))) == 0
    assert not structure_problems(html)
    # Chosen by mistake: one button takes what was typed back to the form as a petition.
    form = re.search(r'<form method="post" action="/gui-kien-nghi">(.*?)</form>', html, re.S).group(1)
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form))
    assert data["kind"] == "feedback" and data["step"] == "check"
    again = client.post("/gui-kien-nghi", data=data)
    page = again.get_data(as_text=True)
    assert again.status_code == 200 and "Bước 2/2" in page and "Quyết định thu hồi đất sai" in page


def _next_steps(client, sub) -> str:
    page = client.get(f"/tra-cuu/{sub.receipt_code}").get_data(as_text=True)
    return re.search(r'<section aria-labelledby="next-steps-title".*?</section>', page, re.S).group(0)


@pytest.mark.parametrize("reason", ["spam", "offensive", "not_enough_info", "private_data"])
def test_a_petition_that_can_be_rewritten_is_offered_the_form_again(client, db, petition, make_user, reason):
    sub = petition()
    queue.reject_submission(sub, make_user("moderator"), reason)
    db.session.commit()
    section = _next_steps(client, sub)
    assert "Sửa nội dung theo lý do ở trên" in section and 'href="/gui-kien-nghi"' in section


def test_a_duplicate_is_sent_to_the_existing_petitions_not_told_to_rewrite(client, db, petition, make_user):
    sub = petition()
    queue.reject_submission(sub, make_user("moderator"), "duplicate")
    db.session.commit()
    section = _next_steps(client, sub)
    assert "Sửa nội dung" not in section  # rewriting the same matter would be refused again
    assert 'href="/kien-nghi"' in section and "ủng hộ" in section


def test_out_of_scope_points_to_the_other_channels_not_to_the_form(client, db, petition, make_user):
    sub = petition()
    queue.reject_submission(sub, make_user("moderator"), "out_of_scope")
    db.session.commit()
    section = _next_steps(client, sub)
    assert "Sửa nội dung" not in section and 'href="/gui-kien-nghi"' not in section
    assert "cơ quan có thẩm quyền" in section and "tiếp công dân" in section

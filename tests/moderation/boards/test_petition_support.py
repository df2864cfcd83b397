"""Supporting a petition from its public page (issue 18, item 1): a form on ``/kien-nghi/<id>``
(contact required, one per contact), none for a closed petition (also refused by the service and on
step 2 of a new petition), and the support threshold at which the Board must answer in public."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from moderation import intake
from moderation.cases.models import CaseEvent
from moderation.intake.models import Support
from portal.audit import AuditEvent
from portal.errors import DomainError
from portal.settings import set_setting
from tests.fixtures.boards import walk_to
from tests.fixtures.submissions import form_post, token
from tests.fixtures.users import sign_in


def support(client, sub, contact, **extra):
    return client.post(f"/gui-kien-nghi/ung-ho/{sub.id}", data={"contact": contact, "form_started": token(), **extra})


def n_supports(db, sub) -> int:
    db.session.commit()
    return db.session.scalar(select(func.count(Support.id)).where(Support.submission_id == sub.id))


def due_events(db, case) -> list[CaseEvent]:
    return db.session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id,
                                                     CaseEvent.kind == "public_answer_due")).all()


def test_the_public_page_offers_a_support_form_that_counts_once(client, board_setup, db):
    s = board_setup
    html = client.get(f"/kien-nghi/{s.submission.id}").get_data(as_text=True)
    action = f"/gui-kien-nghi/ung-ho/{s.submission.id}"
    form = re.search(rf'<form[^>]*action="{action}"[^>]*>(.*?)</form>', html, re.S)
    assert form is not None, "no support form on the public page"
    assert 'name="contact"' in form.group(1) and "required" in form.group(1)
    assert 'name="form_started"' in form.group(1) and 'name="website"' in form.group(1)  # token and honeypot
    assert support(client, s.submission, "0905 777 888").status_code == 200
    assert support(client, s.submission, "+84905777888").status_code == 409
    assert n_supports(db, s.submission) == 1
    page = client.get(f"/kien-nghi/{s.submission.id}").get_data(as_text=True)
    assert "1 người ủng hộ" in page
    assert "0905777888" not in page and "905 777 888" not in page


def test_a_bad_contact_keeps_what_was_typed_and_links_back(client, board_setup, db):
    s = board_setup
    resp = support(client, s.submission, "an.le@example")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert "không hợp lệ" in html and 'value="an.le@example"' in html
    assert f'href="/kien-nghi/{s.submission.id}"' in html
    assert n_supports(db, s.submission) == 0


def test_a_closed_petition_takes_no_support(client, board_setup, db):
    s = board_setup
    walk_to(s.case, s, "closed")
    db.session.commit()
    html = client.get(f"/kien-nghi/{s.submission.id}").get_data(as_text=True)
    assert f'action="/gui-kien-nghi/ung-ho/{s.submission.id}"' not in html
    assert "đã kết thúc nên không nhận thêm ủng hộ" in html
    resp = support(client, s.submission, "mai@example.com")
    assert resp.status_code == 409
    body = resp.get_data(as_text=True)
    assert "đã kết thúc nên không nhận thêm ủng hộ" in body and 'name="contact"' not in body
    with pytest.raises(DomainError):
        intake.support_petition(s.submission, "lan@example.com")
    db.session.rollback()
    assert n_supports(db, s.submission) == 0


def test_step_two_offers_no_support_for_a_closed_petition(client, board_setup, db, groups):
    s = board_setup
    s.submission.title = "Đèn chiếu sáng kiệt 45 Lê Lợi bị hỏng"
    s.submission.description = "Đèn chiếu sáng công cộng ở kiệt 45 Lê Lợi hỏng hơn một tháng, buổi tối rất tối."
    db.session.commit()

    def step_two():
        return client.post("/gui-kien-nghi", data=form_post(
            step="check", title="Đèn chiếu sáng kiệt 45 hỏng",
            description="Đèn chiếu sáng ở kiệt 45 Lê Lợi không sáng nhiều tuần nay")).get_data(as_text=True)

    assert f'action="/gui-kien-nghi/ung-ho/{s.submission.id}"' in step_two()
    walk_to(s.case, s, "closed")
    db.session.commit()
    html = step_two()
    assert "Đèn chiếu sáng kiệt 45 Lê Lợi bị hỏng" in html
    assert f'action="/gui-kien-nghi/ung-ho/{s.submission.id}"' not in html
    assert "đã kết thúc nên không nhận thêm ủng hộ" in html


def test_reaching_the_threshold_asks_the_board_for_a_public_answer(client, board_setup, db):
    s = board_setup
    set_setting("SUPPORT_PUBLIC_ANSWER_THRESHOLD", 2, actor="system")
    db.session.commit()
    assert support(client, s.submission, "mai@example.com").status_code == 200
    db.session.refresh(s.case)
    assert s.case.public_answer_due_at is None and due_events(db, s.case) == []
    assert "Ban sẽ trả lời công khai" not in client.get(f"/kien-nghi/{s.submission.id}").get_data(as_text=True)
    assert support(client, s.submission, "0905123456").status_code == 200
    assert support(client, s.submission, "lan@example.com").status_code == 200
    db.session.commit()
    db.session.refresh(s.case)
    assert s.case.public_answer_due_at is not None and s.case.public_answer_supports == 2
    events = due_events(db, s.case)
    assert len(events) == 1 and events[0].public
    audits = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "case.public_answer_due")).all()
    assert len(audits) == 1 and audits[0].subject_id == str(s.case.id)
    assert audits[0].details == {"supports": 2, "threshold": 2}
    page = client.get(f"/kien-nghi/{s.submission.id}").get_data(as_text=True)
    assert "Đã đủ 2 người ủng hộ: Ban sẽ trả lời công khai." in page
    sign_in(client, s.member)
    staff = client.get(f"/can-bo/ban/ho-so/{s.case.id}").get_data(as_text=True)
    assert 'id="public-answer-due"' in staff and "Ban phải trả lời công khai" in staff


def test_no_threshold_by_default(client, board_setup, db):
    s = board_setup
    for contact in ("mai@example.com", "lan@example.com", "0905123456"):
        assert support(client, s.submission, contact).status_code == 200
    db.session.refresh(s.case)
    assert s.case.public_answer_due_at is None and due_events(db, s.case) == []


def test_the_admin_sets_the_threshold_with_the_deadlines(client, app, db, make_user):
    admin = make_user("admin")
    sign_in(client, admin)
    html = client.get("/can-bo/ban/ngay-nghi").get_data(as_text=True)
    assert 'name="SUPPORT_PUBLIC_ANSWER_THRESHOLD"' in html

"""A public form's token is single-use: stored in the transaction that stores the petition, comment,
support or added information, so a double click (or eight posts at once) stores one, and the
repeated post gets a friendly answer, never a 500 (issue 11, item 15)."""
from __future__ import annotations

import re
import threading

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from moderation.abuse.models import FormToken
from moderation.intake.models import Submission, SubmissionEvent, SubmissionStatus, Support
from tests.fixtures.submissions import form_post, receipt_code_from, token

N_THREADS = 8


def count(db, model, *where) -> int:
    db.session.commit()  # a fresh snapshot
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def in_parallel(app, send) -> list:
    """``send(client)`` from N_THREADS threads released together; each has its own client."""
    barrier = threading.Barrier(N_THREADS)
    results: list = [None] * N_THREADS

    def run(i):
        client = FlaskClient(app, app.response_class, use_cookies=True)  # no pushed context in this thread
        barrier.wait()
        try:
            resp = send(client)
            results[i] = (resp.status_code, resp.headers.get("Location", ""))
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            results[i] = (repr(exc), "")

    threads = [threading.Thread(target=run, args=(i,)) for i in range(N_THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


def test_double_click_stores_one_petition_and_shows_its_receipt(client, groups, db):
    data = form_post(title="Cống thoát nước bị tắc", phone="0905123456", consent="y")
    first = client.post("/gui-kien-nghi", data=data)
    assert first.status_code == 302
    code = receipt_code_from(client.get(first.headers["Location"]).get_data(as_text=True))
    again = client.post("/gui-kien-nghi", data=data)
    assert again.status_code == 303 and again.headers["Location"].endswith("/gui-kien-nghi/bien-nhan")
    html = client.get(again.headers["Location"]).get_data(as_text=True)
    assert receipt_code_from(html) == code and "Cổng chỉ lưu một lần" in html
    other = client.post("/gui-kien-nghi", data={**data, "title": "Nội dung khác, cùng một trang"})
    assert other.status_code == 303
    assert count(db, Submission) == 1 and count(db, FormToken) == 1


def test_another_browser_reusing_a_token_gets_no_receipt_of_its_own(app, groups, db):
    data = form_post()
    assert app.test_client().post("/gui-kien-nghi", data=data).status_code == 302
    resp = app.test_client().post("/gui-kien-nghi", data=data)
    assert resp.status_code == 303 and count(db, Submission) == 1


def test_a_refused_post_does_not_use_the_token(client, groups, db):
    data = form_post(phone="0905", consent="y")
    assert client.post("/gui-kien-nghi", data=data).status_code == 422
    assert count(db, FormToken) == 0
    assert client.post("/gui-kien-nghi", data={**data, "phone": "0905123456"}).status_code == 302
    assert count(db, Submission) == 1


def test_eight_concurrent_identical_posts_store_one_petition(app, groups, db):
    data = form_post(title="Đèn đường hỏng ở tổ 3", email="an@example.com", consent="y")
    results = in_parallel(app, lambda c: c.post("/gui-kien-nghi", data=data))
    statuses = sorted(status for status, _ in results)
    assert statuses.count(302) == 1 and statuses.count(303) == N_THREADS - 1, results
    assert all(loc.endswith("/gui-kien-nghi/bien-nhan") for _, loc in results)
    assert count(db, Submission) == 1
    from portal.outbox import OutboxMessage

    assert count(db, OutboxMessage) == 1  # one receipt email


def test_concurrent_comments_with_one_token_store_one(app, groups, db):
    import datetime as dt

    from public_docs.disclosures.models import Disclosure, DisclosureStatus

    today = dt.date.today()
    d = Disclosure(number="07/DT-UBND", title="Dự thảo kế hoạch chỉnh trang", category="conventions", form="Dự thảo",
                   status=DisclosureStatus.published, published_at=dt.datetime.now(dt.UTC),
                   comments_open_from=today - dt.timedelta(days=1), comments_open_until=today + dt.timedelta(days=20))
    db.session.add(d)
    db.session.commit()
    url, data = f"/lay-y-kien/{d.id}/gop-y", {"text": "Đề nghị trồng thêm cây xanh.", "form_started": token()}
    results = in_parallel(app, lambda c: c.post(url, data=data))
    assert sorted(s for s, _ in results) == [302] + [303] * (N_THREADS - 1), results
    assert count(db, Submission, Submission.kind == "comment") == 1


def test_concurrent_supports_with_one_token_count_one(app, petition, db):
    sub = petition()
    sub.status = SubmissionStatus.approved
    db.session.commit()
    url, tok = f"/gui-kien-nghi/ung-ho/{sub.id}", token()
    contacts = iter([f"09051234{i:02d}" for i in range(N_THREADS)])
    lock = threading.Lock()

    def send(client):
        with lock:
            contact = next(contacts)
        return client.post(url, data={"contact": contact, "form_started": tok})

    results = in_parallel(app, send)
    assert all(status == 200 for status, _ in results), results
    assert count(db, Support) == 1
    db.session.refresh(sub)
    assert sub.support_count == 1


def test_concurrent_supports_of_one_address_count_one(app, petition, db):
    sub = petition()
    sub.status = SubmissionStatus.approved
    db.session.commit()
    url = f"/gui-kien-nghi/ung-ho/{sub.id}"
    posts = iter([{"contact": c, "form_started": token()} for c in (
        "0905777888", "+84905777888", "84 905 777 888", "0905 777 888",
        "0084905777888", "(+84) 905-777-888", "0905.777.888", "+84 0905 777 888")])
    lock = threading.Lock()

    def send(client):
        with lock:
            data = next(posts)
        return client.post(url, data=data)

    results = in_parallel(app, send)
    assert sorted(s for s, _ in results) == [200] + [409] * (N_THREADS - 1), results
    db.session.refresh(sub)
    assert count(db, Support) == 1 and sub.support_count == 1


def test_added_information_once_per_page(client, petition, db, make_user):
    from moderation import queue

    sub = petition()
    queue.request_information(sub, make_user("moderator"), "Số nhà cụ thể?")
    db.session.commit()
    data = {"info": "Số nhà 45/12.", "form_started": token()}
    assert client.post(f"/tra-cuu/{sub.receipt_code}/bo-sung", data=data).status_code == 302
    again = client.post(f"/tra-cuu/{sub.receipt_code}/bo-sung", data=data)
    assert again.status_code == 303 and sub.receipt_code in again.headers["Location"]
    assert count(db, SubmissionEvent, SubmissionEvent.action == "info_added") == 1


def test_support_forms_on_the_petition_page_have_their_own_tokens(client, petition, db):
    sub = petition(title="Đèn chiếu sáng kiệt 45 Lê Lợi bị hỏng",
                   description="Đèn chiếu sáng công cộng ở kiệt 45 Lê Lợi hỏng hơn một tháng, buổi tối rất tối.")
    sub.status = SubmissionStatus.approved
    db.session.commit()
    html = client.post("/gui-kien-nghi", data=form_post(
        step="check", title="Đèn chiếu sáng kiệt 45 hỏng",
        description="Đèn chiếu sáng ở kiệt 45 Lê Lợi không sáng nhiều tuần nay")).get_data(as_text=True)
    tokens = re.findall(r'name="form_started" value="([^"]+)"', html)
    assert len(tokens) == 2 and len(set(tokens)) == 2


def test_old_tokens_are_purged(app, db):
    import datetime as dt

    from moderation.abuse import purge_form_tokens
    from portal.database import utcnow

    db.session.add_all([FormToken(nonce="a" * 16, form="petition", used_at=utcnow() - dt.timedelta(hours=30)),
                        FormToken(nonce="b" * 16, form="petition", used_at=utcnow())])
    db.session.commit()
    assert purge_form_tokens() == 1
    db.session.commit()
    assert db.session.scalars(select(FormToken.nonce)).all() == ["b" * 16]


@pytest.mark.parametrize("forged", ["12345", "12345.short", "x.y.z"])
def test_tokens_without_a_nonce_are_refused(client, groups, db, forged):
    from itsdangerous import Signer

    signed = Signer("test-secret", salt="moderation.form-started").sign(forged).decode()
    assert client.post("/gui-kien-nghi", data=form_post(form_started=signed)).status_code == 400
    assert count(db, Submission) == 0

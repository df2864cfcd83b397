"""Claiming a queue item is a POST ("Nhận xử lý"): opening the item (GET) changes nothing."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import func, select

from moderation.intake.models import Submission, SubmissionEvent, SubmissionStatus
from portal.audit import AuditEvent
from portal.database import utcnow
from tests.fixtures.users import sign_in


def snapshot(db, sub_id):
    db.session.expire_all()
    sub = db.session.get(Submission, sub_id)
    return (sub.status, sub.claimed_by_id, sub.claimed_until,
            db.session.scalar(select(func.count()).select_from(SubmissionEvent)),
            db.session.scalar(select(func.count()).select_from(AuditEvent)))


@pytest.mark.parametrize("held", ["nobody", "me_expired", "other_expired", "other"])
def test_get_leaves_the_claim_unchanged(client, db, petition, make_user, held):
    sub = petition()
    me, other = make_user("moderator", name="Tôi"), make_user("moderator", name="Người Khác")
    if held != "nobody":
        holder = me if held.startswith("me") else other
        minutes = -5 if held.endswith("expired") else 20
        sub.claimed_by_id, sub.claimed_until = holder.id, utcnow() + dt.timedelta(minutes=minutes)
        sub.status = SubmissionStatus.in_review
        db.session.commit()
    before = snapshot(db, sub.id)
    sign_in(client, me)
    for _ in range(2):
        html = client.get(f"/can-bo/kiem-duyet/{sub.id}").get_data(as_text=True)
        assert snapshot(db, sub.id) == before
    if held == "other":
        assert "Người Khác" in html and f"/{sub.id}/nhan-xu-ly" not in html
    else:
        assert f'action="/can-bo/kiem-duyet/{sub.id}/nhan-xu-ly"' in html and "Nhận xử lý" in html
    client.get("/can-bo/kiem-duyet/")
    assert snapshot(db, sub.id) == before


def test_queue_list_offers_the_claim_in_one_click(client, db, petition, make_user):
    free, taken = petition(title="Mục còn trống"), petition(title="Mục đã có người giữ")
    other = make_user("moderator", name="Người Khác")
    taken.claimed_by_id, taken.claimed_until = other.id, utcnow() + dt.timedelta(minutes=20)
    db.session.commit()
    me = make_user("moderator")
    sign_in(client, me)
    html = client.get("/can-bo/kiem-duyet/").get_data(as_text=True)
    assert f'action="/can-bo/kiem-duyet/{free.id}/nhan-xu-ly"' in html
    assert f"/{taken.id}/nhan-xu-ly" not in html and "Người Khác" in html
    resp = client.post(f"/can-bo/kiem-duyet/{free.id}/nhan-xu-ly")
    assert resp.status_code == 302 and resp.headers["Location"].endswith(f"/can-bo/kiem-duyet/{free.id}")
    db.session.expire_all()
    sub = db.session.get(Submission, free.id)
    assert sub.claimed_by_id == me.id and sub.status == SubmissionStatus.in_review
    assert sub.claimed_until > utcnow() + dt.timedelta(minutes=25)
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "submission.claim")).actor_id == me.id
    assert sub.events[-1].action == "claim"
    page = client.get(f"/can-bo/kiem-duyet/{free.id}").get_data(as_text=True)
    assert "Bạn đang giữ mục này đến" in page and "Trả lại hàng đợi" in page


def test_claim_post_refused_while_another_holds_it(client, db, petition, make_user):
    sub = petition()
    other = make_user("moderator", name="Người Khác")
    sub.claimed_by_id, sub.claimed_until = other.id, utcnow() + dt.timedelta(minutes=20)
    sub.status = SubmissionStatus.in_review
    db.session.commit()
    user = make_user("moderator")
    before = snapshot(db, sub.id)
    sign_in(client, user)
    resp = client.post(f"/can-bo/kiem-duyet/{sub.id}/nhan-xu-ly")
    assert resp.status_code == 409 and "Người Khác" in resp.get_data(as_text=True)
    assert snapshot(db, sub.id) == before


def test_claim_post_refused_when_no_longer_pending(client, db, petition, make_user):
    sub = petition()
    sub.status = SubmissionStatus.rejected
    db.session.commit()
    user = make_user("moderator")
    before = snapshot(db, sub.id)
    sign_in(client, user)
    resp = client.post(f"/can-bo/kiem-duyet/{sub.id}/nhan-xu-ly")
    assert resp.status_code == 409 and "vừa được xử lý" in resp.get_data(as_text=True)
    assert snapshot(db, sub.id) == before


def test_renewing_own_claim_extends_it(client, db, petition, make_user):
    sub = petition()
    me = make_user("moderator")
    sub.claimed_by_id, sub.claimed_until = me.id, utcnow() + dt.timedelta(minutes=2)
    sub.status = SubmissionStatus.in_review
    db.session.commit()
    sign_in(client, me)
    assert client.post(f"/can-bo/kiem-duyet/{sub.id}/nhan-xu-ly").status_code == 302
    db.session.expire_all()
    assert db.session.get(Submission, sub.id).claimed_until > utcnow() + dt.timedelta(minutes=25)


@pytest.mark.parametrize("role", ["editor", "board_member", "board_head"])
def test_claim_needs_the_moderator_role(client, db, petition, make_user, role):
    sub = petition()
    user = make_user(role)
    before = snapshot(db, sub.id)
    sign_in(client, user)
    assert client.post(f"/can-bo/kiem-duyet/{sub.id}/nhan-xu-ly").status_code == 403
    assert snapshot(db, sub.id) == before


@pytest.mark.parametrize("config_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_claim_needs_the_csrf_token(client, db, petition, make_user, config_overrides):
    sub = petition()
    user = make_user("moderator")
    before = snapshot(db, sub.id)
    sign_in(client, user)
    html = client.get(f"/can-bo/kiem-duyet/{sub.id}").get_data(as_text=True)
    resp = client.post(f"/can-bo/kiem-duyet/{sub.id}/nhan-xu-ly")
    assert resp.status_code == 400 and "biểu mẫu không hợp lệ" in resp.get_data(as_text=True)
    resp = client.post(f"/can-bo/kiem-duyet/{sub.id}/nhan-xu-ly", data={"csrf_token": "forged"})
    assert resp.status_code == 400
    assert snapshot(db, sub.id) == before
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    assert client.post(f"/can-bo/kiem-duyet/{sub.id}/nhan-xu-ly", data={"csrf_token": token}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Submission, sub.id).status == SubmissionStatus.in_review

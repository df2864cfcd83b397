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


def test_cancelling_a_session_tells_the_registered_residents(client, make_session, login_as, groups, db):
    from sqlalchemy import select

    from moderation.reception import registrations
    from portal.audit import AuditEvent
    from portal.outbox import OutboxMessage

    s = make_session(days=3)
    other = make_session(days=4)
    base = {"name": "Võ Thị Đăng", "phone": "0905123123", "group": "TDP02",
            "topic": "Đề nghị sửa đường kiệt 14 trước mùa mưa", "consent": True}
    by_mail = registrations.register(s, {**base, "email": "dang.vt@example.com"})
    registrations.register(s, {**base, "email": "", "phone": "0905000222"})  # phone only: the clerk calls
    gone = registrations.register(s, {**base, "email": "da-huy@example.com", "phone": "0905000333"})
    registrations.register(other, {**base, "email": "buoi-khac@example.com"})
    db.session.commit()
    registrations.cancel_registration(gone.code)  # cancelled their own seat: not told again
    db.session.commit()
    before = {m.id for m in db.session.scalars(select(OutboxMessage))}
    login_as("editor")
    done = client.post(f"/can-bo/tiep-nhan/lich/{s.id}/trang-thai", data={"status": "cancelled", "confirm": "y"},
                       follow_redirects=True)
    page = done.get_data(as_text=True)
    assert done.status_code == 200 and "Đã gửi thư báo hủy cho 1 người đăng ký; 1 người chỉ để lại số" in page
    new = [m for m in db.session.scalars(select(OutboxMessage)) if m.id not in before]
    assert [m.recipient for m in new] == ["dang.vt@example.com"]
    assert "đã bị hủy" in new[0].subject and by_mail.code in new[0].subject and "/tiep-cong-dan" in new[0].body
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "registration.notify_cancelled"))
    # cancelling again (a second click) sends nothing more
    client.post(f"/can-bo/tiep-nhan/lich/{s.id}/trang-thai", data={"status": "cancelled", "confirm": "y"})
    assert len([m for m in db.session.scalars(select(OutboxMessage)) if m.id not in before]) == 1

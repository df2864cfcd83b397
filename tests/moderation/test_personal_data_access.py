"""Who may see a resident's personal data (contact details, attachments, the unmoderated text):
one predicate, ``moderation.cases.permissions.can_access_personal_data``, decides for the queue's
contact reveal and attachment download and for the Board case page's. Moderators and admins: any
submission; a Board member: only an approved petition that is a case of their own Board, through
the case page. Revealing a contact always needs a reason."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portal.audit import AuditEvent
from tests.fixtures.personal_data import BOARD_ROLES, BOARDS, PDF, ROLES, STATES, World, expected_access
from tests.fixtures.users import sign_in


@pytest.fixture
def world(app, make_user):
    return World(make_user)


def contact_views(db) -> int:
    return db.session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action.in_(("submission.contact_viewed", "case.contact_view")))) or 0


def assert_nothing_leaked(resp, sub, world):
    body = resp.get_data()
    text = body.decode("utf-8", "replace")
    leaked = [s for s in world.secrets(sub) if s and s in text]
    assert not leaked, f"{resp.status_code}: {leaked}"
    assert b"TEP-DINH-KEM-BI-MAT" not in body


# ------------------------------------------------------------------------------ the predicate
@pytest.mark.parametrize("board", BOARDS)
@pytest.mark.parametrize("role", ROLES)
def test_predicate_table(world, role, board):
    """Every role × submission state × Board of the case (the user's own, another, none)."""
    from moderation.cases.permissions import can_access_personal_data

    user = world.users[role]
    got = {state: can_access_personal_data(user, world.submission(state, board)) for state in STATES}
    want = {state: expected_access(role, state, board) for state in STATES}
    assert got == want


def test_predicate_members_of_another_board_and_nobody(world):
    from moderation.cases.permissions import can_access_personal_data

    own_case = world.submission("approved", "own")
    other_case = world.submission("approved", "other")
    for role in BOARD_ROLES:
        outsider = world.other_board_users[role]
        assert not can_access_personal_data(outsider, own_case)
        assert can_access_personal_data(outsider, other_case)
    assert not can_access_personal_data(None, own_case)


# ------------------------------------------------------------------ the queue's contact reveal
@pytest.mark.parametrize("role", BOARD_ROLES + ("editor",))
@pytest.mark.parametrize("state,board", [("received", "none"), ("in_review", "none"), ("rejected", "none"),
                                         ("approved", "other"), ("approved", "own"), ("needs_info", "own")])
def test_queue_contact_refused_outside_moderation(client, db, world, role, state, board):
    """Item 1: a Board head (of this Board or another) asking the queue for a contact gets nothing,
    whatever the reason; Board members use the case page."""
    sub = world.submission(state, board)
    sign_in(client, world.users[role])
    for reason in ("", "Gọi xác minh"):
        resp = client.post(f"/can-bo/kiem-duyet/{sub.id}/xem-lien-he", data={"reason": reason})
        assert resp.status_code == 403
        assert_nothing_leaked(resp, sub, world)
    assert contact_views(db) == 0


@pytest.mark.parametrize("reason", ["", "   ", "\t\n", "\u200b", "..."])
def test_queue_contact_needs_a_reason(client, db, world, reason):
    sub = world.submission("received")
    sign_in(client, world.users["moderator"])
    resp = client.post(f"/can-bo/kiem-duyet/{sub.id}/xem-lien-he", data={"reason": reason})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 400
    assert "Vui lòng ghi lý do xem thông tin liên hệ" in html
    assert sub.contact.phone not in html and sub.contact.email not in html and sub.contact.name not in html
    assert 'name="reason"' in html  # the form is still there, with what was typed
    if reason == "...":
        assert 'name="reason" maxlength="500" required value="..."' in html
    assert contact_views(db) == 0


@pytest.mark.parametrize("role", ["moderator", "admin"])
@pytest.mark.parametrize("state,board", [("received", "none"), ("rejected", "none"), ("approved", "other")])
def test_queue_contact_for_moderators_with_reason(client, db, world, role, state, board):
    sub = world.submission(state, board)
    sign_in(client, world.users[role])
    resp = client.post(f"/can-bo/kiem-duyet/{sub.id}/xem-lien-he", data={"reason": "  Gọi xác minh vị trí  "})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and sub.contact.phone in html and sub.contact.email in html
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "submission.contact_viewed"))
    assert event.actor_id == world.users[role].id and event.details["reason"] == "Gọi xác minh vị trí"


# ------------------------------------------------------------------------ the queue's attachments
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state,board", [("received", "none"), ("needs_info", "none"), ("rejected", "none"),
                                         ("approved", "other"), ("approved", "own"), ("approved", "none")])
def test_queue_attachment(client, world, role, state, board):
    """Item 2: the queue's attachment link serves moderators (and admins) only."""
    sub = world.submission(state, board)
    att = sub.attachments[0]
    sign_in(client, world.users[role])
    resp = client.get(f"/can-bo/kiem-duyet/{sub.id}/tep/{att.id}")
    if role in ("moderator", "admin"):
        assert resp.status_code == 200 and resp.data.startswith(PDF[:20])
    else:
        assert resp.status_code == 403
        assert_nothing_leaked(resp, sub, world)


def test_queue_attachment_of_another_submission_is_404(client, world):
    a, b = world.submission("received"), world.submission("received")
    sign_in(client, world.users["moderator"])
    assert client.get(f"/can-bo/kiem-duyet/{a.id}/tep/{b.attachments[0].id}").status_code == 404


# ----------------------------------------------------------------- the Board case page's routes
@pytest.mark.parametrize("role", BOARD_ROLES)
@pytest.mark.parametrize("board", ["own", "other"])
def test_case_page_attachment_and_contact(client, db, world, role, board):
    sub = world.submission("approved", board)
    case = world.case_of(sub)
    sign_in(client, world.users[role])
    att = client.get(f"/can-bo/ban/ho-so/{case.id}/dinh-kem/{sub.attachments[0].id}")
    contact = client.post(f"/can-bo/ban/ho-so/{case.id}/contact", data={"reason": "Hẹn xác minh hiện trường"})
    if board == "own":
        assert att.status_code == 200 and att.data.startswith(PDF[:20])
        assert contact.status_code == 200 and sub.contact.phone in contact.get_data(as_text=True)
        assert contact_views(db) == 1
    else:
        for resp in (att, contact):
            assert resp.status_code in (403, 404)
            assert_nothing_leaked(resp, sub, world)
        assert contact_views(db) == 0


@pytest.mark.parametrize("state", ["received", "in_review", "needs_info", "rejected"])
def test_case_page_refuses_a_submission_still_in_the_queue(client, db, world, state):
    """A case record on a submission that is not approved (the queue decides first) opens nothing."""
    sub = world.submission(state, "own")
    case = world.case_of(sub)
    sign_in(client, world.users["board_member"])
    att = client.get(f"/can-bo/ban/ho-so/{case.id}/dinh-kem/{sub.attachments[0].id}")
    contact = client.post(f"/can-bo/ban/ho-so/{case.id}/contact", data={"reason": "Xác minh"})
    for resp in (att, contact):
        assert resp.status_code in (403, 404)
        assert_nothing_leaked(resp, sub, world)
    assert contact_views(db) == 0


@pytest.mark.parametrize("reason", ["", "  "])
def test_case_page_contact_needs_a_reason(client, db, world, reason):
    sub = world.submission("approved", "own")
    case = world.case_of(sub)
    sign_in(client, world.users["board_member"])
    page = client.get(f"/can-bo/ban/ho-so/{case.id}").get_data(as_text=True)
    assert 'name="reason"' in page  # the case page asks for it
    resp = client.post(f"/can-bo/ban/ho-so/{case.id}/contact", data={"reason": reason})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 400 and "Vui lòng ghi lý do xem thông tin liên hệ" in html
    assert sub.contact.phone not in html and sub.contact.email not in html
    assert contact_views(db) == 0


def test_templates_offer_links_only_to_who_may_follow_them(client, world):
    """The case page shows the contact form and attachment links only when the predicate allows;
    the queue page (moderators) always."""
    sub = world.submission("approved", "own")
    case = world.case_of(sub)
    sign_in(client, world.users["board_member"])
    page = client.get(f"/can-bo/ban/ho-so/{case.id}").get_data(as_text=True)
    assert f"/dinh-kem/{sub.attachments[0].id}" in page and f"/ho-so/{case.id}/contact" in page
    sign_in(client, world.users["moderator"])
    page = client.get(f"/can-bo/kiem-duyet/{sub.id}").get_data(as_text=True)
    assert f"/tep/{sub.attachments[0].id}" in page and f"/{sub.id}/xem-lien-he" in page

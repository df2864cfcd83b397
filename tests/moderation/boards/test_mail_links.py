"""Every mail of a case's life links to PUBLIC_URL (issue 11, item 9), whether it is sent while
answering a request with a forged Host or from a command with no request at all (the digest)."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from moderation.boards.routing import route_approved_petition
from moderation.cases import triage
from moderation.maintenance import send_case_digest
from portal.outbox import OutboxMessage
from tests.fixtures.boards import make_petition, walk_to

PUBLIC = "https://ban-tt.example.vn/cong"
URL = re.compile(r"""(?:https?:)?//[^\s"'<>)]+""")


@pytest.fixture
def config_overrides():
    return {"PUBLIC_URL": PUBLIC}


def test_case_mails_link_to_public_url_only(app, db, board_setup):
    s = board_setup  # routed outside a request: the members' mails already carry PUBLIC_URL links
    with app.test_request_context("/", base_url="http://evil.example"):
        walk_to(s.case, s, "closed")
        triage.reopen_case(s.case, "Đường vẫn ngập sau khi sửa chữa")
        db.session.commit()
    late = route_approved_petition(make_petition(title="Cống vỡ lâu ngày"), s.moderator)
    late.created_at = dt.datetime(2026, 2, 2, 3, tzinfo=dt.UTC)  # overdue on the digest day
    db.session.commit()
    assert send_case_digest(on=dt.date(2026, 3, 6))
    db.session.commit()
    messages = db.session.scalars(select(OutboxMessage)).all()
    kinds = {m.idempotency_key.split(":")[0] for m in messages}
    assert {"case-routed", "case-reopened", "case-digest"} <= kinds
    assert len([m for m in messages if m.recipient == "dan@example.vn"]) == 3  # referred, answered, closed
    for m in messages:
        links = URL.findall(m.body)
        assert links, f"{m.idempotency_key} has no link:\n{m.body}"
        assert all(link.startswith(PUBLIC + "/") for link in links), (m.idempotency_key, links)
        assert "evil.example" not in m.body
    routed = next(m for m in messages if m.idempotency_key.startswith("case-routed"))
    assert f"{PUBLIC}/can-bo/ban/ho-so/{s.case.id}" in routed.body
    to_resident = [m.body for m in messages if m.recipient == "dan@example.vn"]
    assert all(f"{PUBLIC}/tra-cuu/{s.submission.receipt_code}" in body for body in to_resident)

"""Fixtures for the reception tests: residential groups, a staff user per role, sessions."""
from __future__ import annotations

import datetime as dt

import pytest

from portal.database import utcnow
from portal.extensions import db as _db
from portal.ward import ResidentialGroup

ROLES = ("admin", "editor", "moderator", "board_member", "board_head", "reception")


@pytest.fixture
def config_overrides():
    return {"FORM_MIN_FILL_SECONDS": 0, "RATELIMIT_ENABLED": False}


@pytest.fixture
def groups(app):
    rows = [ResidentialGroup(code=f"TDP0{i}", name=f"Tổ dân phố {i}", position=i) for i in range(1, 4)]
    _db.session.add_all(rows)
    _db.session.commit()
    return rows


@pytest.fixture
def make_session(app):
    """Factory: a committed reception session starting ``days`` from now (default tomorrow)."""
    from moderation.reception.models import ReceptionSession, SessionKind

    def _make(days: float = 1, capacity: int = 5, kind: SessionKind = SessionKind.chairman, **kw):
        start = utcnow() + dt.timedelta(days=days)
        s = ReceptionSession(kind=kind, host_name=kw.pop("host_name", "Trần Văn Chủ"),
                             host_position=kw.pop("host_position", "Chủ tịch UBND phường"),
                             starts_at=start, ends_at=start + dt.timedelta(hours=2),
                             place=kw.pop("place", "Hội trường UBND phường"), capacity=capacity, **kw)
        _db.session.add(s)
        _db.session.commit()
        return s

    return _make


def offline_form(**overrides) -> dict:
    data = {"channel": "reception", "received_on": "", "place": "Trụ sở UBND phường",
            "received_by": "Lê Thị Tiếp", "topic": "environment", "group": "TDP01",
            "title": "Cống thoát nước kiệt 7 bị tắc", "visibility": "anonymous",
            "description": "Cống thoát nước đầu kiệt 7 bị tắc nhiều ngày, nước thải tràn ra đường gây mùi hôi.",
            "name": "Phạm Văn Dân", "phone": "0905123456", "address": "Số 7 kiệt 7 Lê Lợi", "consent_contact": "y"}
    data.update(overrides)
    if not data["received_on"]:
        from moderation.cases.deadlines import today

        data["received_on"] = today().isoformat()
    return data

"""Fixtures for the submissions and moderation tests."""
from __future__ import annotations

import pytest

from mod_helpers import valid_petition
from portal.extensions import db as _db
from portal.ward import ResidentialGroup


@pytest.fixture
def groups(app):
    rows = []
    for i in range(1, 4):
        g = ResidentialGroup(code=f"TDP0{i}", name=f"Tổ dân phố {i}", position=i)
        _db.session.add(g)
        rows.append(g)
    _db.session.commit()
    return rows


@pytest.fixture
def petition(app, groups):
    """Factory: a stored petition (committed); returns the Submission."""
    from moderation.intake import find_by_code, submit_petition

    def _make(**overrides):
        code = submit_petition(valid_petition(**overrides))
        _db.session.commit()
        return find_by_code(code)

    return _make

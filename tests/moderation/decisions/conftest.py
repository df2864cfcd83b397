"""Fixtures of the decision tests: groups with household counts, and a matter factory."""
from __future__ import annotations

import datetime as dt

import pytest

from moderation.decisions import households
from portal.extensions import db as _db
from portal.ward import ResidentialGroup


@pytest.fixture
def ward(app):
    """Three groups with 120, 80 and 50 households counted yesterday."""
    from public_docs.disclosures.services import today

    rows = []
    for i, n in enumerate((120, 80, 50), 1):
        g = ResidentialGroup(code=f"TDP0{i}", name=f"Tổ dân phố {i}", position=i)
        _db.session.add(g)
        _db.session.flush()
        households.set_household_count(g, today() - dt.timedelta(days=1), n, "test")
        rows.append(g)
    _db.session.commit()
    return rows


@pytest.fixture
def make_matter(app, ward):
    from moderation.decisions import services
    from public_docs.disclosures.services import today

    def _make(groups=None, open_=True, **data):
        values = {"kind": "other", "title": "Làm mái che nhà sinh hoạt cộng đồng", "text": "Các hộ có đồng ý không?",
                  "method": "ballot", "opens_on": today().isoformat(),
                  "closes_on": (today() + dt.timedelta(days=10)).isoformat(),
                  "group_ids": [g.id for g in (groups or ward[:2])], **data}
        m = services.create_matter(values, "test")
        if open_:
            services.open_matter(m, "test")
        _db.session.commit()
        return m

    return _make

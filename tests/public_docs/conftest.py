"""Fixtures for the disclosure tests."""
from __future__ import annotations

import pytest

from public_docs.disclosures import services

from pd_helpers import valid_data


@pytest.fixture
def data():
    return valid_data


@pytest.fixture
def make_disclosure(db):
    """``make_disclosure(publish=True, **fields)`` → a committed disclosure."""
    counter = {"n": 0}

    def _make(publish: bool = True, files=(), **over):
        counter["n"] += 1
        over.setdefault("number", f"{100 + counter['n']}/TB-UBND")
        d = services.create_disclosure(valid_data(**over), actor="test", files=files)
        if publish:
            services.publish_disclosure(d, actor="test", secrecy_confirmed=True)
        db.session.commit()
        return d

    return _make

"""Search tests: fresh searchers around each test; disclosures written as rows (see
``tests/fixtures/disclosures.py``)."""
from __future__ import annotations

import functools

import pytest

from public_docs.search import engine


@pytest.fixture(autouse=True)
def _fresh_searchers():
    engine.close_all()
    yield
    engine.close_all()


@pytest.fixture
def make_disclosure(make_disclosure):
    """The search tests write disclosures as rows: ``make_disclosure(rows=True, ...)``."""
    return functools.partial(make_disclosure, rows=True)

"""Search fixtures: published disclosures written straight through the models, plus their
IndexChange rows (the services that normally write both belong to another package)."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest
from markupsafe import escape

from portal.database import utcnow
from portal.extensions import db as _db
from public_docs.disclosures.models import Attachment, Disclosure, DisclosureStatus, IndexChange

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _fresh_searchers():
    from public_docs.search import engine

    engine.close_all()
    yield
    engine.close_all()


@pytest.fixture
def make_disclosure(app):
    """``make_disclosure(title=..., body=..., ...)`` → a committed, published disclosure + IndexChange."""

    def _make(title="Thông báo", body="", summary="", number=None, category="other", form="Thông báo",
              issuer="UBND phường Hòa An", issued_on=dt.date(2026, 3, 1), status=DisclosureStatus.published,
              attachment_text=None, groups=(), commit=True):
        d = Disclosure(
            number=number or f"{next(_numbers)}/TB-UBND", title=title, summary=summary, body_source=body,
            body_html=f"<p>{escape(body)}</p>" if body else "", category=category, form=form, issuer=issuer,
            issued_on=issued_on, status=status,
            published_at=utcnow() if status != DisclosureStatus.draft else None,
        )
        d.groups = list(groups)
        _db.session.add(d)
        _db.session.flush()
        if attachment_text is not None:
            _db.session.add(Attachment(disclosure_id=d.id, filename="phu-luc.pdf", content_type="application/pdf",
                                       size=100, sha256="0" * 64, text=attachment_text))
        _db.session.add(IndexChange(doc_id=d.id, op="upsert"))
        if commit:
            _db.session.commit()
        return d

    return _make


@pytest.fixture
def change(app):
    """Record an IndexChange for ``disclosure`` (as the services do) and commit."""

    def _change(disclosure, op="upsert"):
        _db.session.add(IndexChange(doc_id=disclosure.id, op=op))
        _db.session.commit()

    return _change


def ids(result) -> list[int]:
    return [h.doc_id for h in result.hits]

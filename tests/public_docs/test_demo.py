"""The demo loader: 40+ disclosures covering every category, attachments, consultation open today."""
from __future__ import annotations

from sqlalchemy import func, select

from portal.cli import load_demo_staff
from public_docs.disclosures import services
from public_docs.disclosures.demo import load_demo_disclosures
from public_docs.disclosures.models import CATEGORIES, Attachment, Disclosure, DisclosureStatus


def test_demo_loader_is_complete_and_idempotent(db, client):
    load_demo_staff()
    created = load_demo_disclosures()
    db.session.commit()
    assert created >= 40
    public = db.session.scalars(services.public_query()).all()
    assert len(public) >= 40
    assert {d.category for d in public} == set(CATEGORIES)
    assert any(d.category == "budget" and d.budget_kind == "final_accounts" for d in public)
    assert any(d.is_project for d in public)
    assert any(d.status == DisclosureStatus.withdrawn for d in public)
    assert any(d.version_no > 1 for d in public)
    conventions = [d for d in public if d.category == "conventions" and services.is_open_for_comments(d)]
    assert conventions
    kinds = set(db.session.scalars(select(Attachment.content_type)))
    assert {"application/pdf"} <= kinds and any("wordprocessingml" in k for k in kinds)
    pdf = db.session.scalar(select(Attachment).where(Attachment.content_type == "application/pdf"))
    assert len(pdf.text) > 50  # generated PDFs carry real, extractable Vietnamese text
    assert load_demo_disclosures() == 0
    assert db.session.scalar(select(func.count()).select_from(Disclosure)) == created
    assert client.get("/").status_code == 200
    assert client.get("/cong-khai").status_code == 200
    for d in public[:5]:
        assert client.get(f"/cong-khai/{d.id}").status_code == 200

"""A resident finds a published disclosure at /tim-kiem by typing without diacritics."""
from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from portal.database import utcnow
from portal.extensions import db
from public_docs import search
from public_docs.disclosures.models import Disclosure, DisclosureStatus, IndexChange


def test_resident_finds_disclosure_without_diacritics(page, live_app, live_server):
    with live_app.app_context():
        d = Disclosure(
            number="79/KH-UBND", title="Kế hoạch nạo vét cống thoát nước mùa mưa bão",
            summary="Lịch nạo vét hệ thống thoát nước tại các tổ dân phố.",
            body_source="Đơn vị thi công nạo vét cống thoát nước trên đường Tôn Đức Thắng.",
            body_html="<p>Đơn vị thi công nạo vét cống thoát nước trên đường Tôn Đức Thắng.</p>",
            category="projects", form="Kế hoạch", issuer="UBND phường Hòa An", issued_on=dt.date(2026, 9, 1),
            status=DisclosureStatus.published, published_at=utcnow(),
        )
        other = Disclosure(
            number="80/TB-UBND", title="Thông báo lịch tiếp công dân", category="other", form="Thông báo",
            issuer="UBND phường Hòa An", status=DisclosureStatus.published, published_at=utcnow(),
        )
        db.session.add_all([d, other])
        db.session.flush()
        db.session.add_all([IndexChange(doc_id=d.id), IndexChange(doc_id=other.id)])
        db.session.commit()
        search.sync()
        doc_id = d.id

    page.goto(live_server + "/tim-kiem")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tìm kiếm văn bản công khai")
    page.get_by_label("Từ khóa hoặc số, ký hiệu văn bản").fill("nao vet cong thoat nuoc")
    page.get_by_role("button", name="Tìm", exact=True).click()
    expect(page.locator(".result-count")).to_contain_text("Tìm thấy 1 văn bản")
    hit = page.locator(".search-hits li").first
    expect(hit.locator("mark").first).to_have_text("nạo")
    expect(page.locator(".search-hits")).not_to_contain_text("tiếp công dân")
    link = hit.get_by_role("link")
    expect(link).to_have_attribute("href", f"/cong-khai/{doc_id}")
    link.click()
    expect(page).to_have_url(f"{live_server}/cong-khai/{doc_id}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("nạo vét cống thoát nước")

    # a document number typed in lower case, without diacritics
    page.goto(live_server + "/tim-kiem?q=79%2Fkh-ubnd")
    expect(page.locator(".search-hits li").first.get_by_role("link")).to_have_attribute("href", f"/cong-khai/{doc_id}")

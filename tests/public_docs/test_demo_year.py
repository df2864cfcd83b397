"""Issue 18 item 18: the demo is a believable year of a ward. Budget totals are the sums of their
tables, dates are spread over the past year (never in the future, each step after the one before),
no real government domain appears, and a closed consultation shows its published synthesis."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from portal.database import utcnow
from portal.ward import local_date, today


@pytest.fixture
def demo(app, db):
    from portal.cli import load_demo_staff

    load_demo_staff()
    for loader in app.extensions["demo_loaders"]:
        loader()
    db.session.commit()
    return db


def _number(cell: str) -> int | None:
    text = cell.strip().strip("*").strip()
    return int(text.replace(".", "")) if re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})*", text) else None


def _tables(markdown: str) -> list[list[list[str]]]:
    """The Markdown tables of a body: rows of cells, the header and the rule left out."""
    tables, current = [], []
    for line in markdown.splitlines() + [""]:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(set(c) <= set("-: ") for c in cells):
                current.append(cells)
        elif current:
            tables.append(current[1:])  # without the header row
            current = []
    return tables


def test_budget_totals_are_the_sums_of_their_tables(demo):
    from public_docs.disclosures.models import Disclosure

    budget = demo.session.scalars(select(Disclosure).where(Disclosure.category == "budget")).all()
    assert {d.budget_kind for d in budget} >= {"draft_estimate", "approved_estimate", "execution_quarter",
                                                "execution_half_year", "final_accounts", "audit"}
    assert all(d.budget_year for d in budget)
    checked = 0
    for d in budget:
        for rows in _tables(d.body_source):
            totals = [r for r in rows if r[0].strip("*").startswith("Tổng")]
            assert len(totals) == 1, (d.number, rows)
            parts = [r for r in rows if r is not totals[0]]
            for col in range(1, len(totals[0])):
                stated = _number(totals[0][col])
                assert stated is not None, (d.number, totals[0])
                assert stated == sum(_number(r[col]) for r in parts), (d.number, totals[0][0], col)
            checked += 1
    assert checked >= 10
    resolution = next(d for d in budget if d.number == "08/NQ-HĐND")
    assert "tổng chi 18,2 tỷ đồng" in resolution.summary and "| **Tổng chi ngân sách phường** | **18.200** |" \
        in resolution.body_source
    # the summary states the year's figure the tables give
    final = next(d for d in budget if d.number == "41/QĐ-UBND")
    assert "tổng thu 17.482 triệu đồng, tổng chi 16.905 triệu đồng" in final.summary
    assert "Kết dư ngân sách: 577 triệu đồng" in final.body_source


def test_dates_are_spread_over_the_past_year(demo):
    from moderation.cases.models import Case, CaseEvent
    from moderation.intake.models import Submission, SubmissionEvent, SubmissionKind
    from public_docs.disclosures.models import Disclosure, DisclosureVersion
    from public_docs.disclosures.services.posting import is_late, publication_delay

    now = utcnow()
    public = demo.session.scalars(select(Disclosure).where(Disclosure.published_at.is_not(None))).all()
    published = [local_date(d.published_at) for d in public]
    assert max(published) - min(published) >= dt.timedelta(days=183)
    assert all(d.published_at <= now for d in public)
    assert [d.number for d in public if d.issued_on > local_date(d.published_at)] == []
    delays = [publication_delay(d) for d in public]
    assert sum(1 for x in delays if x <= 2) >= 0.9 * len(delays)  # mostly 0-2 working days
    assert any(is_late(d) for d in public)  # and one late, flagged
    assert len({local_date(d.published_at) for d in public}) >= 20  # not one load day
    for d in public:
        assert d.posting_start == local_date(d.published_at)
        versions = demo.session.scalars(select(DisclosureVersion).where(DisclosureVersion.disclosure_id == d.id)
                                        .order_by(DisclosureVersion.version_no)).all()
        times = [v.created_at for v in versions]
        assert times == sorted(times) and times[0] == d.published_at and times[-1] <= now
        if d.withdrawn_at is not None:
            assert d.published_at < d.withdrawn_at <= now

    petitions = demo.session.scalars(select(Submission).where(Submission.kind == SubmissionKind.petition)).all()
    created = [p.created_at for p in petitions]
    assert max(created) - min(created) >= dt.timedelta(days=90)
    assert all(c <= now for c in created)
    for p in petitions:
        events = demo.session.scalars(select(SubmissionEvent).where(SubmissionEvent.submission_id == p.id)
                                      .order_by(SubmissionEvent.id)).all()
        times = [e.created_at for e in events]
        assert times and times[0] >= p.created_at and times == sorted(times) and times[-1] <= now, p.title
    cases = demo.session.scalars(select(Case)).all()
    assert len(cases) >= 3
    for case in cases:
        assert case.created_at >= case.submission.created_at
        events = demo.session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id)
                                      .order_by(CaseEvent.id)).all()
        times = [e.created_at for e in events]
        assert times == sorted(times) and all(case.created_at <= t <= now for t in times)
        for name in ("acknowledged_at", "referred_at", "answered_at", "closed_at", "rated_at"):
            value = getattr(case, name)
            assert value is None or case.created_at <= value <= now, name
        for referral in case.referrals:
            assert referral.sent_on <= today()
    closed = [c for c in cases if c.closed_at is not None]
    assert closed and min(local_date(c.closed_at) for c in closed) < today() - dt.timedelta(days=30)


def test_no_real_government_domain_in_the_demo(app, demo, client):
    from moderation.intake.models import Submission
    from public_docs.disclosures.models import Attachment, Disclosure

    texts = []
    for d in demo.session.scalars(select(Disclosure)):
        texts += [d.title, d.summary, d.body_source]
    texts += [a.text for a in demo.session.scalars(select(Attachment))]
    for s in demo.session.scalars(select(Submission)):
        texts += [s.title, s.description]
    texts += [str(v) for k, v in app.config.items() if k.startswith(("WARD_", "CONTACT_", "RECEPTION_"))]
    texts.append(client.get("/").get_data(as_text=True))
    joined = "\n".join(texts)
    assert "gov.vn" not in joined
    assert "example.vn" in app.config["WARD_EMAIL"]
    assert "Trung tâm Phục vụ hành chính công phường" in joined
    assert not re.search(r"[Bb]ộ phận một cửa", joined)
    assert "Bính Ngọ" not in joined and "Tết Nguyên đán Đinh Mùi 2027" in joined


def test_a_closed_consultation_shows_its_synthesis(demo, client):
    from moderation.consultations import synthesis
    from public_docs.disclosures.models import Disclosure

    d = demo.session.scalar(select(Disclosure).where(Disclosure.number == "150/DT-UBND"))
    assert d.comments_open_until < today() and synthesis.is_closed(d)
    view = synthesis.synthesis_view(d)
    assert view is not None and view["total"] == 5
    assert view["counts"] == {"accepted": 3, "partly": 1, "not_accepted": 1}
    result = view["synthesis"]
    assert local_date(result.published_at) > d.comments_open_until and result.published_at <= utcnow()
    html = client.get(f"/cong-khai/{d.id}").get_data(as_text=True)
    assert "điểm trông giữ xe máy phía Tây chợ" in html
    assert "Tiếp thu một phần" in html

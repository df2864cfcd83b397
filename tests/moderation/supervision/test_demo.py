"""The supervision demo: what the issue lists, loaded by ``flask demo load``, twice without doubling."""
from sqlalchemy import func, select

from moderation.supervision.models import (
    InvestmentDocument,
    ProgressReport,
    Supervision,
)
from moderation.supervision.models import SupervisionStatus as S
from moderation.supervision.services import recommendation_status
from public_docs.disclosures.models import Disclosure


def test_demo_load_builds_supervisions(runner, db, client):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    sups = {s.status: s for s in db.session.scalars(select(Supervision))}
    assert set(sups) == {S.concluded, S.notified}
    concluded = sups[S.concluded]
    assert sorted(recommendation_status(r) for r in concluded.recommendations) == ["answered", "overdue"]
    d = db.session.get(Disclosure, concluded.conclusion_disclosure_id)
    assert d.category == "inspection" and d.issuer == concluded.board.name
    assert sups[S.notified].notice_sent_on is not None and sups[S.notified].disclosure_id is not None
    docs = db.session.scalars(select(InvestmentDocument)).all()
    assert len(docs) == 4 and sum(1 for x in docs if x.received_on) == 2
    assert db.session.scalar(select(func.count(ProgressReport.id))) == 1
    body = client.get("/api/v1/supervisions").get_json()
    assert body["total"] == 2
    assert ("kiến nghị 02 nội dung, đã được tiếp thu, giải quyết 01 nội dung"
            in client.get("/thong-ke").get_data(as_text=True))
    runner.invoke(args=["demo", "load"])
    assert db.session.scalar(select(func.count(Supervision.id))) == 2

"""``flask demo load`` fills the reception: offline petitions over several channels, a past
dialogue with its outcome and petitions, upcoming sessions of several kinds with registrations."""
from __future__ import annotations

from sqlalchemy import select

from moderation.intake.models import Submission
from moderation.reception.models import OfflineReceipt, ReceptionSession, Registration, SessionStatus
from portal.database import utcnow


def test_demo_load_builds_the_reception(runner, db, client):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "tiepdan@demo.phuong.vn" in result.output
    offline = db.session.scalars(select(Submission).join(OfflineReceipt,
                                                         OfflineReceipt.submission_id == Submission.id)).all()
    assert len(offline) >= 10 and len({s.channel for s in offline}) >= 4
    sessions = db.session.scalars(select(ReceptionSession)).all()
    held = [s for s in sessions if s.status == SessionStatus.held]
    assert held and held[0].outcome and any(
        r.session_id == held[0].id for r in db.session.scalars(select(OfflineReceipt)))
    upcoming = [s for s in sessions if s.starts_at > utcnow() and s.status == SessionStatus.scheduled]
    assert len(upcoming) >= 6 and len({s.kind for s in upcoming}) >= 2
    assert db.session.scalar(select(db.func.count()).select_from(Registration)) >= 3
    html = client.get("/tiep-cong-dan").get_data(as_text=True)
    assert "Thu gom rác tổ 2 không đúng giờ" in html and "Đinh Văn Tâm" not in html
    from moderation.reception.models import ReportSupplement

    assert db.session.scalar(select(ReportSupplement)).meetings_held == 12
    assert runner.invoke(args=["demo", "load"]).exit_code == 0  # twice: nothing doubled
    assert len(db.session.scalars(select(ReceptionSession)).all()) == len(sessions)

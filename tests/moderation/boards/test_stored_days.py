"""The ward-local days stored with petitions and cases (what the statistics group by): in the ward's
time zone, kept when the timestamp changes, and set by every write path (ORM, bulk inserts, the
reception desk, the API, the demo)."""
import datetime as dt

from sqlalchemy import insert, select

from moderation import reports
from moderation.boards.routing import get_inspection_board
from moderation.cases.models import Case, CaseStatus
from moderation.intake.models import Channel, Submission, SubmissionKind, SubmissionStatus
from portal.extensions import db as _db
from portal.ward import local_date
from tests.fixtures.boards import make_petition
from tests.fixtures.submissions import valid_petition
from tests.moderation.reception.conftest import offline_form

UTC = dt.UTC
# 00:30 on 1 November 2026 in Hồ Chí Minh City (UTC+7) is 17:30 UTC on 31 October.
EARLY_NOVEMBER = dt.datetime(2026, 10, 31, 17, 30, tzinfo=UTC)


def _all_days_follow_the_timestamps():
    subs = _db.session.scalars(select(Submission)).all()
    cases = _db.session.scalars(select(Case)).all()
    assert subs
    for sub in subs:
        assert sub.created_day == local_date(sub.created_at), sub.receipt_code
    for case in cases:
        assert case.created_day == local_date(case.created_at)
        assert case.responded_day == (local_date(case.responded_at) if case.responded_at else None)
    return subs, cases


def test_a_petition_after_local_midnight_counts_on_the_local_day(app, db):
    sub = make_petition(created_at=EARLY_NOVEMBER)
    case = Case(submission_id=sub.id, board_id=get_inspection_board().id, status=CaseStatus.answered,
                created_at=EARLY_NOVEMBER, responded_at=dt.datetime(2026, 11, 10, 17, 30, tzinfo=UTC))
    _db.session.add(case)
    _db.session.commit()
    assert sub.created_day == dt.date(2026, 11, 1)
    assert case.created_day == dt.date(2026, 11, 1) and case.responded_day == dt.date(2026, 11, 11)

    november = reports.compute_statistics(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert november["totals"]["received"] == 1 and november["answered_count"] == 1
    assert november["by_month"][0] == {"month": "2026-11", "count": 1}
    assert november["median_working_days_to_answer"] is not None
    october = reports.compute_statistics(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert october["totals"]["received"] == 0 and sum(m["count"] for m in october["by_month"]) == 0
    every = reports.compute_statistics()
    assert [m for m in every["by_month"] if m["count"]] == [{"month": "2026-11", "count": 1}]

    # One minute before local midnight: back in October, the day and the figures follow.
    sub.created_at = dt.datetime(2026, 10, 31, 16, 59, tzinfo=UTC)
    case.responded_at = None
    _db.session.commit()
    assert sub.created_day == dt.date(2026, 10, 31) and case.responded_day is None
    october = reports.compute_statistics(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert october["by_month"][-1] == {"month": "2026-10", "count": 1}
    assert reports.compute_statistics(dt.date(2026, 11, 1), dt.date(2026, 11, 30))["answered_count"] == 0


def test_bulk_inserts_get_the_local_day_from_the_column_default(app, db):
    rows = [dict(receipt_code=f"KN-BULK-{i}", kind=SubmissionKind.petition, status=SubmissionStatus.received,
                 channel=Channel.web, created_at=EARLY_NOVEMBER + dt.timedelta(hours=i)) for i in range(8)]
    _db.session.execute(insert(Submission), rows)
    _db.session.commit()
    days = dict(_db.session.execute(select(Submission.receipt_code, Submission.created_day)).all())
    assert days["KN-BULK-0"] == dt.date(2026, 11, 1) and days["KN-BULK-7"] == dt.date(2026, 11, 1)
    _all_days_follow_the_timestamps()


def test_reception_api_and_demo_set_the_days(app, db, client, runner, make_user, groups):
    from moderation.reception import services

    clerk = make_user("reception", name="Lê Thị Tiếp")
    services.enter_offline_petition(clerk, offline_form(channel="hotline"))
    _db.session.commit()
    assert client.post("/api/v1/petitions", json=valid_petition(email="k@example.com", consent=True)).status_code == 201
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    _db.session.expire_all()
    subs, cases = _all_days_follow_the_timestamps()
    channels = {s.channel for s in subs}
    assert {Channel.hotline, Channel.api} <= channels and len(subs) > 10
    assert cases and any(c.responded_day for c in cases)

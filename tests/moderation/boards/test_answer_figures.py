"""The answer's working days stored on the case (what the statistics aggregate): set when the case
is answered, followed by a change of the holiday calendar for the cases answered on or after the
changed day, and equal to what the migration's backfill computes."""
import datetime as dt

from sqlalchemy import select

from moderation import reports
from moderation.boards import roster
from moderation.boards.routing import get_inspection_board
from moderation.cases import answers
from moderation.cases.models import Case, CaseStatus, Referral
from portal.extensions import db as _db
from portal.settings import Setting
from tests.fixtures.boards import make_petition

UTC = dt.UTC
YEAR = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def _stored(case_id: int) -> tuple:
    return _db.session.execute(select(Case.answer_day, Case.response_working_days, Case.answered_in_time,
                                      Case.decision_working_days).where(Case.id == case_id)).one()


def _board_answered(received: dt.datetime, responded: dt.datetime) -> Case:
    sub = make_petition(created_at=received)
    case = Case(submission_id=sub.id, board_id=get_inspection_board().id, status=CaseStatus.new,
                created_at=received)
    _db.session.add(case)
    _db.session.commit()
    assert _stored(case.id) == (None, None, None, None)  # not answered yet
    case.status, case.responded_at = CaseStatus.answered, responded
    _db.session.commit()
    return case


def test_a_holiday_change_recomputes_the_stored_days_and_the_figures(app, db):
    _db.session.add(Setting(key="SLA_BOARD_DECISION_DAYS", value=4))
    # Received Monday 1 June 2026, answered by the Board on Monday 8 June (10:00 in the ward).
    late = _board_answered(dt.datetime(2026, 6, 1, 3, tzinfo=UTC), dt.datetime(2026, 6, 8, 3, tzinfo=UTC))
    # Answered before the holiday: never changed by it.
    early = _board_answered(dt.datetime(2026, 5, 25, 3, tzinfo=UTC), dt.datetime(2026, 5, 27, 3, tzinfo=UTC))
    assert _stored(late.id) == (dt.date(2026, 6, 8), 5, None, 4)
    assert _stored(early.id) == (dt.date(2026, 5, 27), 2, None, 1)
    before = reports.compute_statistics(*YEAR)
    assert before["median_working_days_to_answer"] == 3.5
    assert before["answered_on_time_share"] == 0.5  # 4 working days before the answer: late

    roster.add_holiday(dt.date(2026, 6, 3), "Nghỉ bù", "admin")
    _db.session.commit()
    assert _stored(late.id) == (dt.date(2026, 6, 8), 4, None, 3)
    assert _stored(early.id) == (dt.date(2026, 5, 27), 2, None, 1)
    after = reports.compute_statistics(*YEAR)
    assert after["median_working_days_to_answer"] == 3.0
    assert after["answered_on_time_share"] == 1.0

    roster.remove_holiday(dt.date(2026, 6, 3), "admin")
    _db.session.commit()
    assert _stored(late.id) == (dt.date(2026, 6, 8), 5, None, 4)
    assert reports.compute_statistics(*YEAR) == before


def test_the_authority_answer_and_the_backfill(app, db):
    sub = make_petition(created_at=dt.datetime(2026, 6, 1, 3, tzinfo=UTC))
    case = Case(submission_id=sub.id, board_id=get_inspection_board().id, status=CaseStatus.referred,
                created_at=sub.created_at, responded_at=dt.datetime(2026, 6, 2, 3, tzinfo=UTC))
    _db.session.add(case)
    _db.session.flush()
    _db.session.add(Referral(case_id=case.id, agency="UBND", sent_on=dt.date(2026, 6, 2),
                             answer_due=dt.date(2026, 6, 10), answered_on=dt.date(2026, 6, 12)))
    _db.session.commit()
    assert _stored(case.id) == (dt.date(2026, 6, 12), 9, False, None)  # the authority's answer, late
    case.referrals[0].answered_on = dt.date(2026, 6, 9)
    _db.session.commit()
    assert _stored(case.id) == (dt.date(2026, 6, 9), 6, True, None)
    kept = _stored(case.id)
    _db.session.execute(Case.__table__.update().values(answer_day=None, response_working_days=None,
                                                       answered_in_time=None, decision_working_days=None))
    answers.refresh(_db.session.connection())  # what migration 9b4c2e7f1a30 runs
    assert _stored(case.id) == kept

"""Reference data read once per request (``portal/requestcache.py``): the holiday calendar and the
settings are read from the database once, and a change made in the same session is seen at once."""
from __future__ import annotations

import datetime as dt

from moderation.cases import deadlines
from moderation.cases.models import Holiday
from portal.extensions import db
from portal.settings import get_setting, set_setting


def test_due_dates_read_the_holidays_and_settings_once(app, count_queries):
    start = dt.date(2030, 3, 4)
    with count_queries() as statements:
        dues = [deadlines.due_date("board_decision", start + dt.timedelta(days=i)) for i in range(100)]
        badges = [deadlines.clock(due, on=start) for due in dues]
    assert len(statements) == 2  # the holidays, the stored settings
    assert len(badges) == 100
    # The table gives what the day-by-day walk gives.
    off = deadlines.holidays()
    assert dues == [deadlines.add_working_days(start + dt.timedelta(days=i), deadlines.sla_days("board_decision"), off)
                    for i in range(100)]
    assert [b["days"] for b in badges] == [deadlines.working_days_between(start, d, off) for d in dues]


def test_a_holiday_added_or_removed_counts_at_once(app):
    monday = dt.date(2030, 3, 4)  # a Monday
    assert deadlines.add_working_days(monday - dt.timedelta(days=1), 1) == monday
    db.session.add(Holiday(day=monday, name="Ngày nghỉ thử"))  # not flushed yet
    assert monday in deadlines.holidays()
    assert deadlines.add_working_days(monday - dt.timedelta(days=1), 1) == monday + dt.timedelta(days=1)
    db.session.rollback()
    assert monday not in deadlines.holidays()
    assert deadlines.add_working_days(monday - dt.timedelta(days=1), 1) == monday
    db.session.add(Holiday(day=monday, name="Ngày nghỉ thử"))
    db.session.commit()
    assert deadlines.working_days_between(monday - dt.timedelta(days=3), monday) == 0
    db.session.delete(db.session.get(Holiday, monday))
    db.session.flush()
    assert monday not in deadlines.holidays()
    assert deadlines.working_days_between(monday - dt.timedelta(days=3), monday) == 1


def test_a_setting_changed_counts_at_once(app):
    before = get_setting("SLA_BOARD_DECISION_DAYS", app.config["SLA_BOARD_DECISION_DAYS"])
    set_setting("SLA_BOARD_DECISION_DAYS", before + 3)
    assert get_setting("SLA_BOARD_DECISION_DAYS") == before + 3
    assert deadlines.sla_days("board_decision") == before + 3
    db.session.commit()
    set_setting("SLA_BOARD_DECISION_DAYS", before + 4)
    assert get_setting("SLA_BOARD_DECISION_DAYS") == before + 4
    db.session.rollback()
    assert get_setting("SLA_BOARD_DECISION_DAYS") == before + 3


def test_each_request_reads_the_holidays_afresh(app, client, make_user, login_as):
    """A holiday committed by another process between two requests is seen by the second."""
    from sqlalchemy import create_engine, insert

    login_as("admin")
    client.get("/can-bo/ban/ngay-nghi")
    assert dt.date(2031, 5, 5) not in deadlines.holidays()
    engine = create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
    with engine.begin() as conn:  # another connection, as another worker would
        conn.execute(insert(Holiday.__table__).values(day=dt.date(2031, 5, 5), name="Ngày nghỉ khác"))
    engine.dispose()
    db.session.commit()  # end this session's transaction, as the end of a request does
    r = client.get("/can-bo/ban/ngay-nghi")
    assert "Ngày nghỉ khác" in r.get_data(as_text=True)
    assert dt.date(2031, 5, 5) in deadlines.holidays()

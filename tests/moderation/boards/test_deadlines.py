import datetime as dt

from moderation.cases import deadlines
from moderation.cases.models import Holiday


def test_working_days_skip_tet_and_weekends(db):
    # Thursday 12/2/2026: Friday 13 counts, Tết runs 14–22/2, Monday 23/2 is the second working day.
    assert deadlines.add_working_days(dt.date(2026, 2, 12), 2) == dt.date(2026, 2, 23)
    assert deadlines.add_working_days(dt.date(2026, 2, 13), 1) == dt.date(2026, 2, 23)
    # Friday → Monday over a weekend
    assert deadlines.add_working_days(dt.date(2026, 3, 6), 1) == dt.date(2026, 3, 9)
    assert deadlines.working_days_between(dt.date(2026, 2, 12), dt.date(2026, 2, 24)) == 3
    assert deadlines.working_days_between(dt.date(2026, 2, 24), dt.date(2026, 2, 12)) == -3
    assert not deadlines.is_working_day(dt.date(2026, 2, 17))
    assert not deadlines.is_working_day(dt.date(2026, 9, 2))
    # Tết 2027 (4–10/2)
    assert deadlines.add_working_days(dt.date(2027, 2, 3), 1) == dt.date(2027, 2, 11)


def test_admin_added_holiday_counts(db):
    assert deadlines.add_working_days(dt.date(2026, 3, 9), 1) == dt.date(2026, 3, 10)
    db.session.add(Holiday(day=dt.date(2026, 3, 10), name="Nghỉ bù"))
    db.session.flush()
    assert deadlines.add_working_days(dt.date(2026, 3, 9), 1) == dt.date(2026, 3, 11)


def test_due_dates_and_clock(db):
    # Board acknowledgement: 5 working days; decision 15; authority 30 calendar days.
    assert deadlines.due_date("board_ack", dt.date(2026, 2, 12)) == dt.date(2026, 2, 26)
    assert deadlines.due_date("authority", dt.date(2026, 2, 12)) == dt.date(2026, 3, 14)
    assert deadlines.clock(dt.date(2026, 3, 10), on=dt.date(2026, 3, 11))["state"] == "overdue"
    assert deadlines.clock(dt.date(2026, 3, 12), on=dt.date(2026, 3, 11))["state"] == "due"
    assert deadlines.clock(dt.date(2026, 3, 20), on=dt.date(2026, 3, 11))["state"] == "ok"


def test_sla_setting_overrides_config(db):
    from portal.settings import set_setting

    set_setting("SLA_BOARD_ACK_DAYS", 2, actor="test")
    assert deadlines.due_date("board_ack", dt.date(2026, 3, 9)) == dt.date(2026, 3, 11)

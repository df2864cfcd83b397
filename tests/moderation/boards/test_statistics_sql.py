"""The statistics computed with SQL aggregates equal, figure for figure, the row-by-row definition
they replaced (kept below as the reference), on a random data set full of edge cases; they are
cached per content version and follow every change, in this process and in another one."""
import datetime as dt
import random
import statistics as pystats
from collections import Counter

import pytest
from sqlalchemy import select, update

from moderation import reports
from moderation.boards.routing import get_inspection_board
from moderation.cases import deadlines, triage
from moderation.cases.models import Case, CaseStatus, Holiday, Referral
from moderation.intake.models import Channel, Submission, SubmissionKind, SubmissionStatus, Topic
from moderation.reception.stats import reception_figures
from moderation.reports.figures import _intake_redirects, _month_range, _period_bounds
from portal import audit
from portal.audit import AuditEvent
from portal.extensions import db as _db
from portal.i18n import N_
from portal.settings import Setting
from portal.ward import ResidentialGroup
from tests.fixtures.boards import make_petition
from tests.fixtures.database import count_statements

UTC = dt.UTC


# --------------------------------------------------------------------------- the reference


def reference_statistics(start=None, end=None) -> dict:
    """The figures as they were computed before (one petition, one case at a time)."""
    lo, hi = _period_bounds(start, end)
    q = select(Submission).where(Submission.kind == SubmissionKind.petition)
    if lo is not None:
        q = q.where(Submission.created_at >= lo)
    if hi is not None:
        q = q.where(Submission.created_at < hi)
    subs = list(_db.session.scalars(q.order_by(Submission.created_at)))
    ids = [s.id for s in subs]
    cases = {c.submission_id: c for c in _db.session.scalars(select(Case).where(Case.submission_id.in_(ids or [-1])))}
    topics = {t.id: t.name for t in _db.session.scalars(select(Topic))}
    groups = {g.id: g.name for g in _db.session.scalars(select(ResidentialGroup))}
    st = Counter(s.status for s in subs)
    answer_date, answered_on_time = reports.answer_date, reports.answered_on_time
    totals = {
        "received": len(subs),
        "approved": st[SubmissionStatus.approved],
        "rejected": st[SubmissionStatus.rejected],
        "redirected": st[SubmissionStatus.redirected],
        "redirected_at_intake": _intake_redirects(start, end),
        "duplicate": st[SubmissionStatus.duplicate],
        "pending": st[SubmissionStatus.received] + st[SubmissionStatus.in_review] + st[SubmissionStatus.needs_info],
        "referred": sum(1 for c in cases.values() if c.referrals),
        "answered": sum(1 for c in cases.values() if answer_date(c) is not None),
        "closed": sum(1 for c in cases.values() if c.status == CaseStatus.closed),
    }
    off = deadlines.holidays()
    durations, on_time = [], []
    for sub in subs:
        case = cases.get(sub.id)
        if case is None or answer_date(case) is None:
            continue
        durations.append(deadlines.working_days_between(deadlines.local_date(sub.created_at), answer_date(case), off))
        on_time.append(bool(answered_on_time(case)))
    ratings = [c.rating for c in cases.values() if c.rating is not None]

    def breakdown(key):
        counter = Counter(key(s) for s in subs)
        return [{"label": label, "count": n} for label, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]

    months = Counter(deadlines.local_date(s.created_at).strftime("%Y-%m") for s in subs)
    channels = Counter(s.channel.value for s in subs)
    redirects = Counter()
    for event in _db.session.scalars(select(AuditEvent).where(AuditEvent.action == "intake.redirect")):
        if (lo is None or event.created_at >= lo) and (hi is None or event.created_at < hi):
            redirects[event.details.get("channel") or "web"] += 1
    return {
        "period": {"start": start.isoformat() if start else None, "end": end.isoformat() if end else None},
        "totals": totals,
        "by_channel": {c.value: channels[c.value] for c in Channel},
        "redirected_at_intake_by_channel": dict(sorted(redirects.items())),
        "reception": reception_figures(start, end),
        "by_month": [{"month": m, "count": months.get(m, 0)} for m in _month_range(start, end, months)],
        "by_topic": breakdown(lambda s: topics.get(s.topic_id, "Chưa phân loại")),
        "by_group": breakdown(lambda s: groups.get(s.group_id, N_("Không xác định"))),
        "median_working_days_to_answer": (float(pystats.median(durations)) if durations else None),
        "answered_on_time_share": (round(sum(on_time) / len(on_time), 4) if on_time else None),
        "answered_count": len(durations),
        "average_rating": (round(sum(ratings) / len(ratings), 2) if ratings else None),
        "ratings_count": len(ratings),
    }


# --------------------------------------------------------------------------- a random data set


def _moment(rng: random.Random) -> dt.datetime:
    day = dt.date(2025, 11, 20) + dt.timedelta(days=rng.randrange(0, 480))
    edge = rng.random()
    if edge < 0.15:  # the last instant of a Vietnamese day, or its first one
        t = dt.time(16, 59, 59, 999_999)
    elif edge < 0.3:
        t = dt.time(17, 0, 0)
    else:
        t = dt.time(rng.randrange(24), rng.randrange(60), rng.randrange(60), rng.randrange(1_000_000))
    return dt.datetime.combine(day, t, tzinfo=UTC)


def build_dataset(rng: random.Random, n: int = 160) -> None:
    deadlines.seed_holidays()
    _db.session.add(Holiday(day=dt.date(2026, 6, 3), name="Ngày nghỉ thử"))
    names = ["Đất đai", "Môi trường", "Môi trường", "An ninh"]  # two topics of one name: one label
    topics = [Topic(code=f"sx{i}", name=name) for i, name in enumerate(names)]
    groups = [ResidentialGroup(code=f"SX{i}", name=f"Tổ dân phố {i}", position=i) for i in range(3)]
    _db.session.add_all(topics + groups)
    _db.session.flush()
    board = get_inspection_board()
    statuses = ["approved"] * 6 + ["rejected", "redirected", "duplicate", "received", "in_review", "needs_info",
                                   "withdrawn"]
    for i in range(n):
        created = _moment(rng)
        sub = make_petition(title=f"Kiến nghị {i}", status=rng.choice(statuses), created_at=created,
                            topic=rng.choice(topics + [None]), group=rng.choice(groups + [None]),
                            visibility=rng.choice(["named", "anonymous", "private"]))
        if rng.random() < 0.05:
            sub.kind = SubmissionKind.comment  # never counted
        if sub.status != SubmissionStatus.approved:
            continue
        case = Case(submission_id=sub.id, board_id=board.id, status=rng.choice(list(CaseStatus)),
                    created_at=created + dt.timedelta(hours=rng.choice([0, 0, 5, 30, 200])),
                    rating=rng.choice([None, None, 1, 2, 3, 4, 5]))
        if rng.random() < 0.4:
            case.responded_at = created + dt.timedelta(days=rng.randrange(0, 60), hours=rng.randrange(24))
            if rng.random() < 0.2:
                case.responded_at = case.responded_at.replace(hour=16, minute=59, second=59, microsecond=999_999)
        _db.session.add(case)
        _db.session.flush()
        base = created.date()
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            answered = base + dt.timedelta(days=rng.randrange(1, 50)) if rng.random() < 0.6 else None
            if answered and rng.random() < 0.3:
                answered = base + dt.timedelta(days=20)  # same day as another referral's answer
            _db.session.add(Referral(case_id=case.id, agency="UBND", sent_on=base,
                                     answer_due=rng.choice([None, base + dt.timedelta(days=20),
                                                            base + dt.timedelta(days=rng.randrange(5, 40))]),
                                     answered_on=answered))
    # Two answers the same day: the first referral's deadline decides (late here, in time for the other).
    sub = make_petition(title="Hai cơ quan trả lời cùng ngày", created_at=dt.datetime(2026, 4, 1, 3, tzinfo=UTC))
    case = Case(submission_id=sub.id, board_id=board.id, status=CaseStatus.answered, created_at=sub.created_at)
    _db.session.add(case)
    _db.session.flush()
    answered = dt.date(2026, 4, 20)
    _db.session.add_all([
        Referral(case_id=case.id, agency="A", sent_on=answered, answer_due=answered - dt.timedelta(days=1),
                 answered_on=answered),
        Referral(case_id=case.id, agency="B", sent_on=answered, answer_due=None, answered_on=answered),
    ])
    for _ in range(12):
        event = audit.record("resident", "intake.redirect", ("submission", ""), {"kind": "complaint"})
        event.created_at = _moment(rng)
    _db.session.commit()


PERIODS = [
    (None, None), (dt.date(2026, 1, 1), dt.date(2026, 12, 31)), (dt.date(2026, 3, 1), dt.date(2026, 3, 31)),
    (dt.date(2025, 12, 15), None), (None, dt.date(2026, 2, 14)), (dt.date(2026, 2, 14), dt.date(2026, 2, 22)),
    (dt.date(2026, 5, 1), dt.date(2026, 4, 1)), (dt.date(2030, 1, 1), dt.date(2030, 12, 31)),
]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sql_figures_equal_the_row_by_row_reference(app, db, seed):
    build_dataset(random.Random(seed))
    assert db.session.scalar(select(db.func.count()).select_from(Referral)) > 50
    for start, end in PERIODS:
        expected = reference_statistics(start, end)
        assert reports.compute_statistics(start, end) == expected, (start, end)
        assert reports.compute_statistics(start, end) == expected, (start, end)  # from the cache
    db.session.add(Setting(key="SLA_BOARD_DECISION_DAYS", value=3))
    db.session.commit()
    assert reports.compute_statistics() == reference_statistics()


def test_working_days_table_equals_the_day_by_day_walk(app, db):
    deadlines.seed_holidays()
    off = deadlines.holidays()
    calendar = deadlines.WorkingDays(off)
    rng = random.Random(7)
    for _ in range(400):
        a = dt.date(2025, 12, 1) + dt.timedelta(days=rng.randrange(500))
        b = a + dt.timedelta(days=rng.randrange(-60, 90))
        assert calendar.between(a, b) == deadlines.working_days_between(a, b, off), (a, b)
        n = rng.randrange(-1, 40)
        assert calendar.add(a, n) == deadlines.add_working_days(a, n, off), (a, n)


# --------------------------------------------------------------------------- the cache


def test_cached_figures_follow_every_change(app, db, board_setup):
    s = board_setup
    build_dataset(random.Random(5), n=40)
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))

    def check():
        got = reports.compute_statistics(*year)
        assert got == reference_statistics(*year)
        return got

    before = check()
    with count_statements(db.engine) as statements:
        assert reports.compute_statistics(*year) == before
    assert len(statements) == 1  # the version token, nothing else

    make_petition(title="Mới", created_at=dt.datetime(2026, 7, 1, 3, tzinfo=UTC))
    db.session.commit()
    assert check()["totals"]["received"] == before["totals"]["received"] + 1

    case = s.case
    s.submission.created_at = dt.datetime(2026, 7, 2, 3, tzinfo=UTC)
    triage.assign_case(case, s.member, s.head)
    triage.record_verification(case, "Đã xác minh", s.member)
    db.session.commit()
    before = check()
    triage.refer_case(case, s.member, agency="UBND", sent_on=dt.date(2026, 7, 3), answer_due=dt.date(2026, 7, 10))
    db.session.commit()
    after = check()
    assert after["totals"]["referred"] == before["totals"]["referred"] + 1
    triage.record_answer(case, s.member, answered_on=dt.date(2026, 7, 30), summary="Muộn")
    db.session.commit()
    assert check()["answered_count"] == after["answered_count"] + 1

    topic = db.session.scalars(select(Topic).where(Topic.code == "sx0")).one()
    topic.name = "Đất đai, xây dựng"
    db.session.commit()
    assert "Đất đai, xây dựng" in {r["label"] for r in check()["by_topic"]}

    db.session.add(Holiday(day=dt.date(2026, 7, 20), name="Nghỉ bù"))
    db.session.commit()
    check()

    audit.record("resident", "intake.redirect", ("submission", ""), {"kind": "denunciation"})
    db.session.commit()
    before = check()

    db.session.execute(update(Case).values(rating=5))  # an ORM bulk UPDATE
    db.session.commit()
    assert check()["average_rating"] == 5.0

    db.session.add(Setting(key="SLA_BOARD_DECISION_DAYS", value=1))
    db.session.commit()
    check()

    # Uncommitted changes are seen by their own session, and never kept for the others.
    make_petition(title="Chưa lưu", created_at=dt.datetime(2026, 8, 1, 3, tzinfo=UTC))
    pending = check()
    db.session.rollback()
    assert check()["totals"]["received"] == pending["totals"]["received"] - 1


def test_another_process_sees_a_change_at_once(app, db):
    """A second app (another worker, another host) on the same database keeps its own cache and
    drops it when the version changes."""
    from portal import create_app

    build_dataset(random.Random(9), n=20)
    other = create_app({key: app.config[key] for key in (
        "TESTING", "SECRET_KEY", "SQLALCHEMY_DATABASE_URI", "SEARCH_INDEX_DIR", "UPLOAD_DIR", "MAIL_DIR")})
    with other.app_context():
        first = reports.compute_statistics()
        assert reports.compute_statistics() == first
        _db.session.remove()
    make_petition(title="Ở tiến trình kia", created_at=dt.datetime(2026, 9, 1, 3, tzinfo=UTC))
    db.session.commit()
    with other.app_context():
        assert reports.compute_statistics()["totals"]["received"] == first["totals"]["received"] + 1
        _db.session.remove()
        _db.engine.dispose()

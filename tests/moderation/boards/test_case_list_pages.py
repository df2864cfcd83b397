"""The Board case list at size: every case counted in its tabs, one page of rows shown (issue 17)."""
from __future__ import annotations

import datetime as dt
import re

from moderation.boards.routing import route_approved_petition
from moderation.cases import deadlines
from moderation.cases.clocks import ListClocks, case_clocks, worst_clock
from moderation.cases.models import Case, CaseStatus
from moderation.cases.views import PER_PAGE
from tests.fixtures.boards import make_petition
from tests.fixtures.users import sign_in

CODE_RE = re.compile(r"/can-bo/ban/ho-so/(\d+)\"")


def _cases(db, s, n):
    cases = [s.case]
    for i in range(n - 1):
        sub = make_petition(title=f"Kiến nghị số {i}", email=f"dan{i}@example.vn")
        cases.append(route_approved_petition(sub, s.moderator))
    db.session.flush()
    today = deadlines.today()
    for i, case in enumerate(cases):  # opened over the last 60 days, in every state
        case.created_at = dt.datetime.combine(today - dt.timedelta(days=i % 60), dt.time(3, i % 60), tzinfo=dt.UTC)
        case.status = list(CaseStatus)[i % len(CaseStatus)]
        if i % 3 == 0:
            case.acknowledged_at = case.created_at
        if case.status == CaseStatus.reopened:
            case.reopened_at = case.created_at + dt.timedelta(days=1)
    db.session.commit()
    return cases


def test_case_list_paginates_and_counts_every_case(client, db, board_setup):
    s = board_setup
    cases = _cases(db, s, PER_PAGE + 12)
    sign_in(client, s.head)
    first = client.get("/can-bo/ban/?tab=all").get_data(as_text=True)
    second = client.get("/can-bo/ban/?tab=all&page=2").get_data(as_text=True)
    shown = CODE_RE.findall(first), CODE_RE.findall(second)
    assert len(shown[0]) == PER_PAGE and len(shown[1]) == 12
    assert sorted(int(i) for i in shown[0] + shown[1]) == sorted(c.id for c in cases)  # each once
    assert f"Tất cả <span class=\"count\">({len(cases)})</span>" in first
    assert "Trang 1 / 2" in first and "Trang 2 / 2" in second
    assert 'rel="next"' in first and "tab=all" in first.split('rel="next"')[0].rsplit("href=", 1)[1]
    # The newest first, across the pages.
    created = {c.id: (c.created_at, c.id) for c in cases}
    order = [created[int(i)] for i in shown[0] + shown[1]]
    assert order == sorted(order, reverse=True)


def test_case_list_clock_tabs_match_each_case_clocks(client, db, board_setup):
    s = board_setup
    cases = _cases(db, s, 40)
    expected = {"due": 0, "overdue": 0}
    states = ListClocks()
    for case in cases:
        worst = worst_clock(case, clocks=case_clocks(case))
        state = worst["state"] if worst else None
        ref = case.referrals[-1].answer_due if case.status == CaseStatus.referred and case.referrals else None
        opened = case.reopened_at if case.status == CaseStatus.reopened and case.reopened_at else case.created_at
        assert states.worst(case.status, opened, case.acknowledged_at is not None, ref) == state, case.id
        if state in expected:
            expected[state] += 1
    assert expected["overdue"] > 0
    sign_in(client, s.head)
    page = client.get("/can-bo/ban/?tab=overdue").get_data(as_text=True)
    assert f"Quá hạn <span class=\"count\">({expected['overdue']})</span>" in page
    assert f"Sắp đến hạn <span class=\"count\">({expected['due']})</span>" in page
    assert len(CODE_RE.findall(page)) == min(expected["overdue"], PER_PAGE)
    assert db.session.query(Case).count() == 40

"""The Board case list at size: every case counted in its tabs, one page of rows shown (issue 17)."""
from __future__ import annotations

import datetime as dt
import re

from moderation.boards.routing import route_approved_petition
from moderation.cases import deadlines
from moderation.cases.clocks import case_clocks, worst_clock
from moderation.cases.models import Case, CaseStatus, Referral
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
    """The tabs counted in SQL hold the cases whose most urgent clock, computed case by case, is
    due or overdue; a case opened late in the ward's day (the evening in UTC+7) counts on that day."""
    s = board_setup
    cases = _cases(db, s, 90)
    today = deadlines.today()
    for i, case in enumerate(cases[::7]):  # 17:30 UTC is the next morning in the ward
        case.created_at = dt.datetime.combine(today - dt.timedelta(days=i), dt.time(17, 30), tzinfo=dt.UTC)
    referred = [c for c in cases if c.status == CaseStatus.referred][:4]
    for i, case in enumerate(referred):  # the authority's answer date decides
        case.referrals.append(Referral(agency="UBND phường", sent_on=today - dt.timedelta(days=20),
                                       answer_due=today + dt.timedelta(days=i - 2)))
    db.session.commit()
    expected = {"due": set(), "overdue": set()}
    for case in cases:
        worst = worst_clock(case, clocks=case_clocks(case))
        if worst and worst["state"] in expected:
            expected[worst["state"]].add(case.id)
    assert expected["overdue"] and expected["due"]
    sign_in(client, s.head)
    for tab in ("overdue", "due"):
        first = client.get(f"/can-bo/ban/?tab={tab}").get_data(as_text=True)
        label = "Quá hạn" if tab == "overdue" else "Sắp đến hạn"
        assert f"{label} <span class=\"count\">({len(expected[tab])})</span>" in first
        shown = set(int(i) for i in CODE_RE.findall(first))
        if len(expected[tab]) > PER_PAGE:
            shown |= set(int(i) for i in CODE_RE.findall(client.get(f"/can-bo/ban/?tab={tab}&page=2")
                                                         .get_data(as_text=True)))
        assert shown == expected[tab]
    assert db.session.query(Case).count() == 90

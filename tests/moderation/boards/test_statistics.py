import datetime as dt
import statistics

from moderation import reports
from moderation.cases import deadlines
from tests.fixtures.boards import statistics_dataset


def test_statistics_equal_independent_counts(client, db, board_setup):
    s = board_setup
    subs, cases = statistics_dataset(db, s)
    start, end = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    stats = reports.compute_statistics(start, end)
    in_period = [x for x in subs if start <= x.created_at.date() <= end]
    t = stats["totals"]
    assert t["received"] == len(in_period) == 7
    assert t["approved"] == sum(1 for x in in_period if x.status.value == "approved") == 4
    assert t["rejected"] == 1 and t["redirected"] == 1 and t["pending"] == 1
    assert t["referred"] == 3 and t["answered"] == 3 and t["closed"] == 2
    by_month = {r["month"]: r["count"] for r in stats["by_month"]}
    assert len(stats["by_month"]) == 12 and by_month["2026-01"] == 0
    assert {m: n for m, n in by_month.items() if n} == {"2026-03": 2, "2026-04": 3, "2026-05": 2}
    topics = {r["label"]: r["count"] for r in stats["by_topic"]}
    assert topics == {"Đất đai": 3, "Môi trường": 3, "Chưa phân loại": 1}
    groups = {r["label"]: r["count"] for r in stats["by_group"]}
    assert groups == {"Tổ dân phố 1": 3, "Tổ dân phố 2": 3, "Không xác định": 1}
    expected = statistics.median([
        deadlines.working_days_between(dt.date(2026, 3, 2), dt.date(2026, 3, 20)),
        deadlines.working_days_between(dt.date(2026, 3, 5), dt.date(2026, 3, 20)),
        deadlines.working_days_between(dt.date(2026, 4, 6), dt.date(2026, 4, 29)),
    ])
    assert stats["median_working_days_to_answer"] == expected
    assert stats["answered_on_time_share"] == round(2 / 3, 4)
    assert stats["average_rating"] == 3.0 and stats["ratings_count"] == 2
    assert reports.compute_statistics()["totals"]["received"] == 8  # no period: everything

    api = client.get("/api/v1/stats?from=2026-01-01&to=2026-12-31").get_json()
    assert api == stats
    assert client.get("/api/v1/stats?from=abc").status_code == 400
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "/api/v1/stats" in spec["paths"]
    page = client.get("/thong-ke?from=2026-01-01&to=2026-12-31").get_data(as_text=True)
    assert '<td id="stat-received">7</td>' in page
    assert page.count('role="img"') == 4 and page.count('<ol class="bar-chart"') == 4
    assert "Tổ dân phố 2" in page and "dan@example.vn" not in page
    assert "Chưa phân loại" in page


def test_redirects_on_the_form_are_counted_without_personal_data(client, db):
    from portal import audit

    audit.record("resident", "intake.redirect", ("submission", ""), {"kind": "complaint", "channel": "web"})
    audit.record("resident", "intake.redirect", ("submission", ""), {"kind": "denunciation", "channel": "web"})
    db.session.commit()
    stats = reports.compute_statistics()
    assert stats["totals"]["redirected_at_intake"] == 2 and stats["totals"]["received"] == 0
    data = reports.report_data(dt.date(2000, 1, 1), dt.date(2100, 1, 1))
    text = " ".join(p for _h, ps in reports.report_sentences(data, "") for p in ps)
    assert "Hướng dẫn 02 trường hợp gửi khiếu nại, tố cáo" in text

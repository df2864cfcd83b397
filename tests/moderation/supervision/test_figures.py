"""Supervisions counted in the statistics and the periodic report sentence."""
import datetime as dt

from moderation import reports
from moderation.supervision import services
from moderation.supervision.figures import supervision_statistics
from portal.extensions import db
from tests.fixtures.supervision import run_to_conclusion


def _concluded_with_answers(sboard, on_day):
    recs = [{"text": f"Kiến nghị {i}", "addressee": "UBND phường", "due_on": dt.date(2026, 4, 15)} for i in range(5)]
    sup = run_to_conclusion(sboard, on_day, recs=recs)
    services.approve_conclusion(sup, sboard.head, secrecy_confirmed=True)
    on_day(dt.date(2026, 4, 10))
    for i, rec in enumerate(sup.recommendations[:4]):
        services.record_recommendation_answer(rec, sboard.member, answered_on=dt.date(2026, 4, 1 + i),
                                              summary="Đã thực hiện", accepted=True)
    services.open_supervision(sboard.board, sboard.head, subject="Kế hoạch quý II", supervised_body="UBND phường",
                              planned_start=dt.date(2026, 5, 11))
    db.session.commit()
    return sup


def test_counts_and_the_reference_sentence(sboard, on_day):
    _concluded_with_answers(sboard, on_day)
    on_day(dt.date(2026, 6, 30))
    stats = supervision_statistics(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert stats["totals"] == {"planned": 2, "held": 1, "concluded": 1, "recommended": 5, "answered": 4,
                               "accepted": 4, "overdue": 1}
    data = reports.report_data(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    text = " ".join(p for _h, ps in reports.report_sentences(data, "6 tháng đầu năm 2026") for p in ps)
    assert ("Ban Thanh tra nhân dân tổ chức 01 cuộc giám sát, kiến nghị 05 nội dung, đã được tiếp thu, "
            "giải quyết 04 nội dung; 01 nội dung quá hạn chưa được trả lời.") in text
    assert any(r[1] == "Nội dung kiến nghị" and r[2] == 5 for r in reports.report_rows(data))


def test_period_outside_counts_nothing(sboard, on_day):
    _concluded_with_answers(sboard, on_day)
    assert supervision_statistics(dt.date(2025, 1, 1), dt.date(2025, 12, 31))["totals"]["held"] == 0


def test_statistics_page_shows_the_sentence(client, sboard, on_day):
    _concluded_with_answers(sboard, on_day)
    page = client.get("/thong-ke?year=2026").get_data(as_text=True)
    assert "kiến nghị 05 nội dung, đã được tiếp thu, giải quyết 04 nội dung" in page

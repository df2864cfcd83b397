"""Demo matters for ``flask demo load``: the Hòa An 5 road contribution decided by meeting and
ballots in two groups and followed to the last đồng (the figures of the demo disclosures
121/BC-UBND and 145/TB-UBND: 412/468 households, 87 % of them in favour, 1,12 of 1,5 tỷ đồng
collected), a convention through its whole cycle, and a matter open for ballots with some codes
used. Every figure goes through the services, so the pages, the API and the disclosures agree."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from moderation.decisions import ballots, followup, households, results, services
from moderation.decisions.models import Channel, DecisionEvent, DecisionMatter
from portal.extensions import db
from portal.ward import ResidentialGroup
from public_docs.disclosures import services as docs
from public_docs.disclosures.services import today

DEMO_EDITOR = "bientap@demo.phuong.vn"
HOUSEHOLDS = {"TDP01": 150, "TDP02": 132, "TDP03": 175, "TDP04": 160, "TDP05": 240, "TDP06": 228, "TDP07": 190,
              "TDP08": 145}
ROAD = "Chủ trương và mức đóng góp của Nhân dân xây dựng đường Hòa An 5"


def _day(days_ago: int) -> dt.date:
    return today() - dt.timedelta(days=days_ago)


def _groups() -> dict[str, ResidentialGroup]:
    return {g.code: g for g in db.session.scalars(select(ResidentialGroup))}


def _backdate_events(matter: DecisionMatter, days: list[int]) -> None:
    from portal.database import utcnow

    rows = db.session.scalars(select(DecisionEvent).where(DecisionEvent.matter_id == matter.id)
                              .order_by(DecisionEvent.id)).all()
    for row, ago in zip(rows, days, strict=False):
        row.created_at = utcnow() - dt.timedelta(days=ago)


def _backdate_publication(d, days_ago: int) -> None:
    """The demo's draft was published before its comment window, not on the day the demo loads."""
    from demo.timeline import at
    from portal.database import utcnow
    from portal.ward import local_date
    from public_docs.disclosures.services.posting import posting_period

    d.published_at = d.secrecy_confirmed_at = min(at(_day(days_ago), 150), utcnow())
    day = local_date(d.published_at)
    if d.issued_on is None or d.issued_on > day:  # a result issued the day it is decided, not on load day
        d.issued_on = d.effective_on = day
    d.posting_start, d.posting_end = posting_period(day, None, None)
    for v in d.versions:
        v.created_at = d.published_at


def _backdate_decision(matter: DecisionMatter, days_ago: int) -> None:
    from portal.database import utcnow
    from public_docs.disclosures.models import Disclosure

    matter.decided_at = utcnow() - dt.timedelta(days=days_ago)
    _backdate_publication(db.session.get(Disclosure, matter.result_disclosure_id), days_ago)


def _vote(matter, group_id: int, choices: list[tuple[str, int]], channel: Channel, actor) -> None:
    n = sum(k for _c, k in choices)
    codes = ballots.issue_codes(matter, group_id, n, actor)
    it = iter(codes)
    for choice, k in choices:
        for _ in range(k):
            ballots.cast_ballot(matter, next(it), choice, channel, "resident" if channel == Channel.web else actor)


def _road(actor, g) -> None:
    m = services.create_matter({
        "kind": "contribution", "title": ROAD, "method": "mixed",
        "text": ("Nâng cấp, mở rộng đường Hòa An 5 (640 m) theo hình thức Nhà nước và Nhân dân cùng làm: Nhân dân "
                 "đóng góp phần đối ứng giải phóng mặt bằng, di dời công trình. Đề xuất mức đóng góp tự nguyện "
                 "**3.500.000 đồng/hộ**; hộ nghèo, hộ cận nghèo được miễn.\n\n"
                 "Các hộ gia đình tán thành hay không tán thành chủ trương và mức đóng góp?"),
        "opens_on": _day(150).isoformat(), "closes_on": _day(136).isoformat(),
        "group_ids": [g["TDP05"].id, g["TDP06"].id], "level_text": "3.500.000 đồng/hộ (hộ nghèo, cận nghèo được miễn)",
        "level_per_household": "3500000",
        "document_ids": [d.id for d in [docs.find_by_number("52/QĐ-UBND")] if d is not None]}, actor)
    services.open_matter(m, actor)
    services.record_meeting(m, {"group_id": g["TDP05"].id, "held_on": _day(145).isoformat(),
                                "place": "Nhà sinh hoạt cộng đồng tổ dân phố 5", "households_represented": "180",
                                "tally_yes": "160", "tally_no": "15", "tally_abstain": "5"}, actor)
    # The 60 households of group 5 absent from the meeting get ballots; 40 return them.
    codes5 = ballots.issue_codes(m, g["TDP05"].id, 60, actor)
    for i, code in enumerate(codes5[:40]):
        ballots.cast_ballot(m, code, "yes" if i < 30 else "no", Channel.paper, actor)
    codes6 = ballots.issue_codes(m, g["TDP06"].id, 228, actor)
    plan = ["yes"] * 170 + ["no"] * 20 + ["abstain"] * 2
    for code, choice in zip(codes6, plan, strict=False):
        ballots.cast_ballot(m, code, choice, Channel.paper, actor)
    services.start_counting(m, actor)
    results.decide_matter(m, actor)  # 412/468 households, 360 for
    followup.set_figures(m, {"group_id": g["TDP05"].id, "households_pledged": "220", "pledged": "780000000",
                             "collected": "590000000"}, actor)
    followup.set_figures(m, {"group_id": g["TDP06"].id, "households_pledged": "208", "pledged": "720000000",
                             "collected": "530000000"}, actor)
    followup.add_spending(m, {"spent_on": _day(90).isoformat(),
                              "description": "Đối ứng giải phóng mặt bằng, hỗ trợ các hộ hiến đất",
                              "amount": "650000000"}, actor)
    followup.add_spending(m, {"spent_on": _day(60).isoformat(), "description": "Di dời cột điện, đường ống cấp nước",
                              "amount": "310000000"}, actor)
    _backdate_events(m, [155, 150, 145, 143, 143, 136, 134, 100, 100, 90, 60])
    _backdate_decision(m, 134)
    if m.contributions_disclosure_id:  # the follow-up report, last updated with the spending of day 60
        from public_docs.disclosures.models import Disclosure

        _backdate_publication(db.session.get(Disclosure, m.contributions_disclosure_id), 59)


def _convention(actor, g) -> None:
    draft = docs.find_by_number("01/DT-TDP7")
    if draft is None:
        draft = docs.create_disclosure({
            "number": "01/DT-TDP7", "category": "conventions", "form": "Dự thảo",
            "issuer": "Ban điều hành tổ dân phố 7",
            "title": "Dự thảo Quy ước tổ dân phố 7", "issued_on": _day(345), "group_ids": [g["TDP07"].id],
            "summary": "Quy ước về vệ sinh môi trường, trật tự, việc cưới, việc tang và khuyến học.",
            "body": "## Chương I. Quy định chung\n\nĐiều 1. Quy ước áp dụng cho các hộ gia đình tổ dân phố 7."}, actor)
        docs.publish_disclosure(draft, actor, secrecy_confirmed=True)
        docs.open_for_comments(draft, _day(340), _day(306), actor)  # 35 days
        _backdate_publication(draft, 343)
    m = services.create_matter({
        "kind": "convention", "title": "Thông qua Quy ước tổ dân phố 7", "method": "meeting",
        "text": "Hội nghị đại diện hộ gia đình biểu quyết thông qua Quy ước tổ dân phố 7 (4 chương, 18 điều) "
                "sau khi tiếp thu ý kiến Nhân dân.",
        "opens_on": _day(295).isoformat(), "closes_on": _day(290).isoformat(), "group_ids": [g["TDP07"].id],
        "draft_disclosure_id": str(draft.id)}, actor)
    services.open_matter(m, actor)
    services.record_meeting(m, {"group_id": g["TDP07"].id, "held_on": _day(290).isoformat(),
                                "place": "Hội trường tổ dân phố 7", "households_represented": "152",
                                "tally_yes": "139", "tally_no": "9", "tally_abstain": "4"}, actor)
    results.decide_matter(m, actor)
    recognition = docs.find_by_number("03/QĐ-UBND")
    if recognition is not None:
        followup.record_recognition(m, {"recognition_disclosure_id": str(recognition.id),
                                        "in_force_on": _day(280).isoformat(),
                                        "review_due_on": (today() + dt.timedelta(days=85)).isoformat()}, actor)
    _backdate_events(m, [300, 295, 290, 290, 280])
    _backdate_decision(m, 290)


def _open_ballot(actor, g) -> None:
    m = services.create_matter({
        "kind": "other", "title": "Lắp đặt camera an ninh tại các kiệt tổ dân phố 3 và 4", "method": "ballot",
        "text": "Lắp 12 camera an ninh tại đầu các kiệt, kinh phí từ quỹ của tổ dân phố và nguồn xã hội hóa, "
                "không thu thêm của hộ gia đình. Các hộ có tán thành không?",
        "opens_on": _day(5).isoformat(), "closes_on": (today() + dt.timedelta(days=10)).isoformat(),
        "group_ids": [g["TDP03"].id, g["TDP04"].id]}, actor)
    services.open_matter(m, actor)
    codes3 = ballots.issue_codes(m, g["TDP03"].id, 150, actor)
    codes4 = ballots.issue_codes(m, g["TDP04"].id, 140, actor)
    for i, code in enumerate(codes3[:46]):
        ballots.cast_ballot(m, code, ("yes", "no", "yes", "abstain")[i % 4], Channel.web if i % 2 else Channel.paper,
                            "resident" if i % 2 else actor)
    for i, code in enumerate(codes4[:31]):
        ballots.cast_ballot(m, code, "yes" if i % 3 else "no", Channel.web, "resident")
    _backdate_events(m, [7, 5, 5, 5])


def load_demo_decisions() -> None:
    from portal.accounts.services import get_user_by_email

    if db.session.scalar(select(func.count(DecisionMatter.id)).where(DecisionMatter.title == ROAD)):
        return  # already loaded
    actor = get_user_by_email(DEMO_EDITOR) or "demo"
    g = _groups()
    if not all(code in g for code in HOUSEHOLDS):
        return
    for code, n in HOUSEHOLDS.items():
        if households.household_count(g[code].id, _day(400)) is None:
            households.set_household_count(g[code], _day(400), n, actor, "Số liệu công an phường, đầu năm")
    _road(actor, g)
    _convention(actor, g)
    _open_ballot(actor, g)
    db.session.flush()

"""Decision matters in the database: electorate, opening, codes, web and paper ballots (one vote per
code across channels), meetings, deciding with the result disclosure, the API's figures."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from moderation.decisions import ballots, households, results, services
from moderation.decisions.models import Ballot, BallotUse, Channel, MatterStatus
from portal.audit import AuditEvent
from portal.errors import DomainError
from public_docs.disclosures.models import Disclosure
from public_docs.disclosures.services import today


def test_electorate_is_the_latest_count_and_is_fixed_when_opened(db, ward, make_matter):
    m = make_matter(open_=False)
    assert services.electorate(m) == {ward[0].id: 120, ward[1].id: 80}
    households.set_household_count(ward[0], today(), 125, "test")
    assert services.electorate(m)[ward[0].id] == 125
    services.open_matter(m, "test")
    households.set_household_count(ward[0], today(), 130, "test")
    assert services.electorate(m)[ward[0].id] == 125
    assert results.public_summary(m)["households_total"] == 205


def test_opening_needs_a_household_count(db, app):
    from portal.ward import ResidentialGroup

    g = ResidentialGroup(code="TDP09", name="Tổ dân phố 9")
    db.session.add(g)
    db.session.commit()
    m = services.create_matter({"kind": "other", "title": "T", "text": "X", "method": "meeting",
                                "opens_on": today().isoformat(), "closes_on": today().isoformat(),
                                "group_ids": [g.id]}, "test")
    with pytest.raises(DomainError) as exc:
        services.open_matter(m, "test")
    assert "Tổ dân phố 9" in exc.value.message and m.status == MatterStatus.scheduled


def test_bad_matter_input_names_every_field(db, ward):
    with pytest.raises(DomainError) as exc:
        services.create_matter({"kind": "x", "title": "", "text": "", "method": "", "opens_on": "31/02",
                                "closes_on": "", "group_ids": ["abc"]}, "test")
    assert {"kind", "title", "text", "method", "opens_on", "closes_on", "group_ids"} <= set(exc.value.field_errors)


def test_codes_are_one_per_household_at_most(db, ward, make_matter):
    m = make_matter()
    codes = ballots.issue_codes(m, ward[1].id, 80, "test")
    assert len(set(codes)) == 80 and all(ballots.normalize_code(c) == c for c in codes)
    with pytest.raises(DomainError):
        ballots.issue_codes(m, ward[1].id, 1, "test")
    with pytest.raises(DomainError):
        ballots.issue_codes(m, ward[2].id, 1, "test")  # not a group of this matter


def test_same_code_cannot_vote_twice_across_web_and_paper(db, ward, make_matter):
    m = make_matter()
    code = ballots.issue_codes(m, ward[0].id, 3, "test")[0]
    ballots.cast_ballot(m, code.lower().replace("-", " "), "yes", Channel.web, "resident")
    db.session.commit()
    with pytest.raises(DomainError) as exc:
        ballots.cast_ballot(m, code, "no", Channel.paper, "test")
    assert exc.value.status == 409
    db.session.rollback()
    assert db.session.scalar(select(func.count(Ballot.id))) == 1
    assert db.session.scalar(select(func.count()).select_from(BallotUse)) == 1
    found, counted = ballots.code_counted(code)
    assert found is not None and counted
    # the audit log names neither the code nor the choice
    details = [e.details for e in db.session.scalars(select(AuditEvent).where(AuditEvent.action == "decision.ballot"))]
    assert details == [{"channel": "web", "group": "TDP01"}]


def test_unknown_code_bad_choice_and_closed_matter(db, ward, make_matter):
    m = make_matter()
    code = ballots.issue_codes(m, ward[0].id, 1, "test")[0]
    with pytest.raises(DomainError) as exc:
        ballots.cast_ballot(m, "ZZZZ-ZZZZ", "yes", Channel.web, "resident")
    assert exc.value.status == 404
    with pytest.raises(DomainError) as exc:
        ballots.cast_ballot(m, code, "maybe", Channel.web, "resident")
    assert exc.value.status == 422
    services.start_counting(m, "test")
    with pytest.raises(DomainError) as exc:
        ballots.cast_ballot(m, code, "yes", Channel.web, "resident")
    assert exc.value.status == 409
    ballots.cast_ballot(m, code, "yes", Channel.paper, "test")  # paper slips are entered while counting


def test_meeting_checks_and_mixed_result_with_disclosure(db, ward, make_matter):
    m = make_matter(method="mixed", kind="contribution", title="Đóng góp làm đường kiệt 12",
                    level_text="500.000 đồng/hộ", level_per_household="500000")
    with pytest.raises(DomainError) as exc:
        services.record_meeting(m, {"group_id": ward[0].id, "held_on": today().isoformat(), "place": "Nhà văn hóa",
                                    "households_represented": "90", "tally_yes": "80", "tally_no": "20"}, "test")
    assert "tally" in exc.value.field_errors
    db.session.rollback()
    services.record_meeting(m, {"group_id": ward[0].id, "held_on": today().isoformat(), "place": "Nhà văn hóa",
                                "households_represented": "90", "tally_yes": "80", "tally_no": "8",
                                "tally_abstain": "2"}, "test")
    with pytest.raises(DomainError):  # 90 at the meeting + 31 codes > 120 households
        ballots.issue_codes(m, ward[0].id, 31, "test")
    codes = ballots.issue_codes(m, ward[0].id, 30, "test") + ballots.issue_codes(m, ward[1].id, 80, "test")
    for c in codes[:20]:
        ballots.cast_ballot(m, c, "yes", Channel.web, "resident")
    for c in codes[30:75]:
        ballots.cast_ballot(m, c, "yes" if int(c.encode().hex(), 16) % 3 else "no", Channel.paper, "test")
    db.session.commit()
    live = results.compute_result(m)
    assert live["groups"][0]["voted"] == 110 and live["groups"][1]["voted"] == 45
    results.decide_matter(m, "test")
    db.session.commit()
    assert m.status == MatterStatus.decided and m.result["households_voted"] == 155
    assert m.passed is (m.result["tally"]["yes"] * 100 > 50 * 200)
    d = db.session.get(Disclosure, m.result_disclosure_id)
    assert d.category == "consultation_results" and d.status.value == "published"
    assert "Tổ dân phố 1" in d.body_html and "<table>" in d.body_html and "bieu-do.svg" in d.body_html
    svg = results.chart_svg(m, m.result)
    assert svg.startswith("<svg") and "<script" not in svg and "Tổ dân phố 2" in svg
    s = results.public_summary(m)
    assert s["tally"] == m.result["tally"] and sum(g["voted"] for g in s["groups"]) == s["households_voted"]
    with pytest.raises(DomainError):
        results.decide_matter(m, "test")


def test_election_with_two_seats_end_to_end(db, ward, make_matter):
    m = make_matter(kind="election", title="Bầu Ban Thanh tra nhân dân",
                    candidates="Nguyễn Văn A\nTrần Thị B\nLê Văn C",
                    seats="2", groups=[ward[2]])
    codes = ballots.issue_codes(m, ward[2].id, 50, "test")
    votes = [["c1", "c2"]] * 20 + [["c1", "c3"]] * 12 + [["c2"]] * 8 + [[]] * 2
    for code, v in zip(codes, votes, strict=False):
        ballots.cast_ballot(m, code, v, Channel.paper, "test")
    with pytest.raises(DomainError) as exc:
        ballots.cast_ballot(m, codes[-1], ["c1", "c2", "c3"], Channel.web, "resident")
    assert exc.value.status == 422
    with pytest.raises(DomainError):
        ballots.cast_ballot(m, codes[-1], ["c1", "c1"], Channel.web, "resident")
    results.decide_matter(m, "test")
    # 50 households: c1 32, c2 28, c3 12 -> c1 and c2 elected (more than 25)
    assert m.result["tally"] == {"c1": 32, "c2": 28, "c3": 12}
    assert m.result["elected"] == ["c1", "c2"] and m.passed is True


def test_cancel_needs_a_reason_and_stops_ballots(db, ward, make_matter):
    m = make_matter()
    code = ballots.issue_codes(m, ward[0].id, 1, "test")[0]
    with pytest.raises(DomainError):
        services.cancel_matter(m, " ", "test")
    services.cancel_matter(m, "Thay đổi phương án", "test")
    with pytest.raises(DomainError):
        ballots.cast_ballot(m, code, "yes", Channel.paper, "test")


def test_convention_needs_thirty_days_of_comments_before_the_vote(db, ward, make_matter, make_user):
    from portal.errors import DomainError
    from public_docs.disclosures import services as docs

    draft = docs.create_disclosure({"number": "02/DT-TDP1", "title": "Dự thảo quy ước", "category": "conventions",
                                    "form": "Dự thảo", "issuer": "Tổ dân phố 1",
                                    "issued_on": today() - dt.timedelta(days=40)}, "test")
    docs.publish_disclosure(draft, "test", secrecy_confirmed=True)
    docs.open_for_comments(draft, today() - dt.timedelta(days=5), today() + dt.timedelta(days=25), "test")
    m = make_matter(open_=False, kind="convention", method="meeting", draft_disclosure_id=str(draft.id))
    with pytest.raises(DomainError):
        services.open_matter(m, "test")
    with pytest.raises(DomainError):
        docs.close_comments(draft, "test")  # the minimum holds on closing too
    db.session.rollback()
    draft.comments_open_from, draft.comments_open_until = (today() - dt.timedelta(days=35),
                                                           today() - dt.timedelta(days=2))
    services.open_matter(m, "test")
    assert m.status == MatterStatus.open


def test_a_scheduled_matter_can_be_edited_until_codes_are_issued(db, ward, make_matter):
    m = make_matter(open_=False, kind="election", candidates="A\nB", seats="1")
    data = {"kind": "election", "title": "Bầu lại", "text": "Bầu 2 người.", "method": "ballot",
            "opens_on": today().isoformat(), "closes_on": today().isoformat(), "group_ids": [ward[0].id],
            "candidates": "B\nC\nD", "seats": "2"}
    services.update_matter(m, data, "test")
    db.session.commit()
    assert [(c.code, c.label) for c in m.choices] == [("c1", "B"), ("c2", "C"), ("c3", "D")] and m.seats == 2
    assert [mg.group_id for mg in m.groups] == [ward[0].id]
    ballots.issue_codes(m, ward[0].id, 1, "test")
    with pytest.raises(DomainError):
        services.update_matter(m, data, "test")


def test_convention_comment_minimum_is_a_setting(db, app):
    from portal.errors import DomainError
    from portal.settings import set_setting
    from public_docs.disclosures import services as docs

    d = docs.create_disclosure({"number": "05/DT-TDP3", "title": "Dự thảo quy ước", "category": "conventions",
                                "form": "Dự thảo", "issuer": "Tổ dân phố 3", "issued_on": today()}, "test")
    docs.publish_disclosure(d, "test", secrecy_confirmed=True)
    set_setting("CONVENTION_COMMENT_MIN_DAYS", 45, actor="test")
    with pytest.raises(DomainError) as exc:
        docs.open_for_comments(d, today(), today() + dt.timedelta(days=40), "test")
    assert "45 ngày" in exc.value.message
    docs.open_for_comments(d, today() - dt.timedelta(days=44), today() + dt.timedelta(days=5), "test")
    with pytest.raises(DomainError):
        docs.close_comments(d, "test")  # 44 days so far
    d.comments_open_from = today() - dt.timedelta(days=45)
    docs.close_comments(d, "test")
    assert d.comments_open_until == today() - dt.timedelta(days=1)


def test_cli_issue_codes_prints_one_code_per_line(db, ward, make_matter, runner):
    import re

    m = make_matter()
    out = runner.invoke(args=["decisions", "issue-codes", str(m.id), "--group", "TDP01", "--count", "3"])
    assert out.exit_code == 0, out.output
    lines = out.output.split()
    assert len(lines) == 3 and all(re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", c) for c in lines)
    assert ballots.codes_issued(m.id) == {ward[0].id: 3}
    refused = runner.invoke(args=["decisions", "issue-codes", str(m.id), "--group", "TDP01", "--count", "118"])
    assert refused.exit_code != 0 and "120 hộ" in refused.output
    assert runner.invoke(
        args=["decisions", "issue-codes", str(m.id), "--group", "KHONG", "--count", "1"]).exit_code != 0


def test_meeting_minutes_stored_and_downloaded_by_staff_only(db, ward, make_matter, client, login_as):
    from portal.files import read_stored
    from tests.fixtures.files import pdf_bytes

    m = make_matter(method="meeting")
    data = pdf_bytes("Biên bản họp tổ dân phố 1")
    meeting = services.record_meeting(
        m, {"group_id": ward[0].id, "held_on": today().isoformat(), "place": "Nhà văn hóa",
            "households_represented": "90", "tally_yes": "80", "tally_no": "8", "tally_abstain": "2"},
        "test", minutes=("../bien ban hop.PDF", data))
    db.session.commit()
    assert read_stored(meeting.minutes_sha256) == data and meeting.minutes_filename == "bien ban hop.pdf"
    path = f"/can-bo/dan-quyet/bien-ban/{meeting.id}"
    assert client.get(path).status_code in (302, 401, 403)
    login_as("moderator")
    resp = client.get(path)
    assert resp.status_code == 200 and resp.data == data and resp.mimetype == "application/pdf"
    assert resp.headers["Content-Disposition"] == "attachment; filename*=UTF-8''bien%20ban%20hop.pdf"
    assert resp.headers["Cache-Control"] == "private, no-store"

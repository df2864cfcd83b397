"""The demo's three matters: the numbers add up on every page and in the API; the staff and public
pages render and refuse what they should."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from moderation.decisions.models import DecisionMatter, MatterStatus
from public_docs.disclosures.models import Disclosure


@pytest.fixture
def demo(app, runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    from portal.extensions import db

    return {m.kind.value: m for m in db.session.scalars(select(DecisionMatter))}


def test_demo_numbers_add_up_in_the_api(client, demo):
    items = client.get("/api/v1/decisions").get_json()["items"]
    assert len(items) == 3
    for item in items:
        assert item["households_total"] == sum(g["households"] for g in item["groups"])
        assert item["households_voted"] == sum(g["voted"] for g in item["groups"])
        if item["status"] == "decided":
            assert item["tally"] == {c: sum(g["tally"][c] for g in item["groups"]) for c in item["tally"]}
            assert item["result_disclosure_id"]
    road = client.get(f"/api/v1/decisions/{demo['contribution'].id}").get_json()
    assert (road["households_total"], road["households_voted"]) == (468, 412)
    assert road["tally"] == {"yes": 360, "no": 45, "abstain": 7} and road["passed"] is True
    assert [(g["group"], g["households"], g["voted"]) for g in road["groups"]] == [
        ("TDP05", 240, 220), ("TDP06", 228, 192)]
    conv = client.get(f"/api/v1/decisions/{demo['convention'].id}").get_json()
    assert conv["passed"] is True and conv["households_voted"] == 152
    open_ = client.get(f"/api/v1/decisions/{demo['other'].id}").get_json()
    assert open_["status"] == "open" and open_["tally"] is None and open_["households_voted"] == 77
    assert [g["voted"] for g in open_["groups"]] == [46, 31] and all(g["tally"] is None for g in open_["groups"])


def test_demo_public_pages(client, demo, db):
    page = client.get("/dan-quyet").get_data(as_text=True)
    assert demo["contribution"].title in page and "412/468" in page
    road = client.get(f"/dan-quyet/{demo['contribution'].id}").get_data(as_text=True)
    assert "<svg" in road and "360" in road and "590.000.000 đồng" in road
    assert "1.500.000.000 đồng" in road and "1.120.000.000 đồng" in road  # as 145/TB-UBND says
    assert "160.000.000 đồng" in road  # the balance: 1,120,000,000 collected - 960,000,000 spent
    assert "Ban giám sát đầu tư của cộng đồng" in road  # the road project's Board supervises the money
    d = db.session.get(Disclosure, demo["contribution"].result_disclosure_id)
    assert f"/cong-khai/{d.id}" in road
    contributions = db.session.get(Disclosure, demo["contribution"].contributions_disclosure_id)
    assert contributions.category == "contributions" and "160.000.000 đồng" in contributions.body_html
    conv = client.get(f"/dan-quyet/{demo['convention'].id}").get_data(as_text=True)
    assert 'aria-current="step"' in conv and "03/QĐ-UBND" in conv
    assert db.session.get(Disclosure, demo["convention"].result_disclosure_id).category == "conventions"
    open_page = client.get(f"/dan-quyet/{demo['other'].id}").get_data(as_text=True)
    assert "46" in open_page and "31" in open_page and "Tán thành</td>" not in open_page
    assert client.get(f"/dan-quyet/{demo['contribution'].id}/bieu-do.svg").mimetype == "image/svg+xml"
    assert client.get(f"/dan-quyet/{demo['other'].id}/bieu-do.svg").status_code == 404


def test_web_ballot_form_and_code_check(client, demo, db, app):
    from moderation.decisions import ballots

    m = demo["other"]
    code = ballots.issue_codes(m, m.groups[0].group_id, 1, "test")[0]
    db.session.commit()
    page = client.get(f"/dan-quyet/{m.id}/bieu-quyet")
    assert page.status_code == 200
    bad = client.post(f"/dan-quyet/{m.id}/bieu-quyet", data={"code": code, "choice": "maybe"})
    assert bad.status_code == 422 and code in bad.get_data(as_text=True)
    ok = client.post(f"/dan-quyet/{m.id}/bieu-quyet", data={"code": code, "choice": "yes"})
    assert ok.status_code == 200 and "Đã ghi nhận" in ok.get_data(as_text=True)
    again = client.post(f"/dan-quyet/{m.id}/bieu-quyet", data={"code": code, "choice": "no"})
    assert again.status_code == 409
    check = client.post("/dan-quyet/kiem-tra-ma", data={"code": code.lower()})
    assert "đã được tính" in check.get_data(as_text=True)
    assert client.post("/dan-quyet/kiem-tra-ma", data={"code": "ZZZZ-ZZZZ"}).status_code == 404


def test_api_ballot_statuses(client, demo, db):
    from moderation.decisions import ballots

    m = demo["other"]
    code = ballots.issue_codes(m, m.groups[1].group_id, 1, "test")[0]
    db.session.commit()
    url = f"/api/v1/decisions/{m.id}/ballots"
    assert client.post(url, data={"code": code, "choice": "yes"}).status_code == 415
    assert client.post(url, json={"code": "NOPE-NOPE", "choice": "yes"}).status_code == 404
    assert client.post(url, json={"code": code, "choice": "perhaps"}).status_code == 422
    assert client.post(url, json={"code": code, "choice": "yes"}).status_code == 201
    assert client.post(url, json={"code": code, "choice": "no"}).status_code == 409
    kiosk = ballots.issue_codes(m, m.groups[1].group_id, 1, "test")[0]
    db.session.commit()
    assert client.post(url, data={"code": kiosk, "choice": "no"}, content_type="multipart/form-data").status_code == 415
    assert client.post(url, data={"code": kiosk, "choice": "no"}, content_type="multipart/form-data",
                       headers={"X-Portal-Client": "kiosk-1"}).status_code == 201
    closed = demo["contribution"]
    assert client.post(f"/api/v1/decisions/{closed.id}/ballots", json={"code": code, "choice": "no"}).status_code == 404
    assert client.get("/api/v1/decisions/999999").status_code == 404


def test_staff_pages_and_roles(client, demo, login_as, db):
    assert client.get("/can-bo/dan-quyet/").status_code in (302, 401)
    login_as("moderator")
    assert client.get("/can-bo/dan-quyet/").status_code == 200
    assert client.get("/can-bo/dan-quyet/moi").status_code == 403
    for m in demo.values():
        assert client.get(f"/can-bo/dan-quyet/{m.id}").status_code == 200
    slips = client.get(f"/can-bo/dan-quyet/{demo['other'].id}/in-phieu?batch=1").get_data(as_text=True)
    assert len(re.findall(r"<section class=\"slip\">", slips)) == 150
    assert slips.count("<svg") == 150 and "/dan-quyet/" in slips  # the QR code of the voting address


def test_editor_creates_opens_and_closes_a_matter(client, demo, login_as, db):
    from portal.ward import ResidentialGroup

    login_as("editor")
    g = db.session.scalar(select(ResidentialGroup).where(ResidentialGroup.code == "TDP08"))
    bad = client.post("/can-bo/dan-quyet/moi", data={"kind": "election", "title": "Bầu tổ trưởng", "text": "",
                                                     "method": "meeting", "group_ids": [str(g.id)], "seats": "1"})
    assert bad.status_code == 422 and "Bầu tổ trưởng" in bad.get_data(as_text=True)
    r = client.post("/can-bo/dan-quyet/moi", data={
        "kind": "election", "title": "Bầu tổ trưởng tổ dân phố 8", "text": "Bầu 1 người.", "method": "meeting",
        "group_ids": [str(g.id)], "seats": "1", "candidates": "Phan Văn D\nVõ Thị E",
        "opens_on": "2026-01-01", "closes_on": "2026-01-02"})
    assert r.status_code == 302
    m = db.session.scalar(select(DecisionMatter).where(DecisionMatter.title == "Bầu tổ trưởng tổ dân phố 8"))
    assert client.post(f"/can-bo/dan-quyet/{m.id}/open").status_code == 302
    from public_docs.disclosures.services import today

    r = client.post(f"/can-bo/dan-quyet/{m.id}/hoi-nghi", data={
        "group_id": str(g.id), "held_on": today().isoformat(), "place": "Nhà văn hóa", "households_represented": "120",
        "tally_c1": "80", "tally_c2": "40"})  # 80 of the 145 households: more than half
    assert r.status_code == 302
    assert client.post(f"/can-bo/dan-quyet/{m.id}/decide", data={"confirm": "y"}).status_code == 302
    db.session.expire_all()
    assert m.status == MatterStatus.decided and m.result["elected"] == ["c1"] and m.passed


def test_demo_pages_structure(client, demo, login_as, db):
    """One h1, labelled fields, unique ids… on every decision page with the demo's data, public and staff."""
    from security.htmlcheck import structure_problems

    ids = [m.id for m in demo.values()]
    public = ["/dan-quyet", "/dan-quyet/kiem-tra-ma"] + [f"/dan-quyet/{i}" for i in ids] + [
        f"/dan-quyet/{demo['other'].id}/bieu-quyet"]
    problems = []
    for url in public:
        out = client.get(url)
        assert out.status_code == 200, url
        problems += [f"{url}: {p}" for p in structure_problems(out.get_data(as_text=True))]
    login_as("admin")
    staff = ["/can-bo/dan-quyet/", "/can-bo/dan-quyet/moi", "/can-bo/dan-quyet/so-ho", "/can-bo/dan-quyet/quy-tac",
             f"/can-bo/dan-quyet/{demo['other'].id}/in-phieu?batch=1"] + [
        f"/can-bo/dan-quyet/{i}" for i in ids]
    for url in staff:
        out = client.get(url)
        assert out.status_code == 200, url
        problems += [f"{url}: {p}" for p in structure_problems(out.get_data(as_text=True), staff=True)]
    out = client.post("/can-bo/dan-quyet/moi", data={})
    assert out.status_code == 422
    problems += [f"POST moi: {p}" for p in structure_problems(out.get_data(as_text=True), staff=True)]
    assert not problems, "\n".join(problems)
    english = client.get(f"/dan-quyet/{demo['contribution'].id}?lang=en").get_data(as_text=True)
    assert "Result by residential group" in english and "Passing rule" in english


def test_admin_changes_the_rule_for_new_matters_only(client, login_as, db, ward, make_matter):
    from portal.audit import AuditEvent

    before = make_matter(open_=False)
    login_as("editor")
    assert client.get("/can-bo/dan-quyet/quy-tac").status_code == 403
    login_as("admin")
    bad = client.post("/can-bo/dan-quyet/quy-tac", data={"basis": "x", "threshold": "150", "quorum": "abc"})
    assert bad.status_code == 422 and "150" in bad.get_data(as_text=True)
    ok = client.post("/can-bo/dan-quyet/quy-tac",
                     data={"basis": "voting_households", "threshold": "66", "quorum": "50"})
    assert ok.status_code == 302
    after = make_matter(open_=False)
    assert (before.rule_basis.value, before.threshold_percent) == ("all_households", 50)
    assert (after.rule_basis.value, after.threshold_percent, after.quorum_percent) == ("voting_households", 66, 50)
    page = client.get(f"/dan-quyet/{after.id}").get_data(as_text=True)
    assert "Trên 66 % số hộ gia đình tham gia biểu quyết tán thành" in page
    changes = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "setting.change")).all()
    assert {e.subject_id for e in changes} == {"DECISION_RULE_BASIS", "DECISION_THRESHOLD_PERCENT"}


def test_a_board_head_opens_a_supervision_from_a_contribution(client, demo, make_user):
    """The Boards can open a supervision from a decided contribution: the matter's page links the
    plan form with its contributions disclosure and a subject, and the plan keeps the link."""
    from moderation.boards.models import BoardMember
    from moderation.boards.routing import get_inspection_board
    from moderation.supervision.models import Supervision
    from portal.extensions import db
    from tests.fixtures.users import sign_in

    road = demo["contribution"]
    assert road.contributions_disclosure_id
    public = client.get(f"/dan-quyet/{road.id}").get_data(as_text=True)
    assert "/can-bo/ban/giam-sat/moi" not in public  # residents see no staff link
    head = make_user("board_head", "board_member", name="Trưởng Ban Thử")
    board = get_inspection_board()
    db.session.add(BoardMember(board_id=board.id, user_id=head.id, position="head"))
    db.session.commit()
    sign_in(client, head)
    page = client.get(f"/dan-quyet/{road.id}").get_data(as_text=True)
    link = re.search(r'href="(/can-bo/ban/giam-sat/moi\?[^"]+)"', page)
    assert link, "no link to plan a supervision of the contribution"
    url = link.group(1).replace("&amp;", "&")
    form = client.get(url).get_data(as_text=True)
    assert f'value="{road.contributions_disclosure_id}"' in form and "Việc thu, chi khoản đóng góp" in form
    r = client.post("/can-bo/ban/giam-sat/moi", data={
        "board_id": board.id, "subject": "Việc thu, chi khoản đóng góp làm đường",
        "supervised_body": "Ban vận động", "planned_start": "2026-12-21",
        "disclosure_id": str(road.contributions_disclosure_id)})
    assert r.status_code == 302, r.get_data(as_text=True)
    sup = db.session.scalars(db.select(Supervision).order_by(Supervision.id.desc())).first()
    assert sup.disclosure_id == road.contributions_disclosure_id and sup.board_id == board.id

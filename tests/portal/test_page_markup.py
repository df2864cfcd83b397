"""Issue 18, item 6, in the markup: every page of a crawl (the URL map's pages without arguments and
the detail pages of a ward with rows of every kind, for a visitor and for staff) has unique ids;
/favicon.ico answers with an icon that every page links; a consent checkbox and its label share
one element; the comment receipt does not say 'Tệp đính kèm 0'; the moderation queue's cells
carry the column names it shows on a phone; the statistics charts' labels are HTML text."""
from __future__ import annotations

import re
from collections import Counter

from sqlalchemy import func, select

from portal.accounts.models import User
from portal.extensions import db
from tests.fixtures.submissions import form_post, receipt_code_from
from tests.fixtures.users import sign_in
from tests.portal.page_world import World, grow

ID = re.compile(r'\sid="([^"]+)"')


def _paths(app) -> list[str]:
    from moderation.cases.models import Case
    from moderation.intake.models import Submission, SubmissionKind, SubmissionStatus
    from public_docs.disclosures.models import Disclosure

    paths = sorted(rule.rule for rule in app.url_map.iter_rules()
                   if "GET" in rule.methods and not rule.arguments and not rule.endpoint.endswith("static")
                   and not rule.rule.startswith("/api/") and rule.rule != "/favicon.ico")
    first = db.session.scalar
    case = first(select(func.min(Case.id)))
    pending = first(select(func.min(Submission.id)).where(Submission.status == SubmissionStatus.received))
    consultation = first(select(func.min(Submission.disclosure_id)).where(Submission.kind == SubmissionKind.comment))
    disclosure = first(select(func.min(Disclosure.id)))
    approved = first(select(Case.submission_id).where(Case.id == case))
    return paths + [
        f"/can-bo/ban/ho-so/{case}", f"/can-bo/kiem-duyet/{pending}", f"/cong-khai/{disclosure}",
        f"/cong-khai/{consultation}", f"/lay-y-kien/{consultation}", f"/kien-nghi/{approved}",
        f"/can-bo/cong-khai/{disclosure}", "/thong-ke?from=2020-01-01&to=2030-12-31",
    ]


def test_every_page_of_a_crawl_has_unique_ids_and_links_the_favicon(app, client):
    world = grow(World(), 3)
    anonymous = app.test_client()
    sign_in(client, db.session.get(User, world.staff_id))
    paths = _paths(app)
    seen = 0
    for who, visitor in (("public", anonymous), ("staff", client)):
        for path in paths:
            r = visitor.get(path)
            if r.status_code != 200 or not r.mimetype == "text/html":
                continue
            html = r.get_data(as_text=True)
            if "<html" not in html:
                continue
            seen += 1
            repeated = [i for i, n in Counter(ID.findall(html)).items() if n > 1]
            assert not repeated, f"{who} {path}: ids repeated {repeated}"
            assert 'rel="icon"' in html, f"{who} {path}: no favicon link"
    assert seen > 60


def test_favicon(client):
    with client.get("/favicon.ico") as r:
        assert r.status_code == 200 and r.mimetype == "image/vnd.microsoft.icon"
        assert r.data[:4] == b"\x00\x00\x01\x00"  # an ICO header
    with client.get("/static/favicon.svg") as svg:
        assert svg.status_code == 200 and svg.data.startswith(b"<svg")


def test_two_public_forms_on_one_page_have_their_own_honeypot_ids(app, db):
    from moderation.abuse.form_tokens import started_field

    with app.test_request_context("/"):
        first, second = str(started_field()), str(started_field())
    assert 'id="hp-website"' in first and 'for="hp-website"' in first
    assert 'id="hp-website-2"' in second and 'for="hp-website-2"' in second
    assert 'name="website"' in first and 'name="website"' in second  # the field the check reads


def test_step_two_with_similar_petitions_has_unique_ids(client, groups, db):
    from tests.fixtures.boards import make_petition

    for _ in range(2):
        make_petition(status="approved", title="Rác thải ứ đọng ở kiệt 45",
                      description="Rác thải tập kết tại đầu kiệt 45 đường Lê Lợi chưa được thu gom.")
    db.session.commit()
    html = client.post("/gui-kien-nghi", data=form_post(step="check")).get_data(as_text=True)
    assert html.count('name="website"') == 3  # two support forms and the petition form
    assert not [i for i, n in Counter(ID.findall(html)).items() if n > 1]


def _consent_parent(html: str, field_id: str) -> str:
    """The element that holds the checkbox ``field_id``: its opening tag and content up to the checkbox's label."""
    match = re.search(rf'<div class="([^"]*)">\s*<input[^>]*id="{field_id}"[^>]*>\s*<label for="{field_id}"', html)
    assert match, f"#{field_id} and its label are not in one element"
    return match.group(1)


def test_consent_checkbox_and_label_in_one_element(client, groups, db):
    html = client.post("/gui-kien-nghi", data=form_post(step="check")).get_data(as_text=True)
    assert "check" in _consent_parent(html, "consent").split()
    r = client.post("/gui-kien-nghi", data=form_post(phone="0905123456"))  # a contact without consent
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "Vui lòng đánh dấu đồng ý" in html
    assert "check" in _consent_parent(html, "consent").split()


def test_receipt_without_attachment_does_not_count_zero_files(client, groups, db):
    r = client.post("/gui-kien-nghi", data=form_post())
    assert r.status_code == 302
    html = client.get(r.headers["Location"]).get_data(as_text=True)
    assert receipt_code_from(html)
    assert "Tệp đính kèm" not in html


def test_queue_cells_carry_their_column_names(client, make_user, db):
    from tests.fixtures.boards import make_petition

    make_petition(status="received", title="Đèn đường hỏng")
    sign_in(client, make_user("moderator"))
    html = client.get("/can-bo/kiem-duyet/").get_data(as_text=True)
    assert '<table class="stack queue-table">' in html
    for label in ("Mã", "Loại", "Tiêu đề / nội dung", "Lĩnh vực", "Gửi lúc", "Hạn", "Người giữ"):
        assert f'data-label="{label}"' in html


def test_statistics_chart_labels_are_html_text(client, db):
    from tests.fixtures.boards import make_petition

    make_petition(status="approved", title="Đèn đường hỏng")
    html = client.get("/thong-ke").get_data(as_text=True)
    assert '<ol class="bar-chart"' in html and '<span class="bar-label">' in html
    assert "<text" not in html  # no label drawn inside a scaled picture

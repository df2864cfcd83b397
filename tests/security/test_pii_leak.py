"""Personal-data leak crawl: petitions carrying unique marker values in name, phone, email and
address go through the whole workflow (submit → moderate/approve → Board case → referral →
answer → public response → close → rating), a consultation comment carries them too; then every
public page (links followed from ``/`` and every public GET route of the URL map), feed, API
answer, CSV export, the public statistics and the search index files on disk are read: the
markers appear nowhere."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import url_for

from portal.extensions import db
from security import workflow
from security.harness import build_dataset, classify, crawl, rules, sign_out_client, url_for_rule

NAME = "Quxvaname Đặng Thị Riêngtư"
PHONE = "0909731842"
EMAIL = "quxva.email7731@example.vn"
ADDRESS = "Số 77 kiệt Quxvastreet, tổ 9"
NAME_B = "Quxvabname Lê Văn Côngkhai"
PHONE_B = "0912468013"
EMAIL_B = "quxvab.email@example.vn"
ADDRESS_B = "Số 5 đường Quxvabstreet"


def _forms(value: str) -> set[str]:
    """The marker as it may be written: as typed, lower-case, NFD, phone with spaces or +84."""
    import unicodedata

    out = {value, value.lower(), unicodedata.normalize("NFD", value)}
    if value.isdigit():
        out |= {f"{value[:4]} {value[4:7]} {value[7:]}", f"+84{value[1:]}", f"84{value[1:]}", value[1:]}
    for word in re.findall(r"Quxva\w+|quxva[\w.]+", value):
        out |= {word, word.lower()}
    return out


def _markers(private_name: bool) -> dict[str, set[str]]:
    m = {"phone": _forms(PHONE) | _forms(PHONE_B), "email": _forms(EMAIL) | _forms(EMAIL_B) | {"quxva.email7731"},
         "address": _forms(ADDRESS) | _forms(ADDRESS_B) | {"Quxvastreet", "Quxvabstreet"},
         "name": _forms(NAME) | {"Quxvaname", "quxvaname"}}
    if private_name:
        m["name_b"] = _forms(NAME_B) | {"Quxvabname"}
    return m


def _find(text: str, markers: dict[str, set[str]]) -> list[str]:
    found = []
    for kind, forms in markers.items():
        for f in forms:
            if f and f in text:
                found.append(f"{kind} ({f!r})")
                break
    return found


@pytest.fixture
def config_overrides():
    return {"RATELIMIT_ENABLED": False}


def test_personal_data_never_public(app, client):
    ds = build_dataset()
    staff = workflow.make_staff_team()
    # A: anonymous petition (nothing personal may show); B: named (only the name may show).
    a = workflow.submit(workflow.petition_data(
        "Đèn đường PIIMARKA hỏng kéo dài", "Ba cột đèn trên đường Trần Phú không sáng từ hai tuần nay.",
        name=NAME, phone=PHONE, email=EMAIL, visibility="anonymous"), address=ADDRESS)
    b = workflow.submit(workflow.petition_data(
        "Rác thải PIIMARKB không được thu gom", "Điểm tập kết rác ở tổ 9 bị bỏ quên ba ngày liền.",
        name=NAME_B, phone=PHONE_B, email=EMAIL_B, visibility="named"), address=ADDRESS_B)
    journeys = [a, b]
    for j in journeys:
        workflow.moderate(j, staff, public_message="Đã duyệt, chuyển Ban Thanh tra nhân dân.")
        workflow.board_work(j, staff)
    assert "approve" in a.done, a.missing
    # A consultation comment with the same contact data.
    comment_code = None
    try:
        from moderation import intake, queue

        draft = ds.objects["consultation"]
        comment_code = intake.submit_comment(draft, {"text": "Góp ý PIIMARKC: nên giữ giờ yên tĩnh sau 22 giờ.",
                                                     "name": NAME, "phone": PHONE, "email": EMAIL, "consent": "y"})
        sub = intake.find_by_code(comment_code)
        queue.claim_submission(sub, staff.moderator)
        queue.approve_submission(sub, staff.moderator)
        db.session.commit()
    except ImportError:
        pass
    workflow.apply_search_index()
    from moderation.intake.models import SubmitterContact

    assert db.session.get(SubmitterContact, a.submission.id).phone == PHONE  # the data is really stored

    ids = dict(ds.ids, submission_id=a.submission.id, code=a.code, disclosure_id=ds.objects["consultation"].id)
    seeds = ["/"]
    for rule in rules(app):
        if classify(rule) in ("public", "api") and "GET" in (rule.methods or ()):
            seeds.append(url_for_rule(rule, ids))
            if "submission_id" in rule.arguments:
                seeds.append(url_for_rule(rule, dict(ids, submission_id=b.submission.id)))
            if "code" in rule.arguments:
                seeds += [url_for_rule(rule, dict(ids, code=c)) for c in (b.code, comment_code) if c]
    with app.test_request_context():
        for endpoint, values in (("api.openapi", {}), ("intake_api.list_petitions", {"per_page": 100}),
                                 ("disclosures_api.disclosures", {}), ("accountability.public_petitions", {}),
                                 ("search.results", {"q": "PIIMARKA"}), ("search.results", {"q": "Quxvaname"}),
                                 ("search.results", {"q": PHONE})):
            if endpoint in app.view_functions:
                seeds.append(url_for(endpoint, **values))
    sign_out_client(client)
    pages = crawl(client, seeds, max_pages=400, per_path_variants=8, before=lambda: sign_out_client(client))

    markers = _markers(private_name=False)
    markers_anonymous = _markers(private_name=True)
    leaks = []
    from urllib.parse import parse_qsl, urlsplit

    for url, f in pages.items():
        if f.status >= 500:
            leaks.append(f"GET {url}: {f.status} {f.error}")
        body = f.body
        for _, typed in parse_qsl(urlsplit(url).query):
            body = body.replace(typed, "")  # a search page repeats the query the visitor typed
        for hit in _find(body, markers):
            leaks.append(f"GET {url} ({f.content_type}): {hit}")
        # B chose to be named: its name may show beside B only; never phone, email, address.
        for hit in _find(body, {k: v for k, v in markers_anonymous.items() if k == "name_b"}):
            if "PIIMARKB" not in f.body and "json" not in f.content_type:
                leaks.append(f"GET {url}: B's name shown away from B's petition ({hit})")

    # Search index files on disk.
    index_dir = Path(app.config["SEARCH_INDEX_DIR"])
    index_files = [p for p in index_dir.rglob("*") if p.is_file()] if index_dir.exists() else []
    for path in index_files:
        data = path.read_bytes()
        for kind, forms in markers_anonymous.items():
            for form in forms:
                if form.encode("utf-8") in data:
                    leaks.append(f"search index {path.name}: {kind} ({form!r})")
                    break

    # Not vacuous: the crawl reached the petitions, the tracking page and the statistics.
    bodies = "\n".join(f.body for f in pages.values())
    reached = {"petition A": "PIIMARKA" in bodies, "petition B": "PIIMARKB" in bodies,
               "statistics": any(u.startswith("/thong-ke") for u in pages),
               "CSV export": any(".csv" in u for u in pages),
               "feed": any("atom" in u or "rss" in u for u in pages),
               "API": any(u.startswith("/api/v1/") for u in pages)}
    print(f"\nPII crawl: {len(pages)} public URLs, {len(index_files)} index files; reached {reached}; "
          f"workflow A done={a.done} missing={a.missing}")
    assert reached["petition A"] and reached["statistics"] and reached["API"], reached
    assert not leaks, "\n".join(sorted(set(leaks)))

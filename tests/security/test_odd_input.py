"""Odd input on every route: a clear 4xx (or the normal page), never a 5xx (issue 11, item 17).

Every route of the URL map (public, staff as a user it admits, API) gets each payload below in
every string input it can have: each query parameter and form field it reads (the names on its own
page, plus the names resident and staff forms use), each JSON field of the API, and each text
segment of its path. The payloads: a lone surrogate, NUL, CR LF, a right-to-left override, a
10,000-character string, bytes that are not UTF-8, and digits that are not ASCII. Runs on SQLite and,
with TEST_DATABASE_URL, on PostgreSQL (which refuses NUL in text).

Payloads travel as bytes: a lone surrogate in a form or a query string is its would-be UTF-8
encoding (%ED%A0%80, which no decoder accepts), in JSON it is the escape ``\\ud800``.
"""
from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest
from werkzeug.routing import PathConverter, UnicodeConverter

from security.harness import (
    build_dataset,
    classify,
    fetch,
    required_roles,
    rules,
    sign_in_client,
    sign_out_client,
    url_for_rule,
)
from security.htmlcheck import parse

PAYLOADS: dict[str, str | bytes] = {
    "lone-surrogate": "Đèn\ud800 hỏng \udfff",
    "nul": "KN-\x00-đèn\x00",
    "crlf": "/\r\nSet-Cookie: x=1\r\n",
    "rtl-override": "\u202egpj.exe \u2066đèn\u2069",
    "10k-chars": ("Đèn đường hỏng ở tổ 5 " * 480)[:10_000],
    "not-utf8": b"\xff\xfe\xc3(\xed\xa0\x80",
    "arabic-indic-one": "١",  # int() reads it as 1: a topic sent as "١" was filed under topic 1
    "superscript-two": "²",  # isdigit() says yes, int() raises: a 500
}
COMMON_FIELDS = ["kind", "topic", "group", "project_id", "title", "description", "name", "phone", "email",
                 "visibility", "consent", "text", "contact", "info", "rating", "comment", "reason", "code", "q",
                 "page", "per_page", "year", "status", "category", "next", "note", "public_message", "message",
                 "password", "new_password", "summary", "body", "number", "agency", "from", "to", "id", "position",
                 "board_id", "user_id", "group_id", "topic_id", "disclosure_id", "target_code", "received_on",
                 "sent_on", "channel", "action", "actor", "sort", "format", "lang", "issuer", "form", "part"]
# The query parameters the views read (their own forms' fields are added per route).
QUERY_NAMES = ["q", "page", "per_page", "year", "status", "category", "topic", "group", "code", "next", "from", "to",
               "sort", "format", "kind", "form", "issuer", "lang", "part", "action", "actor", "subject_type",
               "subject_id", "disclosure_id", "in", "start", "end", "quarter", "board", "tab"]
QUERY_MAX = 1_000  # a request line longer than a few KB never reaches the app (nginx, gunicorn refuse it)
KEEP_VALID = {"form_started", "csrf_token", "website", "step"}  # the form's own machinery, kept valid
SKIP_ENDPOINTS = {"accounts.logout", "static"}
VIETNAMESE = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


@pytest.fixture
def config_overrides():
    return {"RATELIMIT_ENABLED": False, "FORM_MIN_FILL_SECONDS": 0}


def _raw(payload) -> bytes:
    return payload if isinstance(payload, bytes) else payload.encode("utf-8", "surrogatepass")


def _encoded(fields: dict) -> bytes:
    """``fields`` as an urlencoded body or query string; payloads percent-encoded as bytes."""
    return "&".join(f"{quote(k)}={quote(_raw(v), safe='')}" for k, v in fields.items()).encode()


def _json_body(fields: dict) -> bytes:
    if any(isinstance(v, bytes) for v in fields.values()):  # not UTF-8: raw bytes inside a JSON string
        return b"{" + b",".join(json.dumps(k).encode() + b':"' + _raw(v) + b'"' for k, v in fields.items()) + b"}"
    return json.dumps(fields, ensure_ascii=True).encode()  # a lone surrogate as the escape \ud800


def _form_names(client, url: str) -> set[str]:
    out = fetch(client, "GET", url)
    if out.response is None or out.status != 200 or "html" not in (out.response.content_type or ""):
        return set()
    return {el.attrs["name"] for el in parse(out.response.get_data(as_text=True)).elements
            if el.tag in ("input", "select", "textarea") and el.attrs.get("name")}


def _token() -> str:
    import time

    from moderation.abuse import started_token

    return started_token(time.time() - 60)


class Sweep:
    """Every route with its admitted user and the string inputs it may read."""

    def __init__(self, app, client):
        self.app, self.client = app, client
        self.ds = build_dataset()
        self.routes = [r for r in rules(app) if classify(r) != "static" and r.endpoint not in SKIP_ENDPOINTS]
        self.own_names: dict[str, set[str]] = {}  # the fields of the route's own page
        for rule in self.routes:
            self.enter(rule)
            names = _form_names(client, url_for_rule(rule, self.ds.ids)) if "GET" in rule.methods else set()
            self.own_names[rule.endpoint] = names
        everywhere = set().union(*self.own_names.values())
        # A POST-only route (its form is on another page) gets every name seen on any page.
        self.names = {e: names if names or e not in {r.endpoint for r in self.routes if "GET" not in r.methods}
                      else set(everywhere) for e, names in self.own_names.items()}
        self.failures: list[str] = []
        self.tried = 0
        self.label = ""
        self.statuses: list[tuple[str, str, int]] = []

    def enter(self, rule) -> None:
        roles = required_roles(self.app, rule)
        if roles:
            sign_in_client(self.client, self.ds.users[sorted(roles)[0]])
        else:
            sign_out_client(self.client)

    def fields(self, rule, payload, common=COMMON_FIELDS) -> dict:
        names = (self.names[rule.endpoint] | set(common)) - KEEP_VALID
        fields = {name: payload for name in sorted(names)}
        fields.update({"form_started": _token(), "step": "final", "website": ""})
        return fields

    def query(self, rule, payload) -> str:
        if isinstance(payload, str) and len(payload) > QUERY_MAX:
            payload = payload[:QUERY_MAX]
        return _encoded(self.fields(rule, payload, QUERY_NAMES)).decode()

    def check(self, rule, method: str, url: str, **kwargs) -> None:
        self.enter(rule)
        out = fetch(self.client, method, url, **kwargs)
        self.tried += 1
        self.statuses.append((self.label, rule.endpoint, out.status))
        where = f"[{self.label}] {method} {url[:90]!r} ({rule.endpoint}) {kwargs.get('content_type', '')}"
        if out.status >= 500:
            self.failures.append(f"{where}: {out.status} {out.error}")
        elif out.status >= 400 and out.response is not None:
            body = out.response.get_data().decode("utf-8", "replace")
            if out.response.is_json:
                body = json.dumps(out.response.get_json(), ensure_ascii=False)
            if not VIETNAMESE.search(body):
                self.failures.append(f"{where}: {out.status} without a Vietnamese message: {body[:200]!r}")
        if out.response is not None and "x=1" in out.response.headers.get("Set-Cookie", ""):
            self.failures.append(f"{where}: a header was injected")


def test_odd_text_in_every_input_of_every_route(app, client):
    sweep = Sweep(app, client)
    for label, value in PAYLOADS.items():
        sweep.label = label
        for rule in sweep.routes:
            _every_input(sweep, rule, value)
    assert sweep.tried > 100 * len(PAYLOADS), sweep.tried
    assert not sweep.failures, "\n".join(sweep.failures[:30])


def _every_input(sweep, rule, value) -> None:
    url = url_for_rule(rule, sweep.ds.ids)
    fields = sweep.fields(rule, value)
    methods = set(rule.methods) - {"HEAD", "OPTIONS"}
    if "GET" in methods:
        sweep.check(rule, "GET", f"{url}?{sweep.query(rule, value)}")
    if "POST" in methods:
        sweep.check(rule, "POST", url, data=_encoded(fields), content_type="application/x-www-form-urlencoded")
        if isinstance(value, bytes):  # undecodable bytes as they are, not percent-encoded
            raw = b"&".join(k.encode() + b"=" + value for k in fields)
            sweep.check(rule, "POST", url, data=raw, content_type="application/x-www-form-urlencoded")
        if classify(rule) == "api":
            sweep.check(rule, "POST", url, data=_json_body(fields), content_type="application/json")
    for arg in rule.arguments:  # a text segment of the path: /tra-cuu/<code>, /ngon-ngu/<lang>
        if not isinstance(rule._converters.get(arg), (UnicodeConverter, PathConverter)):
            continue
        path = url_for_rule(rule, {**sweep.ds.ids, arg: "__ODD__"}).replace("__ODD__", quote(_raw(value), safe=""))
        sweep.check(rule, "GET" if "GET" in methods else sorted(methods)[0], path)


# ------------------------------------------------------------------ one odd field in a valid form
def _valid_values(ds) -> dict[str, str]:
    """What a resident (or the login page) would send: each form of the sweep below is valid with
    these, so a single odd field is what gets checked, as far in as the code goes."""
    from moderation.intake.models import Topic
    from portal.extensions import db
    from portal.ward import ResidentialGroup
    from security.harness import PASSWORD

    topic = db.session.scalars(db.select(Topic).where(Topic.active.is_(True))).first()
    group = db.session.scalars(db.select(ResidentialGroup)).first()
    return {"kind": "feedback", "topic": topic.code, "group": group.code, "title": "Đèn đường hỏng ở tổ 5",
            "description": "Ba cột đèn không sáng từ hai tuần nay, rất tối và nguy hiểm cho người đi bộ.",
            "name": "Nguyễn Văn An", "phone": "0905123456", "email": "an@example.vn", "visibility": "named",
            "consent": "y", "contact": "0905123457", "info": "Bổ sung: cột đèn số 12 và 13 đều hỏng.",
            "text": "Góp ý: nên ghi rõ giờ giữ trật tự chung trong quy ước.", "rating": "4",
            "comment": "Trả lời rõ ràng.", "reason": "Chưa thỏa đáng vì đèn vẫn chưa được sửa.",
            "password": PASSWORD, "code": ds.ids["code"]}


RESIDENT_ENDPOINTS = ("intake.petition_form", "intake.support", "intake.add_information",
                      "accountability.rate", "accountability.dispute", "consultations.comment",
                      "intake_api.create_petition", "accounts.login")
# Fields where an odd value is never a valid choice: a row stored with one was accepted wrongly.
_PETITION_IDS = {"topic", "group", "project_id", "email"}
ID_FIELDS = {"intake.petition_form": _PETITION_IDS, "intake_api.create_petition": _PETITION_IDS,
             "consultations.comment": {"group", "email"}}


def _stored_text_problems(before: int) -> list[str]:
    """Rows stored by the request: no unsafe character reached the database."""
    from moderation.intake.models import Submission, SubmitterContact
    from portal.extensions import db

    problems = []
    rows = db.session.scalars(db.select(Submission).where(Submission.id > before)).all()
    for sub in rows:
        contact = db.session.scalars(db.select(SubmitterContact).where(
            SubmitterContact.submission_id == sub.id)).first()
        texts = [sub.title, sub.description, sub.display_name] + (
            [contact.name, contact.phone, contact.email] if contact else [])
        if any(re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\u202e]", t or "") for t in texts):
            problems.append(f"stored {sub.receipt_code} with a control or surrogate character: {texts!r:.200}")
    return problems


def test_one_odd_field_in_an_otherwise_valid_resident_form(app, client):
    sweep = Sweep(app, client)
    valid = _valid_values(sweep.ds)
    routes = [r for r in sweep.routes if r.endpoint in RESIDENT_ENDPOINTS and "POST" in r.methods]
    assert {r.endpoint for r in routes} == set(RESIDENT_ENDPOINTS)
    # The baseline is valid: the petition form and the API store it (so one odd field is what fails).
    form = {**valid, "form_started": _token(), "step": "final", "website": ""}
    sign_out_client(client)
    assert client.post("/gui-kien-nghi", data=form).status_code == 302
    assert client.post("/api/v1/petitions", json={**valid, "consent": True}).status_code == 201
    _open_the_resident_steps(sweep)
    for label, value in PAYLOADS.items():
        sweep.label = label
        for rule in routes:
            _one_odd_field(sweep, rule, valid, value)
    assert sweep.tried > 60 * len(PAYLOADS), sweep.tried
    assert not sweep.failures, "\n".join(sweep.failures[:30])


def _open_the_resident_steps(sweep) -> None:
    """Each resident step open, so that a valid post would succeed: the dataset's case closed (to
    rate or dispute), a petition waiting for more information, a draft open for comments."""
    from moderation.cases.models import CaseStatus
    from moderation.intake.models import SubmissionStatus
    from portal.extensions import db
    from security.harness import make_petition

    sweep.ds.objects["case_a"].status = CaseStatus.closed
    needs_info = make_petition(title="Kiến nghị cần bổ sung", status=SubmissionStatus.needs_info.value)
    db.session.commit()
    sweep.ids_for = {"intake.add_information": {"code": needs_info.receipt_code},
                     "consultations.comment": {"disclosure_id": sweep.ds.ids["consultation_id"]}}


def _one_odd_field(sweep, rule, valid: dict, value) -> None:
    from moderation.intake.models import Submission
    from portal.extensions import db

    url = url_for_rule(rule, {**sweep.ds.ids, **sweep.ids_for.get(rule.endpoint, {})})
    base = {**valid, "form_started": _token(), "step": "final", "website": ""}
    if rule.endpoint == "accounts.login":
        base["email"] = sweep.ds.users["editor"].email
    for name in sorted(set(valid) | (sweep.own_names[rule.endpoint] - KEEP_VALID)):
        fields = {**base, "form_started": _token(), name: value}  # a fresh token each time
        before = db.session.scalar(db.select(db.func.max(Submission.id))) or 0
        if classify(rule) == "api":
            body = {k: v for k, v in fields.items() if k not in KEEP_VALID}
            sweep.check(rule, "POST", url, data=_json_body(body), content_type="application/json")
        else:
            sweep.check(rule, "POST", url, data=_encoded(fields), content_type="application/x-www-form-urlencoded")
        db.session.rollback()
        stored = db.session.scalar(db.select(db.func.max(Submission.id))) or 0
        if stored > before and name in ID_FIELDS.get(rule.endpoint, ()):
            sweep.failures.append(f"[{sweep.label}] {rule.endpoint}: {name}={value!r:.40} was accepted")
        sweep.failures.extend(f"[{sweep.label}] {rule.endpoint} ({name}): {p}" for p in _stored_text_problems(before))

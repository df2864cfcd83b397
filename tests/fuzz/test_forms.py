"""Hypothesis against every public form and JSON endpoint: random Unicode, Vietnamese text, huge
values, missing and extra fields, wrong types. Never a 500, and nothing half-stored: after every
request the submission tables are consistent (each submission has its event, no contact or
attachment without a submission, no stored file without its row).

The POST routes are read from the URL map, so a new public form is fuzzed without editing this
file; field names come from the form on the page (when the route also answers GET) plus the
names every resident form uses, plus random extra names.

What the fuzzing found is kept as ``@example`` cases, tried on every run before the random ones:
``"²"`` as a topic or group (``int("²")`` raised: a 500), ``"١"`` (``int("١") == 1``: filed under
topic 1), a lone surrogate in the JSON text and JSON nested 100,000 deep (500s)."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from security.harness import build_dataset, classify, fetch, rules, sign_out_client, url_for_rule
from security.htmlcheck import parse

from portal.extensions import db

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ" \
             "AĂÂĐÊÔƠƯ .,;:!?-()\n0123456789"
COMMON_FIELDS = ["kind", "topic", "group", "project_id", "title", "description", "name", "phone", "email",
                 "visibility", "consent", "step", "form_started", "website", "text", "contact", "info",
                 "rating", "comment", "reason", "code", "q", "page", "csrf_token"]
EXAMPLES = int(__import__("os").environ.get("FUZZ_EXAMPLES", "30"))

vietnamese = st.text(alphabet=VIETNAMESE, min_size=0, max_size=300)
unicode_text = st.text(min_size=0, max_size=200)  # any code point: controls, bidi, surrogates excluded by Hypothesis
huge = st.integers(min_value=5_000, max_value=70_000).map(lambda n: "Đ" * n)
numbers = st.one_of(st.integers(-10**20, 10**20).map(str), st.sampled_from(["0", "-1", "1e309", "NaN", "", " "]))
values = st.one_of(vietnamese, unicode_text, huge, numbers,
                   st.sampled_from(["y", "on", "true", "anonymous", "named", "private", "feedback", "complaint",
                                    "denunciation", "check", "final", "KN-0000-0000-00", "<script>alert(1)</script>"]))


@pytest.fixture
def config_overrides():
    return {"RATELIMIT_ENABLED": False, "FORM_MIN_FILL_SECONDS": 0}


_PRESEEDED: set = set()


def _remember_seeded() -> None:
    """The dataset's rows are made through the models (no events): only new rows are checked."""
    from moderation.intake.models import Submission

    _PRESEEDED.clear()
    _PRESEEDED.update(db.session.scalars(db.select(Submission.id)))


def _consistent(app) -> list[str]:
    """Invariants that a half-stored submission would break."""
    from moderation.intake.models import Submission, SubmissionAttachment, SubmissionEvent, SubmitterContact

    problems = []
    sub_ids = set(db.session.scalars(db.select(Submission.id))) - _PRESEEDED
    contact_ids = set(db.session.scalars(db.select(SubmitterContact.submission_id))) - _PRESEEDED
    if contact_ids - sub_ids:
        problems.append(f"contacts without submission: {contact_ids - sub_ids}")
    with_event = set(db.session.scalars(db.select(SubmissionEvent.submission_id)))
    if sub_ids - with_event:
        problems.append(f"submissions without an event: {sub_ids - with_event}")
    for s in db.session.scalars(db.select(Submission).where(Submission.id.not_in(_PRESEEDED or {0}))):
        if not s.receipt_code or (s.kind.value == "petition" and (not s.title or not s.description)):
            problems.append(f"incomplete submission {s.id}")
    hashes = set(db.session.scalars(db.select(SubmissionAttachment.sha256)))
    try:
        from public_docs.disclosures.models import Attachment

        hashes |= set(db.session.scalars(db.select(Attachment.sha256)))
    except ImportError:
        pass
    root = Path(app.config["UPLOAD_DIR"])
    stored = {p.name for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")} if root.exists() else set()
    if stored - hashes:
        problems.append(f"files without a row: {len(stored - hashes)}")
    return problems


def _form_fields(client, url) -> list[str]:
    out = fetch(client, "GET", url)
    if out.response is None or out.status != 200 or "html" not in (out.response.content_type or ""):
        return []
    names = []
    for el in parse(out.response.get_data(as_text=True)).elements:
        if el.tag in ("input", "select", "textarea") and el.attrs.get("name"):
            names.append(el.attrs["name"])
    return names


def _public_posts(app, ids):
    out = []
    for rule in rules(app):
        if classify(rule) == "public" and "POST" in (rule.methods or ()):
            out.append((rule, url_for_rule(rule, ids)))
    return out


def _token(kind):
    from moderation import abuse

    return {"valid": abuse.started_token(time.time() - 30), "fresh": abuse.started_token(),
            "old": abuse.started_token(time.time() - 10 * 86400), "garbage": "x.y.z", "missing": None}[kind]


def test_public_forms_never_fail(app):
    ds = build_dataset()
    _remember_seeded()
    client = app.test_client()
    targets = _public_posts(app, ds.ids)
    assert targets, "no public form found"
    fields = {url: sorted(set(_form_fields(client, url)) | set(COMMON_FIELDS)) for _, url in targets}
    failures: list[str] = []

    for rule, url in targets:
        names = fields[url]

        @given(data=st.dictionaries(st.sampled_from(names) | st.text(min_size=1, max_size=12), values, max_size=14),
               token=st.sampled_from(["valid", "valid", "fresh", "old", "garbage", "missing"]),
               drop=st.sets(st.sampled_from(names), max_size=4))
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @example(data={"topic": "²", "title": "Đèn đường hỏng", "description": "Ba cột đèn không sáng hai tuần nay."},
                 token="valid", drop=set())
        @example(data={"group": "²", "topic": "land"}, token="valid", drop=set())
        @example(data={"topic": "١", "group": "١"}, token="valid", drop=set())
        @example(data={"title": "Đèn\x00 hỏng", "code": "KN-\x00", "contact": "\x00", "q": "\x00"}, token="valid",
                 drop=set())
        def run(data, token, drop):
            form = {k: v for k, v in data.items() if k not in drop}
            tok = _token(token)
            if tok is not None:
                form["form_started"] = tok
            sign_out_client(client)
            out = fetch(client, "POST", url, data=form)
            if out.status >= 500:
                failures.append(
                    f"POST {url} ({rule.endpoint}) → {out.status} {out.error} with {json.dumps(form)[:300]}")
            problems = _consistent(app)
            if problems:
                failures.append(f"POST {url} ({rule.endpoint}): {problems}")
            assert not failures, failures[-1]

        try:
            run()
        except AssertionError:
            pass
    assert not failures, "\n".join(failures[:20])


def test_public_pages_with_random_query_strings(app):
    """Every public GET page (lists, search, tracking) with random query parameters."""
    ds = build_dataset()
    client = app.test_client()
    urls = [url_for_rule(r, ds.ids) for r in rules(app)
            if classify(r) in ("public", "api") and "GET" in (r.methods or ()) and r.endpoint != "static"]
    failures: list[str] = []

    @given(which=st.sampled_from(urls),
           params=st.dictionaries(st.sampled_from(["q", "page", "per_page", "category", "year", "form", "issuer",
                                                   "group", "status", "sort", "topic", "from", "to", "code",
                                                   "format", "lang"]) | st.text(min_size=1, max_size=8),
                                  values, max_size=6))
    @settings(max_examples=EXAMPLES * 3, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def run(which, params):
        out = fetch(client, "GET", which, query_string=params)
        if out.status >= 500:
            failures.append(f"GET {which} {json.dumps(params)[:200]} → {out.status} {out.error}")

    run()
    assert not failures, "\n".join(failures[:20])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**30, 10**30) | st.floats(allow_nan=True) | vietnamese | unicode_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12)
petition_keys = ["kind", "topic", "group", "project_id", "title", "description", "name", "phone", "email",
                 "visibility", "consent"]


def test_json_petition_endpoint(app):
    build_dataset()
    _remember_seeded()
    client = app.test_client()
    from security.workflow import default_topic

    from moderation.intake.models import Submission

    topic = default_topic()
    from moderation.intake.models import Topic
    from portal.sanitize import clean_text

    named = {t.code for t in db.session.query(Topic)} | {t.id for t in db.session.query(Topic)} | {
        str(t.id) for t in db.session.query(Topic)}  # how a sender names a topic: its code or its id
    failures: list[str] = []
    good = {"topic": topic, "title": "Đèn đường hỏng ở tổ 5",
            "description": "Ba cột đèn không sáng từ hai tuần nay, rất tối và nguy hiểm."}

    @given(body=st.one_of(
        json_values,
        st.fixed_dictionaries({}, optional={k: json_values | values for k in petition_keys}),
        st.fixed_dictionaries({k: st.just(v) for k, v in good.items()},
                              optional={k: json_values for k in petition_keys + ["extra", "id", "status"]
                                        if k not in good})),
        raw=st.sampled_from([None, None, None, b"", b"\x00", b"{", b"[]" * 3000, b"[" * 100_000, b'{"a":' * 100_000,
                             "{\"title\": \"\ud800\"}".encode("utf-8", "surrogatepass"),
                             b'{"title": "\\ud800", "topic": "\\u0000"}']))
    @settings(max_examples=EXAMPLES * 2, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @example(body={**good, "topic": "²"}, raw=None)
    @example(body={**good, "group": "²"}, raw=None)
    @example(body={**good, "topic": "١"}, raw=None)
    @example(body={**good, "group": "١"}, raw=None)
    @example(body={**good, "title": "Đèn đường\ud800 hỏng", "email": "a\ud800@b.vn", "name": "An", "consent": True},
             raw=None)
    @example(body=None, raw=b"[" * 100_000)
    def run(body, raw):
        before = db.session.query(Submission).count()
        if raw is not None:
            out = fetch(client, "POST", "/api/v1/petitions", data=raw, content_type="application/json")
        else:
            out = fetch(client, "POST", "/api/v1/petitions", json=body)
        after = db.session.query(Submission).count()
        if out.status >= 500:
            failures.append(f"{out.status} {out.error} for {str(body)[:200]!r} {raw!r}")
        elif out.status == 201:
            if after != before + 1:
                failures.append(f"201 but {after - before} rows for {str(body)[:200]}")
            elif isinstance(body, dict) and (
                    clean_text(t) if isinstance(t := body.get("topic"), str) else t) not in named:
                failures.append(f"201 for topic {body.get('topic')!r}, which names no topic")
        elif after != before:
            failures.append(f"{out.status} yet a row was stored for {str(body)[:200]}")
        elif out.response is not None and not out.response.is_json:
            failures.append(f"{out.status} not JSON for {str(body)[:200]}")
        problems = _consistent(app)
        if problems:
            failures.append(f"{problems} after {str(body)[:200]}")

    run()
    assert not failures, "\n".join(failures[:20])
    # The valid body is accepted (the strategy is not only noise).
    resp = client.post("/api/v1/petitions", json=good)
    assert resp.status_code == 201, resp.get_data(as_text=True)

"""Property-based tests: random text and files posted to every public form and the API never
give a 500, never leave a half-stored submission, and file a petition only under the topic and
group the sender named (by code or by id in ASCII digits).

The ``@example`` cases are what these tests (and the outside attack) found: ``"²"`` as a topic or
group (``int("²")`` raised, a 500), ``"١"`` (``int("١") == 1``: filed under topic 1), a lone
surrogate (the database driver cannot encode it) and NUL (PostgreSQL refuses it in text)."""
from __future__ import annotations

import io
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from moderation.intake.models import Submission, SubmissionAttachment, SubmissionEvent, SubmissionStatus
from portal.files import path_for
from tests.fixtures.files import PDF_BYTES, png_bytes
from tests.fixtures.submissions import token

SETTINGS = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
TEXT = st.text(max_size=400) | st.sampled_from(["", " ", "Kiến nghị sửa đường kiệt 45 Lê Lợi bị ngập",
                                                "<script>alert(1)</script>" * 3, "x" * 6000, "\x00\u202e\ud7ff"])
CHOICE = st.sampled_from(["", "feedback", "complaint", "land", "TDP01", "named", "private", "anonymous", "0", "1",
                          "9999999999999", "y"]) | st.text(max_size=20)
FILE_BYTES = st.binary(max_size=3000) | st.sampled_from([PDF_BYTES, png_bytes()]) | st.binary(max_size=200).map(
    lambda b: b"\xff\xd8\xff" + b) | st.binary(max_size=200).map(lambda b: b"%PDF-1.4" + b)
FILES = st.lists(st.tuples(st.text(max_size=40), FILE_BYTES), max_size=7)


@pytest.fixture
def config_overrides():
    return {"RATELIMIT_ENABLED": False}


def invariants(db):
    """Every stored submission is whole: it has its events, and its attachments' files exist."""
    db.session.expire_all()
    subs = db.session.scalar(select(func.count(Submission.id)))
    with_events = db.session.scalar(select(func.count(func.distinct(SubmissionEvent.submission_id))))
    assert subs == with_events
    for att in db.session.scalars(select(SubmissionAttachment)):
        assert path_for(att.sha256).exists()


def n(db):
    return db.session.scalar(select(func.count(Submission.id)))


def _files(files):
    return [(io.BytesIO(data), name or "tep") for name, data in files]


def filed_as_named(db, sent: dict) -> None:
    """The newest petition's topic and group are the ones ``sent`` named: their code, or their id
    written in ASCII digits (never "١" read as 1)."""
    from portal.sanitize import clean_text

    sub = db.session.scalars(select(Submission).order_by(Submission.id.desc()).limit(1)).one()
    for field, row in (("topic", sub.topic), ("group", sub.group)):
        value = sent.get(field)
        if row is None:
            continue
        text = clean_text(str(value)) if value is not None else ""
        assert text == row.code or re.fullmatch(rf"0*{row.id}", text), (field, value, row.code, row.id)


NASTY_CHOICES = [("topic", "²"), ("group", "²"), ("topic", "١"), ("group", "١"), ("project_id", "²"),
                 ("topic", "\ud800"), ("group", "\x00"), ("topic", "land\x00")]


VALID_TEXT = {"title": "Đèn đường hỏng ở tổ 5", "description": "Ba cột đèn không sáng từ hai tuần nay, rất tối.",
              "name": "", "phone": "", "email": ""}
VALID_CHOICES = {"kind": "feedback", "topic": "land", "group": "TDP01", "project_id": "", "visibility": "anonymous",
                 "consent": "", "step": "final"}


def _with(base: dict, field: str, value) -> dict:
    return {**base, field: value} if field in base else base


@SETTINGS
@given(data=st.fixed_dictionaries({k: TEXT for k in ("title", "description", "name", "phone", "email")}),
       choices=st.fixed_dictionaries({k: CHOICE for k in ("kind", "topic", "group", "project_id", "visibility",
                                                           "consent", "step")}),
       files=FILES)
@example(data=VALID_TEXT, choices=VALID_CHOICES, files=[])
@example(data={**VALID_TEXT, "title": "Đèn\x00 hỏng\u202e"}, choices=VALID_CHOICES, files=[])
@example(data={**VALID_TEXT, "phone": "0٩05123456", "name": "An"}, choices={**VALID_CHOICES, "consent": "y"}, files=[])
def test_petition_form_never_500(client, groups, db, data, choices, files):
    before = n(db)
    payload = {**data, **choices, "form_started": token(), "attachments": _files(files)}
    resp = client.post("/gui-kien-nghi", data=payload, content_type="multipart/form-data")
    assert resp.status_code < 500
    assert n(db) == before + (1 if resp.status_code == 302 else 0)
    if resp.status_code == 302:
        filed_as_named(db, choices)
    invariants(db)


@pytest.mark.parametrize("field, value", [c for c in NASTY_CHOICES if "\ud800" not in c[1]])  # no UTF-8 form
def test_petition_form_found_examples(client, groups, db, field, value):
    """The form with one found value, the rest valid: refused with the field's message."""
    payload = {**VALID_TEXT, **VALID_CHOICES, field: value, "form_started": token()}
    resp = client.post("/gui-kien-nghi", data=payload)
    assert resp.status_code == 422
    assert "không hợp lệ: vui lòng chọn trong danh sách" in resp.get_data(as_text=True)
    assert n(db) == 0


API_VALID = {**VALID_TEXT, **{k: v for k, v in VALID_CHOICES.items() if k not in ("step", "consent")}}


@SETTINGS
@given(data=st.fixed_dictionaries({k: TEXT | st.integers() | st.none() | st.booleans()
                                   for k in ("kind", "topic", "group", "project_id", "title", "description",
                                             "name", "phone", "email", "visibility", "consent")}))
@example(data=API_VALID)
@example(data={**API_VALID, "topic": 1, "group": "1"})
@example(data={**API_VALID, "title": "Đèn\ud800 hỏng", "name": "An\udfff", "consent": True})
@example(data={**API_VALID, "email": "an\ud800@example.vn", "consent": True})
@example(data={**API_VALID, "email": "an\x00@example.vn", "consent": True})
@example(data={**API_VALID, "topic": True, "group": 10**30, "project_id": -1})
def test_api_never_500(client, groups, db, data):
    before = n(db)
    resp = client.post("/api/v1/petitions", json=data)
    assert resp.status_code < 500 and resp.is_json
    assert n(db) == before + (1 if resp.status_code == 201 else 0)
    if resp.status_code == 201:
        filed_as_named(db, data)
    invariants(db)


@pytest.mark.parametrize("field, value", NASTY_CHOICES)
def test_api_found_examples(client, groups, db, field, value):
    resp = client.post("/api/v1/petitions", json={**API_VALID, field: value})
    assert resp.status_code == 422
    assert field in resp.get_json()["fields"]
    assert n(db) == 0


@SETTINGS
@given(code=TEXT, info=TEXT, files=FILES, contact=TEXT)
@example(code="KN-\x00", info="Bổ sung\x00 thông tin", files=[], contact="0905\x00123456")
@example(code="KN-٣٣٣٣-٣٣٣٣-٣٣", info="x" * 6000, files=[], contact="an\u202e@example.vn")
def test_tracking_add_info_and_support_never_500(client, petition, db, code, info, files, contact):
    s = db.session.scalar(select(Submission).order_by(Submission.id).limit(1))
    if s is None:
        s = petition()
        s.status = SubmissionStatus.needs_info
        db.session.commit()
    assert client.get("/tra-cuu", query_string={"code": code}).status_code < 500
    assert client.get("/tra-cuu/" + (code.replace("/", "")[:60] or "x")).status_code < 500
    resp = client.post(f"/tra-cuu/{s.receipt_code}/bo-sung", content_type="multipart/form-data",
                       data={"info": info, "form_started": token(), "attachments": _files(files)})
    assert resp.status_code < 500
    if resp.status_code == 302:
        s.status = SubmissionStatus.needs_info
        db.session.commit()
    s.status = SubmissionStatus.approved
    db.session.commit()
    resp = client.post(f"/gui-kien-nghi/ung-ho/{s.id}", data={"contact": contact, "form_started": token()})
    assert resp.status_code < 500
    s.status = SubmissionStatus.needs_info
    db.session.commit()
    invariants(db)


@SETTINGS
@given(data=st.fixed_dictionaries({k: TEXT for k in ("text", "name", "phone", "email")}),
       group=CHOICE, consent=CHOICE)
def test_comment_form_never_500(client, groups, db, data, group, consent):
    import datetime as dt

    from public_docs.disclosures.models import Disclosure, DisclosureStatus

    d = db.session.scalar(select(Disclosure))
    if d is None:
        today = dt.date.today()
        d = Disclosure(number="09/DT", title="Dự thảo", category="conventions", status=DisclosureStatus.published,
                       comments_open_from=today, comments_open_until=today + dt.timedelta(days=30))
        db.session.add(d)
        db.session.commit()
    before = n(db)
    resp = client.post(f"/lay-y-kien/{d.id}/gop-y", data={**data, "group": group, "consent": consent,
                                                          "form_started": token()})
    assert resp.status_code < 500
    assert n(db) == before + (1 if resp.status_code == 302 else 0)
    invariants(db)

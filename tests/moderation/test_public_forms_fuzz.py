"""Property-based tests: random text and files posted to every public form and the API never
give a 500 and never leave a half-stored submission."""
from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from mod_helpers import PDF_BYTES, png_bytes, token
from moderation.models import Submission, SubmissionAttachment, SubmissionEvent, SubmissionStatus
from portal.files import path_for

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


@SETTINGS
@given(data=st.fixed_dictionaries({k: TEXT for k in ("title", "description", "name", "phone", "email")}),
       choices=st.fixed_dictionaries({k: CHOICE for k in ("kind", "topic", "group", "project_id", "visibility",
                                                           "consent", "step")}),
       files=FILES)
def test_petition_form_never_500(client, groups, db, data, choices, files):
    before = n(db)
    payload = {**data, **choices, "form_started": token(), "attachments": _files(files)}
    resp = client.post("/gui-kien-nghi", data=payload, content_type="multipart/form-data")
    assert resp.status_code < 500
    assert n(db) == before + (1 if resp.status_code == 302 else 0)
    invariants(db)


@SETTINGS
@given(data=st.fixed_dictionaries({k: TEXT | st.integers() | st.none() | st.booleans()
                                   for k in ("kind", "topic", "group", "project_id", "title", "description",
                                             "name", "phone", "email", "visibility", "consent")}))
def test_api_never_500(client, groups, db, data):
    before = n(db)
    resp = client.post("/api/v1/petitions", json=data)
    assert resp.status_code < 500 and resp.is_json
    assert n(db) == before + (1 if resp.status_code == 201 else 0)
    invariants(db)


@SETTINGS
@given(code=TEXT, info=TEXT, files=FILES, contact=TEXT)
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

    from public_docs.models import Disclosure, DisclosureStatus

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

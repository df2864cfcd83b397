"""The CSRF-exempt JSON API takes only requests a plain HTML form on another site cannot send: a
JSON body (``Content-Type: application/json``), or multipart with a custom header; anything else
is a 415 with a Vietnamese message and stores nothing (issue 11, item 12)."""
from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import func, select

from moderation.intake.models import Submission
from tests.fixtures.files import PDF_BYTES
from tests.fixtures.submissions import valid_petition

URL = "/api/v1/petitions"


def n_submissions(db) -> int:
    return db.session.scalar(select(func.count(Submission.id)))


def assert_415(resp):
    assert resp.status_code == 415 and resp.is_json, resp.get_data(as_text=True)[:300]
    message = resp.get_json()["message"]
    assert "application/json" in message and "X-Portal-Client" in message and "Định dạng" in message


@pytest.mark.parametrize("content_type", ["application/json", "application/json; charset=utf-8",
                                          "Application/JSON;charset=UTF-8"])
def test_json_is_accepted(client, groups, db, content_type):
    resp = client.post(URL, data=json.dumps(valid_petition()), content_type=content_type)
    assert resp.status_code == 201 and n_submissions(db) == 1


def test_what_an_html_form_can_send_is_refused(client, groups, db):
    body = valid_petition()
    assert_415(client.post(URL, data=body))  # application/x-www-form-urlencoded
    assert_415(client.post(URL, data={**body, "attachments": (io.BytesIO(PDF_BYTES), "a.pdf")},
                           content_type="multipart/form-data"))  # enctype=multipart/form-data, no header
    assert_415(client.post(URL, data=json.dumps(body), content_type="text/plain"))  # enctype=text/plain
    assert_415(client.post(URL, data=json.dumps(body), content_type="text/plain; charset=utf-8"))
    assert_415(client.post(URL, data=json.dumps(body)))  # no Content-Type at all
    assert_415(client.post(URL, data=json.dumps(body), content_type="application/vnd.api+json"))
    assert_415(client.post(URL, data=body, headers={"X-Portal-Client": "x"}))  # header, but urlencoded
    assert_415(client.post(URL, data={**body, "attachments": (io.BytesIO(PDF_BYTES), "a.pdf")},
                           content_type="multipart/form-data", headers={"X-Portal-Client": "  "}))
    assert n_submissions(db) == 0


@pytest.mark.parametrize("header", ["X-Portal-Client", "X-Requested-With"])
def test_multipart_with_the_custom_header_files_attachments(client, groups, db, header):
    data = {**valid_petition(), "attachments": (io.BytesIO(PDF_BYTES), "ban-ve.pdf")}
    resp = client.post(URL, data=data, content_type="multipart/form-data", headers={header: "kiosk-ubnd-1"})
    assert resp.status_code == 201
    sub = db.session.scalars(select(Submission)).one()
    assert sub.channel.value == "api" and [a.filename for a in sub.attachments] == ["ban-ve.pdf"]


def test_every_csrf_exempt_post_refuses_form_posts(app, client, groups, db):
    """No POST route in a CSRF-exempt blueprint may act on what a cross-site HTML form can send."""
    from portal.extensions import csrf

    exempt = {getattr(bp, "name", bp) for bp in csrf._exempt_blueprints} | set(csrf._exempt_views)
    routes = [r for r in app.url_map.iter_rules() if "POST" in (r.methods or ())
              and (r.endpoint.split(".")[0] in exempt or r.endpoint in exempt)]
    assert any(r.rule == URL for r in routes)
    for rule in routes:
        url = rule.build({arg: 1 for arg in rule.arguments})[1]
        for kwargs in ({"data": valid_petition()}, {"data": "{}", "content_type": "text/plain"},
                       {"data": {"title": "x"}, "content_type": "multipart/form-data"}):
            assert_415(client.post(url, **kwargs))
    assert n_submissions(db) == 0


def test_openapi_documents_the_rule(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    post = doc["paths"]["/api/v1/petitions"]["post"]
    assert "415" in post["responses"]
    assert {"name": "X-Portal-Client", "in": "header"}.items() <= post["parameters"][0].items()
    assert "X-Portal-Client" in post["description"] and "application/json" in post["description"]
    assert set(post["requestBody"]["content"]) == {"application/json", "multipart/form-data"}

"""The JSON API: create, options, status, public list, OpenAPI document."""
from __future__ import annotations

from sqlalchemy import func, select

from moderation import intake
from moderation.intake.models import Submission
from tests.fixtures.submissions import valid_petition


def test_create_petition_201(client, groups, db):
    resp = client.post("/api/v1/petitions", json=valid_petition(email="k@example.com", consent=True))
    assert resp.status_code == 201
    code = resp.get_json()["receipt_code"]
    sub = intake.find_by_code(code)
    assert sub.channel.value == "api" and sub.contact.email == "k@example.com"


def test_create_petition_422_with_message_per_field(client, groups, db):
    resp = client.post("/api/v1/petitions", json=valid_petition(title="", topic="x", phone="1", consent=False))
    assert resp.status_code == 422
    fields = resp.get_json()["fields"]
    assert fields["title"] == "Vui lòng nhập tiêu đề."
    assert "Lĩnh vực không hợp lệ" in fields["topic"]
    assert "Số điện thoại không hợp lệ" in fields["phone"]
    assert "consent" in fields
    assert db.session.scalar(select(func.count(Submission.id))) == 0


def test_create_wrong_types_and_bad_json(client, groups):
    assert client.post("/api/v1/petitions", json=[1, 2]).status_code == 400
    resp = client.post("/api/v1/petitions", json=valid_petition(title={"a": 1}))
    assert resp.status_code == 422 and "title" in resp.get_json()["fields"]


def test_complaint_422_with_guidance(client, groups, app, db):
    resp = client.post("/api/v1/petitions", json=valid_petition(kind="denunciation"))
    body = resp.get_json()
    assert resp.status_code == 422 and app.config["RECEPTION_ADDRESS"] in body["guidance"]
    assert db.session.scalar(select(func.count(Submission.id))) == 0


def test_options_status_and_public_list_without_personal_data(client, petition, db, make_user):
    opts = client.get("/api/v1/petition-options").get_json()
    assert {"code": "land", "name": "Đất đai"} in opts["topics"]
    assert opts["groups"][0]["code"] == "TDP01"
    sub = petition(name="Vũ Văn Nam", phone="0905444555", email="nam@example.com", consent=True, visibility="named")
    hidden = petition(visibility="private")
    status = client.get(f"/api/v1/submissions/{sub.receipt_code.lower()}").get_json()
    assert status == {**status, "status": "received", "receipt_code": sub.receipt_code}
    assert client.get("/api/v1/submissions/KN-0000-0000-00").status_code == 404
    from moderation import queue

    mod = make_user("moderator")
    queue.approve_submission(sub, mod)
    queue.approve_submission(hidden, mod)
    db.session.commit()
    body = client.get("/api/v1/petitions?per_page=5").get_json()
    assert body["total"] == 1 and body["items"][0]["id"] == sub.id
    text = client.get("/api/v1/petitions").get_data(as_text=True)
    for secret in ("Vũ Văn Nam", "0905444555", "nam@example.com", sub.receipt_code):
        assert secret not in text


def test_openapi_documents_the_endpoints(client, groups):
    doc = client.get("/api/v1/openapi.json").get_json()
    for path in ("/api/v1/petitions", "/api/v1/petition-options", "/api/v1/submissions/{code}"):
        assert path in doc["paths"]
    assert "PetitionInput" in doc["components"]["schemas"]

"""The odd inputs the outside attack found (issue 11, items 16 and 17), each as an explicit case:
digits that are not ASCII as ids, lone surrogates and NUL bytes in text, JSON nested 100,000 deep,
CR LF in a redirect target. Each answers a 4xx with a Vietnamese message (or a normal page), never
a 5xx, and nothing is stored under a value the sender did not choose."""
from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from sqlalchemy import func, select

from moderation.intake.models import Submission, SubmitterContact
from security.harness import PASSWORD, build_dataset, make_petition, make_staff
from security.workflow import default_topic

# int("١") == 1, int("٣") == 3, int("１") == 1 (full width), int("𝟏") == 1; "²".isdigit() but int("²") raises.
NOT_ASCII_DIGITS = ["²", "١", "٣", "１", "𝟏", "¹", "½", "Ⅰ", "1\u0661"]


@pytest.fixture
def config_overrides():
    return {"RATELIMIT_ENABLED": False, "FORM_MIN_FILL_SECONDS": 0}


@pytest.fixture
def petition_input(app, db):
    from portal.ward import ResidentialGroup

    for i in (1, 2, 3):
        db.session.add(ResidentialGroup(code=f"TDP0{i}", name=f"Tổ dân phố {i}", position=i))
    db.session.commit()
    return {"kind": "feedback", "topic": default_topic(), "group": "TDP01", "title": "Đèn đường hỏng ở tổ 5",
            "description": "Ba cột đèn không sáng từ hai tuần nay, rất tối và nguy hiểm cho người đi bộ."}


def _count(db) -> int:
    return db.session.scalar(select(func.count(Submission.id)))


def _token() -> str:
    import time

    from moderation.abuse import started_token

    return started_token(time.time() - 60)


# ---------------------------------------------------------------------------- item 16: ids
@pytest.mark.parametrize("field", ["topic", "group", "project_id"])
@pytest.mark.parametrize("value", NOT_ASCII_DIGITS)
def test_api_refuses_ids_written_with_other_digits(client, db, petition_input, field, value):
    resp = client.post("/api/v1/petitions", json={**petition_input, field: value})
    assert resp.status_code == 422, resp.get_data(as_text=True)
    body = resp.get_json()
    assert "không hợp lệ" in body["fields"][field]
    assert _count(db) == 0


@pytest.mark.parametrize("field", ["topic", "group", "project_id"])
@pytest.mark.parametrize("value", ["²", "١"])
def test_petition_form_refuses_ids_written_with_other_digits(client, db, petition_input, field, value):
    form = {**petition_input, field: value, "step": "final", "form_started": _token()}
    resp = client.post("/gui-kien-nghi", data=form)
    assert resp.status_code == 422
    assert "không hợp lệ: vui lòng chọn trong danh sách" in resp.get_data(as_text=True)
    assert _count(db) == 0


def test_ascii_ids_still_work(client, db, petition_input):
    from moderation.intake.models import Topic

    topic = db.session.scalars(select(Topic).where(Topic.code == petition_input["topic"])).one()
    resp = client.post("/api/v1/petitions", json={**petition_input, "topic": str(topic.id), "group": " 1 "})
    assert resp.status_code == 201, resp.get_data(as_text=True)
    sub = db.session.scalars(select(Submission)).one()
    assert sub.topic_id == topic.id and sub.group.code == "TDP01"


def test_phone_with_other_digits_is_refused(client, db, petition_input):
    contact = {"name": "Nguyễn Văn An", "consent": True}
    for phone in ("0٩05123456", "０９０５１２３４５６", "090５123456"):
        resp = client.post("/api/v1/petitions", json={**petition_input, **contact, "phone": phone})
        assert resp.status_code == 422 and "phone" in resp.get_json()["fields"], phone
    assert _count(db) == 0


def test_route_ids_take_ascii_digits_only(app, client):
    ds = build_dataset()
    sid, did = ds.ids["submission_id"], ds.ids["disclosure_id"]
    assert client.get(f"/kien-nghi/{sid}").status_code == 200
    assert client.get(f"/cong-khai/{did}").status_code == 200
    digits = {"1": "١", "2": "٢", "3": "٣", "4": "٤", "5": "٥", "6": "٦", "7": "٧", "8": "٨", "9": "٩", "0": "٠"}
    other = "".join(digits[c] for c in str(sid))
    assert client.get(f"/kien-nghi/{other}").status_code == 404
    assert client.get(f"/cong-khai/{''.join(digits[c] for c in str(did))}").status_code == 404
    assert client.get(f"/api/v1/disclosures/{''.join(digits[c] for c in str(did))}").status_code == 404


def test_staff_selects_refuse_other_digits(app, client, db):
    """The Board roster's user/group selects (coerce) and the SLA settings read ASCII digits only."""
    from moderation.boards.models import BoardMember
    from security.harness import sign_in_client

    ds = build_dataset()
    sign_in_client(client, ds.users["admin"])
    board_id = ds.ids["board_id"]
    members = db.session.scalar(select(func.count(BoardMember.id)).where(BoardMember.board_id == board_id))
    user = make_staff("editor")
    db.session.commit()
    other = "".join("٠١٢٣٤٥٦٧٨٩"[int(c)] for c in str(user.id))

    def add(user_id: str):
        form = {f"add{board_id}-user_id": user_id, f"add{board_id}-position": "member", f"add{board_id}-group_id": "0"}
        return client.post(f"/can-bo/ban/ban/{board_id}/thanh-vien", data=form)

    def added() -> int:
        return db.session.scalar(select(func.count(BoardMember.id)).where(
            BoardMember.board_id == board_id, BoardMember.user_id == user.id))

    resp = add(other)
    assert resp.status_code == 400 and "Vui lòng kiểm tra các trường của thành viên" in resp.get_data(as_text=True)
    assert added() == 0
    assert db.session.scalar(select(func.count(BoardMember.id)).where(BoardMember.board_id == board_id)) == members
    assert add(str(user.id)).status_code == 302 and added() == 1  # ASCII digits: the same form works


# --------------------------------------------------------------------- item 17: text and JSON
@pytest.mark.parametrize("field", ["title", "description", "name"])
def test_lone_surrogate_in_json_text_is_replaced_not_a_500(client, db, petition_input, field):
    body = {**petition_input, "name": "Nguyễn Văn An", "consent": True}
    body[field] = body[field] + " \ud800 \udfff"
    resp = client.post("/api/v1/petitions", data=json.dumps(body), content_type="application/json")
    assert resp.status_code == 201, resp.get_data(as_text=True)
    sub = db.session.scalars(select(Submission)).one()
    contact = db.session.scalars(select(SubmitterContact)).one()
    stored = {"title": sub.title, "description": sub.description, "name": contact.name}[field]
    assert "\ufffd" in stored and stored.encode("utf-8")  # visible, and storable


@pytest.mark.parametrize("field, value", [
    ("email", "an\ud800@example.vn"), ("email", "an\x00@example.vn"), ("email", "an@exam\x00ple.vn"),
    ("topic", "\ud800"), ("topic", "\x00"), ("group", "TDP01\x00"), ("topic", "land\x00"),
])
def test_lone_surrogate_or_nul_in_a_choice_or_email_is_refused(client, db, petition_input, field, value):
    body = {**petition_input, "name": "Nguyễn Văn An", "consent": True, field: value}
    resp = client.post("/api/v1/petitions", data=json.dumps(body), content_type="application/json")
    assert resp.status_code == 422, resp.get_data(as_text=True)
    assert field in resp.get_json()["fields"]
    assert _count(db) == 0


def test_nul_in_form_text_never_reaches_the_database(client, db, petition_input):
    form = {**petition_input, "title": "Đèn\x00 đường hỏng", "name": "An\x00", "phone": "0905\x00123456",
            "consent": "y", "step": "final", "form_started": _token()}
    resp = client.post("/gui-kien-nghi", data=form)
    assert resp.status_code == 302
    sub = db.session.scalars(select(Submission)).one()
    contact = db.session.scalars(select(SubmitterContact)).one()
    assert "\x00" not in sub.title + contact.name and contact.phone == "0905123456"


def _nested(depth: int) -> bytes:
    return b'{"title": ' + b"[" * depth + b"]" * depth + b"}"


@pytest.mark.parametrize("body", [b"[" * 100_000, b'{"a":' * 100_000, b"[" * 100_000 + b"]" * 100_000, _nested(40)],
                         ids=["open-arrays", "open-objects", "closed-arrays", "40-deep"])
def test_too_deeply_nested_json_is_a_400(client, db, body):
    resp = client.post("/api/v1/petitions", data=body, content_type="application/json")
    assert resp.status_code == 400
    assert "JSON" in resp.get_json()["error"] and "Nội dung" in resp.get_json()["error"]
    assert _count(db) == 0


def test_moderately_nested_json_is_read(client, db, petition_input):
    extra = [[[[["sâu năm tầng"]]]]]
    resp = client.post("/api/v1/petitions", json={**petition_input, "extra": extra})
    assert resp.status_code == 201


@pytest.mark.parametrize("nxt, expected", [
    ("/%0d%0aSet-Cookie:x=1", "/"), ("/cong-khai%0d%0aSet-Cookie:x=1", "/"), ("/%0aLocation:%20//evil.example", "/"),
    ("/%09/evil.example", "/"), ("/%5Cevil.example", "/"), ("//evil.example", "/"), ("https://evil.example/", "/"),
    ("/%00", "/"), ("/cong-khai?category=plans&page=2", "/cong-khai?category=plans&page=2"),
])
def test_language_switch_next_never_carries_control_characters(client, nxt, expected):
    resp = client.get(f"/ngon-ngu/en?next={quote(nxt, safe='/%:')}")
    assert resp.status_code == 302
    assert resp.headers["Location"] == expected
    cookies = resp.headers.getlist("Set-Cookie")
    assert any(c.startswith("lang=en") for c in cookies) and not any(c.startswith("x=") for c in cookies)


def test_login_next_with_control_characters_goes_to_the_dashboard(app, client):
    user = make_staff("editor")
    from portal.extensions import db

    db.session.commit()
    resp = client.post("/can-bo/dang-nhap?next=/%0d%0aSet-Cookie:x=1", data={"email": user.email, "password": PASSWORD})
    assert resp.status_code == 302
    assert "\n" not in resp.headers["Location"] and "x=1" not in resp.headers.get("Set-Cookie", "")


def test_nul_in_lookups_is_not_found(app, client):
    """Receipt codes (page, path, API, Board status) and the login email with NUL: on PostgreSQL
    these reached the database, which refuses NUL in text."""
    sub = make_petition()
    from portal.extensions import db

    db.session.commit()
    code = sub.receipt_code
    assert client.get(f"/tra-cuu/{code}").status_code == 200
    # The typed code drops what is not a letter or digit (spaces, dashes): NUL too, never a 500.
    resp = client.get("/tra-cuu", query_string={"code": code + "\x00"})
    assert resp.status_code == 302 and resp.headers["Location"] == f"/tra-cuu/{code}"
    assert client.get("/tra-cuu", query_string={"code": "KN-\x00"}).status_code == 404
    for url in (f"/tra-cuu/{code}%00", f"/api/v1/submissions/{code}%00"):
        resp = client.get(url)
        assert resp.status_code == 404, url
    resp = client.post(f"/tra-cuu/{code}%00/danh-gia", data={"rating": "5"})
    assert resp.status_code == 404
    user = make_staff("editor")
    db.session.commit()
    resp = client.post("/can-bo/dang-nhap", data={"email": user.email + "\x00", "password": PASSWORD})
    assert 400 <= resp.status_code < 500
    assert "Đăng nhập" in resp.get_data(as_text=True)

"""The public petitions are searched, counted and paginated in the database (``search_text``), the
query is capped, the page is rate-limited, and it costs the same statements for 5 or 50 petitions."""
import datetime as dt
import re

import pytest
from sqlalchemy import select

from moderation.boards.routing import route_approved_petition
from moderation.intake.models import Submission
from moderation.queue import privacy
from tests.fixtures.boards import make_petition
from tests.fixtures.database import count_statements

UTC = dt.UTC
TITLE_RE = re.compile(r'<h2 class="petition-title"><a href="/kien-nghi/(\d+)">')


def _public(s, title, description="Mô tả kiến nghị", day=1, **kw):
    sub = make_petition(title=title, description=description,
                        created_at=dt.datetime(2026, 3, 1, 3, tzinfo=UTC) + dt.timedelta(days=day), **kw)
    route_approved_petition(sub, s.moderator)
    return sub


def _shown(html: str) -> list[int]:
    return [int(i) for i in TITLE_RE.findall(html)]


def _total(html: str) -> int:
    return int(re.search(r"Tìm thấy <strong>(\d+)</strong>", html).group(1))


def test_search_ignores_diacritics_case_and_iy_and_needs_every_word(client, db, board_setup):
    s = board_setup  # its petition: "Đường ngập nước"
    drain = _public(s, "Cống thoát nước kiệt 15 bị tắc", "Mùi hôi, ĐỀ NGHỊ nạo vét", day=2)
    tech = _public(s, "Hỗ trợ kỹ thuật cho hộ kinh doanh", day=3)
    _public(s, "Rác thải tồn đọng", day=4)
    hidden = make_petition(title="Cống thoát nước riêng tư", visibility="private")
    route_approved_petition(hidden, s.moderator)
    make_petition(title="Cống thoát nước chưa duyệt", status="received")
    db.session.commit()

    def found(q):
        return _shown(client.get("/kien-nghi", query_string={"q": q}).get_data(as_text=True))

    assert found("cong thoat") == [drain.id]
    assert found("CỐNG THOÁT") == [drain.id] == found("Cống   thoát\tnước")
    assert found("de nghi nao vet") == [drain.id]  # the description too
    assert found("đường ngập") == [s.submission.id] == found("duong ngap")
    assert found("kĩ thuật") == [tech.id] == found("ki thuat") == found("KỸ THUẬT")
    assert found("thoat") == [drain.id]  # a word may be typed in part, from its start
    assert found("oat") == []  # …but not from its middle
    assert found("cong rac") == []  # every word
    assert found("100%_x") == [] and client.get("/kien-nghi?q=%25%25").status_code == 200


def test_search_reads_only_the_public_version_of_a_redacted_petition(client, db, board_setup):
    s = board_setup
    sub = _public(s, "Ông Trần Văn Bảy ở số 9 lấn chiếm vỉa hè", "Gọi 0905123456 để biết thêm")
    privacy.redact_submission(sub, s.moderator, "Lấn chiếm vỉa hè đường Lê Lợi", "Nhà số [...] lấn chiếm vỉa hè",
                              "bảo vệ thông tin cá nhân")
    db.session.commit()
    assert db.session.get(Submission, sub.id).search_text.startswith(" lan chiem via he duong le loi ")

    def found(q):
        return _shown(client.get("/kien-nghi", query_string={"q": q}).get_data(as_text=True))

    assert found("le loi") == [sub.id] and found("via he") == [sub.id]
    assert found("Bảy") == [] and found("0905123456") == [] and found("tran van") == []


def test_search_paginates_in_the_database_with_the_right_count(client, db, board_setup):
    s = board_setup
    subs = [_public(s, f"Sửa đèn chiếu sáng số {i}", day=i + 2) for i in range(45)]
    for i in range(3):
        _public(s, f"Rác thải điểm {i}", day=60 + i)
    db.session.commit()
    newest_first = [x.id for x in reversed(subs)]
    pages = []
    for page in (1, 2, 3):
        html = client.get(f"/kien-nghi?q=den+chieu+sang&page={page}").get_data(as_text=True)
        assert _total(html) == 45
        pages.append(_shown(html))
    assert [len(p) for p in pages] == [20, 20, 5]
    assert pages[0] + pages[1] + pages[2] == newest_first
    html = client.get("/kien-nghi?q=den+chieu+sang&page=4").get_data(as_text=True)
    assert _total(html) == 45 and _shown(html) == []
    html = client.get("/kien-nghi?page=2").get_data(as_text=True)
    assert _total(html) == 49 and len(_shown(html)) == 20
    html = client.get("/kien-nghi?q=den&status=closed").get_data(as_text=True)
    assert _total(html) == 0


def test_a_100_word_query_is_capped_with_a_note_and_answers(client, db, board_setup):
    s = board_setup
    words = "cống thoát nước kiệt mười lăm bị tắc nghẽn lâu".split()
    assert len(words) == 10
    target = _public(s, " ".join(words).capitalize(), day=2)
    db.session.commit()
    # The first ten words are those of the petition; the other 90 are not in it (nor anywhere).
    query = " ".join(words + [f"tu{i}" for i in range(90)])
    r = client.get("/kien-nghi", query_string={"q": query}, headers={"Cookie": "lang=vi"})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "chỉ tìm theo 10 từ đầu tiên" in html
    assert _shown(html) == [target.id]
    shown_back = re.search(r'<input id="p-q" name="q" value="([^"]*)"', html).group(1)
    assert len(shown_back) <= 200 and shown_back.startswith("cống thoát nước")
    short = client.get("/kien-nghi", query_string={"q": " ".join(words)}).get_data(as_text=True)
    assert "chỉ tìm theo" not in short and _shown(short) == [target.id]
    long_word = client.get("/kien-nghi", query_string={"q": "cống " + "x" * 500})
    assert long_word.status_code == 200 and "chỉ tìm theo" in long_word.get_data(as_text=True)


@pytest.mark.parametrize("config_overrides", [{"PETITION_LIST_RATE_LIMIT": "3 per minute"}])
def test_the_petition_pages_are_rate_limited_by_their_setting(client, db):
    for url in ("/kien-nghi", "/thong-ke", "/api/v1/stats"):
        for i in range(3):
            assert client.get(f"{url}?q=duong{i}").status_code == 200
        assert client.get(url).status_code == 429, url
    assert client.get("/api/v1/stats").get_json()["status"] == 429  # the API's refusal is JSON


def test_search_text_follows_every_change_of_the_shown_text(db, board_setup):
    s = board_setup
    sub = s.submission
    assert sub.search_text == " duong ngap nuoc mo ta kien nghi "
    sub.description = "Nước ĐỌNG sau mưa"
    db.session.commit()
    assert db.session.scalar(select(Submission.search_text).where(Submission.id == sub.id)) == \
        " duong ngap nuoc nuoc dong sau mua "
    sub.public_title = "Ngập"
    db.session.commit()
    assert db.session.scalar(select(Submission.search_text).where(Submission.id == sub.id)) == \
        " ngap nuoc dong sau mua "


def _statements(client, db, url: str) -> int:
    with count_statements(db.engine) as statements:
        assert client.get(url, headers={"Cookie": "lang=vi"}).status_code == 200
    return len(statements)


def test_public_pages_cost_the_same_statements_for_5_and_50_petitions(client, db, board_setup):
    """/kien-nghi (browsing, searching) and /thong-ke, /api/v1/stats (computed afresh: a petition
    was just added) send as many statements with 50 petitions as with 5."""
    s = board_setup
    urls = ["/kien-nghi", "/kien-nghi?q=den+chieu+sang", "/thong-ke", "/api/v1/stats", "/thong-ke?year=2026"]
    for url in urls:
        client.get(url, headers={"Cookie": "lang=vi"})  # first-request work (translations, ...)
    measured = {}
    for size in (5, 50):
        have = db.session.scalar(select(db.func.count()).select_from(Submission))
        for i in range(have, size):
            sub = _public(s, f"Đèn chiếu sáng hỏng {i}", day=i, topic=None)
            from moderation.cases import triage
            from tests.fixtures.boards import walk_to

            case = triage.case_for_submission(sub)
            walk_to(case, s, ["new", "assigned", "referred", "answered", "closed"][i % 5])
            if i % 5 == 4:
                triage.rate_case(case, 1 + i % 5)
        db.session.commit()
        assert db.session.scalar(select(db.func.count()).select_from(Submission)) == size
        measured[size] = {}
        for url in urls:
            if url != "/kien-nghi":  # a change since the last statistics: computed afresh
                db.session.get(Submission, s.submission.id).description += "."
                db.session.commit()
            measured[size][url] = _statements(client, db, url)
    assert measured[5] == measured[50], measured
    cached = _statements(client, db, "/thong-ke?year=2026")
    assert cached < measured[50]["/thong-ke?year=2026"]  # unchanged since: from the cache


def test_the_migration_fills_search_text_of_existing_petitions(tmp_path):
    from flask_migrate import upgrade
    from sqlalchemy import text

    from portal import create_app
    from portal.extensions import db as _db
    from tests.fixtures.database import fresh_database_url

    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": fresh_database_url(tmp_path),
                      "SEARCH_INDEX_DIR": str(tmp_path / "i"), "UPLOAD_DIR": str(tmp_path / "f"),
                      "MAIL_DIR": str(tmp_path / "m")})
    with app.app_context():
        upgrade(revision="e700300199be")
        insert = text(
            "INSERT INTO submission (id, receipt_code, kind, matter_kind, status, channel, visibility, title,"
            " description, public_title, public_description, display_name, support_count, created_at, updated_at)"
            " VALUES (:id, :code, 'petition', 'feedback', 'approved', 'web', 'named', :title, :description,"
            " :public_title, NULL, '', 0, :now, :now)")
        now = dt.datetime(2026, 3, 1, 3)
        with _db.engine.begin() as conn:
            conn.execute(insert, {"id": 1, "code": "KN-1", "title": "Đường NGẬP nước", "description": "Kỹ thuật",
                                  "public_title": None, "now": now})
            conn.execute(insert, {"id": 2, "code": "KN-2", "title": "Ông Bảy lấn chiếm", "description": "Vỉa hè",
                                  "public_title": "Lấn chiếm", "now": now})
        upgrade()
        with _db.engine.connect() as conn:
            rows = dict(conn.execute(text("SELECT id, search_text FROM submission ORDER BY id")).all())
            versions = conn.execute(text("SELECT name FROM content_version")).scalars().all()
        _db.engine.dispose()
    assert rows == {1: " duong ngap nuoc ki thuat ", 2: " lan chiem via he "}
    assert versions == ["figures"]

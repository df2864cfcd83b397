"""A missing index: any search request (the API as well as the page) has it rebuilt in the
background, and meanwhile the database answers; never a silent empty list."""
from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from public_docs import search as S
from public_docs.search import engine
from public_docs.search import index as search_index
from tests.fixtures.disclosures import hit_ids


def _lose_the_index(app) -> Path:
    path = Path(app.config["SEARCH_INDEX_DIR"])
    shutil.rmtree(path)
    engine.invalidate()  # as if the periodic "has the index changed?" check came due
    return path


def _get(client, url, **kwargs):
    """A GET whose answer is closed, as a server closes it (the after-response work runs then)."""
    response = client.get(url, **kwargs)
    response.get_data()
    response.close()
    return response


@pytest.fixture
def corpus(make_disclosure):
    drain = make_disclosure(title="Kế hoạch sửa chữa đường Trần Phú", body="Nạo vét cống thoát nước trước mùa mưa.",
                            category="projects")
    tech = make_disclosure(title="Hỗ trợ kỹ thuật cho hộ kinh doanh", summary="Tập huấn KỸ THUẬT bán hàng.",
                           number="79/KH-UBND")
    make_disclosure(title="Thông báo lịch thu gom rác", body="Rác thải sinh hoạt thu gom buổi tối.")
    S.sync()
    assert hit_ids(S.search("cong thoat nuoc")) == [drain.id]
    return drain, tech


def test_the_api_answers_from_the_database_and_the_index_comes_back(app, client, corpus):
    drain, tech = corpus
    path = _lose_the_index(app)
    r = _get(client, "/api/v1/disclosures", query_string={"q": "cong thoat nuoc"})
    assert r.status_code == 200
    body = r.get_json()
    assert [i["id"] for i in body["items"]] == [drain.id] and body["total"] == 1
    assert "<mark>" not in body["items"][0]["snippet"] and "thoát nước" in body["items"][0]["snippet"]
    assert r.headers["X-Search-Index"] == "rebuilding"
    # The request had the index rebuilt (in the background; synchronously under TESTING).
    assert search_index.is_usable(path)
    assert hit_ids(S.search("cong thoat nuoc")) == [drain.id]
    again = _get(client, "/api/v1/disclosures", query_string={"q": "cong thoat nuoc"})
    assert "X-Search-Index" not in again.headers and again.get_json()["total"] == 1


def test_the_database_answer_takes_every_spelling_every_word_and_the_filters(app, client, corpus):
    drain, tech = corpus
    _lose_the_index(app)
    app.config["SEARCH_AUTO_REBUILD"] = False  # keep answering from the database

    def found(q, **args):
        r = _get(client, "/api/v1/disclosures", query_string={"q": q, **args})
        assert r.status_code == 200 and r.headers.get("X-Search-Index") == "rebuilding"
        return [i["id"] for i in r.get_json()["items"]]

    assert found("kĩ thuật") == [tech.id] == found("KY THUAT") == found("ki thuat")  # title and summary
    assert found("79/KH-UBND") == [tech.id]
    assert found("ĐƯỜNG trần phú") == [drain.id]
    assert found("oat nuoc") == []  # words are matched from their start
    assert found("cong rac") == []  # every word
    assert found("thu gom", category="projects") == [] and found("nao vet", category="projects") == [drain.id]
    browse = _get(client, "/tim-kiem", query_string={"category": "projects"}).get_data(as_text=True)
    assert "Kế hoạch sửa chữa đường Trần Phú" in browse and "Hỗ trợ kỹ thuật" not in browse
    html = _get(client, "/tim-kiem", query_string={"q": "nao vet cong"}).get_data(as_text=True)
    assert "đang được xây dựng lại" in html and "Kế hoạch sửa chữa đường Trần Phú" in html
    assert "<mark>Nạo</mark> <mark>vét</mark> <mark>cống</mark>" in html
    assert not search_index.is_usable(Path(app.config["SEARCH_INDEX_DIR"]))


def test_the_search_page_also_rebuilds_the_index(app, client, corpus):
    drain, _tech = corpus
    path = _lose_the_index(app)
    html = _get(client, "/tim-kiem", query_string={"q": "cong thoat"}).get_data(as_text=True)
    assert "Kế hoạch sửa chữa đường Trần Phú" in html
    assert search_index.is_usable(path) and hit_ids(S.search("cong thoat")) == [drain.id]


def test_when_the_database_cannot_answer_either_the_api_says_503_with_retry_after(app, client, corpus, monkeypatch):
    from public_docs.search import fallback

    def broken(*_a, **_kw):
        raise RuntimeError("database search failed")

    monkeypatch.setattr(fallback, "search_database", broken)
    path = _lose_the_index(app)
    r = _get(client, "/api/v1/disclosures", query_string={"q": "cong thoat nuoc"})
    assert r.status_code == 503 and int(r.headers["Retry-After"]) > 0
    assert "đang được xây dựng lại" in r.get_json()["error"]
    assert search_index.is_usable(path)  # …and the index was rebuilt meanwhile
    assert _get(client, "/api/v1/disclosures", query_string={"q": "cong thoat nuoc"}).get_json()["total"] == 1


def test_one_rebuild_at_a_time_on_a_host(app, corpus):
    _lose_the_index(app)
    outcomes, start = [], threading.Barrier(3)

    def worker():
        with app.app_context():
            start.wait()
            outcomes.append(S.sync().split(":")[0])
            from portal.extensions import db

            db.session.remove()

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(outcomes) == ["applied", "applied", "rebuilt"]

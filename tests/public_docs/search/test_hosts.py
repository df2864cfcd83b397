"""Several hosts on one database (issue 17): app A makes the change; app B, with its own search
index and page-cache version file, searches it and drops its cached pages within the watcher's
interval. ``tests/conftest.py``'s ``app`` is A (SQLite file, or PostgreSQL with TEST_DATABASE_URL)."""
from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest

from portal import create_app
from portal.config import TestingConfig
from portal.extensions import db
from public_docs import search
from public_docs.disclosures import services
from public_docs.search import engine, watch
from tests.conftest import PG_URL, IsolatedClient
from tests.fixtures.disclosures import hit_ids

TITLE = "Kế hoạch nạo vét kênh Phú Lộc năm 2027"
_numbers = itertools.count(15)


@pytest.fixture
def config_overrides():
    return {"PAGE_CACHE_SECONDS": 60, "PAGE_CACHE_DB_CHECK_SECONDS": 0}


@pytest.fixture
def make_host(app, tmp_path):
    """``make_host(**config)``: another host (app B) on A's database, with its own directories."""
    made = []

    def _make(name="b", **over):
        cfg = type("HostCfg", (TestingConfig,), {})
        settings = {
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "SEARCH_INDEX_DIR": str(tmp_path / name / "index"),
            "PAGE_CACHE_VERSION_FILE": str(tmp_path / name / "page-cache.version"),
            "UPLOAD_DIR": app.config["UPLOAD_DIR"],
            "MAIL_DIR": str(tmp_path / name / "mail"),
            "PAGE_CACHE_SECONDS": 60,
            "PAGE_CACHE_DB_CHECK_SECONDS": 0,
            **over,
        }
        for key, value in settings.items():
            setattr(cfg, key, value)
        host = create_app(cfg)
        host.test_client_class = IsolatedClient
        made.append(host)
        return host

    yield _make
    for host in made:
        held = host.extensions.get("search_watcher")
        if held is not None:
            held[1].stop()
        with host.app_context():
            db.session.remove()
            db.engine.dispose()
    engine.close_all()


def _found(host, query=TITLE) -> list[int]:
    with host.app_context():
        try:
            return hit_ids(search.search(query))
        finally:
            db.session.remove()


def _publish(title=TITLE):
    from tests.fixtures.disclosures import valid_data

    d = services.create_disclosure(valid_data(number=f"{next(_numbers)}/KH-UBND", title=title), actor="test")
    services.publish_disclosure(d, actor="test", secrecy_confirmed=True)
    db.session.commit()
    return d


def test_a_disclosure_published_on_a_is_found_by_b_after_one_watcher_step(app, make_host):
    b = make_host()
    watcher = watch.watcher_for(b)
    watcher.step()  # B starts: builds its (empty) index
    assert _found(b) == []

    d = _publish()  # through A: A's request thread would apply it to A's index only
    assert _found(b) == []  # B's index does not have it yet

    assert watcher.step() >= 1
    assert _found(b) == [d.id]
    assert watcher.step() == 0  # nothing new: nothing applied

    services.amend_disclosure(d, {"title": "Kế hoạch nạo vét kênh Bàu Trảng năm 2027"}, "Sửa tên kênh",
                              actor="test", secrecy_confirmed=True)
    db.session.commit()
    watcher.step()
    assert _found(b, "Bàu Trảng") == [d.id]
    assert _found(b, "Phú Lộc") == []

    services.withdraw_disclosure(d, "Ban hành nhầm", actor="test")
    db.session.commit()
    watcher.step()
    assert _found(b, "Bàu Trảng") == []


def test_a_host_that_was_down_catches_up_on_its_first_step(app, make_host):
    b = make_host()
    watch.watcher_for(b).step()
    first = _publish()
    second = _publish(title="Thông báo lịch tiêm chủng mở rộng tháng 12")
    # B "restarts": a new process has a new watcher, whose first step catches up.
    restarted = watch.Watcher(b, 1)
    assert restarted.step() == 2
    assert _found(b) == [first.id]
    assert _found(b, "tiêm chủng") == [second.id]


def test_the_watcher_thread_applies_changes_by_itself(app, make_host):
    b = make_host(SEARCH_WATCH_SECONDS=0.1)
    assert b.test_client().get("/cong-khai").status_code == 200  # the first request starts it
    watcher = watch.watcher_for(b)
    assert watcher.thread is not None and watcher.thread.is_alive()
    d = _publish()
    deadline = time.monotonic() + 10
    while _found(b) != [d.id] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _found(b) == [d.id]
    watcher.stop()
    assert not watcher.thread.is_alive()


def test_no_watcher_under_testing_or_in_commands(app, make_host):
    b = make_host()  # TestingConfig: SEARCH_WATCH_SECONDS = 0
    b.test_client().get("/cong-khai")
    assert "search_watcher" not in b.extensions
    c = make_host("c", SEARCH_WATCH_SECONDS=0.1)
    result = c.test_cli_runner().invoke(args=["search", "sync"])
    assert result.exit_code == 0
    assert "search_watcher" not in c.extensions  # a command serves no request: no watcher


def test_only_one_process_per_index_directory_watches(app, make_host, tmp_path):
    b = make_host()
    first, second = watch.Watcher(b, 1), watch.Watcher(b, 1)
    try:
        assert first._acquire()
        assert not second._acquire()  # flock: another open file description, as another process
        first._release()
        assert second._acquire()
    finally:
        first._release()
        second._release()


def test_b_drops_its_cached_page_after_a_change_made_on_a(app, make_host):
    b = make_host()
    client = b.test_client()
    assert client.get("/cong-khai").headers["X-Page-Cache"] == "miss"
    assert client.get("/cong-khai").headers["X-Page-Cache"] == "hit"

    _publish()  # on A: A's version file is bumped, B's is not; the database's token is

    page = client.get("/cong-khai")
    assert page.headers["X-Page-Cache"] == "miss"
    assert TITLE in page.get_data(as_text=True)
    assert client.get("/cong-khai").headers["X-Page-Cache"] == "hit"


def test_b_drops_its_kept_blocks_after_a_change_made_on_a(app, make_host):
    b = make_host()
    visitor = b.test_client()
    visitor.set_cookie("lang", "vi")
    assert visitor.get("/cong-khai").headers.get("X-Page-Blocks") == "miss"
    assert visitor.get("/cong-khai").headers.get("X-Page-Blocks") == "hit"
    _publish()
    page = visitor.get("/cong-khai")
    assert page.headers.get("X-Page-Blocks") == "miss"
    assert TITLE in page.get_data(as_text=True)


def test_the_database_token_is_read_at_most_once_per_interval(app, make_host):
    b = make_host(PAGE_CACHE_DB_CHECK_SECONDS=30)
    client = b.test_client()
    client.get("/cong-khai")
    assert client.get("/cong-khai").headers["X-Page-Cache"] == "hit"
    _publish()
    assert client.get("/cong-khai").headers["X-Page-Cache"] == "hit"  # not read again yet
    b.extensions["page_cache"].db_token.read_at = float("-inf")  # the interval has passed
    assert client.get("/cong-khai").headers["X-Page-Cache"] == "miss"


def test_the_watcher_is_notified_at_commit_on_postgresql_and_polls_on_sqlite(app, make_host):
    b = make_host()
    watcher = watch.watcher_for(b)
    listener = watcher._listen()
    if not PG_URL:  # SQLite has no LISTEN: the watcher polls the change log instead
        assert listener is None
        _publish()
        assert watcher.step() >= 1
        assert _found(b) != []
        return
    assert listener is not None
    try:
        _publish()
        got = [n.channel for n in listener.notifies(timeout=5, stop_after=1)]
        assert got == [watch.CHANNEL]
    finally:
        watcher._close_listener()


def test_a_searcher_checked_a_moment_ago_is_reopened_when_the_index_was_written(app, make_disclosure):
    """The page cache keys pages on the index directory's time, read before rendering: a search run
    after that time changed must not use the searcher from before it (``warm.CHECK_INTERVAL``)."""
    from public_docs.search import warm

    search.sync()
    assert _found(app) == []
    d = make_disclosure(rows=True, title=TITLE)
    search.apply_pending_changes()
    state = warm._states[str(app.config["SEARCH_INDEX_DIR"])]
    state.checked_at = time.monotonic() + 60  # "just checked": only the directory's time can tell
    assert _found(app) == [d.id]


def test_without_auto_rebuild_the_watcher_does_not_build_a_missing_index(app, make_host):
    b = make_host(SEARCH_AUTO_REBUILD=False)
    _publish()
    assert watch.watcher_for(b).step() == 0
    assert not Path(b.config["SEARCH_INDEX_DIR"]).exists()  # `flask search sync` builds it


def _change_with_id(change_id: int, title: str):
    """A disclosure whose IndexChange gets ``change_id``, as when transactions commit out of order."""
    from public_docs.disclosures.models import IndexChange
    from tests.fixtures.disclosures import _as_rows

    d = _as_rows(title=title, commit=False)
    row = next(o for o in db.session.new if isinstance(o, IndexChange))
    row.id = change_id
    db.session.commit()
    return d


def test_a_change_committed_after_a_later_one_was_applied_is_still_applied(app, monkeypatch):
    from public_docs.search import index as _index

    search.sync()
    later = _change_with_id(3, "Thông báo nạo vét kênh Phú Lộc")  # committed first
    assert search.apply_pending_changes() == 1
    assert _index.has_gaps(_index.index_dir())  # ids 1 and 2 may still commit
    slow = _change_with_id(2, "Thông báo lịch tiêm chủng mở rộng")  # the slow transaction
    assert search.apply_pending_changes() == 1
    assert _found(app, "Phú Lộc") == [later.id] and _found(app, "tiêm chủng") == [slow.id]
    # An id that never comes (a rolled-back transaction) is given up after GAP_SECONDS.
    assert _index.has_gaps(_index.index_dir())  # id 1
    monkeypatch.setattr(_index, "GAP_SECONDS", 0)
    assert not _index.has_gaps(_index.index_dir())
    assert search.apply_pending_changes() == 0

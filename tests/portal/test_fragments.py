"""Kept blocks of the public pages for visitors with a cookie (``portal/fragments.py``), found
necessary by ``bench/pages.py``: the page is the one a full render gives; a change of public
content shows on the next request; nothing rendered for a signed-in user, and no CSRF token or
flashed message, is ever shared; each locale has its own blocks; the layout (staff link, flashes)
stays the visitor's own."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from flask import Blueprint
from jinja2 import meta

from portal import fragments, pagecache
from public_docs.disclosures import services

PAGES = ["/", "/cong-khai", "/cong-khai?category=plans", "/cong-khai/{id}", "/cong-khai/{id}?in=1",
         "/tim-kiem?q=thu+gom+r%C3%A1c", "/tim-kiem"]
STAFF_LINK = "Khu vực cán bộ"
LOGIN_LINK = "Đăng nhập cán bộ"


@pytest.fixture
def config_overrides():
    return {"PAGE_CACHE_SECONDS": 60}


@pytest.fixture
def visitor(app):
    """A visitor with a cookie (not signed in): the page cache never answers them."""
    c = app.test_client()
    c.set_cookie("lang", "vi")
    return c


@pytest.fixture
def doc(make_disclosure):
    from public_docs import search

    d = make_disclosure(title="Thông báo lịch thu gom rác thải", category="plans")
    search.rebuild()  # in the index, so the search page answers (and may be kept)
    return d


def _get(c, path: str):
    res = c.get(path)
    assert res.status_code == 200, path
    assert res.headers.get("X-Page-Cache") is None  # never the page cache: the visitor sends a cookie
    return res, res.get_data(as_text=True)


def test_kept_blocks_give_the_page_a_full_render_gives(app, visitor, doc):
    for path in (p.format(id=doc.id) for p in PAGES):
        first, full = _get(visitor, path)
        assert first.headers.get("X-Page-Blocks") == "miss", path
        again, kept = _get(visitor, path)
        assert again.headers.get("X-Page-Blocks") == "hit", path
        assert kept == full, path
    # Without the store (as under TESTING), the same page.
    store = app.extensions.pop("page_fragments")
    try:
        _res, plain = _get(visitor, f"/cong-khai/{doc.id}")
    finally:
        app.extensions["page_fragments"] = store
    assert plain == _get(visitor, f"/cong-khai/{doc.id}")[1]


def test_a_change_shows_on_the_next_request(app, db, visitor, doc, make_disclosure):
    detail, listing = f"/cong-khai/{doc.id}", "/cong-khai"
    for path in (detail, listing, "/", detail, listing, "/"):
        _get(visitor, path)
    services.amend_disclosure(doc, {"title": "Thông báo lịch thu gom rác thải năm 2027"}, "Bổ sung năm",
                              actor="test", secrecy_confirmed=True)
    db.session.commit()
    res, html = _get(visitor, detail)
    assert res.headers.get("X-Page-Blocks") == "miss" and "rác thải năm 2027</h1>" in html
    assert "rác thải năm 2027" in _get(visitor, listing)[1]
    make_disclosure(title="Thông báo tiêm phòng dại cho chó mèo")
    assert "tiêm phòng dại" in _get(visitor, "/")[1]
    assert "tiêm phòng dại" in _get(visitor, listing)[1]
    services.withdraw_disclosure(doc, "Ban hành sai thẩm quyền", actor="test")
    db.session.commit()
    html = _get(visitor, detail)[1]
    assert "đã bị thu hồi" in html and "Ban hành sai thẩm quyền" in html


def test_the_search_index_version_counts(app, visitor, doc):
    path = "/tim-kiem?q=thu+gom"
    _get(visitor, path)
    assert _get(visitor, path)[0].headers.get("X-Page-Blocks") == "hit"
    index = Path(app.config["SEARCH_INDEX_DIR"])
    index.mkdir(parents=True, exist_ok=True)
    (index / "written-by-the-test").write_text("x")  # any write to the index changes its version
    assert _get(visitor, path)[0].headers.get("X-Page-Blocks") == "miss"


def test_a_new_day_is_a_new_page(app, visitor, doc, monkeypatch):
    path = f"/cong-khai/{doc.id}"
    _get(visitor, path)
    assert _get(visitor, path)[0].headers.get("X-Page-Blocks") == "hit"
    tomorrow = services.today() + dt.timedelta(days=1)
    monkeypatch.setattr("portal.ward.today", lambda: tomorrow)
    assert _get(visitor, path)[0].headers.get("X-Page-Blocks") == "miss"  # comment windows open and close


def test_blocks_expire_with_the_page_cache(app, visitor, doc, monkeypatch):
    clock = {"now": 1000.0}
    monkeypatch.setattr(pagecache.time, "monotonic", lambda: clock["now"])
    app.extensions["page_fragments"].clear()
    assert _get(visitor, "/")[0].headers.get("X-Page-Blocks") == "miss"
    clock["now"] += 59
    assert _get(visitor, "/")[0].headers.get("X-Page-Blocks") == "hit"
    clock["now"] += 2
    assert _get(visitor, "/")[0].headers.get("X-Page-Blocks") == "miss"


def test_staff_keep_their_header_and_flashes_and_never_store(app, client, visitor, doc, login_as):
    path = f"/cong-khai/{doc.id}"
    login_as("editor")
    with client.session_transaction() as session:
        session["_flashes"] = [("success", "Đã lưu thay đổi của cán bộ.")]
    res, html = _get(client, path)
    assert res.headers.get("X-Page-Blocks") is None  # rendered for a signed-in user: not kept
    assert STAFF_LINK in html and "Đã lưu thay đổi của cán bộ." in html and LOGIN_LINK not in html
    res, html = _get(visitor, path)
    assert res.headers.get("X-Page-Blocks") == "miss"  # nothing was kept from the staff member's page
    assert STAFF_LINK not in html and "Đã lưu thay đổi" not in html and LOGIN_LINK in html
    with client.session_transaction() as session:
        session["_flashes"] = [("info", "Thông báo thứ hai.")]
    res, html = _get(client, path)
    assert res.headers.get("X-Page-Blocks") == "hit"  # the visitor's blocks, the staff member's layout
    assert STAFF_LINK in html and "Thông báo thứ hai." in html and LOGIN_LINK not in html
    res, html = _get(visitor, path)
    assert STAFF_LINK not in html and "Thông báo thứ hai." not in html and LOGIN_LINK in html


def test_each_locale_has_its_own_blocks(app, visitor, doc):
    english = app.test_client()
    english.set_cookie("lang", "en")
    for _ in range(2):
        vi = _get(visitor, "/cong-khai")[1]
        en = _get(english, "/cong-khai")[1]
        assert "<h1>Công khai thông tin" in vi and '<html lang="vi">' in vi
        assert "<h1>Public disclosures" in en and '<html lang="en">' in en
        assert "Theo dõi" not in en


def test_a_404_is_never_kept(app, visitor):
    for _ in range(2):
        res = visitor.get("/cong-khai/999999")
        assert res.status_code == 404 and res.headers.get("X-Page-Blocks") is None


@pytest.fixture
def csrf_page(app, tmp_path):
    """A test page rendered through ``render_page`` whose content holds a CSRF token."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "csrf_page.html").write_text(
        '{% extends "base.html" %}{% block content %}<form method="post">{{ csrf_token_field() }}</form>'
        "{% endblock %}")
    bp = Blueprint("fragment_test", __name__, template_folder=str(folder))

    @bp.get("/thu-csrf")
    def page():
        return fragments.render_page("csrf_page.html", dict)

    app.register_blueprint(bp)
    return "/thu-csrf"


def test_blocks_that_touch_the_session_are_never_kept(app, csrf_page):
    tokens = set()
    for _ in range(2):
        c = app.test_client()
        c.set_cookie("lang", "vi")
        for _ in range(2):
            res = c.get(csrf_page)
            assert res.status_code == 200 and res.headers.get("X-Page-Blocks") is None
            tokens.add(re.search(r'name="csrf_token" value="([^"]+)"', res.get_data(as_text=True)).group(1))
    assert len(tokens) >= 2  # each visitor their own token


def test_the_footer_is_kept_per_locale_and_sign_in_state(app, client, visitor, doc, login_as):
    store = app.extensions["page_fragments"]
    _get(visitor, "/cong-khai")
    login_as("moderator")
    _get(client, "/cong-khai")
    parts = sorted((k[4], k[5]) for k in store.entries if k[:2] == ("part", "_site_footer.html"))
    assert parts == [("vi", False), ("vi", True)]
    assert LOGIN_LINK in _get(visitor, "/")[1] and LOGIN_LINK not in _get(client, "/")[1]


@pytest.fixture
def moderators_entry(app):
    """A main-menu entry only moderators see (the header is kept per set of roles)."""
    from portal.i18n import _l
    from portal.registry import add_nav_entry

    add_nav_entry(app, "main", "queue.index", _l("Hàng đợi kiểm duyệt"), order=95, roles=("moderator",))
    return ">Hàng đợi kiểm duyệt</a>"


def test_the_header_is_the_visitors_own(app, visitor, doc, make_user, moderators_entry):
    from tests.fixtures.users import sign_in

    moderator, editor = app.test_client(), app.test_client()
    sign_in(moderator, make_user("moderator"))
    sign_in(editor, make_user("editor"))
    for _ in range(2):
        for path in ("/", "/cong-khai", f"/cong-khai/{doc.id}"):
            mine = _get(moderator, path)[1]
            assert moderators_entry in mine and STAFF_LINK in mine
            theirs = _get(editor, path)[1]
            assert moderators_entry not in theirs and STAFF_LINK in theirs
            anonymous = _get(visitor, path)[1]
            assert moderators_entry not in anonymous and STAFF_LINK not in anonymous
    # The language links and the mark of the current page follow the page (the header is kept per page).
    for path, current in (("/cong-khai?category=plans", "Công khai thông tin"), ("/", "Trang chủ"),
                          (f"/cong-khai/{doc.id}", None)):
        for _ in range(2):
            html = _get(visitor, path)[1]
            full_path = path if "?" in path else path + "?"  # request.full_path
            assert f'href="/ngon-ngu/en?next={full_path.replace("=", "%3D")}"' in html
            marked = re.findall(r'aria-current="page">([^<]*)</a>', html)
            assert marked == ([current] if current else [])


def test_two_bumps_in_one_clock_tick_are_two_versions(app, monkeypatch):
    store = app.extensions["page_fragments"]
    versions = {store.version()}
    for _ in range(3):
        store.bump()
        versions.add(store.version())
    assert len(versions) == 4
    monkeypatch.setattr(pagecache, "MAX_VERSION_FILE", 2)
    store.bump()
    assert Path(store.version_file).stat().st_size == 0 and store.version() not in versions


def _templates_of(env, name: str, seen: set[str]) -> set[str]:
    if name in seen:
        return seen
    seen.add(name)
    source = env.loader.get_source(env, name)[0]
    for ref in meta.find_referenced_templates(env.parse(source)):
        if ref:
            _templates_of(env, ref, seen)
    return seen


def test_kept_templates_show_nothing_per_visitor(app):
    """What the kept pages and parts render may not depend on who is looking: no user, session,
    CSRF token or flashed message (a block touching the session is not kept anyway; a block that
    read the user would give every visitor the same answer)."""
    env = app.jinja_env
    names: set[str] = set()
    for page in ("public_docs/home.html", "public_docs/list.html", "public_docs/detail.html",
                 "search/results.html", "moderation/_disclosure_panels.html", "_site_footer.html",
                 "_site_header.html"):
        _templates_of(env, page, names)
    names -= {"base.html", "public_docs/_print_base.html"}  # the layouts, rendered for each visitor
    assert "public_docs/_item.html" in names and "moderation/_consultation_block.html" in names
    for name in sorted(names):
        source = re.sub(r"\{#.*?#\}", "", env.loader.get_source(env, name)[0], flags=re.S)  # comments out
        if name in ("_site_footer.html", "_site_header.html"):  # kept per sign-in state (and roles)
            source = source.replace("current_user.is_authenticated", "")
        for word in ("current_user", "session", "csrf", "get_flashed_messages", "g."):
            assert not re.search(rf"\b{re.escape(word)}", source), f"{name} uses {word}"

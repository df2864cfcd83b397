"""How a feature plugs into the shell (``portal/registry.py``, ``portal/signals.py``): a test
feature registers a navigation entry, a cacheable page, a template hook and a template global, and
each shows up where the shell uses it; the features' own registrations fill the real menus."""
from __future__ import annotations

import itertools

import pytest
from flask import Blueprint, render_template_string

from portal import registry, signals
from portal.i18n import _l

_calls = itertools.count(1)


def _test_feature(app) -> None:
    """What a new feature's ``register(app)`` would do."""
    bp = Blueprint("testfeature", __name__)

    @bp.get("/tinh-nang-thu")
    @registry.cacheable
    def page():
        return f"<p>lần {next(_calls)}</p>"

    @bp.get("/tinh-nang-thu/tuoi")
    def fresh():
        return f"<p>lần {next(_calls)}</p>"

    @bp.get("/tinh-nang-thu/can-bo")
    def staff_page():
        return "staff"

    app.register_blueprint(bp)
    registry.add_nav_entry(app, "main", "testfeature.page", _l("Giới thiệu"), order=15)
    registry.add_nav_entry(app, "staff", "testfeature.staff_page", _l("Nhật ký hệ thống"), order=5,
                           roles=("moderator",))
    registry.add_nav_entry(app, "main", "testfeature.missing", _l("Tra cứu"), order=16)  # no such view
    registry.add_template_hook(app, "disclosure-panels",
                               lambda disclosure: f'<section id="test-panel">{disclosure.title}</section>')
    app.add_template_global(lambda: "giá trị thử", "test_feature_value")


@pytest.fixture
def config_overrides():
    return {"PAGE_CACHE_SECONDS": 60}


@pytest.fixture
def feature_app(app):
    _test_feature(app)
    return app


def _main_nav(html: str) -> str:
    return html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]


def test_features_fill_the_main_navigation_in_order(app, client):
    nav = _main_nav(client.get("/gioi-thieu").get_data(as_text=True))
    labels = ["Trang chủ", "Công khai thông tin", "Lấy ý kiến", "Gửi phản ánh, kiến nghị", "Tra cứu",
              "Kiến nghị công khai", "Thống kê"]
    positions = [nav.index(f">{label}</a>") for label in labels]
    assert positions == sorted(positions)
    assert [e.endpoint for e in registry.registered_nav(app, "main")][:2] == [
        "disclosures.home", "disclosures.disclosure_list"]


def test_a_feature_nav_entry_appears_in_order_and_a_missing_endpoint_is_hidden(feature_app, client):
    html = client.get("/gioi-thieu").get_data(as_text=True)
    nav = _main_nav(html)
    assert '<a href="/tinh-nang-thu" >Giới thiệu</a>' in nav
    # order 15: after the home page (10), before the disclosures (20)
    assert nav.index(">Trang chủ</a>") < nav.index('href="/tinh-nang-thu"') < nav.index(">Công khai thông tin</a>")
    assert nav.count(">Tra cứu</a>") == 1  # the entry whose endpoint does not exist is left out
    client.set_cookie("lang", "en")
    english = _main_nav(client.get("/gioi-thieu").get_data(as_text=True))
    assert '<a href="/tinh-nang-thu" >About</a>' in english  # the lazy label, translated when shown


def test_a_feature_staff_entry_shows_only_for_its_roles(feature_app, client, login_as):
    login_as("moderator")
    page = client.get("/can-bo/").get_data(as_text=True)
    assert 'href="/tinh-nang-thu/can-bo"' in page
    assert page.index('href="/tinh-nang-thu/can-bo"') < page.index("Hàng đợi kiểm duyệt")  # order 5 < 20
    assert "Tài khoản cán bộ" not in page  # admin only


def test_a_staff_entry_is_hidden_from_other_roles(feature_app, client, login_as):
    login_as("editor")
    page = client.get("/can-bo/").get_data(as_text=True)
    assert 'href="/tinh-nang-thu/can-bo"' not in page
    assert "Quản lý công khai thông tin" in page and "Hàng đợi kiểm duyệt" not in page


def test_a_cacheable_view_is_kept_by_the_page_cache(feature_app, client):
    assert "testfeature.page" in registry.cacheable_endpoints(feature_app)
    assert "testfeature.fresh" not in registry.cacheable_endpoints(feature_app)
    first = client.get("/tinh-nang-thu")
    second = client.get("/tinh-nang-thu")
    assert first.headers.get("X-Page-Cache") == "miss" and second.headers.get("X-Page-Cache") == "hit"
    assert second.get_data() == first.get_data()
    fresh = [client.get("/tinh-nang-thu/tuoi") for _ in range(2)]
    assert all(r.headers.get("X-Page-Cache") is None for r in fresh)
    assert fresh[0].get_data() != fresh[1].get_data()


def test_the_features_own_cacheable_pages(app):
    assert registry.cacheable_endpoints(app) == {
        "disclosures.home", "disclosures.disclosure_list", "disclosures.disclosure_detail", "search.results"}


def test_a_template_hook_renders_what_features_registered(feature_app):
    from types import SimpleNamespace

    with feature_app.test_request_context("/"):
        html = render_template_string(
            "{{ template_hook('disclosure-panels', disclosure=d) }}|{{ has_template_hook('nothing') }}"
            "|{{ template_hook('nothing') }}|{{ test_feature_value() }}",
            d=SimpleNamespace(title="<b>Dự thảo</b>", is_project=False, comments_open_from=None, id=1))
    # what each function returns is HTML (the function escapes what it must)
    assert '<section id="test-panel"><b>Dự thảo</b></section>' in html
    assert html.endswith("|False||giá trị thử")


def test_the_disclosure_page_shows_a_feature_panel(feature_app, client, db):
    import datetime as dt

    from public_docs.disclosures import services

    day = (services.today() - dt.timedelta(days=2)).isoformat()
    d = services.create_disclosure({
        "number": "7/TB-UBND", "title": "Thông báo lịch tiếp công dân",
        "summary": "Lịch tiếp công dân định kỳ của Ủy ban nhân dân phường trong quý.",
        "body": "Nội dung thông báo.", "category": "plans", "form": "Thông báo",
        "issuer": "UBND phường Hòa An", "issued_on": day, "effective_on": day,
    }, actor="test")
    services.publish_disclosure(d, actor="test", secrecy_confirmed=True)
    db.session.commit()
    page = client.get(f"/cong-khai/{d.id}").get_data(as_text=True)
    assert '<section id="test-panel">Thông báo lịch tiếp công dân</section>' in page
    assert page.index('id="test-panel"') < page.index('id="h-versions"')  # where the panels go
    printable = client.get(f"/cong-khai/{d.id}?in=1").get_data(as_text=True)
    assert "Thông báo lịch tiếp công dân" in printable and 'id="test-panel"' not in printable  # no panels in print


def test_public_content_changed_is_sent_after_a_commit_of_public_content(app, db):
    from moderation.intake.models import Submission
    from portal.settings import Setting

    received = []

    def receiver(sender, models=frozenset(), **_):
        received.append((sender, models))

    signals.public_content_changed.connect(receiver, sender=app)
    try:
        row = Setting(key="TEST_PUBLIC", value=1)
        db.session.add(row)
        db.session.commit()
        assert received == []  # a new row counts only for new_rows classes (disclosures)
        row.value = 2
        db.session.flush()
        assert received == []  # not before the commit
        db.session.commit()
        assert received == [(app, frozenset({Setting}))]

        row.value = 3
        db.session.flush()
        db.session.rollback()
        assert len(received) == 1  # a rolled-back change sends nothing

        assert Submission in signals.models_of(__import__("moderation"))
        registry_of_app = app.extensions["portal.public_content"]
        assert Submission in registry_of_app["changed"] and Submission not in registry_of_app["new"]
    finally:
        signals.public_content_changed.disconnect(receiver, sender=app)

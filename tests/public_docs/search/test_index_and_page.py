"""The index follows the database: change log, withdraw, damage and rebuild; the page and the CLI."""
from __future__ import annotations

import shutil
from pathlib import Path

from portal.database import utcnow
from portal.extensions import db
from public_docs import search as S
from public_docs.disclosures.models import DisclosureStatus, IndexChange
from public_docs.search import index as search_index
from tests.fixtures.disclosures import hit_ids


def _index_dir(app) -> Path:
    return Path(app.config["SEARCH_INDEX_DIR"])


def test_edit_reaches_search_after_sync_and_withdrawn_leaves(app, make_disclosure, change):
    d = make_disclosure(title="Kế hoạch tiêm chủng mở rộng", body="Lịch tiêm cho trẻ em.")
    S.sync()  # fresh: builds
    assert hit_ids(S.search("tiem chung")) == [d.id]
    # amend: the old words leave, the new ones come in
    d.title = "Kế hoạch phòng chống sốt xuất huyết"
    d.body_html = "<p>Phun thuốc diệt muỗi.</p>"
    change(d)
    assert S.search("sot xuat huyet").total == 0  # not yet applied
    assert S.sync() == "applied:1"
    assert hit_ids(S.search("sot xuat huyet")) == [d.id]
    assert S.search("tiem chung").total == 0
    # withdraw
    d.status = DisclosureStatus.withdrawn
    d.withdrawn_at = utcnow()
    change(d, op="delete")
    assert S.apply_pending_changes() == 1
    assert S.search("sot xuat huyet").total == 0
    assert S.apply_pending_changes() == 0  # idempotent: remembered per directory


def test_drafts_are_never_indexed(app, make_disclosure):
    make_disclosure(title="Bản nháp quy hoạch chợ", status=DisclosureStatus.draft)
    S.sync()
    assert S.search("quy hoach cho").total == 0


def test_each_index_directory_remembers_its_own_position(app, make_disclosure, tmp_path):
    d = make_disclosure(title="Thông báo cắt điện")
    other = tmp_path / "host2-index"
    S.sync()
    S.sync(index_path=other)
    d2 = make_disclosure(title="Thông báo cắt nước")
    assert S.apply_pending_changes() == 1
    assert hit_ids(S.search("cat nuoc")) == [d2.id]
    assert d2.id not in hit_ids(S.search("cat nuoc", index_path=other))
    assert S.apply_pending_changes(index_path=other) == 1
    assert hit_ids(S.search("cat nuoc", index_path=other)) == [d2.id]
    assert hit_ids(S.search("cat dien", index_path=other)) == [d.id]


def test_rebuild_picks_up_changes_written_meanwhile_and_swaps(app, make_disclosure):
    d = make_disclosure(title="Danh sách hộ cận nghèo")
    assert S.rebuild() == 1
    state = search_index.read_state(_index_dir(app))
    assert state["last_change_id"] == db.session.scalar(db.select(db.func.max(IndexChange.id)))
    assert not list(_index_dir(app).parent.glob("index.build-*"))
    assert not list(_index_dir(app).parent.glob("index.old-*"))
    assert hit_ids(S.search("ho can ngheo")) == [d.id]


def test_deleted_index_page_serves_then_reindex_restores(app, client, make_disclosure, runner, config_overrides):
    d = make_disclosure(title="Quy hoạch sử dụng đất phường")
    S.sync()
    assert hit_ids(S.search("quy hoach")) == [d.id]
    shutil.rmtree(_index_dir(app))
    from public_docs.search import engine

    engine.invalidate()  # as if the periodic "has the index changed?" check came due
    result = S.search("quy hoach")
    assert result.available is False and result.hits == []
    app.config["SEARCH_AUTO_REBUILD"] = False
    page = client.get("/tim-kiem?q=quy+hoach")
    assert page.status_code == 200
    assert "đang được xây dựng lại" in page.get_data(as_text=True)
    assert client.get("/").status_code == 200  # other pages keep serving
    out = runner.invoke(args=["search", "reindex"])
    assert out.exit_code == 0 and "1 văn bản" in out.output
    assert hit_ids(S.search("quy hoach")) == [d.id]
    assert "<mark>hoạch</mark> sử dụng đất" in client.get("/tim-kiem?q=quy+hoach").get_data(as_text=True)


def test_corrupt_index_is_unavailable_then_sync_rebuilds(app, make_disclosure, runner):
    d = make_disclosure(title="Báo cáo tài chính công đoàn")
    S.sync()
    for f in _index_dir(app).iterdir():
        if f.suffix in (".toc", ".seg", ".pst", ".trm") or f.name.startswith("_MAIN"):
            f.write_bytes(b"garbage")
    from public_docs.search import engine

    engine.close_all()
    assert S.search("bao cao").available is False
    out = runner.invoke(args=["search", "sync"])
    assert out.exit_code == 0, out.output
    assert "Đã tạo lại" in out.output
    assert hit_ids(S.search("bao cao")) == [d.id]


def test_flask_search_sync_on_a_fresh_database_builds_an_empty_index(app, runner):
    out = runner.invoke(args=["search", "sync"])
    assert out.exit_code == 0 and "0 văn bản" in out.output
    result = S.search("bất kỳ")
    assert result.available and result.total == 0
    out = runner.invoke(args=["search", "sync"])
    assert "0 thay đổi" in out.output


def test_changes_committed_in_a_request_are_applied_after_the_response(app, client, make_disclosure):
    from flask import Blueprint

    S.sync()
    made = make_disclosure(title="Chưa dùng", commit=False)
    db.session.rollback()
    del made

    bp = Blueprint("search_test_writer", __name__)

    @bp.post("/_test/publish")
    def publish():
        d = _new_disclosure("Thông báo lịch thu gom rác thải")
        db.session.add(IndexChange(doc_id=d.id, op="upsert"))
        db.session.commit()
        return str(d.id)

    app.register_blueprint(bp)
    response = client.post("/_test/publish")
    doc_id = int(response.get_data(as_text=True))
    response.close()
    assert hit_ids(S.search("thu gom rac")) == [doc_id]
    assert search_index.pending_count() == 0


def _new_disclosure(title):
    from public_docs.disclosures.models import Disclosure

    d = Disclosure(number=f"T-{title[:5]}/TB", title=title, category="other", form="Thông báo",
                   status=DisclosureStatus.published, published_at=utcnow())
    db.session.add(d)
    db.session.flush()
    return d


def test_search_page_results_filters_and_no_results(app, client, make_disclosure):
    a = make_disclosure(title="Dự toán ngân sách phường năm 2026", category="budget",
                        body="Tổng thu ngân sách trên địa bàn.")
    make_disclosure(title="Kế hoạch phát triển", category="plans", body="Ngân sách đầu tư công.")
    S.sync()
    html = client.get("/tim-kiem?q=ngan+sach").get_data(as_text=True)
    assert "Tìm thấy <strong>2</strong>" in html
    assert "<mark>" in html and f"/cong-khai/{a.id}" in html
    assert "Dự toán, quyết toán ngân sách (1)" in html  # facet counts with labels
    html = client.get("/tim-kiem?q=ngan+sach&category=budget&sort=date").get_data(as_text=True)
    assert "Tìm thấy <strong>1</strong>" in html
    html = client.get("/tim-kiem?q=ngan+sach&category=fees").get_data(as_text=True)
    assert "Không tìm thấy văn bản phù hợp" in html and "bỏ bộ lọc" in html
    html = client.get("/tim-kiem?q=zzzxq").get_data(as_text=True)
    assert "Không tìm thấy văn bản phù hợp" in html and "chính tả" in html
    html = client.get("/tim-kiem").get_data(as_text=True)
    assert "Hoặc xem theo lĩnh vực" in html
    for q in ("<script>alert(1)</script>", "%00", "\"", "*", "a" * 5000, "NOT OR AND"):
        page = client.get("/tim-kiem", query_string={"q": q, "page": "x", "year": q})
        assert page.status_code == 200
        assert "<script>alert" not in page.get_data(as_text=True)


def test_concurrent_searches_while_changes_are_applied(app, make_disclosure):
    import threading

    for i in range(6):
        make_disclosure(title=f"Thông báo lịch cắt điện đợt {i}")
    S.sync()
    errors, unavailable = [], []

    def reader():
        with app.app_context():
            for _ in range(15):
                try:
                    r = S.search("lich cat dien")
                    if not r.available:
                        unavailable.append(1)
                except Exception as exc:  # pragma: no cover - the assertion reports it
                    errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    for i in range(3):
        make_disclosure(title=f"Thông báo lịch cắt điện bổ sung {i}")
        S.apply_pending_changes()
    for t in threads:
        t.join()
    assert errors == [] and unavailable == []
    from public_docs.search import engine

    engine.invalidate()
    assert S.search("lich cat dien").total == 9

"""The search thesaurus: seeded entries, the staff page (audit, validation, roles), applied at query
time without a reindex, folded forms of abbreviations, and the per-process cache's version check."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from portal.audit import AuditEvent
from portal.database import utcnow
from portal.extensions import db
from public_docs import search as S
from public_docs.search import thesaurus
from public_docs.search.models import ThesaurusEntry, ThesaurusKind
from tests.fixtures.disclosures import hit_ids

PAGE = "/can-bo/tu-dien-tim-kiem"


def test_seeded_with_abbreviations_and_everyday_words(app):
    count = db.session.scalar(select(func.count(ThesaurusEntry.id)))
    assert count >= 150
    keys = set(db.session.scalars(select(ThesaurusEntry.key)))
    for key in ("ubnd", "hdnd", "mttq", "ktxh", "nsnn", "gpmb", "tdc", "cchc", "pctttkcn", "tdp", "bttnd", "dccs",
                "qcdc", "bhyt", "bhxh", "cccd", "tthc", "qsdd", "xdcb", "dtxd", "qd", "kh", "tb", "bc", "ttr", "nq",
                "cv"):
        assert key in keys, key
    for term in ("đền bù", "giải tỏa", "mẫu giáo", "tiếp dân", "gặp chủ tịch", "bão lụt", "giấy khai sinh",
                 "thương binh liệt sĩ"):
        assert thesaurus.term_key(term, ThesaurusKind.synonym) in keys, term
    assert thesaurus.seed_thesaurus() == 0  # idempotent


def test_abbreviations_match_in_every_folded_form(app, make_disclosure):
    d = make_disclosure(title="Kế hoạch phát triển kinh tế - xã hội năm 2027")
    make_disclosure(title="Kế hoạch trồng cây xanh năm 2027")
    S.rebuild()
    for q in ("KT-XH", "KTXH", "kt-xh", "kt xh", "ktxh 2027"):
        assert hit_ids(S.search(q))[0] == d.id, q
    land = make_disclosure(title="Cấp giấy chứng nhận quyền sử dụng đất")
    S.rebuild()
    for q in ("QSDĐ", "QSDD", "qsdđ"):
        assert hit_ids(S.search(q)) == [land.id], q


def test_an_expansion_scores_below_the_word_typed(app, make_disclosure):
    official = make_disclosure(title="Phương án bồi thường khi nâng cấp đường")
    typed = make_disclosure(title="Hỏi đáp về đền bù khi nâng cấp đường")
    S.rebuild()
    assert hit_ids(S.search("đền bù")) == [typed.id, official.id]
    assert hit_ids(S.search("bồi thường"))[0] == official.id


def _entry(term: str) -> ThesaurusEntry:
    return db.session.scalar(select(ThesaurusEntry).where(ThesaurusEntry.term == term))


def test_staff_page_adds_edits_and_retires_with_audit_and_no_reindex(app, client, login_as, make_disclosure):
    d = make_disclosure(title="Thông báo lịch tiêm chủng cho trẻ em")
    S.rebuild()
    assert S.search("vắc xin").total == 0
    editor = login_as("editor")
    page = client.get(PAGE)
    assert page.status_code == 200 and "KT-XH" in page.get_data(as_text=True)
    resp = client.post(PAGE, data={"term": "vắc xin", "expansions": "tiêm chủng; tiêm phòng", "kind": "synonym"})
    assert resp.status_code == 302
    entry = _entry("vắc xin")
    assert entry.kind == ThesaurusKind.synonym and entry.expansion_list == ["tiêm chủng", "tiêm phòng"]
    assert entry.updated_by_id == editor.id
    assert hit_ids(S.search("vac xin")) == [d.id]  # at once, without rebuilding the index
    resp = client.post(f"{PAGE}/{entry.id}", data={"term": "vắc-xin", "expansions": "tiêm chủng",
                                                   "kind": "synonym", "active": "1"})
    assert resp.status_code == 302 and _entry("vắc-xin").expansion_list == ["tiêm chủng"]
    assert client.post(f"{PAGE}/{entry.id}/trang-thai", data={"active": ""}).status_code == 302
    assert _entry("vắc-xin").active is False
    assert S.search("vac xin").total == 0
    actions = list(db.session.scalars(select(AuditEvent.action).where(AuditEvent.actor_id == editor.id)))
    assert actions == ["thesaurus.create", "thesaurus.update", "thesaurus.deactivate"]
    assert "Ngừng dùng" in client.get(PAGE).get_data(as_text=True)


def test_bad_input_is_refused_in_vietnamese_and_kept(app, client, login_as):
    login_as("admin")
    resp = client.post(PAGE, data={"term": "UBND", "expansions": "ủy ban", "kind": "abbreviation"})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422 and "đã có trong từ điển" in html
    resp = client.post(PAGE, data={"term": "đền bù mới", "expansions": "Đền   bù mới", "kind": "synonym"})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422 and "ít nhất một nghĩa" in html and 'value="đền bù mới"' in html
    resp = client.post(PAGE, data={"term": "---", "expansions": "x", "kind": "other"})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422 and "Vui lòng chọn loại" in html and "Vui lòng nhập từ" in html
    assert _entry("đền bù mới") is None
    assert client.get(f"{PAGE}/999999999999").status_code == 404


def test_only_admins_and_editors(app, client, login_as):
    assert client.get(PAGE).status_code == 302  # to the login page
    login_as("moderator")
    assert client.get(PAGE).status_code == 403
    entry = _entry("UBND")
    assert client.post(f"{PAGE}/{entry.id}/trang-thai", data={"active": ""}).status_code == 403
    assert _entry("UBND").active is True


def test_another_process_change_is_seen_by_the_version_check(app, make_disclosure, config_overrides):
    d = make_disclosure(title="Lịch tiêm chủng mở rộng")
    S.rebuild()
    assert S.search("chích ngừa").total  # seeded: chích ngừa ↔ tiêm chủng
    app.config["SEARCH_THESAURUS_CHECK_SECONDS"] = 3600.0
    assert hit_ids(S.search("chích ngừa")) == [d.id]  # compiled once, then cached
    # Another process retires the entry: a direct UPDATE, this process's cache is not told.
    db.session.execute(ThesaurusEntry.__table__.update().where(ThesaurusEntry.key == "chich ngua")
                       .values(active=False, updated_at=utcnow() + dt.timedelta(seconds=1)))
    db.session.commit()
    assert hit_ids(S.search("chích ngừa")) == [d.id]  # within the interval: the cached version
    app.config["SEARCH_THESAURUS_CHECK_SECONDS"] = 0.0
    assert S.search("chích ngừa").total == 0  # the version changed: reloaded

"""One searchable text for the index, the phrase re-ranking and the snippets; no database read
while another search waits on the engine."""
from __future__ import annotations

import threading

from portal.database import utcnow
from portal.extensions import db
from public_docs import search as S
from public_docs.disclosures.models import Attachment
from public_docs.search import engine, texts
from public_docs.search.documents import published_sources, source_of
from public_docs.search.index import document_for
from tests.fixtures.disclosures import hit_ids


def test_index_and_page_read_the_same_text(app, make_disclosure):
    d = make_disclosure(title="Kế hoạch nạo vét", summary="Tóm tắt kênh Đông.",
                        body="Nạo vét <kênh> & mương; cống số 3.", attachment_text="Phụ lục: dự toán 120 triệu")
    db.session.add(Attachment(disclosure_id=d.id, filename="cu.pdf", content_type="application/pdf", size=1,
                              sha256="1" * 64, text="bản cũ đã thay", removed_at=utcnow()))
    db.session.commit()
    db.session.refresh(d)
    indexed = texts.disclosure_text(d)
    title, shown = texts.TextLoader()([d.id], attachments=True)[d.id]
    assert title == d.title and shown == indexed
    # the <p> tags become spaces
    assert indexed == "Tóm tắt kênh Đông.\n Nạo vét <kênh> & mương; cống số 3. \nPhụ lục: dự toán 120 triệu"
    assert "bản cũ" not in indexed
    assert document_for(d)["text_f"]["kenh"] == 2  # the index counted that very text
    # a rebuild reads the same document with column queries
    assert list(published_sources(db.session, batch=1)) == [source_of(d)]


def test_phrase_reranking_reads_texts_outside_the_engine_lock(app, make_disclosure, monkeypatch):
    for i in range(3):
        make_disclosure(title=f"Sửa đường ngõ {i}", body="Sửa chữa đường ngõ xóm bê tông.")
    S.sync()
    assert len(hit_ids(S.search("đường ngõ"))) == 3
    other: dict = {}
    real = texts.load_texts

    def slow_load(doc_ids, attachments=False):
        if other:  # the second search's own texts
            return real(doc_ids, attachments=attachments)
        other["started"] = True

        # meanwhile a second search, from another thread, gets the same warm state and finishes
        def run():
            with app.app_context():
                other["ids"] = hit_ids(S.search("bê tông"))
        thread = threading.Thread(target=run)
        thread.start()
        thread.join(timeout=10)
        other["finished"] = not thread.is_alive()
        return real(doc_ids, attachments=attachments)

    monkeypatch.setattr(texts, "load_texts", slow_load)
    assert len(hit_ids(S.search("sửa đường"))) == 3  # a phrase: re-ranked on texts read here
    assert other["finished"] and len(other["ids"]) == 3


def test_a_replaced_state_stays_open_for_its_user(app, make_disclosure):
    make_disclosure(title="Thông báo lịch tiếp dân")
    S.sync()
    path = S._index.index_dir()
    with engine.acquire(path) as state:
        S.rebuild()  # a new build: the next acquire opens another state
        with engine.acquire(path) as fresh:
            assert fresh is not state
        assert state.entry("title_f", "tiep").bits  # the old one still reads its files
        assert state.retired
    assert state.retired and state.users == 0

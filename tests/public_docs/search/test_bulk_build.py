"""The bulk build (numpy postings, segments written by ``whoosh_access.write_segment``) holds exactly
what Whoosh's own writer makes of ``documents.document_fields``: the same terms, postings, weights,
values, term statistics and stored fields, in one segment or several."""
from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from whoosh import index as whoosh_index

from public_docs.search import whoosh_access as W
from public_docs.search.bulk import BulkBuilder
from public_docs.search.documents import DocSource, document_fields
from public_docs.search.schema import make_schema

WORDS = ["Ủy", "ban", "nhân", "dân", "phường", "Hòa", "An", "hoà", "thuỷ", "thủy", "lợi", "kỹ", "kĩ", "thuật",
         "quy", "qui", "hoạch", "ĐƯỜNG", "đường", "duong", "ngõ", "243", "79/KH-UBND", "bê", "tông", "GPMB",
         "KT-XH", "dự", "toán", "ngân", "sách", "xã", "hội", "năm", "2027", "tái", "định", "cư", "mầm", "non",
         "ngõ,", "(GPMB).", "–", "Hòa\u00a0An", "tab\tnơi", "Thủy_lợi", "x²", "..."]


def _sources(n: int) -> list[DocSource]:
    out = []
    for i in range(n):
        body = " ".join(WORDS[(i * 7 + k * k) % len(WORDS)] for k in range(40 + i % 90))
        if i % 4 == 0:
            body = unicodedata.normalize("NFD", body)  # decomposed input counts as composed
        out.append(DocSource(
            id=i + 1, title=" ".join(WORDS[(i + k) % len(WORDS)] for k in range(3 + i % 6)),
            number="" if i % 5 == 0 else f"{i + 1}/QĐ-UBND", text=body if i % 9 else "",
            category=["plans", "budget", ""][i % 3], form="Quyết định" if i % 2 else "Kế hoạch",
            issuer="UBND phường Hòa An", date=None if i % 7 == 0 else dt.date(2020 + i % 6, 1 + i % 12, 1),
            groups=() if i % 3 else ("TDP1", "TDP3")[: 1 + i % 2], status="published",
            budget_kind="final_accounts" if i % 3 == 1 else ("audit" if i % 4 == 0 else ""),
            budget_year=2020 + i % 5 if i % 3 == 1 else None,
        ))
    return out


def _whoosh_build(path, sources):
    path.mkdir()
    ix = whoosh_index.create_in(str(path), make_schema())
    writer = W.open_writer(ix)
    for src in sources:
        writer.add_document(**document_fields(src))
    writer.commit(optimize=True)
    return ix


def _bulk_build(path, sources, chunk_words=10**9):
    path.mkdir()
    ix = whoosh_index.create_in(str(path), make_schema())
    builder = BulkBuilder(ix, chunk_words=chunk_words)
    for src in sources:
        builder.add(src)
    assert builder.finish() == len(sources)
    return whoosh_index.open_dir(str(path))


def _all_postings(ix) -> dict:
    """{(field, term): [(doc id, weight, value bytes)]} over every segment, plus stored fields."""
    out: dict = {}
    with ix.searcher() as searcher:
        stored = {}
        for reader, offset in W.segment_leaves(searcher):
            for d in range(reader.doc_count_all()):
                fields = reader.stored_fields(d)
                stored[offset + d] = fields
            for field, tbytes in reader.all_terms():
                m = reader.postings(field, tbytes)
                while m.is_active():
                    out.setdefault((field, tbytes), []).append((stored[offset + m.id()]["id"], m.weight(), m.value()))
                    m.next()
    return {"postings": out, "stored": sorted(stored.values(), key=lambda f: int(f["id"]))}


def test_one_segment_is_identical_to_whooshs_writer(tmp_path):
    sources = _sources(400)  # "ban", "dân"... in every document: several blocks of 128
    ref = _whoosh_build(tmp_path / "ref", sources)
    bulk = _bulk_build(tmp_path / "bulk", sources)
    with ref.searcher() as rs, bulk.searcher() as bs:
        (rr, _), = W.segment_leaves(rs)
        (br, _), = W.segment_leaves(bs)
        terms = list(rr.all_terms())
        assert terms == list(br.all_terms()) and len(terms) > 100
        for field, tbytes in terms:  # statistics alike (blocks of whole-number weights are smaller)
            ref_info, bulk_info = (vars(r._terms.term_info(field, tbytes)) for r in (rr, br))
            assert ref_info.pop("_length") >= bulk_info.pop("_length")
            ref_info.pop("_offset"), bulk_info.pop("_offset")
            assert ref_info == bulk_info
        assert [rr.stored_fields(d) for d in range(400)] == [br.stored_fields(d) for d in range(400)]
        for field, tbytes in terms:  # the engine's block reader reads both kinds of blocks alike
            text = tbytes.decode("utf-8")
            ref_ids, ref_w = W.read_postings(rr, field, text)
            ids, weights = W.read_postings(br, field, text)
            assert ids.tolist() == ref_ids.tolist() and weights.tolist() == ref_w.tolist()
        assert rr.doc_count_all() == br.doc_count_all() == 400
    assert _all_postings(ref) == _all_postings(bulk)


def test_several_segments_hold_the_same_postings(tmp_path):
    sources = _sources(300)
    ref = _all_postings(_whoosh_build(tmp_path / "ref", sources))
    ix = _bulk_build(tmp_path / "bulk", sources, chunk_words=500)
    with ix.searcher() as searcher:
        assert len(W.segment_leaves(searcher)) > 3
        assert searcher.doc_count_all() == 300
    assert _all_postings(ix) == ref


def test_an_empty_build_is_a_valid_empty_index(tmp_path):
    ix = _bulk_build(tmp_path / "empty", [])
    with ix.searcher() as searcher:
        assert searcher.doc_count_all() == 0


def test_a_failed_segment_writer_fails_the_build(tmp_path, monkeypatch):
    from public_docs.search import bulk

    def broken(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(bulk, "write_segment", broken)
    (tmp_path / "ix").mkdir()
    builder = BulkBuilder(whoosh_index.create_in(str(tmp_path / "ix"), make_schema()), chunk_words=500)
    with pytest.raises((RuntimeError, OSError)):
        for src in _sources(300):  # segments written by a forked process, then the last one here
            builder.add(src)
        builder.finish()
    builder.abandon()
    assert builder._child is None


def test_whooshs_writer_merges_and_updates_bulk_segments(tmp_path):
    sources = _sources(200)
    ref = _all_postings(_whoosh_build(tmp_path / "ref", sources))
    ix = _bulk_build(tmp_path / "bulk", sources, chunk_words=500)
    writer = W.open_writer(ix)
    writer.commit(optimize=True)  # Whoosh reads the bulk blocks (1,024 postings, int weights) to merge them
    with ix.searcher() as searcher:
        assert len(W.segment_leaves(searcher)) == 1
    assert _all_postings(ix) == ref
    writer = W.open_writer(ix)  # and an edit, as apply_pending_changes makes one
    writer.update_document(**document_fields(sources[5]))
    writer.commit()
    with ix.searcher() as searcher:
        assert searcher.doc_count() == 200

"""Pins the Whoosh internals ``whoosh_access`` relies on (whoosh-reloaded 2.7.5): the private
attributes exist and give the same postings as Whoosh's public API, over several blocks, inlined
single postings, several segments and deleted documents."""
from __future__ import annotations

import whoosh
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher

from public_docs.search import whoosh_access as W
from public_docs.search.schema import make_schema


def _doc(i: int, **fields) -> dict:
    base = dict(id=str(i), number="-", category="-", form="-", issuer="-", year="-", status="published",
                groups="", meta=(i, "", "", "", "", (), "published", 0, 1, 1, 0))
    base.update(fields)
    return base


def _public_postings(reader, fieldname: str, text: str) -> tuple[list[int], list[float]]:
    if (fieldname, text) not in reader:
        return [], []
    m = reader.postings(fieldname, text)  # skips deleted documents
    ids, weights = [], []
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        m.next()
    return ids, weights


def _build(path):
    ix = whoosh_index.create_in(str(path), make_schema())
    w = W.open_writer(ix)
    for i in range(700):  # "chung" in every document (6 blocks of 128), "le" in every third
        counts = {"chung": 1 + i % 5}
        if i % 3 == 0:
            counts["le"] = 2
        if i == 42:
            counts["hiem"] = 7  # one document: inlined in the term info
        w.add_document(**_doc(i, text_f=counts, title_x={"đường": 1 + i % 2}))
    w.commit()
    w = W.open_writer(ix)  # a second segment, and deletions in the first
    for i in range(700, 900):
        w.add_document(**_doc(i, text_f={"chung": 3, "le": 1}))
    w.delete_by_term("id", "3")
    w.delete_by_term("id", "128")
    w.commit(merge=False)
    return ix


def test_installed_whoosh_is_the_pinned_version():
    assert whoosh.__version__[:3] == W.WHOOSH_VERSION
    assert W.installed_version() == W.WHOOSH_VERSION


def test_private_attributes_exist(tmp_path):
    ix = _build(tmp_path)
    for name in ("_read_data", "_goto"):
        assert callable(getattr(W3LeafMatcher, name))
    assert hasattr(W3Codec(), "length_stats") and W.lean_codec().length_stats is False
    with ix.searcher() as searcher:
        leaves = W.segment_leaves(searcher)
        assert len(leaves) == 2
        reader = leaves[0][0]
        matcher = reader._terms.matcher("text_f", b"chung", reader.schema["text_f"].format)
        assert isinstance(matcher, W3LeafMatcher)
        for name in ("_atend", "_lastblock", "_nextoffset", "_blocklength", "_data"):
            assert hasattr(matcher, name)


def test_private_postings_equal_the_public_api(tmp_path):
    ix = _build(tmp_path)
    with ix.searcher() as searcher:
        leaves = W.segment_leaves(searcher)
        assert [o for _r, o in leaves] == [0, 700]
        first = leaves[0][0]
        assert W.deleted_docs(first) == {3, 128}
        assert {d for d in range(first.doc_count_all()) if first.is_deleted(d)} == {3, 128}
        assert W.deleted_docs(leaves[1][0]) == frozenset()
        for reader, _offset in leaves:
            deleted = W.deleted_docs(reader)
            for field, text in (("text_f", "chung"), ("text_f", "le"), ("text_f", "hiem"),
                                ("title_x", "đường"), ("text_f", "absent"), ("nofield", "x")):
                ids, weights = W.read_postings(reader, field, text)
                live = [(d, w) for d, w in zip(ids.tolist(), weights.tolist(), strict=True) if d not in deleted]
                expected = list(zip(*_public_postings(reader, field, text), strict=True))
                assert live == expected, (field, text)
        ids, weights = W.read_postings(first, "text_f", "chung")
        assert ids.tolist() == list(range(700)) and weights.tolist() == [float(1 + i % 5) for i in range(700)]
        ids, weights = W.read_postings(first, "text_f", "hiem")
        assert (ids.tolist(), weights.tolist()) == ([42], [7.0])
    assert W.segment_id(leaves[0][0]) != W.segment_id(leaves[1][0])


def test_open_readonly_reads_what_was_written(tmp_path):
    _build(tmp_path)
    ix = W.open_readonly(tmp_path)
    with ix.searcher() as searcher:
        assert searcher.doc_count_all() == 900 and searcher.doc_count() == 898

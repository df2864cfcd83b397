"""Issue 16: every kind of query residents type finds the right demo disclosure in the top three.

The demo data (``flask demo load``) is loaded once per test; each query names the document number
that must be among the first three hits of ``search()``."""
from __future__ import annotations

from sqlalchemy import select

from portal.cli import load_demo_staff
from portal.extensions import db
from public_docs import search as S
from public_docs.disclosures.demo import load_demo_disclosures
from public_docs.disclosures.models import Disclosure

QUERIES = [
    # administrative abbreviations
    ("KT-XH 2027", "79/KH-UBND"),
    ("KTXH", "79/KH-UBND"),
    ("kt-xh 6 tháng", "214/BC-UBND"),
    ("GPMB", "63/QĐ-UBND"),
    ("NSNN quý II", "176/BC-UBND"),
    ("NSNN", "08/NQ-HĐND"),
    ("thu chi NSNN 2025", "41/QĐ-UBND"),
    ("PCTT", "19/BC-MTTQ"),
    ("CCHC 2027", "79/KH-UBND"),
    ("BTTND giám sát quỹ khuyến học", "05/KL-BTTND"),
    ("TTHC một cửa", "130/QĐ-UBND"),
    ("BHYT trẻ em", "140/HD-UBND"),
    ("dự toán NS 2027", "15/TTr-UBND"),
    ("QSDĐ 2027", "88/KH-UBND"),
    ("QSDD 2027", "88/KH-UBND"),
    ("TDP 3 khuyến học", "05/KL-BTTND"),
    # everyday words for official ones
    ("đền bù đường Hòa An 5", "63/QĐ-UBND"),
    ("giải tỏa", "63/QĐ-UBND"),
    ("mẫu giáo", "88/KH-UBND"),
    ("tiếp dân", "132/TB-UBND"),
    ("gặp chủ tịch", "132/TB-UBND"),
    ("bão lụt", "19/BC-MTTQ"),
    ("giấy khai sinh", "140/HD-UBND"),
    ("thương binh liệt sĩ", "98/KH-UBND"),
    ("tiền rác", "102/TB-UBND"),
    ("người già", "161/TB-UBND"),
    ("muỗi", "185/CV-UBND"),
    ("công chứng", "104/TB-UBND"),
    # whole questions
    ("làm giấy khai sinh cho con", "140/HD-UBND"),
    ("sửa đường ngõ 12", "118/TB-UBND"),
    ("làm đường Hòa An 5 hết bao nhiêu tiền", "52/QĐ-UBND"),
    ("lịch tiếp công dân của chủ tịch phường là khi nào", "132/TB-UBND"),
    ("tiền thu gom rác một tháng bao nhiêu", "102/TB-UBND"),
    ("phường có bao nhiêu hộ nghèo", "156/QĐ-UBND"),
    # typos
    ("ngan sahc quý I", "112/BC-UBND"),
    ("tái địnhh cư", "63/QĐ-UBND"),
    ("khai sihn", "140/HD-UBND"),
    ("quyêt toan ngan sach 2025", "41/QĐ-UBND"),
    ("thu hồi đât", "64/TB-UBND"),
    # numbers as people say them
    ("quyết định 130", "130/QĐ-UBND"),
    ("báo cáo 112", "112/BC-UBND"),
    ("QĐ 63", "63/QĐ-UBND"),
    ("qd 41 ubnd", "41/QĐ-UBND"),
    ("kế hoạch 79", "79/KH-UBND"),
    ("thông báo số 188", "188/TB-UBND"),
    ("tờ trình 15", "15/TTr-UBND"),
    ("nghị quyết 08", "08/NQ-HĐND"),
    ("NQ 8", "08/NQ-HĐND"),
    ("công văn 185", "185/CV-UBND"),
    ("TB 64", "64/TB-UBND"),
]


def _load_demo(app):
    load_demo_staff()
    load_demo_disclosures()
    db.session.commit()
    S.rebuild()
    return dict(db.session.execute(select(Disclosure.number, Disclosure.id)).all())


def test_every_kind_of_query_finds_the_right_demo_document_in_the_top_three(app):
    ids = _load_demo(app)
    titles = dict(db.session.execute(select(Disclosure.id, Disclosure.number)).all())
    misses = []
    for query, number in QUERIES:
        result = S.search(query)
        top = [h.doc_id for h in result.hits[:3]]
        if ids[number] not in top:
            misses.append((query, number, [titles[d] for d in top], result.total, result.corrected))
    assert not misses, "\n".join(map(str, misses))

"""Issue 18, item 9: every DOCX the portal writes is A4 with Decree 30/2020's margins. The test
finds the generators itself (every function that starts a document through ``portal.docxpage``)
and runs each one, so a new generator without a case here fails."""
from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

from moderation.boards.routing import get_inspection_board
from portal.docxpage import page_setup
from tests.fixtures.boards import make_project, walk_to

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("portal", "moderation", "public_docs")
STARTERS = {"new_document", "_doc"}
A4_DECREE_30 = {"width": 210, "height": 297, "top": 20, "bottom": 20, "left": 30, "right": 15}


def _call_name(node: ast.Call) -> str:
    f = node.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def _modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            yield module, ast.parse(path.read_text(encoding="utf-8"))


def generators() -> set[str]:
    """``module.function`` of every function that starts a DOCX (calls ``new_document``/``_doc``)."""
    found = set()
    for module, tree in _modules():
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef) or fn.name in STARTERS:
                continue
            if any(isinstance(n, ast.Call) and _call_name(n) in STARTERS for n in ast.walk(fn)):
                found.add(f"{module}.{fn.name}")
    return found


def test_no_blank_python_docx_document_outside_the_page_helper():
    """``docx.Document()`` without a file is US Letter: only portal/docxpage.py may call it."""
    offenders = []
    for module, tree in _modules():
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and _call_name(node) == "Document" and not node.args
                    and not node.keywords and module != "portal.docxpage"):
                offenders.append(f"{module}:{node.lineno}")
    assert offenders == []


def _referral(s, db):
    from moderation.documents import referral_letter_docx

    walk_to(s.case, s, "referred")
    db.session.flush()
    return referral_letter_docx(s.case, s.case.referrals[0])


def _synthesis(s, db):
    from moderation.consultations.synthesis import synthesis_docx

    return synthesis_docx(make_project())


def _notice(s, db):
    from moderation.supervision import services
    from moderation.supervision.documents import notice_letter_docx

    board = get_inspection_board()
    sup = services.open_supervision(board, s.head, subject="Việc niêm yết", supervised_body="UBND phường",
                                    planned_start=dt.date(2026, 5, 11),
                                    member_ids=[m.id for m in board.members])
    return notice_letter_docx(sup)


def _outline(s, db):
    from moderation.reception.report import outline_docx
    from moderation.reports import report_data

    data = report_data(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    return outline_docx(data, "6 tháng đầu năm 2026", None, dt.date(2026, 6, 15))


def _report(s, db):
    from moderation.reports import report_data, report_docx

    return report_docx(report_data(dt.date(2026, 1, 1), dt.date(2026, 3, 31)), "quý I năm 2026")


def _demo_attachment(s, db):
    from public_docs.disclosures.demo import make_file

    rec = {"attachment": "docx", "number": "01/TB-UBND", "form": "tb", "title": "Lịch tiếp công dân",
           "issuer": "UBND phường", "_issued": dt.date(2026, 2, 2), "body": "Lịch tiếp công dân quý I."}
    return make_file(rec).data


BUILDERS = {
    "moderation.documents.referral_letter_docx": _referral,
    "moderation.consultations.synthesis.synthesis_docx": _synthesis,
    "moderation.supervision.documents.notice_letter_docx": _notice,
    "moderation.reception.report.outline_docx": _outline,
    "moderation.reports.files.report_docx": _report,
    "public_docs.disclosures.demo.make_file": _demo_attachment,
}


def test_every_docx_generator_writes_a4_with_decree_30_margins(db, board_setup):
    assert generators() == set(BUILDERS), "a new DOCX generator needs its case in BUILDERS"
    for name, build in BUILDERS.items():
        data = build(board_setup, db)
        sections = page_setup(data)
        assert sections and all(s == A4_DECREE_30 for s in sections), (name, sections)

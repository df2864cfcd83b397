"""``flask disclosures import``: per-line errors, files relative to the manifest, idempotent re-import."""
from __future__ import annotations

import json

from sqlalchemy import func, select

from public_docs.disclosures.models import Attachment, Disclosure, DisclosureStatus, DisclosureVersion
from tests.fixtures.files import docx_bytes, pdf_bytes


def _line(**over):
    obj = {
        "number": "130/QĐ-UBND", "title": "Quyết định công bố thủ tục hành chính", "category": "procedures",
        "form": "Quyết định", "issuer": "UBND phường Hòa An", "issued_on": "2026-03-02",
        "summary": "Danh mục thủ tục hành chính cấp phường.", "body": "Gồm **12** thủ tục.",
    }
    obj.update(over)
    return json.dumps(obj, ensure_ascii=False)


def _write(tmp_path, lines):
    manifest = tmp_path / "batch" / "disclosures.jsonl"
    manifest.parent.mkdir(exist_ok=True)
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


def test_import_reports_bad_lines_and_keeps_good_ones(runner, db, tmp_path):
    (tmp_path / "batch" / "files").mkdir(parents=True)
    (tmp_path / "batch" / "files" / "tthc.pdf").write_bytes(pdf_bytes("Danh mục thủ tục hành chính"))
    manifest = _write(tmp_path, [
        _line(files=["files/tthc.pdf"]),
        "{not json",
        _line(number="2/TB-UBND", category="weather"),
        _line(number="3/TB-UBND", files=["../../etc/passwd"]),
        _line(number="4/TB-UBND", publish=False, title="Bản nháp nhập từ tệp"),
        _line(number="5/TB-UBND", files=["files/khong-co.pdf"]),
        _line(number="6/KH-UBND", category="budget", budget_period="quarter", groups=["TDP99"]),
    ])
    result = runner.invoke(args=["disclosures", "import", str(manifest)])
    assert result.exit_code == 1
    out = result.output
    assert "Dòng 2: lỗi: JSON không hợp lệ" in out
    assert "Dòng 3: lỗi: Vui lòng chọn lĩnh vực" in out
    assert "Dòng 4: lỗi:" in out and "ngoài thư mục" in out
    assert "Dòng 6: lỗi: Không tìm thấy tệp" in out
    assert "Dòng 7: lỗi:" in out and "TDP99" in out
    assert "Đã tạo 2, cập nhật 0, không đổi 0, lỗi 5." in out
    d = db.session.scalar(select(Disclosure).where(Disclosure.number == "130/QĐ-UBND"))
    assert d.status == DisclosureStatus.published and d.attachments[0].filename == "tthc.pdf"
    assert "Danh mục thủ tục" in d.attachments[0].text
    draft = db.session.scalar(select(Disclosure).where(Disclosure.number == "4/TB-UBND"))
    assert draft.status == DisclosureStatus.draft


def test_reimport_updates_instead_of_duplicating(runner, db, tmp_path):
    (tmp_path / "batch").mkdir()
    (tmp_path / "batch" / "a.docx").write_bytes(docx_bytes("Phụ lục"))
    manifest = _write(tmp_path, [_line(files=["a.docx"])])
    assert runner.invoke(args=["disclosures", "import", str(manifest)]).exit_code == 0
    result = runner.invoke(args=["disclosures", "import", str(manifest)])
    assert result.exit_code == 0 and "Đã tạo 0, cập nhật 0, không đổi 1" in result.output
    manifest = _write(tmp_path, [_line(files=["a.docx"], title="Quyết định công bố thủ tục hành chính (bổ sung)")])
    result = runner.invoke(args=["disclosures", "import", str(manifest)])
    assert "cập nhật 1" in result.output
    assert db.session.scalar(select(func.count()).select_from(Disclosure)) == 1
    assert db.session.scalar(select(func.count()).select_from(Attachment)) == 1
    d = db.session.scalar(select(Disclosure))
    assert d.version_no == 2 and d.title.endswith("(bổ sung)")
    assert db.session.scalar(select(func.count()).select_from(DisclosureVersion)) == 2


def test_the_example_manifest_imports(runner, db):
    from pathlib import Path

    from portal.cli import load_demo_staff

    load_demo_staff()
    db.session.commit()
    example = Path(__file__).resolve().parents[2] / "public_docs" / "disclosures" / "demo_data" / "import-example.jsonl"
    result = runner.invoke(args=["disclosures", "import", str(example)])
    assert result.exit_code == 0, result.output
    assert "Đã tạo 2" in result.output
    d = db.session.scalar(select(Disclosure).where(Disclosure.number == "210/TB-UBND"))
    assert d.status == DisclosureStatus.published and [g.code for g in d.groups] == ["TDP01", "TDP02"]

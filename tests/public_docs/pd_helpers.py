"""Helpers for the disclosure tests: valid form data and sample files of each type."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

from public_docs.disclosures import services


def valid_data(**over) -> dict:
    today = services.today()
    data = {
        "number": "79/KH-UBND",
        "title": "Kế hoạch phát triển kinh tế - xã hội năm 2027",
        "summary": "Chỉ tiêu và giải pháp phát triển kinh tế - xã hội của phường.",
        "body": "## Mục tiêu\n\nTăng thu nhập bình quân **8%**.",
        "category": "plans",
        "form": "Kế hoạch",
        "issuer": "UBND phường Hòa An",
        "issued_on": (today - dt.timedelta(days=3)).isoformat(),
        "effective_on": (today - dt.timedelta(days=3)).isoformat(),
    }
    data.update(over)
    return data


def pdf_bytes(*lines: str, title: str = "Thông báo") -> bytes:
    from demo.minipdf import make_pdf

    return make_pdf(title, list(lines))


def docx_bytes(*paragraphs: str, header: str | None = None) -> bytes:
    import docx

    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(rows) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    for row in rows:
        ws.append(list(row))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def odt_bytes(*paragraphs: str) -> bytes:
    from xml.sax.saxutils import escape

    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content)
        zf.writestr("META-INF/manifest.xml", "<manifest/>")
    return out.getvalue()


def png_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()

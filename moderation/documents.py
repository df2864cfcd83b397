"""DOCX documents the Boards and editors print: referral letters, consultation syntheses, the
periodic report section. Counts are written as two digits, as in the wards' own reports."""
from __future__ import annotations

import datetime as dt
import io

from portal.extensions import db
from portal.units import ward_name_inline, ward_place
from portal.ward import local_date


def two(n: int) -> str:
    """Counts in the wards' style: 2 → "02", 0 → "0", 12 → "12"."""
    n = int(n)
    return f"{n:02d}" if 0 < n < 10 else str(n)


def _doc():
    """A blank document on A4 with Decree 30/2020's margins (``portal.docxpage``)."""
    from portal.docxpage import new_document

    return new_document()


def _para(doc, text: str = "", bold: bool = False, italic: bool = False, align: str | None = None, size=None):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    run.italic = italic
    if size:
        run.font.size = Pt(size)
    if align:
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
                       "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    return p


def _header(doc, left_top: str, left_bottom: str, number: str, place_date: str):
    table = doc.add_table(rows=2, cols=2)
    cells = table.rows[0].cells
    cells[0].paragraphs[0].add_run(left_top.upper()).bold = False
    cells[0].add_paragraph().add_run(left_bottom.upper()).bold = True
    cells[1].paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    cells[1].add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    cells2 = table.rows[1].cells
    cells2[0].paragraphs[0].add_run(number)
    cells2[1].paragraphs[0].add_run(place_date).italic = True
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _place_date(day: dt.date) -> str:
    place = ward_place()
    return f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def _bytes(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _head_name(board) -> str:
    from portal.accounts.models import User

    for m in board.members:
        if m.position == "head" and m.name:
            return m.name
        if m.position == "head" and m.user_id:
            user = db.session.get(User, m.user_id)
            if user is not None:
                return user.name or ""
    return ""


def referral_letter_docx(case, referral) -> bytes:
    """The Board's recommendation to the competent authority, ready to print and sign. It carries the
    petition as moderated (public text) and never the resident's personal data."""
    from moderation.boards.models import BoardKind

    board = case.board
    sub = case.submission
    ward = ward_name_inline()  # "phường Hòa An", "xã Tân Lập" mid-sentence
    doc = _doc()
    _header(doc, f"Ủy ban Mặt trận Tổ quốc Việt Nam {ward}", board.name,
            f"Số: {referral.document_number or '......'}", _place_date(referral.sent_on))
    _para(doc)
    _para(doc, "KIẾN NGHỊ", bold=True, align="center", size=14)
    _para(doc, f"Về việc xem xét, giải quyết phản ánh, kiến nghị của Nhân dân (mã {sub.receipt_code})",
          bold=True, align="center")
    _para(doc, f"Kính gửi: {referral.agency}.", align="center")
    basis = ("Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 và Nghị định số 59/2023/NĐ-CP của Chính phủ;"
             if board.kind == BoardKind.inspection else
             "Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 và Nghị định số 59/2023/NĐ-CP của Chính phủ "
             "về giám sát đầu tư của cộng đồng;")
    _para(doc, basis, align="justify")
    received = local_date(sub.created_at) if sub.created_at else referral.sent_on  # the ward's day, not UTC's
    _para(doc, f"Ngày {received:%d/%m/%Y}, {board.name} tiếp nhận phản ánh, kiến nghị của Nhân dân "
               f"(mã {sub.receipt_code}) với nội dung như sau:", align="justify")
    _para(doc, sub.shown_title, bold=True)
    for line in (sub.shown_description or "").split("\n"):
        if line.strip():
            _para(doc, line.strip(), align="justify")
    verifications = [e.text for e in case.events if e.kind == "verification" and e.text]
    if verifications:
        _para(doc, "Kết quả xác minh của Ban:", bold=True)
        for text in verifications:
            _para(doc, text, align="justify")
    if sub.support_count:
        _para(doc, f"Kiến nghị được {two(sub.support_count)} người dân ủng hộ trên Cổng Dân chủ cơ sở.")
    due = referral.answer_due.strftime("%d/%m/%Y") if referral.answer_due else "......"
    _para(doc, f"{board.name} kiến nghị {referral.agency} xem xét, giải quyết theo thẩm quyền và trả lời "
               f"bằng văn bản cho Ban trước ngày {due} để Ban thông báo kết quả đến Nhân dân.", align="justify")
    _para(doc)
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    left.add_paragraph("- Như trên;")
    left.add_paragraph(f"- Ban Thường trực UBMTTQ Việt Nam {ward};")
    left.add_paragraph("- Lưu: Ban.")
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    title = "TRƯỞNG BAN"
    p = right.paragraphs[0]
    p.add_run(f"TM. {board.name.upper()}").bold = True
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p2 = right.add_paragraph()
    p2.add_run(title).bold = True
    p2.alignment = WD_ALIGN_PARAGRAPH.CENTER
    right.add_paragraph().add_run("(Ký, ghi rõ họ tên)").italic = True
    right.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for _ in range(3):
        right.add_paragraph()
    p3 = right.add_paragraph()
    p3.add_run(_head_name(board)).bold = True
    p3.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return _bytes(doc)


def docx_text(data: bytes) -> str:
    """All text of a DOCX (paragraphs and tables), for tests and previews."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)

"""The supervision notice letter (thông báo kế hoạch giám sát), DOCX on A4 under the Board's
letterhead, made the way the Board's referral letters are (``moderation.documents``)."""
from __future__ import annotations

from flask import current_app

from moderation import documents as docs
from moderation.supervision.models import Supervision


def _ward() -> str:
    ward = current_app.config.get("WARD_NAME", "")
    return ward[:1].lower() + ward[1:] if ward[:1] in ("P", "X") else ward


def _signature(doc, board) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    left.add_paragraph("- Như trên;")
    left.add_paragraph(f"- Ban Thường trực UBMTTQ Việt Nam {_ward()};")
    left.add_paragraph("- Lưu: Ban.")
    p = right.paragraphs[0]
    p.add_run(f"TM. {board.name.upper()}").bold = True
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p2 = right.add_paragraph()
    p2.add_run("TRƯỞNG BAN").bold = True
    p2.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for _ in range(3):
        right.add_paragraph()
    p3 = right.add_paragraph()
    p3.add_run(head_name(board)).bold = True
    p3.alignment = WD_ALIGN_PARAGRAPH.CENTER


def head_name(board) -> str:
    for m in board.members:
        if m.position == "head" and getattr(m, "name", ""):
            return m.name
    return docs._head_name(board)


def member_name(member) -> str:
    if getattr(member, "name", ""):
        return member.name
    if member.user_id:
        from portal.accounts.models import User
        from portal.extensions import db

        user = db.session.get(User, member.user_id)
        return (user.name or "") if user else ""
    return ""


def notice_letter_docx(sup: Supervision) -> bytes:
    """The plan as it goes to the supervised body: what, when, who, on what basis, which documents."""
    from moderation.boards.models import POSITION_LABELS
    from moderation.supervision.services import earliest_start, notice_days

    board = sup.board
    day = sup.notice_sent_on or sup.planned_start
    doc = docs._doc()
    docs._header(doc, f"Ủy ban Mặt trận Tổ quốc Việt Nam {_ward()}", board.name,
                 f"Số: {sup.notice_number or '......'}", docs._place_date(day))
    docs._para(doc)
    docs._para(doc, "THÔNG BÁO", bold=True, align="center", size=14)
    docs._para(doc, f"Về việc giám sát {sup.subject}", bold=True, align="center")
    docs._para(doc, f"Kính gửi: {sup.supervised_body}.", align="center")
    basis = sup.legal_basis or ("Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 và Nghị định số "
                                "59/2023/NĐ-CP của Chính phủ;")
    for line in basis.split("\n"):
        if line.strip():
            docs._para(doc, line.strip(), align="justify")
    when = f"từ ngày {sup.planned_start:%d/%m/%Y}"
    if sup.planned_end:
        when += f" đến ngày {sup.planned_end:%d/%m/%Y}"
    docs._para(doc, f"{board.name} thông báo kế hoạch giám sát như sau:", align="justify")
    docs._para(doc, f"1. Nội dung giám sát: {sup.subject}.", align="justify")
    docs._para(doc, f"2. Thời gian giám sát: {when}.", align="justify")
    docs._para(doc, "3. Thành phần tham gia giám sát:", align="justify")
    for m in sup.members:
        docs._para(doc, f"- {member_name(m) or '......'}, {POSITION_LABELS.get(m.position, m.position)};")
    if sup.documents_requested:
        docs._para(doc, f"4. Đề nghị {sup.supervised_body} chuẩn bị và cung cấp các tài liệu sau:",
                   align="justify")
        for line in sup.documents_requested.split("\n"):
            if line.strip():
                docs._para(doc, f"- {line.strip().lstrip('-').strip()}", align="justify")
    if sup.notice_sent_on:
        docs._para(doc, f"Thông báo này được gửi trước ngày bắt đầu giám sát ít nhất {docs.two(notice_days())} "
                        f"ngày làm việc (bắt đầu sớm nhất từ ngày {earliest_start(sup.notice_sent_on):%d/%m/%Y}).",
                   italic=True, align="justify")
    docs._para(doc, f"Đề nghị {sup.supervised_body} phối hợp, tạo điều kiện để Ban hoàn thành nhiệm vụ.",
               align="justify")
    docs._para(doc)
    _signature(doc, board)
    return docs._bytes(doc)

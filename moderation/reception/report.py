"""The periodic report in the outline wards are asked for (the 2025 directive: six-month reports
before 10 June, yearly ones before 10 December; sections I–VI), as an A4 DOCX with the ward's
letterhead. Section III carries the portal's figures from every channel; what the portal cannot
know (narrative sections, satisfaction surveys, mediation, meetings held) comes from the
``ReportSupplement`` staff fill in per period, so the ward edits nothing afterwards."""
from __future__ import annotations

import datetime as dt

from flask import current_app
from sqlalchemy import select

from moderation.intake.fields import CHECK_FIELDS, check_text
from moderation.reception.models import ReportSupplement
from portal import audit
from portal.errors import DomainError
from portal.extensions import db
from portal.sanitize import clean_text

NUMBERS = ("meetings_held", "mediation_cases", "mediation_successful", "surveys", "satisfied")
TEXTS = ("overview", "leadership", "achievements", "shortcomings", "tasks", "proposals")
MAX_NUMBER = 1_000_000


def supplement_for(start: dt.date, end: dt.date) -> ReportSupplement | None:
    return db.session.scalar(select(ReportSupplement).where(ReportSupplement.period_start == start,
                                                            ReportSupplement.period_end == end))


def save_supplement(actor, start: dt.date, end: dt.date, data: dict) -> ReportSupplement:
    """Create or update the period's hand-added figures and sections (checked field by field)."""
    errors: dict[str, str] = {}
    numbers = {}
    for key in NUMBERS:
        raw = clean_text(str(data.get(key) if data.get(key) is not None else ""), 12).replace(".", "").replace(" ", "")
        if raw == "":
            numbers[key] = None
        elif raw.isascii() and raw.isdigit() and int(raw) <= MAX_NUMBER:
            numbers[key] = int(raw)
        else:
            errors[key] = "Nhập số nguyên không âm (để trống nếu không có số liệu)."
    if not errors:
        if (numbers["mediation_successful"] or 0) > (numbers["mediation_cases"] or 0):
            errors["mediation_successful"] = "Số vụ hòa giải thành không được lớn hơn số vụ việc hòa giải."
        if (numbers["satisfied"] or 0) > (numbers["surveys"] or 0):
            errors["satisfied"] = "Số phiếu hài lòng không được lớn hơn số phiếu khảo sát."
    texts = {key: check_text(errors, key, data.get(key), "Nội dung", False, limit="info") for key in TEXTS}
    if errors:
        raise DomainError(CHECK_FIELDS, errors)
    row = supplement_for(start, end)
    if row is None:
        row = ReportSupplement(period_start=start, period_end=end)
        db.session.add(row)
    for key, value in {**numbers, **texts}.items():
        setattr(row, key, value)
    row.updated_by_id = getattr(actor, "id", None)
    db.session.flush()
    audit.record(actor, "report_supplement.save", row, {"start": start.isoformat(), "end": end.isoformat()})
    return row


def supplement_sentences(sup: ReportSupplement | None) -> list[str]:
    """The hand-added figures as report sentences (nothing when none was entered)."""
    from moderation.documents import two

    if sup is None:
        return []
    out = []
    if sup.meetings_held is not None:
        out.append(f"Tổ chức {two(sup.meetings_held)} hội nghị, cuộc họp với Nhân dân để Nhân dân bàn và quyết định.")
    if sup.mediation_cases is not None:
        s = f"Tiếp nhận {two(sup.mediation_cases)} vụ việc hòa giải ở cơ sở"
        if sup.mediation_successful is not None:
            s += f", hòa giải thành {two(sup.mediation_successful)} vụ việc"
            if sup.mediation_cases:
                s += f" (đạt {_pct(sup.mediation_successful / sup.mediation_cases)})"
        out.append(s + ".")
    if sup.surveys is not None:
        s = f"Khảo sát {two(sup.surveys)} phiếu về mức độ hài lòng khi giải quyết thủ tục hành chính"
        if sup.satisfied is not None and sup.surveys:
            s += f"; {two(sup.satisfied)} phiếu hài lòng, rất hài lòng (đạt {_pct(sup.satisfied / sup.surveys)})"
        out.append(s + ".")
    return out


def _pct(share: float) -> str:
    return f"{share * 100:.1f}".replace(".", ",").replace(",0", "") + "%"


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def outline_sections(data: dict, label: str, sup: ReportSupplement | None) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) in the directive's outline; portal figures in section III."""
    from moderation import reports

    missing = "(Chưa nhập nội dung cho kỳ báo cáo này.)"
    sec = lambda text: _paragraphs(text) or [missing]  # noqa: E731
    third = []
    for heading, paragraphs in reports.report_sentences(data, label):
        third.append((heading, paragraphs))
    extra = supplement_sentences(sup)
    if extra:
        third.append(("4. Số liệu khác", extra))
    out = [("I. KHÁI QUÁT ĐẶC ĐIỂM, TÌNH HÌNH CỦA ĐỊA PHƯƠNG TÁC ĐỘNG TRỰC TIẾP ĐẾN VIỆC THỰC HIỆN DÂN CHỦ Ở CƠ SỞ",
            sec(sup.overview if sup else "")),
           ("II. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO TRIỂN KHAI", sec(sup.leadership if sup else "")),
           ("III. KẾT QUẢ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ", [])]
    out += third
    out += [("IV. ĐÁNH GIÁ CHUNG", []),
            ("1. Kết quả đạt được", sec(sup.achievements if sup else "")),
            ("2. Hạn chế, khó khăn, vướng mắc và nguyên nhân", sec(sup.shortcomings if sup else "")),
            ("V. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", sec(sup.tasks if sup else "")),
            ("VI. KIẾN NGHỊ, ĐỀ XUẤT", sec(sup.proposals if sup else ""))]
    return out


def due_date(start: dt.date, end: dt.date) -> dt.date | None:
    """Six-month report due before 10 June, yearly one (and the second half's) before 10 December
    (the 2025 directive: the report is sent with the figures known by then)."""
    if (start.month, start.day) == (1, 1) and (end.month, end.day) == (6, 30):
        return dt.date(end.year, 6, 10)
    if (end.month, end.day) == (12, 31) and (start.month, start.day) in ((1, 1), (7, 1)):
        return dt.date(end.year, 12, 10)
    return None


def outline_docx(data: dict, label: str, sup: ReportSupplement | None, on: dt.date) -> bytes:
    from moderation.documents import _bytes, _doc, _header, _para, _place_date

    cfg = current_app.config
    doc = _doc()
    _header(doc, f"Ủy ban nhân dân {cfg['WARD_PARENT']}".replace("Ủy ban nhân dân Thành phố", "Thành phố"),
            f"Ủy ban nhân dân {cfg['WARD_NAME']}", "Số:      /BC-UBND", _place_date(on))
    _para(doc)
    _para(doc, "BÁO CÁO", bold=True, align="center")
    _para(doc, f"Kết quả thực hiện dân chủ ở cơ sở {label}", bold=True, align="center")
    _para(doc, f"(Số liệu từ ngày {data['start']:%d/%m/%Y} đến ngày {data['end']:%d/%m/%Y}, tổng hợp từ mọi kênh "
               "tiếp nhận: Cổng Dân chủ cơ sở, tiếp công dân, đường dây nóng, hòm thư góp ý, hội nghị, thư)",
          italic=True, align="center")
    for heading, paragraphs in outline_sections(data, label, sup):
        _para(doc, heading, bold=True, align="justify")
        for text in paragraphs:
            _para(doc, f"- {text}" if not text.startswith("(") else text, align="justify")
    _para(doc)
    _para(doc, "TM. ỦY BAN NHÂN DÂN", bold=True, align="right")
    _para(doc, "CHỦ TỊCH", bold=True, align="right")
    return _bytes(doc)

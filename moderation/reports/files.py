"""The periodic report as files: CSV and XLSX tables of every figure, and the DOCX section written in
the wards' style. ``data`` is what :func:`moderation.reports.figures.report_data` returns.

Formats (one choice each, on purpose):

- CSV is open data for programs: one charset (UTF-8 with a BOM, so Excel detects it), comma
  separators, ISO dates (``2026-06-30``) and a dot as the decimal separator. A decimal comma would
  collide with the comma separator, and a Vietnamese-locale spreadsheet opening a CSV guesses
  anyway; people who want a sheet take the XLSX.
- XLSX is for people: a first sheet with the title, the ward and the period; typed dates shown
  ``dd/mm/yyyy``, shares stored as numbers and shown as percentages, so the spreadsheet writes the
  decimal comma of its Vietnamese locale itself; frozen header rows; A4 print set-up with the title
  in the page header."""
from __future__ import annotations

from moderation.reports.figures import STAT_LABELS
from portal.exports import csv_bytes, xlsx_append
from portal.units import vi_text
from portal.ward import today as ward_today


def _pct(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x * 100:.1f}".rstrip("0").rstrip(".").replace(".", ",") + "%"


def report_rows(data: dict) -> list[tuple[str, str, object]]:
    """(section, label, value) rows: every figure of the report, for CSV and XLSX."""
    p, d = data["petitions"], data["disclosures"]
    rows: list[tuple[str, str, object]] = [
        ("Kỳ báo cáo", "Từ ngày", data["start"].isoformat()),
        ("Kỳ báo cáo", "Đến ngày", data["end"].isoformat()),
    ]
    for key, label in STAT_LABELS.items():
        rows.append(("Phản ánh, kiến nghị", label, p["totals"][key]))
    rows.append(("Phản ánh, kiến nghị", "Số ngày làm việc trung vị đến khi có trả lời",
                 p["median_working_days_to_answer"] if p["median_working_days_to_answer"] is not None else ""))
    rows.append(("Phản ánh, kiến nghị", "Tỷ lệ trả lời đúng hạn",
                 p["answered_on_time_share"] if p["answered_on_time_share"] is not None else ""))
    rows.append(("Phản ánh, kiến nghị", "Điểm đánh giá trung bình (1–5)",
                 p["average_rating"] if p["average_rating"] is not None else ""))
    rows.append(("Phản ánh, kiến nghị", "Số lượt đánh giá", p["ratings_count"]))
    for code, n in (p.get("by_channel") or {}).items():
        if n:
            rows.append(("Theo kênh tiếp nhận", _channel_label(code), n))
    for code, n in (p.get("redirected_at_intake_by_channel") or {}).items():
        rows.append(("Khiếu nại, tố cáo được hướng dẫn (chỉ đếm)", _channel_label(code), n))
    rec = p.get("reception") or {}
    if rec:
        rows.append(("Tiếp công dân, đối thoại", "Số buổi đã tổ chức", rec["sessions_held"]))
        rows.append(("Tiếp công dân, đối thoại", "Số lượt đăng ký trình bày ý kiến", rec["registrations"]))
        rows.append(("Tiếp công dân, đối thoại", "Số lượt có mặt", rec["attended"]))
    for r in p["by_month"]:
        rows.append(("Theo tháng", r["month"], r["count"]))
    for r in p["by_topic"]:
        rows.append(("Theo lĩnh vực", r["label"], r["count"]))
    for r in p["by_group"]:
        rows.append((vi_text("Theo %(group_kind)s"), r["label"], r["count"]))
    rows.append(("Công khai thông tin", "Tổng số nội dung công khai", d["published_total"]))
    rows.append(("Công khai thông tin",
                 f"Công bố muộn (quá {d['late_limit']} ngày làm việc sau ngày ban hành)", d["published_late"]))
    for r in d["late_publications"]:
        rows.append(("Công bố muộn", f"{r['number']}: {r['title']}", r["working_days"]))
    for r in d["published_by_category"]:
        rows.append(("Công khai theo lĩnh vực", r["label"], r["count"]))
    rows.append(("Lấy ý kiến Nhân dân", "Số nội dung lấy ý kiến", len(d["consultations"])))
    for c in d["consultations"]:
        rows.append(("Lấy ý kiến Nhân dân", f"{c['number']}: {c['title']}", c["comments"]))
    if "supervisions" in data:
        from moderation.supervision import figures as supervision_figures

        rows.extend(supervision_figures.report_rows(data["supervisions"]))
    return rows


def _channel_label(code: str) -> str:
    from moderation.reception.models import channel_label

    return channel_label(code)


def report_csv(data: dict) -> bytes:
    return csv_bytes(["Mục", "Chỉ tiêu", "Giá trị"], report_rows(data))  # text cells neutralised


def _day(value):
    import datetime as dt

    return dt.date.fromisoformat(value) if value else None


def _sheet_setup(ws, title: str) -> None:
    """Frozen header row, A4 portrait, the header row repeated and the title on every printed page;
    dates shown day first."""
    import datetime as dt

    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, (dt.date, dt.datetime)):
                cell.number_format = "DD/MM/YYYY"
    ws.freeze_panes = "A2"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.print_title_rows = "1:1"
    ws.oddHeader.center.text = title.replace("&", "&&")


def report_xlsx(data: dict) -> bytes:
    import datetime as dt
    import io

    from flask import current_app
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    info = wb.active
    info.title = "Thông tin"
    ward = current_app.config.get("WARD_NAME", "")
    title = f"Kết quả thực hiện dân chủ ở cơ sở · {ward} · {data['start']:%d/%m/%Y}–{data['end']:%d/%m/%Y}"
    for row in (("Báo cáo", "Kết quả thực hiện dân chủ ở cơ sở (mọi kênh tiếp nhận)"),
                ("Đơn vị", f"Ủy ban nhân dân {ward}"), ("Từ ngày", data["start"]), ("Đến ngày", data["end"]),
                ("Ngày lập", ward_today())):
        xlsx_append(info, row)
    info["A1"].font = info["B1"].font = Font(bold=True, size=14)
    for cell in (info["B3"], info["B4"], info["B5"]):
        cell.number_format = "DD/MM/YYYY"
    info.column_dimensions["A"].width = 14
    info.column_dimensions["B"].width = 70
    info.page_setup.paperSize = info.PAPERSIZE_A4
    ws = wb.create_sheet("Tổng hợp")
    xlsx_append(ws, ["Mục", "Chỉ tiêu", "Giá trị"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in report_rows(data):
        section, label, value = row
        if section == "Kỳ báo cáo":
            value = dt.date.fromisoformat(value)  # a typed date, not text
        xlsx_append(ws, (section, label, value))  # stored text (titles, labels) stays text, never a formula
        cell = ws.cell(row=ws.max_row, column=3)
        if isinstance(value, dt.date):
            cell.number_format = "DD/MM/YYYY"
        elif label == "Tỷ lệ trả lời đúng hạn" and isinstance(value, float):
            cell.number_format = "0.0%"
    _sheet_setup(ws, title)
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 14
    p, d = data["petitions"], data["disclosures"]
    for title, header, rows in (
        ("Theo tháng", ["Tháng", "Số kiến nghị"], [(r["month"], r["count"]) for r in p["by_month"]]),
        ("Theo kênh", ["Kênh tiếp nhận", "Số kiến nghị"],
         [(_channel_label(code), n) for code, n in (p.get("by_channel") or {}).items() if n]),
        ("Theo lĩnh vực", ["Lĩnh vực", "Số kiến nghị"], [(r["label"], r["count"]) for r in p["by_topic"]]),
        (vi_text("Theo %(group_kind)s"), [vi_text("%(Group_kind)s"), "Số kiến nghị"],
         [(r["label"], r["count"]) for r in p["by_group"]]),
        ("Công khai", ["Lĩnh vực công khai", "Số nội dung"],
         [(r["label"], r["count"]) for r in d["published_by_category"]]),
        ("Lấy ý kiến", ["Số, ký hiệu", "Nội dung", "Từ ngày", "Đến ngày", "Số ý kiến"],
         [(c["number"], c["title"], _day(c["from"]), _day(c["until"]), c["comments"]) for c in d["consultations"]]),
    ):
        sheet = wb.create_sheet(title)
        xlsx_append(sheet, header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            xlsx_append(sheet, row)
        _sheet_setup(sheet, f"{title} · {ward} · {data['start']:%d/%m/%Y}–{data['end']:%d/%m/%Y}")
        sheet.column_dimensions["A"].width = 40
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def report_sentences(data: dict, label: str) -> list[tuple[str, list[str]]]:
    """The report section in the wards' style: (heading, paragraphs), counts as two digits."""
    from moderation.documents import two

    p, d = data["petitions"], data["disclosures"]
    t = p["totals"]
    topics = [r["label"].lower() for r in p["by_topic"] if r["label"] != "Chưa phân loại"]
    sections: list[tuple[str, list[str]]] = []

    pub = []
    if d["published_total"]:
        cats = "; ".join(f"{r['label'].lower()}: {two(r['count'])}" for r in d["published_by_category"])
        pub.append(f"Nội dung công khai để Nhân dân biết: công khai {two(d['published_total'])} nội dung trên "
                   f"Cổng Dân chủ cơ sở ({cats}).")
    else:
        pub.append("Nội dung công khai để Nhân dân biết: trong kỳ không có nội dung công khai mới "
                   "trên Cổng Dân chủ cơ sở.")
    sections.append(("1. Nhân dân biết", pub))

    cons = d["consultations"]
    if cons:
        names = "; ".join(c["title"] for c in cons)
        total_comments = sum(c["comments"] for c in cons)
        sections.append(("2. Nhân dân bàn, tham gia ý kiến", [
            f"Nhân dân tham gia ý kiến trước khi cơ quan có thẩm quyền quyết định: {two(len(cons))} nội dung "
            f"({names}); tiếp nhận {two(total_comments)} ý kiến góp ý"
            f"{_by_channel(d.get('comments_by_channel') or {'web': total_comments}, total_comments)}."]))
    else:
        sections.append(("2. Nhân dân bàn, tham gia ý kiến",
                         ["Trong kỳ không tổ chức lấy ý kiến Nhân dân về dự thảo nào."]))

    sup = []
    if t["received"]:
        about = f" về {', '.join(topics)}" if topics else ""
        sup.append(f"Tiếp nhận {two(t['received'])} ý kiến kiến nghị của Nhân dân{about}"
                   f"{_by_channel(p.get('by_channel') or {'web': t['received']}, t['received'])}; "
                   f"đã chuyển {two(t['referred'])} kiến nghị đến cơ quan có thẩm quyền giải quyết.")
        extra = []
        if t["approved"]:
            extra.append(f"chuyển Ban Thanh tra nhân dân, Ban giám sát đầu tư của cộng đồng xem xét "
                         f"{two(t['approved'])} kiến nghị")
        if t["rejected"]:
            extra.append(f"không tiếp nhận {two(t['rejected'])} kiến nghị không đủ điều kiện")
        if t["redirected"]:
            extra.append(f"hướng dẫn {two(t['redirected'])} trường hợp thực hiện theo quy định về khiếu nại, tố cáo")
        if extra:
            sup.append("Trong đó: " + "; ".join(extra) + ".")
        if p["answered_count"]:
            s = (f"Đã có trả lời {two(t['answered'])}/{two(t['approved'])} kiến nghị"
                 + (f", đạt {_pct(t['answered'] / t['approved'])}" if t["approved"] else "")
                 + f"; trả lời đúng hạn {_pct(p['answered_on_time_share'])}")
            if p["median_working_days_to_answer"] is not None:
                s += (f"; thời gian trả lời trung bình (trung vị) "
                      f"{str(p['median_working_days_to_answer']).replace('.0', '').replace('.', ',')} ngày làm việc")
            sup.append(s + ".")
        if t["closed"]:
            s = f"Đã kết thúc xem xét {two(t['closed'])} kiến nghị"
            if p["average_rating"] is not None:
                s += (f"; {two(p['ratings_count'])} người gửi đánh giá kết quả, điểm trung bình "
                      f"{str(p['average_rating']).replace('.', ',')}/5")
            sup.append(s + ".")
    else:
        sup.append("Trong kỳ không tiếp nhận ý kiến kiến nghị nào của Nhân dân (qua Cổng Dân chủ cơ sở, tiếp công dân "
                   "hay các kênh khác).")
    if t["redirected_at_intake"]:
        channels = _by_channel(p.get("redirected_at_intake_by_channel") or {"web": t["redirected_at_intake"]},
                               t["redirected_at_intake"])
        sup.append(f"Hướng dẫn {two(t['redirected_at_intake'])} trường hợp gửi khiếu nại, tố cáo"
                   f"{channels} "
                   f"thực hiện theo kênh quy định (nộp đơn hoặc trực tiếp tại nơi tiếp công dân).")
    rec = p.get("reception") or {}
    if rec.get("sessions_held"):
        s = f"Tổ chức {two(rec['sessions_held'])} buổi tiếp công dân, đối thoại với Nhân dân"
        if rec.get("registrations"):
            s += (f"; {two(rec['registrations'])} lượt công dân đăng ký trình bày ý kiến, "
                  f"{two(rec['attended'])} lượt có mặt")
        sup.append(s + ".")
    if "supervisions" in data:
        from moderation.supervision import figures as supervision_figures

        sup.extend(supervision_figures.report_sentences(data["supervisions"]))
    sections.append(("3. Nhân dân kiểm tra, giám sát", sup))
    return sections


def _by_channel(counts: dict, total: int) -> str:
    """`` qua Cổng Dân chủ cơ sở`` when everything came one way, else the channels in brackets:
    `` (qua Cổng Dân chủ cơ sở 05; tại buổi tiếp công dân 03)``. Every sentence names the real channel."""
    from moderation.documents import two
    from moderation.reception.models import channel_phrase

    used = [(code, n) for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n]
    if not used:
        return ""
    if len(used) == 1 and used[0][1] == total:
        return f" {vi_text(channel_phrase(used[0][0]))}"
    return " (" + "; ".join(f"{vi_text(channel_phrase(code))} {two(n)}" for code, n in used) + ")"


def report_docx(data: dict, label: str) -> bytes:
    from moderation.documents import _bytes, _doc, _para

    doc = _doc()
    _para(doc, f"KẾT QUẢ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ {label.upper()}", bold=True, align="center")
    _para(doc, f"(Số liệu từ ngày {data['start']:%d/%m/%Y} đến ngày {data['end']:%d/%m/%Y})",
          italic=True, align="center")
    for heading, paragraphs in report_sentences(data, label):
        _para(doc, heading, bold=True)
        for text in paragraphs:
            _para(doc, f"- {text}", align="justify")
    return _bytes(doc)

"""Statistics of the residents' petitions and the Boards' work, for the public statistics page, the
API and the periodic report.

Figures describe the petitions *received* in the period (a cohort): how many were approved,
rejected, redirected, referred to an authority, answered and closed, whatever the date of those
later steps. No personal data ever enters these figures."""
from __future__ import annotations

import datetime as dt
import statistics as pystats
from collections import Counter, OrderedDict

from sqlalchemy import select

from moderation import deadlines
from moderation.models import (
    Case, CaseStatus, Submission, SubmissionKind, SubmissionStatus, Topic,
)
from portal.extensions import db

STAT_LABELS = OrderedDict([
    ("received", "Tiếp nhận"),
    ("approved", "Đã duyệt, chuyển Ban"),
    ("rejected", "Không tiếp nhận"),
    ("redirected", "Hướng dẫn chuyển kênh khác (khiếu nại, tố cáo)"),
    ("redirected_at_intake", "Hướng dẫn ngay khi gửi (khiếu nại, tố cáo không lưu)"),
    ("duplicate", "Trùng kiến nghị khác"),
    ("pending", "Đang kiểm duyệt"),
    ("referred", "Đã kiến nghị cơ quan có thẩm quyền"),
    ("answered", "Đã có trả lời"),
    ("closed", "Đã kết thúc"),
])


def _period_bounds(start: dt.date | None, end: dt.date | None):
    from portal.templating import VN_TZ

    lo = dt.datetime.combine(start, dt.time.min, tzinfo=VN_TZ) if start else None
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=VN_TZ) if end else None
    return lo, hi


def _petitions(start=None, end=None) -> list[Submission]:
    lo, hi = _period_bounds(start, end)
    q = select(Submission).where(Submission.kind == SubmissionKind.petition)
    if lo is not None:
        q = q.where(Submission.created_at >= lo)
    if hi is not None:
        q = q.where(Submission.created_at < hi)
    return list(db.session.scalars(q.order_by(Submission.created_at)))


def _month_range(start, end, months: Counter) -> list[str]:
    """Every month of the period (or between the first and last petition), empty months included."""
    if months:
        first = min(months)
        last = max(months)
    else:
        first = last = None
    lo = start.strftime("%Y-%m") if start else first
    hi = end.strftime("%Y-%m") if end else last
    if lo is None or hi is None:
        return sorted(months)
    keys = []
    y, m = int(lo[:4]), int(lo[5:7])
    while f"{y:04d}-{m:02d}" <= hi and len(keys) < 240:
        keys.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return keys


def _intake_redirects(start=None, end=None) -> int:
    """Complaints and denunciations redirected on the form itself: nothing is stored but an
    anonymous audit event, which is what we count."""
    from sqlalchemy import func

    from portal.audit import AuditEvent

    lo, hi = _period_bounds(start, end)
    q = select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "intake.redirect")
    if lo is not None:
        q = q.where(AuditEvent.created_at >= lo)
    if hi is not None:
        q = q.where(AuditEvent.created_at < hi)
    return int(db.session.scalar(q) or 0)


def answer_date(case: Case) -> dt.date | None:
    """When the petition got its answer: the authority's answer, else the Board's own public response."""
    answered = [r.answered_on for r in case.referrals if r.answered_on]
    if answered:
        return min(answered)
    if case.responded_at:
        return deadlines.local_date(case.responded_at)
    return None


def answered_on_time(case: Case) -> bool | None:
    day = answer_date(case)
    if day is None:
        return None
    done = [r for r in case.referrals if r.answered_on]
    if done:
        r = min(done, key=lambda r: r.answered_on)
        return r.answer_due is None or r.answered_on <= r.answer_due
    return day <= deadlines.due_date("board_decision", case.created_at)


def compute_statistics(start: dt.date | None = None, end: dt.date | None = None) -> dict:
    """Every figure of the statistics page, the API and the report."""
    from portal.ward import ResidentialGroup

    subs = _petitions(start, end)
    ids = [s.id for s in subs]
    cases = {c.submission_id: c for c in db.session.scalars(select(Case).where(Case.submission_id.in_(ids or [-1])))}
    topics = {t.id: t.name for t in db.session.scalars(select(Topic))}
    groups = {g.id: g.name for g in db.session.scalars(select(ResidentialGroup))}
    st = Counter(s.status for s in subs)
    totals = {
        "received": len(subs),
        "approved": st[SubmissionStatus.approved],
        "rejected": st[SubmissionStatus.rejected],
        "redirected": st[SubmissionStatus.redirected],
        "redirected_at_intake": _intake_redirects(start, end),
        "duplicate": st[SubmissionStatus.duplicate],
        "pending": st[SubmissionStatus.received] + st[SubmissionStatus.in_review] + st[SubmissionStatus.needs_info],
        "referred": sum(1 for c in cases.values() if c.referrals),
        "answered": sum(1 for c in cases.values() if answer_date(c) is not None),
        "closed": sum(1 for c in cases.values() if c.status == CaseStatus.closed),
    }
    off = deadlines.holidays()
    durations, on_time = [], []
    for sub in subs:
        case = cases.get(sub.id)
        if case is None:
            continue
        day = answer_date(case)
        if day is None:
            continue
        durations.append(deadlines.working_days_between(deadlines.local_date(sub.created_at), day, off))
        on_time.append(bool(answered_on_time(case)))
    ratings = [c.rating for c in cases.values() if c.rating is not None]

    def breakdown(key):
        counter = Counter(key(s) for s in subs)
        return [{"label": label, "count": n} for label, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]

    months = Counter(deadlines.local_date(s.created_at).strftime("%Y-%m") for s in subs)
    month_keys = _month_range(start, end, months)
    return {
        "period": {"start": start.isoformat() if start else None, "end": end.isoformat() if end else None},
        "totals": totals,
        "by_month": [{"month": m, "count": months.get(m, 0)} for m in month_keys],
        "by_topic": breakdown(lambda s: topics.get(s.topic_id, "Chưa phân loại")),
        "by_group": breakdown(lambda s: groups.get(s.group_id, "Không xác định")),
        "median_working_days_to_answer": (float(pystats.median(durations)) if durations else None),
        "answered_on_time_share": (round(sum(on_time) / len(on_time), 4) if on_time else None),
        "answered_count": len(durations),
        "average_rating": (round(sum(ratings) / len(ratings), 2) if ratings else None),
        "ratings_count": len(ratings),
    }


def disclosure_statistics(start: dt.date | None = None, end: dt.date | None = None) -> dict:
    """Disclosures published by category and consultations held (opened for comment) in the period."""
    from public_docs.models import CATEGORIES, Disclosure

    lo, hi = _period_bounds(start, end)
    q = select(Disclosure).where(Disclosure.published_at.is_not(None))
    if lo is not None:
        q = q.where(Disclosure.published_at >= lo)
    if hi is not None:
        q = q.where(Disclosure.published_at < hi)
    published = list(db.session.scalars(q))
    by_cat = Counter(d.category for d in published)
    cq = select(Disclosure).where(Disclosure.comments_open_from.is_not(None))
    if start:
        cq = cq.where(Disclosure.comments_open_from <= (end or dt.date.max))
        cq = cq.where((Disclosure.comments_open_until.is_(None)) | (Disclosure.comments_open_until >= start))
    elif end:
        cq = cq.where(Disclosure.comments_open_from <= end)
    consultations = list(db.session.scalars(cq.order_by(Disclosure.comments_open_from)))
    comment_counts = {}
    for d in consultations:
        comment_counts[d.id] = sum(1 for _ in db.session.scalars(
            select(Submission.id).where(Submission.kind == SubmissionKind.comment, Submission.disclosure_id == d.id,
                                        Submission.status == SubmissionStatus.approved)))
    return {
        "published_total": len(published),
        "published_by_category": [
            {"category": code, "label": CATEGORIES.get(code, code), "count": by_cat[code]}
            for code in CATEGORIES if by_cat[code]
        ],
        "consultations": [
            {"id": d.id, "number": d.number, "title": d.title,
             "from": d.comments_open_from.isoformat() if d.comments_open_from else None,
             "until": d.comments_open_until.isoformat() if d.comments_open_until else None,
             "comments": comment_counts[d.id]}
            for d in consultations
        ],
    }


# --------------------------------------------------------------------------- periods

def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, 3 * (quarter - 1) + 1, 1)
    last_month = 3 * quarter
    last = (dt.date(year + (last_month == 12), (last_month % 12) + 1, 1) - dt.timedelta(days=1))
    return first, last


def period_bounds(kind: str, year: int, part: int = 1, start=None, end=None) -> tuple[dt.date, dt.date, str]:
    """``quarter`` (part 1–4), ``half`` (part 1–2), ``year``, ``custom`` → (start, end, label)."""
    if kind == "quarter":
        if part not in (1, 2, 3, 4):
            raise ValueError("Quý phải từ 1 đến 4.")
        a, b = quarter_bounds(year, part)
        return a, b, f"quý {['I', 'II', 'III', 'IV'][part - 1]}/{year}"
    if kind == "half":
        if part not in (1, 2):
            raise ValueError("Chọn 6 tháng đầu năm hoặc 6 tháng cuối năm.")
        return (dt.date(year, 1, 1), dt.date(year, 6, 30), f"6 tháng đầu năm {year}") if part == 1 else \
            (dt.date(year, 7, 1), dt.date(year, 12, 31), f"6 tháng cuối năm {year}")
    if kind == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31), f"năm {year}"
    if kind == "custom":
        if not start or not end:
            raise ValueError("Vui lòng nhập ngày bắt đầu và ngày kết thúc.")
        if end < start:
            raise ValueError("Ngày kết thúc phải sau ngày bắt đầu.")
        return start, end, f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"
    raise ValueError("Loại kỳ báo cáo không hợp lệ.")


# --------------------------------------------------------------------------- periodic report

def report_data(start: dt.date, end: dt.date) -> dict:
    return {"start": start, "end": end, "petitions": compute_statistics(start, end),
            "disclosures": disclosure_statistics(start, end)}


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
    for r in p["by_month"]:
        rows.append(("Theo tháng", r["month"], r["count"]))
    for r in p["by_topic"]:
        rows.append(("Theo lĩnh vực", r["label"], r["count"]))
    for r in p["by_group"]:
        rows.append(("Theo tổ dân phố", r["label"], r["count"]))
    rows.append(("Công khai thông tin", "Tổng số nội dung công khai", d["published_total"]))
    for r in d["published_by_category"]:
        rows.append(("Công khai theo lĩnh vực", r["label"], r["count"]))
    rows.append(("Lấy ý kiến Nhân dân", "Số nội dung lấy ý kiến", len(d["consultations"])))
    for c in d["consultations"]:
        rows.append(("Lấy ý kiến Nhân dân", f"{c['number']}: {c['title']}", c["comments"]))
    return rows


def report_csv(data: dict) -> bytes:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Mục", "Chỉ tiêu", "Giá trị"])
    for row in report_rows(data):
        writer.writerow(row)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel opens Vietnamese correctly


def report_xlsx(data: dict) -> bytes:
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    ws.append(["Mục", "Chỉ tiêu", "Giá trị"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for section, label, value in report_rows(data):
        ws.append([section, label, value])
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 14
    p, d = data["petitions"], data["disclosures"]
    for title, header, rows in (
        ("Theo tháng", ["Tháng", "Số kiến nghị"], [(r["month"], r["count"]) for r in p["by_month"]]),
        ("Theo lĩnh vực", ["Lĩnh vực", "Số kiến nghị"], [(r["label"], r["count"]) for r in p["by_topic"]]),
        ("Theo tổ dân phố", ["Tổ dân phố", "Số kiến nghị"], [(r["label"], r["count"]) for r in p["by_group"]]),
        ("Công khai", ["Lĩnh vực công khai", "Số nội dung"],
         [(r["label"], r["count"]) for r in d["published_by_category"]]),
        ("Lấy ý kiến", ["Số, ký hiệu", "Nội dung", "Từ ngày", "Đến ngày", "Số ý kiến"],
         [(c["number"], c["title"], c["from"], c["until"], c["comments"]) for c in d["consultations"]]),
    ):
        sheet = wb.create_sheet(title)
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(list(row))
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
        pub.append("Nội dung công khai để Nhân dân biết: trong kỳ không có nội dung công khai mới trên Cổng Dân chủ cơ sở.")
    sections.append(("1. Nhân dân biết", pub))

    cons = d["consultations"]
    if cons:
        names = "; ".join(c["title"] for c in cons)
        total_comments = sum(c["comments"] for c in cons)
        sections.append(("2. Nhân dân bàn, tham gia ý kiến", [
            f"Nhân dân tham gia ý kiến trước khi cơ quan có thẩm quyền quyết định: {two(len(cons))} nội dung "
            f"({names}); tiếp nhận {two(total_comments)} ý kiến góp ý qua Cổng Dân chủ cơ sở."]))
    else:
        sections.append(("2. Nhân dân bàn, tham gia ý kiến", ["Trong kỳ không tổ chức lấy ý kiến Nhân dân qua Cổng Dân chủ cơ sở."]))

    sup = []
    if t["received"]:
        about = f" về {', '.join(topics)}" if topics else ""
        sup.append(f"Tiếp nhận {two(t['received'])} ý kiến kiến nghị của Nhân dân{about}; "
                   f"đã chuyển {two(t['referred'])} kiến nghị đến cơ quan có thẩm quyền giải quyết.")
        extra = []
        if t["approved"]:
            extra.append(f"chuyển Ban Thanh tra nhân dân, Ban giám sát đầu tư của cộng đồng xem xét {two(t['approved'])} kiến nghị")
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
                s += f"; thời gian trả lời trung bình (trung vị) {str(p['median_working_days_to_answer']).replace('.0', '').replace('.', ',')} ngày làm việc"
            sup.append(s + ".")
        if t["closed"]:
            s = f"Đã kết thúc xem xét {two(t['closed'])} kiến nghị"
            if p["average_rating"] is not None:
                s += (f"; {two(p['ratings_count'])} người gửi đánh giá kết quả, điểm trung bình "
                      f"{str(p['average_rating']).replace('.', ',')}/5")
            sup.append(s + ".")
    else:
        sup.append("Trong kỳ không tiếp nhận ý kiến kiến nghị nào của Nhân dân qua Cổng Dân chủ cơ sở.")
    if t["redirected_at_intake"]:
        sup.append(f"Hướng dẫn {two(t['redirected_at_intake'])} trường hợp gửi khiếu nại, tố cáo qua Cổng thực hiện "
                   f"theo kênh quy định (nộp đơn hoặc trực tiếp tại nơi tiếp công dân).")
    sections.append(("3. Nhân dân kiểm tra, giám sát", sup))
    return sections


def report_docx(data: dict, label: str) -> bytes:
    from moderation.documents import _bytes, _doc, _para

    doc = _doc()
    _para(doc, f"KẾT QUẢ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ QUA CỔNG DÂN CHỦ CƠ SỞ {label.upper()}", bold=True, align="center")
    _para(doc, f"(Số liệu từ ngày {data['start']:%d/%m/%Y} đến ngày {data['end']:%d/%m/%Y})", italic=True, align="center")
    for heading, paragraphs in report_sentences(data, label):
        _para(doc, heading, bold=True)
        for text in paragraphs:
            _para(doc, f"- {text}", align="justify")
    return _bytes(doc)

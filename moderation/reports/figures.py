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
from portal.i18n import N_

STAT_LABELS = OrderedDict([
    ("received", N_("Tiếp nhận")),
    ("approved", N_("Đã duyệt, chuyển Ban")),
    ("rejected", N_("Không tiếp nhận")),
    ("redirected", N_("Hướng dẫn chuyển kênh khác (khiếu nại, tố cáo)")),
    ("redirected_at_intake", N_("Hướng dẫn ngay khi gửi (khiếu nại, tố cáo không lưu)")),
    ("duplicate", N_("Trùng kiến nghị khác")),
    ("pending", N_("Đang kiểm duyệt")),
    ("referred", N_("Đã kiến nghị cơ quan có thẩm quyền")),
    ("answered", N_("Đã có trả lời")),
    ("closed", N_("Đã kết thúc")),
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
        "by_group": breakdown(lambda s: groups.get(s.group_id, N_("Không xác định"))),
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

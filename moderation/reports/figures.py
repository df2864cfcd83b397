"""Statistics of the residents' petitions and the Boards' work, for the public statistics page, the
API and the periodic report.

Figures describe the petitions *received* in the period (a cohort): how many were approved,
rejected, redirected, referred to an authority, answered and closed, whatever the date of those
later steps. No personal data ever enters these figures."""
from __future__ import annotations

import datetime as dt
from collections import Counter, OrderedDict

from sqlalchemy import func, select

from moderation.cases import deadlines
from moderation.cases.models import Case
from moderation.intake.models import Channel, Submission, SubmissionKind, SubmissionStatus, Topic
from moderation.reports import aggregates
from portal import ward
from portal.extensions import db
from portal.i18n import N_
from public_docs.disclosures.models import CATEGORIES, Disclosure
from public_docs.disclosures.services.posting import late_publication_working_days, publication_delay, published_on

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
    from portal.ward import day_start

    lo = day_start(start) if start else None
    hi = day_start(end + dt.timedelta(days=1)) if end else None
    return lo, hi


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
    """Complaints and denunciations redirected on the form itself (or counted at the reception
    desk): nothing is stored but an anonymous audit event, which is what we count."""
    return sum(_intake_redirects_by_channel(start, end).values())


def _intake_redirects_by_channel(start=None, end=None) -> Counter:
    from portal.audit import AuditEvent

    lo, hi = _period_bounds(start, end)
    q = select(AuditEvent.details).where(AuditEvent.action == "intake.redirect")
    if lo is not None:
        q = q.where(AuditEvent.created_at >= lo)
    if hi is not None:
        q = q.where(AuditEvent.created_at < hi)
    return Counter(str((d or {}).get("channel") or "web") for d in db.session.scalars(q))


def answer_date(case: Case) -> dt.date | None:
    """When the petition got its answer: the authority's answer, else the Board's own public response."""
    answered = [r.answered_on for r in case.referrals if r.answered_on]
    if answered:
        return min(answered)
    if case.responded_at:
        return ward.local_date(case.responded_at)
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
    """Every figure of the statistics page, the API and the report (kept per period until a
    petition, case, referral, topic, group, holiday or setting changes: see ``cache``)."""
    from moderation.reports import cache

    return cache.cached(("petitions", start, end), lambda: _compute_statistics(start, end))


def _compute_statistics(start: dt.date | None, end: dt.date | None) -> dict:
    from moderation.reception.stats import reception_figures
    from portal.ward import ResidentialGroup

    lo, hi = _period_bounds(start, end)
    st = Counter(aggregates.status_counts(lo, hi))
    cases = aggregates.case_figures(lo, hi, deadlines.sla_days("board_decision"))
    durations = Counter(cases["durations"])
    on_time, answered = cases["on_time"], cases["answered"]
    redirects = _intake_redirects_by_channel(start, end)
    totals = {
        "received": sum(st.values()),
        "approved": st[SubmissionStatus.approved],
        "rejected": st[SubmissionStatus.rejected],
        "redirected": st[SubmissionStatus.redirected],
        "redirected_at_intake": sum(redirects.values()),
        "duplicate": st[SubmissionStatus.duplicate],
        "pending": st[SubmissionStatus.received] + st[SubmissionStatus.in_review] + st[SubmissionStatus.needs_info],
        "referred": cases["referred"],
        "answered": answered,
        "closed": cases["closed"],
    }
    channels = {getattr(k, "value", k): n for k, n in aggregates.column_counts(Submission.channel, lo, hi).items()}
    by_channel = {c.value: int(channels.get(c.value, 0)) for c in Channel}
    topics = {t.id: t.name for t in db.session.scalars(select(Topic))}
    groups = {g.id: g.name for g in db.session.scalars(select(ResidentialGroup))}

    def breakdown(counts: dict, label) -> list[dict]:
        counter: Counter = Counter()
        for key, n in counts.items():
            counter[label(key)] += n
        return [{"label": lb, "count": n} for lb, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]

    months = Counter(aggregates.month_counts(lo, hi))
    month_keys = _month_range(start, end, months)
    ratings = cases["ratings"]
    return {
        "period": {"start": start.isoformat() if start else None, "end": end.isoformat() if end else None},
        "totals": totals,
        "by_channel": by_channel,
        "redirected_at_intake_by_channel": dict(sorted(redirects.items())),
        "reception": reception_figures(start, end),
        "by_month": [{"month": m, "count": months.get(m, 0)} for m in month_keys],
        "by_topic": breakdown(aggregates.column_counts(Submission.topic_id, lo, hi),
                              lambda k: topics.get(k, N_("Chưa phân loại"))),
        "by_group": breakdown(aggregates.column_counts(Submission.group_id, lo, hi),
                              lambda k: groups.get(k, N_("Không xác định"))),
        "median_working_days_to_answer": _median(durations),
        "answered_on_time_share": (round(on_time / answered, 4) if answered else None),
        "answered_count": answered,
        "average_rating": (round(cases["rating_sum"] / ratings, 2) if ratings else None),
        "ratings_count": ratings,
    }


def _median(counts: Counter) -> float | None:
    """``statistics.median`` of a list given as {value: how many times}."""
    total = sum(counts.values())
    if not total:
        return None
    wanted = {(total - 1) // 2, total // 2}
    found, seen = [], 0
    for value in sorted(counts):
        n = counts[value]
        found += [value for i in sorted(wanted) if seen <= i < seen + n]
        seen += n
    return float(found[0] if len(found) == 1 else (found[0] + found[1]) / 2)


def disclosure_statistics(start: dt.date | None = None, end: dt.date | None = None) -> dict:
    """Disclosures published by category, those published late (more than
    ``LATE_PUBLICATION_WORKING_DAYS`` after their issue date) and consultations held (opened for
    comment) in the period."""
    lo, hi = _period_bounds(start, end)
    q = select(Disclosure).where(Disclosure.published_at.is_not(None))
    if lo is not None:
        q = q.where(Disclosure.published_at >= lo)
    if hi is not None:
        q = q.where(Disclosure.published_at < hi)
    published = list(db.session.scalars(q.order_by(Disclosure.published_at, Disclosure.id)))
    by_cat = Counter(d.category for d in published)
    late_limit = late_publication_working_days()
    late = [(d, delay) for d in published if (delay := publication_delay(d)) is not None and delay > late_limit]
    cq = select(Disclosure).where(Disclosure.comments_open_from.is_not(None))
    if start:
        cq = cq.where(Disclosure.comments_open_from <= (end or dt.date.max))
        cq = cq.where((Disclosure.comments_open_until.is_(None)) | (Disclosure.comments_open_until >= start))
    elif end:
        cq = cq.where(Disclosure.comments_open_from <= end)
    consultations = list(db.session.scalars(cq.order_by(Disclosure.comments_open_from)))
    comment_rows = db.session.execute(
        select(Submission.disclosure_id, Submission.channel, func.count()).where(
            Submission.kind == SubmissionKind.comment, Submission.status == SubmissionStatus.approved,
            Submission.disclosure_id.in_([d.id for d in consultations] or [-1]),
        ).group_by(Submission.disclosure_id, Submission.channel)
    ).all()
    comment_counts: Counter = Counter()
    comments_by_channel: Counter = Counter()
    for disclosure_id, channel, n in comment_rows:
        comment_counts[disclosure_id] += n
        comments_by_channel[getattr(channel, "value", channel)] += n
    return {
        "published_total": len(published),
        "published_by_category": [
            {"category": code, "label": CATEGORIES.get(code, code), "count": by_cat[code]}
            for code in CATEGORIES if by_cat[code]
        ],
        # Published more than LATE_PUBLICATION_WORKING_DAYS working days after the issue date.
        "late_limit": late_limit,
        "published_late": len(late),
        "late_publications": [
            {"id": d.id, "number": d.number, "title": d.title, "issued_on": d.issued_on.isoformat(),
             "published_on": published_on(d).isoformat(), "working_days": delay}
            for d, delay in late
        ],
        "consultations": [
            {"id": d.id, "number": d.number, "title": d.title,
             "from": d.comments_open_from.isoformat() if d.comments_open_from else None,
             "until": d.comments_open_until.isoformat() if d.comments_open_until else None,
             "comments": comment_counts.get(d.id, 0)}
            for d in consultations
        ],
        "comments_by_channel": dict(sorted(comments_by_channel.items())),
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
    from moderation.supervision.figures import supervision_statistics

    return {"start": start, "end": end, "petitions": compute_statistics(start, end),
            "disclosures": disclosure_statistics(start, end), "supervisions": supervision_statistics(start, end)}

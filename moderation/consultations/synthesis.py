"""Consultation synthesis (tổng hợp, tiếp thu, giải trình): after a consultation closes the editor
gives every approved comment a disposition and an explanation, may group similar comments, and
publishes the synthesis on the draft's page and as DOCX."""
from __future__ import annotations

import datetime as dt
from collections import Counter, OrderedDict

from sqlalchemy import and_, func, select

from moderation.consultations.comments import approved_comments
from moderation.consultations.models import DISPOSITION_LABELS, CommentDisposition, ConsultationSynthesis, Disposition
from moderation.intake.models import Submission, SubmissionKind, SubmissionStatus
from portal import audit, ward
from portal.database import utcnow
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from portal.sanitize import clean_text


def is_closed(disclosure, on: dt.date | None = None) -> bool:
    on = on or ward.today()
    return bool(disclosure.comments_open_until and disclosure.comments_open_until < on)


def dispositions(disclosure) -> dict[int, CommentDisposition]:
    return {d.submission_id: d for d in db.session.scalars(
        select(CommentDisposition).where(CommentDisposition.disclosure_id == disclosure.id))}


def comment_tallies(disclosure_ids: list[int]) -> dict[int, tuple[int, int, bool]]:
    """Per consultation: (approved comments, how many of them have a disposition, synthesis
    published), in two statements for any number of consultations."""
    if not disclosure_ids:
        return {}
    counts = {d_id: (n, done) for d_id, n, done in db.session.execute(
        select(Submission.disclosure_id, func.count(Submission.id), func.count(CommentDisposition.id))
        .outerjoin(CommentDisposition, and_(CommentDisposition.submission_id == Submission.id,
                                            CommentDisposition.disclosure_id == Submission.disclosure_id))
        .where(Submission.kind == SubmissionKind.comment, Submission.status == SubmissionStatus.approved,
               Submission.disclosure_id.in_(disclosure_ids))
        .group_by(Submission.disclosure_id))}
    published = set(db.session.scalars(
        select(ConsultationSynthesis.disclosure_id).where(ConsultationSynthesis.disclosure_id.in_(disclosure_ids),
                                                          ConsultationSynthesis.published_at.is_not(None))))
    return {d_id: (*counts.get(d_id, (0, 0)), d_id in published) for d_id in disclosure_ids}


def get_synthesis(disclosure) -> ConsultationSynthesis | None:
    return db.session.scalar(select(ConsultationSynthesis).where(ConsultationSynthesis.disclosure_id == disclosure.id))


def set_disposition(disclosure, submission: Submission, disposition: str, explanation: str, actor,
                    group_label: str = "") -> CommentDisposition:
    if not is_closed(disclosure):
        raise DomainError(_l("Chỉ tổng hợp, tiếp thu, giải trình sau khi hết thời gian lấy ý kiến."))
    if submission.disclosure_id != disclosure.id or submission.kind != SubmissionKind.comment \
            or submission.status != SubmissionStatus.approved:
        raise DomainError(_l("Ý kiến không thuộc dự thảo này hoặc chưa được duyệt."))
    synthesis = get_synthesis(disclosure)
    if synthesis is not None and synthesis.published_at is not None:
        raise DomainError(_l("Kết quả tổng hợp đã công bố; không sửa được."))
    try:
        value = Disposition(disposition)
    except ValueError:
        raise DomainError(_l("Vui lòng chọn: tiếp thu, tiếp thu một phần hoặc không tiếp thu.")) from None
    explanation = clean_text(explanation, 5000)
    if value != Disposition.accepted and not explanation:
        raise DomainError(_l("Ý kiến tiếp thu một phần hoặc không tiếp thu cần có giải trình."))
    row = db.session.scalar(select(CommentDisposition).where(CommentDisposition.submission_id == submission.id))
    if row is None:
        row = CommentDisposition(submission_id=submission.id, disclosure_id=disclosure.id, disposition=value)
        db.session.add(row)
    row.disposition = value
    row.explanation = explanation
    row.group_label = clean_text(group_label, 200)
    row.decided_at = utcnow()
    row.decided_by_id = getattr(actor, "id", None)
    audit.record(actor, "consultation.disposition", submission,
                 {"disclosure": disclosure.id, "disposition": value.value})
    db.session.flush()
    return row


def publish_synthesis(disclosure, summary: str, actor) -> ConsultationSynthesis:
    if not is_closed(disclosure):
        raise DomainError(_l("Chỉ công bố kết quả sau khi hết thời gian lấy ý kiến."))
    comments = approved_comments(disclosure)
    disp = dispositions(disclosure)
    missing = [c for c in comments if c.id not in disp]
    if missing:
        raise DomainError(_l("Còn %(count)s ý kiến chưa được tiếp thu hoặc giải trình.", count=len(missing)))
    synthesis = get_synthesis(disclosure)
    if synthesis is not None and synthesis.published_at is not None:
        raise DomainError(_l("Kết quả tổng hợp đã được công bố."))
    if synthesis is None:
        synthesis = ConsultationSynthesis(disclosure_id=disclosure.id)
        db.session.add(synthesis)
    synthesis.summary = clean_text(summary, 10000)
    synthesis.published_at = utcnow()
    synthesis.published_by_id = getattr(actor, "id", None)
    audit.record(actor, "consultation.publish_synthesis", disclosure, {"comments": len(comments)})
    db.session.flush()
    return synthesis


def synthesis_view(disclosure, published_only: bool = True) -> dict | None:
    """What the public page and the DOCX show: counts, groups of comments with their dispositions."""
    synthesis = get_synthesis(disclosure)
    if published_only and (synthesis is None or synthesis.published_at is None):
        return None
    comments = approved_comments(disclosure)
    disp = dispositions(disclosure)
    groups: OrderedDict[str, list] = OrderedDict()
    for c in comments:
        d = disp.get(c.id)
        label = (d.group_label if d and d.group_label else "")
        groups.setdefault(label, []).append({
            "text": c.shown_description or c.shown_title,
            "author": c.display_name if c.visibility.value == "named" and c.display_name else "",
            "disposition": d.disposition if d else None,
            "disposition_label": DISPOSITION_LABELS.get(d.disposition, "") if d else "",
            "explanation": d.explanation if d else "",
        })
    ordered = [(k, v) for k, v in groups.items() if k] + [(k, v) for k, v in groups.items() if not k]
    counts = Counter(d.disposition for d in disp.values() if d.submission_id in {c.id for c in comments})
    return {
        "synthesis": synthesis,
        "total": len(comments),
        "counts": {k.value: counts.get(k, 0) for k in Disposition},
        "groups": ordered,
    }


def synthesis_docx(disclosure) -> bytes:
    from moderation.documents import _bytes, _doc, _para, two

    view = synthesis_view(disclosure)
    doc = _doc()
    _para(doc, "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN CỦA NHÂN DÂN", bold=True, align="center")
    _para(doc, f"Đối với {disclosure.title} ({disclosure.number})", bold=True, align="center")
    if view is None:
        _para(doc, "Kết quả tổng hợp chưa được công bố.")
        return _bytes(doc)
    c = view["counts"]
    _para(doc, f"Tiếp nhận {two(view['total'])} ý kiến của Nhân dân; tiếp thu {two(c['accepted'])} ý kiến, "
               f"tiếp thu một phần {two(c['partly'])} ý kiến, "
               f"giải trình {two(c['not_accepted'])} ý kiến không tiếp thu.",
          align="justify")
    if view["synthesis"].summary:
        for line in view["synthesis"].summary.split("\n"):
            if line.strip():
                _para(doc, line.strip(), align="justify")
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("STT", "Nội dung ý kiến", "Tiếp thu", "Giải trình"), strict=False):
        cell.paragraphs[0].add_run(text).bold = True
    n = 0
    for label, items in view["groups"]:
        if label:
            row = table.add_row().cells
            merged = row[0].merge(row[3])
            merged.paragraphs[0].add_run(f"Nhóm ý kiến: {label}").bold = True
        for item in items:
            n += 1
            row = table.add_row().cells
            row[0].text = str(n)
            row[1].text = item["text"] + (f" ({item['author']})" if item["author"] else "")
            row[2].text = item["disposition_label"]
            row[3].text = item["explanation"]
    return _bytes(doc)

"""The audit log page (``/can-bo/quan-tri/nhat-ky``) and its CSV export: readable descriptions
(``portal.auditlabels``), filters chosen from lists (action, actor, object type) and a date range in
the ward's calendar, the same filters for the export."""
from __future__ import annotations

import datetime as dt
import io

from flask import render_template, request, send_file
from flask_babel import gettext as _
from sqlalchemy import func, select

from portal.audit import AuditEvent
from portal.auditlabels import action_label, details_text, known_actions, known_subjects, subject_label
from portal.exports import csv_bytes
from portal.extensions import db
from portal.params import page_arg, parse_date
from portal.permissions import role_required
from portal.sanitize import clean_text
from portal.ward import day_start, local_time

PER_PAGE = 50
CSV_MAX_ROWS = 200_000


def _distinct(column) -> list[str]:
    return [v for v in db.session.scalars(select(column).distinct().order_by(column)) if v]


def filter_choices() -> dict[str, list[tuple[str, str]]]:
    """The options of the three lists: ``(value, label)``, sorted by label."""
    actions = set(known_actions()) | set(_distinct(AuditEvent.action))
    subjects = set(known_subjects()) | set(_distinct(AuditEvent.subject_type))
    return {
        "action": sorted(((c, action_label(c)) for c in actions), key=lambda o: o[1].lower()),
        "actor": [(a, a) for a in _distinct(AuditEvent.actor_label)],
        "subject_type": sorted(((c, subject_label(c)) for c in subjects), key=lambda o: o[1].lower()),
    }


def _date(name: str, errors: list[str]) -> dt.date | None:
    """The date typed in filter ``name``; a day that does not exist, or one outside 1900-2100 (the
    calendar's ends overflow once turned into the ward's midnight in UTC), is an error."""
    try:
        day = parse_date(clean_text(request.args.get(name), 20))
        if day is not None and not 1900 <= day.year <= 2100:
            raise ValueError("out of range")
        return day
    except ValueError:
        errors.append(_("Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 15/03/2026."))
        return None


def filtered_query(choices: dict, errors: list[str]):
    q = select(AuditEvent)
    for name, column in (("action", AuditEvent.action), ("actor", AuditEvent.actor_label),
                         ("subject_type", AuditEvent.subject_type)):
        value = clean_text(request.args.get(name), 254)
        if not value:
            continue
        if value not in {v for v, _label in choices[name]}:
            errors.append(_("Giá trị lọc không có trong danh sách; vui lòng chọn lại."))
            continue
        q = q.where(column == value)
    subject_id = clean_text(request.args.get("subject_id"), 64)
    if subject_id:
        q = q.where(AuditEvent.subject_id == subject_id)
    start, end = _date("from", errors), _date("to", errors)
    if start and end and end < start:
        errors.append(_("Ngày kết thúc không được trước ngày bắt đầu."))
    else:
        if start:
            q = q.where(AuditEvent.created_at >= day_start(start))
        if end:
            q = q.where(AuditEvent.created_at < day_start(end + dt.timedelta(days=1)))
    return q


@role_required("admin")
def audit_log():
    choices = filter_choices()
    errors: list[str] = []
    q = filtered_query(choices, errors)
    if request.args.get("format") == "csv" and not errors:  # never an export with a filter dropped
        return _csv(q)
    page = page_arg()
    total = db.session.scalar(select(func.count()).select_from(q.subquery()))
    events = db.session.scalars(q.order_by(AuditEvent.id.desc()).limit(PER_PAGE).offset((page - 1) * PER_PAGE)).all()
    args = {k: v for k, v in request.args.items() if k not in ("page", "format")}
    return render_template("admin/audit.html", events=events, total=total, page=page, args=args,
                           choices=choices, errors=errors, per_page=PER_PAGE), 400 if errors else 200


def csv_rows(events) -> list[list[str]]:
    """Every value as text: the time in the ward's clock, the action's description beside its code."""
    return [[str(e.id), local_time(e.created_at).strftime("%d/%m/%Y %H:%M:%S"), e.actor_label, e.action,
             action_label(e.action), subject_label(e.subject_type), e.subject_id, details_text(e.details),
             e.ip, e.hash] for e in events]


def _csv(q):
    events = db.session.scalars(q.order_by(AuditEvent.id).limit(CSV_MAX_ROWS)).all()
    header = [_("Mã sự kiện"), _("Thời gian"), _("Người thực hiện"), _("Mã hành động"), _("Hành động"),
              _("Loại đối tượng"), _("Mã đối tượng"), _("Chi tiết"), "IP", _("Mã băm")]
    body = csv_bytes(header, csv_rows(events))
    return send_file(io.BytesIO(body), as_attachment=True, download_name="nhat-ky-he-thong.csv",
                     mimetype="text/csv; charset=utf-8")

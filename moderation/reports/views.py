"""Periodic report for staff: /can-bo/bao-cao (XLSX, CSV, DOCX)."""
from __future__ import annotations

import datetime as dt
import io

from flask import Blueprint, render_template, request, send_file

from moderation import reports
from portal.i18n import N_
from portal.params import to_int
from portal.permissions import role_required
from portal.ward import today as ward_today

bp = Blueprint("reports", __name__, url_prefix="/can-bo/bao-cao", template_folder="templates")

STAFF = ("admin", "editor", "moderator", "board_member", "board_head")
KINDS = [("quarter", N_("Quý")), ("half", N_("6 tháng")), ("year", N_("Năm")), ("custom", N_("Tùy chọn"))]
FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _date(value):
    """A typed day of a custom period; ValueError for a bad one, or one outside 1900-2100 (the
    calendar's ends overflow once a day is added or turned into the ward's midnight)."""
    if not value:
        return None
    day = dt.date.fromisoformat(value)
    if not 1900 <= day.year <= 2100:
        raise ValueError("date out of range")
    return day


@bp.get("/")
@role_required(*STAFF)
def index():
    today = ward_today()
    args = request.args
    kind = args.get("kind") or "quarter"
    form = {
        "kind": kind,
        "year": args.get("year") or str(today.year),
        "part": args.get("part") or str((today.month - 1) // 3 + 1),
        "start": args.get("start") or "",
        "end": args.get("end") or "",
    }
    error = None
    data = label = None
    try:
        year = to_int(form["year"], 2000, 2100)
        if year is None:
            raise ValueError("Năm không hợp lệ.")
        part = to_int(form["part"] or "1", 0, 99) or 0  # period_bounds names the allowed parts
        start, end, label = reports.period_bounds(kind, year, part, _date(form["start"]), _date(form["end"]))
        data = reports.report_data(start, end)
    except ValueError as exc:
        msg = str(exc)
        error = msg if any(ch in msg for ch in "ăâđêôơưáàảãạ") else "Ngày hoặc năm không hợp lệ."
    fmt = args.get("format")
    if data is not None and fmt in FORMATS:
        name = f"bao-cao-dan-chu-co-so-{data['start']:%Y%m%d}-{data['end']:%Y%m%d}.{fmt}"
        body = {"xlsx": reports.report_xlsx, "csv": reports.report_csv}.get(fmt)
        content = body(data) if body else reports.report_docx(data, label)
        return send_file(io.BytesIO(content), as_attachment=True, download_name=name, mimetype=FORMATS[fmt])
    sections = reports.report_sentences(data, label) if data else []
    return render_template("reports/index.html", form=form, kinds=KINDS, error=error, data=data, label=label,
                           sections=sections, labels=reports.STAT_LABELS), 400 if error else 200

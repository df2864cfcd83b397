"""Public pages: home, disclosure list with filters and CSV export, detail, versions, files, feeds."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from urllib.parse import quote

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from sqlalchemy import func, select

from portal.exports import csv_bytes
from portal.extensions import db
from portal.files import clean_filename, read_stored
from portal.fragments import render_page
from portal.params import page_arg
from portal.registry import cacheable
from portal.urls import public_url_for
from public_docs.disclosures import services
from public_docs.disclosures.models import (
    BUDGET_KIND_OF_PERIOD,
    BUDGET_KINDS,
    CATEGORIES,
    FILTER_LABELS,
    STATUS_LABELS,
    Attachment,
    Disclosure,
    DisclosureStatus,
    DisclosureVersion,
    budget_kind_label,
)

bp = Blueprint("disclosures", __name__, template_folder="templates")

PER_PAGE = 20


def template_globals() -> dict:
    """The labels and helpers public_docs' templates use (registered by ``public_docs.register``)."""
    return {
        "CATEGORIES": CATEGORIES,
        "BUDGET_KINDS": BUDGET_KINDS,
        "BUDGET_KIND_OF_PERIOD": BUDGET_KIND_OF_PERIOD,
        "budget_label": budget_kind_label,
        "STATUS_LABELS": STATUS_LABELS,
        "DisclosureStatus": DisclosureStatus,
        "is_open_for_comments": services.is_open_for_comments,
        "attachment_url": _attachment_url,
    }


@bp.get("/")
@cacheable
def home():
    return render_page("public_docs/home.html", _home_context)


def _home_context() -> dict:
    latest = db.session.scalars(
        select(Disclosure)
        .where(Disclosure.status == DisclosureStatus.published)
        .order_by(Disclosure.published_at.desc(), Disclosure.issued_on.desc(), Disclosure.id.desc())
        .options(*services.list_only())
        .limit(8)
    ).all()
    counts = dict(
        db.session.execute(
            select(Disclosure.category, func.count(Disclosure.id))
            .where(Disclosure.status == DisclosureStatus.published)
            .group_by(Disclosure.category)
        ).all()
    )
    return {
        "latest": latest,
        "consultations": services.list_open_consultations(),
        "projects": services.list_projects(limit=5),
        "category_counts": counts,
    }


@bp.get("/cong-khai")
@cacheable
def disclosure_list():
    return render_page("public_docs/list.html", _list_context)


def _list_context() -> dict:
    filters = services.clean_filters(request.args)
    page = page_arg(maximum=10_000)
    stmt = services.filter_public(filters)
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    items = db.session.scalars(stmt.options(*services.list_only()).limit(PER_PAGE).offset((page - 1) * PER_PAGE)).all()
    return {
        "docs": items,
        "total": total,
        "page": page,
        "per_page": PER_PAGE,
        "filters": filters,
        "facets": services.facet_counts(filters),
        "filter_labels": FILTER_LABELS,
    }


@bp.get("/cong-khai/xuat.csv")
def disclosure_export():
    filters = services.clean_filters(request.args)
    rows = db.session.scalars(services.filter_public(filters).limit(50_000))
    body = csv_bytes(
        ["Mã", "Số, ký hiệu", "Trích yếu", "Lĩnh vực", "Loại văn bản ngân sách", "Hình thức", "Cơ quan ban hành",
         "Ngày ban hành", "Ngày hiệu lực", "Niêm yết từ", "Niêm yết đến", "Trạng thái", "Phiên bản", "Đường dẫn"],
        ((
            d.id, d.number, d.title, d.category_label, d.budget_label, d.form,
            d.issuer, d.issued_on and d.issued_on.isoformat(), d.effective_on and d.effective_on.isoformat(),
            d.posting_start and d.posting_start.isoformat(), d.posting_end and d.posting_end.isoformat(),
            STATUS_LABELS[d.status], d.version_no,
            public_url_for("disclosures.disclosure_detail", disclosure_id=d.id),
        ) for d in rows),
    )
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="cong-khai-thong-tin.csv"'},
    )


def _public_or_404(disclosure_id: int) -> Disclosure:
    d = services.get_public_disclosure(disclosure_id)
    if d is None:
        abort(404)
    return d


@bp.get("/cong-khai/<int:disclosure_id>")
@cacheable
def disclosure_detail(disclosure_id: int):
    return render_page("public_docs/detail.html", lambda: _detail_context(disclosure_id))


def _detail_context(disclosure_id: int) -> dict:
    d = _public_or_404(disclosure_id)
    return {
        "d": d,
        "attachments": services.active_attachments(d),
        "versions": sorted(d.versions, key=lambda v: -v.version_no),
        "open_for_comments": services.is_open_for_comments(d),
        "disclosure": d,
        "print_view": request.args.get("in") == "1",
        "today": services.today(),
        "permalink": public_url_for("disclosures.disclosure_detail", disclosure_id=d.id),
    }


@bp.get("/cong-khai/<int:disclosure_id>/phien-ban/<int:version_no>")
def disclosure_version(disclosure_id: int, version_no: int):
    d = _public_or_404(disclosure_id)
    v = db.session.scalar(
        select(DisclosureVersion).where(
            DisclosureVersion.disclosure_id == d.id, DisclosureVersion.version_no == version_no
        )
    )
    if v is None:
        abort(404)
    snap = dict(v.snapshot or {})
    for key in ("issued_on", "effective_on", "posting_start", "posting_end"):
        try:
            snap[key] = dt.date.fromisoformat(snap[key]) if snap.get(key) else None
        except (TypeError, ValueError):
            snap[key] = None
    snap.setdefault("attachments", [])
    snap.setdefault("groups", [])
    return render_template("public_docs/version.html", d=d, v=v, s=SimpleNamespace(**snap))


@bp.get("/cong-khai/<int:disclosure_id>/tep/<int:attachment_id>")
@bp.get("/cong-khai/<int:disclosure_id>/tep/<int:attachment_id>/<path:name>")
def attachment_download(disclosure_id: int, attachment_id: int, name: str | None = None):
    d = _public_or_404(disclosure_id)
    att = db.session.get(Attachment, attachment_id)
    if att is None or att.disclosure_id != d.id:
        abort(404)
    try:
        data = read_stored(att.sha256)
    except (OSError, ValueError):
        current_app.logger.error("attachment %s missing from storage", att.id)
        abort(404)
    name = clean_filename(att.filename, att.content_type)  # names stored before the cleaning rules too
    ascii_name = name.encode("ascii", "ignore").decode().strip(" .") or f"tep.{name.rsplit('.', 1)[-1]}"
    response = Response(data, mimetype=att.content_type)
    response.headers["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def attachment_url(att: Attachment, external: bool = False) -> str:
    """The attachment's download path; ``external``: absolute, under PUBLIC_URL."""
    build = public_url_for if external else url_for
    return build(
        "disclosures.attachment_download", disclosure_id=att.disclosure_id, attachment_id=att.id,
        name=att.filename,
    )


def _attachment_url(att, external: bool = False):
    return attachment_url(att, external)

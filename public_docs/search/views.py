"""The public search page: /tim-kiem?q=… (GET only; every query is safe)."""
from __future__ import annotations

import re

from flask import Blueprint, request
from sqlalchemy import select

from portal.extensions import db, limiter
from portal.fragments import no_store, render_page
from portal.i18n import N_
from portal.params import page_arg
from portal.registry import cacheable
from portal.sanitize import clean_text

bp = Blueprint("search", __name__, template_folder="templates")

PER_PAGE = 20
FILTER_LABELS = {
    "category": N_("Lĩnh vực"),
    "budget_kind": N_("Loại văn bản ngân sách"),  # shown only when budget documents are among the hits
    "budget_year": N_("Năm ngân sách"),
    "year": N_("Năm ban hành"),
    "form": N_("Hình thức văn bản"),
    "issuer": N_("Cơ quan ban hành"),
    "group": N_("Tổ dân phố"),
    "status": N_("Trạng thái"),
}


def _known(key: str, value: str) -> bool:
    """An unknown budget kind or a fiscal year that is no year is dropped (as the list does)."""
    from public_docs.disclosures.models import BUDGET_KINDS

    if key == "budget_kind":
        return value in BUDGET_KINDS
    if key == "budget_year":
        return re.fullmatch(r"[0-9]{4}", value) is not None
    return True


def _labelled_facets(facets: dict[str, dict[str, int]], filters: dict[str, str]) -> dict[str, list]:
    from portal.ward import ResidentialGroup
    from public_docs.disclosures.models import BUDGET_KINDS, CATEGORIES, STATUS_LABELS

    status_labels = {s.value: label for s, label in STATUS_LABELS.items()}
    group_names = {}
    if facets.get("group"):
        group_names = {r.code: r.name for r in db.session.scalars(
            select(ResidentialGroup).where(ResidentialGroup.code.in_(list(facets["group"]))))}
    out: dict[str, list] = {}
    for key in FILTER_LABELS:
        counts = facets.get(key, {})
        if key == "category":
            rows = [(v, CATEGORIES.get(v, v), counts[v]) for v in CATEGORIES if counts.get(v)]
        elif key == "budget_kind":
            rows = [(v, BUDGET_KINDS[v], counts[v]) for v in BUDGET_KINDS if counts.get(v)]
        elif key in ("year", "budget_year"):
            rows = [(v, v, n) for v, n in sorted(counts.items(), reverse=True)]
        elif key == "status":
            rows = [(v, status_labels.get(v, v), n) for v, n in counts.items()]
        elif key == "group":
            rows = [(v, group_names.get(v, v), n) for v, n in sorted(counts.items())]
        else:
            rows = [(v, v, n) for v, n in sorted(counts.items())]
        out[key] = rows
    return out


@bp.get("/tim-kiem")
@cacheable
@limiter.limit("120 per minute")
def results():
    return render_page("search/results.html", _results_context)


def _results_context() -> dict:
    from public_docs.disclosures.models import CATEGORIES, Disclosure, DisclosureStatus
    from public_docs.disclosures.services import list_only
    from public_docs.search import search_or_database

    q = clean_text(request.args.get("q"), 500) or ""
    filters = {k: clean_text(request.args.get(k), 200) for k in FILTER_LABELS}
    filters = {k: v for k, v in filters.items() if v and _known(k, v)}
    sort = "date" if request.args.get("sort") == "date" else "relevance"
    page = page_arg(maximum=10_000)
    exact = request.args.get("exact") == "1"  # "search exactly what I typed": no typo corrections
    # While the index is rebuilt (scheduled by search() itself), the database answers.
    result = search_or_database(q, filters=filters, page=page, per_page=PER_PAGE, sort=sort, exact=exact)
    if not result.available:
        no_store()  # the answer changes when the rebuilt index is in place
    docs = {}
    ids = [h.doc_id for h in result.hits]
    if ids:
        docs = {d.id: d for d in db.session.scalars(
            select(Disclosure).where(Disclosure.id.in_(ids), Disclosure.status == DisclosureStatus.published)
            .options(*list_only()))}
    hits = [(h, docs[h.doc_id]) for h in result.hits if h.doc_id in docs]
    args = {k: v for k, v in {"q": result.query, "sort": sort if sort != "relevance" else None,
                              "exact": "1" if exact else None, **filters}.items() if v}
    return {
        "result": result, "hits": hits, "q": result.query, "filters": filters, "sort": sort,
        "facets": _labelled_facets(result.facets, filters), "filter_labels": FILTER_LABELS, "args": args,
        "categories": CATEGORIES,
    }

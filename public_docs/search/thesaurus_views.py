"""Staff page of the search thesaurus: /can-bo/tu-dien-tim-kiem (admins and editors).

Thin views: the service (:mod:`public_docs.search.thesaurus`) validates, audits and flushes; the
view commits, or rolls back and shows the form again with what was typed and the messages."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import or_, select

from portal.errors import DomainError
from portal.extensions import db
from portal.params import get_row
from portal.permissions import role_required
from portal.sanitize import clean_text
from public_docs.search import thesaurus
from public_docs.search.models import KIND_LABELS, ThesaurusEntry, ThesaurusKind

bp = Blueprint("thesaurus", __name__, url_prefix="/can-bo/tu-dien-tim-kiem", template_folder="templates")


def _form_values() -> dict[str, str]:
    form = request.form
    return {
        "term": clean_text(form.get("term"), 200),
        "expansions": clean_text(form.get("expansions"), 2000),
        "kind": clean_text(form.get("kind"), 20),
        "active": "1" if form.get("active") == "1" else "",
    }


def _save(entry: ThesaurusEntry | None, values: dict[str, str]) -> DomainError | None:
    try:
        thesaurus.save_entry(current_user, term=values["term"], expansions=values["expansions"],
                             kind=values["kind"], active=bool(values["active"]), entry=entry)
    except DomainError as exc:
        db.session.rollback()
        return exc
    db.session.commit()
    thesaurus.invalidate()
    return None


@bp.route("", methods=["GET", "POST"])
@role_required("editor")
def entries():
    values = {"term": "", "expansions": "", "kind": ThesaurusKind.abbreviation.value, "active": "1"}
    error = None
    if request.method == "POST":
        values = _form_values()
        values["active"] = "1"
        error = _save(None, values)
        if error is None:
            flash(gettext("Đã thêm “%(term)s” vào từ điển tìm kiếm.", term=values["term"]), "success")
            return redirect(url_for("thesaurus.entries"))
    q = clean_text(request.args.get("q"), 100)
    kind = request.args.get("kind") if request.args.get("kind") in {k.value for k in ThesaurusKind} else ""
    stmt = select(ThesaurusEntry).order_by(ThesaurusEntry.kind, ThesaurusEntry.key)
    if q:
        like = f"%{thesaurus.term_key(q, ThesaurusKind.synonym).replace('%', '').replace('_', '')}%"
        stmt = stmt.where(or_(ThesaurusEntry.key.like(like), ThesaurusEntry.term.ilike(f"%{q}%"),
                              ThesaurusEntry.expansions.ilike(f"%{q}%")))
    if kind:
        stmt = stmt.where(ThesaurusEntry.kind == ThesaurusKind(kind))
    rows = db.session.scalars(stmt).all()
    return render_template("search/thesaurus.html", entries=rows, values=values, error=error, q=q, kind=kind,
                           kinds=KIND_LABELS), 422 if error else 200


@bp.route("/<int:entry_id>", methods=["GET", "POST"])
@role_required("editor")
def edit(entry_id: int):
    entry = get_row(ThesaurusEntry, entry_id) or abort(404)
    values = {"term": entry.term, "expansions": "\n".join(entry.expansion_list), "kind": entry.kind.value,
              "active": "1" if entry.active else ""}
    error = None
    if request.method == "POST":
        values = _form_values()
        error = _save(entry, values)
        if error is None:
            flash(gettext("Đã lưu “%(term)s”.", term=values["term"]), "success")
            return redirect(url_for("thesaurus.entries"))
        entry = get_row(ThesaurusEntry, entry_id) or abort(404)
    return render_template("search/thesaurus_edit.html", entry=entry, values=values, error=error,
                           kinds=KIND_LABELS), 422 if error else 200


@bp.post("/<int:entry_id>/trang-thai")
@role_required("editor")
def toggle(entry_id: int):
    entry = get_row(ThesaurusEntry, entry_id) or abort(404)
    active = request.form.get("active") == "1"
    thesaurus.set_active(current_user, entry, active)
    db.session.commit()
    thesaurus.invalidate()
    if active:
        flash(gettext("Đã dùng lại “%(term)s”.", term=entry.term), "success")
    else:
        flash(gettext("Đã ngừng dùng “%(term)s”: tìm kiếm không còn áp dụng từ này.", term=entry.term), "success")
    return redirect(url_for("thesaurus.entries"))

"""Editor pages for the consultation synthesis: /can-bo/tong-hop-y-kien."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import select

from moderation.consultations import synthesis
from moderation.consultations.comments import approved_comments
from moderation.consultations.models import DISPOSITION_LABELS
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from portal.permissions import role_required
from public_docs.disclosures.models import Disclosure

bp = Blueprint("consultations_synthesis", __name__, url_prefix="/can-bo/tong-hop-y-kien", template_folder="templates")


def _disclosure(disclosure_id: int):
    d = db.session.get(Disclosure, disclosure_id)
    if d is None or d.comments_open_from is None:
        abort(404)
    return d


@bp.get("/")
@role_required("editor")
def index():
    disclosures = db.session.scalars(select(Disclosure).where(Disclosure.comments_open_from.is_not(None))
                                     .order_by(Disclosure.comments_open_until.desc())).all()
    tallies = synthesis.comment_tallies([d.id for d in disclosures])
    rows = []
    for d in disclosures:
        comments, done, published = tallies.get(d.id, (0, 0, False))
        rows.append({"d": d, "closed": synthesis.is_closed(d), "comments": comments, "done": done,
                     "published": published})
    return render_template("board/synthesis_list.html", rows=rows)


def _render(d, error=None, typed=None, status=200):
    view = synthesis.synthesis_view(d, published_only=False)
    comments = approved_comments(d)
    return render_template(
        "board/synthesis_edit.html", d=d, comments=comments, disp=synthesis.dispositions(d),
        labels=DISPOSITION_LABELS, closed=synthesis.is_closed(d), view=view,
        synthesis=synthesis.get_synthesis(d), error=error, typed=typed or {},
    ), status


@bp.route("/<int:disclosure_id>", methods=["GET", "POST"])
@role_required("editor")
def edit(disclosure_id: int):
    d = _disclosure(disclosure_id)
    if request.method == "GET":
        return _render(d)
    form = request.form
    try:
        if form.get("action") == "publish":
            synthesis.publish_synthesis(d, form.get("summary", ""), current_user)
            message = gettext("Đã công bố kết quả tổng hợp, tiếp thu, giải trình.")
        else:
            saved = 0
            for c in approved_comments(d):
                value = form.get(f"disp-{c.id}")
                if not value:
                    continue
                try:
                    synthesis.set_disposition(d, c, value, form.get(f"expl-{c.id}", ""), current_user,
                                                 group_label=form.get(f"group-{c.id}", ""))
                except DomainError as exc:
                    raise DomainError(_l("Ý kiến số %(id)s: %(problem)s", id=c.id, problem=exc)) from None
                saved += 1
            message = gettext("Đã lưu %(n)s ý kiến.", n=saved)
    except DomainError as exc:
        db.session.rollback()
        return _render(d, error=str(exc), typed=form, status=400)
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("consultations_synthesis.edit", disclosure_id=d.id))

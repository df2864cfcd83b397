"""Public pages of the decision matters (``decisions``): the list, a matter with its progress per
group, the result and its SVG chart, the web ballot and "was my code counted". The staff pages
are in ``moderation.decisions.views``."""
from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request
from flask_babel import gettext
from sqlalchemy import select

from moderation import abuse
from moderation.decisions import ballots, cycle, followup, forms, results
from moderation.decisions.models import (
    BASIS_LABELS,
    CHANNEL_LABELS,
    KIND_LABELS,
    METHOD_LABELS,
    STATUS_LABELS,
    Channel,
    DecisionMatter,
    MatterKind,
    MatterStatus,
)
from portal.errors import DomainError
from portal.extensions import db
from portal.params import get_row
from public_docs.disclosures.models import Disclosure

bp = Blueprint("decisions", __name__, template_folder="templates")
LABELS = {"kinds": KIND_LABELS, "methods": METHOD_LABELS, "statuses": STATUS_LABELS, "bases": BASIS_LABELS,
          "channels": CHANNEL_LABELS}


def matter_or_404(matter_id: int) -> DecisionMatter:
    m = get_row(DecisionMatter, matter_id)
    if m is None:
        abort(404)
    return m


def page_context(matter: DecisionMatter, **extra) -> dict:
    ctx = {"m": matter, "summary": results.public_summary(matter), "labels": LABELS,
           "groups_by_code": {mg.group.code: mg.group for mg in matter.groups}}
    if matter.status == MatterStatus.decided:
        ctx["chart"] = results.chart_svg(matter, matter.result)
        ctx["result"] = matter.result
    if matter.kind == MatterKind.convention:
        ctx["stage"] = followup.convention_stage(matter)
        ctx["stages"] = followup.STAGES
        ctx["stage_labels"] = followup.STAGE_LABELS
        ctx["history"] = cycle.convention_history(matter)
    if matter.kind == MatterKind.contribution and matter.passed:
        ctx["contrib"] = followup.contribution_summary(matter)
        ctx["money"] = followup.money
        ctx["supervisors"] = followup.supervising_boards(matter)
    ctx["linked"] = {d.id: d for d in db.session.scalars(select(Disclosure).where(Disclosure.id.in_(
        [i for i in (matter.result_disclosure_id, matter.recognition_disclosure_id, matter.draft_disclosure_id,
                     matter.contributions_disclosure_id) if i] or [0])))}
    ctx.update(extra)
    return ctx


# ------------------------------------------------------------------ public

@bp.get("/dan-quyet")
def index():
    rows = db.session.scalars(
        select(DecisionMatter).order_by(DecisionMatter.opens_on.desc(), DecisionMatter.id.desc())).all()
    running = [m for m in rows if m.status in (MatterStatus.scheduled, MatterStatus.open, MatterStatus.counting)]
    decided = [m for m in rows if m.status == MatterStatus.decided]
    cancelled = [m for m in rows if m.status == MatterStatus.cancelled]
    return render_template("decisions/index.html", running=running, decided=decided, cancelled=cancelled,
                           summaries={m.id: results.public_summary(m) for m in running + decided}, labels=LABELS)


@bp.get("/dan-quyet/<int:matter_id>")
def detail(matter_id: int):
    return render_template("decisions/detail.html", **page_context(matter_or_404(matter_id)))


@bp.get("/dan-quyet/<int:matter_id>/bieu-do.svg")
def chart(matter_id: int):
    m = matter_or_404(matter_id)
    if m.status != MatterStatus.decided:
        abort(404)
    return Response(results.chart_svg(m, m.result), mimetype="image/svg+xml",
                    headers={"Content-Security-Policy": "default-src 'none'"})


@bp.route("/dan-quyet/<int:matter_id>/bieu-quyet", methods=["GET", "POST"])
def vote(matter_id: int):
    m = matter_or_404(matter_id)
    error, errors, status = None, {}, 200
    if request.method == "POST":
        try:
            abuse.check_rate("TRACKING_RATE_LIMIT", abuse.CODE_LOOKUP_SCOPE)
            ballots.cast_ballot(m, request.form.get("code", ""), forms.ballot_choice(request.form, m), Channel.web,
                                "resident")
        except abuse.Refused as exc:
            db.session.rollback()
            error, status = exc.message, exc.status
        except DomainError as exc:
            db.session.rollback()
            error, errors, status = exc.message, exc.fields, (400 if exc.status == 404 else exc.status)
        else:
            db.session.commit()
            return render_template("decisions/voted.html", m=m)
    return render_template("decisions/vote.html", m=m, error=error, errors=errors, form=request.form), status


@bp.route("/dan-quyet/kiem-tra-ma", methods=["GET", "POST"])
def check_code():
    found, counted, error, status = None, False, None, 200
    if request.method == "POST":
        try:
            abuse.check_rate("TRACKING_RATE_LIMIT", abuse.CODE_LOOKUP_SCOPE)
        except abuse.Refused as exc:
            return render_template("decisions/check_code.html", error=exc.message, form=request.form), exc.status
        found, counted = ballots.code_counted(request.form.get("code", ""))
        if found is None:
            error, status = gettext("Không tìm thấy mã phiếu này: vui lòng kiểm tra lại mã in trên phiếu."), 404
    return render_template("decisions/check_code.html", found=found, counted=counted, error=error,
                           form=request.form,
                           matter=db.session.get(DecisionMatter, found.matter_id) if found else None), status

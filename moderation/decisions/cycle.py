"""What the public pages show of a decision beyond the matter's own page: a convention's cycle
(its current stage and the dated history of its stages, each linking to its document) and, on the
result disclosure, the result chart. ``disclosure_panel`` is the disclosure page's template hook."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import render_template, url_for
from sqlalchemy import or_, select

from moderation.consultations.models import ConsultationSynthesis
from moderation.decisions import followup, results
from moderation.decisions.models import DecisionEvent, DecisionMatter, MatterKind, MatterStatus
from portal.extensions import db
from portal.i18n import N_
from portal.ward import local_date
from public_docs.disclosures.models import Disclosure, DisclosureStatus
from public_docs.disclosures.services import today

DRAFT_FORM = "Dự thảo"

STEP_LABELS = {  # shown with |tr
    "draft": N_("Công khai dự thảo"),
    "comments_open": N_("Bắt đầu lấy ý kiến Nhân dân"),
    "comments_close": N_("Kết thúc lấy ý kiến Nhân dân"),
    "synthesis": N_("Công khai tổng hợp, tiếp thu, giải trình ý kiến"),
    "matter": N_("Công bố việc đưa ra các hộ gia đình biểu quyết"),
    "vote_open": N_("Bắt đầu biểu quyết"),
    "decided": N_("Kết quả biểu quyết"),
    "recognition": N_("Quyết định công nhận của %(ward_kind)s"),
    "in_force": N_("Có hiệu lực"),
    "review": N_("Rà soát định kỳ"),
}


@dataclass(frozen=True)
class Step:
    key: str
    on: dt.date | dt.datetime
    done: bool  # False: a date announced ahead (comments until, review due)
    url: str | None = None
    document: str = ""  # the linked document's number, or ""
    note: str = ""  # a short outcome, e.g. "Thông qua" (shown with |tr)

    @property
    def label(self) -> str:
        return STEP_LABELS[self.key]


def _day(value) -> dt.date:
    """The ward's calendar day of a step (a timestamp just after local midnight is that day, not
    the UTC day before)."""
    return local_date(value)


def _doc_url(d: Disclosure | None) -> str | None:
    return url_for("disclosures.disclosure_detail", disclosure_id=d.id) if d is not None else None


def _draft_steps(draft: Disclosure) -> list[Step]:
    steps = []
    if draft.published_at:
        steps.append(Step("draft", draft.published_at, True, _doc_url(draft), draft.number))
    if draft.comments_open_from:
        url = url_for("consultations.consultation_detail", disclosure_id=draft.id)
        steps.append(Step("comments_open", draft.comments_open_from, draft.comments_open_from <= today(), url,
                          draft.number))
        if draft.comments_open_until:
            steps.append(Step("comments_close", draft.comments_open_until, draft.comments_open_until < today(), url,
                              draft.number))
    synthesis = db.session.scalar(select(ConsultationSynthesis).where(ConsultationSynthesis.disclosure_id == draft.id))
    if synthesis is not None and synthesis.published_at:
        steps.append(Step("synthesis", synthesis.published_at, True,
                          url_for("consultations.consultation_detail", disclosure_id=draft.id) + "#synthesis-h",
                          draft.number))
    return steps


def convention_history(matter: DecisionMatter | None, draft: Disclosure | None = None) -> list[Step]:
    """Every stage a convention went through, with its date and document, in date order; dates
    announced ahead (the end of the comment window, the next review) are marked not done."""
    if matter is not None and matter.draft_disclosure_id:
        draft = db.session.get(Disclosure, matter.draft_disclosure_id)
    steps = _draft_steps(draft) if draft is not None else []
    if matter is not None:
        page = url_for("decisions.detail", matter_id=matter.id)
        events = {e.action: e for e in db.session.scalars(
            select(DecisionEvent).where(DecisionEvent.matter_id == matter.id).order_by(DecisionEvent.id))
            if e.action in ("create", "open")}
        if "create" in events:
            steps.append(Step("matter", events["create"].created_at, True, page))
        if "open" in events:
            steps.append(Step("vote_open", events["open"].created_at, True, page))
        if matter.status == MatterStatus.decided and matter.decided_at:
            result = db.session.get(Disclosure, matter.result_disclosure_id) if matter.result_disclosure_id else None
            steps.append(Step("decided", matter.decided_at, True, _doc_url(result) or page,
                              result.number if result else "",
                              N_("Thông qua") if matter.passed else N_("Không thông qua")))
        if matter.recognition_disclosure_id:
            rec = db.session.get(Disclosure, matter.recognition_disclosure_id)
            steps.append(Step("recognition", rec.issued_on or rec.published_at, True, _doc_url(rec), rec.number))
            if matter.in_force_on:
                steps.append(Step("in_force", matter.in_force_on, matter.in_force_on <= today(), _doc_url(rec),
                                  rec.number))
            if matter.review_due_on:
                steps.append(Step("review", matter.review_due_on, matter.review_due_on <= today(), page))
    return sorted(steps, key=lambda s: (_day(s.on), list(STEP_LABELS).index(s.key)))


def draft_stage(draft: Disclosure) -> str:
    """The stage of a convention's draft no matter names yet."""
    return "comments" if draft.comments_open_from else "draft"


def _linked_matters(d: Disclosure) -> list[DecisionMatter]:
    return list(db.session.scalars(select(DecisionMatter).where(or_(
        DecisionMatter.result_disclosure_id == d.id, DecisionMatter.draft_disclosure_id == d.id,
        DecisionMatter.recognition_disclosure_id == d.id)).order_by(DecisionMatter.id)))


def disclosure_panel(disclosure) -> str:
    """On a disclosure's page: the result chart when it is a matter's result, and the convention's
    stage and history when it is a convention's draft, result or recognition decision."""
    if getattr(disclosure, "id", None) is None or getattr(disclosure, "status", None) == DisclosureStatus.draft:
        return ""
    matters = _linked_matters(disclosure)
    chart = next((m for m in matters if m.result_disclosure_id == disclosure.id
                  and m.status == MatterStatus.decided and m.result), None)
    convention = next((m for m in matters if m.kind == MatterKind.convention), None)
    ctx: dict = {"d": disclosure, "stages": followup.STAGES, "stage_labels": followup.STAGE_LABELS}
    if chart is not None:
        ctx.update(chart_matter=chart, chart=results.chart_svg(chart, chart.result))
    if convention is not None:
        ctx.update(convention=convention, stage=followup.convention_stage(convention),
                   history=convention_history(convention))
    elif getattr(disclosure, "category", None) == "conventions" and getattr(disclosure, "form", None) == DRAFT_FORM:
        ctx.update(stage=draft_stage(disclosure), history=convention_history(None, disclosure))
    if "chart" not in ctx and "history" not in ctx:
        return ""
    return render_template("decisions/_disclosure_panel.html", **ctx)

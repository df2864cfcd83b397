"""After the vote: a convention's cycle (recognition by the ward, in force, periodic review) and a
contribution followed to the last đồng (pledged and collected per group, spending, balance), published
on the matter's page and as a disclosure in ``contributions`` amended at each new figure."""
from __future__ import annotations

from sqlalchemy import select

from moderation.decisions.fields import count_value, date_value
from moderation.decisions.models import (
    ContributionFigure,
    ContributionSpending,
    DecisionMatter,
    MatterKind,
    MatterStatus,
)
from moderation.decisions.services import event, group_of
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import N_, _l
from portal.params import as_id
from portal.sanitize import clean_text
from portal.settings import get_setting
from portal.units import LAZY, vi_text
from public_docs.disclosures import services as docs
from public_docs.disclosures.models import Disclosure, DisclosureStatus
from public_docs.disclosures.services import today

STAGES = ("draft", "comments", "vote", "recognition", "in_force", "review")
STAGE_LABELS = {  # shown with |tr
    "draft": N_("Dự thảo"), "comments": N_("Lấy ý kiến Nhân dân"), "vote": N_("Hộ gia đình biểu quyết"),
    "recognition": N_("%(Ward_kind)s công nhận"), "in_force": N_("Có hiệu lực"), "review": N_("Rà soát định kỳ"),
}


def convention_stage(matter: DecisionMatter) -> str:
    """Where a convention is in its cycle."""
    if matter.recognition_disclosure_id:
        if matter.review_due_on and matter.review_due_on <= today():
            return "review"
        if matter.in_force_on and matter.in_force_on <= today():
            return "in_force"
        return "recognition"
    if matter.status == MatterStatus.decided:
        return "recognition" if matter.passed else "vote"
    if matter.status in (MatterStatus.open, MatterStatus.counting):
        return "vote"
    draft = db.session.get(Disclosure, matter.draft_disclosure_id) if matter.draft_disclosure_id else None
    if draft is not None and draft.comments_open_from:
        return "comments"
    return "draft"


def record_recognition(matter: DecisionMatter, data: dict, actor) -> DecisionMatter:
    """The ward's recognition decision (a published disclosure), the date in force and of review."""
    if matter.kind != MatterKind.convention or matter.status != MatterStatus.decided or not matter.passed:
        raise DomainError(_l("Chỉ công nhận hương ước, quy ước đã được các hộ gia đình thông qua."))
    errors: dict[str, str] = {}
    d = db.session.get(Disclosure, as_id(data.get("recognition_disclosure_id")) or 0)
    if d is None or d.status != DisclosureStatus.published or d.category != "conventions":
        errors["recognition_disclosure_id"] = _l("Vui lòng chọn quyết định công nhận đang công khai "
                                                 "(lĩnh vực hương ước, quy ước).")
    in_force = date_value(data.get("in_force_on"), "in_force_on", _l("Ngày có hiệu lực"), errors)
    review = date_value(data.get("review_due_on"), "review_due_on", _l("Ngày rà soát"), errors)
    if in_force is None and "in_force_on" not in errors:
        errors["in_force_on"] = _l("Vui lòng nhập ngày có hiệu lực.")
    if review and in_force and review <= in_force:
        errors["review_due_on"] = _l("Ngày rà soát phải sau ngày có hiệu lực.")
    if errors:
        raise DomainError(next(iter(errors.values())), errors, 422)
    matter.recognition_disclosure_id, matter.in_force_on, matter.review_due_on = d.id, in_force, review
    event(matter, "recognise", f"{vi_text('%(Ward_kind)s')} công nhận ({d.number}); "
                               f"có hiệu lực từ {in_force.strftime('%d/%m/%Y')}.",
          actor, {"disclosure": d.id, "in_force_on": in_force.isoformat()})
    db.session.flush()
    return matter


def _require_contribution(matter: DecisionMatter) -> None:
    if matter.kind != MatterKind.contribution or matter.status != MatterStatus.decided or not matter.passed:
        raise DomainError(_l("Chỉ theo dõi khoản đóng góp đã được các hộ gia đình thông qua."))


def contribution_summary(matter: DecisionMatter) -> dict:
    figures = {f.group_id: f for f in db.session.scalars(
        select(ContributionFigure).where(ContributionFigure.matter_id == matter.id))}
    rows = []
    for mg in matter.groups:
        f = figures.get(mg.group_id)
        rows.append({"group": mg.group.code, "name": mg.group.name, "households": mg.households or 0,
                     "households_pledged": f.households_pledged if f else 0,
                     "pledged": f.pledged if f else 0, "collected": f.collected if f else 0})
    spending = list(db.session.scalars(select(ContributionSpending).where(ContributionSpending.matter_id == matter.id)
                                       .order_by(ContributionSpending.spent_on, ContributionSpending.id)))
    pledged = sum(r["pledged"] for r in rows)
    collected = sum(r["collected"] for r in rows)
    spent = sum(s.amount for s in spending)
    return {"groups": rows, "spending": spending, "pledged": pledged, "collected": collected, "spent": spent,
            "balance": collected - spent, "households_pledged": sum(r["households_pledged"] for r in rows)}


def supervising_boards(matter: DecisionMatter) -> list:
    """The Boards that supervise a contribution: the People's Inspection Board, and the Community
    Investment Supervision Board of each project attached to the matter. A resident's petition naming
    the project goes to the latter as a case (``moderation.boards.routing``)."""
    from moderation.boards.routing import get_inspection_board, project_board

    boards = [project_board(d.id) for d in matter.documents if d.is_project]
    inspection = get_inspection_board(create=False)
    return [b for b in [*boards, inspection] if b is not None]


def money(n: int) -> str:
    return f"{n:,}".replace(",", ".") + " đồng"


def _contributions_body(matter: DecisionMatter, s: dict) -> str:
    lines = [f"Mức đóng góp đã được các hộ gia đình quyết định: "
             f"{matter.level_text or money(matter.level_per_household or 0)}.",
             "", vi_text("| %(Group_kind)s | Số hộ | Số hộ đăng ký | Đăng ký | Đã thu |"), "|---|---|---|---|---|"]
    for r in s["groups"]:
        lines.append(f"| {r['name']} | {r['households']} | {r['households_pledged']} | "
                     f"{money(r['pledged'])} | {money(r['collected'])} |")
    lines.append(f"| **Tổng cộng** | {sum(r['households'] for r in s['groups'])} | {s['households_pledged']} | "
                 f"{money(s['pledged'])} | {money(s['collected'])} |")
    lines += ["", "| Ngày | Nội dung chi | Số tiền |", "|---|---|---|"]
    for e in s["spending"]:
        lines.append(f"| {e.spent_on.strftime('%d/%m/%Y')} | {e.description} | {money(e.amount)} |")
    lines += ["", f"**Đã thu: {money(s['collected'])}; đã chi: {money(s['spent'])}; còn lại: {money(s['balance'])}.**"]
    return "\n".join(lines)


def publish_contributions(matter: DecisionMatter, actor) -> Disclosure:
    """Publish the follow-up as a disclosure in ``contributions``, or amend it with the new figures."""
    s = contribution_summary(matter)
    body = _contributions_body(matter, s)
    summary = f"Đã thu {money(s['collected'])}, đã chi {money(s['spent'])}, còn lại {money(s['balance'])}."
    d = db.session.get(Disclosure, matter.contributions_disclosure_id) if matter.contributions_disclosure_id else None
    if d is not None and d.status == DisclosureStatus.published:
        if d.body_source.strip() != body.strip():
            docs.amend_disclosure(d, {"body": body, "summary": summary}, "Cập nhật số liệu thu, chi.", actor=actor,
                                  secrecy_confirmed=True)
        return d
    number = f"{matter.id}/THDG-{today().year}"
    while docs.find_by_number(number) is not None:
        number += "-1"
    d = docs.create_disclosure({
        "number": number, "category": "contributions", "form": "Báo cáo",
        "issuer": str(get_setting("DECISION_RESULT_ISSUER", vi_text("Ủy ban nhân dân %(ward_kind)s"))),
        "title": f"Tình hình thu, chi khoản đóng góp: {matter.title}"[:500], "summary": summary, "body": body,
        "issued_on": today(), "effective_on": today(),
        "group_ids": [] if matter.whole_ward else [mg.group_id for mg in matter.groups]}, actor=actor)
    docs.publish_disclosure(d, actor=actor, secrecy_confirmed=True)
    matter.contributions_disclosure_id = d.id
    return d


def set_figures(matter: DecisionMatter, data: dict, actor) -> ContributionFigure:
    _require_contribution(matter)
    errors: dict[str, str] = {}
    try:
        mg = group_of(matter, data.get("group_id"))
    except DomainError as exc:
        raise DomainError(exc.message, exc.field_errors, 422) from None
    hh = count_value(data.get("households_pledged") or "0", "households_pledged", _l("Số hộ đăng ký"), errors)
    pledged = count_value(data.get("pledged") or "0", "pledged", _l("Số tiền đăng ký"), errors, high=10**13)
    collected = count_value(data.get("collected") or "0", "collected", _l("Số tiền đã thu"), errors, high=10**13)
    if "households_pledged" not in errors and hh > (mg.households or 0):
        errors["households_pledged"] = _l("Số hộ đăng ký vượt quá %(households)s hộ của %(group_kind)s.", **LAZY,
                                          households=mg.households)
    if errors:
        raise DomainError(next(iter(errors.values())), errors, 422)
    row = db.session.scalar(select(ContributionFigure).filter_by(matter_id=matter.id, group_id=mg.group_id))
    if row is None:
        row = ContributionFigure(matter_id=matter.id, group_id=mg.group_id)
        db.session.add(row)
    old = [row.pledged, row.collected]
    row.households_pledged, row.pledged, row.collected = hh, pledged, collected
    db.session.flush()
    event(matter, "figures", f"Cập nhật số liệu đóng góp {mg.group.name}: đã thu {money(collected)}.", actor,
          {"group": mg.group.code, "old": old, "new": [pledged, collected], "households_pledged": hh})
    publish_contributions(matter, actor)
    db.session.flush()
    return row


def add_spending(matter: DecisionMatter, data: dict, actor) -> ContributionSpending:
    _require_contribution(matter)
    errors: dict[str, str] = {}
    day = date_value(data.get("spent_on"), "spent_on", _l("Ngày chi"), errors)
    if day is None and "spent_on" not in errors:
        errors["spent_on"] = _l("Vui lòng nhập ngày chi.")
    desc = clean_text(data.get("description"), 500)
    if not desc:
        errors["description"] = _l("Vui lòng nhập nội dung chi.")
    amount = count_value(data.get("amount"), "amount", _l("Số tiền chi"), errors, low=1, high=10**13)
    doc_id = as_id(data.get("document_id")) if data.get("document_id") else None
    if data.get("document_id"):
        d = db.session.get(Disclosure, doc_id or 0)
        if d is None or d.status != DisclosureStatus.published:
            errors["document_id"] = _l("Chứng từ phải là văn bản đang công khai.")
    if not errors and amount > contribution_summary(matter)["balance"]:
        errors["amount"] = _l("Số tiền chi vượt quá số dư còn lại.")
    if errors:
        raise DomainError(next(iter(errors.values())), errors, 422)
    row = ContributionSpending(matter_id=matter.id, spent_on=day, description=desc, amount=amount,
                               document_id=doc_id, created_by_id=getattr(actor, "id", None))
    db.session.add(row)
    db.session.flush()
    event(matter, "spend", f"Chi {money(amount)}: {desc}.", actor, {"amount": amount, "spending": row.id})
    publish_contributions(matter, actor)
    db.session.flush()
    return row

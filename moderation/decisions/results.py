"""The result of a matter from its meetings and ballots (by ``rules``), deciding a matter, the
result disclosure (a table by group, a link to the SVG chart) and the chart itself."""
from __future__ import annotations

from markupsafe import escape

from moderation.decisions import rules
from moderation.decisions.ballots import ballot_counts
from moderation.decisions.models import BASIS_LABELS, DecisionMatter, MatterKind, MatterStatus, RuleBasis
from moderation.decisions.services import electorate, event
from portal.database import utcnow
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l, gettext_vi, translate
from portal.settings import get_setting
from portal.units import vi_text
from public_docs.disclosures import services as docs
from public_docs.disclosures.services import today


def rule_of(matter: DecisionMatter) -> rules.Rule:
    return rules.Rule(basis=matter.rule_basis.value, threshold=matter.threshold_percent, quorum=matter.quorum_percent)


def compute_result(matter: DecisionMatter) -> dict:
    """The live result (the frozen one once decided)."""
    if matter.status == MatterStatus.decided and matter.result:
        return matter.result
    households = electorate(matter)
    ballots = ballot_counts(matter.id)
    inputs = []
    for mg in matter.groups:
        b = ballots.get(mg.group_id, {"ballots": 0, "tally": {}})
        inputs.append(rules.GroupInput(
            code=mg.group.code, name=mg.group.name, households=households.get(mg.group_id) or 0,
            meetings=[{"represented": m.households_represented, "tally": m.tally or {}}
                      for m in matter.meetings if m.group_id == mg.group_id],
            ballots=b["ballots"], ballot_tally=b["tally"]))
    return rules.compute(inputs, rule_of(matter), [c.code for c in matter.choices],
                         election=matter.is_election, seats=matter.seats)


def _pct(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}".replace(".", ",") + " %" if whole else "—"


def result_markdown(matter: DecisionMatter, result: dict, chart_url: str, page_url: str) -> str:
    labels = {c.code: c.label for c in matter.choices}
    codes = [c.code for c in matter.choices]
    head = (vi_text("| %(Group_kind)s | Số hộ | Số hộ tham gia | ") + " | ".join(labels[c] for c in codes)
            + " | Kết quả |")
    sep = "|" + "---|" * (len(codes) + 4)
    lines = [
        f"**{matter.title}**", "",
        (f"Hình thức: {matter.method_label.lower()}. Quy tắc: thông qua khi trên {matter.threshold_percent} % "
         f"{BASIS_LABELS[matter.rule_basis]} tán thành; hội nghị hợp lệ khi trên {matter.quorum_percent} % số hộ "
         "có đại diện dự họp."), "", head, sep]

    def row(name, r):
        verdict = ("Thông qua" if r["passed"] else "Không thông qua") if not matter.is_election else \
            (", ".join(labels[c] for c in r["elected"]) or "Không ai trúng cử")
        return (f"| {name} | {r['households']} | {r['voted']} ({_pct(r['voted'], r['households'])}) | "
                + " | ".join(str(r["tally"].get(c, 0)) for c in codes) + f" | {verdict} |")

    for g in result["groups"]:
        lines.append(row(g["name"], g))
    lines.append(row("**Tổng cộng**", {"households": result["households_total"], "voted": result["households_voted"],
                                       "tally": result["tally"], "passed": result["passed"],
                                       "elected": result.get("elected", [])}))
    lines.append("")
    if matter.is_election:
        elected = [labels[c] for c in result["elected"]]
        lines.append(f"Số người được bầu: {matter.seats}. Trúng cử: {', '.join(elected) or 'không có'}."
                     + (" Có số phiếu bằng nhau ở vị trí cuối: cần bầu lại cho vị trí còn thiếu."
                        if result.get("tie") else ""))
    else:
        lines.append("**Kết quả: " + ("THÔNG QUA" if result["passed"] else "KHÔNG THÔNG QUA") + "**.")
    lines += ["", f"[Biểu đồ kết quả (SVG)]({chart_url}) · [Trang biểu quyết trên Cổng]({page_url})"]
    return "\n".join(lines)


def _number(matter: DecisionMatter) -> str:
    base = f"{matter.id}/KQBQ-{today().year}"
    number, n = base, 1
    while docs.find_by_number(number) is not None:
        n += 1
        number = f"{base}-{n}"
    return number


def publish_result(matter: DecisionMatter, result: dict, actor):
    from portal.urls import public_url_for

    category = "conventions" if matter.kind == MatterKind.convention else "consultation_results"
    verdict = ("thông qua" if result["passed"] else "không thông qua") if not matter.is_election else \
        f"{len(result['elected'])}/{matter.seats} người trúng cử"
    data = {
        "number": _number(matter), "category": category, "form": "Báo cáo",
        "issuer": str(get_setting("DECISION_RESULT_ISSUER", vi_text("Ủy ban nhân dân %(ward_kind)s"))),
        "title": f"Kết quả biểu quyết: {matter.title}"[:500],
        "summary": f"{result['households_voted']}/{result['households_total']} hộ gia đình tham gia; {verdict}.",
        "body": result_markdown(matter, result, public_url_for("decisions.chart", matter_id=matter.id),
                                public_url_for("decisions.detail", matter_id=matter.id)),
        "issued_on": today(), "effective_on": today(),
        "group_ids": [mg.group_id for mg in matter.groups] if not matter.whole_ward else [],
    }
    d = docs.create_disclosure(data, actor=actor)
    docs.publish_disclosure(d, actor=actor, secrecy_confirmed=True)
    return d


def decide_matter(matter: DecisionMatter, actor) -> DecisionMatter:
    """Close the count: freeze the result, say whether it passed, publish the result disclosure."""
    if matter.status not in (MatterStatus.open, MatterStatus.counting):
        raise DomainError(_l("Chỉ kết thúc việc đang biểu quyết hoặc kiểm phiếu."))
    result = compute_result(matter)
    matter.result = result
    matter.passed = bool(result["passed"])
    matter.status = MatterStatus.decided
    matter.decided_at = utcnow()
    d = publish_result(matter, result, actor)
    matter.result_disclosure_id = d.id
    event(matter, "decide", f"Kết thúc biểu quyết: {result['households_voted']}/{result['households_total']} hộ "
          f"tham gia; {'thông qua' if matter.passed else 'không thông qua'}.", actor,
          {"passed": matter.passed, "voted": result["households_voted"], "disclosure": d.id})
    db.session.flush()
    return matter


COLORS = {"yes": "#1b6e3a", "no": "#a1261d", "abstain": "#5c5c5c"}
CANDIDATE_COLORS = ("#1d4f91", "#7a3e9d", "#0f6b6b", "#8a5a00", "#444444")


def chart_svg(matter: DecisionMatter, result: dict) -> str:
    """Bars per group and in total, each choice as a share of the group's households, with the
    threshold line. Drawn on the server: no script; its words in the page's language."""
    labels = {c.code: translate(c.label) for c in matter.choices}
    codes = [c.code for c in matter.choices]
    colors = {c: COLORS.get(c) or CANDIDATE_COLORS[i % len(CANDIDATE_COLORS)] for i, c in enumerate(codes)}
    rows = [(g["name"], g) for g in result["groups"]] + [(gettext_vi("Tổng cộng"), {
        "households": result["households_total"], "voted": result["households_voted"], "tally": result["tally"]})]
    left, width, bar, gap = 150, 420, 14, 10
    per_row = len(codes) * bar + gap + 18
    legend_h = 22 * len(codes) + 10
    height = 40 + len(rows) * per_row + legend_h
    title = gettext_vi("Kết quả biểu quyết: %(title)s", title=matter.title)
    out = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {left + width + 90} {height}" '
            f'width="100%" role="img" aria-labelledby="chart-title-{matter.id}">'),
           f'<title id="chart-title-{matter.id}">{escape(title)}</title>',
           '<rect width="100%" height="100%" fill="#ffffff"/>']
    y = 30
    basis_all = matter.rule_basis == RuleBasis.all_households
    for name, r in rows:
        whole = r["households"] if basis_all else r["voted"]
        participation = gettext_vi("%(voted)s/%(households)s hộ", voted=r["voted"], households=r["households"])
        out.append(f'<text x="0" y="{y + 12}" font-size="13" font-family="sans-serif" fill="#111">'
                   f'{escape(name)}</text>')
        out.append(f'<text x="0" y="{y + 28}" font-size="11" font-family="sans-serif" fill="#333">'
                   f'{escape(participation)}</text>')
        for code in codes:
            n = r["tally"].get(code, 0)
            w = round(width * n / whole) if whole else 0
            out.append(f'<rect x="{left}" y="{y}" width="{w}" height="{bar - 2}" fill="{colors[code]}"/>')
            out.append(f'<text x="{left + w + 4}" y="{y + bar - 4}" font-size="11" font-family="sans-serif" '
                       f'fill="#111">{n} ({_pct(n, whole)})</text>')
            y += bar
        y += gap + 18
    x_line = left + round(width * matter.threshold_percent / 100)
    out.append(f'<line x1="{x_line}" y1="20" x2="{x_line}" y2="{y - 10}" stroke="#111" stroke-dasharray="4 3"/>')
    out.append(f'<text x="{x_line + 3}" y="16" font-size="11" font-family="sans-serif" fill="#111">'
               f'{matter.threshold_percent} %</text>')
    for code in codes:
        out.append(f'<rect x="{left}" y="{y}" width="14" height="14" fill="{colors[code]}"/>')
        out.append(f'<text x="{left + 20}" y="{y + 12}" font-size="12" font-family="sans-serif" fill="#111">'
                   f'{escape(labels[code])}</text>')
        y += 22
    out.append("</svg>")
    return "\n".join(out)


def public_summary(matter: DecisionMatter) -> dict:
    """What the API and the public pages show: how many households took part in each group while
    the vote runs, the tally and the verdict once decided (never how a code voted)."""
    result = compute_result(matter)
    decided = matter.status == MatterStatus.decided
    return {
        "id": matter.id, "kind": matter.kind.value, "title": matter.title, "method": matter.method.value,
        "status": matter.status.value,
        "rule": {"basis": matter.rule_basis.value, "threshold": matter.threshold_percent,
                 "quorum": matter.quorum_percent},
        "households_total": result["households_total"], "households_voted": result["households_voted"],
        "tally": result["tally"] if decided else None,
        "passed": matter.passed if decided else None,
        "elected": result.get("elected") if decided and matter.is_election else None,
        "seats": matter.seats if matter.is_election else None,
        "choices": [{"code": c.code, "label": c.label} for c in matter.choices],
        "opens_on": matter.opens_on.isoformat() if matter.opens_on else None,
        "closes_on": matter.closes_on.isoformat() if matter.closes_on else None,
        "groups": [{"group": g["group"], "households": g["households"], "voted": g["voted"],
                    "tally": g["tally"] if decided else None} for g in result["groups"]],
        "result_disclosure_id": matter.result_disclosure_id,
    }

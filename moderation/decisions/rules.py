"""The passing rule, as pure functions over plain numbers (no database): unit-tested on their own.

A matter passes when the households for ``yes`` are MORE than ``threshold`` percent of the basis:
every household of the community (``all_households``, the default) or the households that took
part (``voting_households``). A meeting counts only when MORE than ``quorum`` percent of its
group's households were represented. In an election each household may vote for up to ``seats``
candidates; a candidate is elected with more than the threshold, the best first, up to the seats;
a tie for the last seat leaves it unfilled (another round is needed)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rule:
    basis: str = "all_households"
    threshold: int = 50
    quorum: int = 50


@dataclass
class GroupInput:
    code: str
    name: str
    households: int
    meetings: list[dict] = field(default_factory=list)  # {"represented": n, "tally": {choice: n}}
    ballots: int = 0  # ballots cast (web and paper)
    ballot_tally: dict[str, int] = field(default_factory=dict)


def more_than(part: int, whole: int, percent: int) -> bool:
    """``part`` is more than ``percent`` % of ``whole`` (exact, in integers)."""
    return whole > 0 and part * 100 > percent * whole


def meeting_valid(represented: int, households: int, quorum: int) -> bool:
    return more_than(represented, households, quorum)


def _add(into: dict[str, int], tally: dict[str, int]) -> None:
    for code, n in tally.items():
        into[code] = into.get(code, 0) + int(n)


def count_group(g: GroupInput, rule: Rule, choices: list[str]) -> dict:
    """Households that voted and the tally of one group (meetings below the quorum left out)."""
    tally = dict.fromkeys(choices, 0)
    voted = 0
    invalid = 0
    for m in g.meetings:
        if not meeting_valid(m["represented"], g.households, rule.quorum):
            invalid += 1
            continue
        voted += m["represented"]
        _add(tally, m["tally"])
    voted += g.ballots
    _add(tally, g.ballot_tally)
    return {"group": g.code, "name": g.name, "households": g.households, "voted": voted, "tally": tally,
            "meetings": len(g.meetings), "invalid_meetings": invalid}


def basis_count(households: int, voted: int, rule: Rule) -> int:
    return voted if rule.basis == "voting_households" else households


def question_passed(tally: dict[str, int], households: int, voted: int, rule: Rule) -> bool:
    return more_than(tally.get("yes", 0), basis_count(households, voted, rule), rule.threshold)


def elect(tally: dict[str, int], seats: int, households: int, voted: int, rule: Rule,
          order: list[str]) -> tuple[list[str], bool]:
    """(elected candidate codes, best first; whether a tie left a seat unfilled)."""
    basis = basis_count(households, voted, rule)
    eligible = [c for c in order if more_than(tally.get(c, 0), basis, rule.threshold)]
    eligible.sort(key=lambda c: (-tally.get(c, 0), order.index(c)))
    if len(eligible) <= seats:
        return eligible, False
    boundary = tally.get(eligible[seats - 1], 0)
    if tally.get(eligible[seats], 0) < boundary:
        return eligible[:seats], False
    return [c for c in eligible if tally.get(c, 0) > boundary], True


def compute(groups: list[GroupInput], rule: Rule, choices: list[str], election: bool = False,
            seats: int = 1) -> dict:
    """The result per group and in total: what the matter page, the API and the disclosure show."""
    rows = [count_group(g, rule, choices) for g in groups]
    total_tally = dict.fromkeys(choices, 0)
    for r in rows:
        _add(total_tally, r["tally"])
    households = sum(r["households"] for r in rows)
    voted = sum(r["voted"] for r in rows)
    out = {"households_total": households, "households_voted": voted, "tally": total_tally,
           "groups": rows, "rule": {"basis": rule.basis, "threshold": rule.threshold, "quorum": rule.quorum}}
    if election:
        for r in rows:
            r["elected"], r["tie"] = elect(r["tally"], seats, r["households"], r["voted"], rule, choices)
            r["passed"] = len(r["elected"]) == seats
        out["elected"], out["tie"] = elect(total_tally, seats, households, voted, rule, choices)
        out["passed"] = len(out["elected"]) == seats
        out["seats"] = seats
    else:
        for r in rows:
            r["passed"] = question_passed(r["tally"], r["households"], r["voted"], rule)
        out["passed"] = question_passed(total_tally, households, voted, rule)
    return out

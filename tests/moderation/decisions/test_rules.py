"""The passing rule on plain numbers: thresholds are strict (more than 50 %), the basis, the
meeting quorum, per group and in total, and elections with several seats."""
from __future__ import annotations

import pytest

from moderation.decisions.rules import GroupInput, Rule, compute, elect, meeting_valid, more_than

YN = ["yes", "no", "abstain"]


def test_more_than_is_strict_and_exact():
    assert not more_than(50, 100, 50)
    assert more_than(51, 100, 50)
    assert not more_than(117, 234, 50)  # exactly half
    assert more_than(118, 234, 50)
    assert not more_than(0, 0, 50)  # nothing to count never passes
    assert more_than(1, 3, 33) and not more_than(1, 3, 34)


def test_meeting_quorum_is_more_than_half_of_the_groups_households():
    assert not meeting_valid(60, 120, 50)
    assert meeting_valid(61, 120, 50)


def test_all_households_basis_counts_households_that_did_not_vote_as_not_yes():
    g = GroupInput("TDP01", "Tổ 1", households=100, ballots=60, ballot_tally={"yes": 50, "no": 8, "abstain": 2})
    out = compute([g], Rule(), YN)
    assert out["households_voted"] == 60 and out["tally"] == {"yes": 50, "no": 8, "abstain": 2}
    assert out["passed"] is False  # 50 of 100 households is not more than half
    out = compute([g], Rule(basis="voting_households"), YN)
    assert out["passed"] is True  # 50 of 60 households that took part


def test_voting_households_basis_counts_abstentions_in_the_basis():
    g = GroupInput("TDP01", "Tổ 1", households=100, ballots=80, ballot_tally={"yes": 40, "no": 30, "abstain": 10})
    assert compute([g], Rule(basis="voting_households"), YN)["passed"] is False  # 40/80 is exactly half


def test_meeting_below_quorum_is_left_out_and_flagged():
    g = GroupInput("TDP01", "Tổ 1", households=100,
                   meetings=[{"represented": 50, "tally": {"yes": 50}}], ballots=0)
    out = compute([g], Rule(), YN)
    assert out["groups"][0]["invalid_meetings"] == 1
    assert out["households_voted"] == 0 and out["tally"]["yes"] == 0 and out["passed"] is False
    out = compute([g], Rule(quorum=40), YN)  # the quorum is a setting
    assert out["groups"][0]["invalid_meetings"] == 0 and out["passed"] is False  # 50/100 not > 50 %


def test_mixed_meeting_and_ballots_add_up_per_group_and_in_total():
    g1 = GroupInput("TDP05", "Tổ 5", households=240,
                    meetings=[{"represented": 180, "tally": {"yes": 160, "no": 15, "abstain": 5}}],
                    ballots=40, ballot_tally={"yes": 30, "no": 10})
    g2 = GroupInput("TDP06", "Tổ 6", households=228, ballots=192, ballot_tally={"yes": 170, "no": 20, "abstain": 2})
    out = compute([g1, g2], Rule(), YN)
    assert out["households_total"] == 468 and out["households_voted"] == 412
    assert out["tally"] == {"yes": 360, "no": 45, "abstain": 7}
    assert [g["voted"] for g in out["groups"]] == [220, 192]
    assert [g["passed"] for g in out["groups"]] == [True, True]
    assert out["passed"] is True


def test_total_can_pass_while_one_group_does_not():
    g1 = GroupInput("A", "A", households=100, ballots=90, ballot_tally={"yes": 90})
    g2 = GroupInput("B", "B", households=100, ballots=40, ballot_tally={"yes": 20, "no": 20})
    out = compute([g1, g2], Rule(), YN)
    assert [g["passed"] for g in out["groups"]] == [True, False]
    assert out["passed"] is True  # 110 of 200


def test_threshold_setting_two_thirds():
    g = GroupInput("A", "A", households=90, ballots=90, ballot_tally={"yes": 60, "no": 30})
    assert compute([g], Rule(threshold=66), YN)["passed"] is True  # 60/90 = 66.7 %
    assert compute([g], Rule(threshold=67), YN)["passed"] is False


CANDS = ["c1", "c2", "c3", "c4", "c5"]


def test_election_two_seats_best_first_above_half():
    tally = {"c1": 70, "c2": 55, "c3": 60, "c4": 10, "c5": 0}
    elected, tie = elect(tally, 2, households=100, voted=90, rule=Rule(), order=CANDS)
    assert elected == ["c1", "c3"] and not tie


def test_election_fewer_above_threshold_than_seats_leaves_seats_unfilled():
    tally = {"c1": 70, "c2": 50, "c3": 40}
    elected, tie = elect(tally, 2, households=100, voted=100, rule=Rule(), order=CANDS[:3])
    assert elected == ["c1"] and not tie  # 50 of 100 is not more than half


def test_election_tie_for_the_last_seat_is_not_decided():
    tally = {"c1": 80, "c2": 60, "c3": 60}
    elected, tie = elect(tally, 2, households=100, voted=100, rule=Rule(), order=CANDS[:3])
    assert elected == ["c1"] and tie
    elected, tie = elect(tally, 3, households=100, voted=100, rule=Rule(), order=CANDS[:3])
    assert elected == ["c1", "c2", "c3"] and not tie


def test_election_three_seats_counted_over_groups():
    g1 = GroupInput("A", "A", households=60,
                    meetings=[{"represented": 50, "tally": {"c1": 45, "c2": 40, "c3": 20, "c4": 35}}])
    g2 = GroupInput("B", "B", households=40, ballots=30, ballot_tally={"c1": 25, "c2": 10, "c3": 28, "c4": 20})
    out = compute([g1, g2], Rule(), CANDS[:4], election=True, seats=3)
    assert out["tally"] == {"c1": 70, "c2": 50, "c3": 48, "c4": 55}
    # basis 100 households: c1 (70) and c4 (55) pass; c2 has 50, not more than half
    assert out["elected"] == ["c1", "c4"] and out["passed"] is False and out["tie"] is False
    out = compute([g1, g2], Rule(basis="voting_households"), CANDS[:4], election=True, seats=3)
    assert out["households_voted"] == 80
    assert out["elected"] == ["c1", "c4", "c2"] and out["passed"] is True
    assert out["groups"][0]["elected"] == ["c1", "c2", "c4"]


@pytest.mark.parametrize("seats", [1, 2, 3])
def test_never_more_elected_than_seats(seats):
    tally = {c: 90 - i for i, c in enumerate(CANDS)}
    elected, tie = elect(tally, seats, households=100, voted=100, rule=Rule(), order=CANDS)
    assert elected == CANDS[:seats] and not tie

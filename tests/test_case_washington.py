"""State of Washington v. Trump (W.D. Wash. and 9th Cir., 2017), as recorded.

A restraining order granted after a hearing to run "pending further orders" is appealed at
once as a preliminary injunction; the court of appeals refuses an administrative stay and then
a stay; the President replaces the order and the government drops its appeal. The dates of
the decisions are checked against a table whose every row names its source (the one the
scenario's event cites).
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from simulator import Scenario
from simulator.decider import Machine, replay
from simulator.law.enjoined import enjoined
from simulator.law.invariants import broken
from simulator.scenario import load_scenario, trace_scenario

D = datetime.date.fromisoformat
SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


@pytest.fixture(scope="module")
def washington() -> Scenario:
    return load_scenario(SCENARIOS / "washington-v-trump.yaml")


DECISIONS = [
    # 82 Fed. Reg. 8977: "Executive Order 13769 of January 27, 2017"
    pytest.param("order_issued", "", "2017-01-27", id="executive-order-13769"),
    # Temporary Restraining Order, ECF 52, "02-03-2017"; 2017 WL 462040
    pytest.param("tro_granted", "district", "2017-02-03", id="restraining-order"),
    # Order of the Ninth Circuit, "FILED FEB 04 2017"
    pytest.param(
        "administrative_stay_denied", "appeals", "2017-02-04", id="no-administrative-stay"
    ),
    # GPO FDsys, USCOURTS-ca9-17-35105: "February 9, 2017 ... DENIED"; 847 F.3d 1151
    pytest.param("stay_denied", "appeals", "2017-02-09", id="stay-denied"),
    # 82 Fed. Reg. 13209; 82 Fed. Reg. 27965 on the effective date of Mar. 16
    pytest.param("order_revoked", "", "2017-03-06", id="executive-order-13780"),
    # 858 F.3d 1168: "the government's unopposed motion to dismiss ... Order, Mar. 8, 2017"
    pytest.param("appeal_dismissed", "appeals", "2017-03-08", id="appeal-dismissed"),
    # ECF 190: "the Court's May 17, 2017 Order Granting Motion for Stay, Dkt. # 189"
    pytest.param("proceedings_stayed", "district", "2017-05-17", id="case-stayed"),
]


@pytest.mark.parametrize(("kind", "court", "day"), DECISIONS)
def test_washington_decision_dates(washington: Scenario, kind: str, court: str, day: str) -> None:
    assert D(day) in [e.date for e in washington.events if e.type == kind and e.court == court]


def test_every_event_is_sourced_and_marked(washington: Scenario) -> None:
    for event in washington.events:
        assert event.source.strip(), event
        assert event.confidence in ("verified", "partly", "unverified")
        if event.confidence != "verified":
            assert event.note.strip(), event
    (suit,) = washington.lawsuits
    assert (suit.district_docket, suit.appeals_docket) == ("2:17-cv-00141-JLR", "17-35105")


def test_the_restraining_order_was_appealable_and_did_not_lapse(washington: Scenario) -> None:
    steps = trace_scenario(washington)
    rules = [step.rule.id for step in steps]
    assert "tro.grant.until_further_order" in rules
    assert rules[rules.index("tro.grant.until_further_order") + 1] == "appeal.notice"
    # Feb. 17, 2017 would have been the 14th day: the order was still in force in March
    machine = Machine(replay(washington.events, until=D("2017-02-09")))
    machine.advance(D("2017-03-01"))
    suit = machine.freeze().lawsuit("washington")
    assert suit is not None
    assert (suit.tro, suit.tro_expires) == ("in_force", None)


def test_the_ninth_circuit_refused_an_administrative_stay_then_a_stay(
    washington: Scenario,
) -> None:
    rules = [step.rule.id for step in trace_scenario(washington)]
    assert rules.index("admin_stay.deny") < rules.index("stay.hear.appeals")
    assert rules.index("stay.hear.appeals") < rules.index("stay.deny.appeals")
    state = replay(washington.events, until=D("2017-02-09"))
    suit = state.lawsuit("washington")
    assert suit is not None
    assert (suit.admin_stay, suit.stay_appeals, suit.tro) == ("denied", "denied", "in_force")
    assert enjoined(state).extent == "fully"


def test_it_ends_replaced_with_the_appeal_dropped_and_the_case_not_held_moot(
    washington: Scenario,
) -> None:
    state = replay(washington.events)
    assert (state.policy.policy, state.policy.revoked_on) == ("replaced", D("2017-03-16"))
    suit = state.lawsuit("washington")
    assert suit is not None
    assert (suit.appeal, suit.trial, suit.moot) == ("dismissed", "stayed", False)
    assert enjoined(state).extent == "not"  # nothing left of the replaced order to enjoin
    assert broken(state) == []
    # before the revocation took effect on Mar. 16 the old order was still enjoined
    assert enjoined(replay(washington.events, until=D("2017-03-08"))).extent == "fully"

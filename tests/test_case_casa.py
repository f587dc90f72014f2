"""A real case as recorded: Trump v. CASA, Inc. (2025), and Barbara v. Trump on the same order.

The scenario must replay under the law of 2025 and end where the real cases stood: the Maryland
injunction partly stayed by the Supreme Court on June 27, 2025, the New Hampshire class
provisionally certified and protected by a class-wide injunction, and certiorari granted before
judgment. The dates of the court decisions are checked against a table whose every row names the
source the date was checked against (the same source the scenario's event cites).
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from simulator import Event, IllegalTransition, Scenario
from simulator.decider import Machine, replay
from simulator.law.enjoined import enjoined
from simulator.scenario import load_scenario, trace_scenario

D = datetime.date.fromisoformat
SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


@pytest.fixture(scope="module")
def casa() -> Scenario:
    return load_scenario(SCENARIOS / "trump-v-casa.yaml")


def dates_of(scenario: Scenario, kind: str, case: str, court: str = "") -> list[datetime.date]:
    return [
        e.date
        for e in scenario.events
        if e.type == kind and e.case == case and (not court or e.court == court)
    ]


def before(scenario: Scenario, kind: str, case: str) -> list[Event]:
    """The recorded events up to, not including, the first `kind` event of `case`."""
    for index, event in enumerate(scenario.events):
        if event.type == kind and event.case == case:
            return list(scenario.events[:index])
    raise AssertionError(f"no {kind} in {case}")


def probe(kind: str, day: str, **fields: Any) -> Event:
    return Event(kind, D(day), united_states_party=True, **fields)


DECISIONS = [
    # Executive Order 14160, 90 Fed. Reg. 8449 "(Jan. 20, 2025)" (ABA Preview)
    pytest.param("order_issued", "", "", "2025-01-20", id="executive-order-14160"),
    # 4th Cir. order of Feb. 28, 2025 (Volokh): "the district court's February 5, 2025, preliminary
    # injunction"
    pytest.param("injunction_granted", "casa", "district", "2025-02-05", id="universal-pi"),
    # Bloomberg Tax: "Casa Inc. v. Trump, D. Md., No. 8:25-cv-00201, 2/18/25"
    pytest.param("stay_denied", "casa", "district", "2025-02-18", id="district-stay-denied"),
    # Volokh Conspiracy, Feb. 28, 2025, quoting the order ("accordingly deny its motion")
    pytest.param("stay_denied", "casa", "appeals", "2025-02-28", id="fourth-circuit-stay-denied"),
    # supremecourt.gov, "Today at the Court - Thursday, May 15, 2025"; order of April 17, 2025
    pytest.param("hearing_held", "casa", "supreme", "2025-05-15", id="application-argued"),
    # Trump v. CASA, Inc., No. 24A884 (June 27, 2025), opinion of the Court
    pytest.param("application_granted", "casa", "supreme", "2025-06-27", id="partial-stays"),
    # JD Supra: "Orders, Barbara et al. v. Trump et al. ... (D.N.H. July 10, 2025), Dkt. Nos. 63-64"
    pytest.param("class_certified", "barbara", "district", "2025-07-10", id="barbara-class"),
    pytest.param("injunction_granted", "barbara", "district", "2025-07-10", id="barbara-class-pi"),
    # AP, July 16, 2025: "said in an opinion Wednesday that she would grant class action status"
    pytest.param("indicative_ruling", "casa", "district", "2025-07-16", id="indicative-ruling"),
    # Fragomen, Aug. 8, 2025: "On August 7, 2025, a Maryland federal district court certified"
    pytest.param("class_certified", "casa", "district", "2025-08-07", id="casa-class"),
    # Georgetown ICAP: "8/7/25 - U.S. District Court of Maryland granted a class-wide
    # preliminary injunction"
    pytest.param("injunction_granted", "casa", "district", "2025-08-07", id="casa-class-pi"),
    # particle.news: "filed two petitions on Sept. 26"; docketed Sept. 29 (Epoch Times)
    pytest.param("cert_petition_filed", "barbara", "supreme", "2025-09-26", id="petition-25-365"),
    # SCOTUSblog, Dec. 5, 2025; appalachianpost.com citing the docket of No. 25-365
    pytest.param("cert_granted", "barbara", "supreme", "2025-12-05", id="certiorari-granted"),
]


@pytest.mark.parametrize(("kind", "case", "court", "day"), DECISIONS)
def test_casa_decision_dates(casa: Scenario, kind: str, case: str, court: str, day: str) -> None:
    assert D(day) in dates_of(casa, kind, case, court)


def test_casa_loads_with_both_lawsuits_and_their_courts(casa: Scenario) -> None:
    assert casa.id == "trump-v-casa"
    suits = {suit.id: suit for suit in casa.lawsuits}
    assert list(suits) == ["casa", "barbara"]
    assert suits["casa"].district_docket == "8:25-cv-00201-DLB"
    assert suits["casa"].appeals_docket == "25-1153"
    assert "Boardman" in suits["casa"].judge
    assert suits["barbara"].district_docket == "1:25-cv-00244-JL-AJ"
    assert "Laplante" in suits["barbara"].judge
    assert all(suit.united_states_party for suit in casa.lawsuits)
    (issued,) = [e for e in casa.events if e.type == "order_issued"]
    assert issued.effective == D("2025-02-19")


def test_casa_every_event_is_sourced_and_marked(casa: Scenario) -> None:
    for event in casa.events:
        assert event.source.strip(), f"{event.type} on {event.date} has no source"
        assert event.confidence in ("verified", "partly", "unverified")
        if event.confidence != "verified":
            assert event.note.strip(), f"{event.type} on {event.date} does not say why"
        if event.type != "order_issued":
            assert event.case in ("casa", "barbara"), f"{event.type} on {event.date} has no case"


@pytest.mark.parametrize(
    ("kind", "case", "motion", "court"),
    [
        # recorded on the earliest day the record allows: their dates were not found
        pytest.param("motion_filed", "casa", "stay", "district", id="district-stay-motion"),
        pytest.param(
            "motion_filed", "barbara", "class_certification", "district", id="barbara-class-motion"
        ),
        pytest.param(
            "motion_filed", "barbara", "preliminary_injunction", "district", id="barbara-pi-motion"
        ),
        pytest.param("notice_of_appeal_filed", "barbara", "", "district", id="barbara-appeal"),
        pytest.param("limited_remand", "casa", "", "appeals", id="fourth-circuit-remand"),
    ],
)
def test_casa_undated_steps_are_unverified_and_say_why(
    casa: Scenario, kind: str, case: str, motion: str, court: str
) -> None:
    (event,) = [
        e for e in casa.events if (e.type, e.case, e.motion, e.court) == (kind, case, motion, court)
    ]
    assert event.confidence == "unverified"
    assert "earliest" in event.note


def test_casa_ends_with_a_class_wide_injunction_in_place_of_the_universal_one(
    casa: Scenario,
) -> None:
    narrowed = replay(casa.events, until=D("2025-08-06")).lawsuit("casa")
    assert narrowed is not None
    assert (narrowed.injunction, narrowed.scope) == ("modifying", "universal")
    suit = replay(casa.events).lawsuit("casa")
    assert suit is not None
    assert (suit.injunction, suit.scope) == ("in_force", "class")
    assert (suit.application, suit.application_for) == ("granted", "stay")
    assert suit.appeal == "pending"
    assert suit.indicative == "remanded"
    assert suit.class_action == "certified"
    (granted,) = [e for e in casa.events if e.type == "application_granted"]
    assert (granted.date, granted.extent) == (D("2025-06-27"), "partial")


def test_barbara_ends_with_its_class_protected_and_certiorari_granted(casa: Scenario) -> None:
    suit = replay(casa.events).lawsuit("barbara")
    assert suit is not None
    assert suit.class_action == "provisional"
    assert (suit.injunction, suit.scope) == ("in_force", "class")
    assert suit.appeal == "pending"
    assert suit.supreme == "granted"


@pytest.mark.parametrize(
    ("day", "extent", "by"),
    [
        pytest.param("2025-02-04", "not", (), id="before-the-injunction"),
        pytest.param("2025-02-05", "fully", ("casa",), id="universal-injunction"),
        # the Court stays the universal injunction except for the plaintiffs
        pytest.param("2025-06-27", "partly", ("casa",), id="partial-stay"),
        # the class-wide injunction in New Hampshire protects everyone the order reaches again
        pytest.param("2025-07-10", "fully", ("casa", "barbara"), id="class-wide-injunction"),
        pytest.param("2025-12-05", "fully", ("casa", "barbara"), id="certiorari-granted"),
    ],
)
def test_casa_how_far_the_order_was_enjoined(
    casa: Scenario, day: str, extent: str, by: tuple[str, ...]
) -> None:
    standing = enjoined(replay(casa.events, until=D(day)))
    assert (standing.extent, standing.by) == (extent, by)


def test_after_june_27_a_universal_injunction_is_refused_and_a_class_one_allowed(
    casa: Scenario,
) -> None:
    given = before(casa, "injunction_granted", "barbara")
    machine = Machine(replay(given))
    universal = probe("injunction_granted", "2025-07-10", case="barbara", scope="universal")
    with pytest.raises(IllegalTransition) as refused:
        machine.check(universal)
    assert "Trump v. CASA" in refused.value.citation
    classwide = probe("injunction_granted", "2025-07-10", case="barbara", scope="class")
    assert machine.check(classwide).id == "injunction.grant.class"


def test_a_class_wide_injunction_needs_the_class_certified_first(casa: Scenario) -> None:
    given = before(casa, "class_certified", "barbara")
    classwide = probe("injunction_granted", "2025-07-10", case="barbara", scope="class")
    with pytest.raises(IllegalTransition) as refused:
        Machine(replay(given)).check(classwide)
    assert "FRCP 23(b)(2)" in refused.value.citation


def test_the_universal_injunction_of_february_was_still_allowed(casa: Scenario) -> None:
    given = before(casa, "injunction_granted", "casa")
    universal = probe("injunction_granted", "2025-02-05", case="casa", scope="universal")
    assert Machine(replay(given)).check(universal).id == "injunction.grant.universal"


def test_casa_used_the_rules_for_its_procedure(casa: Scenario) -> None:
    rules = {
        (s.event.case, s.event.court, s.event.type, s.event.motion): s.rule.id
        for s in trace_scenario(casa)
    }
    expected = {
        ("casa", "district", "motion_filed", "stay"): "stay.move.district",
        ("casa", "appeals", "motion_filed", "stay"): "stay.move.appeals",
        ("casa", "supreme", "hearing_held", "stay"): "application.argue",
        ("casa", "supreme", "application_granted", ""): "application.grant.partial",
        ("casa", "district", "complaint_amended", ""): "complaint.amend",
        ("casa", "district", "indicative_ruling", ""): "indicative.state",
        ("casa", "appeals", "limited_remand", ""): "indicative.remand",
        ("casa", "district", "class_certified", ""): "class.certify",
        ("casa", "district", "motion_filed", "preliminary_injunction"): ("injunction.move.modify"),
        ("barbara", "district", "class_certified", ""): "class.certify.provisional",
        ("barbara", "district", "injunction_granted", ""): "injunction.grant.class",
        ("barbara", "supreme", "cert_petition_filed", ""): "cert.petition.before_judgment",
        ("barbara", "supreme", "cert_granted", ""): "cert.grant",
    }
    for step, rule in expected.items():
        assert rules[step] == rule, step


def test_casa_the_august_class_wide_injunction_replaces_the_narrowed_one(casa: Scenario) -> None:
    """Boardman's class-wide injunction of Aug. 7, 2025 came while her first one stood partly
    stayed and on appeal: a new injunction in its place while the appeal is pending
    (FRCP 62(d)), for the class certified the same day."""
    steps = trace_scenario(casa)
    (august,) = [
        s for s in steps if s.event.type == "injunction_granted" and s.event.date == D("2025-08-07")
    ]
    assert august.rule.id == "injunction.modify.class"
    universal = probe("injunction_granted", "2025-08-07", case="casa", scope="universal")
    with pytest.raises(IllegalTransition) as refused:
        Machine(replay([e for e in casa.events if e.date < D("2025-08-07")])).check(universal)
    assert "Trump v. CASA" in refused.value.citation

"""The 2025 IEEPA tariff cases as recorded: V.O.S. Selections, Inc. v. Trump (Court of
International Trade, Federal Circuit en banc, S. Ct. No. 25-250) and Learning Resources, Inc. v.
Trump (D.D.C., certiorari before judgment, S. Ct. No. 24-1287), decided together on Feb. 20, 2026.

The scenario must replay without an illegal step and end where the real cases ended. The dates of
the court decisions are checked against a table whose every row names the source the date was
checked against (the same source the scenario's event cites).
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

from simulator import Scenario
from simulator.decider import replay, trace
from simulator.events import Event
from simulator.law.enjoined import enjoined
from simulator.projections.outcome import outcome
from simulator.scenario import load_scenario, trace_scenario

D = datetime.date.fromisoformat
SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
SET_ASIDE = "order set aside by a court"


@pytest.fixture(scope="module")
def tariffs() -> Scenario:
    return load_scenario(SCENARIOS / "tariffs-2025.yaml")


def dates_of(scenario: Scenario, kind: str, case: str = "") -> list[datetime.date]:
    return [e.date for e in scenario.events if e.type == kind and (not case or e.case == case)]


def with_relief_vacated(events: tuple[Event, ...]) -> list[Event]:
    """The record with the relief the Federal Circuit vacated named on its judgment.

    The scenario loader does not yet take ``relief:`` on appeal_decided, so the file cannot
    say it; the model itself does (an affirmance in part names the relief it vacates).
    """
    named: dict[str, Any] = {"relief": ("permanent_injunction",)}
    return [attrs.evolve(e, **named) if e.type == "appeal_decided" else e for e in events]


TARIFF_DATES = [
    # Exec. Order 14193 "of February 1, 2025", 90 Fed. Reg. 9113; EO 14194, 90 Fed. Reg. 9117
    pytest.param("order_issued", "", ["2025-02-01"], id="trafficking-orders"),
    # Trade Law Daily: "in an order issued late on April 22"; the order quoted by Law&Crime
    pytest.param("tro_denied", "vos", ["2025-04-22"], id="cit-tro-denied"),
    # Slip Op. 25-66 (CourtListener RECAP doc 55, quoted on DU, "Wed May 28, 2025"), p. 49
    pytest.param("judgment_entered", "vos", ["2025-05-28"], id="cit-summary-judgment"),
    # Fed. Cir. order of May 29 (fedcircuitblog full text; file 25-1812.ORDER.5-29-2025)
    pytest.param(
        "administrative_stay_granted", "vos", ["2025-05-29"], id="fed-cir-administrative-stay"
    ),
    # Thompson Hine and Crowell & Moring: "On May 29 ... granting a preliminary injunction"
    pytest.param(
        "injunction_granted", "learning-resources", ["2025-05-29"], id="ddc-preliminary-injunction"
    ),
    # International Trade Today: "on June 3 stayed its decision ... pending the government's appeal"
    pytest.param("stay_granted", "learning-resources", ["2025-06-03"], id="ddc-stay"),
    # fedcircuitblog (June 11): "Late yesterday"; Trade Law Daily: "on June 10 stayed"
    pytest.param("stay_granted", "vos", ["2025-06-10"], id="fed-cir-stay-pending-appeal"),
    # Trade Law Daily: "CAFC held oral argument in the case July 31"
    pytest.param("appeal_argued", "vos", ["2025-07-31"], id="fed-cir-en-banc-argument"),
    # fedcircuitblog (Aug. 29): "Late today, by a vote of 7-4"; Squire Patton Boggs
    pytest.param("appeal_decided", "vos", ["2025-08-29"], id="fed-cir-en-banc-decision"),
    # fedcircuitblog (Aug. 29): "order withholding issuance of the mandate through October 14"
    pytest.param("mandate_stayed", "vos", ["2025-08-29"], id="mandate-withheld"),
    # International Trade Today: "filed for Supreme Court review of their case on June 17"
    pytest.param(
        "cert_petition_filed", "learning-resources", ["2025-06-17"], id="cert-before-judgment"
    ),
    # MSNBC (Sept. 4): "filed a petition to the justices Wednesday night"
    pytest.param("cert_petition_filed", "vos", ["2025-09-03"], id="government-petition"),
    # Thompson Hine and Squire Patton Boggs: "granted certiorari on September 9"
    pytest.param("cert_granted", "", ["2025-09-09", "2025-09-09"], id="certiorari-granted"),
    # Apple Podcasts (Supreme Court oral argument): "Oral Argument: November 5, 2025"
    pytest.param("supreme_court_argued", "", ["2025-11-05", "2025-11-05"], id="argued"),
    # The opinion's judgment line (supremecourt.gov 24-1287_4gcj.pdf, quoted); David Lat
    pytest.param(
        "supreme_court_decided", "", ["2026-02-20", "2026-02-20"], id="supreme-court-decision"
    ),
]


@pytest.mark.parametrize(("kind", "case", "days"), TARIFF_DATES)
def test_tariffs_decision_dates(tariffs: Scenario, kind: str, case: str, days: list[str]) -> None:
    assert dates_of(tariffs, kind, case) == [D(day) for day in days]


def test_tariffs_loads_with_both_lawsuits_and_every_event_sourced(tariffs: Scenario) -> None:
    assert tariffs.id == "tariffs-2025"
    assert [suit.id for suit in tariffs.lawsuits] == ["vos", "learning-resources"]
    vos, learning = tariffs.lawsuits
    assert vos.district_court == "U.S. Court of International Trade"
    assert vos.district_docket == "1:25-cv-00066-GSK-TMR-JAR"
    assert vos.appeals_docket == "2025-1812"
    for judge in ("Katzmann", "Reif", "Restani"):
        assert judge in vos.judge
    assert learning.district_docket == "1:25-cv-01248-RC"
    assert "Contreras" in learning.judge
    assert all(suit.united_states_party for suit in tariffs.lawsuits)
    for event in tariffs.events:
        assert event.source.strip(), f"{event.type} on {event.date} has no source"
        assert event.summary.strip()
        assert event.confidence in ("verified", "partly", "unverified")
        if event.confidence != "verified":
            assert event.note.strip(), f"{event.type} on {event.date} does not say why"
    (issued,) = [e for e in tariffs.events if e.type == "order_issued"]
    assert "14193" in issued.summary
    assert "14257" in issued.summary


def test_tariffs_unverified_steps_are_the_ones_the_law_needs(tariffs: Scenario) -> None:
    unverified = [(e.type, e.case, e.date) for e in tariffs.events if e.confidence == "unverified"]
    assert unverified == [
        ("motion_filed", "learning-resources", D("2025-04-22")),  # before the injunction
        ("notice_of_appeal_filed", "learning-resources", D("2025-05-29")),  # before cert
    ]


def test_cit_judgment_declares_vacates_and_enjoins_for_everyone(tariffs: Scenario) -> None:
    (judgment,) = [e for e in tariffs.events if e.type == "judgment_entered"]
    assert judgment.disposition == "plaintiffs"
    assert set(judgment.relief) == {"declaratory_judgment", "vacatur", "permanent_injunction"}
    assert judgment.scope == "universal"  # before Trump v. CASA (June 27, 2025)
    assert judgment.date < D("2025-06-27")
    suit = replay(tariffs.events, until=D("2025-05-28")).lawsuit("vos")
    assert suit is not None
    assert (suit.injunction, suit.scope) == ("in_force", "universal")


def test_the_stays_went_below_first(tariffs: Scenario) -> None:
    stays = [e for e in tariffs.events if e.type == "motion_filed" and e.motion == "stay"]
    assert [(e.case, e.court) for e in stays] == [
        ("vos", "district"),
        ("vos", "appeals"),
        ("learning-resources", "district"),
    ]
    # the Federal Circuit's order of May 29 says the trade court had been asked first
    assert not any(e.impracticable for e in stays)


def rules_by_step(scenario: Scenario) -> dict[tuple[str, str, str], list[str]]:
    """The rules that allowed each step, by (lawsuit, event type, motion)."""
    rules: dict[tuple[str, str, str], list[str]] = {}
    for step in trace_scenario(scenario):
        key = (step.event.case, step.event.type, step.event.motion)
        rules.setdefault(key, []).append(step.rule.id)
    return rules


def test_tariffs_used_the_rules_for_their_procedure(tariffs: Scenario) -> None:
    rules = rules_by_step(tariffs)
    assert rules[("vos", "judgment_entered", "")] == ["judgment.plaintiffs"]
    assert rules[("vos", "motion_filed", "stay")] == ["stay.move.district", "stay.move.appeals"]
    assert rules[("vos", "administrative_stay_granted", "")] == ["admin_stay.grant"]
    assert rules[("vos", "stay_granted", "")] == ["stay.grant.appeals"]
    assert rules[("vos", "appeal_decided", "")] == ["appeal.affirm_in_part"]
    assert rules[("vos", "mandate_stayed", "")] == ["mandate.stay"]
    assert rules[("vos", "cert_petition_filed", "")] == ["cert.petition"]
    assert rules[("vos", "supreme_court_decided", "")] == ["supreme.affirm"]
    learning = "learning-resources"
    assert rules[(learning, "injunction_granted", "")] == ["injunction.grant.parties"]
    assert rules[(learning, "stay_granted", "")] == ["stay.grant.district"]
    assert rules[(learning, "cert_petition_filed", "")] == ["cert.petition.before_judgment"]
    assert rules[(learning, "supreme_court_decided", "")] == ["supreme.vacate"]


def test_vos_ends_with_the_orders_set_aside(tariffs: Scenario) -> None:
    suit = replay(tariffs.events).lawsuit("vos")
    assert suit is not None
    assert suit.appeal_disposition == "affirmed_in_part"
    assert suit.supreme_disposition == "affirmed"
    assert "vacatur" in suit.final_relief
    assert outcome(trace(list(tariffs.events))).policy == SET_ASIDE


def test_vos_with_the_relief_the_federal_circuit_named_vacates_the_injunction(
    tariffs: Scenario,
) -> None:
    events = with_relief_vacated(tariffs.events)
    suit = replay(events).lawsuit("vos")
    assert suit is not None
    assert suit.injunction == "vacated"
    assert suit.final_relief == ("declaratory_judgment", "vacatur")
    assert outcome(trace(events)).policy == SET_ASIDE
    assert enjoined(replay(events)).extent == "fully"  # the orders stay set aside


def test_vos_universal_injunction_vacated_as_recorded(tariffs: Scenario) -> None:
    (decided,) = [e for e in tariffs.events if e.type == "appeal_decided"]
    assert decided.relief == ("permanent_injunction",)
    suit = replay(tariffs.events).lawsuit("vos")
    assert suit is not None
    assert suit.injunction == "vacated"


def test_learning_resources_ends_vacated_by_the_supreme_court(tariffs: Scenario) -> None:
    suit = replay(tariffs.events).lawsuit("learning-resources")
    assert suit is not None
    assert suit.supreme_disposition == "vacated"
    assert suit.injunction == "vacated"
    assert suit.appeal == "superseded"  # certiorari before judgment overtook the D.C. Circuit
    assert suit.scope == "parties"

"""Two real cases as recorded: Trump v. Hawaii (2017-2018) and the Steel Seizure Case (1952).

Each scenario must replay under the law of its time and end where the real case ended. The
dates of the court decisions are checked against a table whose every row names the source
the date was checked against (the same source the scenario's event cites).
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from simulator import Scenario
from simulator.decider import replay
from simulator.law.enjoined import enjoined
from simulator.scenario import load_scenario, trace_scenario

D = datetime.date.fromisoformat
SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


@pytest.fixture(scope="module")
def hawaii() -> Scenario:
    return load_scenario(SCENARIOS / "trump-v-hawaii.yaml")


@pytest.fixture(scope="module")
def youngstown() -> Scenario:
    return load_scenario(SCENARIOS / "youngstown.yaml")


def dates_of(scenario: Scenario, kind: str, court: str = "") -> list[datetime.date]:
    return [e.date for e in scenario.events if e.type == kind and (not court or e.court == court)]


# --- Trump v. Hawaii -----------------------------------------------------------------------

HAWAII_DECISIONS = [
    # Proclamation 9645 "of September 24, 2017", 82 Fed. Reg. 45161
    pytest.param("order_issued", "", "2017-09-24", id="proclamation-9645"),
    # ECF No. 387, "Filed 10/17/17" (Scribd copy of the order; Justia Filing 387)
    pytest.param("tro_granted", "district", "2017-10-17", id="tro"),
    # Reuters, Oct. 21, 2017: "on Friday converted his temporary restraining order"
    pytest.param("injunction_granted", "district", "2017-10-20", id="preliminary-injunction"),
    # Religion Clause blog and UC Berkeley International Office (11/13/2017); 2017 WL 5343014
    pytest.param("stay_granted", "appeals", "2017-11-13", id="ninth-circuit-partial-stay"),
    # theofficerwolflion.com and Declaration17: "Trump v. Hawaii (Sup. Ct., Dec. 4, 2017)"
    pytest.param("application_granted", "supreme", "2017-12-04", id="supreme-court-stay"),
    # Opinion, 9th Cir. No. 17-17168, "FILED DEC 22 2017" (cetient, ecases.us); 878 F.3d 662
    pytest.param("appeal_decided", "appeals", "2017-12-22", id="ninth-circuit-opinion"),
    # The Atlantic; Volokh Conspiracy (2018/01/19): certiorari granted on January 19
    pytest.param("cert_granted", "supreme", "2018-01-19", id="certiorari-granted"),
    # Slip opinion syllabus, No. 17-965: "Decided June 26, 2018"
    pytest.param("supreme_court_decided", "supreme", "2018-06-26", id="supreme-court-decision"),
    # Big Island Now and AP (Aug. 13, 2018); the Clearinghouse's Oct. 2 closing date differs
    pytest.param("case_dismissed", "district", "2018-08-13", id="voluntary-dismissal"),
]


@pytest.mark.parametrize(("kind", "court", "day"), HAWAII_DECISIONS)
def test_hawaii_decision_dates(hawaii: Scenario, kind: str, court: str, day: str) -> None:
    assert dates_of(hawaii, kind, court) == [D(day)]


def test_hawaii_loads_with_its_parts_and_every_event_sourced(hawaii: Scenario) -> None:
    assert hawaii.id == "trump-v-hawaii"
    assert [suit.id for suit in hawaii.lawsuits] == ["hawaii"]
    assert hawaii.lawsuits[0].appeals_docket == "17-17168"
    for event in hawaii.events:
        assert event.source.strip(), f"{event.type} on {event.date} has no source"
        assert event.confidence in ("verified", "partly", "unverified")
        if event.confidence != "verified":
            assert event.note.strip(), f"{event.type} on {event.date} does not say why"
    (issued,) = [e for e in hawaii.events if e.type == "order_issued"]
    assert issued.effective == D("2017-10-18")
    assert set(issued.parts) == {
        "chad",
        "iran",
        "libya",
        "north_korea",
        "somalia",
        "syria",
        "venezuela",
        "yemen",
    }


def test_hawaii_orders_cover_six_countries_not_north_korea_or_venezuela(
    hawaii: Scenario,
) -> None:
    orders = [e for e in hawaii.events if e.type in ("tro_granted", "injunction_granted")]
    assert len(orders) == 2
    for order in orders:
        assert set(order.covers) == {"chad", "iran", "libya", "somalia", "syria", "yemen"}
    assert orders[1].scope == "universal"


def test_hawaii_ends_with_the_injunction_reversed(hawaii: Scenario) -> None:
    suit = replay(hawaii.events).lawsuit("hawaii")
    assert suit is not None
    assert suit.supreme_disposition == "reversed"
    assert suit.injunction == "vacated"
    assert suit.trial == "dismissed"


@pytest.mark.parametrize(
    ("day", "extent"),
    [
        # the proclamation's effective day: the TRO stops six of the eight countries
        pytest.param("2017-10-18", "partly", id="effective-day"),
        # the universal injunction of Oct. 20 still leaves North Korea and Venezuela alone
        pytest.param("2017-10-20", "partly", id="injunction"),
        # the Ninth Circuit's partial stay: in force only for those with a bona fide relationship
        pytest.param("2017-11-13", "partly", id="ninth-circuit-partial-stay"),
        # the Supreme Court stays the injunction in full
        pytest.param("2017-12-04", "not", id="supreme-court-stay"),
        # the Ninth Circuit affirms, but the Supreme Court's stay still holds
        pytest.param("2017-12-22", "not", id="ninth-circuit-opinion"),
    ],
)
def test_hawaii_how_far_the_proclamation_was_enjoined(
    hawaii: Scenario, day: str, extent: str
) -> None:
    assert enjoined(replay(hawaii.events, until=D(day))).extent == extent


def test_hawaii_north_korea_and_venezuela_were_never_enjoined(hawaii: Scenario) -> None:
    standing = enjoined(replay(hawaii.events, until=D("2017-10-18")))
    assert standing.free == ("north_korea", "venezuela")
    assert standing.by == ("hawaii",)


def rules_by_step(scenario: Scenario) -> dict[tuple[str, str], list[str]]:
    """The rules that allowed each step, by (event type, motion)."""
    rules: dict[tuple[str, str], list[str]] = {}
    for step in trace_scenario(scenario):
        rules.setdefault((step.event.type, step.event.motion), []).append(step.rule.id)
    return rules


def test_hawaii_used_the_new_rules_for_its_procedure(hawaii: Scenario) -> None:
    rules = rules_by_step(hawaii)
    assert rules[("complaint_amended", "")] == ["complaint.supplement"]
    assert rules[("tro_granted", "")] == ["tro.grant"]
    assert rules[("injunction_granted", "")] == ["injunction.convert.universal"]
    assert rules[("notice_of_appeal_filed", "")] == ["appeal.notice"]
    assert rules[("motion_filed", "stay")] == ["stay.move.appeals"]
    assert rules[("stay_granted", "")] == ["stay.grant.appeals.partial"]
    assert rules[("cert_petition_filed", "")] == ["cert.petition"]


def test_hawaii_ninth_circuit_stay_motion_is_marked_impracticable_and_unverified(
    hawaii: Scenario,
) -> None:
    (motion,) = [e for e in hawaii.events if e.type == "motion_filed" and e.motion == "stay"]
    assert motion.court == "appeals"
    assert motion.impracticable is True
    assert motion.confidence == "unverified"
    assert "Watson" in motion.note


# --- Youngstown Sheet & Tube Co. v. Sawyer -------------------------------------------------

YOUNGSTOWN_DECISIONS = [
    # 103 F. Supp. 978: "On April 8, 1952, the President ... issued an Executive Order No. 10340"
    pytest.param("order_issued", "", "1952-04-08", id="executive-order-10340"),
    # 103 F. Supp. 978 (D.D.C. Apr. 9, 1952), Holtzoff, J. (findacase copy)
    pytest.param("tro_denied", "district", "1952-04-09", id="tro-denied"),
    # 343 U.S. 937: "The order of the District Court entered April 30, 1952" (opinion: Apr. 29)
    pytest.param("injunction_granted", "district", "1952-04-30", id="preliminary-injunction"),
    # AP, Daily Collegian, May 1, 1952, and UP, Oregon Daily Emerald, May 1, 1952: 5-4 stay
    pytest.param("stay_granted", "appeals", "1952-04-30", id="court-of-appeals-stay"),
    # 343 U.S. 937 (May 3, 1952): "Certiorari granted."
    pytest.param("cert_granted", "supreme", "1952-05-03", id="certiorari-granted"),
    # 343 U.S. 579: "Argued: May 12 and May 13, 1952" (recorded on the first day)
    pytest.param("supreme_court_argued", "supreme", "1952-05-12", id="argued"),
    # 343 U.S. 579: "Decided June 2, 1952"; Evening Star, June 2, 1952, p. 1
    pytest.param("supreme_court_decided", "supreme", "1952-06-02", id="supreme-court-decision"),
]


@pytest.mark.parametrize(("kind", "court", "day"), YOUNGSTOWN_DECISIONS)
def test_youngstown_decision_dates(youngstown: Scenario, kind: str, court: str, day: str) -> None:
    assert dates_of(youngstown, kind, court) == [D(day)]


def test_youngstown_every_event_is_sourced(youngstown: Scenario) -> None:
    assert youngstown.id == "youngstown"
    assert [suit.id for suit in youngstown.lawsuits] == ["youngstown"]
    for event in youngstown.events:
        assert event.source.strip(), f"{event.type} on {event.date} has no source"
        assert event.confidence in ("verified", "partly", "unverified")
        if event.confidence != "verified":
            assert event.note.strip(), f"{event.type} on {event.date} does not say why"


def test_youngstown_ends_with_the_injunction_affirmed(youngstown: Scenario) -> None:
    suit = replay(youngstown.events).lawsuit("youngstown")
    assert suit is not None
    assert suit.supreme_disposition == "affirmed"
    assert suit.injunction == "in_force"


def test_youngstown_injunction_was_stayed_until_the_decision(youngstown: Scenario) -> None:
    assert enjoined(replay(youngstown.events, until=D("1952-04-29"))).extent == "not"
    assert enjoined(replay(youngstown.events, until=D("1952-05-31"))).extent == "not"
    assert enjoined(replay(youngstown.events, until=D("1952-06-02"))).extent == "fully"


def test_youngstown_used_the_rules_in_force_in_1952(youngstown: Scenario) -> None:
    rules = rules_by_step(youngstown)
    assert rules[("notice_of_appeal_filed", "")] == ["appeal.notice.before_frap"]
    assert rules[("motion_filed", "stay")] == ["stay.move.appeals.before_frap"]
    assert rules[("cert_petition_filed", "")] == ["cert.petition.before_judgment"]
    used = {rule for ids in rules.values() for rule in ids}
    assert not used & {"appeal.notice", "stay.move.appeals"}


def test_youngstown_stay_motion_did_not_need_the_trial_court_first(
    youngstown: Scenario,
) -> None:
    (motion,) = [e for e in youngstown.events if e.type == "motion_filed" and e.motion == "stay"]
    assert motion.court == "appeals"
    assert motion.impracticable is False

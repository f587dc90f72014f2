"""Two real TikTok cases as recorded: the 2020 ban (TikTok Inc. v. Trump and Marland v. Trump)
and the 2024 statute (TikTok Inc. v. Garland).

Each scenario must replay without an illegal step and end where the real case ended. The
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
PARTS = ("app_store", "internet_hosting", "content_delivery", "peering", "code_functions")


@pytest.fixture(scope="module")
def tiktok2020() -> Scenario:
    return load_scenario(SCENARIOS / "tiktok-2020.yaml")


@pytest.fixture(scope="module")
def garland() -> Scenario:
    return load_scenario(SCENARIOS / "tiktok-v-garland.yaml")


def dates_of(scenario: Scenario, kind: str, case: str = "") -> list[datetime.date]:
    return [e.date for e in scenario.events if e.type == kind and (not case or e.case == case)]


def check_sourced(scenario: Scenario) -> None:
    for event in scenario.events:
        assert event.source.strip(), f"{event.type} on {event.date} has no source"
        assert event.summary.strip()
        assert event.confidence in ("verified", "partly", "unverified")
        if event.confidence != "verified":
            assert event.note.strip(), f"{event.type} on {event.date} does not say why"


# --- TikTok Inc. v. Trump and Marland v. Trump (2020-2021) ----------------------------------

TIKTOK_2020_DATES = [
    # Exec. Order 13942 "of August 6, 2020", 85 Fed. Reg. 48637 (Justia Fed. Reg. 2020-17699)
    pytest.param("order_issued", "", ["2020-08-06"], id="executive-order-13942"),
    # Nichols mem. op. ECF No. 30: "On September 18, 2020, the Secretary published a list"
    pytest.param("rule_issued", "", ["2020-09-18"], id="commerce-identification"),
    # Marland TRO opinion, ECF No. 21 (casetext, Sep 26, 2020); DWT Media Law Monitor
    pytest.param("tro_denied", "marland", ["2020-09-26"], id="marland-tro-denied"),
    # D.D.C.: gov't notice of appeal ECF No. 39 ("On September 27, 2020 ... ECF No. 29");
    # elginmattjohnandassociates.com quoting the order of Dec. 7 granting ECF No. 43
    pytest.param(
        "injunction_granted", "tiktok", ["2020-09-27", "2020-12-07"], id="tiktok-injunctions"
    ),
    # E.D. Pa. ECF No. 35 ("SIGNED BY HONORABLE WENDY BEETLESTONE ON 10/30/20"), Justia
    pytest.param("injunction_granted", "marland", ["2020-10-30"], id="marland-injunction"),
    # ECF No. 39 ("Filed 10/08/20"); OneNewsPage ("Monday, 28 December 2020"), Tech Portal
    pytest.param(
        "notice_of_appeal_filed", "tiktok", ["2020-10-08", "2020-12-28"], id="tiktok-appeals"
    ),
    # Reuters via Nasdaq, Nov. 12, 2020: "said on Thursday it had appealed" (partly)
    pytest.param("notice_of_appeal_filed", "marland", ["2020-11-12"], id="marland-appeal"),
    # Reuters via Platform Executive: "Late Wednesday, the Third Circuit agreed to cancel"
    pytest.param("appeal_held_in_abeyance", "marland", ["2021-02-10"], id="third-cir-abeyance"),
    # Akin via findknowdo.com: "On February 11, 2021 ... the D.C. Circuit separately granted"
    pytest.param("appeal_held_in_abeyance", "tiktok", ["2021-02-11"], id="dc-cir-abeyance"),
    # Wikisource text of Executive Order 14034 (June 9, 2021)
    pytest.param("order_revoked", "", ["2021-06-09"], id="executive-order-14034"),
    # Reuters via Gadgets360: "The Commerce Department on June 22 formally withdrew a list"
    pytest.param("rule_withdrawn", "", ["2021-06-22"], id="list-withdrawn"),
    # Reuters, July 15, 2021 (breaking-news-today): Third Circuit July 14, D.C. Circuit July 15
    pytest.param("appeal_dismissed", "marland", ["2021-07-14"], id="third-cir-dismissal"),
    pytest.param("appeal_dismissed", "tiktok", ["2021-07-15"], id="dc-cir-dismissal"),
]


@pytest.mark.parametrize(("kind", "case", "days"), TIKTOK_2020_DATES)
def test_tiktok_2020_decision_dates(
    tiktok2020: Scenario, kind: str, case: str, days: list[str]
) -> None:
    assert dates_of(tiktok2020, kind, case) == [D(day) for day in days]


def test_tiktok_2020_loads_with_two_lawsuits_and_every_event_sourced(
    tiktok2020: Scenario,
) -> None:
    assert tiktok2020.id == "tiktok-2020"
    assert tiktok2020.policy.kind == "order"
    assert [suit.id for suit in tiktok2020.lawsuits] == ["tiktok", "marland"]
    assert tiktok2020.lawsuits[0].district_docket == "1:20-cv-02658-CJN"
    assert tiktok2020.lawsuits[1].district_docket == "2:20-cv-04597-WB"
    check_sourced(tiktok2020)
    assert all(event.case in ("", "tiktok", "marland") for event in tiktok2020.events)
    (rule,) = [e for e in tiktok2020.events if e.type == "rule_issued"]
    assert rule.parts == PARTS
    assert rule.effective == D("2020-09-27")


def test_tiktok_2020_orders_cover_the_parts_they_enjoined(tiktok2020: Scenario) -> None:
    granted = [e for e in tiktok2020.events if e.type == "injunction_granted"]
    assert [(e.case, e.scope, e.covers) for e in granted] == [
        ("tiktok", "parties", ("app_store",)),
        ("marland", "universal", PARTS[1:]),
        ("tiktok", "parties", PARTS),
    ]


def test_tiktok_2020_the_december_injunction_widens_the_first(tiktok2020: Scenario) -> None:
    rules = [
        step.rule.id
        for step in trace_scenario(tiktok2020)
        if step.event.case == "tiktok"
        and step.event.type in ("motion_filed", "injunction_granted", "notice_of_appeal_filed")
    ]
    assert rules == [
        "injunction.move",
        "injunction.grant.parties",
        "appeal.notice",
        "injunction.move.widen",
        "injunction.widen.parties",
        # The first appeal was argued on Dec. 14, so the second joins an argued appeal.
        "appeal.notice.join.argued",
    ]


@pytest.mark.parametrize(
    ("day", "extent"),
    [
        # before any order: the TRO was denied in Marland, Nichols had not ruled
        pytest.param("2020-09-26", "not", id="before-any-order"),
        # Nichols enjoins the app-store ban only
        pytest.param("2020-09-28", "partly", id="app-store-only"),
        # Beetlestone enjoins the four November prohibitions: between them, all five
        pytest.param("2020-10-31", "fully", id="both-courts"),
        # Nichols widens his injunction to all five
        pytest.param("2020-12-08", "fully", id="widened"),
    ],
)
def test_tiktok_2020_how_far_the_ban_was_enjoined(
    tiktok2020: Scenario, day: str, extent: str
) -> None:
    assert enjoined(replay(tiktok2020.events, until=D(day))).extent == extent


def test_tiktok_2020_after_nichols_four_prohibitions_were_still_free(tiktok2020: Scenario) -> None:
    standing = enjoined(replay(tiktok2020.events, until=D("2020-09-28")))
    assert standing.by == ("tiktok",)
    assert standing.parts == ("app_store",)
    assert standing.free == PARTS[1:]
    standing = enjoined(replay(tiktok2020.events, until=D("2020-10-31")))
    assert set(standing.by) == {"tiktok", "marland"}
    assert standing.free == ()


def test_tiktok_2020_ends_with_the_order_revoked_and_both_appeals_dismissed(
    tiktok2020: Scenario,
) -> None:
    state = replay(tiktok2020.events)
    assert state.policy.policy == "revoked"
    assert state.policy.revoked_on == D("2021-06-09")
    assert state.policy.rule == "withdrawn"
    for case in ("tiktok", "marland"):
        suit = state.lawsuit(case)
        assert suit is not None
        assert suit.appeal == "dismissed"
        # The government dismissed its appeals itself (FRAP 42(b)); revoking the order did
        # not moot the cases by itself, and no court held them moot (Laidlaw).
        assert not suit.moot
        assert suit.appeal_disposition == ""
        assert suit.supreme == "none"


# --- TikTok Inc. v. Garland (2024-2025) ----------------------------------------------------

GARLAND_DATES = [
    # D.C. Cir. opinion (montague.law copy): "On April 24, 2024 the President signed ..."
    pytest.param("statute_enacted", "", ["2024-04-24"], id="act-signed"),
    # Petition, "USCA Case #24-1113 Document #2053212 Filed: 05/07/2024" (archive.org copy)
    pytest.param("petition_for_review_filed", "tiktok", ["2024-05-07"], id="petition"),
    # Slip opinion (Scribd copy): "Argued September 16, 2024 Decided December 6, 2024"
    pytest.param("appeal_argued", "tiktok", ["2024-09-16"], id="dc-cir-argument"),
    pytest.param("appeal_decided", "tiktok", ["2024-12-06"], id="dc-cir-decision"),
    # Order as quoted by Volokh (reason.com, 2024/12/13), "From today's order" (partly)
    pytest.param("injunction_pending_review_denied", "tiktok", ["2024-12-13"], id="interim-denied"),
    # Amy Howe (amylhowe.com, 2024/12/16): "on Monday asked the justices" (partly)
    pytest.param("application_filed", "tiktok", ["2024-12-16"], id="application-24a587"),
    # S. Ct. docket No. 24-657, Dec. 18, 2024: "treat the application as a petition ...
    # doing so, the petition is granted"
    pytest.param("application_treated_as_petition", "tiktok", ["2024-12-18"], id="treated"),
    pytest.param("cert_granted", "tiktok", ["2024-12-18"], id="cert-24-656"),
    # S. Ct. docket No. 24-657: "Dec 16 2024 Petition for a writ of certiorari filed";
    # "Dec 18 2024 Petition GRANTED."
    pytest.param("cert_petition_filed", "creators", ["2024-12-16"], id="creators-petition"),
    pytest.param("cert_granted", "creators", ["2024-12-18"], id="cert-24-657"),
    # Gorsuch, J., concurring (Wikisource p. 23): "argument took place on January 10, and our
    # opinions issue on January 17, 2025"
    pytest.param("supreme_court_argued", "tiktok", ["2025-01-10"], id="argument"),
    pytest.param("supreme_court_decided", "tiktok", ["2025-01-17"], id="decision"),
]


@pytest.mark.parametrize(("kind", "case", "days"), GARLAND_DATES)
def test_garland_decision_dates(garland: Scenario, kind: str, case: str, days: list[str]) -> None:
    assert dates_of(garland, kind, case) == [D(day) for day in days]


def test_garland_loads_as_a_statute_with_no_trial_court(garland: Scenario) -> None:
    assert garland.id == "tiktok-v-garland"
    assert garland.policy.kind == "statute"
    assert [suit.id for suit in garland.lawsuits] == ["tiktok", "creators"]
    for suit in garland.lawsuits:
        assert suit.district_court == suit.district_docket == suit.judge == ""
        assert "District of Columbia Circuit" in suit.appeals_court
    assert garland.lawsuits[0].appeals_docket.startswith("24-1113")
    check_sourced(garland)
    (enacted,) = [e for e in garland.events if e.type == "statute_enacted"]
    assert enacted.effective == D("2025-01-19")


def test_garland_cites_no_unverified_reporter_page(garland: Scenario) -> None:
    # "604 U.S. 56" was not verified: the research found only 604 U.S. ___.
    for event in garland.events:
        assert "604 U.S. 56" not in f"{event.citation} {event.source} {event.note}"
    assert "604 U.S. 56" not in garland.outcome_note


def test_garland_ends_affirmed_with_the_application_treated_as_a_petition(
    garland: Scenario,
) -> None:
    state = replay(garland.events)
    assert state.policy.kind == "statute"
    assert state.policy.effective_on == D("2025-01-19")
    suit = state.lawsuit("tiktok")
    assert suit is not None
    assert suit.original
    assert suit.trial == "none"
    assert suit.appeal_disposition == "petition_denied"
    assert suit.interim == "denied"
    assert suit.application == "treated"
    assert suit.supreme_disposition == "affirmed"
    creators = state.lawsuit("creators")
    assert creators is not None
    assert creators.appeal_disposition == "petition_denied"
    assert creators.supreme_disposition == "affirmed"
    assert not enjoined(state).any

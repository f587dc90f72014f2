"""After the court of appeals decides: rehearing, the mandate, and the Supreme Court's judgment.

Real examples: Hawaii v. Trump, 878 F.3d 662 (9th Cir. Dec. 22, 2017), "affirmed in part and
vacated in part", reversed in Trump v. Hawaii, 585 U.S. 667 (June 26, 2018), the Court's stay of
Dec. 4, 2017 ending with its judgment; Youngstown Sheet & Tube Co. v. Sawyer, 343 U.S. 579
(1952), decided on certiorari before the court of appeals ruled; United States v. Texas, 579
U.S. 547 (2016) (per curiam), the DAPA injunction affirmed by an equally divided Court;
TikTok Inc. v. Garland, 122 F.4th 930 (D.C. Cir. Dec. 6, 2024), for the time to seek rehearing;
Trump v. CASA, Inc., No. 24A884: an application set for argument (order of Apr. 17, 2025),
argued May 15 and granted in part June 27, 2025. FRAP 40 and 41 and S. Ct. R. 13.3 are the
rules' own examples.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from simulator import Event, IllegalTransition, replay
from simulator.decider import Machine
from simulator.events import EVENT_TYPES
from simulator.law.deadlines import certiorari_deadline, rehearing_deadline
from simulator.law.invariants import broken
from simulator.scenario import load_scenario

D = datetime.date.fromisoformat


def at(kind: str, day: str, **fields: Any) -> Event:
    if EVENT_TYPES[kind].lawsuit:
        fields.setdefault("case", "c")
    return Event(kind, D(day), united_states_party=True, **fields)


def rule_for(given: list[Event], when: Event) -> str:
    return Machine(replay(given)).check(when).id


def suit(events: list[Event]):  # type: ignore[no-untyped-def]
    found = replay(events).lawsuit("c")
    assert found is not None
    return found


def refusal(given: list[Event], when: Event) -> IllegalTransition:
    with pytest.raises(IllegalTransition) as caught:
        Machine(replay(given)).check(when)
    return caught.value


# An injunction on appeal, as in the DAPA case (S.D. Tex. Feb. 16, 2015; 5th Cir. Nov. 9, 2015).
ENJOINED = [
    at("agency_action_taken", "2014-11-20", form="memorandum"),
    at("complaint_filed", "2014-12-03"),
    at("motion_filed", "2014-12-04", motion="preliminary_injunction"),
    at("hearing_held", "2015-01-15", motion="preliminary_injunction"),
    at("injunction_granted", "2015-02-16", scope="universal"),
    at("notice_of_appeal_filed", "2015-02-23"),
]


def test_a_reversal_takes_effect_only_when_the_mandate_issues() -> None:
    reversed_ = [*ENJOINED, at("appeal_decided", "2015-11-09", disposition="reversed")]
    assert suit(reversed_).injunction == "in_force"  # FRAP 41(c): effective when issued
    issued = [*reversed_, at("mandate_issued", "2016-01-04")]
    assert rule_for(reversed_, issued[-1]) == "mandate.issue"
    assert suit(issued).injunction == "vacated"


def test_a_stay_motion_still_pending_falls_with_the_appeal() -> None:
    # Found by `sim check --depth 8`: a stay pending appeal granted after the mandate. A motion
    # for a stay pending appeal undecided when the mandate issues has nothing left to pause.
    pending = [*ENJOINED, at("motion_filed", "2015-02-24", motion="stay")]
    affirmed = [*pending, at("appeal_decided", "2015-11-09", disposition="affirmed")]
    issued = [*affirmed, at("mandate_issued", "2016-01-04")]
    assert suit(issued).stay_district == "denied"
    late = at("stay_granted", "2016-01-05")
    assert "stay" in refusal(issued, late).reason
    assert broken(replay(issued)) == []


def test_the_mandate_waits_for_a_petition_for_rehearing() -> None:
    decided = [*ENJOINED, at("appeal_decided", "2015-11-09", disposition="affirmed")]
    petition = at("rehearing_petition_filed", "2015-11-20", bench="en_banc")
    assert rule_for(decided, petition) == "rehearing.petition.en_banc"
    refused = refusal([*decided, petition], at("mandate_issued", "2015-11-27"))
    assert refused.citation == "FRAP 41(b)"


def test_an_en_banc_court_vacates_the_panels_judgment() -> None:
    decided = [*ENJOINED, at("appeal_decided", "2015-11-09", disposition="reversed")]
    reheard = [*decided, at("rehearing_granted", "2016-01-04", bench="en_banc")]
    after = suit(reheard)
    assert (after.appeal, after.appeal_disposition, after.judgment_on) == ("pending", "", None)
    assert after.injunction == "in_force"
    assert (
        "has not entered a judgment" in refusal(reheard, at("mandate_issued", "2016-01-11")).reason
    )


def test_the_time_to_seek_rehearing_with_a_united_states_party() -> None:
    # TikTok v. Garland: judgment Dec. 6, 2024; 45 days end on Monday, Jan. 20, 2025, Martin
    # Luther King Jr. Day (and Inauguration Day), so the time runs to Tuesday, Jan. 21
    # (FRAP 26(a)(1)(C)).
    decided = [*ENJOINED, at("appeal_decided", "2024-12-06", disposition="affirmed")]
    deadline = rehearing_deadline(suit(decided))
    assert deadline is not None
    assert (deadline.days, deadline.due) == (45, D("2025-01-21"))
    late = at("rehearing_petition_filed", "2025-01-22")
    assert "due by 2025-01-21" in refusal(decided, late).reason


def test_the_time_for_certiorari_runs_from_the_denial_of_rehearing() -> None:
    decided = [*ENJOINED, at("appeal_decided", "2015-11-09", disposition="affirmed")]
    denied = [
        *decided,
        at("rehearing_petition_filed", "2015-11-20"),
        at("rehearing_denied", "2016-01-05"),
    ]
    deadline = certiorari_deadline(suit(denied))
    assert deadline is not None
    assert deadline.start == D("2016-01-05")  # S. Ct. R. 13.3
    assert deadline.due == D("2016-04-04")
    assert "S. Ct. R. 13.3" in deadline.citation


def test_an_equally_divided_court_leaves_the_injunction_in_force() -> None:
    # United States v. Texas, 579 U.S. 547 (June 23, 2016): "The judgment is affirmed by an
    # equally divided Court."
    history = [
        *ENJOINED,
        at("appeal_decided", "2015-11-09", disposition="affirmed"),
        at("cert_petition_filed", "2015-11-20"),
        at("cert_granted", "2016-01-19"),
        at("supreme_court_argued", "2016-04-18"),
    ]
    decided = at("supreme_court_decided", "2016-06-23", disposition="equally_divided")
    assert rule_for(history, decided) == "supreme.affirm_equally_divided"
    after = suit([*history, decided])
    assert (after.injunction, after.supreme_disposition) == ("in_force", "equally_divided")


def test_hawaii_affirmed_in_part_then_reversed_and_the_courts_stay_ends() -> None:
    hawaii = load_scenario("trump-v-hawaii")
    state = replay(hawaii.events)
    (only,) = state.lawsuits
    assert only.appeal_disposition == "affirmed_in_part"
    assert (only.supreme_disposition, only.injunction) == ("reversed", "vacated")
    assert only.application == "ended"  # the stay pending certiorari ended with the judgment
    assert broken(state) == []


def test_youngstown_the_courts_decision_overtakes_the_appeal_below() -> None:
    state = replay(load_scenario("youngstown").events)
    (only,) = state.lawsuits
    assert (only.appeal, only.supreme_disposition) == ("superseded", "affirmed")


def test_certiorari_after_an_appeal_dismissed_as_moot() -> None:
    moot = [
        *ENJOINED,
        at("agency_action_rescinded", "2017-06-15"),
        at("appeal_dismissed", "2017-07-01", disposition="moot"),
    ]
    petition = at("cert_petition_filed", "2017-08-01")
    assert rule_for(moot, petition) == "cert.petition.after_moot_dismissal"
    vacated = at("vacated_as_moot", "2017-10-10", court="supreme")
    assert rule_for([*moot, petition], vacated) == "supreme.vacate.moot"
    assert suit([*moot, petition, vacated]).injunction == "vacated"


def test_a_gvr_comes_straight_from_the_petition() -> None:
    history = [
        *ENJOINED,
        at("appeal_decided", "2015-11-09", disposition="affirmed"),
        at("cert_petition_filed", "2015-11-20"),
    ]
    gvr = at("supreme_court_decided", "2016-01-19", disposition="gvr")
    assert rule_for(history, gvr) == "supreme.gvr"


def test_casa_an_application_argued_then_granted_in_part() -> None:
    # D. Md. PI Feb. 5, 2025; 4th Cir. stay denied Feb. 28; application 24A884 filed Mar. 13.
    history = [
        at("order_issued", "2025-01-20"),
        at("complaint_filed", "2025-01-21"),
        at("motion_filed", "2025-01-21", motion="preliminary_injunction"),
        at("brief_filed", "2025-01-31", motion="preliminary_injunction"),
        at("injunction_granted", "2025-02-05", scope="universal"),
        at("notice_of_appeal_filed", "2025-02-11"),
        at("motion_filed", "2025-02-13", motion="stay"),
        at("stay_denied", "2025-02-18"),
        at("motion_filed", "2025-02-19", court="appeals", motion="stay"),
        at("stay_denied", "2025-02-28", court="appeals"),
        at("application_filed", "2025-03-13"),
    ]
    argued = at("hearing_held", "2025-05-15", court="supreme", motion="stay")
    assert rule_for(history, argued) == "application.argue"
    granted = at("application_granted", "2025-06-27", extent="partial")
    assert rule_for([*history, argued], granted) == "application.grant.partial"
    assert suit([*history, argued, granted]).injunction == "partly_stayed"


def test_a_stay_pending_certiorari_after_the_court_of_appeals_decides() -> None:
    # 28 U.S.C. 2101(f): the injunction affirmed, the government asks the Court to pause it
    # while it petitions (the court of appeals having been asked for a stay first).
    history = [
        *ENJOINED,
        at("motion_filed", "2015-02-24", motion="stay"),
        at("stay_denied", "2015-04-07"),
        at("motion_filed", "2015-04-08", court="appeals", motion="stay"),
        at("stay_denied", "2015-05-26", court="appeals"),
        at("appeal_decided", "2015-11-09", disposition="affirmed"),
    ]
    application = at("application_filed", "2015-11-20")
    assert rule_for(history, application) == "application.file.pending_certiorari"


def test_an_application_to_vacate_a_stay_granted_below() -> None:
    # As in Alabama Ass'n of Realtors v. HHS, 594 U.S. 758 (2021): the winners below ask the
    # Court to lift the stay that paused their relief.
    stayed = [
        *ENJOINED,
        at("motion_filed", "2015-02-24", motion="stay"),
        at("stay_granted", "2015-03-10"),
    ]
    # the case must be before the court of appeals first (S. Ct. R. 23.3): ENJOINED ends with
    # the notice of appeal
    application = at("application_filed", "2015-04-01", motion="vacate_stay")
    assert rule_for(stayed, application) == "application.file.vacate_stay"
    granted = suit([*stayed, application, at("application_granted", "2015-05-01")])
    assert (granted.injunction, granted.stay_district) == ("in_force", "vacated")
    not_stayed = refusal(ENJOINED, application)
    assert "nothing to vacate" in not_stayed.reason


def test_an_appeal_by_permission_of_a_certified_order() -> None:
    # 28 U.S.C. 1292(b) and FRAP 5: a motion to dismiss denied, the order certified, a
    # petition within 10 days, permission granted: the appeal is pending.
    denied = [
        at("agency_action_taken", "2017-09-05", form="memorandum"),
        at("complaint_filed", "2017-09-08"),
        at("motion_filed", "2017-10-06", motion="dismiss"),
        at("motion_to_dismiss_denied", "2017-12-20"),
    ]
    certified = at("interlocutory_appeal_certified", "2018-01-12")
    assert rule_for(denied, certified) == "permission.certify"
    late = at("permission_to_appeal_filed", "2018-01-23", court="appeals")
    assert "due by 2018-01-22" in refusal([*denied, certified], late).reason
    petition = at("permission_to_appeal_filed", "2018-01-22", court="appeals")
    granted = [
        *denied,
        certified,
        petition,
        at("permission_to_appeal_granted", "2018-02-15", court="appeals"),
    ]
    assert suit(granted).appeal == "pending"
    assert "no ruling" in refusal(ENJOINED[:2], certified).reason


def test_a_petition_for_mandamus_in_the_court_of_appeals() -> None:
    petition = at("mandamus_petition_filed", "2015-03-01", court="appeals")
    assert rule_for(ENJOINED, petition) == "mandamus.petition"
    denied = at("mandamus_denied", "2015-03-20", court="appeals")
    assert rule_for([*ENJOINED, petition], denied) == "mandamus.deny"


def test_reversing_a_court_of_appeals_that_undid_an_injunction_restores_it() -> None:
    # 28 U.S.C. 2106: the Court's judgment reverses the judgment below, the court of appeals'
    # reversal of the injunction; the injunction binds again.
    history = [
        *ENJOINED,
        at("appeal_decided", "2015-11-09", disposition="reversed"),
        at("mandate_issued", "2016-01-04"),
        at("cert_petition_filed", "2016-01-20"),
        at("cert_granted", "2016-03-01"),
    ]
    assert suit(history).injunction == "vacated"
    decided = at("supreme_court_decided", "2016-06-23", disposition="reversed")
    assert suit([*history, decided]).injunction == "in_force"

"""The trial court: motions to dismiss, summary judgment, classes, final relief, FRCP 62.1.

Real examples: Barbara v. Trump (D.N.H.), filed June 27, 2025, the day of Trump v. CASA, a class
provisionally certified and a class-wide preliminary injunction on July 10, 2025; CASA, Inc. v.
Trump (D. Md. No. 8:25-cv-00201), the indicative ruling of July 16, 2025 while the appeal was
pending; V.O.S. Selections, Inc. v. Trump (Ct. Int'l Trade No. 25-00066), summary judgment of
May 28, 2025 declaring the tariff orders unlawful, vacating them and permanently enjoining them
for all importers, affirmed in part by the Federal Circuit en banc on Aug. 29, 2025 (the
universal injunction vacated in light of CASA), and affirmed by the Supreme Court on Feb. 20,
2026 (Learning Resources, Inc. v. Trump, Nos. 24-1287, 25-250). FRCP 12 and 56 are the rules'
own examples.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from simulator import Event, IllegalTransition, replay
from simulator.decider import Machine, trace
from simulator.events import EVENT_TYPES
from simulator.law.enjoined import enjoined
from simulator.law.invariants import broken
from simulator.projections.outcome import outcome

D = datetime.date.fromisoformat


def at(kind: str, day: str, **fields: Any) -> Event:
    if EVENT_TYPES[kind].lawsuit:
        fields.setdefault("case", "c")
    return Event(kind, D(day), united_states_party=True, **fields)


def rule_for(given: list[Event], when: Event) -> str:
    return Machine(replay(given)).check(when).id


def refusal(given: list[Event], when: Event) -> IllegalTransition:
    with pytest.raises(IllegalTransition) as caught:
        Machine(replay(given)).check(when)
    return caught.value


def suit(events: list[Event]):  # type: ignore[no-untyped-def]
    found = replay(events).lawsuit("c")
    assert found is not None
    return found


BARBARA = [
    at("order_issued", "2025-01-20", effective=D("2025-02-19")),
    at("complaint_filed", "2025-06-27"),
    at("motion_filed", "2025-06-27", motion="class_certification"),
    at("motion_filed", "2025-06-27", motion="preliminary_injunction"),
    at("hearing_held", "2025-07-10", motion="class_certification"),
    at("hearing_held", "2025-07-10", motion="preliminary_injunction"),
]
CLASS_PI = at("injunction_granted", "2025-07-10", scope="class")


def test_after_casa_a_class_wide_injunction_needs_a_certified_class() -> None:
    refused = refusal(BARBARA, CLASS_PI)
    assert "Rule 23" in refused.reason
    provisional = at("class_certified", "2025-07-10", extent="provisional")
    assert rule_for(BARBARA, provisional) == "class.certify.provisional"
    assert rule_for([*BARBARA, provisional], CLASS_PI) == "injunction.grant.class"
    universal = at("injunction_granted", "2025-07-10", scope="universal")
    assert "Trump v. CASA" in refusal([*BARBARA, provisional], universal).citation


def test_casa_an_indicative_ruling_while_the_appeal_is_pending() -> None:
    casa = [
        at("order_issued", "2025-01-20"),
        at("complaint_filed", "2025-01-21"),
        at("motion_filed", "2025-01-21", motion="preliminary_injunction"),
        at("hearing_held", "2025-02-05", motion="preliminary_injunction"),
        at("injunction_granted", "2025-02-05", scope="universal"),
    ]
    ruling = at("indicative_ruling", "2025-07-16")
    assert "no appeal is pending" in refusal(casa, ruling).reason
    appealed = [*casa, at("notice_of_appeal_filed", "2025-02-11")]
    assert rule_for(appealed, ruling) == "indicative.state"
    remand = at("limited_remand", "2025-07-28", court="appeals")
    assert rule_for([*appealed, ruling], remand) == "indicative.remand"


VOS = [
    at("order_issued", "2025-04-02"),
    at("complaint_filed", "2025-04-14"),
]
VOS_JUDGMENT = at(
    "judgment_entered",
    "2025-05-28",
    disposition="plaintiffs",
    relief=("declaratory_judgment", "vacatur", "permanent_injunction"),
    scope="universal",
)


def test_vos_summary_judgment_sets_the_orders_aside() -> None:
    assert rule_for(VOS, VOS_JUDGMENT) == "judgment.plaintiffs"
    after = suit([*VOS, VOS_JUDGMENT])
    assert after.final_relief == ("declaratory_judgment", "vacatur", "permanent_injunction")
    assert (after.injunction, after.scope) == ("in_force", "universal")
    state = replay([*VOS, VOS_JUDGMENT])
    assert enjoined(state).extent == "fully"
    # a President's order is set aside as beyond his power, not under the APA
    assert outcome(trace([*VOS, VOS_JUDGMENT])).policy == "order set aside by a court"
    assert broken(state) == []


def test_after_casa_a_permanent_injunction_cannot_protect_everyone() -> None:
    late = at(
        "judgment_entered",
        "2025-07-01",
        disposition="plaintiffs",
        relief=("permanent_injunction",),
        scope="universal",
    )
    assert "Trump v. CASA" in refusal(VOS, late).reason
    # vacatur under 5 U.S.C. 706(2) is not an injunction: CASA left it open
    vacatur = at("judgment_entered", "2025-07-01", disposition="plaintiffs", relief=("vacatur",))
    assert rule_for(VOS, vacatur) == "judgment.plaintiffs"


def test_vos_affirmed_in_part_vacates_the_universal_injunction_but_not_the_vacatur() -> None:
    history = [
        *VOS,
        VOS_JUDGMENT,
        at("notice_of_appeal_filed", "2025-05-28"),
        at("motion_filed", "2025-05-29", court="appeals", motion="stay", impracticable=True),
        at("administrative_stay_granted", "2025-05-29", court="appeals"),
        at("stay_granted", "2025-06-10", court="appeals"),
        at("appeal_argued", "2025-07-31"),
        at(
            "appeal_decided",
            "2025-08-29",
            disposition="affirmed_in_part",
            relief=("permanent_injunction",),
        ),
        at("mandate_stayed", "2025-08-29"),
        at("cert_petition_filed", "2025-09-03"),
        at("cert_granted", "2025-09-09"),
        at("supreme_court_argued", "2025-11-05"),
        at("supreme_court_decided", "2026-02-20", disposition="affirmed"),
    ]
    after = suit(history)
    assert after.injunction == "vacated"
    assert after.final_relief == ("declaratory_judgment", "vacatur")
    assert enjoined(replay(history)).extent == "fully"  # the orders stay set aside
    assert broken(replay(history)) == []


def test_a_judgment_for_the_plaintiffs_naming_no_relief_declares_and_enjoins() -> None:
    bare = at("judgment_entered", "2025-05-28", disposition="plaintiffs")
    after = suit([*VOS, bare])
    assert after.final_relief == ("declaratory_judgment", "permanent_injunction")
    assert (
        outcome(trace([*VOS, bare])).policy == "order issued, but permanently enjoined by a court"
    )


def test_a_judgment_for_the_defendants_grants_no_relief() -> None:
    wrong = at("judgment_entered", "2025-05-28", disposition="defendants", relief=("vacatur",))
    assert "grants the plaintiffs no relief" in refusal(VOS, wrong).reason


def test_motions_to_dismiss_and_for_summary_judgment_are_ruled_on() -> None:
    moved = [*VOS, at("motion_filed", "2025-05-01", motion="dismiss")]
    assert rule_for(moved, at("motion_to_dismiss_denied", "2025-06-01")) == "dismiss.deny"
    partly = at("motion_to_dismiss_denied", "2025-06-01", extent="partial")
    assert rule_for(moved, partly) == "dismiss.grant_in_part"
    assert (
        "nobody has moved to dismiss"
        in refusal(VOS, at("motion_to_dismiss_denied", "2025-06-01")).reason
    )
    dismissed = [*moved, at("case_dismissed", "2025-06-01", disposition="motion")]
    assert suit(dismissed).dismissal == "granted"
    sj = [*VOS, at("motion_filed", "2025-05-01", motion="summary_judgment")]
    assert rule_for(sj, at("summary_judgment_denied", "2025-06-01")) == "summary_judgment.deny"
    judged = suit([*sj, VOS_JUDGMENT])
    assert judged.merits == "granted"  # the judgment decides the case on the motion
    assert rule_for(VOS, at("trial_held", "2025-05-01")) == "trial.hold"

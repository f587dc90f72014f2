"""Mootness: the policy ends, a court holds the case moot or still live, and vacatur.

Real examples:
- Executive Order 13780 (82 Fed. Reg. 13209): its 90-day entry suspension, sec. 2(c), "expired
  by its own terms" on Sept. 24, 2017, and the refugee suspension of sec. 6 on Oct. 24, 2017;
  the Supreme Court vacated the Ninth Circuit's judgment in Trump v. Hawaii, No. 16-1540,
  on Oct. 24, 2017 (138 S. Ct. 377), "with instructions to dismiss as moot", citing
  Munsingwear. The dates of the steps before certiorari here are the model's, not the case's.
- U.S. Bancorp Mortgage Co. v. Bonner Mall Partnership, 513 U.S. 18, 29 (1994): "mootness by
  reason of settlement does not justify vacatur of a judgment under review", absent
  exceptional circumstances.
- Mayorkas v. Innovation Law Lab, No. 19-1212: DHS ended the Migrant Protection Protocols on
  June 1, 2021 and the Court vacated on June 21, 2021 under Munsingwear, though the
  government itself caused the mootness: only settlement bars vacatur.
- Northeastern Fla. Chapter, Associated Gen. Contractors v. Jacksonville, 508 U.S. 656, 662
  (1993): the city repealed its set-aside ordinance after certiorari was granted and replaced
  it with one that "disadvantages them in the same fundamental way"; the case was not moot.
- Friends of the Earth v. Laidlaw, 528 U.S. 167, 189 (2000): voluntary cessation moots a case
  only if it is absolutely clear the conduct could not reasonably be expected to recur.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest

from simulator import Event, IllegalTransition, replay
from simulator.decider import Machine
from simulator.errors import ScenarioError
from simulator.events import EVENT_TYPES
from simulator.law.enjoined import enjoined
from simulator.law.invariants import broken
from simulator.scenario import parse_scenario

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


#: Executive Order 13780 and a lawsuit against it, up to certiorari granted.
EO_13780 = [
    at(
        "order_issued",
        "2017-03-06",
        effective=D("2017-03-16"),
        parts=("entry_suspension", "refugee_suspension"),
    ),
    at("complaint_filed", "2017-03-08"),
    at("motion_filed", "2017-03-08", motion="preliminary_injunction"),
    at("brief_filed", "2017-03-10", motion="preliminary_injunction", party="government"),
    at("hearing_held", "2017-03-15", motion="preliminary_injunction"),
    at("injunction_granted", "2017-03-29"),
    at("notice_of_appeal_filed", "2017-03-30", party="government"),
    at("appeal_argued", "2017-05-15", court="appeals"),
    at("appeal_decided", "2017-06-12", court="appeals", disposition="affirmed_in_part"),
    at("cert_petition_filed", "2017-06-13", party="government"),
    at("cert_granted", "2017-06-26"),
]
SEC_2C_ENDS = at("policy_expired", "2017-09-24", extent="partial", parts=("entry_suspension",))
SEC_6_ENDS = at("policy_expired", "2017-10-24")
VACATED = at("vacated_as_moot", "2017-10-24", court="supreme")


def test_a_policy_that_expires_in_part_keeps_the_rest_in_force() -> None:
    assert rule_for(EO_13780, SEC_2C_ENDS) == "policy.expire.partial"
    policy = replay([*EO_13780, SEC_2C_ENDS]).policy
    assert (policy.policy, policy.parts) == ("issued", ("refugee_suspension",))


def test_trump_v_hawaii_2017_vacated_as_moot_once_the_order_expired() -> None:
    # While part of the order is in force the case is live ...
    assert "still in force" in refusal([*EO_13780, SEC_2C_ENDS], VACATED).reason
    # ... and once the rest expired by its own terms the Court vacates under Munsingwear.
    assert rule_for([*EO_13780, SEC_2C_ENDS], SEC_6_ENDS) == "policy.expire"
    history = [*EO_13780, SEC_2C_ENDS, SEC_6_ENDS]
    assert rule_for(history, VACATED) == "supreme.vacate.moot"
    state = replay([*history, VACATED])
    suit = state.lawsuit("c")
    assert suit is not None
    assert (suit.moot, suit.moot_cause, suit.supreme) == (True, "policy_ended", "decided")
    assert state.policy.policy == "expired"
    assert enjoined(state).extent == "not"
    assert broken(state) == []


def test_an_expired_policy_cannot_be_challenged_anew_or_restrained() -> None:
    expired = [*EO_13780[:1], at("policy_expired", "2017-06-14")]
    assert (
        "expired by its own terms" in refusal(expired, at("complaint_filed", "2017-07-01")).reason
    )
    after = [*EO_13780[:5], at("policy_expired", "2017-03-20")]
    refused = refusal(after, at("injunction_granted", "2017-03-29"))
    assert "nothing left for a new order to restrain" in refused.reason


def test_bonner_mall_settlement_does_not_justify_vacatur() -> None:
    settled = at("vacated_as_moot", "2017-10-24", court="supreme", cause="settlement")
    refused = refusal(EO_13780, settled)
    assert "settlement does not justify vacatur" in refused.reason
    assert "Bonner Mall" in refused.citation
    # ... absent exceptional circumstances, which the court must find.
    exceptional = at(
        "vacated_as_moot", "2017-10-24", court="supreme", cause="settlement", exceptional=True
    )
    assert rule_for(EO_13780, exceptional) == "supreme.vacate.moot"


def test_settled_cases_are_dismissed_as_moot_with_the_policy_in_force() -> None:
    on_appeal = EO_13780[:7]
    dismissed = at("appeal_dismissed", "2017-05-01", court="appeals", disposition="moot")
    assert "still in force" in refusal(on_appeal, dismissed).reason
    settled = at(
        "appeal_dismissed", "2017-05-01", court="appeals", disposition="moot", cause="settlement"
    )
    assert rule_for(on_appeal, settled) == "appeal.dismiss.moot"
    state = replay([*on_appeal, settled])
    # a settlement moots the case while the policy stands: no invariant is broken
    assert state.policy.policy == "issued"
    assert broken(state) == []


def test_innovation_law_lab_the_government_mooting_its_own_case_may_still_have_vacatur() -> None:
    rescinded = [
        at("agency_action_taken", "2019-01-25", form="program"),
        # the lawsuit's steps are the model's, in 2019
        *[attrs.evolve(e, date=e.date.replace(year=2019)) for e in EO_13780[1:11]],
        at("agency_action_rescinded", "2021-06-01"),
    ]
    vacated = at("vacated_as_moot", "2021-06-21", court="supreme")
    assert rule_for(rescinded, vacated) == "supreme.vacate.moot"


def test_jacksonville_a_successor_policy_keeps_the_case_live() -> None:
    # The ordinance, challenged and brought up on certiorari (the model's dates before the
    # repeal), then repealed and replaced.
    history = [
        at("order_issued", "1984-01-01"),
        *[attrs.evolve(e, date=e.date.replace(year=1992)) for e in EO_13780[1:11]],
        at("order_revoked", "1992-10-31", extent="replaced"),
    ]
    live = at("mootness_rejected", "1993-06-14", court="supreme", exception="successor_policy")
    assert rule_for(history, live) == "mootness.reject.supreme.granted"
    suit = replay([*history, live]).lawsuit("c")
    assert suit is not None
    assert suit.live_exception == "successor_policy"
    # The successor exception needs a successor: a plain revocation is not one.
    revoked = [*history[:-1], at("order_revoked", "1992-10-31")]
    refused = refusal(revoked, live)
    assert "successor_policy" in refused.reason
    assert "Jacksonville" in refused.citation


def test_laidlaw_a_court_may_hold_the_case_live_and_a_higher_court_moot() -> None:
    revoked = [*EO_13780[:5], at("order_revoked", "2017-03-20")]
    # Nothing is left to restrain once the revocation takes effect ...
    grant = at("injunction_granted", "2017-03-29")
    assert "nothing left" in refusal(revoked, grant).reason
    # ... unless the court holds that the government could start again.
    live = at("mootness_rejected", "2017-03-25", exception="voluntary_cessation")
    assert rule_for(revoked, live) == "mootness.reject.district.pending"
    assert rule_for([*revoked, live], grant) == "injunction.grant.parties"
    # The court of appeals is not bound by that holding.
    appealed = [*revoked, live, grant, at("notice_of_appeal_filed", "2017-03-30")]
    moot = at("appeal_dismissed", "2017-06-12", court="appeals", disposition="moot")
    assert rule_for(appealed, moot) == "appeal.dismiss.moot"
    suit = replay([*appealed, moot]).lawsuit("c")
    assert suit is not None
    assert (suit.moot, suit.live_exception) == (True, "")


def test_no_mootness_question_while_the_policy_is_in_force() -> None:
    live = at("mootness_rejected", "2017-03-25", exception="voluntary_cessation")
    assert "no question of mootness" in refusal(EO_13780[:5], live).reason
    nameless = at("mootness_rejected", "2017-03-25")
    revoked = [*EO_13780[:5], at("order_revoked", "2017-03-20")]
    assert "names its exception" in refusal(revoked, nameless).reason


def test_a_scenario_names_the_cause_and_the_exception() -> None:
    text = """
id: t
title: T
summary: S
policy: {name: P, kind: order}
lawsuits:
  - {id: c, caption: C, district_court: U.S. District Court for the District of Hawaii}
events:
  - {date: 2017-03-06, type: order_issued, summary: s, source: src}
  - {date: 2017-03-08, type: complaint_filed, summary: s, source: src}
  - {date: 2017-03-20, type: order_revoked, summary: s, source: src}
  - {date: 2017-03-25, type: mootness_rejected, exception: voluntary_cessation, summary: s,
     source: src}
  - {date: 2017-04-25, type: case_dismissed, disposition: moot, cause: events, summary: s,
     source: src}
"""
    scenario = parse_scenario(text, "t.yaml")
    assert [event.exception for event in scenario.events][3] == "voluntary_cessation"
    assert scenario.events[4].cause == "events"
    with pytest.raises(ScenarioError, match="cause"):
        parse_scenario(text.replace("cause: events", "cause: boredom"), "t.yaml")


def test_innovation_law_lab_the_judgment_goes_down_32_days_after_the_decision() -> None:
    # Vacated June 21, 2021; the docket's next entry, "JUDGMENT ISSUED", is of July 23, 2021
    # (a docket copy, scotusgate.com: partly verified). S. Ct. R. 45.2 and 45.3.
    history = [
        at("agency_action_taken", "2019-01-25", form="program"),
        *[attrs.evolve(e, date=e.date.replace(year=2019)) for e in EO_13780[1:11]],
        at("agency_action_rescinded", "2021-06-01"),
        at("vacated_as_moot", "2021-06-21", court="supreme"),
    ]
    early = at("supreme_court_judgment_issued", "2021-07-22")
    refused = refusal(history, early)
    assert "on 2021-07-23, unless the Court orders it issued forthwith" in refused.reason
    assert rule_for(history, at("supreme_court_judgment_issued", "2021-07-23")) == (
        "supreme.judgment.issue"
    )
    forthwith = at("supreme_court_judgment_issued", "2021-06-21", forthwith=True)
    assert rule_for(history, forthwith) == "supreme.judgment.issue"
    assert "has not decided" in refusal(history[:-1], early).reason


def _on_appeal(state: str) -> list[Event]:
    """EO 13780's lawsuit with its appeal pending, argued or held in abeyance."""
    noticed = EO_13780[:7]
    if state == "argued":
        return [*noticed, at("appeal_argued", "2017-05-15", court="appeals")]
    if state == "abeyance":
        return [*noticed, at("appeal_held_in_abeyance", "2017-05-15", court="appeals")]
    return noticed


@pytest.mark.parametrize("state", ["pending", "argued", "abeyance"])
def test_the_court_of_appeals_may_hold_the_case_still_live_wherever_the_appeal_stands(
    state: str,
) -> None:
    # The rule's own example: the same holding at each point the appeal can be at.
    history = [*_on_appeal(state), at("policy_expired", "2017-06-14")]
    live = at("mootness_rejected", "2017-06-20", court="appeals", exception="capable_of_repetition")
    assert rule_for(history, live) == f"mootness.reject.appeals.{state}"


def test_the_supreme_court_may_hold_it_live_on_the_petition_or_after_argument() -> None:
    petition = [*EO_13780[:10], at("order_revoked", "2017-06-20", extent="replaced")]
    live = at("mootness_rejected", "2017-06-25", court="supreme", exception="successor_policy")
    assert rule_for(petition, live) == "mootness.reject.supreme.petition"
    argued = [
        *EO_13780,
        at("supreme_court_argued", "2017-10-10"),
        at("order_revoked", "2017-10-11", extent="replaced"),
    ]
    late = attrs.evolve(live, date=D("2017-10-20"))
    assert rule_for(argued, late) == "mootness.reject.supreme.argued"


def test_a_paused_trial_court_may_hold_the_case_still_live() -> None:
    paused = [*EO_13780[:2], at("proceedings_stayed", "2017-03-09")]
    revoked = [*paused, at("order_revoked", "2017-03-20")]
    live = at("mootness_rejected", "2017-03-25", exception="voluntary_cessation")
    assert rule_for(revoked, live) == "mootness.reject.district.stayed"


def test_proclamation_9723_lifts_one_country_and_leaves_the_rest() -> None:
    # Proclamation 9645 (Sept. 24, 2017; 82 Fed. Reg. 45161, Sept. 27) restricted entry from eight
    # countries; Proclamation 9723 (Apr. 10, 2018, 83 Fed. Reg. 15937) lifted the
    # restrictions on nationals of Chad (Federal Register, Apr. 13, 2018; justia.com copies).
    countries = ("chad", "iran", "libya", "north_korea", "somalia", "syria", "venezuela", "yemen")
    issued = [at("proclamation_issued", "2017-09-24", parts=countries)]
    lifted = at("order_revoked", "2018-04-10", extent="partial", parts=("chad",))
    assert rule_for(issued, lifted) == "order.revoke.partial"
    policy = replay([*issued, lifted]).policy
    assert (policy.policy, "chad" in policy.parts, len(policy.parts)) == ("issued", False, 7)

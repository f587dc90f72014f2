"""Three-judge district courts and direct appeals to the Supreme Court (28 U.S.C. 1253, 2284).

The real example is New York v. Trump, No. 1:20-cv-05770 (S.D.N.Y.), against the Presidential
Memorandum of July 21, 2020 excluding unlawful aliens from the apportionment base (85 Fed.
Reg. 44679, July 23, 2020). The complaint was filed July 24, 2020 (ECF No. 1); on Aug. 10,
Chief Judge Katzmann named Circuit Judges Wesley and Hall to sit with Judge Furman; on Sept. 10
the three-judge court granted summary judgment, a declaration and an injunction; the
government appealed straight to the Supreme Court (the notice's day is reported as Sept. 16
or 18: not verified, Sept. 18 is used) and the court denied a stay pending appeal on Sept. 29
(490 F. Supp. 3d 736). In Trump v. New York, No. 20-366, the jurisdictional statement was filed
Sept. 22; on Oct. 16 "further consideration of the question of jurisdiction is postponed to
the hearing of the case on the merits"; argued Nov. 30; on Dec. 18, 2020 the judgment was
vacated and the case remanded with instructions to dismiss for want of jurisdiction (592 U.S.
125). The dates of the summary-judgment motion, brief and hearing are the model's, not the
docket's. Sources: the research notes of this change (SCOTUSblog docket copies, supremecourt.gov
filings, Courthouse News of Sept. 17, 2020).
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest

from simulator import Event, IllegalTransition, replay
from simulator.decider import Machine, trace
from simulator.events import EVENT_TYPES
from simulator.law.deadlines import FEDERAL_CLOCKS, appeal_deadline
from simulator.law.invariants import broken
from simulator.projections.outcome import outcome

D = datetime.date.fromisoformat


def at(kind: str, day: str, **fields: Any) -> Event:
    if EVENT_TYPES[kind].lawsuit:
        fields.setdefault("case", "ny")
    return Event(kind, D(day), united_states_party=True, venue="NY", **fields)


def rule_for(given: list[Event], when: Event) -> str:
    return Machine(replay(given)).check(when).id


def refusal(given: list[Event], when: Event) -> IllegalTransition:
    with pytest.raises(IllegalTransition) as caught:
        Machine(replay(given)).check(when)
    return caught.value


UP_TO_JUDGMENT = [
    at("memorandum_issued", "2020-07-21"),
    at("complaint_filed", "2020-07-24", party="plaintiffs"),
    at("three_judge_court_convened", "2020-08-10"),
    at("motion_filed", "2020-08-07", motion="summary_judgment", party="plaintiffs"),
    at("brief_filed", "2020-08-19", motion="summary_judgment", party="government"),
    at("hearing_held", "2020-09-03", motion="summary_judgment"),
    at(
        "judgment_entered",
        "2020-09-10",
        disposition="plaintiffs",
        relief=("declaratory_judgment", "permanent_injunction"),
    ),
]
NOTICE = at("notice_of_appeal_filed", "2020-09-18", party="government")
STATEMENT = at("jurisdictional_statement_filed", "2020-09-22", party="government")
POSTPONED = at("jurisdiction_noted", "2020-10-16", disposition="postponed")
ARGUED = at("supreme_court_argued", "2020-11-30")
VACATED = at("supreme_court_decided", "2020-12-18", disposition="vacated")


def _in_date_order(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda event: event.date)


def test_trump_v_new_york_goes_straight_from_three_judges_to_the_supreme_court() -> None:
    history = _in_date_order(UP_TO_JUDGMENT)
    assert rule_for(history, NOTICE) == "appeal.direct"
    history.append(NOTICE)
    assert rule_for(history, STATEMENT) == "direct.statement"
    history.append(STATEMENT)
    stay = at("motion_filed", "2020-09-17", motion="stay", party="government")
    # (the stay motion came the day before the notice; here it follows it, as the model's
    # own check of a motion made while the appeal is open)
    assert rule_for(history, attrs.evolve(stay, date=D("2020-09-23"))) == "stay.move.district"
    assert rule_for(history, POSTPONED) == "direct.postpone"
    history.append(POSTPONED)
    assert rule_for(history, ARGUED) == "supreme.argue"
    history.append(ARGUED)
    assert rule_for(history, VACATED) == "supreme.vacate"
    state = replay([*history, VACATED])
    suit = state.lawsuit("ny")
    assert suit is not None
    assert (suit.three_judge, suit.appeal, suit.supreme) == ("convened", "none", "decided")
    assert suit.injunction != "in_force"  # the injunction falls with the judgment
    assert broken(state) == []
    assert outcome(trace([*history, VACATED])).lawsuits[0].highest_court == "supreme"


def test_a_three_judge_court_is_not_appealed_to_the_court_of_appeals() -> None:
    history = _in_date_order(UP_TO_JUDGMENT)
    machine = Machine(replay(history))
    assert machine.check(NOTICE).slot == "supreme"
    # Without the three judges, the same notice goes to the court of appeals.
    one_judge = [event for event in history if event.type != "three_judge_court_convened"]
    assert rule_for(one_judge, NOTICE) == "appeal.notice"
    statement = refusal([*one_judge, NOTICE], STATEMENT)
    assert "nobody has asked the Supreme Court" in statement.reason


def test_the_direct_appeal_runs_on_the_statute_s_clock() -> None:
    history = _in_date_order(UP_TO_JUDGMENT)
    suit = replay(history).lawsuit("ny")
    assert suit is not None
    deadline = appeal_deadline(suit, FEDERAL_CLOCKS)
    assert deadline is not None
    # 60 days from a final judgment (28 U.S.C. 2101(b)): Nov. 9, 2020, a Monday.
    assert (deadline.days, deadline.due) == (60, D("2020-11-09"))
    assert "2101(b)" in deadline.citation
    late = at("notice_of_appeal_filed", "2020-11-10", party="government")
    assert "was due by 2020-11-09" in refusal(history, late).reason
    # An interlocutory order gives 30 days.
    interlocutory = [
        *UP_TO_JUDGMENT[:3],
        at("motion_filed", "2020-08-11", motion="preliminary_injunction"),
        at("brief_filed", "2020-08-12", motion="preliminary_injunction", party="government"),
        at("hearing_held", "2020-08-20", motion="preliminary_injunction"),
        at("injunction_granted", "2020-09-01"),
    ]
    suit = replay(interlocutory).lawsuit("ny")
    assert suit is not None
    pi = appeal_deadline(suit, FEDERAL_CLOCKS)
    assert pi is not None
    assert (pi.days, pi.due) == (30, D("2020-10-01"))


def test_the_jurisdictional_statement_is_due_60_days_after_the_notice() -> None:
    history = [*_in_date_order(UP_TO_JUDGMENT), NOTICE]
    late = at("jurisdictional_statement_filed", "2020-11-18")
    refused = refusal(history, late)
    assert "due by 2020-11-17" in refused.reason
    assert refused.citation == "S. Ct. R. 18.3"


def test_a_direct_appeal_may_be_decided_summarily() -> None:
    history = [*_in_date_order(UP_TO_JUDGMENT), NOTICE, STATEMENT]
    affirmed = at("supreme_court_decided", "2020-10-16", disposition="affirmed")
    assert rule_for(history, affirmed) == "supreme.summarily.affirm"
    suit = replay([*history, affirmed]).lawsuit("ny")
    assert suit is not None
    assert suit.final_relief == ("declaratory_judgment", "permanent_injunction")


def test_a_memorandum_is_told_as_a_memorandum_and_revoked_as_an_order() -> None:
    memorandum = [at("memorandum_issued", "2020-07-21")]
    state = replay(memorandum)
    assert (state.policy.kind, state.policy.form) == ("order", "memorandum")
    assert outcome(trace(memorandum)).policy == "memorandum in force"
    revoked = at("order_revoked", "2021-01-20")
    assert rule_for([at("memorandum_issued", "2020-07-21")], revoked) == "order.revoke"


def test_new_york_v_trump_is_consolidated_with_nyic_and_each_goes_on_as_its_own() -> None:
    # Aug. 4, 2020: Judge Furman consolidated New York v. Trump (20-cv-5770) with New York
    # Immigration Coalition v. Trump (20-cv-5781) (thearp.org; Balkinization, Aug. 2020).
    consolidated = at("cases_consolidated", "2020-08-04", consolidated=("nyic",))
    history = UP_TO_JUDGMENT[:2]
    assert rule_for(history, consolidated) == "cases.consolidate"
    suit = replay([*history, consolidated]).lawsuit("ny")
    assert suit is not None
    assert suit.consolidated_with == ("nyic",)
    nameless = at("cases_consolidated", "2020-08-04")
    assert "names the other lawsuits" in refusal(history, nameless).reason


def test_a_scenario_consolidates_only_lawsuits_it_declares() -> None:
    from simulator.errors import ScenarioError
    from simulator.scenario import parse_scenario

    text = """
id: t
title: T
summary: S
policy: {name: P, kind: order}
lawsuits:
  - {id: ny, caption: New York v. Trump,
     district_court: U.S. District Court for the Southern District of New York}
  - {id: nyic, caption: NYIC v. Trump,
     district_court: U.S. District Court for the Southern District of New York}
events:
  - {date: 2020-07-21, type: memorandum_issued, summary: s, source: src}
  - {date: 2020-07-24, type: complaint_filed, case: ny, summary: s, source: src}
  - {date: 2020-07-24, type: complaint_filed, case: nyic, summary: s, source: src}
  - {date: 2020-08-04, type: cases_consolidated, case: ny, consolidated: [nyic], summary: s,
     source: src}
"""
    scenario = parse_scenario(text, "t.yaml")
    assert scenario.events[-1].consolidated == ("nyic",)
    with pytest.raises(ScenarioError, match="no lawsuit 'nycc' is declared"):
        parse_scenario(text.replace("[nyic]", "[nycc]"), "t.yaml")
    with pytest.raises(ScenarioError, match="not consolidated with itself"):
        parse_scenario(text.replace("[nyic]", "[ny]"), "t.yaml")


def test_a_lesson_names_the_direct_appeal_for_what_it_is() -> None:
    from simulator.lesson.words import move_label

    assert move_label(NOTICE) == "Appeal to the court of appeals"
    assert move_label(NOTICE, rule="appeal.direct").startswith("Appeal straight to the Supreme")

"""The case told for a class: a dated timeline in plain English, with the law for each step.

Every step shows who did what (from the scenario), what it meant and which
rule allowed it (from the rule table), the deadlines it started or met, and
its source; the end says where the case stands and what could come next.
The width is fixed so the same case always prints the same text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from simulator.decider import Step
from simulator.events import describe_event
from simulator.projections.deadlines import DeadlineRecord
from simulator.projections.outcome import Outcome
from simulator.scenario import Scenario

__all__ = ["narrate"]

WIDTH = 88
_LABEL = 12
_COURT = {"district": "trial court", "appeals": "court of appeals", "supreme": "Supreme Court"}


def _court(court: str, docket: str) -> str:
    """A court and its docket number, either of which may be unknown."""
    return f"{court} No. {docket}" if court and docket else court


def _field(label: str, text: str) -> list[str]:
    if not text:
        return []
    return textwrap.wrap(
        " ".join(text.split()),
        WIDTH,
        initial_indent=f"  {label + ':':<{_LABEL}}",
        subsequent_indent=" " * (_LABEL + 2),
    )


def _heading(scenario: Scenario) -> list[str]:
    lines = [scenario.title, "=" * min(len(scenario.title), WIDTH)]
    if scenario.summary:
        lines += ["", *textwrap.wrap(" ".join(scenario.summary.split()), WIDTH)]
    if scenario.policy.name:
        lines += ["", *_field("Policy", scenario.policy.name)]
    for suit in scenario.lawsuits:
        courts = "; ".join(
            part
            for part in (
                _court(suit.district_court, suit.district_docket),
                suit.judge,
                _court(suit.appeals_court, suit.appeals_docket),
            )
            if part
        )
        lines += _field("Lawsuit", f"{suit.caption} ({courts})" if courts else suit.caption)
    return lines


def _step(step: Step, started: list[DeadlineRecord], met: list[DeadlineRecord]) -> list[str]:
    event, rule = step.event, step.rule
    label = describe_event(event)
    where = _COURT.get(event.court, "government") if not rule.on_policy else "government"
    lines = ["", f"{event.date.isoformat()}  {label.upper()}  [step {step.index + 1}, {where}]"]
    lines += _field("Who", event.actor)
    lines += _field("What", event.summary)
    lines += _field("Meaning", rule.explanation)
    lines += _field("Rule", rule.citation_on(event.date))
    lines += _field("Record", event.citation)
    lines += _field("Source", event.source)
    for record in started:
        lines += _field("Deadline", f"starts {record.deadline.describe()}")
    for record in met:
        due = record.deadline.due.isoformat()
        lines += _field("Deadline", f"meets the deadline {record.deadline.label} (due {due})")
    if event.confidence != "verified":
        note = f": {event.note}" if event.note else ""
        lines += _field("Certainty", f"{event.confidence}{note}")
    elif event.note:
        lines += _field("Note", event.note)
    return lines


def _standing(outcome: Outcome, note: str) -> list[str]:
    lines = ["", f"Where the case stands (as of {outcome.as_of})", "-" * 40]
    lines += _field("Policy", outcome.policy)
    for suit in outcome.lawsuits:
        lines += _field("Lawsuit", f"{suit.case}: " + "; ".join(suit.status))
        lines += _field("Relief", suit.relief)
        lines += _field("Reached", f"the {_COURT[suit.highest_court]}")
        ahead = f"the {suit.prevailing}" if suit.prevailing != "undecided" else ""
        lines += _field("Upper hand", ahead)
    lines += _field("Afterward", note)
    return lines


def _deadlines(records: Sequence[DeadlineRecord]) -> list[str]:
    if not records:
        return []
    lines = ["", "Deadlines", "-" * 40]
    for record in records:
        lines += textwrap.wrap(
            f"{record.deadline.case}: {record.describe()}",
            WIDTH,
            initial_indent="  - ",
            subsequent_indent="    ",
        )
    return lines


def _next(outcome: Outcome) -> list[str]:
    if not outcome.next_steps:
        return ["", "Nothing more can happen under the model: the case has ended."]
    lines = ["", "What the rules would allow next", "-" * 40]
    lines += [f"  - {option}" for option in outcome.next_steps]
    return lines


def narrate(
    scenario: Scenario,
    steps: Sequence[Step],
    outcome: Outcome,
    deadlines: Sequence[DeadlineRecord],
    *,
    complete: bool = True,
) -> str:
    """The whole case as text for a terminal or a handout.

    ``complete`` says the steps are the whole recorded case, not a moment of it
    (time travel), so the scenario's note on what happened afterwards belongs.
    """
    lines = _heading(scenario)
    for step in steps:
        seq = step.index + 1
        started = [r for r in deadlines if r.started_by == seq]
        met = [r for r in deadlines if r.closed_by == seq and r.status == "met"]
        lines += _step(step, started, met)
    lines += _standing(outcome, scenario.outcome_note if complete else "")
    lines += _deadlines(deadlines)
    lines += _next(outcome)
    return "\n".join(lines) + "\n"

"""The case as a handout: plain data for the HTML report, built from the projections and the rules.

Every part is generated, never written per case: the timeline from the JSON
projection (`case_document`), the glossary from the rules the case used, the
discussion questions from its decision points and the outcomes the law also
allowed (`ProcessModel.alternatives`), what happened next from the outcome
projection, the sources from the events. The template only lays them out.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from simulator.decider import Step
from simulator.events import EVENT_TYPES
from simulator.law.model import ProcessModel, Rule
from simulator.law.tracks import SLOT_TEXT
from simulator.projections.deadlines import deadlines
from simulator.projections.document import case_document
from simulator.projections.outcome import Outcome, outcome
from simulator.render.dot import capital, event_text, qualifier
from simulator.render.factors import Weighing, weighing
from simulator.render.roles import event_actor, event_level
from simulator.render.style import LEVELS
from simulator.scenario import Scenario

__all__ = ["Entry", "Handout", "Source", "Term", "handout"]


@attrs.frozen
class Entry:
    """One step of the timeline, in plain English, with the rule that allowed it."""

    seq: int
    date: str
    title: str
    level: str
    actor: str
    #: who acted: a key of `style.ACTORS`
    actor_kind: str
    summary: str
    meaning: str
    rule: str
    record: str
    confidence: str
    note: str
    decision: bool
    deadlines: tuple[str, ...]


@attrs.frozen
class Term:
    """A legal term the case used: a step of the process, what it means, and its law."""

    term: str
    meaning: str
    law: str


@attrs.frozen
class Source:
    """Where one step comes from: the record it cites and the source it was checked against."""

    number: int
    date: str
    title: str
    record: str
    source: str
    confidence: str
    note: str


@attrs.frozen
class Handout:
    """Everything the report says about one case."""

    title: str
    summary: str
    about: str
    entries: tuple[Entry, ...]
    glossary: tuple[Term, ...]
    weighing: Weighing | None
    questions: tuple[str, ...]
    outcome: Outcome
    outcome_note: str
    sources: tuple[Source, ...]


def _rule_term(rule: Rule) -> str:
    """What a rule's step is called: the event, its qualifier, and the court if it varies."""
    text = capital(event_text(rule.event, rule.qualifier))
    if len(EVENT_TYPES[rule.event].courts) > 1:
        text += f" in the {LEVELS[rule.key[2]].lower()}"
    return text


def _glossary(steps: Sequence[Step]) -> tuple[Term, ...]:
    """One entry per rule the case used, alphabetically: the rule table is the dictionary."""
    terms: dict[str, Term] = {}
    for step in steps:
        rule = step.rule
        terms.setdefault(_rule_term(rule), Term(_rule_term(rule), rule.explanation, rule.citation))
    return tuple(terms[name] for name in sorted(terms, key=str.lower))


def _entries(scenario: Scenario, steps: Sequence[Step], result: Outcome) -> tuple[Entry, ...]:
    records = deadlines(steps)
    document = case_document(scenario, steps, result, records)
    entries = []
    for step, row in zip(steps, document["events"], strict=True):
        seq = row["seq"]
        started = [f"Starts: {r.deadline.describe()}" for r in records if r.started_by == seq]
        met = [
            f"Meets: {r.deadline.label} (due {r.deadline.due.isoformat()})"
            for r in records
            if r.closed_by == seq and r.status == "met"
        ]
        kind = event_actor(step.event, step.rule)
        entries.append(
            Entry(
                seq,
                row["date"],
                _title(step),
                LEVELS[event_level(step.event, step.rule)],
                row["actor"],
                kind,
                row["summary"],
                row["meaning"],
                row["citation"],
                row["record"],
                row["confidence"],
                step.event.note,
                bool(step.rule.decision),
                (*started, *met),
            )
        )
    return tuple(entries)


def _title(step: Step) -> str:
    """What happened, named as the glossary names it."""
    event = step.event
    text = capital(event_text(event.type, qualifier(event)))
    if len(EVENT_TYPES[event.type].courts) > 1:
        text += f" in the {LEVELS[event.court].lower()}"
    return text


def _about(scenario: Scenario, steps: Sequence[Step]) -> str:
    """The second paragraph: who sued whom, where, and the span of the record."""
    parts = []
    for suit in scenario.lawsuits:
        where = f" in the {suit.district_court}" if suit.district_court else ""
        docket = f" (No. {suit.district_docket})" if suit.district_docket else ""
        judge = f" before {suit.judge}" if suit.judge else ""
        appeal = f", then in the {suit.appeals_court}" if suit.appeals_court else ""
        number = (
            f" (No. {suit.appeals_docket})" if suit.appeals_court and suit.appeals_docket else ""
        )
        parts.append(f"{suit.caption} was heard{where}{docket}{judge}{appeal}{number}.")
    policy = scenario.policy.name or "the government's action"
    if steps:
        decisions = sum(1 for step in steps if step.rule.decision)
        first, last = steps[0].event.date.isoformat(), steps[-1].event.date.isoformat()
        parts.append(
            f"The record below follows the challenge to {policy} through {len(steps)} steps "
            f"from {first} to {last}, {decisions} of them decisions that could have gone "
            "another way; each step names the rule of law that allowed it."
        )
    return " ".join(parts)


def _contrast(step: Step, alternatives: Sequence[Rule]) -> Rule:
    """The alternative most unlike what happened: another event (denied, not granted) first."""
    return next((rule for rule in alternatives if rule.event != step.rule.event), alternatives[0])


_QUESTIONS = (
    "On {date} the {level} decided: {done}. The law also allowed this instead: {other}, so "
    "that {then}. What would have happened next if it had decided that way, and who would "
    "have been affected?",
    "On {date}: {done}. Suppose the court had chosen '{other}' instead: {explanation} What "
    "would it have had to believe about the facts or the law to decide that way?",
    "On {date}: {done}. It could instead have ended with '{other}': {explanation} Why might "
    "it matter, for people in a similar situation later, which of the two happened?",
)

_SPARE = (
    "Under the rules, these steps could still follow: {next}. Which would you expect, and why?",
    "Which step of this case would you most like to have watched, and what would you have "
    "asked the judge?",
    "The case began with {policy}. Should a court be able to stop a government's action before "
    "deciding whether it is lawful? What does this case suggest?",
)


def _questions(scenario: Scenario, steps: Sequence[Step], model: ProcessModel) -> list[str]:
    """Three questions: one per decision point (the roads not taken), then general ones."""
    chosen: list[tuple[Step, Rule]] = []
    for step in steps:
        alternatives = model.alternatives(step.rule)
        if alternatives:
            other = _contrast(step, alternatives)
            if all(other.event != seen.event for _, seen in chosen):
                chosen.append((step, other))
    questions = [
        template.format(
            date=step.event.date.isoformat(),
            level=LEVELS[event_level(step.event, step.rule)].lower(),
            done=_title(step).lower(),
            other=event_text(other.event, other.qualifier),
            explanation=other.explanation,
            then=SLOT_TEXT[other.slot][other.target],
        )
        for template, (step, other) in zip(_QUESTIONS, chosen, strict=False)
    ]
    result = outcome(steps, model=model)
    spare = (
        text.format(
            next=", ".join(result.next_steps[:4]) or "nothing more",
            policy=scenario.policy.name or "the government's action",
        )
        for text in _SPARE
    )
    return [*questions, *spare][:3]


def _sources(steps: Sequence[Step]) -> tuple[Source, ...]:
    return tuple(
        Source(
            step.index + 1,
            step.event.date.isoformat(),
            _title(step),
            step.event.citation,
            step.event.source,
            step.event.confidence,
            step.event.note,
        )
        for step in steps
    )


def handout(scenario: Scenario, steps: Sequence[Step], model: ProcessModel) -> Handout:
    """Everything the report says about ``scenario``, whose checked ``steps`` are given."""
    result = outcome(steps, model=model)
    return Handout(
        scenario.title,
        scenario.summary,
        _about(scenario, steps),
        _entries(scenario, steps, result),
        _glossary(steps),
        weighing(scenario, steps),
        tuple(_questions(scenario, steps, model)),
        result,
        scenario.outcome_note,
        _sources(steps),
    )

"""The case as one JSON-ready document: the contract of ``sim run --format json``.

Keys: ``scenario`` (id, title), ``events`` (each with ``seq``, ``date``,
``type``, ``track``, ``actor``, ``summary``, ``citation`` (the rule of law
that allowed the step), ``source``, and more), ``state``, ``outcome``,
``deadlines``. Built from the same steps, outcome and deadlines as the text
narrative, so the two always agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from simulator.decider import Step
from simulator.events import event_to_dict
from simulator.projections.deadlines import DeadlineRecord
from simulator.projections.outcome import Outcome
from simulator.scenario import Scenario
from simulator.state import CaseState, state_to_dict

__all__ = ["case_document"]


def _event(step: Step) -> dict[str, Any]:
    event, rule = step.event, step.rule
    recorded = event_to_dict(event)
    return {
        "seq": step.index + 1,
        "date": event.date.isoformat(),
        "type": event.type,
        "track": rule.lane,
        "actor": event.actor,
        "summary": event.summary,
        "citation": rule.citation_on(event.date),
        "source": event.source,
        "rule": rule.id,
        "meaning": rule.explanation,
        "record": event.citation,
        "confidence": event.confidence,
        "details": {
            key: value
            for key, value in recorded.items()
            if key not in ("type", "date", "actor", "summary", "citation", "source", "confidence")
        },
    }


def _deadline(record: DeadlineRecord) -> dict[str, Any]:
    deadline = record.deadline
    return {
        "name": deadline.name,
        "case": deadline.case,
        "days": deadline.days,
        "start": deadline.start.isoformat(),
        "due": deadline.due.isoformat(),
        "citation": deadline.citation,
        "counting": deadline.counting,
        "started_by": record.started_by,
        "status": record.status,
        "closed_by": record.closed_by,
        "text": record.describe(),
    }


def case_document(
    scenario: Scenario,
    steps: Sequence[Step],
    outcome: Outcome,
    deadlines: Sequence[DeadlineRecord],
) -> dict[str, Any]:
    """The whole case as plain data, ready for `json.dumps`."""
    state = steps[-1].state if steps else CaseState()
    return {
        "scenario": {"id": scenario.id, "title": scenario.title, "summary": scenario.summary},
        "events": [_event(step) for step in steps],
        "state": state_to_dict(state),
        "outcome": attrs.asdict(outcome),
        "deadlines": [_deadline(record) for record in deadlines],
    }

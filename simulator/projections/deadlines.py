"""The deadlines a history started, and what became of each one.

A projection over the steps of a replay: after every step each clock of the
law (`simulator.law.deadlines.CLOCKS`, counted with the model's periods) is
read for the step's lawsuit; a new deadline is recorded where one starts,
marked met by the step that meets it, and at the end each is met, still
open, lapsed, or ended by something else.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import attrs

from simulator.decider import Step
from simulator.law.deadlines import CLOCKS, Deadline
from simulator.law.model import ProcessModel
from simulator.law.rules import MODEL

__all__ = ["DeadlineRecord", "deadlines"]


@attrs.frozen
class DeadlineRecord:
    """A deadline, the step that started it (1-based) and how it ended."""

    deadline: Deadline
    started_by: int
    status: str = "open"
    #: the 1-based step that met or ended it, if any
    closed_by: int | None = None

    def describe(self) -> str:
        """One line for a class: the deadline and what became of it."""
        text = self.deadline.describe()
        if self.status == "met":
            return f"{text}: met by step {self.closed_by}"
        if self.status == "ended":
            return f"{text}: ended by step {self.closed_by}"
        return f"{text}: {self.status}"


def deadlines(steps: Sequence[Step], *, model: ProcessModel = MODEL) -> tuple[DeadlineRecord, ...]:
    """Every deadline the steps started, in the order they started, counted with
    the periods of ``model`` (the one the steps were replayed under)."""
    clocks = model.clocks
    records: list[DeadlineRecord] = []
    open_ones: dict[tuple[str, str], int] = {}
    for step in steps:
        seq = step.index + 1
        suit = step.state.lawsuit(step.event.case)
        if suit is None:
            continue
        for clock in CLOCKS:
            key = (clock.name, suit.case)
            current = clock.compute(suit, clocks)
            position = open_ones.get(key)
            if position is not None and step.event.type in clock.met_by:
                records[position] = attrs.evolve(records[position], status="met", closed_by=seq)
                del open_ones[key]
                continue
            if position is not None and current != records[position].deadline:
                records[position] = _close(records[position], step.event.date, seq)
                del open_ones[key]
            starts = current is not None and current.start == step.event.date
            if starts and key not in open_ones and all(r.deadline != current for r in records):
                assert current is not None
                open_ones[key] = len(records)
                records.append(DeadlineRecord(current, seq))
    as_of = steps[-1].event.date if steps else datetime.date.min
    return tuple(_settle(record, as_of) for record in records)


def _close(record: DeadlineRecord, day: datetime.date, seq: int) -> DeadlineRecord:
    # A clock that ran out before this step lapsed on its own; otherwise the step ended it.
    if record.deadline.due < day:
        return attrs.evolve(record, status="lapsed")
    return attrs.evolve(record, status="ended", closed_by=seq)


def _settle(record: DeadlineRecord, as_of: datetime.date) -> DeadlineRecord:
    if record.status == "open" and record.deadline.due < as_of:
        return attrs.evolve(record, status="lapsed")
    return record

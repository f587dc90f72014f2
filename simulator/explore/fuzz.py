"""Fuzzing the process model: generated histories against the model's invariants.

Hypothesis draws lawful histories (`simulator.testing.histories`) and, when one
reaches a state that breaks an invariant, shrinks it to the shortest history it
can find that still does. The same seed gives the same result.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

import attrs
from hypothesis import HealthCheck, Phase, find, settings
from hypothesis.errors import NoSuchExample

from simulator.decider import Machine
from simulator.errors import IllegalTransition
from simulator.events import Event
from simulator.law.invariants import INVARIANTS, Invariant, broken
from simulator.law.model import ProcessModel
from simulator.law.rules import MODEL
from simulator.testing import histories

__all__ = ["Failure", "FuzzReport", "first_failure", "fuzz"]


@attrs.frozen
class Failure:
    """An invariant broken by the first ``steps`` events of ``history``."""

    invariant: Invariant
    problem: str
    steps: int
    history: tuple[Event, ...]


@attrs.frozen
class FuzzReport:
    """What a fuzzing run tried and found."""

    histories: int
    invariants: tuple[Invariant, ...]
    model: str
    failure: Failure | None = None


def first_failure(
    history: Sequence[Event],
    *,
    model: ProcessModel = MODEL,
    invariants: Sequence[Invariant] = INVARIANTS,
) -> Failure | None:
    """The first step of ``history`` after which an invariant is broken, if any."""
    machine = Machine(model=model)
    for count, event in enumerate(history, start=1):
        machine.step(event)
        failures = broken(machine.freeze(), invariants)
        if failures:
            invariant, problem = failures[0]
            return Failure(invariant, problem, count, tuple(history[:count]))
    return None


def fuzz(
    *,
    examples: int = 200,
    seed: int = 0,
    max_steps: int = 30,
    max_lawsuits: int = 2,
    model: ProcessModel = MODEL,
    invariants: Sequence[Invariant] = INVARIANTS,
) -> FuzzReport:
    """Try up to ``examples`` generated histories; shrink the first that breaks an invariant."""
    tried = 0

    def fails(history: list[Event]) -> bool:
        nonlocal tried
        tried += 1
        return first_failure(history, model=model, invariants=invariants) is not None

    strategy = histories(max_steps=max_steps, max_lawsuits=max_lawsuits, model=model)
    # Hypothesis's own shrinking replays a history per attempt and can take many;
    # the direct pass over the events (`_minimal`) is cheaper and bounded.
    budget = settings(
        max_examples=examples,
        database=None,
        deadline=None,
        phases=(Phase.generate,),
        suppress_health_check=list(HealthCheck),
    )
    try:
        example = find(strategy, fails, settings=budget, random=random.Random(seed))
    except NoSuchExample:
        return FuzzReport(tried, tuple(invariants), model.name)
    failure = first_failure(_minimal(example, fails, model), model=model, invariants=invariants)
    return FuzzReport(tried, tuple(invariants), model.name, failure)


def _minimal(
    history: list[Event], fails: Callable[[list[Event]], bool], model: ProcessModel
) -> list[Event]:
    """Drop runs of events, longest first, while the history stays lawful and still fails.

    A steps-to-reproduce reduction in the manner of delta debugging: it removes
    what Hypothesis's own shrinking would, directly on the events, which is
    cheaper here because every candidate history must be replayed anyway.
    """
    size = max(1, len(history) // 2)
    while size >= 1:
        start = len(history) - size
        while start >= 0:
            shorter = history[:start] + history[start + size :]
            if _lawful(shorter, model) and fails(shorter):
                history = shorter
                start = min(start, len(history) - size)
            else:
                start -= 1
        size //= 2
    return history


def _lawful(history: list[Event], model: ProcessModel) -> bool:
    try:
        Machine(model=model).run(history)
    except IllegalTransition:
        return False
    return True

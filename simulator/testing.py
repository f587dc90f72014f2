"""Hypothesis support for property-testing the process: strategies and a stateful test base.

``histories()`` draws legal event histories (every step allowed by the rules,
every deadline obeyed); ``ProcessStateMachine`` is a `RuleBasedStateMachine`
with one Hypothesis rule per rule of the process model, whose precondition
is that the law allows the step now. Subclass it and add ``@invariant()``
methods::

    from hypothesis import strategies as st
    from hypothesis.stateful import invariant
    from simulator.testing import ProcessStateMachine

    class NoAppealWithoutOrder(ProcessStateMachine):
        @invariant()
        def appeals_follow_orders(self):
            for suit in self.state.lawsuits:
                assert suit.appeal == "none" or suit.appealable_order

    TestNoAppealWithoutOrder = NoAppealWithoutOrder.TestCase

Importing this module imports Hypothesis; nothing else in the package does.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule

from simulator.decider import Machine
from simulator.errors import IllegalTransition
from simulator.events import Event
from simulator.explore.walk import candidates, next_steps
from simulator.law.model import ProcessModel, Rule
from simulator.law.rules import MODEL
from simulator.state import CaseState

__all__ = ["ProcessStateMachine", "histories"]

_START = datetime.date(2020, 8, 6)


@st.composite
def _histories(
    draw: st.DrawFn,
    max_steps: int,
    max_lawsuits: int,
    max_gap: int,
    start: datetime.date,
    model: ProcessModel,
) -> list[Event]:
    machine = Machine(model=model)
    day = start
    history: list[Event] = []
    while len(history) < max_steps:
        options = next_steps(machine.freeze(), day, model=model, max_lawsuits=max_lawsuits)
        # Stopping is the first choice, so histories shrink towards short ones.
        if not options or not draw(st.booleans()):
            break
        event = draw(st.sampled_from(options))
        machine.step(event)
        history.append(event)
        day += datetime.timedelta(days=draw(st.integers(0, max_gap)))
    return history


def histories(
    *,
    max_steps: int = 30,
    max_lawsuits: int = 1,
    max_gap: int = 14,
    start: datetime.date = _START,
    model: ProcessModel = MODEL,
) -> st.SearchStrategy[list[Event]]:
    """Legal event histories of at most ``max_steps`` events.

    Each step is one the rules allow at that point; between steps up to
    ``max_gap`` days pass, so deadlines sometimes run out and late steps are
    simply not offered. Histories shrink towards fewer, earlier steps.
    """
    if max_steps < 0 or max_lawsuits < 1 or max_gap < 0:
        raise ValueError("max_steps and max_gap must be >= 0 and max_lawsuits >= 1")
    return _histories(max_steps, max_lawsuits, max_gap, start, model)


class ProcessStateMachine(RuleBasedStateMachine):
    """A stateful test of the process: each rule of the model is a Hypothesis rule.

    ``self.history`` holds the events so far and ``self.state`` their replay;
    ``self.day`` is the date the next step would carry (``wait`` moves it on).
    """

    model: ProcessModel = MODEL
    max_lawsuits = 1

    def __init__(self) -> None:
        super().__init__()
        self.history: list[Event] = []
        self.state = CaseState()
        self.day = _START
        self._options: dict[str, Event] = {}
        self._options_for: tuple[CaseState, datetime.date] | None = None

    def allowed(self, law: Rule) -> Event | None:
        """The event that applies ``law`` today, if the law allows it now."""
        if self._options_for != (self.state, self.day):
            self._options = self._allowed_now()
            self._options_for = (self.state, self.day)
        return self._options.get(law.id)

    def _allowed_now(self) -> dict[str, Event]:
        # One pass over the candidates serves every rule's precondition this step.
        machine = Machine(self.state, self.model)
        options: dict[str, Event] = {}
        for event in candidates(
            self.state, self.day, model=self.model, max_lawsuits=self.max_lawsuits
        ):
            try:
                options.setdefault(machine.check(event).id, event)
            except IllegalTransition:
                continue
        return options

    def record(self, event: Event) -> None:
        """Apply an allowed event and keep it in the history."""
        machine = Machine(self.state, self.model)
        machine.step(event)
        self.state = machine.freeze()
        self.history.append(event)

    @rule(days=st.integers(min_value=1, max_value=30))
    def wait(self, days: int) -> None:
        """Let time pass: deadlines may run out, restraining orders lapse."""
        self.day += datetime.timedelta(days=days)


def _make_rule(law: Rule) -> Callable[[ProcessStateMachine], None]:
    @precondition(lambda machine: machine.allowed(law) is not None)
    @rule()
    def apply(machine: ProcessStateMachine) -> None:
        event = machine.allowed(law)
        assert event is not None
        machine.record(event)

    apply.__name__ = apply.__qualname__ = "rule_" + law.id.replace(".", "_")
    apply.__doc__ = f"{law.event}: {law.explanation} ({law.citation})"
    return apply


def _install(cls: Any, model: ProcessModel) -> None:
    for law in model.rules:
        setattr(cls, "rule_" + law.id.replace(".", "_"), _make_rule(law))


_install(ProcessStateMachine, MODEL)

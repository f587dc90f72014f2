"""simulator.testing: the strategies and the stateful base users build on."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import invariant

from simulator import Event, replay
from simulator.testing import ProcessStateMachine, histories


@given(histories(max_steps=15))
def test_histories_are_legal_and_bounded(history: list[Event]) -> None:
    assert len(history) <= 15
    replay(history)  # raises if any step were illegal
    assert [event.date for event in history] == sorted(event.date for event in history)


@given(histories(max_steps=20, max_lawsuits=2))
def test_histories_with_several_lawsuits_name_declared_cases(history: list[Event]) -> None:
    filed = {event.case for event in history if event.type == "complaint_filed"}
    assert {event.case for event in history if event.case} <= filed
    assert len(filed) <= 2


def test_histories_refuse_impossible_bounds() -> None:
    with pytest.raises(ValueError, match="max_lawsuits"):
        histories(max_lawsuits=0)


@given(st.data())
def test_the_first_step_of_any_history_is_a_policy(data: st.DataObject) -> None:
    history = data.draw(histories(max_steps=3))
    if history:
        assert history[0].type in ("order_issued", "statute_enacted")


class ReplayMatchesTheLiveState(ProcessStateMachine):
    """The user's pattern: subclass and add invariants."""

    @invariant()
    def replaying_the_log_gives_the_live_state(self) -> None:
        assert replay(self.history) == self.state

    @invariant()
    def no_appeal_without_an_appealable_order(self) -> None:
        for suit in self.state.lawsuits:
            assert suit.appeal == "none" or suit.appealable_order


ReplayMatchesTheLiveState.TestCase.settings = settings(
    ReplayMatchesTheLiveState.TestCase.settings, stateful_step_count=25
)
TestReplayMatchesTheLiveState = ReplayMatchesTheLiveState.TestCase


def test_every_rule_of_the_model_is_a_stateful_rule() -> None:
    from simulator.law.rules import MODEL

    names = {name for name in dir(ProcessStateMachine) if name.startswith("rule_")}
    assert names == {"rule_" + rule.id.replace(".", "_") for rule in MODEL.rules}

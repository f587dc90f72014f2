"""simulator.testing: the strategies and the stateful base users build on."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import invariant

from simulator import Event, replay
from simulator.events import OPENING
from simulator.testing import ProcessStateMachine, histories


@given(histories(max_steps=15))
def test_histories_are_legal_and_bounded(history: list[Event]) -> None:
    assert len(history) <= 15
    replay(history)  # raises if any step were illegal
    assert [event.date for event in history] == sorted(event.date for event in history)


@given(histories(max_steps=20, max_lawsuits=2))
def test_histories_with_several_lawsuits_name_declared_cases(history: list[Event]) -> None:
    filed = {event.case for event in history if event.type in OPENING}
    assert {event.case for event in history if event.case} <= filed
    assert len(filed) <= 2


def test_histories_refuse_impossible_bounds() -> None:
    with pytest.raises(ValueError, match="max_lawsuits"):
        histories(max_lawsuits=0)


@given(st.data())
def test_the_first_step_of_any_history_is_a_policy(data: st.DataObject) -> None:
    history = data.draw(histories(max_steps=3))
    if history:
        assert history[0].type in (
            "order_issued",
            "memorandum_issued",
            "proclamation_issued",
            "statute_enacted",
            "agency_action_taken",
        )


class ReplayMatchesTheLiveState(ProcessStateMachine):
    """The user's pattern: subclass and add invariants."""

    @invariant()
    def replaying_the_log_gives_the_live_state(self) -> None:
        assert replay(self.history) == self.state

    @invariant()
    def no_appeal_without_an_appealable_order(self) -> None:
        for suit in self.state.lawsuits:
            # A petition for review starts in the court of appeals: no order below.
            assert suit.appeal == "none" or suit.appealable_order or suit.original


ReplayMatchesTheLiveState.TestCase.settings = settings(
    ReplayMatchesTheLiveState.TestCase.settings, stateful_step_count=25
)
TestReplayMatchesTheLiveState = ReplayMatchesTheLiveState.TestCase


def test_every_rule_of_the_model_is_a_stateful_rule() -> None:
    from simulator.law.rules import MODEL

    names = {name for name in dir(ProcessStateMachine) if name.startswith("rule_")}
    assert names == {"rule_" + rule.id.replace(".", "_") for rule in MODEL.rules}


def _reached(strategy: st.SearchStrategy[list[Event]], event_type: str, runs: int = 100) -> int:
    """How many of ``runs`` drawn histories contain an event of ``event_type``."""
    found = 0

    @settings(max_examples=runs, database=None, derandomize=True)
    @given(strategy)
    def draw(history: list[Event]) -> None:
        nonlocal found
        found += any(event.type == event_type for event in history)

    draw()
    return found


def test_steering_reaches_the_supreme_court_far_more_often() -> None:
    steered = _reached(
        histories(max_steps=30, toward_event="supreme_court_decided"), "supreme_court_decided"
    )
    unsteered = _reached(histories(max_steps=30), "supreme_court_decided")
    assert steered >= 10
    assert steered > 3 * max(unsteered, 1)


def test_steering_needs_a_known_event_type() -> None:
    with pytest.raises(ValueError, match="unknown event type"):
        histories(toward_event="supreme_court_ruled")


@given(st.data())
def test_a_history_can_continue_the_wechat_case_from_its_injunction(data: st.DataObject) -> None:
    from pathlib import Path

    from simulator.scenario import load_scenario

    wechat = load_scenario(Path(__file__).resolve().parent.parent / "scenarios" / "wechat.yaml")
    prefix = wechat.events[:13]  # through the injunction of 2020-09-19
    history = data.draw(histories(prefix=prefix, max_steps=10))
    assert tuple(history[:13]) == prefix
    assert all(event.date >= prefix[-1].date for event in history[13:])
    replay(history)


def test_an_unlawful_prefix_is_refused_at_once() -> None:
    import datetime

    from simulator import IllegalTransition

    late = [Event("complaint_filed", datetime.date(2020, 8, 21), case="w")]
    with pytest.raises(IllegalTransition):
        histories(prefix=late)


def test_a_history_becomes_a_scenario_file_that_replays(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from simulator.scenario import load_scenario
    from simulator.testing import to_scenario_yaml

    @settings(max_examples=10, database=None, derandomize=True)
    @given(histories(max_steps=20, max_lawsuits=2))
    def round_trip(history: list[Event]) -> None:
        assume(history)
        path = tmp_path / "history.yaml"
        path.write_text(to_scenario_yaml(history), encoding="utf-8")
        loaded = load_scenario(path)
        assert [(e.type, e.date, e.case) for e in loaded.events] == [
            (e.type, e.date, e.case) for e in history
        ]
        assert replay(loaded.events) == replay(history)

    round_trip()

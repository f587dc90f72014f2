"""decide / evolve / replay: the event-sourced core.

Given a state, when a step is proposed, then `decide` records it or refuses it;
`evolve` applies any recorded fact without judging it; `replay` is the fold of
`evolve` over a history, checked or not, and can stop at a step or a date.
"""

from __future__ import annotations

import datetime
import functools
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator import CaseState, Event, IllegalTransition, Scenario, decide, evolve, replay
from simulator.events import COURTS, EVENT_TYPES
from simulator.explore.walk import random_history
from simulator.state import LawsuitState, PolicyState

D = datetime.date.fromisoformat


def ev(kind: str, day: str, **fields: Any) -> Event:
    """An event of lawsuit "c" (policy events belong to no lawsuit)."""
    if EVENT_TYPES[kind].lawsuit:
        fields.setdefault("case", "c")
    return Event(kind, D(day), **fields)


ORDER = ev("order_issued", "2020-08-06")
COMPLAINT = ev("complaint_filed", "2020-08-21", united_states_party=True)
PI_MOTION = ev("motion_filed", "2020-08-28", motion="preliminary_injunction")
HEARING = ev("hearing_held", "2020-09-17", motion="preliminary_injunction")
PI = ev("injunction_granted", "2020-09-19", scope="universal")
LEGAL = [ORDER, COMPLAINT, PI_MOTION, HEARING, PI]

# --- decide --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_events", "when"),
    [
        pytest.param([], ORDER, id="order"),
        pytest.param([ORDER], COMPLAINT, id="complaint"),
        pytest.param(LEGAL[:4], PI, id="injunction"),
        pytest.param(LEGAL, ev("notice_of_appeal_filed", "2020-10-02"), id="appeal"),
    ],
)
def test_decide_records_an_allowed_step_as_it_is(given_events: list[Event], when: Event) -> None:
    assert decide(replay(given_events), when) == (when,)


@pytest.mark.parametrize(
    ("given_events", "when", "citation", "reason"),
    [
        pytest.param([], COMPLAINT, "art. III", "no order or statute", id="nothing-to-sue"),
        pytest.param([ORDER], PI, "FRCP 3", "no complaint", id="no-lawsuit"),
        pytest.param(LEGAL[:3], PI, "FRCP 65(a)(1)", "not yet answered", id="no-notice"),
        pytest.param(
            LEGAL, ev("notice_of_appeal_filed", "2020-11-19"), "FRAP 4(a)(1)", "due by", id="late"
        ),
    ],
)
def test_decide_refuses_with_citation_and_reason(
    given_events: list[Event], when: Event, citation: str, reason: str
) -> None:
    with pytest.raises(IllegalTransition) as caught:
        decide(replay(given_events), when)
    refusal = caught.value
    assert citation in refusal.citation
    assert reason in refusal.reason
    assert refusal.index is None
    assert str(refusal).endswith(f"[{refusal.citation}]")


# --- evolve --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_events", "when"),
    [
        pytest.param([], COMPLAINT, id="complaint-without-order"),
        pytest.param([ORDER], PI, id="injunction-without-lawsuit"),
        pytest.param(LEGAL, ev("notice_of_appeal_filed", "2020-11-19"), id="late-appeal"),
        pytest.param(LEGAL, ev("complaint_amended", "2019-01-01"), id="back-in-time"),
        pytest.param(LEGAL, ev("cert_granted", "2020-10-01"), id="no-petition"),
    ],
)
def test_evolve_applies_even_a_step_the_law_refuses(given_events: list[Event], when: Event) -> None:
    before = replay(given_events)
    with pytest.raises(IllegalTransition):
        decide(before, when)
    after = evolve(before, when)
    assert isinstance(after, CaseState)
    assert (after.steps, after.as_of) == (before.steps + 1, when.date)


def test_evolve_applies_the_rule_of_a_recorded_step() -> None:
    state = evolve(replay(LEGAL[:4]), PI)
    suit = state.lawsuit("c")
    assert suit is not None
    assert (suit.injunction, suit.scope, suit.appealable_on) == ("in_force", "universal", PI.date)


# --- replay --------------------------------------------------------------------------------


def test_replay_until_n_is_the_replay_of_the_first_n(wechat: Scenario) -> None:
    events = wechat.events
    for n in range(len(events) + 2):
        assert replay(events, until=n) == replay(events[:n])


@pytest.mark.parametrize(
    ("until", "steps", "injunction", "appeal"),
    [
        pytest.param("2020-08-05", 0, None, None, id="before-the-order"),
        pytest.param("2020-08-21", 2, "none", "none", id="complaint"),
        pytest.param("2020-09-18", 11, "moved", "none", id="eve-of-injunction"),
        pytest.param("2020-09-19", 13, "in_force", "none", id="injunction"),
        pytest.param("2020-10-02", 17, "in_force", "pending", id="notice-of-appeal"),
        pytest.param("2021-06-09", 24, "in_force", "abeyance", id="revocation"),
        pytest.param("2030-01-01", 26, "in_force", "dismissed", id="after-the-end"),
    ],
)
def test_replay_until_a_date_is_the_state_after_every_event_on_or_before_it(
    wechat: Scenario, until: str, steps: int, injunction: str | None, appeal: str | None
) -> None:
    day = D(until)
    state = replay(wechat.events, until=day)
    assert state == replay([e for e in wechat.events if e.date <= day])
    assert state.steps == steps
    suit = state.lawsuit("wechat")
    if injunction is None:
        assert suit is None
    else:
        assert suit is not None
        assert (suit.injunction, suit.appeal) == (injunction, appeal)


def test_replay_until_a_negative_count_is_refused(wechat: Scenario) -> None:
    with pytest.raises(ValueError, match="0 or more"):
        replay(wechat.events, until=-1)


def test_checked_and_unchecked_replay_agree_on_wechat(wechat: Scenario) -> None:
    assert replay(wechat.events, checked=False) == replay(wechat.events)


@pytest.mark.parametrize(
    ("events", "index"),
    [
        pytest.param([COMPLAINT, ORDER], 0, id="first-step"),
        pytest.param([ORDER, PI, COMPLAINT], 1, id="injunction-before-lawsuit"),
        pytest.param([*LEGAL, ev("notice_of_appeal_filed", "2020-11-19")], 5, id="late-appeal"),
        pytest.param([*LEGAL, ev("complaint_amended", "2020-09-01")], 5, id="out-of-date-order"),
        pytest.param([ORDER, COMPLAINT, PI, PI], 2, id="first-of-two-refusals"),
    ],
)
def test_replay_names_the_first_illegal_step(events: list[Event], index: int) -> None:
    replay(events[:index])
    with pytest.raises(IllegalTransition) as caught:
        replay(events)
    assert caught.value.index == index
    assert f"step {index + 1}" in str(caught.value)
    assert caught.value.citation


# --- state ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "field"),
    [
        pytest.param(CaseState(), "steps", id="case"),
        pytest.param(PolicyState(), "policy", id="policy"),
        pytest.param(LawsuitState("c"), "injunction", id="lawsuit"),
    ],
)
def test_state_is_immutable(value: object, field: str) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(value, field, "changed")


def test_a_replayed_state_is_frozen_all_the_way_down(wechat: Scenario) -> None:
    state = replay(wechat.events)
    assert type(state.lawsuits) is tuple
    for suit in state.lawsuits:
        assert type(suit) is LawsuitState
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            suit.moot = False  # type: ignore[misc]


def test_state_is_compared_by_value(wechat: Scenario) -> None:
    first, second = replay(wechat.events), replay(list(wechat.events))
    assert first is not second
    assert first == second
    assert hash(first) == hash(second)
    assert first != replay(wechat.events, until=25)


# --- properties over random legal histories ------------------------------------------------


@st.composite
def legal_histories(draw: st.DrawFn) -> list[Event]:
    """A legal history of up to 25 events, drawn by the project's own random walk."""
    rng = draw(st.randoms(use_true_random=False))
    lawsuits = draw(st.integers(min_value=1, max_value=2))
    return random_history(rng, max_steps=25, max_lawsuits=lawsuits)


_DATES = st.dates(datetime.date(2019, 1, 1), datetime.date(2027, 12, 31))

#: Any event at all, legal or not: the qualifiers and cases range over every value.
any_events = st.builds(
    Event,
    type=st.sampled_from(sorted(EVENT_TYPES)),
    date=_DATES,
    case=st.sampled_from(["", "case-1", "case-2", "other"]),
    court=st.sampled_from(["", *COURTS]),
    motion=st.sampled_from(["", "tro", "preliminary_injunction", "stay", "dismiss"]),
    disposition=st.sampled_from(
        ["", "voluntary", "moot", "motion", "plaintiffs", "defendants", "affirmed", "reversed"]
    ),
    scope=st.sampled_from(["", "parties", "class", "universal"]),
    expires=st.none() | _DATES,
    united_states_party=st.booleans(),
)


@given(legal_histories())
def test_every_prefix_of_a_legal_history_is_legal(history: list[Event]) -> None:
    state = CaseState()
    for n, event in enumerate(history):
        assert replay(history[:n]) == state
        assert decide(state, event) == (event,)
        state = evolve(state, event)
    assert replay(history) == state


@given(legal_histories(), st.integers(min_value=0, max_value=30))
def test_replay_until_n_is_replay_of_the_prefix(history: list[Event], n: int) -> None:
    assert replay(history, until=n) == replay(history[:n])


@given(legal_histories(), _DATES)
def test_replay_until_a_date_is_replay_of_the_events_up_to_it(
    history: list[Event], day: datetime.date
) -> None:
    assert replay(history, until=day) == replay([e for e in history if e.date <= day])


@given(legal_histories())
def test_replay_is_deterministic(history: list[Event]) -> None:
    assert replay(history) == replay(tuple(history)) == replay(iter(history))


@given(legal_histories())
def test_unchecked_replay_agrees_with_checked_replay(history: list[Event]) -> None:
    assert replay(history, checked=False) == replay(history, checked=True)


@given(legal_histories())
def test_replay_is_the_fold_of_evolve(history: list[Event]) -> None:
    assert functools.reduce(evolve, history, CaseState()) == replay(history)


@given(legal_histories(), any_events)
def test_evolve_never_raises(history: list[Event], event: Event) -> None:
    before = replay(history)
    after = evolve(before, event)
    assert (after.steps, after.as_of) == (before.steps + 1, event.date)

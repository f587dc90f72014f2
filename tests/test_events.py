"""Events: the type registry, the rule key, and the JSON form of an event."""

from __future__ import annotations

import datetime
import json
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator import Event
from simulator.events import EVENT_TYPES, describe_event, event_from_dict, event_to_dict
from simulator.explore.walk import random_history
from simulator.law.rules import MODEL


def test_an_unknown_type_is_refused_when_the_event_is_made() -> None:
    with pytest.raises(ValueError, match="unknown event type 'injunction_grant'"):
        Event("injunction_grant", datetime.date(2020, 9, 19))


def test_the_court_defaults_to_where_the_type_happens() -> None:
    assert Event("appeal_argued", datetime.date(2021, 1, 14), case="w").court == "appeals"
    assert Event("cert_granted", datetime.date(2021, 1, 14), case="w").court == "supreme"
    assert Event("order_issued", datetime.date(2020, 8, 6)).court == ""


def test_the_key_picks_the_qualifier_the_type_declares() -> None:
    stay = Event(
        "motion_filed", datetime.date(2020, 10, 2), case="w", motion="stay", court="appeals"
    )
    assert stay.key == ("motion_filed", "stay", "appeals")
    assert describe_event(stay) == "motion filed (stay) in the appeals court"


def test_every_event_type_is_governed_by_some_rule() -> None:
    governed = {rule.event for rule in MODEL.rules}
    assert governed == set(EVENT_TYPES)


def test_the_wechat_events_survive_a_json_round_trip(wechat) -> None:  # type: ignore[no-untyped-def]
    for event in wechat.events:
        text = json.dumps(event_to_dict(event))
        assert event_from_dict(json.loads(text)) == event


@given(st.integers(min_value=0, max_value=10_000))
def test_generated_events_survive_a_json_round_trip(seed: int) -> None:
    for event in random_history(random.Random(seed), max_steps=15, max_lawsuits=2):
        assert event_from_dict(json.loads(json.dumps(event_to_dict(event)))) == event

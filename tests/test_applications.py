"""Emergency applications to the Supreme Court: referral by the Circuit Justice (S. Ct. R. 22.5).

Real example: Ross v. National Urban League, No. 20A62, against the Census Bureau's plan of
Aug. 3, 2020 to end the count early: on Oct. 13, 2020 "the application for stay presented to
JUSTICE KAGAN and by her referred to the Court is granted" (docket, SCOTUSblog copy). The
steps before the application, and its own date, are the model's.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from simulator import Event, IllegalTransition, replay
from simulator.decider import Machine
from simulator.events import EVENT_TYPES

D = datetime.date.fromisoformat


def at(kind: str, day: str, **fields: Any) -> Event:
    if EVENT_TYPES[kind].lawsuit:
        fields.setdefault("case", "nul")
    return Event(kind, D(day), united_states_party=True, **fields)


def rule_for(given: list[Event], when: Event) -> str:
    return Machine(replay(given)).check(when).id


CENSUS = [
    at("agency_action_taken", "2020-08-03", form="program"),
    at("complaint_filed", "2020-08-18"),
    at("motion_filed", "2020-08-25", motion="preliminary_injunction"),
    at("brief_filed", "2020-09-01", motion="preliminary_injunction", party="government"),
    at("hearing_held", "2020-09-22", motion="preliminary_injunction"),
    at("injunction_granted", "2020-09-24"),
    at("notice_of_appeal_filed", "2020-09-25", party="government"),
    at("motion_filed", "2020-09-25", motion="stay", court="district"),
    at("stay_denied", "2020-09-28", court="district"),
    at("motion_filed", "2020-09-29", motion="stay", court="appeals"),
    at("stay_denied", "2020-10-07", court="appeals"),
    at("application_filed", "2020-10-07", motion="stay", party="government"),
]
REFERRED = at("application_referred", "2020-10-13")
GRANTED = at("application_granted", "2020-10-13")


def test_ross_the_circuit_justice_refers_the_application_to_the_court() -> None:
    assert rule_for(CENSUS, REFERRED) == "application.refer"
    referred = [*CENSUS, REFERRED]
    suit = replay(referred).lawsuit("nul")
    assert suit is not None
    assert suit.application == "filed"  # the Court, not the Justice, now decides it
    assert rule_for(referred, GRANTED) == "application.grant"
    after = replay([*referred, GRANTED]).lawsuit("nul")
    assert after is not None
    assert after.injunction == "stayed"


def test_only_a_pending_application_is_referred() -> None:
    with pytest.raises(IllegalTransition) as caught:
        Machine(replay(CENSUS[:-1])).check(REFERRED)
    assert "S. Ct. R. 22.5" in str(caught.value)

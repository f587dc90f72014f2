"""Where a court sits, and the state holidays its periods skip (FRCP 6(a)(6)(C); FRAP 26(a)(6)(C)).

Examples: the District of Columbia's Emancipation Day (April 16, D.C. Code 1-612.02) and
Inauguration Day for the District Court for the District of Columbia; California's Cesar Chavez
Day (March 31) for the Northern District of California (the WeChat court); the Supreme Court's
own periods count only federal holidays (S. Ct. R. 30.1).
"""

from __future__ import annotations

import datetime

import pytest

from simulator import Event, replay
from simulator.law.calendar import add_days, is_court_closed
from simulator.law.courts import state_of_court, venue_of
from simulator.law.deadlines import appeal_deadline, certiorari_deadline
from simulator.scenario import load_scenario

D = datetime.date.fromisoformat


@pytest.mark.parametrize(
    ("court", "state"),
    [
        ("U.S. District Court for the Northern District of California", "CA"),
        ("U.S. District Court for the District of Columbia", "DC"),
        ("U.S. District Court for the Southern District of West Virginia", "WV"),
        ("U.S. Court of International Trade", "NY"),
        ("U.S. Court of Appeals for the District of Columbia Circuit", "DC"),
        ("U.S. Court of Appeals for the Ninth Circuit", "CA"),
        ("a court nobody knows", ""),
    ],
)
def test_where_a_court_sits(court: str, state: str) -> None:
    assert state_of_court(court) == state


def test_a_petition_for_review_counts_the_circuit_clerks_state() -> None:
    dc = "U.S. Court of Appeals for the District of Columbia Circuit"
    assert venue_of("petition_for_review_filed", "", dc) == "DC"
    assert venue_of("complaint_filed", "U.S. District Court for the District of Hawaii", dc) == "HI"


def test_emancipation_day_closes_the_clerks_office_in_dc_only() -> None:
    day = D("2025-04-16")  # a Wednesday
    assert is_court_closed(day, "DC")
    assert not is_court_closed(day)
    assert not is_court_closed(day, "CA")
    # 30 days from an order of March 17, 2025 end on April 16: in D.D.C., on April 17
    assert add_days(D("2025-03-17"), 30, state="DC") == D("2025-04-17")
    assert add_days(D("2025-03-17"), 30) == D("2025-04-16")
    assert is_court_closed(D("2021-01-20"), "DC")  # Inauguration Day, a D.C. holiday


def test_cesar_chavez_day_moves_a_deadline_in_the_northern_district_of_california() -> None:
    events = [
        Event("order_issued", D("2021-01-04")),
        Event("complaint_filed", D("2021-01-05"), case="c", united_states_party=False, venue="CA"),
        Event("case_dismissed", D("2021-03-01"), case="c", disposition="motion"),
    ]
    suit = replay(events).lawsuit("c")
    assert suit is not None
    assert suit.venue == "CA"
    deadline = appeal_deadline(suit)
    assert deadline is not None
    assert deadline.due == D("2021-04-01")  # 30 days end on Wednesday, March 31


def test_the_supreme_courts_clock_counts_federal_holidays_only() -> None:
    events = [
        Event("statute_enacted", D("2025-01-01")),
        Event("petition_for_review_filed", D("2025-01-06"), case="c", court="appeals", venue="DC"),
        Event(
            "appeal_decided",
            D("2025-01-16"),
            case="c",
            court="appeals",
            disposition="petition_denied",
        ),
    ]
    suit = replay(events).lawsuit("c")
    assert suit is not None
    deadline = certiorari_deadline(suit)
    assert deadline is not None
    assert deadline.due == D("2025-04-16")  # Emancipation Day does not count (S. Ct. R. 30.1)


def test_the_bundled_cases_know_where_their_courts_sit() -> None:
    wechat = load_scenario("wechat")
    (opening,) = [e for e in wechat.events if e.type == "complaint_filed"]
    assert opening.venue == "CA"
    state = replay(load_scenario("tariffs-2025").events)
    assert {suit.case: suit.venue for suit in state.lawsuits} == {
        "vos": "NY",
        "learning-resources": "DC",
    }

"""More time: extensions of the time to appeal and to petition, and a motion that holds it.

The rules' own examples: FRAP 4(a)(4)(A) (a timely motion to alter or amend the judgment under
FRCP 59(e) holds the time to appeal, which runs again from the order deciding it), FRAP 4(a)(5)
(an extension on a motion made within 30 days after the time ran out, to no more than 30 days
after it or 14 days after the order), and S. Ct. R. 13.5 (a Justice may extend the time to
petition for certiorari for no more than 60 days), on the dates of V.O.S. Selections (Ct. Int'l
Trade, judgment of May 28, 2025) and of TikTok v. Garland (D.C. Cir. judgment, Dec. 6, 2024).
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from simulator import Event, IllegalTransition, replay
from simulator.decider import Machine
from simulator.events import EVENT_TYPES
from simulator.law.deadlines import appeal_deadline, certiorari_deadline, rehearing_deadline

D = datetime.date.fromisoformat


def at(kind: str, day: str, **fields: Any) -> Event:
    if EVENT_TYPES[kind].lawsuit:
        fields.setdefault("case", "c")
    return Event(kind, D(day), united_states_party=True, **fields)


def rule_for(given: list[Event], when: Event) -> str:
    return Machine(replay(given)).check(when).id


def refusal(given: list[Event], when: Event) -> IllegalTransition:
    with pytest.raises(IllegalTransition) as caught:
        Machine(replay(given)).check(when)
    return caught.value


def suit(events: list[Event]):  # type: ignore[no-untyped-def]
    found = replay(events).lawsuit("c")
    assert found is not None
    return found


JUDGED = [
    at("order_issued", "2025-04-02"),
    at("complaint_filed", "2025-04-14"),
    at("judgment_entered", "2025-05-28", disposition="plaintiffs", relief=("vacatur",)),
]


def test_a_timely_motion_to_alter_the_judgment_holds_the_time_to_appeal() -> None:
    motion = at("motion_filed", "2025-06-20", motion="alter_judgment")
    assert rule_for(JUDGED, motion) == "post_judgment.move"
    assert appeal_deadline(suit([*JUDGED, motion])) is None  # FRAP 4(a)(4)(A)
    decided = [*JUDGED, motion, at("post_judgment_motion_decided", "2025-08-01")]
    deadline = appeal_deadline(suit(decided))
    assert deadline is not None
    assert (deadline.start, deadline.due) == (D("2025-08-01"), D("2025-09-30"))
    # 28 days after May 28 is June 25: a later motion holds nothing
    late = at("motion_filed", "2025-06-26", motion="alter_judgment")
    assert "due by 2025-06-25" in refusal(JUDGED, late).reason


def test_the_trial_court_may_extend_the_time_to_appeal() -> None:
    # 60 days from May 28, 2025 end on Sunday, July 27, so Monday, July 28
    original = appeal_deadline(suit(JUDGED))
    assert original is not None
    assert original.due == D("2025-07-28")
    extended = at("appeal_time_extended", "2025-08-10", expires=D("2025-08-27"))
    assert rule_for(JUDGED, extended) == "appeal_time.extend"
    deadline = appeal_deadline(suit([*JUDGED, extended]))
    assert deadline is not None
    assert deadline.due == D("2025-08-27")
    assert "FRAP 4(a)(5)" in deadline.citation
    too_long = at("appeal_time_extended", "2025-08-10", expires=D("2025-09-10"))
    assert "by 2025-08-27" in refusal(JUDGED, too_long).reason
    too_late = at("appeal_time_extended", "2025-08-28", expires=D("2025-09-05"))
    assert "can no longer be extended" in refusal(JUDGED, too_late).reason


DECIDED = [
    at("statute_enacted", "2024-04-24"),
    at("petition_for_review_filed", "2024-05-07"),
    at("appeal_decided", "2024-12-06", disposition="petition_denied"),
]


def test_a_justice_may_extend_the_time_for_certiorari_by_sixty_days() -> None:
    original = certiorari_deadline(suit(DECIDED))
    assert original is not None
    assert original.due == D("2025-03-06")  # 90 days from Dec. 6, 2024
    extension = at("certiorari_time_extended", "2025-02-20", expires=D("2025-05-05"))
    assert rule_for(DECIDED, extension) == "certiorari_time.extend"
    deadline = certiorari_deadline(suit([*DECIDED, extension]))
    assert deadline is not None
    assert (deadline.due, "S. Ct. R. 13.5" in deadline.citation) == (D("2025-05-05"), True)
    assert rule_for([*DECIDED, extension], at("cert_petition_filed", "2025-05-05")) == (
        "cert.petition"
    )
    too_long = at("certiorari_time_extended", "2025-02-20", expires=D("2025-05-06"))
    assert "no more than 60 days" in refusal(DECIDED, too_long).reason


#: Bowles v. Russell, 551 U.S. 205 (2007), from N.D. Ohio No. 02-01520: habeas denied Sept. 9,
#: 2003; Bowles, who had no timely notice, moved to reopen on Dec. 12, 2003; the court reopened
#: on Feb. 10, 2004 but gave him until Feb. 27, 17 days; he appealed on Feb. 26, and the Court
#: held the 14 days of FRAP 4(a)(6) and 28 U.S.C. 2107(c) jurisdictional. (A habeas petition
#: against a warden is modelled here as a suit against a policy; its steps before the judgment
#: are the model's.)
BOWLES = [
    Event("order_issued", D("2002-01-01")),
    Event("complaint_filed", D("2002-07-31"), case="c"),
    Event("judgment_entered", D("2003-09-09"), case="c", disposition="defendants"),
]
REOPEN_MOTION = Event("motion_filed", D("2003-12-12"), case="c", motion="reopen_time")
REOPENED = Event("appeal_time_reopened", D("2004-02-10"), case="c")


def test_bowles_reopening_gives_14_days_and_not_a_day_more() -> None:
    late_for_appeal = Event("notice_of_appeal_filed", D("2003-12-12"), case="c")
    assert "was due by 2003-10-09" in refusal(BOWLES, late_for_appeal).reason
    assert rule_for(BOWLES, REOPEN_MOTION) == "appeal_time.reopen.move"
    assert rule_for([*BOWLES, REOPEN_MOTION], REOPENED) == "appeal_time.reopen"
    reopened = [*BOWLES, REOPEN_MOTION, REOPENED]
    deadline = appeal_deadline(suit(reopened))
    assert deadline is not None
    assert deadline.due == D("2004-02-24")
    assert "FRAP 4(a)(6)" in deadline.citation
    on_day_16 = Event("notice_of_appeal_filed", D("2004-02-26"), case="c")
    assert "was due by 2004-02-24" in refusal(reopened, on_day_16).reason
    in_time = Event("notice_of_appeal_filed", D("2004-02-24"), case="c")
    assert rule_for(reopened, in_time) == "appeal.notice"


def test_the_motion_to_reopen_comes_within_180_days_of_the_order() -> None:
    too_late = Event("motion_filed", D("2004-03-08"), case="c", motion="reopen_time")
    refused = refusal(BOWLES, too_late)
    assert "within 180 days after the order of 2003-09-09, by 2004-03-07" in refused.reason
    assert refused.citation == "FRAP 4(a)(6)(B); 28 U.S.C. 2107(c)"


def test_no_reopening_before_the_rule_of_1991() -> None:
    early = [
        Event("order_issued", D("1989-01-01")),
        Event("complaint_filed", D("1989-07-31"), case="c"),
        Event("judgment_entered", D("1990-09-10"), case="c", disposition="defendants"),
    ]
    motion = Event("motion_filed", D("1990-12-12"), case="c", motion="reopen_time")
    assert "1991-12-01" in str(refusal(early, motion))


#: Circuitronix, LLC v. Kinwong Electronic (Hong Kong) Co., No. 19-12547 (11th Cir. Apr. 8,
#: 2021): the Chief Judge of the Southern District of Florida closed the court on Friday, July
#: 5, 2019, which "made the clerk's office inaccessible for purposes of Rule 6(a)(3)(A)", so a
#: post-judgment motion due that day and filed Monday, July 8 was timely. (The judgment's date,
#: June 7, 2019, is the one 28 days before, as the holding needs; the earlier steps are the
#: model's.)
CIRCUITRONIX = [
    Event("order_issued", D("2017-01-02")),
    Event("complaint_filed", D("2017-02-01"), case="c", venue="FL"),
    Event("judgment_entered", D("2019-06-07"), case="c", disposition="defendants"),
]
CLOSED = Event("clerk_office_inaccessible", D("2019-07-05"), case="c")
MONDAY = Event("motion_filed", D("2019-07-08"), case="c", motion="alter_judgment")


def test_circuitronix_a_closed_clerk_s_office_moves_the_last_day_on() -> None:
    assert "was due by 2019-07-05" in refusal(CIRCUITRONIX, MONDAY).reason
    assert rule_for(CIRCUITRONIX, CLOSED) == "clerk.inaccessible"
    assert rule_for([*CIRCUITRONIX, CLOSED], MONDAY) == "post_judgment.move"


def test_an_inaccessible_day_that_is_not_the_last_changes_nothing() -> None:
    earlier = Event("clerk_office_inaccessible", D("2019-07-01"), case="c", expires=D("2019-07-03"))
    assert "was due by 2019-07-05" in refusal([*CIRCUITRONIX, earlier], MONDAY).reason


def test_a_closure_counts_only_where_a_time_to_file_runs() -> None:
    appeals = Event("clerk_office_inaccessible", D("2019-07-05"), case="c", court="appeals")
    refused = refusal(CIRCUITRONIX, appeals)
    assert "no time to file in the appeals court is running" in refused.reason
    backwards = Event(
        "clerk_office_inaccessible", D("2019-07-05"), case="c", expires=D("2019-07-04")
    )
    assert "on or after the day it begins" in refusal(CIRCUITRONIX, backwards).reason


def test_a_closure_of_the_court_of_appeals_moves_its_own_deadline() -> None:
    decided = [
        at("order_issued", "2019-06-03"),
        at("complaint_filed", "2019-06-04"),
        at("motion_filed", "2019-06-04", motion="preliminary_injunction"),
        at("brief_filed", "2019-06-10", motion="preliminary_injunction", party="government"),
        at("hearing_held", "2019-06-20", motion="preliminary_injunction"),
        at("injunction_granted", "2019-06-21"),
        at("notice_of_appeal_filed", "2019-06-24", party="government"),
        at("appeal_decided", "2020-01-06", court="appeals", disposition="affirmed"),
    ]
    due = rehearing_deadline(suit(decided))
    assert due is not None
    assert due.due == D("2020-02-20")  # 45 days with a United States party
    closed = at("clerk_office_inaccessible", "2020-02-20", court="appeals")
    assert rule_for(decided, closed) == "clerk.inaccessible.appeals"
    moved = rehearing_deadline(suit([*decided, closed]))
    assert moved is not None
    assert moved.due == D("2020-02-21")
    # The district court's own clocks are not the court of appeals' closure's business.
    assert appeal_deadline(suit([*decided, closed])) == appeal_deadline(suit(decided))

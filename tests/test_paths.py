"""The rules for the other paths to the Supreme Court, on the real cases' own dates.

TikTok Inc. v. Trump (D.D.C. No. 1:20-cv-02658) and Marland v. Trump (E.D. Pa.
No. 2:20-cv-04597): parts of a policy enjoined in two courts, an injunction
widened. State of Hawaii v. Trump (D. Haw. No. 1:17-cv-00050): a restraining
order converted, a partial stay, a stay from the Supreme Court. TikTok Inc. v.
Garland (D.C. Cir. No. 24-1113; S. Ct. No. 24A587): a petition for review, an
injunction pending review, an application taken as a petition. Youngstown
Sheet & Tube Co. v. Sawyer (1952): the rules before the appellate rules of 1968.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from simulator import Event, IllegalTransition, replay
from simulator.decider import Machine
from simulator.events import EVENT_TYPES, event_from_dict, event_to_dict
from simulator.law.enjoined import enjoined

D = datetime.date.fromisoformat
PRONGS = ("app_store", "hosting", "cdn", "peering", "code")


def at(kind: str, day: str, case: str = "c", **fields: Any) -> Event:
    """An event on ``day`` (text), in lawsuit ``case`` unless it is the policy's own."""
    if EVENT_TYPES[kind].lawsuit:
        fields["case"] = case
    return Event(kind, D(day), **fields)


def rule_for(given: list[Event], when: Event) -> str:
    """The id of the rule that allows ``when`` after ``given``."""
    return Machine(replay(given)).check(when).id


def refused(given: list[Event], when: Event) -> IllegalTransition:
    with pytest.raises(IllegalTransition) as caught:
        Machine(replay(given)).check(when)
    return caught.value


# -- TikTok 2020: one policy, five prohibitions, two courts ---------------------------

TIKTOK = [
    at("order_issued", "2020-08-06"),
    at("rule_issued", "2020-09-18", effective=D("2020-09-27"), parts=PRONGS),
    at("complaint_filed", "2020-09-18", "tiktok"),
    at("motion_filed", "2020-09-23", "tiktok", motion="preliminary_injunction"),
    at("hearing_held", "2020-09-27", "tiktok", motion="preliminary_injunction"),
    at("injunction_granted", "2020-09-27", "tiktok", covers=("app_store",)),
]
MARLAND = [
    at("complaint_filed", "2020-09-18", "marland"),
    at("motion_filed", "2020-10-01", "marland", motion="preliminary_injunction"),
    at("brief_filed", "2020-10-08", "marland", motion="preliminary_injunction"),
    at(
        "injunction_granted",
        "2020-10-30",
        "marland",
        scope="universal",
        covers=PRONGS[1:],
    ),
]


def test_an_injunction_against_one_prohibition_leaves_the_policy_partly_enjoined() -> None:
    standing = enjoined(replay(TIKTOK))
    assert standing.extent == "partly"
    assert standing.parts == ("app_store",)
    assert standing.free == PRONGS[1:]


def test_two_courts_between_them_enjoin_the_whole_policy() -> None:
    standing = enjoined(replay(sorted([*TIKTOK, *MARLAND], key=lambda event: event.date)))
    assert standing.extent == "fully"
    assert standing.by == ("tiktok", "marland")
    assert standing.free == ()


def test_a_renewed_motion_keeps_the_first_injunction_and_widens_it() -> None:
    renewed = at("motion_filed", "2020-10-14", "tiktok", motion="preliminary_injunction")
    assert rule_for(TIKTOK, renewed) == "injunction.move.widen"
    heard = [*TIKTOK, renewed, at("hearing_held", "2020-11-04", "tiktok", motion=renewed.motion)]
    # While the motion is pending the Sept. 27 injunction still stops the app-store ban.
    assert enjoined(replay(heard)).parts == ("app_store",)
    granted = at("injunction_granted", "2020-12-07", "tiktok", covers=PRONGS)
    assert rule_for(heard, granted) == "injunction.widen.parties"
    suit = replay([*heard, granted]).lawsuit("tiktok")
    assert suit is not None
    assert suit.injunction == "in_force"
    assert set(suit.covers) == set(PRONGS)


def test_an_injunction_covering_everything_cannot_be_widened() -> None:
    whole = [*TIKTOK[:-1], at("injunction_granted", "2020-09-27", "tiktok")]
    again = at("motion_filed", "2020-10-14", "tiktok", motion="preliminary_injunction")
    assert refused(whole, again).citation == "FRCP 65(d)(1)(C)"


def test_a_second_notice_of_appeal_joins_the_pending_appeal() -> None:
    first = at("notice_of_appeal_filed", "2020-10-08", "tiktok")
    widened = [
        *TIKTOK,
        first,
        at("motion_filed", "2020-10-14", "tiktok", motion="preliminary_injunction"),
        at("hearing_held", "2020-11-04", "tiktok", motion="preliminary_injunction"),
        at("injunction_granted", "2020-12-07", "tiktok"),
    ]
    second = at("notice_of_appeal_filed", "2020-12-28", "tiktok")
    assert rule_for(widened, second) == "appeal.notice.join"
    argued = [*widened, at("appeal_argued", "2020-12-14", "tiktok")]
    assert rule_for(argued, second) == "appeal.notice.join.argued"
    assert replay([*argued, second]).lawsuit("tiktok").appeal == "argued"  # type: ignore[union-attr]
    # The same notice with no new order to appeal is refused.
    assert "1292" in refused([*TIKTOK, first], second).citation


def test_events_with_parts_round_trip_through_json() -> None:
    for event in TIKTOK:
        assert event_from_dict(event_to_dict(event)) == event
    assert event_to_dict(TIKTOK[1])["parts"] == list(PRONGS)


# -- State of Hawaii v. Trump: converted, stayed in part, stayed in full ------------------

COUNTRIES = ("chad", "iran", "libya", "north_korea", "somalia", "syria", "venezuela", "yemen")
ENJOINED = ("chad", "iran", "libya", "somalia", "syria", "yemen")
HAWAII = [
    at("order_issued", "2017-09-24", effective=D("2017-10-18"), parts=COUNTRIES),
    at("complaint_amended", "2017-10-10"),
    at("motion_filed", "2017-10-10", motion="tro"),
    at("brief_filed", "2017-10-14", motion="tro"),
    at("tro_granted", "2017-10-17", covers=ENJOINED),
]


def test_a_supplemental_complaint_brings_the_new_policy_into_the_old_suit() -> None:
    assert rule_for(HAWAII[:1], HAWAII[1]) == "complaint.supplement"


def test_a_restraining_order_heard_on_notice_converts_into_an_injunction() -> None:
    converted = at("injunction_granted", "2017-10-20", scope="universal", covers=ENJOINED)
    assert rule_for(HAWAII, converted) == "injunction.convert.universal"
    suit = replay([*HAWAII, converted]).lawsuit("c")
    assert suit is not None
    assert (suit.tro, suit.injunction) == ("replaced", "in_force")
    assert enjoined(replay([*HAWAII, converted])).free == ("north_korea", "venezuela")


def test_an_ex_parte_restraining_order_does_not_convert_without_a_motion() -> None:
    ex_parte = [*HAWAII[:3], HAWAII[4]]
    converted = at("injunction_granted", "2017-10-20", scope="universal")
    assert refused(ex_parte, converted).citation == "FRCP 65(a)(1)"


CONVERTED = [
    *HAWAII,
    at("injunction_granted", "2017-10-20", scope="universal", covers=ENJOINED),
    at("notice_of_appeal_filed", "2017-10-24"),
]


def test_the_court_of_appeals_may_be_asked_first_only_when_asking_below_is_impracticable() -> None:
    direct = at("motion_filed", "2017-10-24", court="appeals", motion="stay")
    assert refused(CONVERTED, direct).citation == "FRAP 8(a)(2)(A)"
    excused = at("motion_filed", "2017-10-24", court="appeals", motion="stay", impracticable=True)
    assert rule_for(CONVERTED, excused) == "stay.move.appeals"


def test_a_partial_stay_then_the_supreme_courts_full_stay() -> None:
    moved = at("motion_filed", "2017-10-24", court="appeals", motion="stay", impracticable=True)
    partial = at("stay_granted", "2017-11-13", court="appeals", extent="partial")
    history = [*CONVERTED, moved, partial]
    assert rule_for([*CONVERTED, moved], partial) == "stay.grant.appeals.partial"
    assert enjoined(replay(history)).extent == "partly"
    application = at("application_filed", "2017-11-20")
    assert application.motion == "stay"  # the default: old logs keep their meaning
    full = at("application_granted", "2017-12-04")
    assert enjoined(replay([*history, application, full])).extent == "not"
    suit = replay([*history, application, full]).lawsuit("c")
    assert suit is not None
    assert suit.injunction == "stayed"


def test_reversing_the_injunction_ends_it() -> None:
    history = [
        *CONVERTED,
        at("motion_filed", "2017-10-24", court="appeals", motion="stay", impracticable=True),
        at("stay_granted", "2017-11-13", court="appeals", extent="partial"),
        at("application_filed", "2017-11-20"),
        at("application_granted", "2017-12-04"),
        at("appeal_argued", "2017-12-06"),
        at("appeal_decided", "2017-12-22", disposition="affirmed"),
        at("cert_petition_filed", "2018-01-05"),
        at("cert_granted", "2018-01-19"),
        at("supreme_court_argued", "2018-04-25"),
        at("supreme_court_decided", "2018-06-26", disposition="reversed"),
    ]
    suit = replay(history).lawsuit("c")
    assert suit is not None
    assert suit.injunction == "vacated"


# -- TikTok Inc. v. Garland: a statute reviewed first in the court of appeals -------------

GARLAND = [
    at("statute_enacted", "2024-04-24", effective=D("2025-01-19")),
    at("petition_for_review_filed", "2024-05-07"),
    at("appeal_argued", "2024-09-16"),
    at("appeal_decided", "2024-12-06", disposition="petition_denied"),
]


def test_a_petition_for_review_starts_a_case_with_no_trial_court() -> None:
    assert rule_for(GARLAND[:1], GARLAND[1]) == "review.petition"
    suit = replay(GARLAND).lawsuit("c")
    assert suit is not None
    assert suit.trial == "none"
    assert suit.original
    assert suit.appeal_disposition == "petition_denied"


def test_a_petition_is_denied_or_granted_and_an_appeal_affirmed_or_reversed() -> None:
    affirmed = at("appeal_decided", "2024-12-06", disposition="affirmed")
    assert refused(GARLAND[:3], affirmed).citation == "28 U.S.C. 2106"
    denied = at("appeal_decided", "2020-12-14", "tiktok", disposition="petition_denied")
    appeal = [*TIKTOK, at("notice_of_appeal_filed", "2020-10-08", "tiktok")]
    assert refused(appeal, denied).citation == "FRAP 15(a)(1)"


INTERIM = [
    *GARLAND,
    at("motion_filed", "2024-12-09", court="appeals", motion="injunction_pending_review"),
    at("injunction_pending_review_denied", "2024-12-13"),
]


def test_the_supreme_court_is_asked_for_an_injunction_only_after_the_court_of_appeals() -> None:
    application = at("application_filed", "2024-12-16", motion="injunction_pending_review")
    assert refused(GARLAND, application).citation == "S. Ct. R. 23.3"
    assert rule_for(INTERIM, application) == "application.file.injunction"


def test_an_application_taken_as_a_petition_is_granted_argued_and_decided() -> None:
    history = [
        *INTERIM,
        at("application_filed", "2024-12-16", motion="injunction_pending_review"),
        at("application_treated_as_petition", "2024-12-18"),
        at("cert_granted", "2024-12-18"),
        at("supreme_court_argued", "2025-01-10"),
        at("supreme_court_decided", "2025-01-17", disposition="affirmed"),
    ]
    assert rule_for(history[:-4], history[-4]) == "cert.application_as_petition"
    suit = replay(history).lawsuit("c")
    assert suit is not None
    assert (suit.application, suit.supreme, suit.supreme_disposition) == (
        "treated",
        "decided",
        "affirmed",
    )


def test_only_a_stay_can_be_granted_in_part() -> None:
    pending = [*INTERIM, at("application_filed", "2024-12-16", motion="injunction_pending_review")]
    partial = at("application_granted", "2024-12-18", extent="partial")
    assert refused(pending, partial).citation == "S. Ct. R. 23"
    whole = replay([*pending, at("application_granted", "2024-12-18")])
    assert enjoined(whole).extent == "fully"


# -- Youngstown (1952): the rules before the appellate rules of 1968 ----------------------

YOUNGSTOWN = [
    at("order_issued", "1952-04-08"),
    at("complaint_filed", "1952-04-09"),
    at("motion_filed", "1952-04-09", motion="preliminary_injunction"),
    at("brief_filed", "1952-04-25", motion="preliminary_injunction"),
    at("injunction_granted", "1952-04-30"),
]


def test_a_1952_appeal_and_stay_follow_the_rules_then_in_force() -> None:
    notice = at("notice_of_appeal_filed", "1952-04-30")
    assert rule_for(YOUNGSTOWN, notice) == "appeal.notice.before_frap"
    # No rule then required asking the trial judge for a stay first (FRAP 8 is of 1968).
    stay = at("motion_filed", "1952-04-30", court="appeals", motion="stay")
    assert rule_for([*YOUNGSTOWN, notice], stay) == "stay.move.appeals.before_frap"


def test_the_same_steps_in_1969_need_the_trial_court_asked_first() -> None:
    later = [
        Event(e.type, e.date.replace(year=1969), case=e.case, motion=e.motion) for e in YOUNGSTOWN
    ]
    notice = at("notice_of_appeal_filed", "1969-04-30")
    assert rule_for(later, notice) == "appeal.notice"
    stay = at("motion_filed", "1969-04-30", court="appeals", motion="stay")
    assert refused([*later, notice], stay).citation == "FRAP 8(a)(2)(A)"


def test_affirming_a_stayed_injunction_ends_the_stay() -> None:
    history = [
        *YOUNGSTOWN,
        at("notice_of_appeal_filed", "1952-04-30"),
        at("motion_filed", "1952-04-30", court="appeals", motion="stay"),
        at("stay_granted", "1952-04-30", court="appeals"),
        at("cert_petition_filed", "1952-05-02"),
        at("cert_granted", "1952-05-03"),
        at("supreme_court_argued", "1952-05-12"),
    ]
    stayed = replay(history).lawsuit("c")
    assert stayed is not None
    assert stayed.injunction == "stayed"
    decided = replay([*history, at("supreme_court_decided", "1952-06-02", disposition="affirmed")])
    suit = decided.lawsuit("c")
    assert suit is not None
    assert suit.injunction == "in_force"

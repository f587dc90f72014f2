"""Who files: only a party an order went against appeals it; cross-appeals; notice is recorded.

Examples: State of Washington v. Trump (the States won the restraining order of Feb. 3, 2017,
and could not appeal it; the government did, on Feb. 4); the rule's own terms for a
cross-appeal, FRAP 4(a)(3) ("any other party may file a notice of appeal within 14 days after
the date when the first notice was filed, or within the time otherwise prescribed by this Rule
4(a), whichever period ends later"), on the dates of TikTok Inc. v. Trump (D.D.C.), where the
injunction of Sept. 27, 2020 stopped one of the five prohibitions only; and FRCP 65(a)(1),
which allows a preliminary injunction "only on notice to the adverse party".
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from simulator import Event, IllegalTransition, replay
from simulator.decider import Machine
from simulator.events import EVENT_TYPES

D = datetime.date.fromisoformat
PRONGS = ("app_store", "hosting", "cdn", "peering", "code")


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


WASHINGTON = [
    at("order_issued", "2017-01-27"),
    at("complaint_filed", "2017-01-30"),
    at("motion_filed", "2017-01-30", motion="tro", party="plaintiffs"),
    at("hearing_held", "2017-02-03", motion="tro"),
    at("tro_granted", "2017-02-03", until_further_order=True),
]


def test_only_the_side_an_order_went_against_may_appeal_it() -> None:
    refused = refusal(WASHINGTON, at("notice_of_appeal_filed", "2017-02-04", party="plaintiffs"))
    assert "Roper" in refused.citation
    assert "did not lose" in refused.reason
    appeal = at("notice_of_appeal_filed", "2017-02-04", party="government")
    assert rule_for(WASHINGTON, appeal) == "appeal.notice"
    after = replay([*WASHINGTON, appeal]).lawsuit("c")
    assert after is not None
    assert (after.appellant, after.appealed_on) == ("government", D("2017-02-04"))


TIKTOK = [
    at("order_issued", "2020-08-06"),
    at("rule_issued", "2020-09-18", effective=D("2020-09-27"), parts=PRONGS),
    at("complaint_filed", "2020-09-18"),
    at("motion_filed", "2020-09-23", motion="preliminary_injunction"),
    at("hearing_held", "2020-09-27", motion="preliminary_injunction"),
    at("injunction_granted", "2020-09-27", covers=("app_store",)),
]


def test_a_partial_injunction_may_be_appealed_by_both_sides() -> None:
    first = at("notice_of_appeal_filed", "2020-10-08", party="government")
    history = [*TIKTOK, first]
    cross = at("notice_of_cross_appeal_filed", "2020-10-20", party="plaintiffs")
    assert rule_for(history, cross) == "appeal.cross"
    assert replay([*history, cross]).lawsuit("c").cross_appealed  # type: ignore[union-attr]
    # the appellant cannot cross-appeal itself, nor can the record leave the party out
    unnamed = at("notice_of_cross_appeal_filed", "2020-10-20")
    assert "not the appellant" in refusal(history, unnamed).reason
    itself = at("notice_of_cross_appeal_filed", "2020-10-20", party="government")
    assert "not the appellant" in refusal(history, itself).reason
    # a second plain notice of the same order is not how a cross-appeal is taken
    again = at("notice_of_appeal_filed", "2020-10-20", party="plaintiffs")
    assert "already been appealed" in refusal(history, again).reason


def test_a_cross_appeal_has_fourteen_days_after_the_first_notice_or_the_usual_time() -> None:
    # With the United States a party the usual time is 60 days, to Nov. 26, 2020
    # (Thanksgiving), so Nov. 27; a first notice on Nov. 20 gives 14 days, to Dec. 4.
    late_first = at("notice_of_appeal_filed", "2020-11-20", party="government")
    history = [*TIKTOK, late_first]
    on_time = at("notice_of_cross_appeal_filed", "2020-12-04", party="plaintiffs")
    assert rule_for(history, on_time) == "appeal.cross"
    refused = refusal(history, at("notice_of_cross_appeal_filed", "2020-12-07", party="plaintiffs"))
    assert "due by 2020-12-04" in refused.reason


def test_a_full_injunction_leaves_the_plaintiffs_nothing_to_cross_appeal() -> None:
    whole = [*TIKTOK[:-1], at("injunction_granted", "2020-09-27")]
    history = [*whole, at("notice_of_appeal_filed", "2020-10-08", party="government")]
    cross = at("notice_of_cross_appeal_filed", "2020-10-20", party="plaintiffs")
    assert "did not lose" in refusal(history, cross).reason


def test_the_plaintiffs_own_brief_does_not_give_the_government_notice() -> None:
    moved = TIKTOK[:4]
    own = at("brief_filed", "2020-09-24", motion="preliminary_injunction", party="plaintiffs")
    assert rule_for(moved, own) == "injunction.brief.movant"
    refused = refusal([*moved, own], at("injunction_granted", "2020-09-27", covers=("app_store",)))
    assert refused.citation.startswith("FRCP 65(a)(1)")
    assert "has not yet answered it or been heard" in refused.reason
    answer = at("brief_filed", "2020-09-25", motion="preliminary_injunction", party="government")
    assert rule_for([*moved, own], answer) == "injunction.brief"

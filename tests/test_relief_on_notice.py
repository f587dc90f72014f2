"""Restraining orders granted after a hearing, consented extensions, administrative stays.

The real example is State of Washington v. Trump (W.D. Wash. No. 2:17-cv-00141-JLR; 9th Cir.
No. 17-35105): Executive Order 13769 (82 Fed. Reg. 8977); the States' complaint and emergency
motion of Jan. 30, 2017; the hearing and the nationwide restraining order of Feb. 3, entered
"pending further orders" (ECF 51, 52); the government's notice of appeal and emergency motion of
Feb. 4 made straight to the Ninth Circuit; the order of Feb. 4 ("FILED FEB 04 2017") denying an
immediate administrative stay; the telephonic argument of Feb. 7; the published order of Feb. 9
denying a stay, the restraining order having "the qualities of an appealable preliminary
injunction" (847 F.3d 1151, 1158).
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from simulator import Event, IllegalTransition, replay
from simulator.decider import Machine
from simulator.events import EVENT_TYPES
from simulator.law.invariants import broken

D = datetime.date.fromisoformat


def at(kind: str, day: str, **fields: Any) -> Event:
    if EVENT_TYPES[kind].lawsuit:
        fields.setdefault("case", "washington")
    return Event(kind, D(day), united_states_party=True, **fields)


def rule_for(given: list[Event], when: Event) -> str:
    return Machine(replay(given)).check(when).id


def refusal(given: list[Event], when: Event) -> IllegalTransition:
    with pytest.raises(IllegalTransition) as caught:
        Machine(replay(given)).check(when)
    return caught.value


HEARD = [
    at("order_issued", "2017-01-27"),
    at("complaint_filed", "2017-01-30"),
    at("motion_filed", "2017-01-30", motion="tro"),
    at("hearing_held", "2017-02-03", motion="tro"),
]
TRO = at("tro_granted", "2017-02-03", until_further_order=True)
APPEALED = [
    *HEARD,
    TRO,
    at("notice_of_appeal_filed", "2017-02-04"),
    at("motion_filed", "2017-02-04", court="appeals", motion="stay", impracticable=True),
]


def test_a_restraining_order_after_a_hearing_may_run_until_further_order() -> None:
    assert rule_for(HEARD, TRO) == "tro.grant.until_further_order"
    suit = replay([*HEARD, TRO]).lawsuit("washington")
    assert suit is not None
    assert (suit.tro, suit.tro_expires, suit.tro_on_notice) == ("in_force", None, True)


def test_it_does_not_lapse_after_fourteen_days() -> None:
    later = Machine(replay([*HEARD, TRO]))
    later.advance(D("2017-03-01"))
    suit = later.freeze().lawsuit("washington")
    assert suit is not None
    assert suit.tro == "in_force"
    assert broken(later.freeze()) == []


def test_it_can_be_appealed_at_once_as_a_preliminary_injunction() -> None:
    notice = at("notice_of_appeal_filed", "2017-02-04")
    assert rule_for([*HEARD, TRO], notice) == "appeal.notice"
    # a restraining order with a set end cannot be appealed (28 U.S.C. 1292(a)(1))
    short = at("tro_granted", "2017-02-03")
    assert "1292(a)(1)" in refusal([*HEARD, short], notice).citation


def test_an_order_without_notice_cannot_run_until_further_order() -> None:
    unheard = HEARD[:3]
    refused = refusal(unheard, TRO)
    assert refused.citation == "FRCP 65(b)(2)"
    assert "needs notice to the government and a hearing" in refused.reason


def test_the_ninth_circuit_refused_an_administrative_stay_then_the_stay() -> None:
    denied = at("administrative_stay_denied", "2017-02-04", court="appeals")
    assert rule_for(APPEALED, denied) == "admin_stay.deny"
    argued = at("hearing_held", "2017-02-07", court="appeals", motion="stay")
    history = [*APPEALED, denied, argued]
    assert rule_for([*APPEALED, denied], argued) == "stay.hear.appeals"
    assert rule_for(history, at("stay_denied", "2017-02-09", court="appeals")) == (
        "stay.deny.appeals"
    )


def test_an_administrative_stay_pauses_the_order_only_until_the_motion_is_decided() -> None:
    # The same steps with an administrative stay granted, as courts of appeals often do
    # (FRAP 8(a)(2); 28 U.S.C. 1651(a)): the restraining order's injunction is paused, then
    # binds again when the stay is refused.
    pi = [
        *HEARD[:3],
        at("motion_filed", "2017-01-30", motion="preliminary_injunction"),
        at("hearing_held", "2017-02-03", motion="preliminary_injunction"),
        at("injunction_granted", "2017-02-03", scope="universal"),
        at("notice_of_appeal_filed", "2017-02-04"),
        at("motion_filed", "2017-02-04", court="appeals", motion="stay", impracticable=True),
    ]
    paused = [*pi, at("administrative_stay_granted", "2017-02-04", court="appeals")]
    suit = replay(paused).lawsuit("washington")
    assert suit is not None
    assert (suit.injunction, suit.admin_stay) == ("stayed", "granted")
    assert broken(replay(paused)) == []
    after = replay([*paused, at("stay_denied", "2017-02-09", court="appeals")])
    suit = after.lawsuit("washington")
    assert suit is not None
    assert (suit.injunction, suit.admin_stay) == ("in_force", "ended")
    granted = replay([*paused, at("stay_granted", "2017-02-09", court="appeals")])
    suit = granted.lawsuit("washington")
    assert suit is not None
    assert (suit.injunction, suit.admin_stay) == ("stayed", "ended")


def test_an_administrative_stay_needs_a_pending_stay_motion() -> None:
    refused = refusal(
        [*HEARD, TRO, at("notice_of_appeal_filed", "2017-02-04")],
        at("administrative_stay_granted", "2017-02-04", court="appeals"),
    )
    assert "none is pending" in refused.reason


# -- FRCP 65(b)(2): "for a like period or the adverse party consents to a longer extension" --

EX_PARTE = [
    at("order_issued", "2017-01-27"),
    at("complaint_filed", "2017-01-30"),
    at("motion_filed", "2017-01-30", motion="tro"),
    at("tro_granted", "2017-01-31"),
]


def test_an_extension_longer_than_a_like_period_needs_consent() -> None:
    # granted Jan. 31 for 14 days (to Feb. 14); a like period runs to Feb. 28
    longer = at("tro_extended", "2017-02-10", expires=D("2017-03-20"))
    assert "like period" in refusal(EX_PARTE, longer).reason
    consented = at("tro_extended", "2017-02-10", expires=D("2017-03-20"), consent=True)
    assert rule_for(EX_PARTE, consented) == "tro.extend"
    again = at("tro_extended", "2017-03-15", expires=D("2017-04-20"), consent=True)
    assert rule_for([*EX_PARTE, consented], again) == "tro.extend"
    without = at("tro_extended", "2017-03-15", expires=D("2017-03-30"))
    assert "consent" in refusal([*EX_PARTE, consented], without).reason


def test_notice_of_a_motion_is_a_recorded_fact_not_a_brief() -> None:
    # FRCP 65(a)(1), the rule's own words: "The court may issue a preliminary injunction only on
    # notice to the adverse party." The record may show the notice itself (service, or the
    # court's order to answer) where the government files nothing before the ruling.
    moved = [
        at("order_issued", "2017-01-27"),
        at("complaint_filed", "2017-01-30"),
        at("motion_filed", "2017-01-30", motion="preliminary_injunction"),
        at("brief_filed", "2017-01-31", motion="preliminary_injunction", party="plaintiffs"),
    ]
    grant = at("injunction_granted", "2017-02-10")
    with pytest.raises(IllegalTransition):
        Machine(replay(moved)).check(grant)
    served = at("notice_given", "2017-02-01")
    assert Machine(replay(moved)).check(served).id == "injunction.notice"
    assert Machine(replay([*moved, served])).check(grant).id == "injunction.grant.parties"

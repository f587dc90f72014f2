"""Effects: what a step changes besides the track it moves.

Granting an injunction also starts the clock to appeal; revoking an order
moots every lawsuit against it; a stay pauses the injunction. An effect
returns the changed fields and never changes anything itself: the decider
applies them, so the law stays a set of pure functions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from simulator.events import Event
from simulator.law.deadlines import tro_end, tro_extension_end
from simulator.state import LawsuitState, PolicyState

__all__ = ["EFFECTS", "Effect"]

Changes = dict[str, Any]
Apply = Callable[[LawsuitState, PolicyState, Event], Changes]


@attrs.frozen
class Effect:
    """A named consequence of a step.

    ``target`` says what it changes: ``policy``, the event's own ``lawsuit``,
    or every lawsuit against the policy (``lawsuits``).
    """

    name: str
    target: str
    statement: str
    apply: Apply = attrs.field(eq=False, repr=False)
    #: the (track, value) pairs it can set besides its rule's own target
    produces: tuple[tuple[str, str], ...] = ()


_NO_CHANGE: Changes = {}
_PENDING = ("moved", "contested")
_RELIEF_LIVE = ("in_force", "stayed")


def _issue_order(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"kind": "order", "effective_on": event.effective or event.date}


def _enact_statute(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"kind": "statute", "effective_on": event.effective or event.date}


def _set_effective(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"effective_on": event.effective} if event.effective else _NO_CHANGE


def _record_revocation(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"revoked_on": event.date}


def _moot(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"moot": True}


def _record_parties(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"united_states_party": event.united_states_party}


def _start_tro(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    expires = event.expires or tro_end(event.date)
    return {"tro_since": event.date, "tro_expires": expires, "tro_extended": False}


def _extend_tro(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    expires = event.expires or tro_extension_end(suit)
    return {"tro_since": suit.tro_expires, "tro_expires": expires, "tro_extended": True}


def _appealable(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"appealable_order": event.type, "appealable_on": event.date, "appealed": False}


def _record_scope(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    changes: Changes = {"scope": event.scope}
    if suit.tro == "in_force":
        changes["tro"] = "replaced"
    return changes


def _take_appeal(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"appealed": True, "appeal_disposition": "", "judgment_on": None}


def _stay_relief(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"injunction": "stayed"} if suit.injunction == "in_force" else _NO_CHANGE


def _end_relief(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return _relief_becomes(suit, "dissolved")


def _vacate_relief(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return _relief_becomes(suit, "vacated")


def _relief_becomes(suit: LawsuitState, value: str) -> Changes:
    changes: Changes = {}
    if suit.injunction in _RELIEF_LIVE:
        changes["injunction"] = value
    if suit.tro == "in_force":
        changes["tro"] = "dissolved"
    return changes


def _overturns(event: Event) -> bool:
    return event.disposition in ("reversed", "vacated")


def _appeal_judgment(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    changes: Changes = {"appeal_disposition": event.disposition, "judgment_on": event.date}
    if _overturns(event) and suit.appealable_order == "injunction_granted":
        changes.update(_vacate_relief(suit, policy, event))
    return changes


def _supreme_judgment(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    changes: Changes = {"supreme_disposition": event.disposition or "vacated"}
    overturned = _overturns(event) or event.type == "vacated_as_moot"
    if overturned and suit.appealable_order == "injunction_granted":
        changes.update(_vacate_relief(suit, policy, event))
    return changes


def _close_motions(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    # A case that ends leaves nothing for the trial court to decide: motions
    # still pending are denied as moot.
    return {
        slot: "denied"
        for slot in ("tro", "injunction", "stay_district")
        if getattr(suit, slot) in _PENDING
    }


def _close_appeal_motions(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    # The same when the appeal ends: a stay pending appeal has nothing left to pause.
    return {"stay_appeals": "denied"} if suit.stay_appeals in _PENDING else _NO_CHANGE


def _defendants_win(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    changes = _appealable(suit, policy, event)
    if event.disposition == "defendants":
        changes.update(_end_relief(suit, policy, event))
    return changes


_DISSOLVES = (("injunction", "dissolved"), ("tro", "dissolved"))
_VACATES = (("injunction", "vacated"), ("tro", "dissolved"))

_MOOT_MOTIONS = (("tro", "denied"), ("injunction", "denied"), ("stay_district", "denied"))

#: Every effect by name.
EFFECTS: Mapping[str, Effect] = {
    effect.name: effect
    for effect in (
        Effect("issue_order", "policy", "records an executive order and its date", _issue_order),
        Effect("enact_statute", "policy", "records a statute and its date", _enact_statute),
        Effect("set_effective", "policy", "records when the policy takes effect", _set_effective),
        Effect("record_revocation", "policy", "records the revocation", _record_revocation),
        Effect("moot_lawsuits", "lawsuits", "every lawsuit against it becomes moot", _moot),
        Effect(
            "record_parties",
            "lawsuit",
            "records whether the United States is a party",
            _record_parties,
        ),
        Effect("start_tro", "lawsuit", "starts the restraining order's clock", _start_tro),
        Effect("extend_tro", "lawsuit", "extends the restraining order", _extend_tro),
        Effect(
            "appealable_order",
            "lawsuit",
            "starts the time to appeal the order",
            _appealable,
        ),
        Effect(
            "record_scope",
            "lawsuit",
            "records whom the injunction protects; it replaces any restraining order",
            _record_scope,
            (("tro", "replaced"),),
        ),
        Effect("take_appeal", "lawsuit", "the order is now on appeal", _take_appeal),
        Effect(
            "stay_relief",
            "lawsuit",
            "pauses the injunction",
            _stay_relief,
            (("injunction", "stayed"),),
        ),
        Effect(
            "end_relief",
            "lawsuit",
            "ends any injunction or restraining order",
            _end_relief,
            _DISSOLVES,
        ),
        Effect(
            "vacate_relief",
            "lawsuit",
            "wipes out any injunction or restraining order",
            _vacate_relief,
            _VACATES,
        ),
        Effect(
            "appeal_judgment",
            "lawsuit",
            "records the judgment; reversing or vacating an injunction ends it",
            _appeal_judgment,
            _VACATES,
        ),
        Effect(
            "supreme_judgment",
            "lawsuit",
            "records the Supreme Court's judgment; overturning an injunction ends it",
            _supreme_judgment,
            _VACATES,
        ),
        Effect(
            "close_motions",
            "lawsuit",
            "motions still pending in the trial court are denied as moot",
            _close_motions,
            _MOOT_MOTIONS,
        ),
        Effect(
            "close_appeal_motions",
            "lawsuit",
            "a stay motion still pending in the court of appeals is denied as moot",
            _close_appeal_motions,
            (("stay_appeals", "denied"),),
        ),
        Effect(
            "final_judgment",
            "lawsuit",
            "starts the time to appeal; a judgment for the defendants ends any injunction",
            _defendants_win,
            _DISSOLVES,
        ),
    )
}

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
from simulator.law.authorities import RELIEF_GRANTED, RELIEF_LIVE
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


def _issue_order(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"kind": "order", "effective_on": event.effective or event.date, "parts": event.parts}


def _enact_statute(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"kind": "statute", "effective_on": event.effective or event.date, "parts": event.parts}


def _set_effective(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    # The implementing rule says what exactly is prohibited, so its parts, when
    # it names them, replace the order's.
    changes: Changes = {"effective_on": event.effective} if event.effective else {}
    if event.parts:
        changes["parts"] = event.parts
    return changes


def _record_revocation(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"revoked_on": event.date}


def _moot(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"moot": True}


def _record_parties(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"united_states_party": event.united_states_party}


def _open_review(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"united_states_party": event.united_states_party, "original": True}


def _start_tro(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    expires = event.expires or tro_end(event.date)
    return {
        "tro_since": event.date,
        "tro_expires": expires,
        "tro_extended": False,
        "tro_on_notice": False,
        "covers": event.covers,
    }


def _extend_tro(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    expires = event.expires or tro_extension_end(suit)
    return {"tro_since": suit.tro_expires, "tro_expires": expires, "tro_extended": True}


def _appealable(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"appealable_order": event.type, "appealable_on": event.date, "appealed": False}


def _record_scope(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    changes: Changes = {"scope": event.scope, "covers": event.covers}
    if suit.tro == "in_force":
        changes["tro"] = "replaced"
    return changes


def _widen_scope(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    # The second injunction adds to the first; one that names no parts covers
    # the whole policy, and so does the union.
    covers = () if not event.covers else tuple(dict.fromkeys((*suit.covers, *event.covers)))
    return {"scope": event.scope, "covers": covers}


def _tro_on_notice(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"tro_on_notice": True}


def _take_appeal(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"appealed": True, "appeal_disposition": "", "judgment_on": None}


def _stay_relief(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"injunction": "stayed"} if suit.injunction in RELIEF_LIVE else _NO_CHANGE


def _stay_relief_in_part(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"injunction": "partly_stayed"} if suit.injunction in RELIEF_LIVE else _NO_CHANGE


def _ask_application(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"application_for": event.motion}


def _grant_application(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    # The Court grants what it was asked for: a stay pauses the injunction below,
    # an injunction pending review stops the policy itself.
    if suit.application_for == "injunction_pending_review":
        return {"interim": "granted"}
    if event.extent == "partial":
        return _stay_relief_in_part(suit, policy, event)
    return _stay_relief(suit, policy, event)


def _treat_as_petition(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return {"application": "treated"}


def _end_relief(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return _relief_becomes(suit, "dissolved")


def _vacate_relief(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    return _relief_becomes(suit, "vacated")


def _relief_becomes(suit: LawsuitState, value: str) -> Changes:
    changes: Changes = {}
    if suit.injunction in RELIEF_GRANTED:
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
    changes.update(_close_review_motions(suit, policy, event))
    overturned = _overturns(event) or event.type == "vacated_as_moot"
    if overturned and suit.appealable_order == "injunction_granted":
        changes.update(_vacate_relief(suit, policy, event))
    elif event.disposition == "affirmed" and suit.injunction in ("stayed", "partly_stayed"):
        # A stay pending review ends with the review: the injunction the Court
        # upheld binds again.
        changes["injunction"] = "in_force"
    return changes


def _close_motions(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    # A case that ends leaves nothing for the trial court to decide: motions
    # still pending are denied as moot.
    changes: Changes = {
        slot: "denied"
        for slot in ("tro", "injunction", "stay_district")
        if getattr(suit, slot) in _PENDING
    }
    if suit.injunction == "widening":
        changes["injunction"] = "in_force"
    return changes


def _close_appeal_motions(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    # The same when the appeal ends: a stay pending appeal has nothing left to pause.
    return {"stay_appeals": "denied"} if suit.stay_appeals in _PENDING else _NO_CHANGE


def _close_review_motions(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    # Once the Supreme Court decides, nothing is left pending review.
    changes: Changes = {"interim": "denied"} if suit.interim in _PENDING else {}
    if suit.application == "filed":
        changes["application"] = "denied"
    return changes


def _defendants_win(suit: LawsuitState, policy: PolicyState, event: Event) -> Changes:
    changes = _appealable(suit, policy, event)
    if event.disposition == "defendants":
        changes.update(_end_relief(suit, policy, event))
    return changes


_DISSOLVES = (("injunction", "dissolved"), ("tro", "dissolved"))
_VACATES = (("injunction", "vacated"), ("tro", "dissolved"))

_CLOSES_REVIEW = (("interim", "denied"), ("application", "denied"))
_MOOT_MOTIONS = (
    ("tro", "denied"),
    ("injunction", "denied"),
    ("injunction", "in_force"),
    ("stay_district", "denied"),
)

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
        Effect(
            "open_review",
            "lawsuit",
            "the lawsuit starts in the court of appeals, with no trial court below",
            _open_review,
        ),
        Effect("start_tro", "lawsuit", "starts the restraining order's clock", _start_tro),
        Effect(
            "tro_on_notice",
            "lawsuit",
            "notes that the government was heard before the restraining order",
            _tro_on_notice,
        ),
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
            "records whom and which parts of the policy the injunction protects; it replaces "
            "any restraining order",
            _record_scope,
            (("tro", "replaced"),),
        ),
        Effect(
            "widen_scope",
            "lawsuit",
            "adds the parts of the policy the new injunction covers to those already enjoined",
            _widen_scope,
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
            "stay_relief_in_part",
            "lawsuit",
            "pauses the injunction in part; the rest stays in force",
            _stay_relief_in_part,
            (("injunction", "partly_stayed"),),
        ),
        Effect(
            "ask_application",
            "lawsuit",
            "records what the application asks for",
            _ask_application,
        ),
        Effect(
            "grant_application",
            "lawsuit",
            "grants what the application asked: a stay of the injunction (in full or in "
            "part) or an injunction pending review",
            _grant_application,
            (("injunction", "stayed"), ("injunction", "partly_stayed"), ("interim", "granted")),
        ),
        Effect(
            "treat_as_petition",
            "lawsuit",
            "the application becomes the petition for certiorari",
            _treat_as_petition,
            (("application", "treated"),),
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
            "records the Supreme Court's judgment; overturning an injunction ends it, "
            "upholding it ends any stay",
            _supreme_judgment,
            (*_VACATES, ("injunction", "in_force"), *_CLOSES_REVIEW),
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
            "close_review_motions",
            "lawsuit",
            "motions for relief pending review are denied with the decision",
            _close_review_motions,
            _CLOSES_REVIEW,
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

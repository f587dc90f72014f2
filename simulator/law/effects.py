"""Effects: what a step changes besides the track it moves, each beside its law.

Granting an injunction also starts the clock to appeal; a stay pauses the
injunction. An effect returns the changed fields and never changes anything
itself: the decider applies them, so the law stays a set of pure functions.
Each is declared once, with `effect`, right above the function that computes
it: its name (the one rules list in ``effects=``), what it changes, the
provision that makes it so and its wording for people.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from simulator.events import Event
from simulator.law.authorities import (
    CAMENISCH,
    GRIGGS,
    HALL,
    IRAP,
    MOOTNESS,
    NKEN,
    OPEN_MOTION,
    RELIEF_GRANTED,
    RELIEF_LIVE,
    SAMPSON,
    TRUMP_V_CASA,
)
from simulator.law.calendar import add_days, counting_method_for
from simulator.law.deadlines import Clocks, tro_end, tro_extension_end, with_clocks
from simulator.state import LawsuitState, PolicyState

__all__ = ["EFFECTS", "Effect", "effect"]

Changes = dict[str, Any]
Apply = Callable[[LawsuitState, PolicyState, Event, Clocks], Changes]


@attrs.frozen
class Effect:
    """A named consequence of a step, with the law that attaches it.

    ``target`` says what it changes: ``policy``, the event's own ``lawsuit``,
    or every lawsuit against the policy (``lawsuits``).
    """

    name: str
    target: str
    statement: str
    apply: Apply = attrs.field(eq=False, repr=False, converter=with_clocks)
    #: the (track, value) pairs it can set besides its rule's own target
    produces: tuple[tuple[str, str], ...] = ()
    citation: str = ""
    #: the model's clocks (`simulator.law.deadlines.Clocks`) it counts with
    clocks: tuple[str, ...] = ()


_REGISTRY: dict[str, Effect] = {}

#: Every effect of the package's own model, by name.
EFFECTS: Mapping[str, Effect] = _REGISTRY


def effect(
    name: str,
    *,
    on: str,
    means: str,
    citation: str,
    produces: tuple[tuple[str, str], ...] = (),
    clocks: tuple[str, ...] = (),
) -> Callable[[Callable[..., Changes]], Callable[..., Changes]]:
    """Declare the function below as the effect ``name``, attached by ``citation``."""

    def register(apply: Callable[..., Changes]) -> Callable[..., Changes]:
        if name in _REGISTRY:
            raise ValueError(f"the effect {name!r} is declared twice")
        _REGISTRY[name] = Effect(name, on, means, apply, produces, citation, clocks)
        return apply

    return register


_NO_CHANGE: Changes = {}
#: The relief of a judgment for the plaintiffs that names none (FRCP 54(c), 57, 65).
DEFAULT_RELIEF = ("declaratory_judgment", "permanent_injunction")
_DISSOLVES = (("injunction", "dissolved"), ("tro", "dissolved"))
_VACATES = (("injunction", "vacated"), ("tro", "dissolved"))

_CLOSES_REVIEW = (("interim", "denied"), ("application", "denied"))
_MOOT_MOTIONS = (
    ("tro", "denied"),
    ("injunction", "denied"),
    ("injunction", "in_force"),
    ("injunction", "partly_stayed"),
    ("stay_district", "denied"),
    ("dismissal", "denied"),
    ("merits", "denied"),
    ("class_action", "denied"),
)


@effect(
    "issue_order",
    on="policy",
    means="records an executive order and its date",
    citation="44 U.S.C. 1505(a)(1); the order's own terms",
)
def _issue_order(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> Changes:
    return {"kind": "order", "effective_on": event.effective or event.date, "parts": event.parts}


@effect(
    "issue_memorandum",
    on="policy",
    means="records a presidential memorandum, which the President revokes as an order",
    citation="44 U.S.C. 1505(a); the memorandum's own terms",
)
def _issue_memorandum(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {**_issue_order(suit, policy, event, clocks), "form": "memorandum"}


@effect(
    "issue_proclamation",
    on="policy",
    means="records a proclamation, its parts and the day it takes effect",
    citation="44 U.S.C. 1505(a)(1); the proclamation's own terms",
)
def _issue_proclamation(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {
        "kind": "proclamation",
        "effective_on": event.effective or event.date,
        "parts": event.parts,
    }


@effect(
    "take_agency_action",
    on="policy",
    means="records the agency's action, what form it takes, its parts and its effective day",
    citation="5 U.S.C. 551(13); 5 U.S.C. 553(d)",
)
def _take_agency_action(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {
        "kind": "agency_action",
        "form": event.form or "rule",
        "effective_on": event.effective or event.date,
        "parts": event.parts,
    }


@effect(
    "enact_statute",
    on="policy",
    means="records a statute and its date",
    citation="U.S. Const. art. I, sec. 7",
)
def _enact_statute(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {"kind": "statute", "effective_on": event.effective or event.date, "parts": event.parts}


@effect(
    "set_effective",
    on="policy",
    means="records when the policy takes effect",
    citation="5 U.S.C. 553(d); the rule's own terms",
)
def _set_effective(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    # The implementing rule says what exactly is prohibited, so its parts, when
    # it names them, replace the order's.
    changes: Changes = {"effective_on": event.effective} if event.effective else {}
    if event.parts:
        changes["parts"] = event.parts
    return changes


@effect(
    "record_revocation",
    on="policy",
    means=(
        "records the day the revocation, rescission or replacement takes effect, or the "
        "policy expired, and the successor's parts when it names them"
    ),
    citation="44 U.S.C. 1505(a)(1); the revoking order's own terms",
)
def _record_revocation(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    # A revocation takes effect on the day it names; a successor brings its own parts.
    changes: Changes = {"revoked_on": event.effective or event.date}
    if event.parts:
        changes["parts"] = event.parts
    return changes


@effect(
    "revoke_parts",
    on="policy",
    means="removes the parts that end (revoked or expired); the rest of the policy stays in force",
    citation="the revoking order's own terms",
)
def _revoke_parts(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> Changes:
    return {
        "parts": tuple(part for part in policy.parts if part not in event.parts),
        "revoked_parts": (*policy.revoked_parts, *event.parts),
    }


@effect(
    "hold_moot",
    on="lawsuit",
    means="the court holds the case moot: from now on no court decides its merits",
    citation=MOOTNESS,
)
def _hold_moot(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> Changes:
    return {"moot": True, "moot_cause": event.cause or "policy_ended", "live_exception": ""}


@effect(
    "reject_mootness",
    on="lawsuit",
    means=(
        "the court holds the case still live: it goes on, and a court may still grant relief "
        "although the challenged action stopped"
    ),
    citation=MOOTNESS,
)
def _reject_mootness(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {"live_exception": event.exception}


@effect(
    "record_parties",
    on="lawsuit",
    means="records whether the United States is a party",
    citation="FRAP 4(a)(1)(B); 28 U.S.C. 2107(b)",
)
def _record_parties(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {"united_states_party": event.united_states_party, "venue": event.venue}


@effect(
    "open_review",
    on="lawsuit",
    means="the lawsuit starts in the court of appeals, with no trial court below",
    citation="FRAP 15(a); 28 U.S.C. 2342",
)
def _open_review(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> Changes:
    return {
        "united_states_party": event.united_states_party,
        "original": True,
        "venue": event.venue,
    }


@effect(
    "start_tro",
    on="lawsuit",
    clocks=("tro_days",),
    means="starts the restraining order's clock",
    citation="FRCP 65(b)(2)",
)
def _start_tro(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> Changes:
    # One granted after notice to run until further order has no end of its own.
    expires = (
        None
        if event.until_further_order
        else event.expires or tro_end(event.date, clocks, suit.venue)
    )
    return {
        "tro_since": event.date,
        "tro_expires": expires,
        "tro_extended": False,
        "tro_on_notice": False,
        "covers": event.covers,
    }


@effect(
    "extend_tro",
    on="lawsuit",
    clocks=("tro_days",),
    means="extends the restraining order",
    citation="FRCP 65(b)(2)",
)
def _extend_tro(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> Changes:
    expires = event.expires or tro_extension_end(suit, clocks)
    return {"tro_since": suit.tro_expires, "tro_expires": expires, "tro_extended": True}


@effect(
    "pause_administratively",
    on="lawsuit",
    means=(
        "pauses the injunction for the few days the court needs to decide the stay motion; "
        "it decides nothing about the motion itself"
    ),
    citation="FRAP 8(a)(2); 28 U.S.C. 1651(a); S. Ct. R. 22",
    produces=(("injunction", "stayed"),),
)
def _pause_administratively(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    if suit.injunction not in RELIEF_LIVE:
        return {"paused_from": ""}
    return {"injunction": "stayed", "paused_from": suit.injunction}


@effect(
    "end_administrative_stay",
    on="lawsuit",
    means=(
        "an administrative stay ends when the motion or application is decided: the "
        "injunction binds again as before, unless the decision itself stays it"
    ),
    citation="FRAP 8(a)(2); S. Ct. R. 22",
    produces=(("admin_stay", "ended"), ("injunction", "in_force"), ("injunction", "widening")),
)
def _end_administrative_stay(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    if suit.admin_stay != "granted":
        return _NO_CHANGE
    changes: Changes = {"admin_stay": "ended", "paused_from": ""}
    if suit.paused_from and suit.injunction == "stayed":
        changes["injunction"] = suit.paused_from
    return changes


@effect(
    "appealable_order",
    on="lawsuit",
    means="starts the time to appeal the order",
    citation="28 U.S.C. 1292(a)(1); 28 U.S.C. 1291; FRAP 4(a)(1)",
)
def _appealable(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> Changes:
    return {
        "appealable_order": event.type,
        "appealable_on": event.date,
        "appealed": False,
        "appellant": "",
        "appealed_on": None,
        "cross_appealed": False,
        "appeal_due": None,
        "post_judgment": "none",
    }


@effect(
    "record_scope",
    on="lawsuit",
    means="records whom and which parts of the policy the injunction protects; it replaces "
    "any restraining order",
    citation="FRCP 65(d)(1)(C); FRCP 65(d)(2)",
    produces=(("tro", "replaced"),),
)
def _record_scope(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> Changes:
    changes: Changes = {"scope": event.scope, "covers": event.covers}
    if suit.tro == "in_force":
        changes["tro"] = "replaced"
    return changes


@effect(
    "widen_scope",
    on="lawsuit",
    means="adds the parts of the policy the new injunction covers to those already enjoined",
    citation="FRCP 65(d)(1)(C)",
)
def _widen_scope(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> Changes:
    # The second injunction adds to the first; one that names no parts covers
    # the whole policy, and so does the union.
    covers = () if not event.covers else tuple(dict.fromkeys((*suit.covers, *event.covers)))
    return {"scope": event.scope, "covers": covers}


@effect(
    "tro_on_notice",
    on="lawsuit",
    means="notes that the government was heard before the restraining order",
    citation=SAMPSON,
)
def _tro_on_notice(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {"tro_on_notice": True}


@effect(
    "take_appeal",
    on="lawsuit",
    means="the order is now on appeal",
    citation=GRIGGS,
)
def _take_appeal(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> Changes:
    return {
        "appealed": True,
        "appeal_disposition": "",
        "judgment_on": None,
        "appellant": event.party,
        "appealed_on": event.date,
        "cross_appealed": False,
    }


@effect(
    "cross_appeal",
    on="lawsuit",
    means="another party's appeal from the same order joins the first",
    citation="FRAP 3(b)(2); FRAP 4(a)(3)",
)
def _cross_appeal(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> Changes:
    return {"cross_appealed": True}


@effect(
    "stay_relief",
    on="lawsuit",
    means="pauses the injunction",
    citation=NKEN,
    produces=(("injunction", "stayed"),),
)
def _stay_relief(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> Changes:
    return {"injunction": "stayed"} if suit.injunction in RELIEF_LIVE else _NO_CHANGE


@effect(
    "stay_relief_in_part",
    on="lawsuit",
    means="pauses the injunction in part; the rest stays in force",
    citation=IRAP,
    produces=(("injunction", "partly_stayed"),),
)
def _stay_relief_in_part(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {"injunction": "partly_stayed"} if suit.injunction in RELIEF_LIVE else _NO_CHANGE


@effect(
    "ask_application",
    on="lawsuit",
    means="records what the application asks for",
    citation="S. Ct. R. 22.1; S. Ct. R. 23.1",
)
def _ask_application(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {"application_for": event.motion}


def _vacate_stays(suit: LawsuitState) -> Changes:
    changes: Changes = {
        slot: "vacated"
        for slot in ("stay_district", "stay_appeals")
        if getattr(suit, slot) == "granted"
    }
    if suit.injunction in ("stayed", "partly_stayed"):
        changes["injunction"] = "in_force"
    return changes


@effect(
    "grant_application",
    on="lawsuit",
    means=(
        "grants what the application asked: a stay of the injunction (in full or in part), an "
        "injunction pending review, or the end of a stay granted below"
    ),
    citation="28 U.S.C. 2101(f); 28 U.S.C. 1651(a); S. Ct. R. 23",
    produces=(
        ("injunction", "stayed"),
        ("injunction", "partly_stayed"),
        ("interim", "granted"),
        ("injunction", "in_force"),
        ("stay_district", "vacated"),
        ("stay_appeals", "vacated"),
    ),
)
def _grant_application(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    # The Court grants what it was asked for: a stay pauses the injunction below,
    # an injunction pending review stops the policy itself.
    if suit.application_for == "injunction_pending_review":
        return {"interim": "granted"}
    if suit.application_for == "vacate_stay":
        return _vacate_stays(suit)
    if event.extent == "partial":
        return _stay_relief_in_part(suit, policy, event, clocks)
    return _stay_relief(suit, policy, event, clocks)


@effect(
    "treat_as_petition",
    on="lawsuit",
    means="the application becomes the petition for certiorari",
    citation="28 U.S.C. 1254(1); S. Ct. R. 12",
    produces=(("application", "treated"),),
)
def _treat_as_petition(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {"application": "treated"}


@effect(
    "end_relief",
    on="lawsuit",
    means="ends any injunction or restraining order",
    citation=CAMENISCH,
    produces=_DISSOLVES,
)
def _end_relief(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> Changes:
    return _relief_becomes(suit, "dissolved")


@effect(
    "vacate_relief",
    on="lawsuit",
    means="wipes out any injunction or restraining order",
    citation="28 U.S.C. 2106",
    produces=_VACATES,
)
def _vacate_relief(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return _relief_becomes(suit, "vacated")


def _relief_becomes(suit: LawsuitState, value: str) -> Changes:
    changes: Changes = {"final_relief": ()} if suit.final_relief else {}
    if suit.injunction in RELIEF_GRANTED:
        changes["injunction"] = value
    if suit.tro == "in_force":
        changes["tro"] = "dissolved"
    return changes


@effect(
    "appeal_judgment",
    on="lawsuit",
    means=(
        "records the judgment and starts the time to seek rehearing or certiorari; the "
        "judgment takes effect only when the mandate issues"
    ),
    citation="28 U.S.C. 2106; FRAP 36; FRAP 41(c)",
)
def _appeal_judgment(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {
        "appeal_disposition": event.disposition,
        "judgment_on": event.date,
        "rehearing_denied_on": None,
        "certiorari_due": None,
        # affirming in part, the court names the relief it vacates (FRAP 36; 28 U.S.C. 2106)
        "vacated_on_appeal": event.relief if event.disposition == "affirmed_in_part" else (),
    }


#: Dispositions that leave the judgment below standing, and those that undo it.
_UPHOLDS = frozenset({"affirmed", "affirmed_in_part", "equally_divided", "dismissed_improvidently"})
_UNDOES = frozenset({"reversed", "vacated", "gvr"})
#: The orders whose reversal ends the relief they granted.
_GRANTS_RELIEF = frozenset({"injunction_granted", "tro_granted"})


def _granted_relief(suit: LawsuitState) -> bool:
    """Whether the order on review granted the plaintiffs relief (preliminary or final)."""
    if suit.appealable_order in _GRANTS_RELIEF:
        return True
    return suit.appealable_order == "judgment_entered" and bool(suit.final_relief)


def _stays_pending_appeal_end(suit: LawsuitState) -> Changes:
    changes: Changes = {
        slot: "ended"
        for slot in ("stay_district", "stay_appeals")
        if getattr(suit, slot) == "granted"
    }
    stayed = bool(changes)
    # A motion for a stay pending appeal still undecided when the appeal ends has nothing
    # left to pause: it falls with the appeal, denied as moot.
    for slot in ("stay_district", "stay_appeals"):
        if getattr(suit, slot) in ("moved", "contested"):
            changes[slot] = "denied"
    if stayed and suit.injunction in ("stayed", "partly_stayed") and suit.application != "granted":
        changes["injunction"] = "in_force"
    return changes


@effect(
    "apply_mandate",
    on="lawsuit",
    means=(
        "the judgment takes effect: an injunction reversed or vacated ends, a dismissal "
        "reversed reopens the case, and stays pending appeal end with the appeal (a stay "
        "motion still undecided is denied as moot)"
    ),
    citation="FRAP 41(c); 28 U.S.C. 2106",
    produces=(
        *_VACATES,
        ("injunction", "in_force"),
        ("trial", "pending"),
        ("stay_district", "ended"),
        ("stay_appeals", "ended"),
        ("stay_district", "denied"),
        ("stay_appeals", "denied"),
    ),
)
def _apply_mandate(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    changes = _stays_pending_appeal_end(suit)
    undone = suit.appeal_disposition in _UNDOES
    if suit.vacated_on_appeal:
        changes.update(_vacate_in_part(attrs.evolve(suit, **changes)))
    elif undone and _granted_relief(suit):
        working = attrs.evolve(suit, **changes)
        changes.update(_vacate_relief(working, policy, event, clocks))
    elif undone and suit.appealable_order == "case_dismissed" and suit.trial == "dismissed":
        changes["trial"] = "pending"
    return changes


def _vacate_in_part(suit: LawsuitState) -> Changes:
    """The relief an affirmance in part vacated ends; the rest of the judgment stands."""
    gone = set(suit.vacated_on_appeal)
    changes: Changes = {"final_relief": tuple(k for k in suit.final_relief if k not in gone)}
    if "permanent_injunction" in gone or "preliminary_injunction" in gone:
        # _relief_becomes would drop all the final relief: keep what was not vacated
        changes = {**_relief_becomes(suit, "vacated"), **changes}
    return changes


@effect(
    "extend_appeal_time",
    on="lawsuit",
    means="the last day to appeal moves to the day the court set",
    citation="FRAP 4(a)(5)(C)",
)
def _extend_appeal_time(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {"appeal_due": event.expires}


@effect(
    "reopen_appeal_time",
    on="lawsuit",
    means="the time to appeal runs again, for 14 days after the order reopening it",
    citation="FRAP 4(a)(6); 28 U.S.C. 2107(c)",
)
def _reopen_appeal_time(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    # Counted as every period is (FRAP 26(a)); the statute's limit binds the court, which
    # cannot give more (Bowles v. Russell).
    days = clocks.reopen_days.on(event.date).value
    method = counting_method_for(event.date)
    return {"appeal_due": add_days(event.date, days, method=method, state=suit.venue)}


@effect(
    "record_consolidation",
    on="lawsuit",
    means="records the lawsuits this one is now consolidated with",
    citation=f"FRCP 42(a); FRAP 3(b)(2); {HALL}",
)
def _record_consolidation(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {"consolidated_with": tuple(sorted({*suit.consolidated_with, *event.consolidated}))}


@effect(
    "record_inaccessibility",
    on="lawsuit",
    means=(
        "records the days the court's clerk's office could not be reached, from the event's "
        "date through its last day (expires), for the deadlines that end on one of them"
    ),
    citation="FRCP 6(a)(3); FRAP 26(a)(3)",
)
def _record_inaccessibility(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    last = event.expires or event.date
    span = (last - event.date).days + 1
    days = tuple((event.court, event.date + datetime.timedelta(days=n)) for n in range(span))
    return {"inaccessible": tuple(sorted({*suit.inaccessible, *days}))}


@effect(
    "extend_certiorari_time",
    on="lawsuit",
    means="the last day to petition for certiorari moves to the day the Justice set",
    citation="S. Ct. R. 13.5",
)
def _extend_certiorari_time(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {"certiorari_due": event.expires}


@effect(
    "restart_appeal_time",
    on="lawsuit",
    means=(
        "the time to appeal runs anew, for every party, from the order deciding the motion to "
        "alter or amend the judgment"
    ),
    citation="FRAP 4(a)(4)(A)",
)
def _restart_appeal_time(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {"appealable_on": event.date, "appeal_due": None}


@effect(
    "record_certification",
    on="lawsuit",
    means="the ten days to ask the court of appeals for permission to appeal start",
    citation="28 U.S.C. 1292(b)",
)
def _record_certification(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {"certified_on": event.date}


@effect(
    "hear_by_permission",
    on="lawsuit",
    means="the certified order is on appeal: the appeal is pending in the court of appeals",
    citation="28 U.S.C. 1292(b); FRAP 5(d)",
    produces=(("appeal", "pending"),),
)
def _hear_by_permission(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {
        "appeal": "pending",
        "appealable_order": "interlocutory_appeal_certified",
        "appealable_on": suit.certified_on,
        "appealed": True,
        "appeal_disposition": "",
        "judgment_on": None,
    }


@effect(
    "record_rehearing_denial",
    on="lawsuit",
    means="the time to seek certiorari now runs from the denial of rehearing",
    citation="S. Ct. R. 13.3",
)
def _record_rehearing_denial(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {"rehearing_denied_on": event.date}


@effect(
    "rehear",
    on="lawsuit",
    means=(
        "the court will decide the appeal again: an en banc court's order vacates the panel's "
        "judgment, and the appeal is pending once more"
    ),
    citation="FRAP 35(a); FRAP 40",
    produces=(("appeal", "pending"),),
)
def _rehear(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> Changes:
    return {"appeal": "pending", "appeal_disposition": "", "judgment_on": None, "mandate": "none"}


@effect(
    "record_judgment_date",
    on="lawsuit",
    means="the court's order disposing of the appeal starts the time to seek certiorari",
    citation="28 U.S.C. 2101(c); S. Ct. R. 13.1",
)
def _record_judgment_date(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {"judgment_on": event.date}


def _relief_survives(suit: LawsuitState, disposition: str) -> bool | None:
    """Whether the injunction below survives the Supreme Court's judgment (None: no change)."""
    if not _granted_relief(suit):
        return None
    if disposition in _UPHOLDS:
        upheld_below = suit.appeal_disposition not in _UNDOES
        return upheld_below
    if disposition in _UNDOES:
        # reversing a court of appeals that had itself undone the injunction restores it
        return suit.appeal_disposition in _UNDOES
    return None


@effect(
    "supreme_judgment",
    on="lawsuit",
    means=(
        "records the Supreme Court's judgment: the injunction below stands or falls with it, "
        "any stay pending review ends, and an appeal still pending below is overtaken"
    ),
    citation="28 U.S.C. 2106; 28 U.S.C. 2101(e); S. Ct. R. 45",
    produces=(
        *_VACATES,
        ("injunction", "in_force"),
        *_CLOSES_REVIEW,
        ("appeal", "superseded"),
        ("application", "ended"),
    ),
)
def _supreme_judgment(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    disposition = "vacated" if event.type == "vacated_as_moot" else event.disposition
    changes: Changes = {"supreme_disposition": disposition, "supreme_decided_on": event.date}
    changes.update(_close_review_motions(suit, policy, event, clocks))
    if suit.appeal in ("pending", "abeyance", "argued"):
        changes["appeal"] = "superseded"  # certiorari before judgment: the Court has decided
    if suit.application == "granted":
        changes["application"] = "ended"  # a stay pending certiorari ends with the judgment
    survives = _relief_survives(suit, disposition)
    if survives is True and suit.vacated_on_appeal:
        # the judgment below stands, with the relief it vacated gone
        changes.update(_vacate_in_part(suit))
        survives = None
    if event.type == "vacated_as_moot":
        survives = False if _granted_relief(suit) else None
    if survives is False:
        changes.update(_vacate_relief(suit, policy, event, clocks))
    elif survives is True and suit.injunction in ("stayed", "partly_stayed", "vacated"):
        changes["injunction"] = "in_force"
    return changes


@effect(
    "close_motions",
    on="lawsuit",
    means="motions still pending in the trial court are denied as moot",
    citation="FRCP 41; FRCP 58",
    produces=_MOOT_MOTIONS,
)
def _close_motions(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    # A case that ends leaves nothing for the trial court to decide: motions
    # still pending are denied as moot.
    changes: Changes = {
        slot: "denied"
        for slot in ("tro", "injunction", "stay_district", "dismissal", "merits", "class_action")
        if getattr(suit, slot) in OPEN_MOTION
    }
    if suit.injunction == "widening":
        changes["injunction"] = "in_force"
    if suit.injunction == "modifying":
        changes["injunction"] = "partly_stayed"
    return changes


@effect(
    "close_appeal_motions",
    on="lawsuit",
    means="a stay motion still pending in the court of appeals is denied as moot",
    citation="FRAP 36; FRAP 42(b)",
    produces=(("stay_appeals", "denied"),),
)
def _close_appeal_motions(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    # The same when the appeal ends: a stay pending appeal has nothing left to pause.
    return {"stay_appeals": "denied"} if suit.stay_appeals in OPEN_MOTION else _NO_CHANGE


@effect(
    "close_review_motions",
    on="lawsuit",
    means="motions for relief pending review are denied with the decision",
    citation="28 U.S.C. 2101(f); S. Ct. R. 45",
    produces=_CLOSES_REVIEW,
)
def _close_review_motions(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    # Once the Supreme Court decides, nothing is left pending review.
    changes: Changes = {"interim": "denied"} if suit.interim in OPEN_MOTION else {}
    if suit.application == "filed":
        changes["application"] = "denied"
    return changes


@effect(
    "final_judgment",
    on="lawsuit",
    means=(
        "starts the time to appeal; a judgment for the defendants ends any injunction, one for "
        "the plaintiffs grants its final relief (a permanent injunction, a declaratory judgment, "
        "vacatur of the agency's action, a remand to the agency), which replaces the preliminary"
    ),
    citation="FRCP 58; 28 U.S.C. 1291; FRAP 4(a)(1)",
    produces=(*_DISSOLVES, ("injunction", "in_force"), ("tro", "replaced"), ("merits", "granted")),
)
def _final_judgment(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    changes = _appealable(suit, policy, event, clocks)
    if suit.merits in OPEN_MOTION:
        changes["merits"] = "granted"  # judgment on a motion for summary judgment
    if event.disposition == "defendants":
        changes.update(_end_relief(suit, policy, event, clocks))
        return changes
    # Final relief replaces the preliminary: a permanent injunction binds from now on, a
    # vacatur sets the action aside, a declaratory judgment declares the law. A judgment that
    # names none grants what a complaint asks (declare the policy unlawful and stop it), for
    # the plaintiffs and whoever the preliminary injunction protected where the law still
    # allows that.
    relief = event.relief or DEFAULT_RELIEF
    changes["final_relief"] = relief
    if "permanent_injunction" in relief:
        scope = event.scope or suit.scope or "parties"
        if scope == "universal" and event.date >= TRUMP_V_CASA and not event.scope:
            scope = "parties"
        changes.update({"injunction": "in_force", "scope": scope, "covers": event.covers})
        if suit.tro == "in_force":
            changes["tro"] = "replaced"
    else:
        changes.update(_end_relief(suit, policy, event, clocks))
    return changes


@effect(
    "grant_dismissal",
    on="lawsuit",
    means="the motion to dismiss is granted",
    citation="FRCP 12(b)",
    produces=(("dismissal", "granted"),),
)
def _grant_dismissal(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> Changes:
    return {"dismissal": "granted"} if suit.dismissal in OPEN_MOTION else _NO_CHANGE

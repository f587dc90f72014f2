"""Where a case stands: the policy, each lawsuit, how far it went, and what could come next.

Read off the final state with the vocabulary of the tracks, and the next
steps from the rule table itself (`simulator.explore.walk.next_steps`), so
"what could happen now" is exactly what the model would allow.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import attrs

from simulator.decider import Step
from simulator.events import describe_event
from simulator.explore.walk import next_steps
from simulator.law.authorities import RELIEF_GRANTED
from simulator.law.enjoined import Enjoined, enjoined, set_aside, stops_policy
from simulator.law.model import ProcessModel
from simulator.law.rules import MODEL
from simulator.law.tracks import describe
from simulator.state import CaseState, LawsuitState

__all__ = ["LawsuitOutcome", "Outcome", "highest_court", "outcome", "prevailing"]

_COURT_ORDER = ("district", "appeals", "supreme")


@attrs.frozen
class LawsuitOutcome:
    """How one lawsuit stands."""

    case: str
    status: tuple[str, ...]
    relief: str
    highest_court: str
    prevailing: str
    moot: bool


@attrs.frozen
class Outcome:
    """How the whole case stands as of ``as_of``."""

    as_of: str
    policy: str
    enjoined: bool
    #: fully, partly or not: how far the orders in force stop the policy
    enjoined_extent: str
    #: when the policy names its parts, those still in force
    parts_in_force: tuple[str, ...]
    lawsuits: tuple[LawsuitOutcome, ...]
    next_steps: tuple[str, ...]


_PAUSED = {
    "stayed": ", but paused by a stay",
    "partly_stayed": ", but paused in part by a stay",
    "widening": ", and a motion to extend it is pending",
}


_FINAL = {
    "vacatur": "the policy set aside (vacated)",
    "declaratory_judgment": "the policy declared unlawful",
    "remand_to_agency": "the action sent back to the agency",
}


def _relief(suit: LawsuitState) -> str:
    covers = f" against {', '.join(suit.covers)}" if suit.covers else ""
    final = [_FINAL[kind] for kind in suit.final_relief if kind in _FINAL]
    if suit.injunction in RELIEF_GRANTED:
        scope = f" ({suit.scope})" if suit.scope else ""
        paused = _PAUSED.get(suit.injunction, "")
        kind = "permanent" if "permanent_injunction" in suit.final_relief else "preliminary"
        enjoined = f"{kind} injunction{scope}{covers} in force{paused}"
        return "; ".join((*final, enjoined))
    if final:
        return "final judgment: " + "; ".join(final)
    if suit.tro == "in_force":
        until = suit.tro_expires or "further order of the court"
        return f"temporary restraining order{covers} in force until {until}"
    if suit.interim == "granted":
        return "injunction pending review in force"
    return "no injunction in force: " + describe("injunction", suit.injunction)


def highest_court(suit: LawsuitState) -> str:
    """The highest court the lawsuit reached: district, appeals or supreme."""
    if suit.supreme != "none" or suit.application != "none":
        return "supreme"
    if suit.appeal != "none" or suit.stay_appeals != "none":
        return "appeals"
    return "district"


def prevailing(suit: LawsuitState) -> str:
    """Who holds the upper hand at the end: plaintiffs, government or undecided."""
    # Who holds the field at the end: a final judgment's relief standing, or relief in force,
    # favours the plaintiffs; relief refused or overturned favours the government.
    if stops_policy(suit) or suit.final_relief:
        return "plaintiffs"
    if suit.trial == "judgment" and suit.appealable_order == "judgment_entered":
        return "government"
    refused = suit.interim == "denied" or suit.tro == "denied"
    if suit.injunction in ("denied", "vacated", "stayed") or refused:
        return "government"
    return "undecided"


def _lawsuit(suit: LawsuitState) -> LawsuitOutcome:
    status = tuple(
        describe(slot, getattr(suit, slot))
        for slot in ("trial", "appeal", "supreme")
        if (slot == "trial" and not suit.original) or getattr(suit, slot) != "none"
    )
    if suit.moot:
        status = (*status, "a court has held the case moot")
    return LawsuitOutcome(
        suit.case, status, _relief(suit), highest_court(suit), prevailing(suit), suit.moot
    )


_KIND_NAME = {
    "order": "order",
    "proclamation": "proclamation",
    "statute": "statute",
    "agency_action": "agency action",
}


def _policy(state: CaseState, standing: Enjoined) -> str:
    policy = state.policy
    if policy.policy == "none":
        return "no order, statute or agency action yet"
    if policy.policy == "revoked":
        return f"revoked, with effect from {policy.revoked_on}"
    if policy.policy == "replaced":
        return f"replaced by a successor, with effect from {policy.revoked_on}"
    if policy.policy == "expired":
        return f"expired by its own terms on {policy.revoked_on}"
    kind = _KIND_NAME.get(policy.kind, "order")
    if policy.kind == "order" and policy.form == "memorandum":
        kind = "memorandum"
    if any(set_aside(suit) for suit in state.lawsuits):
        # an agency's action is set aside under the APA; a President's order, as beyond his power
        under = " (5 U.S.C. 706(2))" if policy.kind == "agency_action" else ""
        return f"{kind} set aside by a court{under}"
    permanent = any(
        "permanent_injunction" in suit.final_relief and suit.injunction in RELIEF_GRANTED
        for suit in state.lawsuits
    )
    if standing.extent == "fully" and permanent:
        return f"{kind} issued, but permanently enjoined by a court"
    if standing.extent == "fully":
        return f"{kind} issued, but enjoined by a court"
    if standing.extent == "partly":
        rest = f": {', '.join(standing.free)} still in force" if standing.free else ""
        return f"{kind} issued, but partly enjoined by a court{rest}"
    due = policy.effective_on
    if due is not None and state.as_of is not None and due > state.as_of:
        return f"{kind} issued, to take effect on {due}"
    if any("declaratory_judgment" in suit.final_relief for suit in state.lawsuits):
        return f"{kind} in force, but declared unlawful by a court"
    return f"{kind} in force"


def outcome(steps: Sequence[Step], *, model: ProcessModel = MODEL) -> Outcome:
    """How the case stands after ``steps``."""
    state = steps[-1].state if steps else CaseState()
    standing = enjoined(state)
    # Before any event there is no date yet; the first steps do not depend on one.
    day = state.as_of or datetime.date.min
    allowed = next_steps(state, day, model=model, max_lawsuits=max(1, len(state.lawsuits)))
    options = tuple(dict.fromkeys(describe_event(event) for event in allowed))
    return Outcome(
        state.as_of.isoformat() if state.as_of else "",
        _policy(state, standing),
        standing.any,
        standing.extent,
        standing.free,
        tuple(_lawsuit(suit) for suit in state.lawsuits),
        options,
    )

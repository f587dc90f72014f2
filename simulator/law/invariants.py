"""Invariants: what must hold in every state any lawful history can reach.

The rules say which step may come next; these say what no sequence of steps
may ever produce (a Supreme Court case with nothing below it, an injunction
nobody granted). They are checked by `sim fuzz` against generated histories
and are the properties a user's variant of the model should keep too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from simulator.law.authorities import POLICY_ENDED, RELIEF_GRANTED
from simulator.state import CaseState, LawsuitState

__all__ = ["INVARIANTS", "Invariant", "broken"]


@attrs.frozen
class Invariant:
    """A named property of every reachable state, with the law it reflects."""

    name: str
    statement: str
    citation: str
    #: ``None`` when the state keeps the property, else what is wrong
    check: Callable[[CaseState], str | None] = attrs.field(eq=False, repr=False)


def _each_lawsuit(
    test: Callable[[LawsuitState], str | None],
) -> Callable[[CaseState], str | None]:
    def check(state: CaseState) -> str | None:
        for suit in state.lawsuits:
            problem = test(suit)
            if problem is not None:
                return f"lawsuit {suit.case!r}: {problem}"
        return None

    return check


def _case_below(suit: LawsuitState) -> str | None:
    direct = suit.three_judge == "convened" and suit.appealed
    if suit.supreme != "none" and suit.appeal == "none" and not direct:
        return f"the Supreme Court has the case ({suit.supreme}) but no appeal was ever taken"
    return None


def _appealable_order(suit: LawsuitState) -> str | None:
    if suit.appeal != "none" and not suit.appealable_order and not suit.original:
        return f"the appeal is {suit.appeal} but no appealable order was ever entered"
    return None


def _granted(suit: LawsuitState) -> str | None:
    if suit.injunction in RELIEF_GRANTED and not suit.scope:
        return f"an injunction is {suit.injunction} but no court granted one"
    return None


def _stayed_by_a_court(suit: LawsuitState) -> str | None:
    stays = (suit.stay_district, suit.stay_appeals, suit.application, suit.admin_stay)
    if suit.injunction in ("stayed", "partly_stayed", "modifying") and "granted" not in stays:
        return "the injunction is stayed but no court granted a stay"
    return None


def _relief_ends_with_the_case(suit: LawsuitState) -> str | None:
    if suit.trial == "dismissed" and (suit.injunction in RELIEF_GRANTED or suit.tro == "in_force"):
        return "the case was dismissed but its injunction or restraining order lives on"
    return None


def _tro_has_an_end(suit: LawsuitState) -> str | None:
    if suit.tro != "in_force":
        return None
    if suit.tro_expires is None and suit.tro_on_notice and suit.appealable_order:
        return None  # granted after a hearing to run until further order: a PI in effect
    if suit.tro_since is None or suit.tro_expires is None or suit.tro_expires < suit.tro_since:
        return "a restraining order is in force with no proper end date"
    return None


def _stays_end_with_the_mandate(suit: LawsuitState) -> str | None:
    if suit.mandate == "issued" and "granted" in (suit.stay_district, suit.stay_appeals):
        return "the mandate has issued but a stay pending appeal is still in force"
    return None


def _moot_only_when_the_action_ended(state: CaseState) -> str | None:
    # A settlement or other events can moot a case while the policy stands; a holding that
    # the action ended needs it to have ended.
    ended = [s.case for s in state.lawsuits if s.moot and s.moot_cause == "policy_ended"]
    if ended and state.policy.policy not in POLICY_ENDED:
        return f"lawsuit {ended[0]!r} was held moot but the challenged action never ended"
    return None


def _a_policy_to_challenge(state: CaseState) -> str | None:
    if state.lawsuits and state.policy.policy == "none":
        return "a lawsuit exists but there was never an order or statute to challenge"
    return None


#: The model's invariants, in the order a case climbs.
INVARIANTS: tuple[Invariant, ...] = (
    Invariant(
        "a_policy_to_challenge",
        "No lawsuit without an order or statute to challenge.",
        "U.S. Const. art. III, sec. 2",
        _a_policy_to_challenge,
    ),
    Invariant(
        "moot_only_when_the_action_ended",
        "A court holds a case moot because the challenged action ended only after it ended "
        "(revoked, rescinded, replaced or expired); revoking it does not moot it by itself.",
        "U.S. Const. art. III, sec. 2; Friends of the Earth v. Laidlaw, 528 U.S. 167, 189 (2000)",
        _moot_only_when_the_action_ended,
    ),
    Invariant(
        "tro_has_an_end",
        "A restraining order in force has a set end after it began, unless it was granted "
        "after a hearing to run until further order (and so is appealable).",
        "FRCP 65(b)(2)",
        _each_lawsuit(_tro_has_an_end),
    ),
    Invariant(
        "injunction_granted_by_a_court",
        "An injunction is in force (or stayed) only if a court granted it.",
        "FRCP 65(a)",
        _each_lawsuit(_granted),
    ),
    Invariant(
        "stayed_by_a_court",
        "An injunction is stayed only if some court granted a stay.",
        "FRAP 8(a); S. Ct. R. 23",
        _each_lawsuit(_stayed_by_a_court),
    ),
    Invariant(
        "relief_ends_with_the_case",
        "When a case is dismissed, its injunction or restraining order ends with it.",
        "FRCP 41; FRCP 65",
        _each_lawsuit(_relief_ends_with_the_case),
    ),
    Invariant(
        "stays_end_with_the_mandate",
        "A stay pending appeal is not in force after the mandate issues.",
        "FRAP 8(a); FRAP 41(c)",
        _each_lawsuit(_stays_end_with_the_mandate),
    ),
    Invariant(
        "appeal_from_an_appealable_order",
        "No appeal without an order that can be appealed.",
        "28 U.S.C. 1291; 28 U.S.C. 1292(a)(1)",
        _each_lawsuit(_appealable_order),
    ),
    Invariant(
        "supreme_court_needs_a_case_below",
        "The Supreme Court has a case only if it came up through an appeal: to the court of "
        "appeals, or straight from a three-judge court.",
        "28 U.S.C. 1254; 28 U.S.C. 1253",
        _each_lawsuit(_case_below),
    ),
)


def broken(
    state: CaseState, invariants: Iterable[Invariant] = INVARIANTS
) -> list[tuple[Invariant, str]]:
    """Every invariant the state breaks, with what is wrong."""
    failures = []
    for invariant in invariants:
        problem = invariant.check(state)
        if problem is not None:
            failures.append((invariant, problem))
    return failures

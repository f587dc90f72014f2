"""How far the courts have stopped the policy, read from every lawsuit against it.

One policy can be fought in several courts at once, and each injunction may
cover only some of what the policy prohibits (FRCP 65(d)(1)(C): an injunction
describes the acts it restrains). The policy is fully enjoined when, between
them, the orders in force cover every part of it; partly enjoined when they
cover some parts, or a stay pauses an injunction for some people.
"""

from __future__ import annotations

import attrs

from simulator.state import CaseState, LawsuitState

__all__ = ["Enjoined", "enjoined", "set_aside", "stops_policy"]

#: Injunction states in which it stops the whole of what it covers.
_WHOLE = frozenset({"in_force", "widening"})


@attrs.frozen
class Enjoined:
    """The policy's standing in court: ``fully``, ``partly`` or ``not`` enjoined."""

    extent: str
    #: the lawsuits whose orders are in force
    by: tuple[str, ...] = ()
    #: when the policy names its parts: those enjoined, and those still in force
    parts: tuple[str, ...] = ()
    free: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        """Whether any court order stops any of the policy."""
        return self.extent != "not"


def _covers(suit: LawsuitState) -> tuple[bool, tuple[str, ...]] | None:
    """What one lawsuit's orders stop: (in full?, parts named or () for all), or None."""
    if suit.interim == "granted" or set_aside(suit):
        return True, ()  # set aside: for everyone, not only the parties
    if suit.injunction in _WHOLE or suit.tro == "in_force":
        return True, suit.covers
    if suit.injunction in ("partly_stayed", "modifying"):
        return False, suit.covers
    return None


def set_aside(suit: LawsuitState) -> bool:
    """Whether a final judgment in this lawsuit vacates the policy, and no stay pauses it.

    A stay pending appeal pauses the judgment as a whole: its vacatur with its injunction.
    """
    return "vacatur" in suit.final_relief and suit.injunction not in ("stayed", "partly_stayed")


def stops_policy(suit: LawsuitState) -> bool:
    """Whether an order in this lawsuit stops any of the policy now."""
    return _covers(suit) is not None


def _ended(state: CaseState) -> bool:
    """Whether the policy's revocation or replacement has taken effect by the state's date."""
    policy = state.policy
    if policy.policy not in ("revoked", "replaced"):
        return False
    return policy.revoked_on is None or state.as_of is None or policy.revoked_on <= state.as_of


def enjoined(state: CaseState) -> Enjoined:
    """How far the orders in force across all lawsuits stop the policy."""
    # A revoked or replaced policy has nothing left to enjoin, whatever orders
    # entered against it remain on the books (each lawsuit's relief says so).
    if state.policy.policy == "none" or _ended(state):
        return Enjoined("not")
    names = state.policy.parts
    by: list[str] = []
    whole: set[str] = set()
    touched: set[str] = set()
    for suit in state.lawsuits:
        reach = _covers(suit)
        if reach is None:
            continue
        by.append(suit.case)
        in_full, covers = reach
        parts = set(covers or names or ("all",))
        touched |= parts
        if in_full:
            whole |= parts
    if not by:
        return Enjoined("not", free=names)
    everything = set(names or ("all",))
    extent = "fully" if everything <= whole else "partly"
    enjoined_parts = tuple(name for name in names if name in touched)
    free = tuple(name for name in names if name not in touched)
    return Enjoined(extent, tuple(by), enjoined_parts, free)

"""An exhaustive check of the process model: every reachable state, every invariant.

The checker walks every state a case can reach from nothing (breadth first, so
the first path found to any state is a shortest one) and verifies:

- every invariant of `simulator.law.invariants` in every state;
- no dead end: a state in which a track still waits for something (a motion,
  an appeal, a petition) but no lawful step can ever come, even after waiting;
- every state can still settle: some path leads to a state where nothing is
  left waiting.

Bounds and abstraction. Time is abstracted: it moves only in waits of 20 days
(past a restraining order, within the times to appeal) and 400 days (past every
deadline), so every event falls on a day a multiple of 20 days from the others,
and two states that differ only in absolute dates, with the same dates relative
to the current day (100 days or more counted as one), are one state; history no
rule reads again (past dates, past dispositions, the implementing rule's own
track) is left out. The tracks of a case multiply into millions of such states,
so the search is bounded: at most ``max_lawsuits`` lawsuits and ``max_depth``
steps from an empty case (waits included). Within the bound every state is
checked; a dead end is reported only where the search looked past it, and
"can settle" is decided only when the bound cut nothing. All steps are taken
under the law in force from ``start`` on.
"""

from __future__ import annotations

import datetime
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Sequence

import attrs

from simulator.decider import Machine
from simulator.events import Event
from simulator.explore.walk import candidates
from simulator.law.invariants import INVARIANTS, Invariant, broken
from simulator.law.model import ProcessModel
from simulator.law.rules import MODEL
from simulator.law.tracks import AWAITING
from simulator.state import CaseState, LawsuitState, PolicyState

__all__ = ["CheckReport", "Violation", "check_model"]

#: A Monday after the last change of law the model knows (Trump v. CASA, 2025).
START = datetime.date(2027, 1, 4)
WAITS = (20, 400)
_FAR = 100


@attrs.frozen
class Violation:
    """A property of the model that fails, with a shortest history that shows it."""

    name: str
    statement: str
    problem: str
    history: tuple[Event, ...]


@attrs.frozen
class CheckReport:
    """What the checker explored and what it found."""

    model: str
    states: int
    transitions: int
    #: whether the bounds cut the search short (then "can settle" was not decided)
    complete: bool
    depth: int
    bounds: str
    invariants: tuple[str, ...]
    violations: tuple[Violation, ...] = ()


@attrs.frozen
class _Node:
    state: CaseState
    day: datetime.date
    parent: Hashable | None
    event: Event | None


def _relative(day: datetime.date, value: datetime.date | None) -> int | None:
    if value is None:
        return None
    delta = (day - value).days
    return delta if delta < 0 else min(delta, _FAR)


def _suit_key(day: datetime.date, suit: LawsuitState) -> tuple[object, ...]:
    # What no rule will ever read again is left out: the dates of a restraining
    # order not in force, of an order already appealed, of a judgment no longer
    # open to a petition; the words of past dispositions; the scope beyond
    # whether one was recorded.
    live_tro = suit.tro == "in_force"
    open_order = bool(suit.appealable_order) and not suit.appealed
    open_judgment = suit.appeal == "decided" and suit.supreme in ("none", "denied")
    return (
        suit.case,
        suit.trial,
        suit.tro,
        _relative(day, suit.tro_since) if live_tro else None,
        _relative(day, suit.tro_expires) if live_tro else None,
        suit.tro_extended if live_tro else False,
        suit.injunction,
        bool(suit.scope),
        suit.stay_district,
        suit.stay_appeals,
        suit.application,
        suit.appeal,
        suit.supreme,
        suit.united_states_party,
        suit.appealable_order,
        _relative(day, suit.appealable_on) if open_order else None,
        suit.appealed,
        _relative(day, suit.judgment_on) if open_judgment else None,
        suit.moot,
        # the tracks and fields of the law's second version, which guards and effects read
        suit.tro_on_notice if live_tro else False,
        suit.interim,
        suit.application_for,
        suit.original,
        suit.covers,
        suit.admin_stay,
        suit.paused_from,
        suit.rehearing,
        suit.mandate,
        _relative(day, suit.rehearing_denied_on) if open_judgment else None,
        suit.appeal_disposition,
        suit.dismissal,
        suit.merits,
        suit.class_action,
        suit.indicative,
        suit.final_relief,
        suit.vacated_on_appeal,
        suit.post_judgment,
        _relative(day, suit.appeal_due) if open_order else None,
        _relative(day, suit.certiorari_due) if open_judgment else None,
        suit.time_extended,
        suit.appellant,
        _relative(day, suit.appealed_on) if suit.appealed and not suit.cross_appealed else None,
        suit.cross_appealed,
    )


def _key(
    policy: PolicyState, suits: Iterable[LawsuitState], day: datetime.date, era: tuple[bool, ...]
) -> Hashable:
    """The state as seen from ``day``: dates relative to it, history no rule reads dropped."""
    return (
        (policy.policy, policy.kind, policy.rule, policy.parts, policy.revoked_on is not None),
        tuple(_suit_key(day, suit) for suit in suits),
        era,
    )


def _waiting(state: CaseState) -> bool:
    return any(
        getattr(suit, slot) in values
        for suit in state.lawsuits
        for slot, values in AWAITING.items()
    )


class _Explorer:
    """Breadth-first search over the abstract states, keeping the graph for later checks."""

    def __init__(self, model: ProcessModel, max_lawsuits: int, start: datetime.date) -> None:
        self.model = model
        self.max_lawsuits = max_lawsuits
        self.dated = tuple(rule for rule in model.rules if rule.dated)
        self.nodes: dict[Hashable, _Node] = {}
        self.edges: dict[Hashable, list[Hashable]] = {}
        self.moves: dict[Hashable, bool] = {}
        self.transitions = 0
        self._candidates: dict[tuple[datetime.date, tuple[str, ...]], list[Event]] = {}
        self.root = self._add(Machine(model=model), start, None, None)

    def _era(self, day: datetime.date) -> tuple[bool, ...]:
        return tuple(rule.in_force(day) for rule in self.dated)

    def _add(
        self, machine: Machine, day: datetime.date, parent: Hashable | None, event: Event | None
    ) -> Hashable:
        key = _key(machine.policy, machine.suits.values(), day, self._era(day))
        if key not in self.nodes:
            self.nodes[key] = _Node(machine.freeze(), day, parent, event)
        return key

    def _options(self, state: CaseState, day: datetime.date) -> list[Event]:
        cases = tuple(suit.case for suit in state.lawsuits)
        found = self._candidates.get((day, cases))
        if found is None:
            found = candidates(state, day, model=self.model, max_lawsuits=self.max_lawsuits)
            self._candidates[(day, cases)] = found
        return found

    def expand(self, key: Hashable) -> list[Hashable]:
        node = self.nodes[key]
        probe = Machine(node.state, self.model)
        successors = []
        for event in self._options(node.state, node.day):
            if probe.allows(event) is None:
                continue
            machine = Machine(node.state, self.model)
            machine.step(event)
            successors.append(self._add(machine, node.day, key, event))
        self.moves[key] = bool(successors)
        for gap in WAITS:
            day = node.day + datetime.timedelta(days=gap)
            machine = Machine(node.state, self.model)
            machine.advance(day)
            successors.append(self._add(machine, day, key, None))
        self.edges[key] = successors
        self.transitions += len(successors)
        return successors

    def history(self, key: Hashable) -> tuple[Event, ...]:
        events: list[Event] = []
        current: Hashable | None = key
        while current is not None:
            node = self.nodes[current]
            if node.event is not None:
                events.append(node.event)
            current = node.parent
        return tuple(reversed(events))


def check_model(
    *,
    model: ProcessModel = MODEL,
    invariants: Sequence[Invariant] = INVARIANTS,
    max_lawsuits: int = 1,
    max_depth: int = 8,
    start: datetime.date = START,
    first_only: bool = False,
) -> CheckReport:
    """Explore every state within the bounds, breadth first, and check the model's properties.

    ``first_only`` stops at the first broken invariant (its history is a shortest one).
    """
    explorer = _Explorer(model, max_lawsuits, start)
    found: dict[str, Violation] = {}
    depth = {explorer.root: 0}
    queue: deque[Hashable] = deque([explorer.root])
    complete = True
    while queue:
        key = queue.popleft()
        _check_invariants(explorer, key, invariants, found)
        if found and first_only:
            complete = False
            break
        if depth[key] == max_depth:
            complete = False
            continue
        for successor in explorer.expand(key):
            if successor not in depth:
                depth[successor] = depth[key] + 1
                queue.append(successor)
    _check_dead_ends(explorer, found)
    if complete:
        _check_settling(explorer, found)
    bounds = (
        f"at most {max_lawsuits} lawsuit(s) and {max_depth} steps (waits included); time moves "
        f"in waits of {WAITS[0]} and {WAITS[1]} days; dates relative to the current day, "
        f"{_FAR}+ days counted as one; the law in force from {start.isoformat()}"
    )
    return CheckReport(
        model.name,
        len(explorer.nodes),
        explorer.transitions,
        complete,
        max(depth.values()),
        bounds,
        tuple(invariant.name for invariant in invariants),
        tuple(found.values()),
    )


def _record(
    found: dict[str, Violation],
    name: str,
    statement: str,
    problem: str,
    history: Callable[[], tuple[Event, ...]],
) -> None:
    # Breadth first: the first violation of a property has a shortest history.
    if name not in found:
        found[name] = Violation(name, statement, problem, history())


def _check_invariants(
    explorer: _Explorer,
    key: Hashable,
    invariants: Sequence[Invariant],
    found: dict[str, Violation],
) -> None:
    for invariant, problem in broken(explorer.nodes[key].state, invariants):
        statement = f"{invariant.statement} ({invariant.citation})"
        _record(found, invariant.name, statement, problem, lambda: explorer.history(key))


def _check_dead_ends(explorer: _Explorer, found: dict[str, Violation]) -> None:
    # Only where the search looked past the state: its moves, and those after waiting.
    for key, node in explorer.nodes.items():
        if explorer.moves.get(key, True) or not _waiting(node.state):
            continue
        later = explorer.edges[key][-1]  # after the longest wait
        if explorer.moves.get(later, True):
            continue
        _record(
            found,
            "no_dead_end",
            "Whatever waits (a motion, an appeal, a petition) can still be acted on.",
            "a track still waits, but no lawful step can ever come: "
            + ", ".join(_waiting_tracks(node.state)),
            lambda key=key: explorer.history(key),  # type: ignore[misc]
        )


def _waiting_tracks(state: CaseState) -> list[str]:
    return [
        f"{suit.case} {slot}={getattr(suit, slot)}"
        for suit in state.lawsuits
        for slot, values in AWAITING.items()
        if getattr(suit, slot) in values
    ]


def _check_settling(explorer: _Explorer, found: dict[str, Violation]) -> None:
    backward: dict[Hashable, list[Hashable]] = {}
    for key, successors in explorer.edges.items():
        for successor in successors:
            backward.setdefault(successor, []).append(key)
    settles = {key for key, node in explorer.nodes.items() if not _waiting(node.state)}
    queue = deque(settles)
    while queue:
        for before in backward.get(queue.popleft(), []):
            if before not in settles:
                settles.add(before)
                queue.append(before)
    for key in explorer.nodes:  # in breadth-first order: the first is nearest the start
        if key not in settles:
            _record(
                found,
                "can_settle",
                "From every state some lawful path leads to a case with nothing left waiting.",
                "no lawful path from here ever settles the case",
                lambda key=key: explorer.history(key),  # type: ignore[misc]
            )
            return

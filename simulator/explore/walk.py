"""Walks through the process: which steps the law allows next, and random legal histories.

Every candidate step is built from the rule table and kept only if the decider
accepts it, so a generated history is legal by construction and obeys every
deadline (a late notice of appeal is simply not among the options).
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable

from simulator.decider import Machine
from simulator.events import EVENT_TYPES, Event
from simulator.law.model import ProcessModel, Rule
from simulator.law.rules import MODEL
from simulator.state import CaseState

__all__ = ["Score", "candidates", "next_moves", "next_steps", "random_history", "toward"]

_EPOCH = datetime.date(2020, 8, 6)


def _event_for(rule: Rule, day: datetime.date, case: str, model: ProcessModel) -> Event:
    kind = EVENT_TYPES[rule.event]
    fields: dict[str, object] = {"court": rule.key[2], "case": "" if rule.on_policy else case}
    if kind.qualifier:
        fields[kind.qualifier] = rule.qualifier
    if kind.opens:
        fields["united_states_party"] = True
    return Event(rule.event, day, **fields)  # type: ignore[arg-type]


def _opens(rule: Rule) -> bool:
    """Whether ``rule`` starts a new lawsuit rather than moving one under way."""
    return EVENT_TYPES[rule.event].opens and rule.sources == frozenset({"none"})


def candidates(
    state: CaseState, day: datetime.date, *, model: ProcessModel = MODEL, max_lawsuits: int = 1
) -> list[Event]:
    """Every step the rules could take on ``day``, legal or not, in table order."""
    cases = [suit.case for suit in state.lawsuits]
    filing = f"case-{len(cases) + 1}" if len(cases) < max_lawsuits else None
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for rule in model.rules:
        targets = [""] if rule.on_policy else list(cases)
        if _opens(rule):
            targets = [filing] if filing else []
        for case in targets:
            if (*rule.key, case) in seen:
                continue
            seen.add((*rule.key, case))
            out.append(_event_for(rule, day, case, model))
    return out


def next_moves(
    state: CaseState, day: datetime.date, *, model: ProcessModel = MODEL, max_lawsuits: int = 1
) -> list[tuple[Event, Rule]]:
    """The steps the law allows on ``day`` after ``state``, each with the rule allowing it."""
    machine = Machine(state, model)
    allowed = []
    for event in candidates(state, day, model=model, max_lawsuits=max_lawsuits):
        rule = machine.allows(event)
        if rule is not None:
            allowed.append((event, rule))
    return allowed


def next_steps(
    state: CaseState, day: datetime.date, *, model: ProcessModel = MODEL, max_lawsuits: int = 1
) -> list[Event]:
    """The steps the law allows on ``day`` after ``state``."""
    return [
        event for event, _rule in next_moves(state, day, model=model, max_lawsuits=max_lawsuits)
    ]


Score = Callable[[Event, Rule, CaseState], int]


def toward(target: str, model: ProcessModel = MODEL) -> Score:
    """A score of how much closer a step brings the case to an event of type ``target``.

    Read from the table alone: working back from the rules for ``target``, each
    track state gets the number of steps it lies from it (a rule's starting
    states and its guards' usual ``needs`` lie one step further than what the
    rule produces). A step scores above zero exactly when it moves its track
    nearer, the more the better; the target itself scores highest, and a step
    into a dead end the target does not need (a state no rule leaves, such as a
    revoked order) lowest.
    """
    if target not in EVENT_TYPES:
        raise ValueError(f"unknown event type {target!r}")
    distance = _distances(target, model)
    far = len(distance) + 100
    leaves = {(rule.slot, source) for rule in model.rules for source in rule.sources}

    def score(event: Event, rule: Rule, state: CaseState) -> int:
        if event.type == target:
            return 10 * far
        produced = (rule.slot, rule.target)
        if produced not in leaves and produced not in distance:
            return -10 * far
        before = distance.get((rule.slot, _value(state, event, rule)), far)
        after = distance.get((rule.slot, rule.target), far)
        # Positive exactly when the step moves its track nearer; nearer is better.
        return (before - after) * far - after + (far if before > after else 0)

    return score


def _value(state: CaseState, event: Event, rule: Rule) -> str:
    holder: object = state.policy if rule.on_policy else state.lawsuit(event.case)
    return str(getattr(holder, rule.slot)) if holder is not None else "none"


def _needs(rule: Rule, model: ProcessModel) -> dict[str, frozenset[str]]:
    """The states each track must be in for ``rule`` to apply: its starting states
    and its guards' usual needs, intersected where several speak of one track."""
    needs = {rule.slot: rule.sources}
    for name in rule.guards:
        for slot, values in model.guards[name].needs:
            needs[slot] = needs[slot] & values if slot in needs else values
    return needs


def _distances(target: str, model: ProcessModel) -> dict[tuple[str, str], int]:
    """Steps from each (track, state) to the target, over the relaxed rule graph."""
    distance: dict[tuple[str, str], int] = {}
    frontier = [(rule, 0) for rule in model.rules if rule.event == target]
    while frontier:
        rule, steps = frontier.pop(0)
        for slot, values in _needs(rule, model).items():
            for value in values:
                if (slot, value) in distance:
                    continue
                distance[(slot, value)] = steps + 1
                frontier += [
                    (other, steps + 1)
                    for other in model.rules
                    if other.slot == slot and other.target == value
                ]
    return distance


def random_history(
    rng: random.Random,
    *,
    max_steps: int = 40,
    model: ProcessModel = MODEL,
    max_lawsuits: int = 1,
    start: datetime.date = _EPOCH,
    choose: Callable[[random.Random, list[Event]], Event] | None = None,
) -> list[Event]:
    """A legal history of up to ``max_steps`` events, drawn with ``rng``.

    Each step waits 0 to 14 days, then picks one of the allowed steps
    (uniformly unless ``choose`` says otherwise); the walk ends early when
    nothing is allowed any more.
    """
    pick = choose or (lambda r, options: r.choice(options))
    machine = Machine(model=model)
    day = start
    history: list[Event] = []
    for _ in range(max_steps):
        day = day + datetime.timedelta(days=rng.randint(0, 14))
        options = next_steps(machine.freeze(), day, model=model, max_lawsuits=max_lawsuits)
        if not options:
            break
        event = pick(rng, options)
        machine.step(event)
        history.append(event)
    return history

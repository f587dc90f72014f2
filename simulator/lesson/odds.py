"""Where each choice could have led: the case continued many times by the law and the priors.

For a choice that records an event, the runs start from the state that event
leaves; for a step not taken, from the state before it, with the priors'
chance of that party ever taking the step set aside (the party keeps to its
choice). Each number is labelled by what it rests on: a base rate from the
research notes, or an assumption (an even chance where no rate was found),
read from the priors' own sources, so the page never passes a guess off as
data.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from simulator.decider import Machine
from simulator.events import Event
from simulator.explore.montecarlo import Start, Tally, plan_for, run_plan
from simulator.law.model import ProcessModel
from simulator.law.priors import Priors, circuit_of
from simulator.law.rules import MODEL
from simulator.scenario import Scenario
from simulator.state import CaseState

__all__ = ["Odds", "Source", "odds_of", "simulated"]


@attrs.frozen
class Source:
    """One decision the runs drew, and what its chances rest on."""

    decision: str
    basis: str  # "base rate", "assumption" or "partly assumption"


@attrs.frozen
class Odds:
    """What share of the runs ended each way (percentages, rounded to whole numbers)."""

    runs: int
    blocked: int
    in_force: int
    revoked: int
    supreme: int
    plaintiffs: int
    government: int
    sources: tuple[Source, ...]


def _share(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _basis(priors: Priors, name: str) -> str:
    """Whether the numbers of decision ``name`` are data, assumptions, or both."""
    for decision in priors.decisions:
        if decision.name != name:
            continue
        numbers = [n for _, n in decision.outcomes]
        numbers += [n for v in decision.variants for _, n in v.outcomes]
        kinds = {n.source.confidence == "assumption" for n in numbers}
        if kinds == {True}:
            return "assumption"
        return "base rate" if kinds == {False} else "partly assumption"
    return "assumption"


def _sources(tally: Tally, priors: Priors) -> tuple[Source, ...]:
    names = dict.fromkeys(
        element.partition("/")[0] for path, _runs in tally.paths() for element in path
    )
    return tuple(Source(name, _basis(priors, name)) for name in sorted(names))


def _without(priors: Priors, rules: Iterable[str]) -> Priors:
    """The priors with the steps of ``rules`` never taken: the party keeps to its choice."""
    dropped = set(rules)
    return attrs.evolve(priors, steps=tuple(s for s in priors.steps if s.rule not in dropped))


def simulated(priors: Priors, rule: str) -> bool:
    """Whether the priors say how likely a party is to take the step of ``rule``: without
    that, runs continued from such a step cannot tell taking it from not."""
    return any(step.rule == rule for step in priors.steps)


def odds_of(
    scenario: Scenario,
    state: CaseState,
    event: Event | None,
    declined: Iterable[str],
    priors: Priors,
    *,
    runs: int,
    seed: int,
    model: ProcessModel = MODEL,
) -> Odds:
    """The odds after ``event`` in ``state`` (None: nothing done), with the steps of the
    ``declined`` rules never taken by the party that declined them."""
    machine = Machine(state, model)
    if event is not None:
        machine.step(event)
    after = machine.freeze()
    day = event.date if event is not None else after.as_of
    assert day is not None
    circuits = tuple((suit.id, circuit_of(suit.appeals_court)) for suit in scenario.lawsuits)
    start = Start(after, day, after.steps, circuits)
    used = _without(priors, declined)
    tally = run_plan(plan_for(start, used, seed=seed, model=model), runs)
    policy = dict(tally.by("policy"))
    court = dict(tally.by("highest_court"))
    side = dict(tally.by("prevailing"))
    return Odds(
        tally.runs,
        _share(policy.get("enjoined", 0), tally.runs),
        _share(policy.get("in force", 0), tally.runs),
        _share(policy.get("revoked", 0), tally.runs),
        _share(court.get("supreme", 0), tally.runs),
        _share(side.get("plaintiffs", 0), tally.runs),
        _share(side.get("government", 0), tally.runs),
        _sources(tally, priors),
    )

"""Monte Carlo: a case continued many times from a point of its history, by the law and the priors.

Each run is a small discrete-event simulation over the rule table. When a step
becomes lawful (the decider's `Machine.allows` says so, with every guard and
deadline) and the priors name it, it is put on an agenda: a court's decision
with a date drawn from the priors' days, a party's step only with the
priors' probability that the party takes it, and then with a date too. The
earliest entry happens next, if the law still allows it on its date (a late
notice of appeal is refused like any other), and the agenda is brought up to
date; an entry whose step the law no longer allows is dropped. A decision
draws its outcome when it comes due, among the outcomes the priors give for
the lawsuit and date; an outcome not yet lawful (an injunction before the
government is heard) waits for the step that makes it so.

A run ends when nothing is left on the agenda: *settled* when no track waits
(`simulator.law.tracks.AWAITING`), *stalled* when something waits that the
priors never act on, or *capped* by the step or time limit. Randomness comes
only from ``random.Random`` seeded by (seed, run index), so a run is the same
whichever process draws it, and the tallies of many runs merge by addition:
the result does not depend on ``jobs``.
"""

from __future__ import annotations

import bisect
import concurrent.futures
import datetime
import math
import operator
import random
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from simulator.decider import Machine
from simulator.errors import SimulatorError
from simulator.events import EVENT_TYPES, Event, describe_event
from simulator.law.enjoined import stops_policy
from simulator.law.model import ProcessModel, Rule
from simulator.law.priors import (
    DecisionPrior,
    Priors,
    StepPrior,
    circuit_of,
    load_priors,
    outcome_key,
)
from simulator.law.rules import MODEL
from simulator.law.tracks import AWAITING
from simulator.projections import outcome as reading
from simulator.scenario import Scenario, trace_scenario
from simulator.state import CaseState, LawsuitState, PolicyState

__all__ = [
    "ASPECTS",
    "Exploration",
    "ExploreError",
    "Plan",
    "Run",
    "Start",
    "Tally",
    "continue_case",
    "explore",
    "outcome_label",
    "plan_for",
    "rng_for",
    "run_plan",
    "start_of",
]

_COURTS = ("district", "appeals", "supreme")
#: The aspects of how a run ended, in the order a tally keeps them after the path.
ASPECTS = ("policy", "highest_court", "prevailing", "ending")
#: Dates an entry never reaches: a declined step, or a decision waiting for its outcome.
_NEVER = datetime.date.max
_CHUNK = 500
#: Runs share what the law allows in states at most this many steps from the start.
_SHARED_STEPS = 3


class ExploreError(SimulatorError, ValueError):
    """A continuation that cannot be started: a point outside the recorded history."""


@attrs.frozen
class Start:
    """Where the runs start: the state after the first ``kept`` recorded events, on ``day``."""

    state: CaseState
    day: datetime.date
    kept: int
    #: (lawsuit, circuit of its court of appeals) for the priors' circuit variants
    circuits: tuple[tuple[str, str], ...] = ()


@attrs.frozen
class Run:
    """One continuation: the events it added, how it ended, and when."""

    events: tuple[Event, ...]
    path: tuple[str, ...]
    policy: str
    highest_court: str
    prevailing: str
    ending: str
    days: int


@attrs.define
class Tally:
    """What many runs came to, as counts that merge by addition in any order."""

    runs: int = 0
    #: (path, policy, highest court, prevailing, ending) -> runs
    endings: Counter[tuple[tuple[str, ...], str, str, str, str]] = attrs.field(factory=Counter)
    #: days to the final outcome of each settled run -> runs
    days: Counter[int] = attrs.field(factory=Counter)

    def add(self, other: Tally) -> Tally:
        """This tally and ``other`` together (neither is changed)."""
        return Tally(self.runs + other.runs, self.endings + other.endings, self.days + other.days)

    def record(self, run: Run) -> None:
        """Count one more run."""
        self.runs += 1
        self.endings[(run.path, run.policy, run.highest_court, run.prevailing, run.ending)] += 1
        if run.ending == "settled":
            self.days[run.days] += 1

    def by(self, aspect: str) -> list[tuple[str, int]]:
        """Runs by one aspect of their end (``policy``, ``highest_court``, ``prevailing``
        or ``ending``), most first; ties in alphabetical order, so the order is stable."""
        position = ASPECTS.index(aspect) + 1
        counts: Counter[str] = Counter()
        for key, runs in self.endings.items():
            counts[str(key[position])] += runs
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def paths(self) -> list[tuple[tuple[str, ...], int]]:
        """Runs by their path of decisions, most first (ties by the path itself)."""
        counts: Counter[tuple[str, ...]] = Counter()
        for key, runs in self.endings.items():
            counts[key[0]] += runs
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def quartiles(self) -> tuple[int, int, int, int, int] | None:
        """Days to a final outcome of the settled runs: least, first quartile, median, third
        quartile, most (nearest rank, so always a day some run took); None if none settled."""
        settled = sum(self.days.values())
        if not settled:
            return None
        days = sorted(self.days)
        ranks = [max(1, math.ceil(settled * share)) for share in (0.25, 0.5, 0.75)]
        found, seen = [], 0
        for day in days:
            seen += self.days[day]
            while ranks and seen >= ranks[0]:
                found.append(day)
                ranks.pop(0)
        return days[0], found[0], found[1], found[2], days[-1]


@attrs.frozen
class Exploration:
    """The result of `explore`: where it started, how, and the tally of the runs."""

    scenario: Scenario
    start: Start
    seed: int
    priors: str
    tally: Tally
    model: ProcessModel = attrs.field(default=MODEL, repr=False)


class _Option:
    """One thing the priors may put on the agenda: a decision or a step, in one lawsuit.

    Flattened for the loop every run spends its time in: the tracks and states a
    first, cheap test reads; the ``unless`` fields; the events of each outcome.
    """

    __slots__ = (
        "case",
        "circuit",
        "day_events",
        "decision",
        "events",
        "ids",
        "index",
        "members",
        "name",
        "on_policy",
        "prior",
        "tracks",
        "trusted",
        "unless",
    )

    def __init__(
        self,
        index: int,
        prior: DecisionPrior | StepPrior,
        rules: Sequence[Rule],
        case: str,
        circuit: str,
        model: ProcessModel,
    ) -> None:
        self.index, self.prior, self.case, self.circuit = index, prior, case, circuit
        self.decision = isinstance(prior, DecisionPrior)
        self.name = prior.name if isinstance(prior, DecisionPrior) else prior.rule
        self.on_policy = all(rule.on_policy for rule in rules)
        #: (track, states it may start from) of each rule: no rule can apply outside them
        self.tracks = tuple(dict.fromkeys((rule.slot, rule.sources) for rule in rules))
        #: (policy?, field, values): the option waits while any of them matches
        self.unless = tuple(
            (name in ("policy", "rule"), name, values)
            for name, values in (prior.unless.fields if prior.unless else ())
            if name != "circuit" or circuit in values
        )
        #: every distinct event of the option, the rules that may record them, and for each
        #: outcome key the positions of its events among them
        self.events = tuple(dict.fromkeys(rule.key for rule in rules))
        self.ids = frozenset(rule.id for rule in rules)
        self.members: dict[str, tuple[int, ...]] = {}
        for key in _keys(prior, rules):
            keys = {rule.key for rule in rules if key in (outcome_key(rule), rule.event)}
            self.members[key] = tuple(i for i, each in enumerate(self.events) if each in keys)
        self.day_events: dict[datetime.date, tuple[Event, ...]] = {}
        #: events only one rule can record: once `Machine.allows` has found it lawful, the
        #: unchecked step applies that same rule, without asking every guard again
        self.trusted = frozenset(key for key in self.events if len(model.index[key]) == 1)

    def on(self, day: datetime.date) -> tuple[Event, ...]:
        """The option's events dated ``day``; events are values, so one set serves every run."""
        found = self.day_events.get(day)
        if found is None:
            if len(self.day_events) > 20_000:  # bounded, however long the exploration
                self.day_events.clear()
            found = self.day_events[day] = tuple(_event(key, self.case, day) for key in self.events)
        return found


def _event(key: tuple[str, str, str], case: str, day: datetime.date) -> Event:
    kind = EVENT_TYPES[key[0]]
    fields = {kind.qualifier: key[1]} if kind.qualifier else {}
    return Event(key[0], day, case=case, court=key[2], **fields)  # type: ignore[arg-type]


def _keys(prior: DecisionPrior | StepPrior, rules: Sequence[Rule]) -> list[str]:
    if isinstance(prior, StepPrior):
        return [outcome_key(rules[0])]
    keys = [key for key, _ in prior.outcomes]
    keys += [key for variant in prior.variants for key, _ in variant.outcomes]
    return list(dict.fromkeys(keys))


@attrs.frozen
class Plan:
    """Everything a run needs, built once per process: the start, the options, the caps."""

    start: Start
    priors: Priors
    seed: int
    model: ProcessModel = attrs.field(default=MODEL, repr=False)
    max_steps: int = 200
    max_days: int = 20 * 365
    options: tuple[_Option, ...] = attrs.field(init=False, repr=False, eq=False)
    _read: tuple[Callable[[Any], Any], Callable[[Any], Any]] = attrs.field(
        init=False, repr=False, eq=False
    )
    _open: dict[tuple[object, ...], tuple[frozenset[int], tuple[_Option, ...]]] = attrs.field(
        init=False, repr=False, eq=False, factory=dict
    )
    _lawful: dict[tuple[object, ...], dict[int, bool]] = attrs.field(
        init=False, repr=False, eq=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        options = _options(self.priors, self.model, self.start)
        object.__setattr__(self, "options", options)
        object.__setattr__(self, "_read", _readers(options))

    def opened(self, machine: Machine) -> tuple[frozenset[int], tuple[_Option, ...]]:
        """The options whose tracks are in a state they may start from and whom no
        ``unless`` holds back (as indices, and in order): read from the track values
        alone (no dates), so the answer for one set of values, computed once, serves
        every run."""
        read_suit, read_policy = self._read
        key = (read_policy(machine.policy), *map(read_suit, machine.suits.values()))
        found = self._open.get(key)
        if found is None:
            options = tuple(
                option
                for option in self.options
                if _open(option, machine.policy, machine.suits.get(option.case))
            )
            found = self._open[key] = (frozenset(o.index for o in options), options)
        return found

    def lawful_today(self, machine: Machine, day: datetime.date) -> dict[int, bool]:
        """Whether the law allows each option, for a whole state on ``day``: filled in as
        runs ask, and shared by every run that reaches the same state on the same day
        (all of them, at the start). The key holds every field, so the answer is exact."""
        key = (day, _ALL_POLICY(machine.policy), *map(_ALL_SUIT, machine.suits.values()))
        found = self._lawful.get(key)
        if found is None:
            if len(self._lawful) > 200_000:  # bounded, however long the exploration
                self._lawful.clear()
            found = self._lawful[key] = {}
        return found


_ALL_POLICY = operator.attrgetter(*(field.name for field in attrs.fields(PolicyState)))
_ALL_SUIT = operator.attrgetter(*(field.name for field in attrs.fields(LawsuitState)))


def _options(priors: Priors, model: ProcessModel, start: Start) -> tuple[_Option, ...]:
    cases = [suit.case for suit in start.state.lawsuits]
    circuits = dict(start.circuits)
    entries: list[tuple[DecisionPrior | StepPrior, list[Rule]]] = []
    for decision in priors.decisions:
        wanted = set(_keys(decision, ()))
        grouped = [rule for rule in model.rules if rule.decision == decision.name]
        pool = grouped or [rule for rule in model.rules if not rule.decision]
        entries.append((decision, [r for r in pool if {outcome_key(r), r.event} & wanted]))
    entries += [(step, [model.rule(step.rule)]) for step in priors.steps]
    options: list[_Option] = []
    for prior, rules in entries:
        for case in [""] if all(rule.on_policy for rule in rules) else cases:
            circuit = circuits.get(case, "")
            options.append(_Option(len(options), prior, rules, case, circuit, model))
    return tuple(options)


def plan_for(
    start: Start,
    priors: Priors,
    *,
    seed: int = 0,
    model: ProcessModel = MODEL,
    max_steps: int = 200,
    max_days: int = 20 * 365,
) -> Plan:
    """The plan of runs from ``start`` under ``priors`` (see `continue_case`)."""
    return Plan(start, priors, seed, model, max_steps, max_days)


class _Entry:
    """An option on the agenda: when it comes due, and a decision's outcome once drawn.

    ``due`` is `_NEVER` for a step the party declined or took, and for a decision that
    waits for its drawn outcome to become lawful (then ``outcome`` is set).
    """

    __slots__ = ("due", "option", "outcome", "seq")

    def __init__(self, option: _Option, due: datetime.date, seq: int) -> None:
        self.option, self.due, self.seq = option, due, seq
        self.outcome = ""


class _Case:
    """One run in progress: the machine, the day, the agenda, and what happened."""

    def __init__(self, plan: Plan, rng: random.Random) -> None:
        self.plan, self.rng = plan, rng
        self.machine = Machine(plan.start.state, plan.model)
        self.day = plan.start.day
        self.agenda: dict[int, _Entry] = {}
        self.seq = 0
        self.events: list[Event] = []
        self.path: list[str] = []
        self.judgments: dict[str, str] = {}

    def suit(self, option: _Option) -> Any:
        """The lawsuit the option is about (`_NO_SUIT` for the policy's own steps)."""
        return _NO_SUIT if option.on_policy else self.machine.suits.get(option.case)

    def lawful(self, option: _Option, key: str, day: datetime.date) -> list[Event]:
        """The events of outcome ``key`` the law allows on ``day`` (a scope of an injunction,
        say, when the outcome names none)."""
        events, allows, ids = option.on(day), self.machine.allows, option.ids
        allowed = []
        for position in option.members[key]:
            rule = allows(events[position])
            if rule is not None and rule.id in ids:
                allowed.append(events[position])
        return allowed

    def allowed(self, option: _Option) -> bool:
        """Whether the law allows any step of the option today."""
        allows, ids = self.machine.allows, option.ids
        for event in option.on(self.day):
            rule = allows(event)
            if rule is not None and rule.id in ids:
                return True
        return False

    def refresh(self) -> None:
        """Drop what can no longer happen; put on the agenda what the law newly allows."""
        # What lapses by today lapses now, before anything is read: the answers the law
        # gives below then depend on the state and the day alone, and can be shared.
        self.machine.advance(self.day)
        agenda = self.agenda
        indices, options = self.plan.opened(self.machine)
        for index in [index for index in agenda if index not in indices]:
            del agenda[index]
        answers: dict[int, bool] | None = None
        for option in options:
            if option.index not in agenda:
                if answers is None:
                    # States a few steps from the common start recur across runs; later
                    # ones almost never do, and are not worth a key.
                    shared = len(self.events) <= _SHARED_STEPS
                    answers = self.plan.lawful_today(self.machine, self.day) if shared else {}
                allowed = answers.get(option.index)
                if allowed is None:
                    allowed = answers[option.index] = self.allowed(option)
                if allowed:
                    self.schedule(option)

    def schedule(self, option: _Option) -> None:
        """Put the option on the agenda: a date for a decision; for a step, first whether
        the party takes it at all."""
        prior, day, random = option.prior, self.day, self.rng.random
        suit: Any = _NO_SUIT if option.on_policy else self.machine.suits.get(option.case)
        if isinstance(prior, DecisionPrior):
            chance, timing = 1.0, prior.resolve(suit, self.machine.policy, day, option.circuit)[1]
        else:
            chance, timing = prior.resolve(suit, self.machine.policy, day, option.circuit)
        due = _NEVER
        # A court always decides what is before it; a party takes a step only by chance.
        if option.decision or random() < chance:
            due = day + datetime.timedelta(days=timing.days(random()))
        self.seq += 1
        self.agenda[option.index] = _Entry(option, due, self.seq)

    def next_entry(self) -> _Entry | None:
        best: _Entry | None = None
        for entry in self.agenda.values():
            if entry.due is not _NEVER and (
                best is None
                or entry.due < best.due
                or (entry.due == best.due and entry.seq < best.seq)
            ):
                best = entry
        return best

    def event_for(self, entry: _Entry) -> Event | None:
        """The event ``entry`` records on its date, or None (a decision then keeps waiting)."""
        option = entry.option
        if not option.decision:  # a step: one event, one rule
            event = option.on(entry.due)[0]
            rule = self.machine.allows(event)
            return event if rule is not None and rule.id in option.ids else None
        if not entry.outcome:
            entry.outcome = self.draw(option, entry.due)
            if not entry.outcome:
                return None
        found = self.lawful(option, entry.outcome, entry.due)
        if len(found) > 1:  # an outcome the priors do not split is shared evenly
            return found[int(self.rng.random() * len(found))]
        return found[0] if found else None

    def draw(self, option: _Option, day: datetime.date) -> str:
        """An outcome drawn by the priors that apply to the lawsuit on ``day``."""
        prior = option.prior
        assert isinstance(prior, DecisionPrior)
        outcomes = prior.resolve(self.suit(option), self.machine.policy, day, option.circuit)[0]
        point = self.rng.random() * sum(number.value for _key, number in outcomes)
        for key, number in outcomes:
            if point < number.value:
                return key
            point -= number.value
        return ""

    def apply(self, entry: _Entry, event: Event) -> None:
        """Record ``event``, which the law allows now (`event_for` asked it)."""
        self.machine.step(event, checked=event.key not in entry.option.trusted)
        self.events.append(event)
        self.day = event.date
        if entry.option.decision:
            # The outcome as the priors name it: a scope they leave open is a detail.
            self.path.append(f"{entry.option.name}/{entry.outcome}")
        # Done: it stays dormant until its track moves on, so a step that leaves its
        # track as it was (a second hearing) is not taken again and again.
        entry.due, entry.outcome = _NEVER, ""
        if event.type == "judgment_entered":
            side = "plaintiffs" if event.disposition == "plaintiffs" else "government"
            self.judgments[event.case] = side
        for waiting in self.agenda.values():
            if waiting.outcome and waiting.due is _NEVER:
                waiting.due = self.day  # a decision that waited may be lawful now

    def run(self) -> str:
        """Run to the end; returns how it ended."""
        plan = self.plan
        limit = plan.start.day + datetime.timedelta(days=plan.max_days)
        self.refresh()
        while True:
            entry = self.next_entry()
            if entry is None:
                return "stalled" if _waiting(self.machine) else "settled"
            if entry.due > limit or len(self.events) >= plan.max_steps:
                return "capped"
            self.day = entry.due
            event = self.event_for(entry)
            if event is not None:
                self.apply(entry, event)
            elif entry.outcome:
                entry.due = _NEVER
            else:
                del self.agenda[entry.option.index]
            self.refresh()


def _readers(options: Sequence[_Option]) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """Getters of every lawsuit and policy field that `_open` reads, as one tuple each."""
    suit_fields, policy_fields = {"case"}, {"policy"}
    for option in options:
        slots = {slot for slot, _sources in option.tracks}
        (policy_fields if option.on_policy else suit_fields).update(slots)
        for on_policy, name, _values in option.unless:
            if on_policy:
                policy_fields.add(name)
            elif not option.on_policy:  # a policy step reads no lawsuit: always None
                suit_fields.add(name)
    suit_fields.discard("circuit")
    policy_fields.discard("circuit")
    return operator.attrgetter(*sorted(suit_fields)), operator.attrgetter(*sorted(policy_fields))


def _open(option: _Option, policy: Any, suit: Any) -> bool:
    """Whether the option's track is in a state it may start from, and no ``unless`` holds."""
    holder = policy if option.on_policy else suit
    if holder is None:
        return False
    for slot, sources in option.tracks:
        if getattr(holder, slot) in sources:
            break
    else:
        return False
    for on_policy, name, values in option.unless:
        if name == "circuit" or getattr(policy if on_policy else holder, name, None) in values:
            return False
    return True


class _NoSuit:
    """Stands for "no lawsuit" when the priors of a policy step read lawsuit fields."""

    def __getattr__(self, name: str) -> object:
        return None


_NO_SUIT: Any = _NoSuit()


def _waiting(machine: Machine) -> bool:
    return any(
        getattr(suit, slot) in values
        for suit in machine.suits.values()
        for slot, values in AWAITING.items()
    )


def _ending(case: _Case) -> tuple[str, str, str]:
    """The policy at the end, the highest court reached, and who prevailed (the side a
    final judgment favoured, else the side the relief favours, as `sim run` says)."""
    machine = case.machine
    suits = list(machine.suits.values())
    if machine.policy.policy == "revoked":
        policy = "revoked"
    elif any(stops_policy(suit) for suit in suits):
        policy = "enjoined"
    else:
        policy = "in force"
    courts = [_COURTS.index(reading.highest_court(suit)) for suit in suits]
    court = _COURTS[max(courts, default=0)]
    sides = {case.judgments.get(suit.case) or reading.prevailing(suit) for suit in suits}
    prevailing = sides.pop() if len(sides) == 1 else "mixed" if sides else "undecided"
    return policy, court, prevailing


def rng_for(seed: int, index: int) -> random.Random:
    """The generator of run ``index``: the same whichever process or chunk draws it."""
    return random.Random(f"{seed}/{index}")


def continue_case(plan: Plan, index: int) -> Run:
    """Run ``index`` of ``plan``: the case continued once, by the law and the priors."""
    case = _Case(plan, rng_for(plan.seed, index))
    ending = case.run()
    policy, court, prevailing = _ending(case)
    days = (case.events[-1].date - plan.start.day).days if case.events else 0
    return Run(tuple(case.events), tuple(case.path), policy, court, prevailing, ending, days)


def _tally(plan: Plan, first: int, last: int) -> Tally:
    tally = Tally()
    for index in range(first, last):
        tally.record(continue_case(plan, index))
    return tally


_WORKER_PLAN: Plan | None = None


def _install(plan: Plan) -> None:
    global _WORKER_PLAN
    _WORKER_PLAN = plan


def _chunk(bounds: tuple[int, int]) -> Tally:
    assert _WORKER_PLAN is not None
    return _tally(_WORKER_PLAN, *bounds)


def run_plan(
    plan: Plan, runs: int, *, jobs: int = 1, progress: Callable[[int], None] | None = None
) -> Tally:
    """The tally of runs 0 .. ``runs``-1, over ``jobs`` processes; ``progress`` hears how
    many runs each finished chunk held."""
    chunks = [(first, min(first + _CHUNK, runs)) for first in range(0, runs, _CHUNK)]
    total = Tally()
    if jobs <= 1:
        for bounds in chunks:
            total = total.add(_tally(plan, *bounds))
            if progress is not None:
                progress(bounds[1] - bounds[0])
        return total
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, initializer=_install, initargs=(plan,)
    ) as pool:
        for bounds, tally in zip(chunks, pool.map(_chunk, chunks), strict=True):
            total = total.add(tally)
            if progress is not None:
                progress(bounds[1] - bounds[0])
    return total


def start_of(
    scenario: Scenario, point: int | datetime.date | None = None, *, model: ProcessModel = MODEL
) -> Start:
    """Where to continue ``scenario``: after its first ``point`` events, after the events
    dated on or before ``point``, or (None) just before its first decision."""
    steps = trace_scenario(scenario, model=model)
    if point is None:
        kept = next((s.index for s in steps if s.rule.decision), len(steps))
    elif isinstance(point, datetime.date):
        kept = bisect.bisect_right([step.event.date for step in steps], point)
    else:
        kept = point
    if not 1 <= kept <= len(steps):
        where = point.isoformat() if isinstance(point, datetime.date) else point
        raise ExploreError(
            f"cannot continue from {where}: the scenario {scenario.id!r} has "
            f"{len(steps)} events, dated {steps[0].event.date} to {steps[-1].event.date}, "
            "and a continuation keeps at least the first"
        )
    state = steps[kept - 1].state
    assert state.as_of is not None
    circuits = tuple((suit.id, circuit_of(suit.appeals_court)) for suit in scenario.lawsuits)
    return Start(state, state.as_of, kept, circuits)


def explore(
    scenario: Scenario,
    priors: Priors | None = None,
    *,
    point: int | datetime.date | None = None,
    runs: int = 1000,
    seed: int = 0,
    jobs: int = 1,
    model: ProcessModel = MODEL,
    progress: Callable[[int], None] | None = None,
) -> Exploration:
    """Continue ``scenario`` from ``point`` (see `start_of`) ``runs`` times and tally the runs,
    drawing from ``priors`` (the bundled ones by default) on ``jobs`` processes."""
    priors = priors if priors is not None else load_priors(model=model)
    start = start_of(scenario, point, model=model)
    plan = plan_for(start, priors, seed=seed, model=model)
    tally = run_plan(plan, runs, jobs=jobs, progress=progress)
    return Exploration(scenario, start, seed, priors.path, tally, model)


def outcome_label(element: str, model: ProcessModel = MODEL) -> str:
    """A path element (``decision/outcome``) in words: "appeal decided (affirmed)"."""
    decision, _, key = element.partition("/")
    event_type, _, qualifier = key.partition(":")
    court = ""
    for rule in model.rules:
        if rule.event == event_type and rule.qualifier == qualifier:
            court = rule.key[2]
            if rule.decision == decision:
                break
    kind = EVENT_TYPES[event_type]
    fields = {kind.qualifier: qualifier} if kind.qualifier else {}
    probe = Event(event_type, datetime.date.min, court=court, **fields)  # type: ignore[arg-type]
    return describe_event(probe)

"""decide, evolve, replay: the event-sourced core, driven by the rule table.

`decide` checks a proposed step against the law and refuses it with an
`IllegalTransition`; `evolve` applies a recorded step and never fails;
`replay` folds a history, checking every step (or, for a trusted store, not).

All three run on a `Machine`: mutable working copies of the immutable state
that one step at a time are moved by the rules, then frozen. A fold over
frozen values would rebuild every object on every event; the machine builds
them once at the end, which is what lets a replay keep up with a large log.
``evolve(state, event)`` is exactly ``Machine(state).step(event).freeze()``,
so the fast path and the definition cannot drift apart.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from simulator.errors import IllegalTransition
from simulator.events import EVENT_TYPES, OPENING, Event
from simulator.law.authorities import cited_on
from simulator.law.model import Compiled, ProcessModel, Rule
from simulator.law.rules import MODEL
from simulator.law.tracks import describe
from simulator.state import CaseState, LawsuitState, PolicyState

__all__ = ["Machine", "Step", "decide", "evolve", "prefix", "replay", "trace"]


class _Policy(PolicyState):
    """A mutable working copy of `PolicyState` (never leaves this module)."""

    __slots__ = ()
    __setattr__ = object.__setattr__


class _Suit(LawsuitState):
    """A mutable working copy of `LawsuitState` (never leaves this module)."""

    __slots__ = ()
    __setattr__ = object.__setattr__


_POLICY_FIELDS = tuple(f.name for f in attrs.fields(PolicyState))
_SUIT_FIELDS = tuple(f.name for f in attrs.fields(LawsuitState))
_NO_SUIT = LawsuitState(case="")


def _thaw_policy(policy: PolicyState) -> _Policy:
    return _Policy(*(getattr(policy, name) for name in _POLICY_FIELDS))


def _thaw_suit(suit: LawsuitState) -> _Suit:
    return _Suit(*(getattr(suit, name) for name in _SUIT_FIELDS))


def _set(target: Any, changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        setattr(target, name, value)


@attrs.frozen
class Step:
    """One step of a replayed history: the event, the rule that allowed it, the state after."""

    index: int
    event: Event
    rule: Rule
    state: CaseState


class Machine:
    """A case being replayed: the state as working copies, moved one event at a time."""

    __slots__ = (
        "_clocks",
        "_index",
        "_lapse_due",
        "_last",
        "as_of",
        "model",
        "policy",
        "steps",
        "suits",
    )

    def __init__(self, state: CaseState | None = None, model: ProcessModel = MODEL) -> None:
        state = state or CaseState()
        self.model = model
        self._index = model.index
        self._clocks = model.clocks
        self.policy = _thaw_policy(state.policy)
        self.suits = {suit.case: _thaw_suit(suit) for suit in state.lawsuits}
        self.as_of = state.as_of
        self.steps = state.steps
        self._lapse_due: datetime.date | None = None
        self._last: Compiled | None = None
        self._rearm()

    def freeze(self) -> CaseState:
        """The immutable state the machine has reached."""
        policy = PolicyState(*(getattr(self.policy, name) for name in _POLICY_FIELDS))
        suits = tuple(
            LawsuitState(*(getattr(suit, name) for name in _SUIT_FIELDS))
            for suit in self.suits.values()
        )
        return CaseState(policy, suits, self.as_of, self.steps)

    def step(self, event: Event, *, checked: bool = True) -> Rule | None:
        """Apply ``event``; when ``checked``, refuse it first if the law does not allow it.

        Returns the rule that applied (``None`` when an unchecked event fits no rule).
        """
        self.run((event,), checked=checked)
        return self._last.rule if self._last is not None else None

    def run(self, events: Iterable[Event], *, checked: bool = True) -> None:
        """Apply ``events`` in order: the loop every replay spends its time in.

        A refusal raises `IllegalTransition` whose ``index`` is the position in
        ``events``; the events before it stay applied.
        """
        find = self._find
        as_of = self.as_of
        suits = self.suits
        policy = self.policy
        count = 0
        try:
            for event in events:
                day = event.date
                if checked and as_of is not None and day < as_of:
                    raise _out_of_order(day, as_of).at(count)
                if self._lapse_due is not None and day > self._lapse_due:
                    self._lapse(day)
                compiled = self._last = find(event, checked)
                if compiled is None:
                    if checked:
                        raise self._diagnose(event).at(count)
                elif compiled.on_policy:
                    setattr(policy, compiled.slot, compiled.target)
                    if compiled.effects:
                        self._affect(event, compiled, _NO_SUIT)
                else:
                    suit = suits.get(event.case)
                    if suit is None:
                        suit = suits[event.case] = _Suit(event.case)
                    setattr(suit, compiled.slot, compiled.target)
                    if compiled.effects:
                        self._affect(event, compiled, suit)
                    if compiled.rearms:
                        self._rearm((suit,))
                as_of = day
                count += 1
        finally:
            self.as_of = as_of
            self.steps += count

    def check(self, event: Event) -> Rule:
        """The rule that allows ``event`` now; raises `IllegalTransition` if none does.

        Time moves on to the event's date (a restraining order may lapse), but the
        event itself is not applied.
        """
        rule = self.allows(event)
        if rule is None:
            if self.as_of is not None and event.date < self.as_of:
                raise _out_of_order(event.date, self.as_of)
            raise self._diagnose(event)
        return rule

    def advance(self, day: datetime.date) -> None:
        """Let time run to ``day`` with no event: what lapses by then lapses."""
        if self._lapse_due is not None and day > self._lapse_due:
            self._lapse(day)

    def allows(self, event: Event) -> Rule | None:
        """The rule that allows ``event`` now, or ``None``: `check` without the reasons,
        for callers that try many steps and keep the lawful ones."""
        day = event.date
        if self.as_of is not None and day < self.as_of:
            return None
        if self._lapse_due is not None and day > self._lapse_due:
            self._lapse(day)
        compiled = self._find(event, True)
        return compiled.rule if compiled is not None else None

    def _find(self, event: Event, checked: bool) -> Compiled | None:
        # The hot loop of every replay: plain attribute reads and no allocation
        # (but for the working copy of a lawsuit being filed).
        policy = self.policy
        clocks = self._clocks
        lawsuit: Any = self.suits.get(event.case)
        if lawsuit is None and event.type in OPENING:
            lawsuit = _Suit(event.case)
        for compiled in self._index.get(event.key, ()):
            if compiled.on_policy:
                suit: Any = _NO_SUIT
                if getattr(policy, compiled.slot) not in compiled.sources:
                    continue
            else:
                suit = lawsuit
                if suit is None or getattr(suit, compiled.slot) not in compiled.sources:
                    continue
            if not checked and not compiled.chosen_by_guards:
                return compiled
            if compiled.dated and not compiled.valid_from <= event.date < compiled.valid_until:
                continue
            for check in compiled.checks:
                if check(suit, policy, event, clocks) is not None:
                    break
            else:
                return compiled
        return None

    def _affect(self, event: Event, compiled: Compiled, suit: Any) -> None:
        """Apply the rule's effects, after its own move."""
        for effect in compiled.effects:
            changes = effect.apply(suit, self.policy, event, self._clocks)
            if effect.target == "policy":
                _set(self.policy, changes)
            elif effect.target == "lawsuits":
                for each in self.suits.values():
                    _set(each, changes)
            else:
                _set(suit, changes)

    def _rearm(self, suits: Iterable[LawsuitState] | None = None) -> None:
        """Note the next date on which time alone will change something.

        After a step only its own lawsuit is looked at, so a long stream of many
        lawsuits does not rescan them all; a stale (too early) date only costs
        one extra scan in `_lapse`, which then looks at everything again.
        """
        due = None if suits is None else self._lapse_due
        for lapse in self.model.lapses:
            for suit in self.suits.values() if suits is None else suits:
                until = getattr(suit, lapse.until)
                if getattr(suit, lapse.slot) == lapse.source and until is not None:
                    due = until if due is None else min(due, until)
        self._lapse_due = due

    def _lapse(self, day: datetime.date) -> None:
        for lapse in self.model.lapses:
            for suit in self.suits.values():
                until = getattr(suit, lapse.until)
                if getattr(suit, lapse.slot) == lapse.source and until is not None and until < day:
                    setattr(suit, lapse.slot, lapse.target)
        self._rearm()

    def _diagnose(self, event: Event) -> IllegalTransition:
        """Why no rule allows ``event``: the refusal of the rule that came closest."""
        candidates = self.model.index.get(event.key)
        if not candidates:
            return self._no_rule(event)
        best: tuple[int, IllegalTransition] | None = None
        for compiled in candidates:
            refusal, progress = self._try(event, compiled)
            if refusal is not None and (best is None or progress > best[0]):
                best = (progress, refusal)
        assert best is not None, "a rule allows the event after all"
        return best[1]

    def _suit_for(self, event: Event, rule: Rule) -> LawsuitState | None:
        if rule.on_policy:
            return _NO_SUIT
        suit = self.suits.get(event.case)
        if suit is None and event.type in OPENING:
            return _Suit(event.case)
        return suit

    def _try(self, event: Event, compiled: Compiled) -> tuple[IllegalTransition | None, int]:
        rule = compiled.rule
        if rule.dated and not rule.in_force(event.date):
            return _out_of_time(event, rule), 0
        suit = self._suit_for(event, rule)
        if suit is None:
            return _no_lawsuit(event), 1
        holder: Any = self.policy if rule.on_policy else suit
        current = getattr(holder, rule.slot)
        if current not in rule.sources:
            label = EVENT_TYPES[event.type].label
            reason = (
                f"'{label}' requires that {describe(rule.slot, rule.sources)}, "
                f"but {describe(rule.slot, current)}"
            )
            return IllegalTransition(reason, citation=rule.citation_on(event.date)), 2
        for passed, guard in enumerate(compiled.guards):
            failure = guard.check(suit, self.policy, event, self._clocks)
            if failure is not None:
                return IllegalTransition(failure, citation=cited_on(guard.citation, event.date)), (
                    3 + passed
                )
        return None, 3 + len(compiled.guards)

    def _no_rule(self, event: Event) -> IllegalTransition:
        kind = EVENT_TYPES[event.type]
        known = self.model.by_event.get(event.type, ())
        if not known:
            return IllegalTransition(
                f"the process model has no rule for a {kind.label}", citation="process model"
            )
        options = sorted({f"{r.qualifier or '-'} in the {r.key[2]} court" for r in known})
        value = getattr(event, kind.qualifier) if kind.qualifier else "-"
        return IllegalTransition(
            f"no rule allows a {kind.label} ({kind.qualifier or 'kind'} {value!r}) in the "
            f"{event.court} court; the model knows: {', '.join(options)}",
            citation=known[0].citation,
        )


def _out_of_order(day: datetime.date, before: datetime.date) -> IllegalTransition:
    return IllegalTransition(
        f"this step is dated {day.isoformat()}, before the step it follows "
        f"({before.isoformat()}); a history must be in date order",
        citation="chronology of the record",
    )


def _out_of_time(event: Event, rule: Rule) -> IllegalTransition:
    label = EVENT_TYPES[event.type].label
    if rule.valid_until is not None and event.date >= rule.valid_until:
        reason = (
            f"a {label} ({rule.qualifier}) is no longer allowed on {event.date.isoformat()}: "
            f"the rule ended on {rule.valid_until.isoformat()}"
        )
        return IllegalTransition(reason, citation=rule.superseded_by or rule.citation)
    assert rule.valid_from is not None
    reason = (
        f"a {label} ({rule.qualifier}) is not allowed before {rule.valid_from.isoformat()}, "
        "when the rule took effect"
    )
    return IllegalTransition(reason, citation=rule.citation_on(event.date))


def _no_lawsuit(event: Event) -> IllegalTransition:
    label = EVENT_TYPES[event.type].label
    name = f"lawsuit {event.case!r}" if event.case else "lawsuit"
    return IllegalTransition(
        f"a {label} needs a {name} before the court, but no complaint has been filed",
        citation="FRCP 3",
    )


def decide(state: CaseState, event: Event, *, model: ProcessModel = MODEL) -> tuple[Event, ...]:
    """The events that a proposed step records, or `IllegalTransition` if the law forbids it.

    A proposed step is an `Event` not yet recorded; when allowed, it is recorded
    as it is, so the result is ``(event,)``.
    """
    Machine(state, model).check(event)
    return (event,)


def evolve(state: CaseState, event: Event, *, model: ProcessModel = MODEL) -> CaseState:
    """The state after a recorded ``event``. Never fails: the fact already happened."""
    machine = Machine(state, model)
    machine.step(event, checked=False)
    return machine.freeze()


def prefix(events: Iterable[Event], until: int | datetime.date | None) -> Iterable[Event]:
    """The events up to step ``until`` (a count) or through date ``until``, in order.

    Lazy for any iterable, so a long log streams through a replay; a sequence
    gives back a sequence (a slice).
    """
    if until is None:
        return events
    if isinstance(until, datetime.date):
        limit = until
        if isinstance(events, Sequence):
            count = 0
            for event in events:
                if event.date > limit:
                    break
                count += 1
            return events[:count]
        return itertools.takewhile(lambda event: event.date <= limit, events)
    if until < 0:
        raise ValueError(f"until must be a step count of 0 or more, not {until}")
    return events[:until] if isinstance(events, Sequence) else itertools.islice(events, until)


def replay(
    events: Iterable[Event],
    until: int | datetime.date | None = None,
    *,
    model: ProcessModel = MODEL,
    checked: bool = True,
) -> CaseState:
    """The state a history leads to, checking every step against the law.

    ``until=n`` stops after the first n events; ``until=date`` after every event
    dated on or before it. ``checked=False`` is the fast path for a store whose
    events were validated when they were recorded. Any iterable will do: the
    events are consumed one at a time, never held all at once.
    """
    machine = Machine(model=model)
    machine.run(prefix(events, until), checked=checked)
    return machine.freeze()


def trace(events: Iterable[Event], *, model: ProcessModel = MODEL) -> tuple[Step, ...]:
    """Every step of a checked replay with the rule that allowed it and the state after it."""
    machine = Machine(model=model)
    steps = []
    for index, event in enumerate(events):
        try:
            rule = machine.step(event)
        except IllegalTransition as refusal:
            raise refusal.at(index) from None
        assert rule is not None
        steps.append(Step(index, event, rule, machine.freeze()))
    return tuple(steps)

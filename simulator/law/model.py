"""The shape of a rule of the process, and the model: a checked, indexed table of rules.

`ProcessModel` validates the table when it is built (every rule cited and
explained, every name known, every track value reachable, no two rules that
could fire on the same step without something to tell them apart) and indexes
it for the decider, so a malformed model fails at import with a `ModelError`
naming the rules at fault rather than misbehaving in the middle of a case.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

import attrs

from simulator.errors import ModelError
from simulator.events import EVENT_TYPES
from simulator.law.authorities import cited_on
from simulator.law.deadlines import FEDERAL_CLOCKS, Clocks, Parameter
from simulator.law.effects import EFFECTS, Effect
from simulator.law.guards import GUARDS, Guard
from simulator.law.tracks import POLICY_SLOTS, SLOT_LANE, SLOT_TEXT

__all__ = ["Lapse", "ProcessModel", "Rule"]

Key = tuple[str, str, str]


def _states(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


def _names(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _rules(values: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(values)


def _lapses(values: Iterable[Lapse]) -> tuple[Lapse, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Rule:
    """One legal transition, read like a provision: on ``event`` the track ``slot``
    moves from one of ``sources`` to ``target``, if its conditions hold.

    ``qualifier`` and ``court`` narrow which events it applies to (which motion,
    disposition or scope; which level of court). ``guards`` name its conditions,
    which must all hold, and ``effects`` what else changes: each is declared
    once with its own citation and wording (`simulator.law.guards`,
    `simulator.law.effects`), and `sim rules` prints them with the rule.
    ``valid_from``/``valid_until`` bound the dates it is law (``valid_until``
    exclusive), and ``superseded_by`` names what ended it. Rules sharing a
    ``decision`` are the outcomes a court could choose between at that point
    (granted or denied, affirmed or reversed). Every field is given by keyword.
    """

    id: str
    event: str
    slot: str
    sources: frozenset[str] = attrs.field(converter=_states)
    target: str
    citation: str
    explanation: str
    qualifier: str = ""
    court: str = ""
    guards: tuple[str, ...] = attrs.field(default=(), converter=_names)
    effects: tuple[str, ...] = attrs.field(default=(), converter=_names)
    decision: str = ""
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None
    superseded_by: str = ""

    @property
    def lane(self) -> str:
        """The diagram lane and JSON ``track`` of the events this rule governs."""
        return SLOT_LANE[self.slot]

    @property
    def on_policy(self) -> bool:
        """Whether the rule moves the policy rather than a lawsuit."""
        return self.slot in POLICY_SLOTS

    @property
    def key(self) -> Key:
        """The (event, qualifier, court) an event must have for this rule to apply."""
        kind = EVENT_TYPES[self.event]
        court = self.court or (kind.courts[0] if kind.courts else "")
        return (self.event, self.qualifier, court)

    def citation_on(self, day: datetime.date) -> str:
        """The citation as a step on ``day`` gives it: the law of that day (no Winter v.
        NRDC for 1952, FRCP 62(c) before it became 62(d) in 2018)."""
        return cited_on(self.citation, day)

    def in_force(self, day: datetime.date) -> bool:
        """Whether the rule was the law on ``day``."""
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_until is None or day < self.valid_until

    def in_force_with(self, other: Rule) -> bool:
        """Whether the two rules were ever the law at the same time."""
        return _overlap_in_time(self, other)

    @property
    def dated(self) -> bool:
        """Whether the rule applies only between dates."""
        return self.valid_from is not None or self.valid_until is not None


@attrs.frozen
class Lapse:
    """A change that time makes on its own: ``slot`` goes from ``source`` to
    ``target`` once the date in the field ``until`` has passed."""

    slot: str
    source: str
    target: str
    until: str
    citation: str
    explanation: str


class Compiled:
    """A rule with its guards and effects resolved, flattened for the decider's hot loop.

    Plain attributes rather than properties: replay reads them for every event.
    """

    __slots__ = (
        "checks",
        "chosen_by_guards",
        "dated",
        "effects",
        "guards",
        "on_policy",
        "rearms",
        "rule",
        "slot",
        "sources",
        "target",
        "valid_from",
        "valid_until",
    )

    def __init__(
        self,
        rule: Rule,
        guards: tuple[Guard, ...],
        effects: tuple[Effect, ...],
        timed_slots: frozenset[str],
    ) -> None:
        self.rule = rule
        self.guards = guards
        self.effects = effects
        self.checks = tuple(guard.check for guard in guards)
        self.slot = rule.slot
        self.sources = rule.sources
        self.target = rule.target
        self.on_policy = rule.on_policy
        self.dated = rule.dated
        self.valid_from = rule.valid_from or datetime.date.min
        self.valid_until = rule.valid_until or datetime.date.max
        #: whether applying it may change when time alone next changes the state
        touched = {rule.slot} | {slot for effect in effects for slot, _ in effect.produces}
        self.rearms = bool(touched & timed_slots)
        #: another rule for the same events, from the same states, does something else, so
        #: even a trusted replay must ask the guards which one applies (`_differing`)
        self.chosen_by_guards = False


@attrs.frozen
class ProcessModel:
    """A validated rule table, indexed by the key of the events it governs.

    ``guards`` and ``effects`` are the named conditions and consequences the
    rules may use: the package's own by default, or a user's own besides (see
    `revise`), so a variant of the process can be tested without editing it.
    ``clocks`` are the periods it sets (the time to appeal, a restraining
    order's life): its guards, effects and reported deadlines all count with them.
    """

    rules: tuple[Rule, ...] = attrs.field(converter=_rules)
    lapses: tuple[Lapse, ...] = attrs.field(default=(), converter=_lapses)
    guards: Mapping[str, Guard] = attrs.field(factory=lambda: dict(GUARDS), repr=False)
    effects: Mapping[str, Effect] = attrs.field(factory=lambda: dict(EFFECTS), repr=False)
    name: str = "federal"
    clocks: Clocks = FEDERAL_CLOCKS
    index: Mapping[Key, tuple[Compiled, ...]] = attrs.field(init=False, repr=False, eq=False)
    by_event: Mapping[str, tuple[Rule, ...]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        _validate(self)
        index: dict[Key, list[Compiled]] = {}
        by_event: dict[str, list[Rule]] = {}
        timed = frozenset(lapse.slot for lapse in self.lapses)
        for rule in self.rules:
            compiled = Compiled(
                rule,
                tuple(self.guards[name] for name in rule.guards),
                tuple(self.effects[name] for name in rule.effects),
                timed,
            )
            index.setdefault(rule.key, []).append(compiled)
            by_event.setdefault(rule.event, []).append(rule)
        for candidates in index.values():
            for compiled in candidates:
                compiled.chosen_by_guards = _differing(compiled, candidates)
        object.__setattr__(self, "index", {k: tuple(v) for k, v in index.items()})
        object.__setattr__(self, "by_event", {k: tuple(v) for k, v in by_event.items()})

    def revise(
        self,
        *,
        name: str,
        add: Iterable[Rule] = (),
        replace: Iterable[Rule] = (),
        remove: Iterable[str] = (),
        guards: Iterable[Guard] = (),
        effects: Iterable[Effect] = (),
        clocks: Iterable[Parameter] = (),
    ) -> ProcessModel:
        """A variant of this model: rules added, replaced (by id) or removed, with any
        guards and effects they need, and clocks replaced by name (for example
        ``Parameter.fixed("appeal_days_united_states", 14, "Proposed FRAP 4")``).
        The result is validated like any model, so a variant that leaves a state
        unreachable or two rules ambiguous is refused."""
        replacing = {rule.id: rule for rule in replace}
        dropping = set(remove)
        unknown = (set(replacing) | dropping) - {rule.id for rule in self.rules}
        if unknown:
            raise ModelError(f"no rule to replace or remove: {', '.join(sorted(unknown))}")
        rules = [replacing.get(rule.id, rule) for rule in self.rules if rule.id not in dropping]
        return ProcessModel(
            (*rules, *add),
            self.lapses,
            {**self.guards, **{guard.name: guard for guard in guards}},
            {**self.effects, **{effect.name: effect for effect in effects}},
            name,
            _revised_clocks(self.clocks, tuple(clocks)),
        )

    def rule(self, rule_id: str) -> Rule:
        """The rule called ``rule_id``."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def alternatives(self, rule: Rule) -> tuple[Rule, ...]:
        """The other outcomes a court could have chosen where ``rule`` was applied."""
        if not rule.decision:
            return ()
        seen = {(rule.event, rule.qualifier)}
        others = []
        for other in self.rules:
            outcome = (other.event, other.qualifier)
            if (
                other.decision == rule.decision
                and outcome not in seen
                and other.in_force_with(rule)
            ):
                seen.add(outcome)
                others.append(other)
        return tuple(others)


def _revised_clocks(clocks: Clocks, parameters: tuple[Parameter, ...]) -> Clocks:
    try:
        return clocks.revised(*parameters)
    except ValueError as error:
        raise ModelError(str(error)) from None


def _validate(model: ProcessModel) -> None:
    problems: list[str] = []
    seen: dict[str, Rule] = {}
    for rule in model.rules:
        problems.extend(_check_rule(rule, model))
        if rule.id in seen:
            problems.append(f"rule {rule.id!r} is defined twice")
        seen[rule.id] = rule
    problems.extend(_check_ambiguity(model.rules))
    problems.extend(_check_reachable(model))
    if problems:
        raise ModelError(
            f"the process model {model.name!r} is inconsistent: " + "; ".join(problems)
        )


def _check_rule(rule: Rule, model: ProcessModel) -> list[str]:
    problems: list[str] = []
    where = f"rule {rule.id!r}"
    kind = EVENT_TYPES.get(rule.event)
    if kind is None:
        return [f"{where}: unknown event type {rule.event!r}"]
    if not rule.citation.strip() or not rule.explanation.strip():
        problems.append(f"{where}: every rule needs a citation and an explanation")
    if rule.qualifier and rule.qualifier not in kind.choices:
        problems.append(f"{where}: {rule.qualifier!r} is not a {kind.qualifier} of {rule.event}")
    if rule.court and rule.court not in kind.courts:
        problems.append(f"{where}: {rule.event} does not happen in the {rule.court} court")
    values = SLOT_TEXT.get(rule.slot)
    if values is None:
        return [*problems, f"{where}: unknown track {rule.slot!r}"]
    for value in (*rule.sources, rule.target):
        if value not in values:
            problems.append(f"{where}: {value!r} is not a state of the {rule.slot} track")
    problems.extend(
        f"{where}: unknown guard {name!r}" for name in rule.guards if name not in model.guards
    )
    problems.extend(
        f"{where}: unknown effect {name!r}" for name in rule.effects if name not in model.effects
    )
    return problems


def _differing(compiled: Compiled, candidates: list[Compiled]) -> bool:
    """Whether another candidate for the same events could apply from the same track state
    with another move or other effects: a notice of appeal from a three-judge court goes to
    the Supreme Court, from one judge to the court of appeals."""
    rule = compiled.rule
    for other in candidates:
        if other is compiled or other.on_policy != compiled.on_policy:
            continue
        same_state = other.slot != rule.slot or bool(other.sources & rule.sources)
        moves = (other.slot, other.target, other.rule.effects) != (
            rule.slot,
            rule.target,
            rule.effects,
        )
        if same_state and moves:
            return True
    return False


def _overlap_in_time(a: Rule, b: Rule) -> bool:
    start = max(a.valid_from or datetime.date.min, b.valid_from or datetime.date.min)
    end = min(a.valid_until or datetime.date.max, b.valid_until or datetime.date.max)
    return start < end


def _check_ambiguity(rules: tuple[Rule, ...]) -> list[str]:
    problems: list[str] = []
    for i, a in enumerate(rules):
        for b in rules[i + 1 :]:
            same_step = a.key == b.key and a.slot == b.slot and a.sources & b.sources
            # Guards tell two rules apart only if they differ: identical or missing
            # guards leave the decider to pick one silently.
            told_apart = a.guards and b.guards and set(a.guards) != set(b.guards)
            if same_step and _overlap_in_time(a, b) and not told_apart:
                problems.append(
                    f"rules {a.id!r} ({a.citation}) and {b.id!r} ({b.citation}) could both "
                    f"apply to {a.event} from {sorted(a.sources & b.sources)}"
                )
    return problems


def _check_reachable(model: ProcessModel) -> list[str]:
    problems: list[str] = []
    for slot, values in SLOT_TEXT.items():
        reached = {"none"} | {rule.target for rule in model.rules if rule.slot == slot}
        reached |= {lapse.target for lapse in model.lapses if lapse.slot == slot}
        for rule in model.rules:
            for name in rule.effects:
                effect = model.effects.get(name)
                if effect is not None:
                    reached |= {value for track, value in effect.produces if track == slot}
        problems.extend(
            f"the {slot} state {value!r} is never reached"
            for value in values
            if value not in reached
        )
    return problems

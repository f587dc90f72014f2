"""Priors: the chances and times that drive `sim explore`, each number with its source.

A priors file (``simulator/law/priors.yaml`` by default; the format is in its
header and in docs/explore.md) says, for each decision point of the rule
table, how likely each outcome is; for each step a party may take, how likely
it is taken; and for both, how many days they take. Every number names a
source that gives its period and how sure it is, so a result can always be
traced back to the research it rests on, or to an assumption labelled as one.

The file is read with PyYAML's safe machinery only, and checked against the
process model when it loads: an unknown decision, outcome, step, field or
source, a probability outside [0, 1], outcomes that do not sum to 1 or times
out of order are refused with a `PriorsError` naming ``file:line``.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterator
from pathlib import Path

import attrs

from simulator.errors import ScenarioError
from simulator.events import EVENT_TYPES
from simulator.inputs import read_input
from simulator.law.model import ProcessModel, Rule
from simulator.law.rules import MODEL
from simulator.law.tracks import SLOT_TEXT
from simulator.state import LawsuitState, PolicyState
from simulator.yaml_input import Value, read_yaml

__all__ = [
    "CIRCUITS",
    "CONFIDENCE",
    "DEFAULT_PRIORS",
    "Condition",
    "DecisionPrior",
    "Number",
    "Priors",
    "PriorsError",
    "Source",
    "StepPrior",
    "Timing",
    "Variant",
    "circuit_of",
    "load_priors",
    "outcome_key",
    "parse_priors",
]

#: The priors bundled with the package.
DEFAULT_PRIORS = Path(__file__).with_name("priors.yaml")
#: How sure a number is: verified, partly verified, unverified (as marked in the research
#: notes), or an assumption where no base rate was found.
CONFIDENCE = ("V", "P", "U", "assumption")
#: The courts of appeals, as a priors file names them.
CIRCUITS = ("1st", "2nd", "3rd", *(f"{n}th" for n in range(4, 12)), "dc", "federal")
_CIRCUIT_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth",
    "seventh", "eighth", "ninth", "tenth", "eleventh",
)  # fmt: skip
_MAX_BYTES = 1_000_000
_MAX_DAYS = 20 * 366
_LAWSUIT_FIELDS = tuple(f.name for f in attrs.fields(LawsuitState) if f.name != "case")
_FIELDS = (*_LAWSUIT_FIELDS, "policy", "rule", "circuit")
_BOOLEAN = frozenset({"tro_extended", "united_states_party", "appealed", "moot"})


class PriorsError(ScenarioError):
    """A priors file that cannot be used; the message starts with ``path:line:``."""


@attrs.frozen
class Source:
    """Where numbers come from: the text read, the period it covers, how sure it is."""

    id: str
    text: str
    period: str
    confidence: str


@attrs.frozen
class Number:
    """One number of the priors with its source and the line it is written on."""

    value: float
    source: Source
    line: int


@attrs.frozen
class Timing:
    """Days a step takes: half the draws fall evenly in [low, median], half in [median, high]."""

    low: Number
    median: Number
    high: Number

    def days(self, u: float) -> int:
        """The days for a uniform draw ``u`` in [0, 1)."""
        low, median, high = self.low.value, self.median.value, self.high.value
        if u < 0.5:
            return round(low + 2 * u * (median - low))
        return round(median + (2 * u - 1) * (high - median))


@attrs.frozen
class Condition:
    """Fields a lawsuit must match (any of the values listed), and dates a draw must fall in."""

    fields: tuple[tuple[str, frozenset[object]], ...]
    start: datetime.date | None = None
    end: datetime.date | None = None

    def holds(
        self, suit: LawsuitState, policy: PolicyState, day: datetime.date, circuit: str
    ) -> bool:
        """Whether every field named matches, and ``day`` is within the dates."""
        if self.start is not None and day < self.start:
            return False
        if self.end is not None and day >= self.end:
            return False
        for name, values in self.fields:  # noqa: SIM110 - a loop, not all(): it runs for every draw
            if _value(name, suit, policy, circuit) not in values:
                return False
        return True

    def any_holds(self, suit: LawsuitState, policy: PolicyState, circuit: str) -> bool:
        """Whether any field named matches (the reading of ``unless``)."""
        return any(_value(name, suit, policy, circuit) in values for name, values in self.fields)


def _value(name: str, suit: LawsuitState, policy: PolicyState, circuit: str) -> object:
    if name == "circuit":
        return circuit
    if name in ("policy", "rule"):
        return getattr(policy, name)
    return getattr(suit, name)


Outcomes = tuple[tuple[str, Number], ...]


@attrs.frozen
class Variant:
    """Other numbers where ``when`` holds: outcomes (or a probability), and perhaps days."""

    when: Condition
    outcomes: Outcomes = ()
    probability: Number | None = None
    days: Timing | None = None


@attrs.frozen
class DecisionPrior:
    """The outcomes of one decision point, each with its chance, and when it comes."""

    name: str
    description: str
    days: Timing
    outcomes: Outcomes
    variants: tuple[Variant, ...] = ()
    unless: Condition | None = None

    def resolve(
        self, suit: LawsuitState, policy: PolicyState, day: datetime.date, circuit: str
    ) -> tuple[Outcomes, Timing]:
        """The outcomes and days that apply to ``suit`` on ``day``: the first variant that
        holds, else the defaults."""
        for variant in self.variants:
            if variant.when.holds(suit, policy, day, circuit):
                return variant.outcomes, variant.days or self.days
        return self.outcomes, self.days


@attrs.frozen
class StepPrior:
    """The chance that a party takes the step of rule ``rule`` when it first may, and when."""

    rule: str
    description: str
    probability: Number
    days: Timing
    variants: tuple[Variant, ...] = ()
    unless: Condition | None = None

    def resolve(
        self, suit: LawsuitState, policy: PolicyState, day: datetime.date, circuit: str
    ) -> tuple[float, Timing]:
        """The probability and days that apply to ``suit`` on ``day``."""
        for variant in self.variants:
            if variant.probability is not None and variant.when.holds(suit, policy, day, circuit):
                return variant.probability.value, variant.days or self.days
        return self.probability.value, self.days


@attrs.frozen
class Priors:
    """A checked priors file: its sources, decisions and steps."""

    path: str
    sources: tuple[Source, ...]
    decisions: tuple[DecisionPrior, ...]
    steps: tuple[StepPrior, ...]

    def numbers(self) -> Iterator[Number]:
        """Every number of the file, in the order it is written."""
        entries: tuple[DecisionPrior | StepPrior, ...] = (*self.decisions, *self.steps)
        for entry in entries:
            yield from _numbers(entry)


def _numbers(entry: DecisionPrior | StepPrior) -> Iterator[Number]:
    timings = [entry.days, *(v.days for v in entry.variants if v.days)]
    for timing in timings:
        yield from (timing.low, timing.median, timing.high)
    if isinstance(entry, DecisionPrior):
        yield from (number for _, number in entry.outcomes)
    else:
        yield entry.probability
    for variant in entry.variants:
        yield from (number for _, number in variant.outcomes)
        if variant.probability is not None:
            yield variant.probability


def outcome_key(rule: Rule) -> str:
    """How a priors file names the outcome a rule records: ``event`` or ``event:qualifier``."""
    return f"{rule.event}:{rule.qualifier}" if rule.qualifier else rule.event


def circuit_of(court: str) -> str:
    """The circuit (``9th``, ``dc`` ...) a court of appeals' name says, or ``""``."""
    text = court.lower()
    if "district of columbia" in text or "d.c. cir" in text:
        return "dc"
    if "federal circuit" in text or "fed. cir" in text:
        return "federal"
    for number, word in enumerate(_CIRCUIT_WORDS, start=1):
        if re.search(rf"\b({word}|{CIRCUITS[number - 1]})\b", text):
            return CIRCUITS[number - 1]
    return ""


_Item = Value


class _Reader:
    """Turns the node tree into checked priors, every error naming its line."""

    def __init__(self, path: str, model: ProcessModel) -> None:
        self.path = path
        self.model = model
        self.sources: dict[str, Source] = {}
        self.cited: set[str] = set()
        self.claimed: dict[str, str] = {}  # rule id -> the decision or step that draws it

    def fail(self, line: int | None, message: str) -> PriorsError:
        return PriorsError(message, path=self.path, line=line)

    def fields(
        self, item: _Item, what: str, known: tuple[str, ...], required: tuple[str, ...] = ()
    ) -> dict[str, _Item]:
        if not isinstance(item.value, dict):
            raise self.fail(item.line, f"{what} must be a mapping")
        for name, value in item.value.items():
            if name not in known:
                raise self.fail(value.line, f"unknown field {name!r} in {what}{_hint(name, known)}")
        for name in required:
            if name not in item.value:
                raise self.fail(item.line, f"{what} needs a {name!r} field")
        fields: dict[str, _Item] = item.value
        return fields

    def text(self, item: _Item, what: str) -> str:
        if not isinstance(item.value, str | int | float) or isinstance(item.value, bool):
            raise self.fail(item.line, f"{what} must be text")
        return " ".join(str(item.value).split())

    def source(self, name: str, item: _Item) -> Source:
        parts = ("text", "period", "confidence")
        fields = self.fields(item, f"source {name!r}", parts, parts)
        confidence = self.text(fields["confidence"], "confidence")
        if confidence not in CONFIDENCE:
            raise self.fail(
                fields["confidence"].line,
                f"confidence must be one of {', '.join(CONFIDENCE)}, not {confidence!r}",
            )
        text = self.text(fields["text"], "a source's text")
        return Source(name, text, self.text(fields["period"], "period"), confidence)

    def number(self, item: _Item, what: str, *, upper: float = 1.0) -> Number:
        pair = item.value
        if not (isinstance(pair, list) and len(pair) == 2):
            raise self.fail(item.line, f"{what} must be written [value, source]")
        value, name = pair[0].value, pair[1].value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(item.line, f"{what} must be a number, not {value!r}")
        if not 0 <= value <= upper:
            raise self.fail(item.line, f"{what} must be between 0 and {upper:g}, not {value!r}")
        source = self.sources.get(str(name))
        if source is None:
            hint = _hint(str(name), tuple(self.sources))
            raise self.fail(item.line, f"{what} cites no known source {name!r}{hint}")
        self.cited.add(source.id)
        return Number(float(value), source, item.line)

    def timing(self, item: _Item, what: str) -> Timing:
        parts = ("low", "median", "high")
        fields = self.fields(item, f"the days of {what}", parts, parts)
        low, median, high = (
            self.number(fields[part], f"{part} days", upper=_MAX_DAYS) for part in parts
        )
        if not low.value <= median.value <= high.value:
            raise self.fail(item.line, f"the days of {what} must have low <= median <= high")
        return Timing(low, median, high)

    def condition(self, item: _Item, what: str, *, dated: bool) -> Condition:
        known = (*_FIELDS, "from", "until") if dated else _FIELDS
        fields = self.fields(item, what, known)
        start = self.date(fields.get("from"))
        end = self.date(fields.get("until"))
        checked = tuple(
            (name, self.values(name, value))
            for name, value in fields.items()
            if name not in ("from", "until")
        )
        return Condition(checked, start, end)

    def date(self, item: _Item | None) -> datetime.date | None:
        if item is None:
            return None
        if not isinstance(item.value, datetime.date) or isinstance(item.value, datetime.datetime):
            raise self.fail(item.line, f"a date must be written YYYY-MM-DD, not {item.value!r}")
        return item.value

    def values(self, name: str, item: _Item) -> frozenset[object]:
        raw = [each.value for each in item.value] if isinstance(item.value, list) else [item.value]
        allowed: tuple[object, ...] | None = None
        if name in SLOT_TEXT:
            allowed = tuple(SLOT_TEXT[name])
        elif name in _BOOLEAN:
            allowed = (True, False)
        elif name == "circuit":
            allowed = CIRCUITS
        elif name == "appealable_order":
            allowed = tuple(EVENT_TYPES)
        for value in raw:
            if allowed is not None and value not in allowed:
                words = tuple(str(choice) for choice in allowed)
                raise self.fail(item.line, f"{name} is never {value!r}{_hint(str(value), words)}")
        return frozenset(raw)


def _hint(name: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _members(reader: _Reader, name: str) -> dict[str, list[Rule]]:
    """The outcomes a decision may list: its rules in the table, or for a group the table
    leaves undecided, every rule that records no decision, by outcome key and event."""
    rules = [rule for rule in reader.model.rules if rule.decision == name]
    if not rules:
        rules = [rule for rule in reader.model.rules if not rule.decision]
    members: dict[str, list[Rule]] = {}
    for rule in rules:
        members.setdefault(outcome_key(rule), []).append(rule)
        if rule.qualifier:
            members.setdefault(rule.event, []).append(rule)
    return members


def _outcomes(reader: _Reader, item: _Item, decision: str) -> Outcomes:
    members = _members(reader, decision)
    fields = reader.fields(item, f"the outcomes of {decision!r}", tuple(members))
    if not fields:
        raise reader.fail(item.line, f"the decision {decision!r} lists no outcomes")
    outcomes = tuple(
        (key, reader.number(value, f"the chance of {key}")) for key, value in fields.items()
    )
    total = sum(number.value for _, number in outcomes)
    if abs(total - 1) > 1e-6:
        raise reader.fail(item.line, f"the outcomes of {decision!r} sum to {total:g}, not 1")
    for key, _number in outcomes:
        for rule in members[key]:
            owner = reader.claimed.setdefault(rule.id, decision)
            if owner != decision:
                raise reader.fail(item.line, f"{key} is drawn by both {owner!r} and {decision!r}")
    return outcomes


def _variants(reader: _Reader, item: _Item | None, name: str, *, step: bool) -> tuple[Variant, ...]:
    if item is None:
        return ()
    if not isinstance(item.value, list):
        raise reader.fail(item.line, f"the variants of {name!r} must be a list")
    found = []
    for entry in item.value:
        kept = ("when", "probability" if step else "outcomes", "days")
        fields = reader.fields(entry, f"a variant of {name!r}", kept, kept[:2])
        when = reader.condition(fields["when"], f"the 'when' of a variant of {name!r}", dated=True)
        days = reader.timing(fields["days"], name) if "days" in fields else None
        if step:
            chance = reader.number(fields["probability"], f"the probability of {name}")
            found.append(Variant(when, probability=chance, days=days))
        else:
            found.append(Variant(when, _outcomes(reader, fields["outcomes"], name), days=days))
    return tuple(found)


def _unless(reader: _Reader, fields: dict[str, _Item], name: str) -> Condition | None:
    item = fields.get("unless")
    return (
        None if item is None else reader.condition(item, f"the 'unless' of {name!r}", dated=False)
    )


def _decision(reader: _Reader, name: str, item: _Item) -> DecisionPrior:
    known = ("description", "days", "outcomes", "variants", "unless")
    fields = reader.fields(item, f"decision {name!r}", known, ("days", "outcomes"))
    groups = tuple(sorted({rule.decision for rule in reader.model.rules if rule.decision}))
    if name not in groups and (not name.isidentifier() or _hint(name, groups)):
        # A group of the priors' own must not look like a misspelt decision of the table.
        raise reader.fail(
            item.line, f"no decision {name!r} in the process model{_hint(name, groups)}"
        )
    description = (
        reader.text(fields["description"], "a description") if "description" in fields else ""
    )
    return DecisionPrior(
        name,
        description,
        reader.timing(fields["days"], name),
        _outcomes(reader, fields["outcomes"], name),
        _variants(reader, fields.get("variants"), name, step=False),
        _unless(reader, fields, name),
    )


def _step(reader: _Reader, name: str, item: _Item) -> StepPrior:
    known = ("description", "probability", "days", "variants", "unless")
    fields = reader.fields(item, f"step {name!r}", known, ("probability", "days"))
    ids = {rule.id: rule for rule in reader.model.rules}
    rule = ids.get(name)
    if rule is None:
        raise reader.fail(
            item.line, f"no rule {name!r} in the process model{_hint(name, tuple(ids))}"
        )
    if rule.decision or name in reader.claimed:
        raise reader.fail(item.line, f"{name!r} is a court's decision: give it under decisions")
    reader.claimed[name] = name
    description = (
        reader.text(fields["description"], "a description") if "description" in fields else ""
    )
    return StepPrior(
        name,
        description,
        reader.number(fields["probability"], f"the probability of {name}"),
        reader.timing(fields["days"], name),
        _variants(reader, fields.get("variants"), name, step=True),
        _unless(reader, fields, name),
    )


def _entries(reader: _Reader, top: dict[str, _Item], section: str) -> dict[str, _Item]:
    item = top.get(section)
    if item is None:
        return {}
    if not isinstance(item.value, dict):
        raise reader.fail(item.line, f"{section!r} must be a mapping of named entries")
    entries: dict[str, _Item] = item.value
    return entries


def parse_priors(text: str, path: str = "<priors>", *, model: ProcessModel = MODEL) -> Priors:
    """Priors from YAML text, checked against ``model``; see `load_priors`."""
    document = read_yaml(text, path, PriorsError, what="priors", max_depth=16)
    if document is None:
        raise PriorsError("the file is empty: priors need sources, decisions and steps", path=path)
    reader = _Reader(path, model)
    top = reader.fields(document, "the priors", ("sources", "decisions", "steps"), ("sources",))
    for name, item in _entries(reader, top, "sources").items():
        reader.sources[name] = reader.source(name, item)
    decisions = tuple(
        _decision(reader, n, i) for n, i in _entries(reader, top, "decisions").items()
    )
    steps = tuple(_step(reader, n, i) for n, i in _entries(reader, top, "steps").items())
    unused = [name for name in reader.sources if name not in reader.cited]
    if unused:
        line = top["sources"].value[unused[0]].line
        raise reader.fail(line, f"source {unused[0]!r} is cited by no number")
    return Priors(path, tuple(reader.sources.values()), decisions, steps)


def load_priors(path: str | Path | None = None, *, model: ProcessModel = MODEL) -> Priors:
    """Read and check a priors file (the bundled one when ``path`` is None).

    Raises `PriorsError` (``file:line: what is wrong``) for a file that cannot be used.
    """
    file = Path(path) if path is not None else DEFAULT_PRIORS
    name = str(path) if path is not None else str(DEFAULT_PRIORS)
    text = read_input(file, PriorsError, max_bytes=_MAX_BYTES)
    return parse_priors(text, name, model=model)

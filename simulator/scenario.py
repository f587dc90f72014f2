"""Scenarios: real cases as YAML files of recorded events, read safely and checked.

A scenario is parsed with PyYAML's safe machinery only (the C parser where it
is built), walked as a node tree so every value keeps its line, and refused
with a `ScenarioError` naming ``file:line`` and what is wrong: an unknown tag
(``!!python/object``), an alias (the "billion laughs" bomb), an unknown
field or event type, an impossible date. A scenario whose events break the
law raises `IllegalTransition` located at the offending line instead.
The format is documented in ``docs/scenarios.md``.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
import yaml

from simulator.catalog import resolve_scenario
from simulator.decider import Step, prefix, trace
from simulator.errors import IllegalTransition, ScenarioError
from simulator.events import (
    COURTS,
    EVENT_TYPES,
    FIELDS,
    OPENING,
    Event,
    Field,
    describe_event,
)
from simulator.inputs import read_input
from simulator.law.calendar import LAST_CALENDAR_YEAR
from simulator.law.courts import venue_of
from simulator.law.model import ProcessModel
from simulator.law.rules import MODEL
from simulator.yaml_input import Value, read_yaml

__all__ = [
    "Branch",
    "Lawsuit",
    "Policy",
    "Scenario",
    "Teaching",
    "load_scenario",
    "parse_scenario",
    "to_scenario_yaml",
    "trace_branch",
    "trace_scenario",
    "until",
]

_MAX_BYTES = 2_000_000
_MAX_DEPTH = 32
_CONFIDENCE = ("verified", "partly", "unverified")
#: What a scenario's policy can be.
POLICY_KINDS = ("order", "proclamation", "statute", "agency_action")
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: The dates a scenario may hold. No federal court sat before the Constitution took effect on
#: March 4, 1789; the courts' calendar (their holidays, FRCP 6(a)(6)) is known through
#: `LAST_CALENDAR_YEAR`, and a deadline or a `sim explore` continuation (at most 20 years)
#: counted from the last date allowed still falls within it.
_EARLIEST = datetime.date(1789, 3, 4)
_LATEST = datetime.date(LAST_CALENDAR_YEAR - 21, 12, 31)


@attrs.frozen
class Policy:
    """The government action a scenario is about."""

    name: str
    kind: str = "order"


@attrs.frozen
class Lawsuit:
    """One lawsuit of a scenario: its id (used by events) and how people name it."""

    id: str
    caption: str
    district_court: str = ""
    district_docket: str = ""
    judge: str = ""
    appeals_court: str = ""
    appeals_docket: str = ""
    united_states_party: bool = True


@attrs.frozen
class Branch:
    """A what-if: the recorded history up to step ``at`` (1-based), then other events.

    The recorded steps from ``at`` on are replaced by ``events``; with
    ``keep_rest``, only ``drop`` of them are, and the rest of the record follows.
    """

    id: str
    title: str
    at: int
    events: tuple[Event, ...]
    lines: tuple[int, ...]
    line: int
    keep_rest: bool = False
    drop: int = 1

    def history(self, recorded: Sequence[Event]) -> tuple[Event, ...]:
        """The branch's whole history, given the scenario's recorded events."""
        head = tuple(recorded[: self.at - 1])
        tail = tuple(recorded[self.at - 1 + self.drop :]) if self.keep_rest else ()
        return head + self.events + tail


@attrs.frozen
class Argument:
    """One side's main argument, in plain words, with where it was made."""

    side: str
    point: str
    source: str


@attrs.frozen
class Holding:
    """What a court decided at one recorded step, in plain words, with its source."""

    step: int
    plain: str
    source: str


@attrs.frozen
class Term:
    """A word of the case at two reading levels."""

    term: str
    simple: str
    fuller: str


@attrs.frozen
class Question:
    """A question for a class, and the answer a teacher looks for (empty for discussion)."""

    question: str
    answer: str = ""


@attrs.frozen
class Teaching:
    """What a teacher's judgment adds to a case: the question it raises, a plain summary,
    each side's arguments, the holdings in plain words, words, questions and sources."""

    question: str
    summary: str = ""
    arguments: tuple[Argument, ...] = ()
    holdings: tuple[Holding, ...] = ()
    vocabulary: tuple[Term, ...] = ()
    discussion: tuple[Question, ...] = ()
    exit_ticket: tuple[Question, ...] = ()
    sources: tuple[str, ...] = ()
    #: the case's name for a class, when it differs from the scenario's title (translations)
    title: str = ""

    def holding(self, step: int) -> Holding | None:
        """The holding written for recorded step ``step`` (1-based), if any."""
        return next((holding for holding in self.holdings if holding.step == step), None)


@attrs.frozen
class Scenario:
    """A real case: what it is called, who sued, and its recorded events with their lines."""

    id: str
    title: str
    path: str
    events: tuple[Event, ...]
    lines: tuple[int, ...] = ()
    summary: str = ""
    policy: Policy = Policy("")
    lawsuits: tuple[Lawsuit, ...] = ()
    outcome_note: str = ""
    branches: tuple[Branch, ...] = ()
    #: the optional ``teaching:`` section, for lessons
    teaching: Teaching | None = None
    #: the teaching section in other languages: ``teaching_zh:``, ``teaching_es:``
    translations: tuple[tuple[str, Teaching], ...] = ()

    def teaching_in(self, lang: str) -> Teaching | None:
        """The teaching section in ``lang`` ("en", "zh", "es"), or else the English one."""
        return next((t for code, t in self.translations if code == lang), self.teaching)

    def lawsuit(self, case: str) -> Lawsuit | None:
        """The declared lawsuit called ``case``."""
        return next((suit for suit in self.lawsuits if suit.id == case), None)


_Value = Value


class _Reader:
    """Where errors point: the file being read."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, line: int | None, message: str) -> ScenarioError:
        return ScenarioError(message, path=self.path, line=line)


class _Fields:
    """Typed access to one mapping's fields, each error naming the field's line."""

    def __init__(self, reader: _Reader, value: _Value, what: str, known: tuple[str, ...]) -> None:
        if not isinstance(value.value, dict):
            raise reader.fail(value.line, f"{what} must be a mapping of fields")
        self.reader, self.line, self.what = reader, value.line, what
        self.items: dict[str, _Value] = value.value
        for name, item in self.items.items():
            if name not in known:
                hint = difflib.get_close_matches(name, known, n=1)
                also = f" (did you mean {hint[0]!r}?)" if hint else ""
                raise reader.fail(item.line, f"unknown field {name!r} in {what}{also}")

    def line_of(self, name: str) -> int:
        item = self.items.get(name)
        return item.line if item is not None else self.line

    def text(self, name: str, *, required: bool = False, default: str = "") -> str:
        item = self.items.get(name)
        if item is None or item.value is None:
            if required:
                raise self.reader.fail(self.line, f"{self.what} needs a {name!r} field")
            return default
        if isinstance(item.value, bool | list | dict):
            raise self.reader.fail(item.line, f"{name!r} must be text")
        text = str(item.value).strip()
        if required and not text:
            raise self.reader.fail(item.line, f"{name!r} must not be empty")
        return text

    def choice(self, name: str, choices: tuple[str, ...], default: str = "") -> str:
        value = self.text(name, default=default)
        if value and value not in choices:
            raise self.reader.fail(
                self.line_of(name), f"{name!r} must be one of {', '.join(choices)}, not {value!r}"
            )
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        item = self.items.get(name)
        if item is None:
            return default
        if not isinstance(item.value, bool):
            raise self.reader.fail(item.line, f"{name!r} must be true or false")
        return item.value

    def date(self, name: str, *, required: bool = False) -> datetime.date | None:
        item = self.items.get(name)
        if item is None or item.value is None:
            if required:
                raise self.reader.fail(self.line, f"{self.what} needs a {name!r} field")
            return None
        value = item.value
        if isinstance(value, datetime.datetime):
            day = value.date()
        elif isinstance(value, datetime.date):
            day = value
        else:
            try:
                if not _DATE.match(str(value)):
                    raise ValueError(value)
                day = datetime.date.fromisoformat(str(value))
            except ValueError:
                raise self.reader.fail(
                    item.line, f"{name!r} must be a real date as YYYY-MM-DD, not {value!r}"
                ) from None
        if not _EARLIEST <= day <= _LATEST:
            raise self.reader.fail(
                item.line,
                f"{name!r} is {day.isoformat()}: a date must lie between "
                f"{_EARLIEST.isoformat()} and {_LATEST.isoformat()} (the courts' holidays are "
                f"known through {LAST_CALENDAR_YEAR}, and deadlines and continuations counted "
                "from a date run on from it)",
            )
        return day

    def names(self, name: str) -> tuple[str, ...]:
        """A list of short lower-case names, such as the parts of a policy."""
        names = []
        for item in self.listing(name):
            if not isinstance(item.value, str) or not _ID.match(item.value):
                raise self.reader.fail(item.line, f"each of {name!r} must be a lower-case name")
            names.append(item.value)
        return tuple(names)

    def listing(self, name: str) -> list[_Value]:
        item = self.items.get(name)
        if item is None:
            return []
        if not isinstance(item.value, list):
            raise self.reader.fail(item.line, f"{name!r} must be a list")
        return item.value


_HYPOTHETICAL = "hypothetical: a what-if branch, not a recorded fact"
_BRANCH = ("id", "title", "at", "keep_rest", "drop", "events")
_TOP = (
    "id", "title", "summary", "policy", "lawsuits", "events", "outcome", "sources", "whatif",
    "teaching", "teaching_zh", "teaching_es",
)  # fmt: skip
_TEACHING = (
    "question", "summary", "arguments", "holdings", "vocabulary", "discussion", "exit_ticket",
    "sources", "title",
)  # fmt: skip
#: The languages a teaching section may be translated into: ``teaching_<code>:``.
TEACHING_LANGUAGES = ("zh", "es")
_SIDES = ("plaintiffs", "government")
_LAWSUIT = tuple(f.name for f in attrs.fields(Lawsuit))
_QUALIFIERS = ("motion", "disposition", "scope", "extent", "bench")
#: Everything an event may say: the common fields, the qualifiers, the fields only some
#: types carry (`simulator.events.FIELDS`) and the words for people.
_EVENT = (
    "date", "type", "case", "court", *_QUALIFIERS, "effective", "expires", *FIELDS,
    "actor", "summary", "citation", "source", "confidence", "note",
)  # fmt: skip


def _lawsuits(reader: _Reader, top: _Fields) -> tuple[Lawsuit, ...]:
    suits: list[Lawsuit] = []
    for item in top.listing("lawsuits"):
        fields = _Fields(reader, item, "a lawsuit", _LAWSUIT)
        suit_id = fields.text("id", required=True)
        if not _ID.match(suit_id):
            raise reader.fail(fields.line_of("id"), f"lawsuit id {suit_id!r} must be lower-case")
        if any(suit.id == suit_id for suit in suits):
            raise reader.fail(fields.line_of("id"), f"lawsuit id {suit_id!r} is used twice")
        values = {name: fields.text(name) for name in _LAWSUIT if name != "united_states_party"}
        values["id"] = suit_id
        values["caption"] = fields.text("caption", required=True)
        suits.append(
            Lawsuit(**values, united_states_party=fields.flag("united_states_party", True))
        )
    return tuple(suits)


def _event(
    reader: _Reader, item: _Value, suits: tuple[Lawsuit, ...], *, hypothetical: bool = False
) -> Event:
    fields = _Fields(reader, item, "an event", _EVENT)
    type_name = fields.text("type", required=True)
    kind = EVENT_TYPES.get(type_name)
    if kind is None:
        hint = difflib.get_close_matches(type_name, list(EVENT_TYPES), n=1)
        also = f" (did you mean {hint[0]!r}?)" if hint else ""
        raise reader.fail(fields.line_of("type"), f"unknown event type {type_name!r}{also}")
    values: dict[str, Any] = {
        "type": type_name,
        "date": fields.date("date", required=True),
        "court": fields.choice("court", kind.courts or COURTS),
        "effective": fields.date("effective"),
        "expires": fields.date("expires"),
        "confidence": fields.choice(
            "confidence", _CONFIDENCE, default="unverified" if hypothetical else "verified"
        ),
        "source": fields.text("source", required=not hypothetical, default=_HYPOTHETICAL),
        "summary": fields.text("summary", required=not hypothetical),
    }
    for name in ("actor", "citation", "note"):
        values[name] = fields.text(name)
    for name in _QUALIFIERS:
        if name == kind.qualifier:
            values[name] = fields.choice(name, kind.choices, default=kind.default)
            if not values[name]:
                raise reader.fail(fields.line, f"a {type_name} event needs a {name!r} field")
        elif type_name in _ALSO_QUALIFIES.get(name, ()) and name in fields.items:
            # a permanent injunction has a scope too
            values[name] = fields.choice(name, EVENT_TYPES["injunction_granted"].choices)
        elif name in fields.items:
            raise reader.fail(fields.line_of(name), f"a {type_name} event has no {name!r} field")
    values.update(_event_extras(reader, fields, type_name))
    if kind.lawsuit:
        values["case"] = _case_of(reader, fields, suits)
        _check_consolidated(reader, fields, values, suits)
        suit = next((s for s in suits if s.id == values["case"]), None)
        values["united_states_party"] = suit.united_states_party if suit else True
        if kind.opens and suit is not None:
            # the court that hears the suit first: its state's holidays count (FRCP 6(a)(6)(C))
            values["venue"] = venue_of(type_name, suit.district_court, suit.appeals_court)
    elif "case" in fields.items:
        raise reader.fail(fields.line_of("case"), f"a {type_name} event belongs to no lawsuit")
    return Event(**values)


#: Qualifiers some other event types may carry too, with the same choices: the scope of a
#: permanent injunction in a final judgment.
_ALSO_QUALIFIES: dict[str, tuple[str, ...]] = {"scope": ("judgment_entered",)}
#: The fields only some event types carry (`EventType.fields`), and which types.
_EXTRAS: dict[str, tuple[str, ...]] = {
    name: tuple(kind.name for kind in EVENT_TYPES.values() if name in kind.fields)
    for name in FIELDS
}


def _event_extras(reader: _Reader, fields: _Fields, type_name: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    carried = EVENT_TYPES[type_name].fields
    for name, field in FIELDS.items():
        if name not in fields.items:
            continue
        if name not in carried:
            raise reader.fail(fields.line_of(name), f"a {type_name} event has no {name!r} field")
        values[name] = _extra(reader, fields, field)
    return values


def _extra(reader: _Reader, fields: _Fields, field: Field) -> Any:
    if field.shape == "flag":
        return fields.flag(field.name)
    if field.shape == "choice":
        return fields.choice(field.name, field.choices, default=field.default)
    names = fields.names(field.name)
    if field.shape == "choices":
        for name in names:
            if name not in field.choices:
                known = ", ".join(field.choices)
                where = fields.line_of(field.name)
                raise reader.fail(where, f"unknown {field.name} {name!r} (known: {known})")
    return names


def _check_consolidated(
    reader: _Reader, fields: _Fields, values: dict[str, Any], suits: tuple[Lawsuit, ...]
) -> None:
    """The lawsuits an event consolidates its own with are others the scenario declares."""
    known = {suit.id for suit in suits}
    for other in values.get("consolidated", ()):
        if other == values["case"]:
            raise reader.fail(
                fields.line_of("consolidated"), "a lawsuit is not consolidated with itself"
            )
        if other not in known:
            listed = ", ".join(sorted(known))
            raise reader.fail(
                fields.line_of("consolidated"), f"no lawsuit {other!r} is declared ({listed})"
            )


def _case_of(reader: _Reader, fields: _Fields, suits: tuple[Lawsuit, ...]) -> str:
    case = fields.text("case")
    if not case:
        if len(suits) == 1:
            return suits[0].id
        if suits:
            raise reader.fail(fields.line, "with several lawsuits, each event needs a 'case'")
        return ""
    if suits and all(suit.id != case for suit in suits):
        known = ", ".join(suit.id for suit in suits)
        raise reader.fail(fields.line_of("case"), f"no lawsuit {case!r} is declared ({known})")
    return case


def parse_scenario(text: str, path: str = "<scenario>", *, validate: bool = True) -> Scenario:
    """A scenario from YAML text; see `load_scenario`."""
    document = read_yaml(text, path, ScenarioError, what="scenarios", max_depth=_MAX_DEPTH)
    if document is None:
        raise ScenarioError("the file is empty: a scenario needs id, title and events", path=path)
    reader = _Reader(path)
    top = _Fields(reader, document, "the scenario", _TOP)
    scenario_id = top.text("id", required=True)
    if not _ID.match(scenario_id):
        raise reader.fail(top.line_of("id"), f"scenario id {scenario_id!r} must be lower-case")
    suits = _lawsuits(reader, top)
    items = top.listing("events")
    if not items:
        raise reader.fail(top.line_of("events"), "a scenario needs at least one event")
    events = tuple(_event(reader, item, suits) for item in items)
    lines = tuple(item.line for item in items)
    _check_order(reader, events, lines)
    policy = _policy(reader, top)
    scenario = Scenario(
        scenario_id,
        top.text("title", required=True),
        path,
        events,
        lines,
        top.text("summary"),
        policy,
        suits,
        top.text("outcome"),
        _branches(reader, top, events, suits),
        _teaching(reader, top, events),
        tuple(
            (lang, translated)
            for lang in TEACHING_LANGUAGES
            if (translated := _teaching(reader, top, events, f"teaching_{lang}")) is not None
        ),
    )
    if validate:
        trace_scenario(scenario)
        for branch in scenario.branches:
            trace_branch(scenario, branch)
    return scenario


def _branches(
    reader: _Reader, top: _Fields, events: tuple[Event, ...], suits: tuple[Lawsuit, ...]
) -> tuple[Branch, ...]:
    branches: list[Branch] = []
    for item in top.listing("whatif"):
        fields = _Fields(reader, item, "a what-if branch", _BRANCH)
        branch_id = fields.text("id", required=True)
        if not _ID.match(branch_id) or any(other.id == branch_id for other in branches):
            raise reader.fail(fields.line_of("id"), f"branch id {branch_id!r}: lower-case, unique")
        at = _step_at(reader, fields, events)
        drop = fields.items.get("drop")
        count = drop.value if drop is not None else 1
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise reader.fail(fields.line_of("drop"), "'drop' must be a number of steps, 0 or more")
        items = fields.listing("events")
        branches.append(
            Branch(
                branch_id,
                fields.text("title", required=True),
                at,
                tuple(_event(reader, entry, suits, hypothetical=True) for entry in items),
                tuple(entry.line for entry in items),
                fields.line,
                fields.flag("keep_rest"),
                count,
            )
        )
    return tuple(branches)


def _teaching(
    reader: _Reader, top: _Fields, events: tuple[Event, ...], name: str = "teaching"
) -> Teaching | None:
    """The optional ``teaching:`` section (or its translation ``teaching_zh:``...): each
    entry a mapping, each error at its line."""
    if name not in top.items or top.items[name].value is None:
        return None
    what = "the teaching section" if name == "teaching" else f"the {name} section"
    fields = _Fields(reader, top.items[name], what, _TEACHING)

    def entries(name: str, what: str, known: tuple[str, ...]) -> list[_Fields]:
        return [_Fields(reader, item, what, known) for item in fields.listing(name)]

    arguments = tuple(
        Argument(
            entry.text("side", required=True) and entry.choice("side", _SIDES),
            entry.text("point", required=True),
            entry.text("source", required=True),
        )
        for entry in entries("arguments", "an argument", ("side", "point", "source"))
    )
    holdings = tuple(
        Holding(
            _holding_step(reader, entry, events),
            entry.text("plain", required=True),
            entry.text("source", required=True),
        )
        for entry in entries("holdings", "a holding", ("date", "type", "case", "plain", "source"))
    )
    vocabulary = tuple(
        Term(
            entry.text("term", required=True),
            entry.text("simple", required=True),
            entry.text("fuller", required=True),
        )
        for entry in entries("vocabulary", "a word", ("term", "simple", "fuller"))
    )
    discussion = tuple(
        Question(entry.text("question", required=True), entry.text("answer"))
        for entry in entries("discussion", "a discussion question", ("question", "answer"))
    )
    ticket = tuple(
        Question(entry.text("question", required=True), entry.text("answer", required=True))
        for entry in entries("exit_ticket", "an exit-ticket question", ("question", "answer"))
    )
    sources = []
    for item in fields.listing("sources"):
        if not isinstance(item.value, str) or not item.value.strip():
            raise reader.fail(item.line, "each of 'sources' must be text")
        sources.append(" ".join(item.value.split()))
    return Teaching(
        fields.text("question", required=True),
        fields.text("summary"),
        arguments,
        holdings,
        vocabulary,
        discussion,
        ticket,
        tuple(sources),
        fields.text("title"),
    )


def _holding_step(reader: _Reader, fields: _Fields, events: tuple[Event, ...]) -> int:
    """The 1-based recorded step a holding speaks of: the one event of that date and type (and
    of that lawsuit, when ``case`` names one: one ruling may decide several lawsuits)."""
    day = fields.date("date", required=True)
    kind = fields.text("type", required=True)
    case = fields.text("case")
    found = [n for n, event in enumerate(events, 1)
             if event.date == day and event.type == kind and case in ("", event.case)]  # fmt: skip
    if len(found) != 1:
        assert day is not None
        what = "no" if not found else f"{len(found)}"
        raise reader.fail(
            fields.line_of("type"),
            f"a holding must name one recorded event, but {what} {kind!r} events are dated "
            f"{day.isoformat()}",
        )
    return found[0]


def _step_at(reader: _Reader, fields: _Fields, events: tuple[Event, ...]) -> int:
    """The 1-based step a branch leaves the record at: a step number or a date."""
    item = fields.items.get("at")
    if item is None or item.value is None:
        line = fields.line if item is None else item.line
        raise reader.fail(line, "a what-if branch needs 'at': a step number or a date")
    if isinstance(item.value, int) and not isinstance(item.value, bool):
        if not 1 <= item.value <= len(events) + 1:
            raise reader.fail(item.line, f"'at' must be a step from 1 to {len(events) + 1}")
        return item.value
    day = fields.date("at")
    assert day is not None
    for number, event in enumerate(events, start=1):
        if event.date >= day:
            return number
    return len(events) + 1


def _policy(reader: _Reader, top: _Fields) -> Policy:
    if "policy" not in top.items:
        return Policy("")
    fields = _Fields(reader, top.items["policy"], "the policy", ("name", "kind"))
    return Policy(fields.text("name", required=True), fields.choice("kind", POLICY_KINDS))


def _check_order(reader: _Reader, events: tuple[Event, ...], lines: tuple[int, ...]) -> None:
    for before, after, line in zip(events, events[1:], lines[1:], strict=False):
        if after.date < before.date:
            raise reader.fail(
                line,
                f"events must be in date order: {after.date.isoformat()} comes after "
                f"{before.date.isoformat()}",
            )


def trace_scenario(
    scenario: Scenario,
    until: int | datetime.date | None = None,
    *,
    model: ProcessModel = MODEL,
) -> tuple[Step, ...]:
    """The checked steps of the scenario (up to ``until``), any refusal located at its line."""
    try:
        return trace(prefix(scenario.events, until), model=model)
    except IllegalTransition as refusal:
        index = refusal.index if refusal.index is not None else 0
        event = scenario.events[index]
        raise refusal.located(scenario.path, scenario.lines[index], event) from None


def trace_branch(
    scenario: Scenario, branch: Branch, *, model: ProcessModel = MODEL
) -> tuple[Step, ...]:
    """The checked steps of a what-if branch, any refusal located at its line in the file."""
    history = branch.history(scenario.events)
    try:
        return trace(history, model=model)
    except IllegalTransition as refusal:
        index = refusal.index if refusal.index is not None else 0
        line = _branch_line(scenario, branch, index)
        raise refusal.located(scenario.path, line, history[index]) from None


def _branch_line(scenario: Scenario, branch: Branch, index: int) -> int:
    kept = branch.at - 1
    if index < kept:
        return scenario.lines[index]
    if index < kept + len(branch.events):
        return branch.lines[index - kept]
    return scenario.lines[index - len(branch.events) + branch.drop]


def until(scenario: Scenario, stop: int | datetime.date | None) -> Scenario:
    """The scenario cut after step ``stop`` (a count) or date ``stop``, for time travel."""
    events = tuple(prefix(scenario.events, stop))
    return attrs.evolve(scenario, events=events, lines=scenario.lines[: len(events)], branches=())


def load_scenario(path: str | Path, *, validate: bool = True) -> Scenario:
    """Read, check and replay a scenario file.

    Raises `ScenarioError` (``file:line: what is wrong``) for input that cannot
    be used, and `IllegalTransition` located at the line of the first step the
    law does not allow.
    """
    path = resolve_scenario(path)
    text = read_input(path, ScenarioError, max_bytes=_MAX_BYTES)
    return parse_scenario(text, str(path), validate=validate)


def to_scenario_yaml(
    history: Iterable[Event],
    *,
    scenario_id: str = "counterexample",
    title: str = "A generated history",
    source: str = "generated by the simulator",
) -> str:
    """A scenario file for ``history`` that ``sim run`` replays and a test suite can keep.

    Events without a summary or source (generated ones) get a plain label and
    ``source``, so the file passes `load_scenario`'s checks.
    """
    events = list(history)
    cases = sorted({event.case for event in events if event.case})
    us_party = {e.case: e.united_states_party for e in events if e.type in OPENING}
    policy = "statute" if any(e.type == "statute_enacted" for e in events) else "order"
    document: dict[str, Any] = {
        "id": scenario_id,
        "title": title,
        "summary": f"{len(events)} steps, {source}.",
        "policy": {"name": f"A generated {policy}", "kind": policy},
        "lawsuits": [
            {
                "id": case,
                "caption": f"Generated lawsuit {case}",
                "united_states_party": us_party.get(case, True),
            }
            for case in cases
        ],
        "events": [_event_entry(event, source) for event in events],
    }
    if not cases:
        del document["lawsuits"]
    return yaml.dump(document, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=100)


class _NoAliases(yaml.SafeDumper):
    """Writes repeated values out in full: scenario files refuse YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _event_entry(event: Event, source: str) -> dict[str, Any]:
    kind = EVENT_TYPES[event.type]
    entry: dict[str, Any] = {"date": event.date, "type": event.type}
    if event.case:
        entry["case"] = event.case
    if kind.courts and event.court != kind.courts[0]:
        entry["court"] = event.court
    if kind.qualifier:
        entry[kind.qualifier] = getattr(event, kind.qualifier)
    for name in ("effective", "expires"):
        if getattr(event, name) is not None:
            entry[name] = getattr(event, name)
    for name in _EXTRAS:
        if getattr(event, name):
            value = getattr(event, name)
            entry[name] = list(value) if isinstance(value, tuple) else value
    entry["summary"] = event.summary or describe_event(event)
    entry["source"] = event.source or source
    return entry

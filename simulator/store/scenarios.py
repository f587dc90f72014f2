"""Scenarios in a store: the header a recorded scenario gets, and the scenario rebuilt from it.

A stream keeps a scenario's events; its header keeps the rest of the file that
a replay or an export needs (the store itself does not read it)::

    {"kind": "scenario", "id": "wechat", "title": "...", "summary": "...",
     "policy": {"name": "...", "kind": "order"}, "lawsuits": [{"id": "wechat", ...}],
     "outcome": "..."}

A stream without a header (written by a program) still replays: its lawsuits
are read off its events. `scenario_yaml` writes a stream back as a scenario
file that ``sim run`` accepts, leaving out what the loader fills in itself
(the default court, ``confidence: verified``, the only lawsuit's id).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import yaml

from simulator.decider import Step, trace
from simulator.errors import IllegalTransition
from simulator.events import EVENT_TYPES, OPENING, Event, event_to_dict
from simulator.law.courts import venue_of
from simulator.scenario import Lawsuit, Policy, Scenario
from simulator.store.base import EventStore, StreamHeader
from simulator.store.errors import StoreError

__all__ = [
    "metadata_of",
    "pick_stream",
    "scenario_from",
    "scenario_of",
    "scenario_yaml",
    "trace_recorded",
]

_KIND = "scenario"
_EVENT_ORDER = (
    "date", "type", "case", "court", "motion", "disposition", "scope", "effective",
    "expires", "actor", "summary", "citation", "source", "confidence", "note",
)  # fmt: skip
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def metadata_of(scenario: Scenario) -> dict[str, Any]:
    """The header a recorded scenario's stream gets: everything but its events."""
    return {
        "kind": _KIND,
        "id": scenario.id,
        "title": scenario.title,
        "summary": scenario.summary,
        "policy": attrs.asdict(scenario.policy),
        "lawsuits": [attrs.asdict(suit) for suit in scenario.lawsuits],
        "outcome": scenario.outcome_note,
    }


def scenario_of(store: EventStore, stream: str, events: Iterable[Event] | None = None) -> Scenario:
    """The scenario recorded in ``stream`` (its events read from the store unless given)."""
    found = tuple(store.events(stream) if events is None else events)
    return scenario_from(store.path, stream, store.header(stream), found)


def scenario_from(
    path: str, stream: str, header: StreamHeader | None, events: Iterable[Event]
) -> Scenario:
    """The scenario that ``stream``'s ``header`` and ``events`` (already read) make."""
    found = tuple(events)
    if header is None:
        return Scenario(stream, stream, path, found, lawsuits=_lawsuits_of(found))
    metadata = header.metadata
    try:
        if metadata.get("kind") != _KIND:
            raise TypeError(f"its kind is {metadata.get('kind')!r}")
        lawsuits = tuple(Lawsuit(**suit) for suit in metadata.get("lawsuits", ()))
        return Scenario(
            str(metadata["id"]),
            str(metadata["title"]),
            path,
            _with_venues(found, lawsuits),
            summary=str(metadata.get("summary", "")),
            policy=Policy(**metadata.get("policy", {"name": ""})),
            lawsuits=lawsuits,
            outcome_note=str(metadata.get("outcome", "")),
        )
    except (KeyError, TypeError) as error:
        message = f"stream {stream!r}: its header does not describe a scenario ({error})"
        raise StoreError(message, path=path) from None


def _with_venues(events: tuple[Event, ...], lawsuits: tuple[Lawsuit, ...]) -> tuple[Event, ...]:
    """Events recorded before lawsuits had a venue get it from the header's courts, as the
    scenario loader gives it (so an old log replays with its state's holidays)."""
    courts = {suit.id: suit for suit in lawsuits}
    return tuple(
        attrs.evolve(event, venue=venue_of(event.type, suit.district_court, suit.appeals_court))
        if event.type in OPENING and not event.venue and (suit := courts.get(event.case))
        else event
        for event in events
    )


def pick_stream(store: EventStore, stream: str | None) -> str:
    """``stream`` if the store has it, or the store's only stream when none is named."""
    streams = store.streams()
    if stream is not None and stream in streams:
        return stream
    if not streams:
        raise StoreError("the store is empty: it holds no stream", path=store.path)
    known = ", ".join(streams)
    if stream is not None:
        raise StoreError(f"no stream {stream!r} in the store (streams: {known})", path=store.path)
    if len(streams) != 1:
        raise StoreError(f"several streams; name one with --stream ({known})", path=store.path)
    return streams[0]


def trace_recorded(scenario: Scenario) -> tuple[Step, ...]:
    """The checked steps of a recorded scenario, a refusal located at its stream and event."""
    try:
        return trace(scenario.events)
    except IllegalTransition as refusal:
        index = refusal.index if refusal.index is not None else 0
        event = scenario.events[index]
        where = (
            f"{scenario.path}: stream {scenario.id!r}, event {index + 1} "
            f"({event.type} on {event.date.isoformat()}) is not allowed"
        )
        raise IllegalTransition(f"{where}: {refusal.reason}", citation=refusal.citation) from None


def _lawsuits_of(events: Iterable[Event]) -> tuple[Lawsuit, ...]:
    suits: dict[str, Lawsuit] = {}
    for event in events:
        if event.case and event.case not in suits:
            suits[event.case] = Lawsuit(
                event.case, event.case, united_states_party=event.united_states_party
            )
    return tuple(suits.values())


def scenario_yaml(scenario: Scenario, *, provenance: str = "") -> str:
    """The scenario as a YAML file ``sim run`` accepts (deterministic: same case, same bytes).

    ``provenance`` (one line: where it came from, the head hash) is kept as a
    comment under the first. Raises `StoreError` when an event lacks what a
    scenario file requires (a summary and a source), which events written by
    programs may.
    """
    only = scenario.lawsuits[0].id if len(scenario.lawsuits) == 1 else None
    document: dict[str, Any] = {"id": scenario.id, "title": scenario.title}
    if scenario.summary:
        document["summary"] = scenario.summary
    if scenario.policy.name:
        document["policy"] = attrs.asdict(scenario.policy)
    if scenario.lawsuits:
        document["lawsuits"] = [_present(attrs.asdict(suit)) for suit in scenario.lawsuits]
    document["events"] = [
        _event_entry(scenario, number, event, only)
        for number, event in enumerate(scenario.events, 1)
    ]
    if scenario.outcome_note:
        document["outcome"] = scenario.outcome_note
    text: str = yaml.dump(
        document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=96, indent=2
    )
    lines = "# Exported from an event store by `sim export`; `sim run` tells it.\n"
    if provenance:
        lines += f"# {' '.join(provenance.split())}\n"
    return f"{lines}\n{text}"


def _present(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in fields.items() if value != ""}


def _event_entry(scenario: Scenario, number: int, event: Event, only: str | None) -> dict[str, Any]:
    for needed in ("summary", "source"):
        if not getattr(event, needed):
            raise StoreError(
                f"stream {scenario.id!r}, event {number}: no {needed}, which a scenario file "
                "needs (`--format jsonl` exports any stream)",
                path=scenario.path,
            )
    fields = event_to_dict(event)
    fields.pop("united_states_party", None)  # the loader takes it from the lawsuit
    kind = EVENT_TYPES[event.type]
    if kind.courts and fields.get("court") == kind.courts[0]:
        del fields["court"]
    if fields.get("confidence") == "verified":
        del fields["confidence"]
    if only is not None and fields.get("case") == only:
        del fields["case"]
    entry = {name: fields[name] for name in _EVENT_ORDER if name in fields}
    for name in ("date", "effective", "expires"):
        if name in entry:
            entry[name] = datetime.date.fromisoformat(entry[name])
    return entry

"""Records as text: the JSON a store writes for each record, and reading it back fast.

Both backends keep a record's body as canonical JSON; the JSON Lines backend
writes the whole record as one line with its keys in a fixed order::

    {"stream":"wechat","position":1,"id":"…32 hex…","schema":2,"recorded":"2025-…Z",
     "event":{…},"prev":"…64 hex…","hash":"…64 hex…"}

(a header has ``"position":0`` and ``"header":{…}`` instead of ``"event"``;
the event's own fields come in `event_to_dict` order: type and date first).
The fixed order is what makes the fast path possible: a replay finds a line's
stream by its prefix and the event between ``"event":`` and the fixed-width
``prev``/``hash`` tail, and parses only that, many lines in one `json.loads`.
Anything that does not fit that shape is read the slow, careful way.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Mapping, Sequence
from json.encoder import encode_basestring
from typing import Any

from simulator.events import Event, event_from_dict, event_to_dict
from simulator.store.errors import CorruptStore
from simulator.store.records import Pending, StoredEvent, StreamHeader

__all__ = [
    "CURRENT",
    "PREV",
    "TAIL",
    "decode",
    "encode",
    "event_of",
    "events_of",
    "line_prefix",
    "parsed_runs",
    "runs_of",
    "stream_name",
]

_string = encode_basestring  # a JSON string, non-ASCII kept (the C encoder)
_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_loads = json.loads
_fromiso = datetime.date.fromisoformat

#: ``,"prev":"<64>","hash":"<64>"}``: every current line ends with exactly this many characters.
TAIL = 9 + 64 + 10 + 64 + 2
#: How every current line begins, and how its tail does.
CURRENT = '{"stream":'
PREV = ',"prev":"'


def line_prefix(stream: str) -> str:
    """How every current line of ``stream`` begins (up to its position)."""
    return f'{{"stream":{_string(stream)},"position":'


def encode(pending: Pending) -> str:
    """The record as one line of JSON (without the newline), keys in the fixed order.

    The body is written in its natural order (an event's type and date first) for
    people; the hash covers its canonical form, which any order parses back to.
    """
    record = pending.record
    if isinstance(record, StreamHeader):
        body, content = "header", _compact(dict(record.metadata))
    else:
        data = pending.body if pending.body is not None else event_to_dict(record.event)
        body, content = "event", _compact(data)
    return (
        f"{line_prefix(record.stream)}{record.position},"
        f'"id":{_string(record.id)},"schema":{record.schema},'
        f'"recorded":{_string(record.recorded)},"{body}":{content},'
        f'"prev":{_string(record.prev)},"hash":{_string(record.hash)}}}'
    )


def event_of(data: dict[str, Any]) -> Event:
    """An `Event` from its stored mapping (trusted: written by a store). Reuses ``data``."""
    data["date"] = _fromiso(data["date"])
    if "effective" in data:
        data["effective"] = _fromiso(data["effective"])
    if "expires" in data:
        data["expires"] = _fromiso(data["expires"])
    return Event(**data)


def events_of(texts: Sequence[str]) -> list[Event]:
    """The events of many stored event bodies, parsed by one `json.loads`.

    `event_of`, inlined: this loop is where a replay of a large store spends its time.
    """
    events: list[Event] = []
    append = events.append
    for data in _loads(f"[{','.join(texts)}]"):
        data["date"] = _fromiso(data["date"])
        if "effective" in data:
            data["effective"] = _fromiso(data["effective"])
        if "expires" in data:
            data["expires"] = _fromiso(data["expires"])
        append(Event(**data))
    return events


def _text(raw: Mapping[str, Any], name: str) -> str:
    value = raw[name]
    if not isinstance(value, str):
        raise TypeError(f"{name!r} must be text, not {value!r}")
    return value


def _number(raw: Mapping[str, Any], name: str) -> int:
    value = raw[name]
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError(f"{name!r} must be a whole number, not {value!r}")
    return value


def decode(raw: Mapping[str, Any], *, path: str, line: int | None) -> StoredEvent | StreamHeader:
    """A record from its (current-schema) mapping; `CorruptStore` naming what is wrong."""
    try:
        if not isinstance(raw, Mapping):
            raise TypeError("a record must be a JSON object")
        stream, record_id = _text(raw, "stream"), _text(raw, "id")
        schema, recorded = _number(raw, "schema"), _text(raw, "recorded")
        prev, digest = _text(raw, "prev"), _text(raw, "hash")
        position = _number(raw, "position")
        if "header" in raw:
            if position != 0 or not isinstance(raw["header"], dict):
                raise TypeError("a header is an object at position 0")
            return StreamHeader(stream, record_id, schema, recorded, raw["header"], digest)
        if position < 1 or not isinstance(raw["event"], dict):
            raise TypeError("an event is an object at a position from 1")
        event = event_from_dict(raw["event"])
        return StoredEvent(stream, position, record_id, schema, recorded, event, prev, digest)
    except KeyError as error:
        message = f"not a record of an event store: no {error}"
        raise CorruptStore(message, path=path, line=line) from None
    except (TypeError, ValueError) as error:
        message = f"not a record of an event store: {error}"
        raise CorruptStore(message, path=path, line=line) from None


def runs_of(
    lines: list[str], expected: dict[str, int], keep: Callable[[str], bool] | None = None
) -> list[tuple[str, list[str]]] | None:
    """The event bodies of a chunk's lines, as runs of one stream each: the fast path.

    A run is keyed by its lines' prefix (`line_prefix`); ``expected`` holds each
    stream's next position and is advanced only if the whole chunk is usual.
    Lines of streams whose prefix ``keep`` refuses are skipped. Any line of
    another shape, or out of place, gives None: the careful reader takes over.
    """
    runs: list[tuple[str, list[str]]] = []
    nexts: dict[str, int] = {}
    kept: dict[str, bool] = {}
    prefix, cut, want = "", 0, 0
    texts: list[str] = []
    for line in lines:
        if not (prefix and line.startswith(prefix)):
            comma = line.find(',"position":')
            if comma < 0 or not line.startswith(CURRENT):
                return None
            if keep is not None:
                lead = line[: comma + 12]
                wanted = kept.get(lead)
                if wanted is None:
                    wanted = kept[lead] = keep(lead)
                if not wanted:
                    continue
            if prefix:
                nexts[prefix] = want
            prefix, cut = line[: comma + 12], comma + 12
            want = nexts.get(prefix) or expected.get(prefix, 1)
            texts = []
            runs.append((prefix, texts))
        stop = line.find(",", cut)
        digits = line[cut:stop]
        if digits == "0" and want == 1:
            continue  # the stream's header
        start = line.find('"event":', stop)
        if (
            start < 0
            or not digits.isdigit()
            or int(digits) != want
            or not line.startswith(PREV, len(line) - TAIL)
        ):
            return None
        want += 1
        texts.append(line[start + 8 : -TAIL])
    if prefix:
        nexts[prefix] = want
    expected.update(nexts)
    return runs


def parsed_runs(
    runs: list[tuple[str, list[str]]] | None,
) -> list[tuple[str, list[Event]]] | None:
    """The runs' events, or None if any fails to parse."""
    if runs is None:
        return None
    try:
        return [(prefix, events_of(texts)) for prefix, texts in runs if texts]
    except (KeyError, TypeError, ValueError):
        return None


def stream_name(names: dict[str, str], key: str) -> str:
    """The stream a line prefix names (``names`` caches them)."""
    name = names.get(key)
    if name is None:
        name = names[key] = json.loads(key[len(CURRENT) : -len(',"position":')])
    return name

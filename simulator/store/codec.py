"""Records as text: the JSON a store writes for each record, and the one strict way to read it.

Both backends keep a record's body as canonical JSON; the JSON Lines backend
writes the whole record as one line with its keys in a fixed order::

    {"stream":"wechat","position":1,"id":"…32 hex…","schema":3,"recorded":"2025-…Z",
     "event":{…},"prev":"…64 hex…","hash":"…64 hex…"}

(a header has ``"position":0`` and ``"header":{…}`` instead of ``"event"``;
the event's own fields come in `event_to_dict` order: type and date first),
and closes every batch with a commit line (`encode_commit`)::

    {"commit":"wechat","position":26,"records":27,"head":"…64 hex…"}

What is read is what was hashed: every reader parses a record the same way
(`strict_loads`: a key twice, or a key spelt with ``\\u`` escapes, is refused;
the keys are exactly those above, in that order; the hex fields are hex; an
event holds only the fields `event_to_dict` writes). The fast path of a replay
finds a line's stream by its prefix and the event between ``"event":`` and the
fixed-width ``prev``/``hash`` tail, and parses many of them in one strict
`json.loads`; it hands any line it is not sure of (an older schema, an escape,
a body that is not one value, a field an event does not store) to the careful
reader, so the two can never tell different events.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from json.encoder import encode_basestring
from typing import Any

import attrs

from simulator.events import Event, event_from_dict, event_to_dict
from simulator.store.chain import GENESIS
from simulator.store.errors import CorruptStore
from simulator.store.records import Commit, Pending, StoredEvent, StreamHeader

__all__ = [
    "COMMIT",
    "CURRENT",
    "PREV",
    "TAIL",
    "FastLines",
    "Run",
    "check_spelling",
    "commit_prefix",
    "decode",
    "encode",
    "encode_commit",
    "event_of",
    "events_of",
    "line_prefix",
    "parsed_runs",
    "stored_event",
    "stream_name",
    "strict_loads",
]

_string = encode_basestring  # a JSON string, non-ASCII kept (the C encoder)
_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_fromiso = datetime.date.fromisoformat

#: ``,"prev":"<64>","hash":"<64>"}``: every current line ends with exactly this many characters.
TAIL = 9 + 64 + 10 + 64 + 2
#: How every current line begins, how its tail does, and how a commit line begins.
CURRENT = '{"stream":'
PREV = ',"prev":"'
COMMIT = '{"commit":'

#: The keys of each kind of record, in the order the writer writes them.
_EVENT_KEYS = ("stream", "position", "id", "schema", "recorded", "event", "prev", "hash")
_HEADER_KEYS = ("stream", "position", "id", "schema", "recorded", "header", "prev", "hash")
_COMMIT_KEYS = ("commit", "position", "records", "head")
#: The fields a stored event may carry: those `event_to_dict` writes (``venue`` is the
#: court's, kept in the stream's header, never with the event).
_STORED = frozenset(field.name for field in attrs.fields(Event) if field.init) - {"venue"}
_DATES = ("date", "effective", "expires")
_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_RECORDED = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z"
_WHEN = re.compile(_RECORDED)
#: A current line after its position up to its body: fixed fields, fixed widths.
_MIDDLE = re.compile(
    rf',"id":"[0-9a-f]{{32}}","schema":([23]),"recorded":"{_RECORDED}","(event|header)":'
)
#: The fixed-width end of a current line: its prev and its hash, then the closing brace.
_TAIL = re.compile(r',"prev":"[0-9a-f]{64}","hash":"[0-9a-f]{64}"\}\Z')
_COMMIT_LINE = re.compile(
    r'\{"commit":("(?:[^"\\]|\\.)*"),"position":(0|[1-9]\d*),"records":([1-9]\d*),'
    r'"head":"([0-9a-f]{64})"(?:,"seal":"[0-9a-f]{64}")?\}'
)


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise ValueError(f"the key {key!r} appears twice")
            seen.add(key)
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


_strict = json.JSONDecoder(object_pairs_hook=_unique, parse_constant=_no_constant).decode


def strict_loads(text: str) -> Any:
    """``text`` as JSON, refusing what two readers could read differently.

    A key twice in one object is refused (readers disagree on which one counts),
    as are ``NaN`` and ``Infinity`` (not JSON). A key spelt with escapes is caught
    by `check_spelling`.
    """
    return _strict(text)


def check_spelling(text: str, keys: Iterable[str]) -> None:
    """Refuse a key that ``text`` spells only with ``\\u`` escapes (the writer never does).

    A quoted key followed by a colon can only be a key in valid JSON, so a key
    whose plain spelling is nowhere in ``text`` was escaped: an alias that a
    reader looking for the plain text would miss.
    """
    if "\\u" not in text:
        return
    for key in keys:
        if f"{_string(key)}:" not in text:
            raise ValueError(f"the key {key!r} is spelt with escapes")


def line_prefix(stream: str) -> str:
    """How every current line of ``stream`` begins (up to its position)."""
    return f'{{"stream":{_string(stream)},"position":'


def commit_prefix(stream: str) -> str:
    """How every commit line of ``stream`` begins."""
    return f'{{"commit":{_string(stream)},'


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


def encode_commit(commit: Commit) -> str:
    """The commit line closing a batch (without the newline); ``seal`` only when sealed."""
    seal = f',"seal":{_string(commit.seal)}' if commit.seal else ""
    return (
        f"{commit_prefix(commit.stream)}"
        f'"position":{commit.position},"records":{commit.records},'
        f'"head":{_string(commit.head)}{seal}}}'
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
    """The events of many stored event bodies, parsed by one strict `json.loads`.

    Raises `ValueError` (or `KeyError`, `TypeError`) for anything the careful
    reader (`stored_event`) might read otherwise: a key twice or escaped, a
    field an event does not store, a date not written as YYYY-MM-DD. This loop
    is where a replay of a large store spends its time.
    """
    joined = f"[{','.join(texts)}]"
    if "\\u" in joined:
        raise ValueError("escapes: the careful reader decides")
    found = _strict(joined)
    if len(found) != len(texts):
        raise ValueError("a body that is not one value")
    events: list[Event] = []
    append = events.append
    stored = _STORED
    for data in found:
        if not data.keys() <= stored:
            raise ValueError("a field an event does not store")
        text = data["date"]
        data["date"] = day = _fromiso(text)
        if day.isoformat() != text:
            raise ValueError("a date not as YYYY-MM-DD")
        if "effective" in data:
            data["effective"] = _day(data["effective"])
        if "expires" in data:
            data["expires"] = _day(data["expires"])
        append(Event(**data))
    return events


def _day(text: str) -> datetime.date:
    day = _fromiso(text)
    if day.isoformat() != text:
        raise ValueError(f"{text!r} is not a date as YYYY-MM-DD")
    return day


def stored_event(data: Any) -> Event:
    """The event of a stored body, read strictly (what `events_of` reads, or a refusal)."""
    if not isinstance(data, dict):
        raise TypeError("an event must be a JSON object")
    unknown = sorted(data.keys() - _STORED)
    if unknown:
        raise TypeError(f"an event does not store the field {unknown[0]!r}")
    for name in _DATES:
        if name in data and not isinstance(data[name], str):
            raise TypeError(f"{name!r} must be a date as YYYY-MM-DD, not {data[name]!r}")
    for name in ("effective", "expires"):
        if name in data:
            _day(data[name])
    if "date" in data:
        _day(data["date"])
    return event_from_dict(data)


def _text(raw: Mapping[str, Any], name: str) -> str:
    value = raw[name]
    if not isinstance(value, str):
        raise TypeError(f"{name!r} must be text, not {value!r}")
    return value


def _hex(raw: Mapping[str, Any], name: str, pattern: re.Pattern[str]) -> str:
    value = _text(raw, name)
    if not pattern.fullmatch(value):
        raise TypeError(f"{name!r} must be lowercase hex digits, not {value!r}")
    return value


def _number(raw: Mapping[str, Any], name: str) -> int:
    value = raw[name]
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError(f"{name!r} must be a whole number, not {value!r}")
    return value


def _keys(raw: Mapping[str, Any], expected: tuple[str, ...]) -> None:
    found = tuple(raw)
    if found == expected:
        return
    extra = [key for key in found if key not in expected]
    if extra:
        raise TypeError(f"a record of this kind has no key {extra[0]!r}")
    missing = [key for key in expected if key not in found]
    if missing:
        raise KeyError(missing[0])
    raise TypeError(f"its keys are out of order ({', '.join(found)})")


def decode(
    raw: Mapping[str, Any], *, path: str, line: int | None
) -> StoredEvent | StreamHeader | Commit:
    """A record from its (current-schema) mapping; `CorruptStore` naming what is wrong.

    The record must have exactly the writer's keys, in the writer's order: an
    extra key is something a reader could take for part of the record.
    """
    try:
        if not isinstance(raw, Mapping):
            raise TypeError("a record must be a JSON object")
        if "commit" in raw:
            return _commit(raw)
        is_header = "header" in raw
        _keys(raw, _HEADER_KEYS if is_header else _EVENT_KEYS)
        stream, record_id = _text(raw, "stream"), _hex(raw, "id", _HEX32)
        schema, recorded = _number(raw, "schema"), _text(raw, "recorded")
        prev, digest = _hex(raw, "prev", _HEX64), _hex(raw, "hash", _HEX64)
        position = _number(raw, "position")
        if not _WHEN.fullmatch(recorded):
            raise TypeError(f"'recorded' must be a UTC time as written, not {recorded!r}")
        if is_header:
            if position != 0 or not isinstance(raw["header"], dict) or prev != GENESIS:
                raise TypeError("a header is an object at position 0, its prev all zeros")
            return StreamHeader(stream, record_id, schema, recorded, raw["header"], digest)
        if position < 1:
            raise TypeError("an event is at a position from 1")
        event = stored_event(raw["event"])
        return StoredEvent(stream, position, record_id, schema, recorded, event, prev, digest)
    except KeyError as error:
        message = f"not a record of an event store: no {error}"
        raise CorruptStore(message, path=path, line=line) from None
    except (TypeError, ValueError) as error:
        message = f"not a record of an event store: {error}"
        raise CorruptStore(message, path=path, line=line) from None


def _commit(raw: Mapping[str, Any]) -> Commit:
    sealed = "seal" in raw
    _keys(raw, (*_COMMIT_KEYS, "seal") if sealed else _COMMIT_KEYS)
    seal = _hex(raw, "seal", _HEX64) if sealed else ""
    records = _number(raw, "records")
    if records < 1:
        raise TypeError("a commit closes at least one record")
    return Commit(
        _text(raw, "commit"), _number(raw, "position"), records, _hex(raw, "head", _HEX64), seal
    )


#: A run of one stream's event bodies: its line prefix, its first position, the bodies.
Run = tuple[str, int, list[str]]


@attrs.define
class _Open:
    """The batch being read: whose it is, how many records so far, the last one's line."""

    prefix: str
    records: int = 0
    last: str = ""

    @property
    def position(self) -> int:
        cut = len(self.prefix)
        return int(self.last[cut : self.last.find(",", cut)])

    @property
    def hash(self) -> str:
        return self.last[-66:-2]


class FastLines:
    """The fast path over a JSON Lines log: the committed event bodies of its lines.

    Fed the file's lines in order, a chunk at a time, it gives the runs of event
    bodies that the chunk commits (a batch's runs are held until its commit
    line). Given a line it is not sure of (an older schema, damage, an escape)
    it gives None, and the careful reader takes over from the last event given.
    Lines of streams whose prefix ``keep`` refuses are skipped, their commit
    lines too.
    """

    def __init__(self, keep: Callable[[str], bool] | None = None) -> None:
        self.keep = keep
        #: each stream's next position, by line prefix (the held batch's included)
        self.expected: dict[str, int] = {}
        self._kept: dict[str, bool] = {}
        self._headed: set[str] = set()
        self._open: _Open | None = None
        self._held: list[Run] = []

    def _wanted(self, prefix: str) -> bool:
        if self.keep is None:
            return True
        wanted = self._kept.get(prefix)
        if wanted is None:
            wanted = self._kept[prefix] = self.keep(prefix)
        return wanted

    def feed(self, lines: list[str]) -> list[Run] | None:
        """The runs these lines commit, or None when a line needs the careful reader."""
        out: list[Run] = []
        prefix, cut = "", 0
        for line in lines:
            if line.startswith(COMMIT):
                if not self._close(line, out):
                    return None
                prefix = ""
                continue
            if not (prefix and line.startswith(prefix)):
                comma = line.find(',"position":')
                if comma < 0 or not line.startswith(CURRENT):
                    return None
                prefix, cut = line[: comma + 12], comma + 12
            if not self._wanted(prefix):
                if self._open is not None:
                    return None  # another stream inside a batch: the careful reader judges
                continue
            if not self._line(line, prefix, cut, out):
                return None
        return out

    def _line(self, line: str, prefix: str, cut: int, out: list[Run]) -> bool:
        # The writer's layout exactly, but for the body: fixed fields of fixed width,
        # hex where hex belongs, no escape anywhere (a key can only be aliased by
        # escaping a letter), so no key can hide beside those the careful reader takes.
        stop = line.find(",", cut)
        middle = _MIDDLE.match(line, stop)
        tail = len(line) - TAIL
        # one pass in C over the fixed-width tail: prev and hash are 64 hex digits each
        if middle is None or _TAIL.match(line, tail) is None or "\\u" in line:
            return False
        schema, kind = middle.groups()
        batched = schema == "3"
        if self._open is not None and (not batched or self._open.prefix != prefix):
            return False
        digits = line[cut:stop]
        want = self.expected.get(prefix, 1)
        if kind == "header":
            if not self._header(line, prefix, middle.end(), tail, digits, want):
                return False
        else:
            if digits != str(want):
                return False
            self.expected[prefix] = want + 1
            run = self._held if batched else out
            last = run[-1] if run else None
            if last is not None and last[0] == prefix and last[1] + len(last[2]) == want:
                last[2].append(line[middle.end() : tail])
            else:
                run.append((prefix, want, [line[middle.end() : tail]]))
        if batched:
            open_ = self._open
            if open_ is None:
                open_ = self._open = _Open(prefix)
            open_.records += 1
            open_.last = line
        return True

    def _header(
        self, line: str, prefix: str, start: int, tail: int, digits: str, want: int
    ) -> bool:
        if digits != "0" or want != 1 or prefix in self._headed:
            return False
        if line[tail + 9 : tail + 73] != GENESIS:
            return False
        try:
            metadata = _strict(line[start:tail])
        except ValueError:
            return False
        self._headed.add(prefix)
        return isinstance(metadata, dict)

    def _close(self, line: str, out: list[Run]) -> bool:
        match = _COMMIT_LINE.fullmatch(line)
        if match is None or "\\u" in line:
            return False
        prefix = f'{CURRENT}{match.group(1)},"position":'
        if not self._wanted(prefix):
            return self._open is None
        open_ = self._open
        if (
            open_ is None
            or open_.prefix != prefix
            or (int(match.group(2)), int(match.group(3))) != (open_.position, open_.records)
            or match.group(4) != open_.hash
        ):
            return False
        out.extend(self._held)
        self._held, self._open = [], None
        return True


def parsed_runs(runs: list[Run] | None) -> list[tuple[str, int, list[Event]]] | None:
    """The runs' events, or None if any fails to parse (the careful reader decides)."""
    if runs is None:
        return None
    try:
        return [(prefix, first, events_of(texts)) for prefix, first, texts in runs if texts]
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def stream_name(names: dict[str, str], key: str) -> str:
    """The stream a line prefix names (``names`` caches them)."""
    name = names.get(key)
    if name is None:
        name = names[key] = json.loads(key[len(CURRENT) : -len(',"position":')])
    return name

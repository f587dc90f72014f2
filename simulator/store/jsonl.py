"""The JSON Lines store: one record per line, human-readable and diff-friendly (the default).

Layout (`simulator.store.codec`): one file holds every stream, each record a
line; snapshots go to ``<path>.snapshots.jsonl`` beside it and writers lock
``<path>.lock``. Appends take an exclusive `fcntl.flock` on the lock file,
catch up with whatever other writers added (reading only the new tail), check
the expected version, then write the whole batch with one `os.write` and
`os.fsync`. If the write or the fsync fails (a full disk), the file is cut back
to its old length: the log is left as it was, byte for byte.

A crash in the middle of a write can still leave a torn last line. It is never
silently extended or dropped: reading yields every complete record and then
raises `TornWrite` naming the line, and appending refuses until someone looks
(``sim verify``). Readers take no lock; one that meets a line still being
written waits for the writer (a shared lock) before it decides the line is torn.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Callable, Container, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from simulator.events import Event
from simulator.state import CaseState
from simulator.store.base import (
    Appending,
    EventStore,
    Pending,
    StoredEvent,
    StreamHeader,
    check_location,
    share_of,
)
from simulator.store.chain import GENESIS, SCHEMA, utc_now
from simulator.store.codec import (
    CURRENT,
    decode,
    encode,
    line_prefix,
    parsed_runs,
    runs_of,
    stream_name,
)
from simulator.store.errors import CorruptStore, StoreError, TornWrite
from simulator.store.files import complete_lines, cut_back, open_for_append, write_all
from simulator.store.snapshot import FINGERPRINT, state_from_data, state_to_data
from simulator.store.upcast import Upcaster

__all__ = ["JsonlStore"]


@attrs.define
class _Head:
    """What appends need to know of one stream, kept up to date as the file grows.

    ``day`` is the date of the last event and ``run`` the ids of the events of
    that date at the end of the stream: while the stream is in date order
    (``ordered``), an event identical to a new one can only be among them.
    """

    version: int = 0
    hash: str = GENESIS
    header: str | None = None
    day: str = ""
    run: set[str] = attrs.field(factory=set)
    ordered: bool = True

    def add(self, record: StoredEvent | StreamHeader, day: str, where: str, line: int) -> None:
        if isinstance(record, StreamHeader):
            if self.version or self.header is not None:
                raise _misplaced(where, line, record.stream, 0, self.version + 1)
            self.header = record.id
        else:
            if record.position != self.version + 1:
                raise _misplaced(where, line, record.stream, record.position, self.version + 1)
            self.version = record.position
            if day > self.day:
                self.day, self.run = day, {record.id}
            elif day == self.day:
                self.run.add(record.id)
            else:
                self.ordered = False
        self.hash = record.hash


def _misplaced(path: str, line: int, stream: str, position: int, expected: int) -> CorruptStore:
    return CorruptStore(
        f"stream {stream!r} has event {position} where event {expected} belongs "
        "(lines reordered, dropped or repeated)",
        path=path,
        line=line,
    )


class JsonlStore(EventStore):
    """An event store in one JSON Lines file; see the module's docstring."""

    def __init__(
        self, path: str, *, create: bool = False, clock: Callable[[], str] = utc_now
    ) -> None:
        super().__init__(path, clock=clock)
        self._file = Path(path)
        self._lock_path = f"{path}.lock"
        self._snapshots = f"{path}.snapshots.jsonl"
        self._locked = False
        # The index: every stream's head, as of byte `_offset` (line `_lines`) of the file.
        self._heads: dict[str, _Head] = {}
        self._offset = 0
        self._lines = 0
        check_location(path, create=create)

    # -- reading -------------------------------------------------------------------

    def _chunks(self, start: int = 0, first: int = 1) -> Iterator[tuple[int, list[str]]]:
        """The file's complete lines from byte ``start`` (line ``first``), a chunk at a time."""
        # Holding the lock ourselves, nobody else can be writing a last line.
        writer = None if self._locked else self._lock_path
        return complete_lines(self.path, start=start, first=first, writer_lock=writer)

    def _raw_records(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """Every record of the file as current-schema data, with its line number."""
        upcast = Upcaster()
        for number, lines in self._chunks():
            try:
                batch = json.loads(f"[{','.join(lines)}]")
            except ValueError:
                batch = [_parsed(line, self.path, number + i) for i, line in enumerate(lines)]
            for offset, raw in enumerate(batch):
                yield number + offset, _upcast(upcast, raw, self.path, number + offset)

    def records(self) -> Iterator[StreamHeader | StoredEvent]:
        heads: dict[str, _Head] = {}
        for number, raw in self._raw_records():
            record = decode(raw, path=self.path, line=number)
            _head_of(heads, record.stream).add(record, _day(raw), self.path, number)
            yield record

    def read(self, stream: str, *, after: int = 0) -> Iterator[StoredEvent]:
        for record in self._stream(stream):
            if isinstance(record, StoredEvent) and record.position > after:
                yield record

    def header(self, stream: str) -> StreamHeader | None:
        for record in self._stream(stream):
            return record if isinstance(record, StreamHeader) else None
        return None

    def _stream(self, stream: str) -> Iterator[StreamHeader | StoredEvent]:
        """One stream's records, each checked in its place; other streams' lines skipped unread."""
        prefix = line_prefix(stream)
        head = _Head()
        upcast = Upcaster()
        for number, lines in self._chunks():
            for offset, line in enumerate(lines):
                if not line.startswith(prefix) and line.startswith(CURRENT):
                    continue
                where = number + offset
                raw = _upcast(upcast, _parsed(line, self.path, where), self.path, where)
                if raw.get("stream") != stream:
                    continue
                record = decode(raw, path=self.path, line=where)
                head.add(record, _day(raw), self.path, where)
                yield record

    def events(self, stream: str, *, after: int = 0) -> Iterator[Event]:
        """The stream's events, parsed a chunk at a time (the fast path; see the codec).

        Anything unusual (a record of an older schema, damage) hands over to the
        careful reader, from the last event already given, which reads it or says
        what is wrong.
        """
        prefix = line_prefix(stream)
        expected: dict[str, int] = {}
        done = 0
        for _number, lines in self._chunks():
            first = expected.get(prefix, 1)
            runs = runs_of(lines, expected, prefix.__eq__)
            if runs and after >= first:
                del runs[0][1][: after - first + 1]  # one run: the stream's lines of the chunk
            events = parsed_runs(runs)
            if events is None:
                break
            for _prefix, run in events:
                yield from run
            done = expected.get(prefix, 1) - 1
        else:
            return
        for record in self.read(stream, after=max(after, done)):
            yield record.event

    def event_runs(self, *, share: int = 0, shares: int = 1) -> Iterator[tuple[str, list[Event]]]:
        """Runs of one stream's events in file order, parsed a chunk at a time."""
        names: dict[str, str] = {}
        expected: dict[str, int] = {}
        done: dict[str, int] = {}
        keep = None
        if shares > 1:

            def keep(prefix: str) -> bool:
                return share_of(stream_name(names, prefix), shares) == share

        for _number, lines in self._chunks():
            runs = parsed_runs(runs_of(lines, expected, keep))
            if runs is None:
                break
            for prefix, events in runs:
                name = stream_name(names, prefix)
                yield name, events
                done[name] = expected[prefix] - 1
        else:
            return
        for record in self.records():
            if (
                isinstance(record, StoredEvent)
                and record.position > done.get(record.stream, 0)
                and share_of(record.stream, shares) == share
            ):
                yield record.stream, [record.event]

    # -- the index -------------------------------------------------------------------

    def _catch_up(self) -> None:
        """Bring the index up to the end of the file (all of it, if the file was replaced)."""
        try:
            size = self._file.stat().st_size
        except FileNotFoundError:
            size = 0
        if size < self._offset:
            self._heads, self._offset, self._lines = {}, 0, 0
        if size == self._offset:
            return
        try:
            self._index_from(self._offset)
        except BaseException:
            self._heads, self._offset, self._lines = {}, 0, 0  # half an index is no index
            raise

    def _index_from(self, start: int) -> None:
        upcast = Upcaster()
        for number, lines in self._chunks(start, self._lines + 1):
            for offset, line in enumerate(lines):
                where = number + offset
                raw = _upcast(upcast, _parsed(line, self.path, where), self.path, where)
                record = decode(raw, path=self.path, line=where)
                _head_of(self._heads, record.stream).add(record, _day(raw), self.path, where)
            self._offset += len("\n".join(lines).encode()) + 1
            self._lines += len(lines)

    def streams(self) -> list[str]:
        self._catch_up()
        return sorted(self._heads)

    def version(self, stream: str) -> int:
        self._catch_up()
        head = self._heads.get(stream)
        return head.version if head is not None else 0

    # -- writing -------------------------------------------------------------------

    @contextlib.contextmanager
    def _appending(self, stream: str) -> Iterator[Appending]:
        with self._exclusive():
            fd = open_for_append(self.path)
            try:
                self._catch_up()
                yield _JsonlAppending(self, stream, fd)
            except TornWrite as torn:
                raise TornWrite(
                    f"{torn.detail}; refusing to append after it (`sim verify {self.path}` "
                    "shows the damage)",
                    path=self.path,
                    line=torn.line,
                ) from None
            finally:
                os.close(fd)

    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[None]:
        try:
            lock = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise StoreError(f"cannot lock the store: {error.strerror}", path=self.path) from None
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)
            self._locked = True
            yield
        finally:
            self._locked = False
            os.close(lock)  # closing releases the lock

    def _written(self, records: Sequence[Pending], size: int) -> None:
        """Note records this process just wrote in the index (no need to read them back)."""
        for pending in records:
            record = pending.record
            day = "" if isinstance(record, StreamHeader) else record.event.date.isoformat()
            _head_of(self._heads, record.stream).add(record, day, self.path, self._lines + 1)
            self._lines += 1
        self._offset = size

    # -- snapshots -------------------------------------------------------------------

    def save_snapshot(self, stream: str, version: int, state: CaseState) -> None:
        line = json.dumps(
            {
                "stream": stream,
                "version": version,
                "shape": FINGERPRINT,
                "recorded": self._clock(),
                "state": state_to_data(state),
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        with self._exclusive():
            if version > self.version(stream) or version < 1:
                raise StoreError(
                    f"no snapshot at version {version}: stream {stream!r} has "
                    f"{self.version(stream)} events",
                    path=self.path,
                )
            fd = open_for_append(self._snapshots)
            try:
                write_all(fd, (line + "\n").encode(), self._snapshots)
            finally:
                os.close(fd)

    def latest_snapshot(self, stream: str) -> tuple[int, CaseState] | None:
        best: tuple[int, Any] | None = None
        try:
            with open(self._snapshots, encoding="utf-8") as file:
                for line in file:
                    found = _snapshot_line(line, stream)
                    if found is not None and (best is None or found[0] >= best[0]):
                        best = found
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StoreError(f"cannot read snapshots: {error.strerror}", path=self.path) from None
        return (best[0], state_from_data(best[1])) if best is not None else None


class _JsonlAppending(Appending):
    """One stream of a `JsonlStore` under its write lock."""

    def __init__(self, store: JsonlStore, stream: str, fd: int) -> None:
        self.store, self.stream, self.fd = store, stream, fd
        head = store._heads.get(stream, _Head())
        self.version, self.head, self.header = head.version, head.hash, head.header
        self._tail = head

    def known(self, date: str, upto: int) -> Container[str]:
        tail = self._tail
        if upto == tail.version and tail.ordered and date >= tail.day:
            return tail.run if date == tail.day else ()
        return {record.id for record in self.store.read(self.stream) if record.position <= upto}

    def ids(self, first: int, last: int) -> list[str]:
        return [
            record.id
            for record in self.store.read(self.stream, after=first - 1)
            if record.position <= last
        ]

    def write(self, records: Sequence[Pending]) -> None:
        data = "".join(f"{encode(pending)}\n" for pending in records).encode()
        size = os.fstat(self.fd).st_size
        if size != self.store._offset:
            raise StoreError(
                "the file changed without the store's lock (another program?); nothing written",
                path=self.store.path,
            )
        try:
            write_all(self.fd, data, self.store.path)
        except StoreError as error:
            cut_back(self.fd, size)
            raise StoreError(
                f"{error.detail}; the log is unchanged", path=self.store.path
            ) from None
        self.store._written(records, size + len(data))
        head = self.store._heads[self.stream]
        self.version, self.head, self.header = head.version, head.hash, head.header


def _head_of(heads: dict[str, _Head], stream: str) -> _Head:
    head = heads.get(stream)
    if head is None:
        head = heads[stream] = _Head()
    return head


def _day(raw: dict[str, Any]) -> str:
    event = raw.get("event")
    return str(event.get("date", "")) if isinstance(event, dict) else ""


def _parsed(line: str, path: str, number: int) -> dict[str, Any]:
    try:
        raw = json.loads(line)
    except ValueError as error:
        raise CorruptStore(f"not a JSON record ({error})", path=path, line=number) from None
    if not isinstance(raw, dict):
        raise CorruptStore("not a JSON object", path=path, line=number)
    return raw


def _upcast(upcast: Upcaster, raw: Any, path: str, number: int) -> dict[str, Any]:
    if isinstance(raw, dict) and raw.get("schema") == SCHEMA:
        return raw
    try:
        if not isinstance(raw, dict):
            raise TypeError("not a JSON object")
        return upcast(raw)
    except (KeyError, TypeError, ValueError) as error:
        message = f"not a record this store can read ({error})"
        raise CorruptStore(message, path=path, line=number) from None


def _snapshot_line(line: str, stream: str) -> tuple[int, Any] | None:
    """A usable snapshot of ``stream`` on this line, if it is one (torn lines are skipped)."""
    try:
        raw = json.loads(line)
    except ValueError:
        return None
    if not isinstance(raw, dict) or raw.get("stream") != stream:
        return None
    if raw.get("shape") != FINGERPRINT or not isinstance(raw.get("version"), int):
        return None
    return raw["version"], raw.get("state")

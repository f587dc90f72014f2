"""The JSON Lines store: one record per line, human-readable and diff-friendly (the default).

Layout (`simulator.store.codec`): one file holds every stream, each record a
line; snapshots go to ``<path>.snapshots.jsonl`` beside it and writers lock
``<path>.lock``. Appends take an exclusive `fcntl.flock` on the lock file,
catch up with whatever other writers added (reading only the new tail), check
the expected version, then write the whole batch, closed by its commit line,
with one `os.write` and `os.fsync`. If the write or the fsync fails (a full
disk), the file is cut back to its old length: the log is left as it was,
byte for byte.

A batch counts only once its commit line is there, so a crash in the middle of
a write (a power cut, a kill) leaves a batch that no reader sees: complete
lines and perhaps a torn one after the last commit. Readers skip it (and take
no lock: a batch still being written is not committed yet either); ``sim
verify`` says it is there; the next append, holding the lock and so sure that
no one is still writing it, cuts it off before writing. Records of schema 2
were written one to a line before batches had commits: each stands alone.
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
from simulator.store.base import (
    Appending,
    EventStore,
    Pending,
    StoredEvent,
    StreamHeader,
    check_location,
    share_of,
)
from simulator.store.chain import BATCHED, GENESIS, SCHEMA, utc_now
from simulator.store.codec import (
    COMMIT,
    CURRENT,
    FastLines,
    check_spelling,
    commit_prefix,
    decode,
    encode,
    encode_commit,
    line_prefix,
    parsed_runs,
    stream_name,
    strict_loads,
)
from simulator.store.errors import CorruptStore, StoreError
from simulator.store.files import Lines, cut_back, open_for_append, write_all
from simulator.store.records import Commit, Seal
from simulator.store.snapshot import Snapshot
from simulator.store.upcast import Upcaster

__all__ = ["JsonlStore"]

Record = StoredEvent | StreamHeader


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
    seal: Seal | None = None

    def add(self, record: Record, where: str, line: int) -> None:
        if isinstance(record, StreamHeader):
            if self.version or self.header is not None:
                raise _misplaced(where, line, record.stream, 0, self.version + 1)
            self.header = record.id
        else:
            if record.position != self.version + 1:
                raise _misplaced(where, line, record.stream, record.position, self.version + 1)
            self.version = record.position
            day = record.event.date.isoformat()
            if day > self.day:
                self.day, self.run = day, {record.id}
            elif day == self.day:
                self.run.add(record.id)
            else:
                self.ordered = False
        self.hash = record.hash

    def sealed(self, commit: Commit) -> None:
        self.seal = Seal(commit.position, commit.head, commit.seal) if commit.seal else None


def _misplaced(path: str, line: int, stream: str, position: int, expected: int) -> CorruptStore:
    return CorruptStore(
        f"stream {stream!r} has event {position} where event {expected} belongs "
        "(lines reordered, dropped or repeated)",
        path=path,
        line=line,
    )


class _Batches:
    """The commit rule, fed records and commit lines in file order: what each one commits.

    A record of schema 3 waits for the commit line after its batch; one of an
    older schema stands alone. A batch without its commit can only be the end
    of the file (an interrupted append); anywhere else the file was edited. A
    commit line that does not match its batch gives the batch out all the same,
    so that the reader's own checks can name the record at fault first, and
    then raises (`settle`).
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.held: list[tuple[int, Record]] = []
        self._broken: CorruptStore | None = None

    @property
    def first(self) -> int | None:
        """The line of the first record still waiting for its commit."""
        return self.held[0][0] if self.held else None

    def feed(self, line: int, record: Record | Commit) -> list[tuple[int, Record]]:
        """The records (with their lines) that this line commits."""
        if isinstance(record, Commit):
            return self._close(line, record)
        if self.held and (record.schema < BATCHED or self.held[0][1].stream != record.stream):
            raise CorruptStore(
                "the batch that begins here has no commit line, yet other records "
                "follow it (lines edited, dropped or moved)",
                path=self.path,
                line=self.held[0][0],
            )
        if record.schema < BATCHED:
            return [(line, record)]
        self.held.append((line, record))
        return []

    def _close(self, line: int, commit: Commit) -> list[tuple[int, Record]]:
        last = self.held[-1][1] if self.held else None
        if (
            last is None
            or last.stream != commit.stream
            or (last.position, last.hash, len(self.held)) != (commit.position, commit.head,
                                                              commit.records)
        ):  # fmt: skip
            self._broken = CorruptStore(
                "a commit line that does not close the batch before it (lines edited, "
                "dropped or moved)",
                path=self.path,
                line=line,
            )
        done, self.held = self.held, []
        return done

    def settle(self) -> None:
        """Raise the mismatch of the last commit line read, if it did not match its batch."""
        if self._broken is not None:
            raise self._broken


class JsonlStore(EventStore):
    """An event store in one JSON Lines file; see the module's docstring."""

    def __init__(
        self,
        path: str,
        *,
        create: bool = False,
        clock: Callable[[], str] = utc_now,
        key: bytes | None = None,
    ) -> None:
        super().__init__(path, clock=clock, key=key)
        self._file = Path(path)
        self._lock_path = f"{path}.lock"
        self._snapshots = f"{path}.snapshots.jsonl"
        # The index: every stream's head, as of byte `_offset` (line `_lines`) of the file,
        # the end of its last commit; and what follows it uncommitted, if anything.
        self._heads: dict[str, _Head] = {}
        self._offset = 0
        self._lines = 0
        self._tail: str | None = None
        check_location(path, create=create)

    # -- reading -------------------------------------------------------------------

    def _parsed(self, line: str, number: int, upcast: Upcaster) -> dict[str, Any]:
        """One line as current-schema data, parsed strictly (the one way every reader reads)."""
        try:
            raw = strict_loads(line)
        except json.JSONDecodeError as error:
            message = f"not a JSON record ({error})"
            raise CorruptStore(message, path=self.path, line=number) from None
        except ValueError as error:
            message = f"not a record of an event store: {error}"
            raise CorruptStore(message, path=self.path, line=number) from None
        if not isinstance(raw, dict):
            raise CorruptStore("not a JSON object", path=self.path, line=number)
        try:
            check_spelling(line, raw)
            body = raw.get("event", raw.get("header"))
            if isinstance(body, dict):
                check_spelling(line, body)
        except ValueError as error:
            message = f"not a record of an event store: {error}"
            raise CorruptStore(message, path=self.path, line=number) from None
        if "commit" in raw or raw.get("schema") == SCHEMA:
            return raw
        try:
            return upcast(raw)
        except (KeyError, TypeError, ValueError) as error:
            message = f"not a record this store can read ({error})"
            raise CorruptStore(message, path=self.path, line=number) from None

    def _record(self, line: str, number: int, upcast: Upcaster) -> Record | Commit:
        return decode(self._parsed(line, number, upcast), path=self.path, line=number)

    def records(self) -> Iterator[StreamHeader | StoredEvent]:
        heads: dict[str, _Head] = {}
        batches = _Batches(self.path)
        upcast = Upcaster()
        for number, lines in Lines(self.path):
            for offset, line in enumerate(lines):
                where = number + offset
                for at, record in batches.feed(where, self._record(line, where, upcast)):
                    _head_of(heads, record.stream).add(record, self.path, at)
                    yield record
                batches.settle()

    def read(self, stream: str, *, after: int = 0) -> Iterator[StoredEvent]:
        for record in self._stream(stream):
            if isinstance(record, StoredEvent) and record.position > after:
                yield record

    def header(self, stream: str) -> StreamHeader | None:
        for record in self._stream(stream):
            return record if isinstance(record, StreamHeader) else None
        return None

    def _stream(self, stream: str) -> Iterator[Record]:
        """One stream's committed records, each checked in its place; other streams' lines
        skipped unread."""
        prefix, closing = line_prefix(stream), commit_prefix(stream)
        head = _Head()
        batches = _Batches(self.path)
        upcast = Upcaster()
        for number, lines in Lines(self.path):
            for offset, line in enumerate(lines):
                if line.startswith(CURRENT):
                    if not line.startswith(prefix):
                        continue
                elif line.startswith(COMMIT) and not line.startswith(closing):
                    continue
                where = number + offset
                raw = self._parsed(line, where, upcast)
                if raw.get("stream", raw.get("commit")) != stream:
                    continue
                record = decode(raw, path=self.path, line=where)
                for at, done in batches.feed(where, record):
                    head.add(done, self.path, at)
                    yield done
                batches.settle()

    def events(self, stream: str, *, after: int = 0) -> Iterator[Event]:
        """The stream's events, parsed a chunk at a time (the fast path; see the codec).

        Anything unusual (a record of an older schema, damage) hands over to the
        careful reader, from the last event already given, which reads it or says
        what is wrong.
        """
        prefix = line_prefix(stream)
        fast = FastLines(prefix.__eq__)
        done = after
        for _number, lines in Lines(self.path):
            runs = parsed_runs(fast.feed(lines))
            if runs is None:
                break
            for _prefix, first, run in runs:
                skip = max(done - first + 1, 0)
                if skip < len(run):
                    yield from run[skip:] if skip else run
                    done = first + len(run) - 1
        else:
            return
        for record in self.read(stream, after=done):
            yield record.event

    def event_runs(self, *, share: int = 0, shares: int = 1) -> Iterator[tuple[str, list[Event]]]:
        """Runs of one stream's events in file order, parsed a chunk at a time."""
        names: dict[str, str] = {}
        done: dict[str, int] = {}
        keep = None
        if shares > 1:

            def keep(prefix: str) -> bool:
                return share_of(stream_name(names, prefix), shares) == share

        fast = FastLines(keep)
        for _number, lines in Lines(self.path):
            runs = parsed_runs(fast.feed(lines))
            if runs is None:
                break
            for prefix, first, events in runs:
                name = stream_name(names, prefix)
                yield name, events
                done[name] = first + len(events) - 1
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
        self._tail = None
        if size == self._offset:
            return
        try:
            self._index_from(self._offset)
        except BaseException:
            self._heads, self._offset, self._lines = {}, 0, 0  # half an index is no index
            raise

    def _index_from(self, start: int) -> None:
        """Index the committed records from byte ``start``; note what follows uncommitted."""
        upcast = Upcaster()
        batches = _Batches(self.path)
        lines = Lines(self.path, start=start, first=self._lines + 1)
        end = start
        for number, chunk in lines:
            for offset, line in enumerate(chunk):
                where = number + offset
                end += (len(line) if line.isascii() else len(line.encode())) + 1
                for at, record in batches.feed(where, found := self._record(line, where, upcast)):
                    _head_of(self._heads, record.stream).add(record, self.path, at)
                batches.settle()
                if isinstance(found, Commit):
                    self._heads[found.stream].sealed(found)
                if batches.first is None:
                    self._offset, self._lines = end, where
        first = batches.first if batches.first is not None else lines.torn
        if first is not None:
            last = lines.torn if lines.torn is not None else self._lines + len(batches.held)
            span = f"line {first}" if first == last else f"lines {first}-{last}"
            self._tail = (
                f"{span} at the end were never committed (an append interrupted, or "
                "under way): they are not part of the store, and the next append removes them"
            )

    def streams(self) -> list[str]:
        self._catch_up()
        return sorted(self._heads)

    def version(self, stream: str) -> int:
        self._catch_up()
        head = self._heads.get(stream)
        return head.version if head is not None else 0

    def seals(self) -> dict[str, Seal]:
        self._catch_up()
        return {name: head.seal for name, head in sorted(self._heads.items()) if head.seal}

    def uncommitted(self) -> str | None:
        self._catch_up()
        return self._tail

    # -- writing -------------------------------------------------------------------

    @contextlib.contextmanager
    def _appending(self, stream: str) -> Iterator[Appending]:
        with self._exclusive():
            fd = open_for_append(self.path)
            try:
                self._catch_up()
                if os.fstat(fd).st_size > self._offset:
                    # Under the lock nobody is writing: what follows the last commit is the
                    # remains of an interrupted append, never acknowledged. Roll it back.
                    cut_back(fd, self._offset)
                    self._tail = None
                yield _JsonlAppending(self, stream, fd)
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
            yield
        finally:
            os.close(lock)  # closing releases the lock

    def _written(self, records: Sequence[Pending], commit: Commit, size: int) -> None:
        """Note records this process just wrote in the index (no need to read them back)."""
        for pending in records:
            self._lines += 1
            _head_of(self._heads, pending.record.stream).add(pending.record, self.path, self._lines)
        self._lines += 1
        self._heads[commit.stream].sealed(commit)
        self._offset = size

    # -- snapshots -------------------------------------------------------------------

    def _keep_snapshot(self, snapshot: Snapshot) -> None:
        with self._exclusive():
            fd = open_for_append(self._snapshots, readable=True)
            try:
                _drop_torn_line(fd)
                write_all(fd, (snapshot.text() + "\n").encode(), self._snapshots)
            finally:
                os.close(fd)

    def _snapshot_texts(self, stream: str | None) -> Iterator[str]:
        lines = Lines(self._snapshots)
        try:
            for _number, chunk in lines:
                yield from chunk
        except CorruptStore:
            return  # a cache: an unreadable one is no cache


class _JsonlAppending(Appending):
    """One stream of a `JsonlStore` under its write lock."""

    def __init__(self, store: JsonlStore, stream: str, fd: int) -> None:
        self.store, self.stream, self.fd = store, stream, fd
        head = store._heads.get(stream, _Head())
        self.version, self.head, self.header = head.version, head.hash, head.header
        seal = head.seal
        self.seal = seal.mac if seal is not None and seal.position == head.version else ""
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
        last = records[-1].record
        seal = self.store.seal_for(self.stream, last.position, last.hash)
        commit = Commit(self.stream, last.position, len(records), last.hash, seal)
        lines = [encode(pending) for pending in records]
        data = "".join(f"{line}\n" for line in [*lines, encode_commit(commit)]).encode()
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
        self.store._written(records, commit, size + len(data))
        head = self.store._heads[self.stream]
        self.version, self.head, self.header = head.version, head.hash, head.header
        self.seal = seal


def _head_of(heads: dict[str, _Head], stream: str) -> _Head:
    head = heads.get(stream)
    if head is None:
        head = heads[stream] = _Head()
    return head


def _drop_torn_line(fd: int) -> None:
    """Cut a partial last line (a snapshot write that never finished) before appending."""
    size = os.fstat(fd).st_size
    if not size:
        return
    keep = size
    while keep > 0:
        step = min(4096, keep)
        block = os.pread(fd, step, keep - step)
        cut = block.rfind(b"\n")
        if cut >= 0:
            keep = keep - step + cut + 1
            break
        keep -= step
    if keep != size:
        os.ftruncate(fd, keep)

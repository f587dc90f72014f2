"""The event store's interface: streams of recorded events, appended with optimistic concurrency.

A store holds **streams**, one per case (keyed by the scenario's id). Each
stream is an optional **header** (the case's metadata: title, lawsuits ...)
followed by **events** at positions 1, 2, 3 ... Every record carries a unique
id, the schema version it was written in, the time it was recorded (beside the
legal date inside the event) and the hash chain (`simulator.store.chain`).

`EventStore.append` is the one way in, and its rules are the same for every
backend (they are proven by one contract test suite):

- it names the version the caller last saw (``expected_version``); if another
  writer appended since, it raises `ConcurrencyError` and writes nothing;
- events are identified by content (``chain.event_id``), so re-appending what is
  already there at that version is a no-op, not a duplicate: a retry after a
  crash, or recording the same scenario twice, changes nothing;
- the batch is written at once and counts only once whole (one write and one
  fsync ending in a commit line; one transaction);
- with a ``key``, each append seals the stream's new head (an HMAC): a sealed
  stream cannot be appended to without its key, nor with another key.

Backends implement reading and `_appending`, a view of one stream under the
store's write lock, and keep snapshot texts; `open_store` picks one from the
path's suffix.
"""

from __future__ import annotations

import abc
import contextlib
import hmac
import zlib
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

from simulator.events import Event, event_to_dict
from simulator.state import CaseState
from simulator.store.chain import canonical, seal_of, utc_now
from simulator.store.errors import StoreError
from simulator.store.records import Pending, Seal, StoredEvent, StreamHeader
from simulator.store.snapshot import Snapshot, parse_snapshot
from simulator.store.writing import (
    Draft,
    already_there,
    assign_ids,
    check_stream,
    plan,
    seal,
    stamp,
)

__all__ = [
    "Appended",
    "Appending",
    "EventStore",
    "Pending",
    "StoredEvent",
    "StreamHeader",
    "open_store",
    "share_of",
]

#: Suffixes `open_store` knows, and the backend each one selects.
SUFFIXES = {".jsonl": "jsonl", ".sqlite": "sqlite", ".db": "sqlite"}


class Appending(abc.ABC):
    """One stream as an append sees it, under the store's exclusive write lock."""

    #: the stream's name
    stream: str
    #: the stream's current version (its last position; 0 when empty)
    version: int
    #: the hash of its last record (`GENESIS` when it has none)
    head: str
    #: the id of its header, if it has one
    header: str | None
    #: the seal of its head, if it is sealed ("" if not)
    seal: str = ""

    @abc.abstractmethod
    def known(self, date: str, upto: int) -> Container[str]:
        """The ids at positions <= ``upto`` among which an event dated ``date`` may recur.

        Identical content means an identical date, so a backend may narrow the set
        to that day's events; it must never leave one out.
        """

    @abc.abstractmethod
    def ids(self, first: int, last: int) -> list[str]:
        """The ids of the events at positions ``first .. last``."""

    @abc.abstractmethod
    def write(self, records: Sequence[Pending]) -> None:
        """Write ``records`` durably and at once, or raise `StoreError` having written nothing.

        Afterwards ``version``, ``head`` and ``header`` describe the stream with them.
        """


class Appended(NamedTuple):
    """What an append did: the stream's version after it, and how many events it wrote."""

    version: int
    written: int


class EventStore(abc.ABC):
    """The interface every backend provides; see the module's docstring for the rules."""

    path: str
    #: the key that seals what this store writes and checks its seals (None: unsealed)
    key: bytes | None

    def __init__(
        self, path: str, *, clock: Callable[[], str] = utc_now, key: bytes | None = None
    ) -> None:
        self.path = path
        self._clock = clock
        self.key = key

    # -- writing ---------------------------------------------------------------

    def append(
        self,
        stream: str,
        events: Iterable[Event],
        *,
        expected_version: int,
        header: Mapping[str, Any] | None = None,
    ) -> int:
        """Append ``events`` to ``stream`` if it is still at ``expected_version``; the new version.

        Events already in the stream right after ``expected_version`` (same ids) are
        skipped, so a retried or repeated append is a no-op. ``header`` (metadata)
        can only be given with ``expected_version=0``: it creates the stream.
        Raises `ConcurrencyError` (nothing written) if another writer got there first.
        """
        done = self.append_counted(stream, events, expected_version=expected_version, header=header)
        return done.version

    def append_counted(
        self,
        stream: str,
        events: Iterable[Event],
        *,
        expected_version: int,
        header: Mapping[str, Any] | None = None,
    ) -> Appended:
        """`append`, saying also how many events this call wrote (0: all were there already).

        Only the writer that wrote them counts them: of several recording the same
        case at once, one says it wrote the events and the others that they were there.
        """
        check_stream(stream)
        batch = tuple(events)
        bodies = [event_to_dict(event) for event in batch]
        contents = [canonical(body) for body in bodies]
        if header is not None and expected_version != 0:
            raise StoreError(
                f"a header can only be written when the stream is created "
                f"(expected_version=0, not {expected_version})",
                path=self.path,
            )
        with self._appending(stream) as view:
            ids = assign_ids(stream, batch, contents, view, expected_version)
            drafts = [Draft(*row) for row in zip(batch, bodies, contents, ids, strict=True)]
            new_header, drafts = plan(stream, header, drafts, view, expected_version)
            pending = stamp(new_header, drafts, view, self._clock())
            if pending:
                self._check_seal(view)
                view.write(pending)
            return Appended(view.version, _events_in(pending))

    def _check_seal(self, view: Appending) -> None:
        """Refuse to extend a sealed stream without its key, or with another key."""
        if not view.seal:
            return
        if self.key is None:
            raise StoreError(
                f"stream {view.stream!r} is sealed: appending to it needs its key "
                "(--key-file FILE, or SIM_STORE_KEY); nothing written",
                path=self.path,
            )
        expected = seal_of(self.key, view.stream, view.version, view.head)
        if not hmac.compare_digest(view.seal, expected):
            raise StoreError(
                f"stream {view.stream!r} is not sealed with this key (another key, or "
                "tampering: `sim verify` with the key says which); nothing written",
                path=self.path,
            )

    def seal_for(self, stream: str, position: int, head: str) -> str:
        """The seal this store's key gives a head ("" without a key)."""
        return seal_of(self.key, stream, position, head) if self.key else ""

    def copy_stream(self, source: EventStore, stream: str) -> int:
        """Copy ``stream`` from ``source`` record for record (ids, times, hashes); its version.

        Records of an older schema are written in the current one and sealed (their
        hashes computed anew). A copy already here, whole or in part, is kept and
        completed; a different stream of that name raises `ConcurrencyError`.
        """
        return self.copy_counted(source, stream).version

    def copy_counted(self, source: EventStore, stream: str) -> Appended:
        """`copy_stream`, saying also how many events this call wrote."""
        check_stream(stream)
        written = 0
        with self._appending(stream) as view:
            ours = self.read(stream) if view.version else iter(())
            batch: list[Pending] = []
            for pending in seal(source.header(stream), source.read(stream), path=source.path):
                record = pending.record
                if isinstance(record, StreamHeader):
                    if view.version or view.header is not None:
                        if view.header != record.id:
                            raise already_there(self.path, stream, 0)
                        continue
                else:
                    mine = next(ours, None)
                    if mine is not None:
                        if (mine.id, mine.hash) != (record.id, record.hash):
                            raise already_there(self.path, stream, record.position)
                        continue
                batch.append(pending)
                if len(batch) >= _COPY_BATCH:
                    self._check_seal(view)
                    view.write(batch)
                    written, batch = written + _events_in(batch), []
            if next(ours, None) is not None:
                raise already_there(self.path, stream, None)
            if batch:
                self._check_seal(view)
                view.write(batch)
                written += _events_in(batch)
            return Appended(view.version, written)

    # -- reading -----------------------------------------------------------------

    @abc.abstractmethod
    def read(self, stream: str, *, after: int = 0) -> Iterator[StoredEvent]:
        """The stream's events after position ``after``, in order, read lazily."""

    def events(self, stream: str, *, after: int = 0) -> Iterator[Event]:
        """Just the events (the trusted fast path a replay uses)."""
        return (record.event for record in self.read(stream, after=after))

    @abc.abstractmethod
    def header(self, stream: str) -> StreamHeader | None:
        """The stream's header, if it was created with one."""

    @abc.abstractmethod
    def records(self) -> Iterator[StreamHeader | StoredEvent]:
        """The whole store in write order, each stream's header before its events."""

    @abc.abstractmethod
    def event_runs(self, *, share: int = 0, shares: int = 1) -> Iterator[tuple[str, list[Event]]]:
        """Every stream's events in one pass: runs of consecutive events of one stream.

        The fast path for replaying a whole store; memory stays bounded by the run size.
        With ``shares`` > 1, only the streams of share ``share`` (`share_of`), so that
        several processes can split a replay between them.
        """

    @abc.abstractmethod
    def streams(self) -> list[str]:
        """The names of the streams, sorted."""

    @abc.abstractmethod
    def version(self, stream: str) -> int:
        """The stream's last position (0 if it does not exist)."""

    @abc.abstractmethod
    def seals(self) -> dict[str, Seal]:
        """Each sealed stream's latest seal (what `verify` checks with the key)."""

    def uncommitted(self) -> str | None:
        """What an interrupted append left at the end of the store, if anything (not read)."""
        return None

    # -- snapshots ---------------------------------------------------------------

    def save_snapshot(
        self, stream: str, version: int, state: CaseState, *, head: str | None = None
    ) -> None:
        """Keep ``state`` as the state of ``stream`` after its first ``version`` events.

        ``head`` is the hash of the record at ``version``, looked up if not given.
        """
        if head is None:
            at = next(self.read(stream, after=version - 1), None) if version >= 1 else None
            head = at.hash if at is not None and at.position == version else ""
        if not head:
            raise StoreError(
                f"no snapshot at version {version}: stream {stream!r} has "
                f"{self.version(stream)} events",
                path=self.path,
            )
        snapshot = Snapshot.of(stream, version, head, state, recorded=self._clock(), key=self.key)
        self._keep_snapshot(snapshot)

    def latest_snapshot(self, stream: str) -> tuple[int, CaseState] | None:
        """The snapshot of ``stream`` with the highest version, if any is usable.

        Snapshots are a cache: one written for another shape of `CaseState`, or torn,
        or changed since it was written (its hash), or not sealed with the store's
        key, is ignored. Whether it belongs to this chain is `state_of`'s check.
        """
        found = self.usable_snapshots(stream)
        return (found[0].version, found[0].case_state()) if found else None

    def usable_snapshots(self, stream: str) -> list[Snapshot]:
        """The intact snapshots of ``stream`` of this shape, the highest version first."""
        found = [s for s in self.snapshots(stream) if s.problem(self.key) is None]
        order = sorted(enumerate(found), key=lambda pair: (-pair[1].version, -pair[0]))
        return [snapshot for _index, snapshot in order]  # of one version, the last written

    def snapshots(self, stream: str | None = None) -> list[Snapshot]:
        """Every snapshot of this shape (of ``stream``, or all), intact or not, as written."""
        found = (parse_snapshot(text) for text in self._snapshot_texts(stream))
        return [s for s in found if s is not None and (stream is None or s.stream == stream)]

    @abc.abstractmethod
    def _snapshot_texts(self, stream: str | None) -> Iterator[str]:
        """The kept snapshots' texts (of ``stream`` at least, when it is given)."""

    @abc.abstractmethod
    def _keep_snapshot(self, snapshot: Snapshot) -> None:
        """Store ``snapshot`` durably (a cache: a failure loses nothing but time)."""

    # -- lifetime ----------------------------------------------------------------

    @abc.abstractmethod
    def _appending(self, stream: str) -> contextlib.AbstractContextManager[Appending]:
        """Hold the write lock and give a fresh view of ``stream``."""

    def close(self) -> None:  # noqa: B027 (backends with nothing to release keep this)
        """Release files and connections; the store cannot be used afterwards."""

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


_COPY_BATCH = 1000


def _events_in(records: Sequence[Pending]) -> int:
    return sum(isinstance(pending.record, StoredEvent) for pending in records)


def share_of(stream: str, shares: int) -> int:
    """Which of ``shares`` parts ``stream`` falls in: the same in every process and run."""
    return zlib.crc32(stream.encode("utf-8")) % shares


def check_location(path: str, *, create: bool) -> None:
    """Refuse, in one clear line, a path that cannot be a store (before touching anything)."""
    file = Path(path)
    if file.is_dir():
        raise StoreError("is a directory, not a store", path=path)
    if file.exists():
        return
    if not create:
        raise StoreError("no such store", path=path)
    parent = file.parent
    if not parent.is_dir():
        what = "is not a directory" if parent.exists() else "does not exist"
        raise StoreError(f"cannot create the store: {parent} {what}", path=path)


def open_store(
    path: str | Path,
    *,
    create: bool = False,
    clock: Callable[[], str] = utc_now,
    key: bytes | None = None,
    readonly: bool = False,
) -> EventStore:
    """The store at ``path``, its backend chosen by the suffix: ``.jsonl``, ``.sqlite`` or ``.db``.

    ``create`` makes a missing store (the default refuses: a typo should not
    create an empty store that then replays as nothing). ``key`` seals what is
    appended and lets `verify` check the seals. ``readonly`` promises only to
    read (an SQLite store on read-only media opens).
    """
    name = str(path)
    kind = SUFFIXES.get(Path(name).suffix.lower())
    if kind is None:
        known = ", ".join(SUFFIXES)
        raise StoreError(f"unknown kind of store (the name must end in {known})", path=name)
    if kind == "jsonl":
        from simulator.store.jsonl import JsonlStore

        return JsonlStore(name, create=create, clock=clock, key=key)
    from simulator.store.sqlite import SqliteStore

    return SqliteStore(name, create=create, clock=clock, key=key, readonly=readonly)

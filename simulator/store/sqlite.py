"""The SQLite store: many streams and concurrent writers, in one database file.

Tables (``docs/store.md`` has the full schema): ``events`` (one row per event;
``UNIQUE(stream, position)`` and ``UNIQUE(stream, id)`` make a duplicate or a
gap impossible to write), ``headers`` (one per stream) and ``snapshots``. The
database runs in WAL mode, so readers never block the writer; an append is one
``BEGIN IMMEDIATE`` transaction that checks the version and inserts the batch,
and a second writer waits for the first (``busy_timeout``) and then sees its
work. A failure (a full disk) rolls the transaction back: nothing is written.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

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
from simulator.store.codec import decode, events_of
from simulator.store.errors import CorruptStore, StoreError
from simulator.store.snapshot import FINGERPRINT, state_from_data, state_to_data
from simulator.store.upcast import Upcaster

__all__ = ["SqliteStore"]

#: What the ``store`` table says about a database this module made.
FORMAT = "legal-process-simulator event store"
_BATCH = 1000
_BUSY_SECONDS = 30.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS store (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS headers (
    stream TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    schema INTEGER NOT NULL,
    recorded TEXT NOT NULL,
    header TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY,
    stream TEXT NOT NULL,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    schema INTEGER NOT NULL,
    recorded TEXT NOT NULL,
    event TEXT NOT NULL,
    prev TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (stream, position),
    UNIQUE (stream, id)
);
CREATE TABLE IF NOT EXISTS snapshots (
    stream TEXT NOT NULL,
    version INTEGER NOT NULL,
    shape TEXT NOT NULL,
    recorded TEXT NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (stream, version, shape)
);
"""
_COLUMNS = "stream, position, id, schema, recorded, event, prev, hash"
_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class SqliteStore(EventStore):
    """An event store in one SQLite database; see the module's docstring."""

    def __init__(
        self, path: str, *, create: bool = False, clock: Callable[[], str] = utc_now
    ) -> None:
        super().__init__(path, clock=clock)
        check_location(path, create=create)
        uri = f"file:{quote(str(Path(path).resolve()))}?mode={'rwc' if create else 'rw'}"
        try:
            self._db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=_BUSY_SECONDS)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open the store: {error}", path=path) from None
        with self._errors("open"):
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            if create and not self._db.execute("SELECT 1 FROM sqlite_master").fetchone():
                self._db.executescript(_SCHEMA)
                self._db.execute(
                    "INSERT OR IGNORE INTO store VALUES ('format', ?), ('schema', ?)",
                    (FORMAT, str(SCHEMA)),
                )
            row = self._db.execute("SELECT value FROM store WHERE key = 'format'").fetchone()
        if row is None or row[0] != FORMAT:
            self._db.close()
            raise StoreError("an SQLite database, but not an event store", path=path)

    @contextlib.contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """SQLite's errors as a one-line `StoreError` (not a store, a full disk, ...)."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            if "no such table" in str(error):
                message = "an SQLite database, but not an event store"
            else:
                message = f"cannot {doing} the store: {error}"
            raise StoreError(message, path=self.path) from None

    # -- reading -------------------------------------------------------------------

    def _rows(self, sql: str, *args: Any) -> Iterator[Any]:
        """The rows of a query, fetched a batch at a time (constant memory)."""
        with self._errors("read"):
            cursor = self._db.execute(sql, args)
            while rows := cursor.fetchmany(_BATCH):
                yield from rows

    def read(self, stream: str, *, after: int = 0) -> Iterator[StoredEvent]:
        expected = after + 1
        upcast = Upcaster()
        for row in self._rows(
            f"SELECT {_COLUMNS} FROM events WHERE stream = ? AND position > ? ORDER BY position",
            stream,
            after,
        ):
            record = self._decode(row, upcast)
            if record.position != expected:
                raise _gap(self.path, stream, record.position, expected)
            expected += 1
            assert isinstance(record, StoredEvent)
            yield record

    def _decode(self, row: Sequence[Any], upcast: Upcaster) -> StoredEvent | StreamHeader:
        raw = dict(zip(("stream", "position", "id", "schema", "recorded"), row, strict=False))
        raw.update(prev=row[6], hash=row[7])
        try:
            raw["event"] = json.loads(row[5])
            if raw["schema"] != SCHEMA:
                raw = upcast(raw)
        except (KeyError, TypeError, ValueError) as error:
            message = f"stream {row[0]!r}, event {row[1]}: not a record this store can read"
            raise CorruptStore(f"{message} ({error})", path=self.path) from None
        return decode(raw, path=self.path, line=None)

    def events(self, stream: str, *, after: int = 0) -> Iterator[Event]:
        """The stream's events, a batch of rows parsed by one `json.loads` (the fast path)."""
        expected = after + 1
        with self._errors("read"):
            cursor = self._db.execute(
                "SELECT position, schema, event FROM events "
                "WHERE stream = ? AND position > ? ORDER BY position",
                (stream, after),
            )
            while rows := cursor.fetchmany(_BATCH):
                last = rows[-1][0]
                if (
                    last - rows[0][0] + 1 != len(rows)
                    or rows[0][0] != expected
                    or any(row[1] != SCHEMA for row in rows)
                ):
                    break
                try:
                    events = events_of([row[2] for row in rows])
                except (KeyError, TypeError, ValueError):
                    break
                yield from events
                expected = last + 1
            else:
                return
        # A gap, an older schema or damage: the careful reader upgrades it or says what is wrong.
        for record in self.read(stream, after=expected - 1):
            yield record.event

    def event_runs(self, *, share: int = 0, shares: int = 1) -> Iterator[tuple[str, list[Event]]]:
        if shares > 1:
            # A share reads only its own streams, each along the (stream, position) index.
            for stream in self.streams():
                if share_of(stream, shares) == share:
                    events = self.events(stream)
                    while run := list(itertools.islice(events, _BATCH)):
                        yield stream, run
            return
        expected: dict[str, int] = {}
        with self._errors("read"):
            cursor = self._db.execute(
                "SELECT stream, position, schema, event FROM events ORDER BY seq"
            )
            while rows := cursor.fetchmany(_BATCH):
                start = 0
                for index in range(1, len(rows) + 1):
                    if index == len(rows) or rows[index][0] != rows[start][0]:
                        yield self._run(rows[start:index], expected)
                        start = index

    def _run(self, rows: list[Any], expected: dict[str, int]) -> tuple[str, list[Event]]:
        stream = rows[0][0]
        first = expected.get(stream, 1)
        for offset, row in enumerate(rows):
            if row[1] != first + offset:
                raise _gap(self.path, stream, row[1], first + offset)
        expected[stream] = first + len(rows)
        if all(row[2] == SCHEMA for row in rows):
            with contextlib.suppress(KeyError, TypeError, ValueError):
                return stream, events_of([row[3] for row in rows])
        # An older schema, or damage: the careful reader upgrades it or says what is wrong.
        careful = itertools.islice(self.read(stream, after=first - 1), len(rows))
        return stream, [record.event for record in careful]

    def header(self, stream: str) -> StreamHeader | None:
        with self._errors("read"):
            row = self._db.execute(
                "SELECT id, schema, recorded, header, hash FROM headers WHERE stream = ?",
                (stream,),
            ).fetchone()
        if row is None:
            return None
        raw = {"stream": stream, "position": 0, "id": row[0], "schema": row[1]}
        raw.update(recorded=row[2], prev=GENESIS, hash=row[4])
        try:
            raw["header"] = json.loads(row[3])
        except ValueError as error:
            message = f"stream {stream!r}: its header is not JSON ({error})"
            raise CorruptStore(message, path=self.path) from None
        record = decode(raw, path=self.path, line=None)
        assert isinstance(record, StreamHeader)
        return record

    def records(self) -> Iterator[StreamHeader | StoredEvent]:
        seen: set[str] = set()
        expected: dict[str, int] = {}
        upcast = Upcaster()
        for row in self._rows(f"SELECT {_COLUMNS} FROM events ORDER BY seq"):
            stream = row[0]
            if stream not in seen:
                seen.add(stream)
                header = self.header(stream)
                if header is not None:
                    yield header
            if row[1] != expected.get(stream, 1):
                raise _gap(self.path, stream, row[1], expected.get(stream, 1))
            expected[stream] = row[1] + 1
            yield self._decode(row, upcast)
        for stream in self.streams():
            header = self.header(stream)
            if stream not in seen and header is not None:
                yield header

    def streams(self) -> list[str]:
        rows = self._rows("SELECT stream FROM headers UNION SELECT stream FROM events ORDER BY 1")
        return [row[0] for row in rows]

    def version(self, stream: str) -> int:
        with self._errors("read"):
            return _version(self._db, stream)

    # -- writing -------------------------------------------------------------------

    @contextlib.contextmanager
    def _appending(self, stream: str) -> Iterator[Appending]:
        with self._errors("lock"):
            self._db.execute("BEGIN IMMEDIATE")
        try:
            yield _SqliteAppending(self, stream)
            with self._errors("write to"):
                self._db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise

    # -- snapshots -------------------------------------------------------------------

    def save_snapshot(self, stream: str, version: int, state: CaseState) -> None:
        state_text = json.dumps(state_to_data(state), ensure_ascii=False, separators=(",", ":"))
        with self._appending(stream) as view:
            if version > view.version or version < 1:
                raise StoreError(
                    f"no snapshot at version {version}: stream {stream!r} has "
                    f"{view.version} events",
                    path=self.path,
                )
            with self._errors("write to"):
                self._db.execute(
                    "INSERT OR REPLACE INTO snapshots VALUES (?, ?, ?, ?, ?)",
                    (stream, version, FINGERPRINT, self._clock(), state_text),
                )

    def latest_snapshot(self, stream: str) -> tuple[int, CaseState] | None:
        with self._errors("read"):
            row = self._db.execute(
                "SELECT version, state FROM snapshots WHERE stream = ? AND shape = ? "
                "ORDER BY version DESC LIMIT 1",
                (stream, FINGERPRINT),
            ).fetchone()
        if row is None:
            return None
        return row[0], state_from_data(json.loads(row[1]))

    def close(self) -> None:
        self._db.close()


class _Known:
    """The ids of one stream up to a position, asked of the database one at a time."""

    def __init__(self, db: sqlite3.Connection, stream: str, upto: int) -> None:
        self.db, self.stream, self.upto = db, stream, upto

    def __contains__(self, record_id: object) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM events WHERE stream = ? AND id = ? AND position <= ?",
            (self.stream, record_id, self.upto),
        ).fetchone()
        return row is not None


class _SqliteAppending(Appending):
    """One stream of a `SqliteStore` inside its ``BEGIN IMMEDIATE`` transaction."""

    def __init__(self, store: SqliteStore, stream: str) -> None:
        self.store, self.db, self.stream = store, store._db, stream
        with store._errors("read"):
            self.version = _version(self.db, stream)
            header = self.db.execute(
                "SELECT id, hash FROM headers WHERE stream = ?", (stream,)
            ).fetchone()
            last = self.db.execute(
                "SELECT hash FROM events WHERE stream = ? AND position = ?", (stream, self.version)
            ).fetchone()
        self.header = header[0] if header else None
        self.head = last[0] if last else header[1] if header else GENESIS

    def known(self, date: str, upto: int) -> _Known:
        return _Known(self.db, self.stream, upto)

    def ids(self, first: int, last: int) -> list[str]:
        rows = self.db.execute(
            "SELECT id FROM events WHERE stream = ? AND position BETWEEN ? AND ? ORDER BY position",
            (self.stream, first, last),
        )
        return [row[0] for row in rows]

    def write(self, records: Sequence[Pending]) -> None:
        events = []
        with self.store._errors("write to"):
            for record, content, _body in records:
                if isinstance(record, StreamHeader):
                    # The metadata in its own order (the hash covers its canonical form).
                    metadata = _compact(dict(record.metadata))
                    self.db.execute(
                        "INSERT INTO headers VALUES (?, ?, ?, ?, ?, ?)",
                        (record.stream, record.id, record.schema, record.recorded, metadata,
                         record.hash),
                    )  # fmt: skip
                    self.header = record.id
                else:
                    events.append(
                        (record.stream, record.position, record.id, record.schema,
                         record.recorded, content, record.prev, record.hash)
                    )  # fmt: skip
            self.db.executemany(f"INSERT INTO events ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)", events)
        if records:
            last = records[-1].record
            self.version, self.head = max(self.version, last.position), last.hash


def _version(db: sqlite3.Connection, stream: str) -> int:
    row = db.execute("SELECT max(position) FROM events WHERE stream = ?", (stream,)).fetchone()
    return int(row[0] or 0)


def _gap(path: str, stream: str, position: int, expected: int) -> CorruptStore:
    return CorruptStore(
        f"stream {stream!r} has event {position} where event {expected} belongs "
        "(rows renumbered or deleted)",
        path=path,
    )

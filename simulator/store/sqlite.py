"""The SQLite store: many streams and concurrent writers, in one database file.

Tables (``docs/store.md`` has the full schema): ``events`` (one row per event;
``UNIQUE(stream, position)`` and ``UNIQUE(stream, id)`` make a duplicate or a
gap impossible to write), ``headers`` (one per stream), ``snapshots`` and
``store`` (what the file is, its schema, and each sealed stream's seal). The
database runs in WAL mode, so readers never block the writer; an append is one
``BEGIN IMMEDIATE`` transaction that checks the version and inserts the batch,
and a second writer waits for the first (``busy_timeout``) and then sees its
work. A failure (a full disk) rolls the transaction back: nothing is written.
The schema is made in one transaction too, so a store is never half made (one
left half made by an older version, holding nothing yet, is completed).
Opened only to read, the database is opened read-only, so a store on read-only
media can be read.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

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
from simulator.store.chain import GENESIS, HASHED, SCHEMA, utc_now
from simulator.store.codec import check_spelling, decode, events_of, strict_loads
from simulator.store.errors import CorruptStore, StoreError
from simulator.store.records import Commit, Seal
from simulator.store.snapshot import FINGERPRINT, Snapshot
from simulator.store.upcast import Upcaster

__all__ = ["SqliteStore"]

#: What the ``store`` table says about a database this module made.
FORMAT = "legal-process-simulator event store"
_BATCH = 1000
_BUSY_SECONDS = 30.0
#: Rows of these schemas hold the current record layout (the fast path reads them).
_CURRENT = frozenset(range(HASHED, SCHEMA + 1))
#: The key, in the ``store`` table, of a stream's seal.
_SEAL = "seal:"

_TABLES = {
    "store": "CREATE TABLE IF NOT EXISTS store (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "headers": """CREATE TABLE IF NOT EXISTS headers (
    stream TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    schema INTEGER NOT NULL,
    recorded TEXT NOT NULL,
    header TEXT NOT NULL,
    hash TEXT NOT NULL
)""",
    "events": """CREATE TABLE IF NOT EXISTS events (
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
)""",
    "snapshots": """CREATE TABLE IF NOT EXISTS snapshots (
    stream TEXT NOT NULL,
    version INTEGER NOT NULL,
    shape TEXT NOT NULL,
    recorded TEXT NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (stream, version, shape)
)""",
}
_COLUMNS = "stream, position, id, schema, recorded, event, prev, hash"
_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class SqliteStore(EventStore):
    """An event store in one SQLite database; see the module's docstring."""

    def __init__(
        self,
        path: str,
        *,
        create: bool = False,
        clock: Callable[[], str] = utc_now,
        key: bytes | None = None,
        readonly: bool = False,
    ) -> None:
        super().__init__(path, clock=clock, key=key)
        check_location(path, create=create)
        self._readonly = readonly
        self._db = self._connect("ro" if readonly else "rwc" if create else "rw")
        try:
            self._schema = self._prepare(create)
        except BaseException:
            self._db.close()
            raise

    def _connect(self, mode: str) -> sqlite3.Connection:
        uri = f"file:{quote(str(Path(self.path).resolve()))}?mode={mode}"
        try:
            return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=_BUSY_SECONDS)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open the store: {error}", path=self.path) from None

    def _prepare(self, create: bool) -> int:
        """Make or complete the schema if this is a writer's open; the store's schema."""
        try:
            tables = _tables(self._db)
        except sqlite3.OperationalError as error:
            if not self._readonly or os.access(Path(self.path).resolve().parent, os.W_OK):
                raise StoreError(f"cannot open the store: {error}", path=self.path) from None
            # Read-only media: no -shm file can be made beside a WAL database, and none is
            # needed, since nothing can change it.
            self._db.close()
            self._db = self._connect("ro&immutable=1")
            with self._errors("open"):
                tables = _tables(self._db)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open the store: {error}", path=self.path) from None
        if not self._readonly and ((create and not tables) or _half_made(self._db, tables)):
            self._make_schema(create)
        with self._errors("open"):
            if not self._readonly:
                self._db.execute("PRAGMA synchronous = FULL")
            rows = dict(self._db.execute("SELECT key, value FROM store WHERE key IN "
                                         "('format', 'schema')").fetchall())  # fmt: skip
        if rows.get("format") != FORMAT:
            raise StoreError("an SQLite database, but not an event store", path=self.path)
        return self._checked_schema(rows.get("schema"))

    def _make_schema(self, create: bool) -> None:
        """The whole schema in one transaction: another writer sees all of it or none."""
        with self._errors("create"):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                tables = _tables(self._db)  # again, now that no other writer can be making it
                if (create and not tables) or _half_made(self._db, tables):
                    for statement in _TABLES.values():
                        self._db.execute(statement)
                    self._db.execute(
                        "INSERT OR IGNORE INTO store VALUES ('format', ?), ('schema', ?)",
                        (FORMAT, str(SCHEMA)),
                    )
                self._db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                raise
            mode = self._db.execute("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                self._db.execute("PRAGMA journal_mode = WAL")

    def _checked_schema(self, value: str | None) -> int:
        try:
            schema = int(value or "")
        except ValueError:
            schema = 0
        if schema > SCHEMA:
            raise StoreError(
                f"the store's schema is {schema}, newer than this simulator knows "
                f"({SCHEMA}): upgrade the simulator",
                path=self.path,
            )
        if schema < 1:
            raise StoreError(f"the store's schema row is damaged ({value!r})", path=self.path)
        return schema

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
        try:
            raw["event"] = _body(row[5])
            raw.update(prev=row[6], hash=row[7])
            if raw["schema"] not in _CURRENT:
                raw = upcast(raw)
        except (KeyError, TypeError, ValueError) as error:
            message = f"stream {row[0]!r}, event {row[1]}: not a record this store can read"
            raise CorruptStore(f"{message} ({error})", path=self.path) from None
        record = decode(raw, path=self.path, line=None)
        assert not isinstance(record, Commit)
        return record

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
                    or any(row[1] not in _CURRENT for row in rows)
                ):
                    break
                try:
                    events = events_of([row[2] for row in rows])
                except (AttributeError, KeyError, TypeError, ValueError):
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
        if all(row[2] in _CURRENT for row in rows):
            with contextlib.suppress(AttributeError, KeyError, TypeError, ValueError):
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
        try:
            raw.update(recorded=row[2], header=_body(row[3]), prev=GENESIS, hash=row[4])
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

    def seals(self) -> dict[str, Seal]:
        found = {}
        for name, value in self._rows(
            "SELECT key, value FROM store WHERE key >= ? AND key < ? ORDER BY key", _SEAL, "seal;"
        ):
            seal = _seal_of(value)
            if seal is not None:
                found[name[len(_SEAL) :]] = seal
        return found

    # -- writing -------------------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One ``BEGIN IMMEDIATE`` transaction: committed whole, or rolled back."""
        if self._readonly:
            raise StoreError("the store was opened only to read", path=self.path)
        with self._errors("lock"):
            self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
            with self._errors("write to"):
                self._db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise

    @contextlib.contextmanager
    def _appending(self, stream: str) -> Iterator[Appending]:
        with self._transaction():
            yield _SqliteAppending(self, stream)

    # -- snapshots -------------------------------------------------------------------

    def _keep_snapshot(self, snapshot: Snapshot) -> None:
        with self._transaction(), self._errors("write to"):
            self._db.execute(
                "INSERT OR REPLACE INTO snapshots VALUES (?, ?, ?, ?, ?)",
                (snapshot.stream, snapshot.version, FINGERPRINT, snapshot.recorded,
                 snapshot.text()),
            )  # fmt: skip

    def _snapshot_texts(self, stream: str | None) -> Iterator[str]:
        if stream is None:
            rows = self._rows("SELECT state FROM snapshots WHERE shape = ?", FINGERPRINT)
        else:
            rows = self._rows(
                "SELECT state FROM snapshots WHERE stream = ? AND shape = ?", stream, FINGERPRINT
            )
        return (row[0] for row in rows)

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
            sealed = self.db.execute(
                "SELECT value FROM store WHERE key = ?", (_SEAL + stream,)
            ).fetchone()
        self.header = header[0] if header else None
        self.head = last[0] if last else header[1] if header else GENESIS
        seal = _seal_of(sealed[0]) if sealed else None
        self.seal = seal.mac if seal is not None and seal.position == self.version else ""

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
            last = records[-1].record
            self.version, self.head = max(self.version, last.position), last.hash
            self._seal()
            if self.store._schema < SCHEMA:
                self.db.execute("UPDATE store SET value = ? WHERE key = 'schema'", (str(SCHEMA),))
                self.store._schema = SCHEMA

    def _seal(self) -> None:
        """Seal the new head with the store's key (in the same transaction as the records)."""
        self.seal = self.store.seal_for(self.stream, self.version, self.head)
        if self.seal:
            value = json.dumps({"position": self.version, "head": self.head, "seal": self.seal})
            self.db.execute(
                "INSERT OR REPLACE INTO store VALUES (?, ?)", (_SEAL + self.stream, value)
            )
        else:
            self.db.execute("DELETE FROM store WHERE key = ?", (_SEAL + self.stream,))


def _seal_of(value: str) -> Seal | None:
    try:
        raw = json.loads(value)
        return Seal(int(raw["position"]), str(raw["head"]), str(raw["seal"]))
    except (KeyError, TypeError, ValueError):
        return None


def _body(text: Any) -> Any:
    """A stored body (an event or a header), parsed strictly: as every reader reads it."""
    if not isinstance(text, str):
        raise TypeError(f"a stored body must be JSON text, not {text!r}")
    body = strict_loads(text)
    if isinstance(body, dict):
        check_spelling(text, body)
    return body


def _tables(db: sqlite3.Connection) -> set[str]:
    return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _half_made(db: sqlite3.Connection, tables: set[str]) -> bool:
    """Whether the database holds part of this schema and nothing else, with no record yet.

    Such a file can only be an interrupted creation by an older version (which
    made the tables one at a time): completing it loses nothing.
    """
    if not tables or not tables <= set(_TABLES):
        return False
    for table in ("events", "headers"):
        if table in tables and db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
            return False
    if "store" not in tables:
        return True
    rows = dict(db.execute("SELECT key, value FROM store").fetchall())
    if rows.get("format") not in (None, FORMAT):
        return False
    return tables != set(_TABLES) or "format" not in rows or "schema" not in rows


def _version(db: sqlite3.Connection, stream: str) -> int:
    row = db.execute("SELECT max(position) FROM events WHERE stream = ?", (stream,)).fetchone()
    return int(row[0] or 0)


def _gap(path: str, stream: str, position: int, expected: int) -> CorruptStore:
    return CorruptStore(
        f"stream {stream!r} has event {position} where event {expected} belongs "
        "(rows renumbered or deleted)",
        path=path,
    )

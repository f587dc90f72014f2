"""Writing a batch: the ids it gets, what is already there, and the chain it continues.

These are the rules of `EventStore.append` and `EventStore.copy_stream`, the
same for every backend: a backend only provides a view of the stream under its
write lock (`simulator.store.base.Appending`) and writes what it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from simulator.events import Event, event_to_dict
from simulator.store.chain import (
    GENESIS,
    SCHEMA,
    canonical,
    event_id,
    header_id,
    occurrences,
    record_hash,
)
from simulator.store.errors import ConcurrencyError, CorruptStore, StoreError
from simulator.store.records import Commit, Pending, StoredEvent, StreamHeader, header_hash

if TYPE_CHECKING:
    from simulator.store.base import Appending

__all__ = [
    "Draft",
    "already_there",
    "assign_ids",
    "check_stream",
    "committed",
    "conflict",
    "plan",
    "seal",
    "stamp",
]


def check_stream(stream: str) -> None:
    """Refuse a stream name that could not be written on one line or named in a message."""
    if not isinstance(stream, str) or not stream or not stream.isprintable():
        raise StoreError(f"a stream name must be printable, non-empty text, not {stream!r}")


def already_there(path: str, stream: str, position: int | None) -> ConcurrencyError:
    """The refusal of a copy into a stream that already holds something else."""
    where = f" at event {position}" if position is not None else ""
    return ConcurrencyError(
        f"stream {stream!r} already holds different records{where}; copy it to another store",
        path=path,
    )


def assign_ids(
    stream: str,
    batch: Sequence[Event],
    contents: Sequence[str],
    view: Appending,
    expected: int,
) -> list[str]:
    """The batch's ids as if it followed position ``expected``."""
    if expected < 0 or view.version < expected:
        raise conflict(stream, view.version, expected)
    counts: dict[str, int] = {}
    ids = []
    for event, content in zip(batch, contents, strict=True):
        if content not in counts:
            known = view.known(event.date.isoformat(), expected) if expected else ()
            counts[content] = occurrences(stream, content, known)
        ids.append(event_id(stream, content, counts[content]))
        counts[content] += 1
    return ids


class Draft(NamedTuple):
    """An event of a batch with what the append computed for it."""

    event: Event
    body: dict[str, Any]
    content: str
    id: str


def plan(
    stream: str,
    header: Mapping[str, Any] | None,
    drafts: list[Draft],
    view: Appending,
    expected: int,
) -> tuple[Pending | None, list[Draft]]:
    """The header to create (if any) and the events still to write, once the stream is checked.

    Events already in the stream right after ``expected`` (the same ids) are
    dropped: a retry. Anything else already there is a conflict.
    """
    created = None
    if header is not None:
        content = canonical(dict(header))
        new_id = header_id(stream, content)
        if view.header is None and view.version == 0:
            record = StreamHeader(stream, new_id, SCHEMA, "", dict(header), "")
            created = Pending(record, content)
        elif view.header != new_id:
            raise ConcurrencyError(
                f"stream {stream!r} already exists with other metadata (another case of "
                "that id?); record it into another store",
            )
    done = view.version - expected
    if done:
        overlap = min(done, len(drafts))
        known = view.ids(expected + 1, expected + overlap) if overlap else None
        if known != [draft.id for draft in drafts[:overlap]]:
            raise conflict(stream, view.version, expected)
        drafts = drafts[overlap:]
    return created, drafts


def conflict(stream: str, version: int, expected: int) -> ConcurrencyError:
    """The refusal of an append made against a version that is no longer the stream's."""
    return ConcurrencyError(
        f"stream {stream!r} is at version {version}, not {expected}: another writer "
        "appended first; read it again and retry"
    )


def stamp(
    header: Pending | None, drafts: list[Draft], view: Appending, recorded: str
) -> list[Pending]:
    """The records to write, with their positions, recorded time and hash chain."""
    out = []
    prev = view.head
    if header is not None:
        record = header.record
        assert isinstance(record, StreamHeader)
        prev = header_hash(record.stream, record.id, SCHEMA, recorded, record.metadata)
        out.append(Pending(attrs.evolve(record, recorded=recorded, hash=prev), header.content))
    position = view.version
    for event, body, content, record_id in drafts:
        position += 1
        stream = view.stream
        digest = record_hash(
            stream=stream,
            position=position,
            id=record_id,
            schema=SCHEMA,
            recorded=recorded,
            body="event",
            content=content,
            prev=prev,
        )
        stored = StoredEvent(stream, position, record_id, SCHEMA, recorded, event, prev, digest)
        out.append(Pending(stored, content, body))
        prev = digest
    return out


def seal(
    header: StreamHeader | None, records: Iterable[StoredEvent], *, path: str = ""
) -> Iterator[Pending]:
    """A stream's records ready to be written elsewhere: verbatim when current, else sealed.

    A record of an older schema is rewritten in the current one with a new hash;
    from there on every ``prev`` follows the new chain, so the copy verifies. A
    record whose chain or hash is already broken raises `CorruptStore` instead:
    sealing must never launder damage (``sim verify`` says more).
    """
    stored = new = GENESIS
    if header is not None:
        _check_sealed(header, GENESIS, path)
        content = canonical(dict(header.metadata))
        stored = header.hash
        if header.schema != SCHEMA:
            digest = header_hash(header.stream, header.id, SCHEMA, header.recorded, header.metadata)
            header = attrs.evolve(header, schema=SCHEMA, hash=digest)
        yield Pending(header, content)
        new = header.hash
    for record in records:
        _check_sealed(record, stored, path)
        stored = record.hash
        content = canonical(event_to_dict(record.event))
        if record.schema != SCHEMA or record.prev != new:
            digest = record_hash(
                stream=record.stream,
                position=record.position,
                id=record.id,
                schema=SCHEMA,
                recorded=record.recorded,
                body="event",
                content=content,
                prev=new,
            )
            record = attrs.evolve(record, schema=SCHEMA, prev=new, hash=digest)
        yield Pending(record, content)
        new = record.hash


def _check_sealed(record: StoredEvent | StreamHeader, prev: str, path: str) -> None:
    if record.prev != prev or record.computed_hash() != record.hash:
        label = "header" if isinstance(record, StreamHeader) else f"event {record.position}"
        raise CorruptStore(
            f"stream {record.stream!r}, {label}: its hash chain is broken "
            "(`sim verify` finds the first damage)",
            path=path,
        )


def committed(
    records: Iterable[Pending], *, seal: Callable[[str, int, str], str], size: int = 1000
) -> Iterator[tuple[list[Pending], Commit]]:
    """One stream's records in batches of at most ``size``, each with the commit closing it.

    ``seal(stream, position, head)`` gives each commit its seal ("" unsealed).
    """
    batch: list[Pending] = []
    for pending in records:
        batch.append(pending)
        if len(batch) == size:
            yield batch, _commit(batch, seal)
            batch = []
    if batch:
        yield batch, _commit(batch, seal)


def _commit(batch: list[Pending], seal: Callable[[str, int, str], str]) -> Commit:
    last = batch[-1].record
    mac = seal(last.stream, last.position, last.hash)
    return Commit(last.stream, last.position, len(batch), last.hash, mac)

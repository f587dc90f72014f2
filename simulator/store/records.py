"""The records a store keeps: events with their place, identity and chain, and stream headers.

A `StoredEvent` is an event as it sits in a stream: its position, its id, the
schema it was written in, when it was recorded and its links in the hash chain
(`simulator.store.chain`). A `StreamHeader` is the record at position 0 that
carries a stream's metadata. `Pending` is a record on its way to disk. A
`Commit` closes a batch in a JSON Lines log: the records before it were
written whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

import attrs

from simulator.events import Event, event_to_dict
from simulator.store.chain import GENESIS, canonical, record_hash

__all__ = ["Commit", "Pending", "Seal", "StoredEvent", "StreamHeader", "header_hash"]


@attrs.frozen(slots=True)
class StoredEvent:
    """One event as the store keeps it: where it is, who it is, when it was written, its chain."""

    stream: str
    position: int
    id: str
    schema: int
    recorded: str
    event: Event
    prev: str
    hash: str

    def computed_hash(self) -> str:
        """The hash this record's content gives now; differs from ``hash`` if it was changed."""
        return record_hash(
            stream=self.stream,
            position=self.position,
            id=self.id,
            schema=self.schema,
            recorded=self.recorded,
            body="event",
            content=canonical(event_to_dict(self.event)),
            prev=self.prev,
        )


@attrs.frozen(slots=True, eq=True, hash=False)
class StreamHeader:
    """A stream's metadata record (position 0): what a replay needs beyond the events.

    The store does not interpret ``metadata`` (any JSON object); the commands keep
    the scenario's title, summary, policy, lawsuits and outcome note there.
    """

    stream: str
    id: str
    schema: int
    recorded: str
    metadata: Mapping[str, Any]
    hash: str

    position = 0
    prev = GENESIS

    def computed_hash(self) -> str:
        """The hash this header's content gives now."""
        return header_hash(self.stream, self.id, self.schema, self.recorded, self.metadata)


def header_hash(
    stream: str, id: str, schema: int, recorded: str, metadata: Mapping[str, Any]
) -> str:
    return record_hash(
        stream=stream,
        position=0,
        id=id,
        schema=schema,
        recorded=recorded,
        body="header",
        content=canonical(metadata),
        prev=GENESIS,
    )


class Pending(NamedTuple):
    """A record about to be written, with its body's canonical JSON (and data) computed once."""

    record: StoredEvent | StreamHeader
    content: str
    #: the body as `event_to_dict` gives it, when the writer already has it
    body: Mapping[str, Any] | None = None


@attrs.frozen(slots=True)
class Commit:
    """The last line of a batch in a JSON Lines log: until it is there, the batch is not.

    It names the batch's stream, last position, number of records and the hash
    of its last record (``head``), and, in a sealed store, ``seal``: the HMAC of
    that head with the store's key (`simulator.store.chain.seal_of`).
    """

    stream: str
    position: int
    records: int
    head: str
    seal: str = ""


class Seal(NamedTuple):
    """A stream's latest seal: the version and head hash it vouches for, and the HMAC."""

    position: int
    head: str
    mac: str

"""Verification: is the log exactly what was written, in order, and lawful?

`verify` reads every record once and stops at the first that fails, saying
which (its stream and event number, and its line in a JSON Lines file) and why:

- the record cannot be read, or the file ends in a torn line;
- its position is not the one after the previous event of its stream;
- its ``prev`` is not the hash of the record before it (one was removed,
  inserted or reordered);
- its hash is not the hash of its content (it was changed after it was written);
- the law does not allow the event after the ones before it (the decider, checked).

Records of an older schema were never sealed by a hash, so they cannot show
tampering; they are counted (``legacy``) and an export seals them.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from simulator.decider import Machine
from simulator.errors import IllegalTransition
from simulator.store.base import EventStore, StoredEvent, StreamHeader
from simulator.store.chain import GENESIS, SCHEMA
from simulator.store.errors import CorruptStore, StoreError

__all__ = ["Problem", "StreamSummary", "VerifyReport", "verify"]


@attrs.frozen
class Problem:
    """The first bad record: where it is and what is wrong with it."""

    reason: str
    stream: str = ""
    number: int | None = None
    line: int | None = None

    def describe(self, path: str) -> str:
        """One line: ``path:line: stream 'x', event N: reason``."""
        where = f"{path}:{self.line}: " if self.line is not None else f"{path}: "
        if self.stream and self.number is not None:
            label = "header" if self.number == 0 else f"event {self.number}"
            where += f"stream {self.stream!r}, {label}: "
        return where + self.reason


@attrs.frozen
class StreamSummary:
    """One intact stream: how many events, and the hash at its head (write it down)."""

    stream: str
    events: int
    head: str


@attrs.frozen
class VerifyReport:
    """What `verify` found: the streams it checked and the first problem, if any."""

    path: str
    streams: tuple[StreamSummary, ...]
    legacy: int
    problem: Problem | None

    @property
    def ok(self) -> bool:
        """Whether the store is intact."""
        return self.problem is None

    @property
    def events(self) -> int:
        """How many events were checked."""
        return sum(summary.events for summary in self.streams)


@attrs.define
class _Chain:
    """One stream as far as it has been checked."""

    prev: str = GENESIS
    events: int = 0
    machine: Machine = attrs.field(factory=Machine)


def verify(store: EventStore, stream: str | None = None) -> VerifyReport:
    """Check the whole store (or one ``stream``) and report the first bad record."""
    chains: dict[str, _Chain] = {}
    legacy = 0
    problem: Problem | None = None
    try:
        for record in _records(store, stream):
            chain = chains.setdefault(record.stream, _Chain())
            legacy += record.schema < SCHEMA
            problem = _check(record, chain)
            if problem is not None:
                break
    except CorruptStore as damage:
        problem = Problem(damage.detail, line=damage.line)
    summaries = tuple(
        StreamSummary(name, chain.events, chain.prev) for name, chain in sorted(chains.items())
    )
    return VerifyReport(store.path, summaries, legacy, problem)


def _records(store: EventStore, stream: str | None) -> Iterator[StreamHeader | StoredEvent]:
    if stream is None:
        yield from store.records()
        return
    if stream not in store.streams():
        known = ", ".join(store.streams()) or "none"
        raise StoreError(f"no stream {stream!r} in the store (streams: {known})", path=store.path)
    header = store.header(stream)
    if header is not None:
        yield header
    yield from store.read(stream)


def _check(record: StreamHeader | StoredEvent, chain: _Chain) -> Problem | None:
    def bad(reason: str) -> Problem:
        return Problem(reason, record.stream, record.position)

    if isinstance(record, StreamHeader):
        if record.computed_hash() != record.hash:
            return bad("its content does not match its hash: it was changed after it was written")
        chain.prev = record.hash
        return None
    if record.position != chain.events + 1:
        return bad(f"found where event {chain.events + 1} belongs (reordered or dropped)")
    if record.prev != chain.prev:
        return bad(
            "its link to the record before it is broken: a record before it was removed, "
            "inserted, reordered or changed"
        )
    if record.computed_hash() != record.hash:
        return bad("its content does not match its hash: it was changed after it was written")
    try:
        chain.machine.run((record.event,), checked=True)
    except IllegalTransition as refusal:
        return bad(f"the law does not allow it: {refusal.reason} [{refusal.citation}]")
    chain.prev = record.hash
    chain.events += 1
    return None

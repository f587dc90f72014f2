"""Verification: is the log exactly what was written, in order, and lawful?

`verify` reads every record once and stops at the first that fails, saying
which (its stream and event number, and its line in a JSON Lines file) and why:

- the record cannot be read, or the file ends in a torn line;
- its position is not the one after the previous event of its stream;
- its ``prev`` is not the hash of the record before it (one was removed,
  inserted or reordered);
- its hash is not the hash of its content (it was changed after it was written);
- the law does not allow the event after the ones before it (the decider, checked);
- with the store's key, a stream's head is not sealed by it (`simulator.store.chain.seal_of`);
- a snapshot is torn or edited, belongs to another history, or holds a state
  that the events before it do not give (the states are compared).

Records of schema 1 were never sealed by a hash, so they cannot show
tampering; they are counted (``legacy``) and an export seals them. The
remains of an interrupted append (records after the last commit of a JSON
Lines log) are not part of the store; the report says they are there.

`checked_stream` is the same check for one stream without the law (a replay
checks the law itself): what ``sim replay`` and ``sim export`` read.
"""

from __future__ import annotations

import hmac
import itertools
from collections.abc import Iterator

import attrs
import cattrs

from simulator.decider import Machine
from simulator.errors import IllegalTransition
from simulator.events import Event
from simulator.state import CaseState
from simulator.store.base import EventStore, StoredEvent, StreamHeader
from simulator.store.chain import GENESIS, HASHED, seal_of
from simulator.store.errors import CorruptStore, StoreError
from simulator.store.snapshot import Snapshot

__all__ = ["Problem", "StreamSummary", "VerifyReport", "checked_stream", "verify"]


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
    #: how many streams carry a seal, and whether the seals were checked (a key was given)
    sealed: int = 0
    seals_checked: bool = False
    #: how many snapshots were checked against the events
    snapshots: int = 0
    #: what an interrupted append left at the end (not part of the store), if anything
    uncommitted: str | None = None

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
    snapshots = _snapshots_by_stream(store, stream)
    checked = 0
    try:
        for record in _records(store, stream):
            chain = chains.setdefault(record.stream, _Chain())
            legacy += record.schema < HASHED
            problem = _check(record, chain)
            if problem is None and isinstance(record, StoredEvent):
                found = snapshots.get(record.stream, {}).pop(record.position, [])
                if found:
                    checked += len(found)
                    problem = _check_snapshots(found, record, chain.machine.freeze(), store.key)
            if problem is not None:
                break
    except CorruptStore as damage:
        problem = Problem(damage.detail, line=damage.line)
    summaries = tuple(
        StreamSummary(name, chain.events, chain.prev) for name, chain in sorted(chains.items())
    )
    if problem is not None:
        return VerifyReport(store.path, summaries, legacy, problem)
    seals = {name: seal for name, seal in store.seals().items() if name in chains}
    problem = _stray_snapshots(snapshots) or _check_seals(store, summaries)
    return VerifyReport(
        store.path,
        summaries,
        legacy,
        problem,
        sealed=len(seals),
        seals_checked=store.key is not None,
        snapshots=checked,
        uncommitted=store.uncommitted(),
    )


def checked_stream(store: EventStore, stream: str) -> tuple[StreamHeader | None, list[Event], str]:
    """``stream``'s header, events and head hash, every link and hash checked (and, with the
    store's key, its seal); `CorruptStore` naming the first bad record.

    The law is not checked here: a replay checks it as it folds.
    """
    header = store.header(stream)
    chain = _Chain()
    events: list[Event] = []
    records: list[StreamHeader | StoredEvent] = [header] if header is not None else []
    for record in itertools.chain(records, store.read(stream)):
        problem = _link(record, chain)
        if problem is not None:
            raise CorruptStore(_with_hint(problem.describe(store.path)))
        if isinstance(record, StoredEvent):
            events.append(record.event)
            chain.events += 1
        chain.prev = record.hash
    summary = StreamSummary(stream, chain.events, chain.prev)
    problem = _check_seals(store, (summary,)) if store.key is not None else None
    if problem is not None:
        raise CorruptStore(_with_hint(problem.describe(store.path)))
    return header, events, chain.prev


def _with_hint(message: str) -> str:
    return f"{message} (`sim verify` checks the whole store)"


def _snapshots_by_stream(
    store: EventStore, stream: str | None
) -> dict[str, dict[int, list[Snapshot]]]:
    found: dict[str, dict[int, list[Snapshot]]] = {}
    for snapshot in store.snapshots(stream):
        found.setdefault(snapshot.stream, {}).setdefault(snapshot.version, []).append(snapshot)
    return found


def _check_snapshots(
    found: list[Snapshot], record: StoredEvent, state: CaseState, key: bytes | None
) -> Problem | None:
    for snapshot in found:
        reason = snapshot.problem(key)
        if reason is None and snapshot.head != record.hash:
            reason = "it belongs to another history (the record it names is not this one)"
        if reason is None and _state(snapshot) != state:
            reason = "its state is not the state the events before it give (forged?)"
        if reason is not None:
            return _snapshot_problem(snapshot, reason)
    return None


def _state(snapshot: Snapshot) -> CaseState | None:
    try:
        return snapshot.case_state()
    except (cattrs.BaseValidationError, AttributeError, KeyError, TypeError, ValueError):
        return None


def _stray_snapshots(left: dict[str, dict[int, list[Snapshot]]]) -> Problem | None:
    for versions in left.values():
        for found in versions.values():
            for snapshot in found:
                return _snapshot_problem(snapshot, "the stream has no event at that version")
    return None


def _snapshot_problem(snapshot: Snapshot, reason: str) -> Problem:
    return Problem(
        f"stream {snapshot.stream!r}, snapshot at version {snapshot.version}: {reason} "
        "(snapshots are a cache: deleting them loses nothing)"
    )


def _check_seals(store: EventStore, summaries: tuple[StreamSummary, ...]) -> Problem | None:
    key = store.key
    if key is None:
        return None
    seals = store.seals()
    for summary in summaries:
        seal = seals.get(summary.stream)
        label = f"stream {summary.stream!r}"
        if seal is None:
            return Problem(f"{label}: not sealed (written without the key, or its seal removed)")
        if (seal.position, seal.head) != (summary.events, summary.head):
            return Problem(
                f"{label}: its seal vouches for {seal.position} events, not the "
                f"{summary.events} it holds (records added without the key, or removed)"
            )
        expected = seal_of(key, summary.stream, seal.position, seal.head)
        if not hmac.compare_digest(seal.mac, expected):
            return Problem(f"{label}: its seal was not made with this key (forged, or another key)")
    return None


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


def _link(record: StreamHeader | StoredEvent, chain: _Chain) -> Problem | None:
    """What is wrong with ``record``'s place, link and hash in the chain so far, if anything."""

    def bad(reason: str) -> Problem:
        return Problem(reason, record.stream, record.position)

    if isinstance(record, StoredEvent):
        if record.position != chain.events + 1:
            return bad(f"found where event {chain.events + 1} belongs (reordered or dropped)")
        if record.prev != chain.prev:
            return bad(
                "its link to the record before it is broken: a record before it was removed, "
                "inserted, reordered or changed"
            )
    if record.computed_hash() != record.hash:
        return bad("its content does not match its hash: it was changed after it was written")
    return None


def _check(record: StreamHeader | StoredEvent, chain: _Chain) -> Problem | None:
    problem = _link(record, chain)
    if problem is not None:
        return problem
    if isinstance(record, StreamHeader):
        chain.prev = record.hash
        return None
    try:
        chain.machine.run((record.event,), checked=True)
    except IllegalTransition as refusal:
        reason = f"the law does not allow it: {refusal.reason} [{refusal.citation}]"
        return Problem(reason, record.stream, record.position)
    chain.prev = record.hash
    chain.events += 1
    return None

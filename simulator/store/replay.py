"""Replaying from a store: a stream's state from its latest snapshot plus the tail, and snapshots.

A store's events were checked against the law when they were recorded, so
these folds take the decider's unchecked fast path (`verify` is the check).
``state_of(store, s)`` equals ``replay(store.events(s))``; a property test
holds it to that. It checks what it reads: the snapshot's own hash, that the
snapshot names the stream's record at its version, and the chain from there
on (``trust=True`` skips those checks, for a store verified just before).
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import multiprocessing
from collections.abc import Iterable, Iterator

from simulator.decider import Machine
from simulator.events import Event
from simulator.state import CaseState
from simulator.store.base import EventStore, open_store
from simulator.store.chain import GENESIS
from simulator.store.errors import CorruptStore
from simulator.store.snapshot import Snapshot

__all__ = ["replay_all", "save_snapshots", "state_of"]


def state_of(
    store: EventStore,
    stream: str,
    *,
    until: int | None = None,
    snapshots: bool = True,
    trust: bool = False,
) -> CaseState:
    """The state of ``stream`` after its first ``until`` events (all of them by default)."""
    version = store.version(stream)
    stop = version if until is None else min(until, version)
    if trust:
        start, state = 0, CaseState()
        found = store.latest_snapshot(stream) if snapshots else None
        if found is not None and found[0] <= stop:
            start, state = found
        machine = Machine(state)
        tail = itertools.islice(store.events(stream, after=start), stop - start)
        machine.run(tail, checked=False)
        return machine.freeze()
    usable = store.usable_snapshots(stream) if snapshots else []
    for snapshot in (found for found in usable if found.version <= stop):
        folded = _checked_fold(store, stream, snapshot, stop)
        if folded is not None:
            return folded
    folded = _checked_fold(store, stream, None, stop)
    assert folded is not None  # without a snapshot there is nothing to disown
    return folded


def _checked_fold(
    store: EventStore, stream: str, snapshot: Snapshot | None, stop: int
) -> CaseState | None:
    """The state at ``stop`` from ``snapshot`` (or the start), the chain checked on the way;
    None if the snapshot does not belong to this chain."""
    if snapshot is None:
        header = store.header(stream)
        if header is not None and header.computed_hash() != header.hash:
            raise _broken(store, stream, 0)
        start, prev, machine = 0, header.hash if header is not None else GENESIS, Machine()
        records = store.read(stream)
    else:
        records = store.read(stream, after=snapshot.version - 1)
        first = next(records, None)
        if first is None or (first.position, first.hash) != (snapshot.version, snapshot.head):
            return None
        if first.computed_hash() != first.hash:
            raise _broken(store, stream, first.position)
        start, prev, machine = snapshot.version, first.hash, Machine(snapshot.case_state())
    for record in itertools.islice(records, stop - start):
        if record.prev != prev or record.computed_hash() != record.hash:
            raise _broken(store, stream, record.position)
        machine.run((record.event,), checked=False)
        prev = record.hash
    return machine.freeze()


def _broken(store: EventStore, stream: str, position: int) -> CorruptStore:
    label = "header" if position == 0 else f"event {position}"
    return CorruptStore(
        f"stream {stream!r}, {label}: its hash chain is broken (`sim verify` finds the first "
        "damage)",
        path=store.path,
    )


def save_snapshots(store: EventStore, stream: str, *, every: int) -> list[int]:
    """Snapshot ``stream`` at every multiple of ``every`` events not yet kept; those versions.

    The states are computed from the records read (with their hashes, which tie
    each snapshot to its place in the chain) before any is written, so no read
    is open while a writer's lock is taken.
    """
    version = store.version(stream)
    found = store.latest_snapshot(stream)
    start, state = found if found is not None and found[0] <= version else (0, CaseState())
    machine = Machine(state)
    kept: list[tuple[int, str, CaseState]] = []
    for record in store.read(stream, after=start):
        if record.position > version:
            break
        machine.run((record.event,), checked=False)
        if record.position % every == 0:
            kept.append((record.position, record.hash, machine.freeze()))
    for position, head, snapshot in kept:
        store.save_snapshot(stream, position, snapshot, head=head)
    return [position for position, _head, _state in kept]


def replay_all(store: EventStore, *, workers: int = 1) -> dict[str, CaseState]:
    """Every stream's state, in one pass over the store (constant memory per stream).

    Streams are independent, so ``workers`` > 1 splits them between that many
    processes (`share_of`), each reading the store on its own: a replay of a
    large store then uses every core.
    """
    if workers <= 1:
        return _fold(store.event_runs())
    context = multiprocessing.get_context("spawn")  # no inherited connections or locks
    with context.Pool(workers) as pool:
        parts = pool.starmap(_replay_share, [(store.path, n, workers) for n in range(workers)])
    return dict(sorted(itertools.chain.from_iterable(part.items() for part in parts)))


def _replay_share(path: str, share: int, shares: int) -> dict[str, CaseState]:
    with open_store(path) as store:
        return _fold(store.event_runs(share=share, shares=shares))


def _fold(runs: Iterable[tuple[str, list[Event]]]) -> dict[str, CaseState]:
    machines: dict[str, Machine] = {}
    with _quiet_collector():
        for stream, events in runs:
            machine = machines.get(stream)
            if machine is None:
                machine = machines[stream] = Machine()
            machine.run(events, checked=False)
    return {stream: machine.freeze() for stream, machine in sorted(machines.items())}


@contextlib.contextmanager
def _quiet_collector() -> Iterator[None]:
    """Pause the cyclic garbage collector while a whole store is folded.

    A replay makes millions of short-lived objects, none in a cycle (parsed
    events are freed by reference counting), while every stream's state stays
    alive; the collector would walk that growing state again and again (a
    tenth of the time, for a million events), and never find anything to free.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

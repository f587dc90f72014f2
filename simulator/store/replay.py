"""Replaying from a store: a stream's state from its latest snapshot plus the tail, and snapshots.

A store's events were checked against the law when they were recorded, so
these folds take the decider's unchecked fast path (`verify` is the check).
``state_of(store, s)`` equals ``replay(store.events(s))``; a property test
holds it to that.
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

__all__ = ["replay_all", "save_snapshots", "state_of"]


def state_of(
    store: EventStore, stream: str, *, until: int | None = None, snapshots: bool = True
) -> CaseState:
    """The state of ``stream`` after its first ``until`` events (all of them by default)."""
    version = store.version(stream)
    stop = version if until is None else min(until, version)
    start, state = 0, CaseState()
    found = store.latest_snapshot(stream) if snapshots else None
    if found is not None and found[0] <= stop:
        start, state = found
    machine = Machine(state)
    machine.run(itertools.islice(store.events(stream, after=start), stop - start), checked=False)
    return machine.freeze()


def save_snapshots(store: EventStore, stream: str, *, every: int) -> list[int]:
    """Snapshot ``stream`` at every multiple of ``every`` events not yet kept; those versions."""
    version = store.version(stream)
    found = store.latest_snapshot(stream)
    start, state = found if found is not None and found[0] <= version else (0, CaseState())
    machine = Machine(state)
    saved = []
    position = start
    for event in store.events(stream, after=start):
        machine.run((event,), checked=False)
        position += 1
        if position % every == 0:
            store.save_snapshot(stream, position, machine.freeze())
            saved.append(position)
        if position >= version:
            break
    return saved


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

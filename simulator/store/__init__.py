"""Event stores: a case's recorded events kept durably, replayed, verified and exported.

`open_store` picks the backend from the path (``.jsonl`` or ``.sqlite``/``.db``);
every backend implements `EventStore` and passes the same contract tests. The
file formats, ids, hash chain, snapshots and upcasting are described in
``docs/store.md``.

The names below are loaded on first use (PEP 562): ``sim`` imports this package
for its commands, and should not pay for hashing and SQLite until one runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simulator.store.base import EventStore, StoredEvent, StreamHeader, open_store
    from simulator.store.errors import ConcurrencyError, CorruptStore, StoreError, TornWrite

__all__ = [
    "ConcurrencyError",
    "CorruptStore",
    "EventStore",
    "StoreError",
    "StoredEvent",
    "StreamHeader",
    "TornWrite",
    "open_store",
]

_HOMES = {
    "ConcurrencyError": "simulator.store.errors",
    "CorruptStore": "simulator.store.errors",
    "EventStore": "simulator.store.base",
    "StoreError": "simulator.store.errors",
    "StoredEvent": "simulator.store.base",
    "StreamHeader": "simulator.store.base",
    "TornWrite": "simulator.store.errors",
    "open_store": "simulator.store.base",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'simulator.store' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)

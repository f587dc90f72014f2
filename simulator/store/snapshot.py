"""Snapshots: a case's state kept as JSON, so a long stream replays from there plus its tail.

`CaseState` goes to plain data and back through cattrs, dates as YYYY-MM-DD.
A snapshot is a cache, never the truth: it carries `FINGERPRINT`, a digest of
the state's shape (every class and field name), and a snapshot of another
shape is ignored, so changing `CaseState` can never load a stale state; the
events replay instead.
"""

from __future__ import annotations

import datetime
import hashlib
from typing import Any

import attrs
import cattrs

from simulator.state import CaseState, LawsuitState, PolicyState

__all__ = ["FINGERPRINT", "state_from_data", "state_to_data"]

_converter = cattrs.Converter()
_converter.register_unstructure_hook(datetime.date, lambda day: day.isoformat())
_converter.register_structure_hook(
    datetime.date, lambda value, _kind: datetime.date.fromisoformat(value)
)


def _shape() -> str:
    parts = []
    for kind in (CaseState, PolicyState, LawsuitState):
        fields = ",".join(f"{field.name}:{field.type}" for field in attrs.fields(kind))
        parts.append(f"{kind.__name__}({fields})")
    return hashlib.sha256(";".join(parts).encode()).hexdigest()[:16]


#: The shape of `CaseState` a snapshot was written for.
FINGERPRINT = _shape()


def state_to_data(state: CaseState) -> dict[str, Any]:
    """The state as JSON-ready data."""
    data: dict[str, Any] = _converter.unstructure(state)
    return data


def state_from_data(data: Any) -> CaseState:
    """The state back from `state_to_data`'s output (raises on anything else)."""
    return _converter.structure(data, CaseState)

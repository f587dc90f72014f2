"""Snapshots: a case's state kept as JSON, so a long stream replays from there plus its tail.

`CaseState` goes to plain data and back through cattrs, dates as YYYY-MM-DD.
A snapshot is a cache, never the truth: it carries `FINGERPRINT`, a digest of
the state's shape (every class and field name) and of the snapshot's own
format, and a snapshot of another shape is ignored, so changing `CaseState` can
never load a stale state; the events replay instead.

A snapshot is tied to the chain (`Snapshot`): it names the hash of the
stream's record at its version (``head``) and carries its own hash (and, in a
sealed store, a seal), so a torn or edited snapshot is not used, and one made
for another history is found (``sim verify`` also replays the events and
compares the states, which catches a forged state whose hash was recomputed).
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
from typing import Any

import attrs
import cattrs

from simulator.state import CaseState, LawsuitState, PolicyState
from simulator.store.chain import canonical, seal_of, sha256
from simulator.store.codec import strict_loads

__all__ = ["FINGERPRINT", "Snapshot", "parse_snapshot", "state_from_data", "state_to_data"]

_converter = cattrs.Converter()
_converter.register_unstructure_hook(datetime.date, lambda day: day.isoformat())
_converter.register_structure_hook(
    datetime.date, lambda value, _kind: datetime.date.fromisoformat(value)
)
#: Snapshots written before they were tied to the chain had no head and no hash.
_FORMAT = "snapshot with head and hash"
_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _shape() -> str:
    parts = [_FORMAT]
    for kind in (CaseState, PolicyState, LawsuitState):
        fields = ",".join(f"{field.name}:{field.type}" for field in attrs.fields(kind))
        parts.append(f"{kind.__name__}({fields})")
    return hashlib.sha256(";".join(parts).encode()).hexdigest()[:16]


#: The shape of `CaseState` (and of the snapshot record) a snapshot was written for.
FINGERPRINT = _shape()


def state_to_data(state: CaseState) -> dict[str, Any]:
    """The state as JSON-ready data."""
    data: dict[str, Any] = _converter.unstructure(state)
    return data


def state_from_data(data: Any) -> CaseState:
    """The state back from `state_to_data`'s output (raises on anything else)."""
    return _converter.structure(data, CaseState)


@attrs.frozen
class Snapshot:
    """One kept state: of ``stream`` after ``version`` events, whose last has hash ``head``."""

    stream: str
    version: int
    recorded: str
    head: str
    state: Any
    hash: str = ""
    seal: str = ""
    shape: str = FINGERPRINT

    @classmethod
    def of(
        cls,
        stream: str,
        version: int,
        head: str,
        state: CaseState,
        *,
        recorded: str,
        key: bytes | None,
    ) -> Snapshot:
        """A new snapshot, hashed, and sealed when there is a ``key``."""
        made = cls(stream, version, recorded, head, state_to_data(state))
        digest = made.computed_hash()
        seal = _seal(key, stream, version, digest) if key else ""
        return attrs.evolve(made, hash=digest, seal=seal)

    def _body(self) -> dict[str, Any]:
        return {
            "stream": self.stream,
            "version": self.version,
            "shape": self.shape,
            "recorded": self.recorded,
            "head": self.head,
            "state": self.state,
        }

    def computed_hash(self) -> str:
        """The hash of what this snapshot holds now."""
        return sha256(canonical(self._body()))

    def text(self) -> str:
        """The snapshot as one line of JSON."""
        extra = {"seal": self.seal} if self.seal else {}
        return _compact({**self._body(), "hash": self.hash, **extra})

    def problem(self, key: bytes | None) -> str | None:
        """What is wrong with it (torn, edited, not sealed with ``key``), or None."""
        if self.computed_hash() != self.hash:
            return "its content does not match its hash: it was changed after it was written"
        if key is not None:
            expected = _seal(key, self.stream, self.version, self.hash)
            if not hmac.compare_digest(self.seal, expected):
                return "it is not sealed with this key"
        return None

    def case_state(self) -> CaseState:
        """The state it holds."""
        return state_from_data(self.state)


def _seal(key: bytes, stream: str, version: int, digest: str) -> str:
    return seal_of(key, stream, version, f"snapshot {digest}")


def parse_snapshot(text: str) -> Snapshot | None:
    """The snapshot a line or row holds, or None if it is not one of this format."""
    try:
        raw = strict_loads(text)
    except ValueError:
        return None
    if not isinstance(raw, dict) or raw.get("shape") != FINGERPRINT:
        return None
    try:
        found = Snapshot(
            stream=raw["stream"],
            version=raw["version"],
            recorded=raw["recorded"],
            head=raw["head"],
            state=raw["state"],
            hash=raw["hash"],
            seal=raw.get("seal", ""),
        )
    except (KeyError, TypeError):
        return None
    if not isinstance(found.version, int) or not isinstance(found.stream, str):
        return None
    return found

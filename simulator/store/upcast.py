"""Upcasting: records written by an older schema, upgraded step by step when they are read.

A log outlives the code that wrote it, so a reader never refuses an old record:
it upgrades it, one schema at a time (``_STEPS[n]`` turns schema n into n+1),
until it has the current shape. The file itself is never rewritten on read;
``sim export --format jsonl`` writes an upgraded copy.

Schema 1 (the simulator's first log format, 2021) wrote one object per line::

    {"v": 1, "case": "wechat", "seq": 0, "kind": "header", "at": "2021-07-01T12:00:00Z",
     "meta": {...}}
    {"v": 1, "case": "wechat", "seq": 1, "kind": "order_issued", "on": "08/06/2020",
     "at": "2021-07-01T12:00:00Z", "fields": {"effective": "09/20/2020", "actor": "..."}}

that is ``case``/``seq``/``kind``/``on``/``at``/``fields`` where schema 2 says
``stream``/``position``/``type``/``date``/``recorded``/``event``, dates as
MM/DD/YYYY, and no ids or hash chain. Upgrading derives the ids and computes the
chain as the records are read (so a schema-1 record cannot show tampering: it
was never sealed; `verify` counts such records, and an export seals them).

Schema 3 (`simulator.store.chain.SCHEMA`) keeps schema 2's record exactly and
changes how a JSON Lines log holds it: records are written in batches, and a
batch counts only once the commit line after it is there (`Commit`). A schema-2
record was written alone, so it stands alone: the step from 2 to 3 changes
nothing in it.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from typing import Any

import attrs

from simulator.events import event_from_dict, event_to_dict
from simulator.store.chain import GENESIS, SCHEMA, canonical, event_id, header_id, record_hash

__all__ = ["Upcaster", "schema_of"]

Raw = dict[str, Any]


def schema_of(raw: Raw) -> int:
    """The schema a raw record was written in (schema 1 called the field ``v``)."""
    value = raw.get("schema", raw.get("v", 1))
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"the schema version must be a number, not {value!r}")
    return value


@attrs.define
class _Chain:
    """What upgrading one stream's schema-1 records remembers: the chain so far, the ids."""

    prev: str = GENESIS
    seen: Counter[str] = attrs.field(factory=Counter)


class Upcaster:
    """Upgrades raw records to the current schema; one per pass over a log (it keeps state)."""

    def __init__(self) -> None:
        self._chains: dict[str, _Chain] = {}

    def __call__(self, raw: Raw) -> Raw:
        """``raw`` in the current shape; its ``schema`` stays the one it was written in."""
        written = schema_of(raw)
        if written > SCHEMA:
            raise ValueError(
                f"schema {written} is newer than this simulator knows ({SCHEMA}): upgrade it"
            )
        for schema in range(written, SCHEMA):
            raw = _STEPS[schema](self, raw)
        return raw

    def chain(self, stream: str) -> _Chain:
        """The upgrade state of ``stream``."""
        return self._chains.setdefault(stream, _Chain())


def _us_date(value: str) -> str:
    """MM/DD/YYYY (schema 1) as YYYY-MM-DD."""
    return datetime.datetime.strptime(value, "%m/%d/%Y").date().isoformat()


def _recorded(value: str) -> str:
    """Schema 1's whole-second UTC time in the current microsecond form."""
    moment = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _one_to_two(upcaster: Upcaster, raw: Raw) -> Raw:
    stream, position = raw["case"], raw["seq"]
    chain = upcaster.chain(stream)
    recorded = _recorded(raw["at"])
    if raw["kind"] == "header":
        metadata = raw["meta"]
        content = canonical(metadata)
        record_id = header_id(stream, content)
        body = "header"
        value: Any = metadata
    else:
        fields = dict(raw.get("fields", {}))
        for name in ("effective", "expires"):
            if name in fields:
                fields[name] = _us_date(fields[name])
        # Through the event type and back: the content the current schema would write.
        event = event_to_dict(
            event_from_dict({**fields, "type": raw["kind"], "date": _us_date(raw["on"])})
        )
        content = canonical(event)
        record_id = event_id(stream, content, chain.seen[content])
        chain.seen[content] += 1
        body = "event"
        value = event
    digest = record_hash(
        stream=stream,
        position=position,
        id=record_id,
        schema=1,
        recorded=recorded,
        body=body,
        content=content,
        prev=chain.prev,
    )
    upgraded = {
        "stream": stream,
        "position": position,
        "id": record_id,
        "schema": 1,
        "recorded": recorded,
        body: value,
        "prev": chain.prev,
        "hash": digest,
    }
    chain.prev = digest
    return upgraded


def _two_to_three(_upcaster: Upcaster, raw: Raw) -> Raw:
    return raw


#: ``_STEPS[n]`` upgrades a record of schema n to schema n + 1.
_STEPS: dict[int, Callable[[Upcaster, Raw], Raw]] = {1: _one_to_two, 2: _two_to_three}

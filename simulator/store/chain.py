"""Ids and the hash chain: the canonical bytes every record's identity rests on.

Canonical JSON (sorted keys, no spaces, UTF-8 kept as is) makes the same value
give the same text on every machine, so hashes and ids are reproducible:

- an event's **content** is the canonical JSON of `event_to_dict(event)`;
- its **id** is ``sha256(stream NUL content NUL k)[:32]``, where ``k`` counts the
  events of identical content before it in the stream: the same fact recorded
  again at the same place gets the same id (so a retried append is recognised),
  and a fact that truly happens twice gets two ids;
- a record's **hash** is the SHA-256 of the canonical JSON of the record without
  its own hash; each record carries the hash of the one before it (``prev``),
  the first one `GENESIS` (or its stream header's hash), so changing, dropping
  or reordering any record breaks the chain from there on;
- a **seal** is an HMAC-SHA256 of a stream's head (`seal_of`) with a key only
  its owner holds: someone who can recompute plain hashes cannot make one.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
from collections.abc import Container
from json.encoder import encode_basestring
from typing import Any

__all__ = [
    "BATCHED",
    "GENESIS",
    "HASHED",
    "SCHEMA",
    "canonical",
    "event_id",
    "header_id",
    "occurrences",
    "record_hash",
    "seal_of",
    "sha256",
    "utc_now",
]

#: The schema version of the records this code writes (see `simulator.store.upcast`).
SCHEMA = 3
#: The first schema whose records carry a hash chain (schema 1 was never sealed).
HASHED = 2
#: The first schema whose records are written in batches that a commit record closes.
BATCHED = 3
#: The ``prev`` of a stream's first record: 64 zeros, so every line has the same shape.
GENESIS = "0" * 64

_dumps = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode
_string = encode_basestring  # a JSON string, non-ASCII kept (the C encoder)


def canonical(value: Any) -> str:
    """``json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)``."""
    return _dumps(value)


def sha256(text: str) -> str:
    """The SHA-256 of ``text`` (UTF-8), in hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def seal_of(key: bytes, stream: str, position: int, head: str) -> str:
    """The HMAC-SHA256, with ``key``, of ``stream`` at version ``position`` with hash ``head``.

    The head's hash covers every record before it (the chain), so one seal of
    the head vouches for the whole stream up to there.
    """
    message = f"{stream}\x00{position}\x00{head}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def event_id(stream: str, content: str, occurrence: int) -> str:
    """The id of the ``occurrence``-th event of this ``content`` in ``stream``."""
    return sha256(f"{stream}\x00{content}\x00{occurrence}")[:32]


def header_id(stream: str, content: str) -> str:
    """The id of a stream header whose metadata has this canonical ``content``."""
    return sha256(f"{stream}\x00{content}\x00header")[:32]


def occurrences(stream: str, content: str, known: Container[str]) -> int:
    """How many events of this ``content`` are among ``known`` ids: the next one's ``k``.

    Occurrence ``k`` exists only if ``0 .. k-1`` do, so probing in order counts them.
    """
    count = 0
    while event_id(stream, content, count) in known:
        count += 1
    return count


def record_hash(
    *,
    stream: str,
    position: int,
    id: str,
    schema: int,
    recorded: str,
    body: str,
    content: str,
    prev: str,
) -> str:
    """The SHA-256 of the canonical record without its hash.

    ``body`` is ``"event"`` or ``"header"`` and ``content`` its canonical JSON; the
    text is assembled in sorted key order, exactly what `canonical` gives for the
    whole record, without encoding the event a second time.
    """
    text = (
        f'{{"{body}":{content},"id":{_string(id)},"position":{position},'
        f'"prev":{_string(prev)},"recorded":{_string(recorded)},"schema":{schema},'
        f'"stream":{_string(stream)}}}'
    )
    return sha256(text)


def utc_now() -> str:
    """The recorded time: now, in UTC, as ``YYYY-MM-DDTHH:MM:SS.ffffffZ``."""
    now = datetime.datetime.now(datetime.UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

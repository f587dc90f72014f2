"""The event store's contract: one suite, run against every backend (JSON Lines and SQLite).

Whatever a backend does inside, it must append with optimistic concurrency,
recognise a re-appended event, chain its records by hash, keep snapshots that
replay to the same state as the full log, and stream its reads.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import random
import re
import shutil
import tempfile
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator import Scenario, replay
from simulator.events import Event, event_to_dict
from simulator.explore.walk import random_history
from simulator.store import (
    ConcurrencyError,
    EventStore,
    StoredEvent,
    StoreError,
    StreamHeader,
    open_store,
)
from simulator.store.chain import GENESIS, SCHEMA, event_id
from simulator.store.replay import replay_all, save_snapshots, state_of
from simulator.store.scenarios import metadata_of
from simulator.store.verify import verify

BACKENDS = ["jsonl", "sqlite"]
DATA = Path(__file__).parent / "data"
DAY = datetime.date(2020, 8, 6)


def _clock() -> Iterator[str]:
    """Recorded times that are easy to tell apart (and never the wall clock)."""
    moment = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    while True:
        moment += datetime.timedelta(seconds=1)
        yield moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _open(path: Path) -> EventStore:
    ticks = _clock()
    return open_store(path, create=True, clock=lambda: next(ticks))


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[EventStore]:
    with _open(tmp_path / f"store.{request.param}") as opened:
        yield opened


def briefs(count: int, *, start: int = 0, day: datetime.date = DAY) -> list[Event]:
    """A legal history: an order, a lawsuit, a motion, then ``count`` briefs on it."""
    opening = [
        Event("order_issued", day),
        Event("complaint_filed", day, case="c", united_states_party=True),
        Event("motion_filed", day, case="c", motion="preliminary_injunction"),
    ]
    later = day + datetime.timedelta(days=1)
    more = [
        Event("brief_filed", later, case="c", motion="preliminary_injunction", summary=f"b{i}")
        for i in range(start, start + count)
    ]
    return (opening if start == 0 else []) + more


def _rows(store: EventStore, stream: str) -> list[StoredEvent]:
    return list(store.read(stream))


# -- append, read, version -----------------------------------------------------------------


def test_a_new_store_is_empty(store: EventStore) -> None:
    assert store.streams() == []
    assert store.version("wechat") == 0
    assert list(store.read("wechat")) == []
    assert list(store.events("wechat")) == []
    assert store.header("wechat") is None
    assert store.latest_snapshot("wechat") is None
    assert list(store.records()) == []


def test_appended_events_read_back_in_order_with_their_header(
    store: EventStore, wechat: Scenario
) -> None:
    version = store.append("wechat", wechat.events, expected_version=0, header=metadata_of(wechat))
    assert version == store.version("wechat") == len(wechat.events)
    records = _rows(store, "wechat")
    assert [record.position for record in records] == list(range(1, version + 1))
    assert tuple(record.event for record in records) == wechat.events
    assert tuple(store.events("wechat")) == wechat.events
    header = store.header("wechat")
    assert header is not None
    assert header.metadata == metadata_of(wechat)
    assert store.streams() == ["wechat"]


def test_read_after_a_position_gives_the_tail(store: EventStore) -> None:
    events = briefs(10)
    store.append("s", events, expected_version=0)
    assert [r.position for r in store.read("s", after=7)] == list(range(8, 14))
    assert list(store.events("s", after=7)) == events[7:]
    assert list(store.events("s", after=13)) == []


def test_records_carry_an_id_the_schema_the_recorded_time_and_the_chain(
    store: EventStore, wechat: Scenario
) -> None:
    store.append("wechat", wechat.events, expected_version=0, header=metadata_of(wechat))
    header = store.header("wechat")
    assert header is not None
    records = _rows(store, "wechat")
    assert len({record.id for record in records}) == len(records)
    prev = header.hash
    for record in records:
        assert re.fullmatch(r"[0-9a-f]{32}", record.id)
        assert record.schema == SCHEMA
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", record.recorded)
        assert record.prev == prev
        assert record.hash == _sha256_of(record)
        prev = record.hash


def _sha256_of(record: StoredEvent) -> str:
    """The hash as the format defines it, computed independently of the store's code."""
    data = {
        "stream": record.stream,
        "position": record.position,
        "id": record.id,
        "schema": record.schema,
        "recorded": record.recorded,
        "event": event_to_dict(record.event),
        "prev": record.prev,
    }
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def test_a_stream_without_header_starts_its_chain_at_genesis(store: EventStore) -> None:
    store.append("s", briefs(1), expected_version=0)
    assert _rows(store, "s")[0].prev == GENESIS


def test_ids_come_from_the_stream_and_the_content(store: EventStore) -> None:
    events = briefs(2)
    store.append("s", events, expected_version=0)
    contents = [json.dumps(event_to_dict(e), sort_keys=True, separators=(",", ":")) for e in events]
    assert [r.id for r in _rows(store, "s")] == [event_id("s", c, 0) for c in contents]


# -- optimistic concurrency and idempotence ----------------------------------------------------


def test_an_append_at_a_stale_version_raises_and_writes_nothing(store: EventStore) -> None:
    store.append("s", briefs(3), expected_version=0)
    before = _rows(store, "s")
    with pytest.raises(ConcurrencyError, match="at version 6, not 0"):
        store.append("s", briefs(2, start=100), expected_version=0)
    with pytest.raises(ConcurrencyError, match="at version 6, not 9"):
        store.append("s", briefs(2, start=100), expected_version=9)
    assert _rows(store, "s") == before


def test_reappending_the_same_events_is_a_no_op(store: EventStore) -> None:
    events = briefs(5)
    assert store.append("s", events, expected_version=0) == 8
    before = _rows(store, "s")
    assert store.append("s", events, expected_version=0) == 8
    assert store.append("s", events[:3], expected_version=0) == 8
    assert _rows(store, "s") == before


def test_a_retry_that_goes_further_appends_only_what_is_new(store: EventStore) -> None:
    store.append("s", briefs(2), expected_version=0)
    before = _rows(store, "s")
    assert store.append("s", briefs(4), expected_version=0) == 7
    after = _rows(store, "s")
    assert after[:5] == before
    assert [r.event.summary for r in after[5:]] == ["b2", "b3"]


def test_the_same_fact_twice_is_two_events(store: EventStore) -> None:
    twice = briefs(1, start=7)
    store.append("s", briefs(0), expected_version=0)
    store.append("s", twice, expected_version=3)
    store.append("s", twice, expected_version=4)
    store.append("s", twice + twice, expected_version=5)
    records = _rows(store, "s")
    assert len(records) == 7
    assert len({r.id for r in records}) == 7


def test_a_header_only_comes_with_the_stream(store: EventStore, wechat: Scenario) -> None:
    metadata = metadata_of(wechat)
    store.append("wechat", wechat.events[:2], expected_version=0, header=metadata)
    with pytest.raises(StoreError, match="header can only be written"):
        store.append("wechat", wechat.events[2:3], expected_version=2, header=metadata)
    with pytest.raises(ConcurrencyError, match="other metadata"):
        store.append("wechat", wechat.events[:2], expected_version=0, header={"kind": "x"})
    assert store.version("wechat") == 2


def test_streams_are_kept_apart(store: EventStore, wechat: Scenario) -> None:
    store.append("b", briefs(2), expected_version=0)
    store.append("wechat", wechat.events[:5], expected_version=0, header=metadata_of(wechat))
    store.append("b", briefs(2, start=2), expected_version=5)
    assert store.streams() == ["b", "wechat"]
    assert store.version("b") == 7
    assert list(store.events("b")) == briefs(4)
    assert replay_all(store) == {
        "b": replay(briefs(4)),
        "wechat": replay(wechat.events[:5]),
    }
    seen: list[tuple[str, int]] = [(r.stream, r.position) for r in store.records()]
    assert sorted(seen) == sorted(
        [("b", n) for n in range(1, 8)] + [("wechat", n) for n in range(6)]
    )
    assert seen.index(("wechat", 0)) < seen.index(("wechat", 1))


def test_a_replay_of_every_stream_can_be_shared_between_processes(store: EventStore) -> None:
    for number in range(6):
        history = random_history(random.Random(number), max_steps=30, max_lawsuits=2)
        store.append(f"case-{number}", history, expected_version=0)
    alone = replay_all(store)
    assert sorted(alone) == [f"case-{number}" for number in range(6)]
    assert replay_all(store, workers=2) == alone
    shares = [dict(store.event_runs(share=n, shares=3)) for n in range(3)]
    assert sorted(name for share in shares for name in share) == sorted(alone)


def test_a_stream_name_must_be_printable_text(store: EventStore) -> None:
    for bad in ("", "a\nb"):
        with pytest.raises(StoreError, match="printable"):
            store.append(bad, briefs(1), expected_version=0)


def test_the_store_cannot_be_used_after_it_is_closed(tmp_path: Path) -> None:
    for suffix in BACKENDS:
        store = _open(tmp_path / f"closed.{suffix}")
        store.append("s", briefs(1), expected_version=0)
        store.close()
        with open_store(tmp_path / f"closed.{suffix}") as again:
            assert again.version("s") == 4


def test_open_store_knows_the_backends_by_suffix(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"unknown kind of store .*\.jsonl, \.sqlite, \.db"):
        open_store(tmp_path / "store.txt", create=True)
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "missing.jsonl")
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "missing.db")


def test_a_sqlite_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StoreError, match="not an event store"):
        open_store(path)


# -- snapshots -------------------------------------------------------------------------------


def test_the_latest_snapshot_is_kept_and_returned(store: EventStore) -> None:
    events = briefs(20)
    store.append("s", events, expected_version=0)
    store.save_snapshot("s", 5, replay(events[:5]))
    store.save_snapshot("s", 12, replay(events[:12]))
    assert store.latest_snapshot("s") == (12, replay(events[:12]))
    assert store.latest_snapshot("other") is None
    with pytest.raises(StoreError, match="no snapshot at version 99"):
        store.save_snapshot("s", 99, replay(events))


def test_snapshots_are_saved_every_n_events(store: EventStore) -> None:
    events = briefs(30)
    store.append("s", events, expected_version=0)
    assert save_snapshots(store, "s", every=10) == [10, 20, 30]
    assert save_snapshots(store, "s", every=10) == []
    assert store.latest_snapshot("s") == (30, replay(events[:30]))


@given(seed=st.integers(0, 2**32 - 1), cut=st.integers(0, 40), backend=st.sampled_from(BACKENDS))
def test_snapshot_plus_tail_replays_to_the_full_replay(seed: int, cut: int, backend: str) -> None:
    history = random_history(random.Random(seed), max_steps=40, max_lawsuits=2)
    cut = min(cut, len(history))
    with tempfile.TemporaryDirectory() as folder, _open(Path(folder) / f"s.{backend}") as store:
        store.append("case", history[:cut], expected_version=0)
        if cut:
            store.save_snapshot("case", cut, state_of(store, "case", snapshots=False))
        store.append("case", history[cut:], expected_version=cut)
        full = replay(history)
        assert state_of(store, "case") == full
        assert replay(store.events("case")) == full
        for until in {0, cut // 2, cut, len(history)}:
            assert state_of(store, "case", until=until) == replay(history[:until])


# -- streaming -------------------------------------------------------------------------------


def _peak(work: object) -> int:
    tracemalloc.start()
    try:
        assert callable(work)
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_reads_stream_in_constant_memory(store: EventStore) -> None:
    count = 0
    for batch in range(6):
        events = briefs(1500, start=batch * 1500)
        count = store.append("s", events, expected_version=count)

    def walk() -> None:
        for _event in store.events("s"):
            pass

    def hold() -> None:
        assert len(list(store.events("s"))) == count

    streamed, held = _peak(walk), _peak(hold)
    assert streamed < held / 2, (streamed, held)
    first = next(store.read("s"))
    assert first.position == 1


# -- upcasting -------------------------------------------------------------------------------


def test_a_schema_1_log_reads_upgraded_and_replays(wechat: Scenario) -> None:
    with open_store(DATA / "store_v1.jsonl") as old:
        records = list(old.read("wechat"))
        assert {record.schema for record in records} == {1}
        assert tuple(record.event for record in records) == wechat.events
        assert tuple(old.events("wechat")) == wechat.events
        header = old.header("wechat")
        assert isinstance(header, StreamHeader)
        assert header.metadata == metadata_of(wechat)
        assert replay(old.events("wechat")) == replay(wechat.events)
        assert [r.recorded for r in records][:1] == ["2021-07-01T12:00:00.000000Z"]
        report = verify(old)
        assert report.ok
        assert report.legacy == len(records) + 1


@pytest.mark.parametrize("backend", BACKENDS)
def test_copying_a_schema_1_log_seals_it(tmp_path: Path, backend: str, wechat: Scenario) -> None:
    with open_store(DATA / "store_v1.jsonl") as old, _open(tmp_path / f"new.{backend}") as new:
        assert new.copy_stream(old, "wechat") == len(wechat.events)
        assert new.copy_stream(old, "wechat") == len(wechat.events)
        assert {r.schema for r in new.read("wechat")} == {SCHEMA}
        assert [r.id for r in new.read("wechat")] == [r.id for r in old.read("wechat")]
        report = verify(new)
        assert report.ok
        assert report.legacy == 0
        assert new.append("wechat", wechat.events, expected_version=0) == len(wechat.events)


def test_appending_to_a_schema_1_log_continues_its_chain(tmp_path: Path, wechat: Scenario) -> None:
    path = tmp_path / "old.jsonl"
    shutil.copy(DATA / "store_v1.jsonl", path)
    with _open(path) as store:
        more = Event("case_dismissed", datetime.date(2021, 9, 1), case="wechat", disposition="moot")
        store.append("wechat", [more], expected_version=len(wechat.events))
        assert list(store.events("wechat")) == [*wechat.events, more]
        assert verify(store).ok

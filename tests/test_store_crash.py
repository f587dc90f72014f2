"""A batch is one commit: after a crash at any point a reader sees all of it or none of it.

A JSON Lines log is cut at every byte of its last batch (every state a crash
can leave on disk, short of a filesystem that reorders a single write), and
real writers are killed with SIGKILL at random moments (a seeded generator).
Each time `verify`, the readers and a new append must agree, and nothing that
an append had acknowledged may be lost.
"""

from __future__ import annotations

import datetime
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from simulator.events import Event
from simulator.store import open_store
from simulator.store.verify import verify

ROOT = Path(__file__).resolve().parent.parent
DAY = datetime.date(2020, 8, 6)
#: Writers killed per backend: a few in CI, hundreds in the nightly profile (docs/testing.md).
KILLS = 300 if os.environ.get("HYPOTHESIS_PROFILE") == "nightly" else 5


def _events(count: int) -> list[Event]:
    later = DAY + datetime.timedelta(days=1)
    return [
        Event("order_issued", DAY),
        Event("complaint_filed", DAY, case="c", united_states_party=True),
        Event("motion_filed", DAY, case="c", motion="preliminary_injunction"),
    ] + [
        Event("brief_filed", later, case="c", motion="preliminary_injunction", summary=f"b{i}")
        for i in range(count - 3)
    ]


def _agree(path: Path, acknowledged: int, total: int, *, append: bool = True) -> int:
    """Check that every reader sees the same whole batches, then append the rest; the count seen."""
    events = _events(total)
    with open_store(path) as store:
        fast = list(store.events("s"))
        careful = [record.event for record in store.read("s")]
        report = verify(store)
        assert report.ok, report.problem
        seen = store.version("s")
        assert fast == careful == events[:seen]
        assert report.events == seen
        assert seen >= acknowledged, "an acknowledged batch was lost"
        if not append:
            return seen
        assert store.append("s", events[seen:], expected_version=seen) == total
    with open_store(path) as store:
        assert list(store.events("s")) == events
        report = verify(store)
        assert report.ok
        assert report.uncommitted is None
    return seen


def test_a_log_cut_at_any_byte_of_its_last_batch_holds_all_of_it_or_none(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    with open_store(path, create=True) as store:
        store.append("s", _events(4), expected_version=0)
        before = path.stat().st_size
        store.append("s", _events(6)[4:], expected_version=4)
    whole = path.read_bytes()
    seen = set()
    for cut in range(before, len(whole) + 1):
        path.write_bytes(whole[:cut])
        # Every cut is read; a sample of them (fsyncs are slow) is appended to as well.
        seen.add(_agree(path, 4, 9, append=cut % 16 == 0 or cut in (before, len(whole))))
    assert seen == {4, 6}, "whole batches only: the first one, or both"


def test_a_torn_batch_in_sqlite_is_rolled_back(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with open_store(path, create=True) as store:
        store.append("s", _events(4), expected_version=0)
        connection = store._db  # type: ignore[attr-defined]
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO events (stream, position, id, schema, recorded, event, prev, hash) "
            "VALUES ('s', 5, 'x', 3, 'r', '{}', 'p', 'h')"
        )
    # Closed without COMMIT, as a killed writer's transaction ends.
    assert _agree(path, 4, 9) == 4


# The writer the next test kills: appends batches of 40, printing each version once the
# append has returned (acknowledged); some batches stall half-written, as on a slow disk.
WRITER = textwrap.dedent(
    """
    import datetime, os, sys, time
    from simulator.events import Event
    from simulator.store import open_store

    path = sys.argv[1]
    day = datetime.date(2020, 8, 6)
    later = day + datetime.timedelta(days=1)
    events = [
        Event("order_issued", day),
        Event("complaint_filed", day, case="c", united_states_party=True),
        Event("motion_filed", day, case="c", motion="preliminary_injunction"),
    ] + [Event("brief_filed", later, case="c", motion="preliminary_injunction", summary=f"b{i}")
         for i in range(1200)]
    real_write = os.write
    calls = [0]
    def slow_write(fd, data):
        calls[0] += 1
        if calls[0] % 3 == 0 and len(data) > 2000:
            written = real_write(fd, data[: len(data) // 2])
            time.sleep(0.05)
            return written
        return real_write(fd, data)
    os.write = slow_write
    store = open_store(path, create=True)
    version = store.version("s")
    while True:
        version = store.append("s", events[version:version + 40], expected_version=version)
        print(version, flush=True)
    """
)


@pytest.mark.parametrize("backend", ["jsonl", "sqlite"])
def test_writers_killed_at_random_moments_lose_nothing_acknowledged(
    tmp_path: Path, backend: str
) -> None:
    rng = random.Random(16)
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    path = tmp_path / f"s.{backend}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    acknowledged = 0
    for _kill in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, str(script), str(path)], env=env, stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout is not None
        first = writer.stdout.readline()  # it has begun: the kill lands among appends
        assert first, "the writer died on its own"
        time.sleep(rng.uniform(0.0, 0.15))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
        acknowledged = max([acknowledged, *(int(line) for line in [first, *out.split()])])
        with open_store(path) as store:
            seen = list(store.events("s"))
            report = verify(store)
            assert report.ok, report.problem
            assert len(seen) >= acknowledged, "an acknowledged append was lost"
            assert len(seen) % 40 == 0 or len(seen) == 1203, "whole batches only"
            assert seen == _events(len(seen))

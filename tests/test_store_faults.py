"""Faults, for real: a writer killed mid-append, two writers at once, a full disk, an
unwritable path, and a log tampered with after it was written.

Every fault must leave a store whose complete events all replay, with the damage
reported (never silently extended or dropped), and the existing log intact.
"""

from __future__ import annotations

import datetime
import errno
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from multiprocessing.synchronize import Barrier
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from simulator import Scenario, replay
from simulator.events import Event
from simulator.store import (
    ConcurrencyError,
    EventStore,
    StoredEvent,
    StoreError,
    StreamHeader,
    TornWrite,
    open_store,
)
from simulator.store.commands import verify as verify_command
from simulator.store.scenarios import metadata_of
from simulator.store.verify import verify

BACKENDS = ["jsonl", "sqlite"]
ROOT = Path(__file__).resolve().parent.parent
DAY = datetime.date(2020, 8, 6)

# The writer a test kills: it appends a first batch, then a long one (JSON Lines: its
# os.write stalls after part of the batch, as a slow disk would, so the kill lands
# mid-write) or many more (SQLite: each a transaction), touching FLAG when it has begun.
WRITER = textwrap.dedent(
    """
    import datetime, os, sys, time
    from simulator.events import Event
    from simulator.store import open_store

    path, flag, mode = sys.argv[1:4]
    day = datetime.date(2020, 8, 6)
    opening = [
        Event("order_issued", day),
        Event("complaint_filed", day, case="c", united_states_party=True),
        Event("motion_filed", day, case="c", motion="preliminary_injunction"),
    ]
    def briefs(start, count):
        later = day + datetime.timedelta(days=1)
        return [Event("brief_filed", later, case="c", motion="preliminary_injunction",
                      summary=f"brief {i}") for i in range(start, start + count)]
    real_write = os.write
    def stalling_write(fd, data):
        if len(data) > 50_000:
            written = real_write(fd, data[:20_000])
            open(flag, "w").close()
            time.sleep(60)
            return written
        return real_write(fd, data)
    if mode == "stall":
        os.write = stalling_write
    store = open_store(path, create=True)
    version = store.append("s", opening + briefs(0, 47), expected_version=0)
    if mode == "stall":
        store.append("s", briefs(47, 3000), expected_version=version)
    open(flag, "w").close()
    while True:
        version = store.append("s", briefs(version - 3, 500), expected_version=version)
    """
)


def _history(count: int) -> list[Event]:
    """What the writer appends: an opening, then briefs numbered from 0."""
    later = DAY + datetime.timedelta(days=1)
    return [
        Event("order_issued", DAY),
        Event("complaint_filed", DAY, case="c", united_states_party=True),
        Event("motion_filed", DAY, case="c", motion="preliminary_injunction"),
    ] + [
        Event("brief_filed", later, case="c", motion="preliminary_injunction", summary=f"brief {i}")
        for i in range(count - 3)
    ]


def _kill_writer(tmp_path: Path, store: Path, mode: str, linger: float) -> None:
    """Run the writer until it has begun its long append, wait ``linger`` s, SIGKILL it."""
    script, flag = tmp_path / "writer.py", tmp_path / "begun"
    script.write_text(WRITER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writer = subprocess.Popen([sys.executable, str(script), str(store), str(flag), mode], env=env)
    try:
        deadline = time.monotonic() + 60
        while not flag.exists():
            assert writer.poll() is None, "the writer died on its own"
            assert time.monotonic() < deadline, "the writer never began"
            time.sleep(0.01)
        time.sleep(linger)
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    assert writer.returncode == -signal.SIGKILL


def _complete_events(store: EventStore, stream: str = "s") -> tuple[list[Event], TornWrite | None]:
    """The events a damaged stream still gives, and the torn line that stopped them."""
    events: list[Event] = []
    try:
        for event in store.events(stream):
            events.append(event)
    except TornWrite as torn:
        return events, torn
    return events, None


def test_a_writer_killed_mid_append_leaves_none_of_its_batch_and_the_next_append_rolls_it_back(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.jsonl"
    _kill_writer(tmp_path, path, "stall", linger=0.05)
    lines = path.read_bytes().split(b"\n")
    assert lines[-1], "the kill should have left a partial last line"
    with open_store(path) as store:
        events, torn = _complete_events(store)
        assert torn is None
        assert len(events) == 50, "the first batch whole, nothing of the interrupted one"
        assert events == _history(50)
        assert [record.event for record in store.read("s")] == events
        report = verify(store)
        assert report.ok, report.problem
        assert report.uncommitted is not None
        assert report.uncommitted.startswith(
            f"lines 52-{len(lines)} at the end were never committed"
        )
        assert path.read_bytes().split(b"\n") == lines, "reading changed nothing"
        assert store.append("s", _history(51)[-1:], expected_version=50) == 51
    with open_store(path) as store:
        assert list(store.events("s")) == _history(51)
        assert verify(store).ok
        assert verify(store).uncommitted is None


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_writer_killed_at_any_moment_leaves_a_store_that_replays(
    tmp_path: Path, backend: str
) -> None:
    path = tmp_path / f"store.{backend}"
    _kill_writer(tmp_path, path, "run", linger=0.3)
    with open_store(path) as store:
        events, torn = _complete_events(store)
        assert len(events) >= 50
        assert events == _history(len(events))
        assert replay(events) == replay(_history(len(events)))
        report = verify(store)
        if torn is None:
            assert report.ok, report.problem
            assert backend == "jsonl" or (len(events) - 50) % 500 == 0  # whole transactions
        else:
            assert report.problem is not None
            assert report.problem.line == torn.line


# -- two writers at once ------------------------------------------------------------------


def _contend(
    path: str, name: str, rounds: int, barrier: Barrier, out: multiprocessing.Queue[object]
) -> None:
    """Each round: read the version, wait for the rival, append; on a conflict, read and retry."""
    later = DAY + datetime.timedelta(days=2)
    conflicts = 0
    with open_store(path) as store:
        for round_ in range(rounds):
            version = store.version("s")
            barrier.wait()
            event = Event("brief_filed", later, case="c", motion="preliminary_injunction",
                          summary=f"{name} {round_}")  # fmt: skip
            while True:
                try:
                    store.append("s", [event], expected_version=version)
                    break
                except ConcurrencyError:
                    conflicts += 1
                    version = store.version("s")
            barrier.wait()
    out.put((name, conflicts))


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_writers_at_once_lose_nothing_and_duplicate_nothing(
    tmp_path: Path, backend: str
) -> None:
    path = tmp_path / f"store.{backend}"
    with open_store(path, create=True) as store:
        store.append("s", _history(3), expected_version=0)
    rounds = 15
    context = multiprocessing.get_context("fork")
    barrier, out = context.Barrier(2, timeout=60), context.Queue()
    writers = [
        context.Process(target=_contend, args=(str(path), name, rounds, barrier, out))
        for name in ("alice", "bob")
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(90)
        assert writer.exitcode == 0
    conflicts = dict(out.get(timeout=5) for _ in writers)
    assert sum(conflicts.values()) == rounds, "each round, exactly one writer had to retry"
    with open_store(path) as store:
        summaries = [event.summary for event in store.events("s")][3:]
        expected = {f"{name} {n}" for name in ("alice", "bob") for n in range(rounds)}
        assert sorted(summaries) == sorted(expected)
        assert verify(store).ok


# -- unwritable paths and a full disk ---------------------------------------------------------


@pytest.fixture(params=BACKENDS)
def recorded(request: pytest.FixtureRequest, tmp_path: Path, wechat: Scenario) -> Path:
    """A store holding the WeChat case."""
    path = tmp_path / f"store.{request.param}"
    with open_store(path, create=True) as store:
        store.append("wechat", wechat.events, expected_version=0, header=metadata_of(wechat))
    return path


def _contents(path: Path) -> tuple[bytes, list[StreamHeader | StoredEvent]]:
    with open_store(path) as store:
        records = [*store.records()]
    return (path.read_bytes() if path.suffix == ".jsonl" else b""), records


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_path_that_cannot_be_created_is_one_clear_error(tmp_path: Path, backend: str) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory\n")
    with pytest.raises(StoreError, match=r"cannot create the store: .*a-file is not a directory"):
        open_store(blocker / f"store.{backend}", create=True)
    with pytest.raises(StoreError, match="is a directory, not a store"):
        open_store(_folder(tmp_path, backend))


def _folder(tmp_path: Path, backend: str) -> Path:
    folder = tmp_path / f"folder.{backend}"
    folder.mkdir()
    return folder


def test_an_unwritable_lock_leaves_the_log_intact(tmp_path: Path, wechat: Scenario) -> None:
    path = tmp_path / "store.jsonl"
    with open_store(path, create=True) as store:
        store.append("wechat", wechat.events[:5], expected_version=0)
    before = path.read_bytes()
    (tmp_path / "store.jsonl.lock").unlink()
    (tmp_path / "store.jsonl.lock").mkdir()  # root can write anywhere, but not open a folder
    with open_store(path) as store, pytest.raises(StoreError, match="cannot lock the store"):
        store.append("wechat", wechat.events[5:], expected_version=5)
    assert path.read_bytes() == before


def _half_then_full(real: object) -> object:
    calls = []

    def write(fd: int, data: bytes) -> int:
        calls.append(len(data))
        if len(calls) == 1:
            return real(fd, data[: len(data) // 2])  # type: ignore[operator,no-any-return]
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return write


@pytest.mark.parametrize("failing", ["write", "fsync"])
def test_a_full_disk_leaves_the_json_lines_log_intact_byte_for_byte(
    tmp_path: Path, wechat: Scenario, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "store.jsonl"
    with open_store(path, create=True) as store:
        store.append("wechat", wechat.events[:5], expected_version=0)
    before = path.read_bytes()
    with open_store(path) as store:
        with monkeypatch.context() as patch:
            if failing == "write":
                patch.setattr(os, "write", _half_then_full(os.write))
            else:
                full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                patch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(full))
            with pytest.raises(StoreError, match="No space left on device; the log is unchanged"):
                store.append("wechat", wechat.events[5:], expected_version=5)
        assert path.read_bytes() == before
        assert store.append("wechat", wechat.events[5:], expected_version=5) == 26
        assert verify(store).ok


def test_a_full_disk_leaves_the_sqlite_store_intact(tmp_path: Path, wechat: Scenario) -> None:
    path = tmp_path / "store.sqlite"
    with open_store(path, create=True) as store:
        store.append("wechat", wechat.events[:5], expected_version=0)
    before = _contents(path)
    with open_store(path) as store:
        # SQLite's own way to run out of room: no page beyond those in use.
        connection: sqlite3.Connection = store._db  # type: ignore[attr-defined]
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")
        many = _history(3000)[3:]
        with pytest.raises(StoreError, match="database or disk is full"):
            store.append("wechat", many, expected_version=5)
    assert _contents(path) == before
    with open_store(path) as store:
        assert verify(store).ok


# -- tampering ------------------------------------------------------------------------------------


def _verify_group() -> click.Group:
    @click.group()
    def cli() -> None:
        """A test-local ``sim`` with the store's verify command."""

    cli.add_command(verify_command)
    return cli


def _runner_verify(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(_verify_group(), ["verify", str(path)])
    return result.exit_code, result.stderr


def _edit_line(path: Path, number: int, old: bytes, new: bytes) -> None:
    lines = path.read_bytes().split(b"\n")
    assert old in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_bytes(b"\n".join(lines))


def _sql(path: Path, statement: str) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(statement)
    connection.close()


def test_a_changed_byte_is_found_and_named_by_its_event_number(recorded: Path) -> None:
    if recorded.suffix == ".jsonl":
        _edit_line(recorded, 6, b'"summary":"T', b'"summary":"t')  # the header, then event 5
    else:
        _sql(recorded, """UPDATE events SET event = replace(event, '"summary":"T', '"summary":"t')
                          WHERE position = 5""")  # fmt: skip
    with open_store(recorded) as store:
        report = verify(store)
    assert report.problem is not None
    assert (report.problem.stream, report.problem.number) == ("wechat", 5)
    assert "changed after it was written" in report.problem.reason
    code, stderr = _runner_verify(recorded)
    assert code == 1
    assert "stream 'wechat', event 5: its content does not match its hash" in stderr
    assert stderr.count("\n") == 1


def test_a_changed_hash_breaks_the_chain_at_that_event(recorded: Path) -> None:
    with open_store(recorded) as store:
        digest = next(r.hash for r in store.read("wechat") if r.position == 9)
    if recorded.suffix == ".jsonl":
        _edit_line(recorded, 10, f'"hash":"{digest}"'.encode(), b'"hash":"' + b"f" * 64 + b'"')
    else:
        _sql(recorded, f"UPDATE events SET hash = '{'f' * 64}' WHERE position = 9")
    code, stderr = _runner_verify(recorded)
    assert code == 1
    assert "event 9: its content does not match its hash" in stderr


@pytest.mark.parametrize("damage", ["swap", "drop"])
def test_reordered_or_dropped_events_are_found(recorded: Path, damage: str) -> None:
    if recorded.suffix == ".jsonl":
        lines = recorded.read_bytes().split(b"\n")
        if damage == "swap":
            lines[5], lines[6] = lines[6], lines[5]  # events 5 and 6
        else:
            del lines[5]
        recorded.write_bytes(b"\n".join(lines))
    elif damage == "swap":
        _sql(recorded, "UPDATE events SET position = -position WHERE position IN (5, 6)")
        _sql(recorded, "UPDATE events SET position = 11 + position WHERE position < 0")
    else:
        _sql(recorded, "DELETE FROM events WHERE position = 5")
    code, stderr = _runner_verify(recorded)
    assert code == 1
    assert "event 5" in stderr or "event 6 where event 5 belongs" in stderr, stderr
    assert stderr.count("\n") == 1


def test_a_torn_last_line_is_reported_by_verify(tmp_path: Path, wechat: Scenario) -> None:
    path = tmp_path / "store.jsonl"
    with open_store(path, create=True) as store:
        store.append("wechat", wechat.events, expected_version=0)
    with path.open("ab") as file:
        file.write(b'{"stream":"wechat","position":27,"id":"0f')
    result = CliRunner().invoke(_verify_group(), ["verify", str(path)])
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "  line 28 at the end were never committed (an append interrupted, or under way): "
        "they are not part of the store, and the next append removes them\n"
    )
    with open_store(path) as store:
        complete, torn = _complete_events(store, "wechat")
    assert torn is None
    assert tuple(complete) == wechat.events

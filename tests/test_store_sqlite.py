"""SQLite done right: concurrent creators and writers, a full disk, a schema it does not know,
a half-made schema, read-only opening, and messages that say what was committed.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from simulator import Scenario
from simulator.store import StoreError, open_store
from simulator.store.commands import record
from simulator.store.verify import verify

ROOT = Path(__file__).resolve().parent.parent

# Four of these at once, each recording the WeChat case and a case of its own into one store
# that none of them has yet created.
RECORDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from simulator.cli import main

    store, wechat, mine = sys.argv[1:4]
    text = Path(wechat).read_text(encoding="utf-8")
    Path(mine).write_text(text.replace("id: wechat\\n", f"id: {Path(mine).stem}\\n", 1))
    for scenario in (wechat, mine):
        try:
            main(["record", scenario, "--store", store], standalone_mode=False)
        except SystemExit as stop:
            if stop.code:
                raise
    """
)


@pytest.mark.parametrize("backend", ["sqlite", "jsonl"])
def test_four_writers_at_once_create_append_and_tell_the_truth(
    tmp_path: Path, wechat_path: Path, wechat: Scenario, backend: str
) -> None:
    script = tmp_path / "recorder.py"
    script.write_text(RECORDER, encoding="utf-8")
    store = tmp_path / f"cases.{backend}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                str(script),
                str(store),
                str(wechat_path),
                str(tmp_path / f"c{n}.yaml"),
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    outputs = [writer.communicate(timeout=120) for writer in writers]
    for writer, (_out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert "Traceback" not in err
    said = "".join(out for out, _err in outputs)
    assert said.count("wechat: 26 events recorded") == 1, said
    assert said.count("wechat: already recorded") == 3, said
    for n in range(4):
        assert said.count(f"c{n}: 26 events recorded") == 1, said
    with open_store(store) as opened:
        assert opened.streams() == ["c0", "c1", "c2", "c3", "wechat"]
        assert tuple(opened.events("wechat")) == wechat.events
        assert verify(opened).ok


def _sim(*args: object) -> tuple[int, str, str]:
    @click.group()
    def cli() -> None:
        """A test-local ``sim`` with ``record``."""

    cli.add_command(record)
    result = CliRunner().invoke(cli, [str(arg) for arg in args])
    return result.exit_code, result.stdout, result.stderr


def test_a_failed_snapshot_after_a_committed_append_says_the_events_are_recorded(
    tmp_path: Path, wechat_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import simulator.store.replay as replay_module

    def locked(*_args: object, **_kwargs: object) -> list[int]:
        raise StoreError("cannot lock the store: database is locked", path="x")

    monkeypatch.setattr(replay_module, "save_snapshots", locked)
    store = tmp_path / "s.sqlite"
    code, out, err = _sim("record", wechat_path, "--store", store, "--snapshot-every", "5")
    assert code == 0
    assert out == f"wechat: 26 events recorded in {store} (version 26)\n"
    assert err.startswith("sim: warning: the events are recorded, but no snapshot was kept")
    assert err.count("\n") == 1


def test_a_schema_newer_than_this_simulator_is_refused_in_one_line(
    tmp_path: Path, wechat: Scenario
) -> None:
    path = tmp_path / "s.sqlite"
    with open_store(path, create=True) as store:
        store.append("wechat", wechat.events, expected_version=0)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE store SET value = '99' WHERE key = 'schema'")
    with pytest.raises(StoreError, match="schema is 99, newer than this simulator knows"):
        open_store(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE store SET value = 'x' WHERE key = 'schema'")
    with pytest.raises(StoreError, match=r"schema row is damaged \('x'\)"):
        open_store(path, readonly=True)


def test_a_half_made_schema_is_completed_and_a_foreign_one_left_alone(
    tmp_path: Path, wechat: Scenario
) -> None:
    path = tmp_path / "half.sqlite"
    with sqlite3.connect(path) as db:  # what an interrupted creation by an older version left
        db.execute("CREATE TABLE store (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("CREATE TABLE headers (stream TEXT PRIMARY KEY, id TEXT NOT NULL)")
    with open_store(path, create=True) as store, pytest.raises(StoreError):
        store.append("wechat", wechat.events, expected_version=0)  # its headers are wrong
    path.unlink()
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE store (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    with open_store(path, create=True) as store:
        assert store.append("wechat", wechat.events, expected_version=0) == 26
        assert verify(store).ok


def test_a_store_opened_to_read_is_opened_read_only(tmp_path: Path, wechat: Scenario) -> None:
    path = tmp_path / "s.sqlite"
    with open_store(path, create=True) as store:
        store.append("wechat", wechat.events, expected_version=0)
    for leftover in ("-wal", "-shm"):
        assert not Path(f"{path}{leftover}").exists()
    with open_store(path, readonly=True) as store:
        assert tuple(store.events("wechat")) == wechat.events
        assert verify(store).ok
        with pytest.raises(StoreError, match="opened only to read"):
            store.append("wechat", wechat.events, expected_version=26)


# Creating a store and recording into it with the file size capped (a full disk, for SQLite:
# writes fail with EFBIG), then again once the cap is gone.
FULL = textwrap.dedent(
    """
    import resource, signal, sys
    from simulator.cli import main

    store, scenario, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    if limit:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    main(["record", scenario, "--store", store])
    """
)


@pytest.mark.parametrize("limit", [4096, 20000])
@pytest.mark.parametrize("backend", ["sqlite", "jsonl"])
def test_a_full_disk_bricks_nothing(
    tmp_path: Path, wechat_path: Path, wechat: Scenario, backend: str, limit: int
) -> None:
    script = tmp_path / "full.py"
    script.write_text(FULL, encoding="utf-8")
    store = tmp_path / f"s.{backend}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run(cap: int) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, str(script), str(store), str(wechat_path), str(cap)]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)

    first = run(limit)
    assert first.returncode == 2, first.stdout
    assert first.stderr.startswith("sim: "), first.stderr
    assert first.stderr.count("\n") == 1, first.stderr
    assert "Traceback" not in first.stderr
    again = run(0)
    assert again.returncode == 0, again.stderr
    assert "26 events recorded" in again.stdout or "already recorded" in again.stdout
    with open_store(store) as opened:
        assert tuple(opened.events("wechat")) == wechat.events
        assert verify(opened).ok

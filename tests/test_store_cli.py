"""``sim record``, ``replay``, ``verify`` and ``export`` through click's CliRunner.

A recorded scenario replays exactly as ``sim run`` tells it; exports round-trip
byte for byte; exit codes are 0 (ok), 1 (the check failed) and 2 (unusable
input), and every error is one line. The commands are registered on a
test-local group, as ``simulator.cli`` will register them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from simulator import Scenario
from simulator.cli import run
from simulator.scenario import until
from simulator.store import open_store
from simulator.store.commands import export, record, replay, verify
from simulator.store.scenarios import scenario_yaml

BACKENDS = ["jsonl", "sqlite"]
DATA = Path(__file__).parent / "data"


@click.group()
def cli() -> None:
    """A test-local ``sim`` with the store's commands beside ``run``."""


for command in (run, record, replay, verify, export):
    cli.add_command(command)


def sim(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def ok(*args: object) -> str:
    result = sim(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


def fails(code: int, *args: object) -> str:
    result = sim(*args)
    assert result.exit_code == code, result.output
    assert result.stderr.startswith("sim: ")
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.output
    return result.stderr


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path, wechat_path: Path) -> Path:
    """A store with the WeChat scenario recorded in it."""
    path = tmp_path / f"store.{request.param}"
    ok("record", wechat_path, "--store", path)
    return path


def test_a_recorded_scenario_replays_as_sim_run_tells_it(store: Path, wechat_path: Path) -> None:
    assert ok("replay", store, "--format", "json") == ok("run", wechat_path, "--format", "json")
    assert ok("replay", store) == ok("run", wechat_path, "--no-diagrams")


@pytest.mark.parametrize("until", ["2020-09-19", "13", "0"])
def test_time_travel_replays_as_sim_run(store: Path, wechat_path: Path, until: str) -> None:
    ran = ok("run", wechat_path, "--until", until, "--format", "json")
    assert ok("replay", store, "--until", until, "--format", "json") == ran
    ran = ok("run", wechat_path, "--until", until, "--no-diagrams")
    assert ok("replay", store, "--stream", "wechat", "--until", until) == ran


def test_recording_twice_writes_nothing(store: Path, wechat_path: Path) -> None:
    before = store.read_bytes()
    assert "already recorded" in ok("record", wechat_path, "--store", store)
    assert store.read_bytes() == before or store.suffix != ".jsonl"
    with open_store(store) as opened:
        assert opened.version("wechat") == 26


def test_the_yaml_export_runs_as_the_scenario_and_round_trips(
    store: Path, wechat_path: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "exported.yaml"
    ok("export", store, "--format", "yaml", "--out", exported)
    assert exported.read_text() == ok("export", store, "--format", "yaml")
    ran = ok("run", wechat_path, "--format", "json")
    assert ok("run", exported, "--format", "json") == ran
    again = tmp_path / f"again{store.suffix}"
    ok("record", exported, "--store", again)
    # The same bytes but for the line naming the head hash: a new store, a new chain.
    assert _without_head(ok("export", again, "--format", "yaml")) == _without_head(
        exported.read_text()
    )


def _without_head(text: str) -> str:
    lines = text.split("\n")
    assert lines[1].startswith("# From stream 'wechat' of an event store, 26 events, hash chain")
    return "\n".join(lines[:1] + lines[2:])


def test_the_jsonl_export_round_trips_byte_for_byte(store: Path, tmp_path: Path) -> None:
    exported = ok("export", store, "--format", "jsonl")
    for suffix in (".jsonl", ".sqlite"):
        copy = tmp_path / f"copy{suffix}"
        assert "26 of 26 events copied" in ok("record", store, "--store", copy)
        assert ok("export", copy, "--format", "jsonl") == exported
        assert "0 of 26 events copied" in ok("record", store, "--store", copy)
    if store.suffix == ".jsonl":
        assert exported == store.read_text(), "a JSON Lines store exports as itself"


def test_verify_says_intact_with_the_head_hash(store: Path) -> None:
    out = ok("verify", store)
    assert out.startswith(f"{store}: intact: 1 stream, 26 events")
    with open_store(store) as opened:
        head = list(opened.read("wechat"))[-1].hash
    assert f"wechat: 26 events, head {head}" in out


def test_verify_names_the_first_tampered_event(store: Path) -> None:
    if store.suffix == ".jsonl":
        text = store.read_text().split("\n")
        text[3] = text[3].replace('"date":"2020-08-28"', '"date":"2020-08-29"')
        store.write_text("\n".join(text))
    else:
        import sqlite3

        with sqlite3.connect(store) as db:
            db.execute("UPDATE events SET event = replace(event, '2020-08-28', '2020-08-29')")
    assert "stream 'wechat', event 3: its content does not match" in fails(1, "verify", store)


def test_a_schema_1_log_replays_verifies_and_exports_sealed(
    wechat_path: Path, tmp_path: Path
) -> None:
    old = DATA / "store_v1.jsonl"
    assert ok("replay", old, "--format", "json") == ok("run", wechat_path, "--format", "json")
    assert "27 records of an older schema were never sealed" in ok("verify", old)
    sealed = tmp_path / "sealed.jsonl"
    ok("export", old, "--format", "jsonl", "--out", sealed)
    assert "never sealed" not in ok("verify", sealed)
    assert ok("replay", sealed) == ok("replay", old)


def test_a_store_of_several_cases_needs_a_stream(store: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    text = (DATA.parent.parent / "scenarios" / "wechat.yaml").read_text()
    other.write_text(text.replace("id: wechat\ntitle:", "id: wechat-copy\ntitle:", 1))
    ok("record", other, "--store", store)
    message = fails(2, "replay", store)
    assert "several streams; name one with --stream (wechat, wechat-copy)" in message
    assert ok("replay", store, "--stream", "wechat-copy") == ok(
        "replay", store, "--stream", "wechat"
    )
    assert "no stream 'nope'" in fails(2, "export", store, "--format", "yaml", "--stream", "nope")
    assert ok("export", store, "--format", "jsonl").count('"position":0') == 2


def test_a_scenario_that_grew_gets_only_its_new_events(
    tmp_path: Path, wechat: Scenario, wechat_path: Path
) -> None:
    early = tmp_path / "early.yaml"
    early.write_text(scenario_yaml(until(wechat, 10)))
    path = tmp_path / "grows.jsonl"
    assert "10 events recorded" in ok("record", early, "--store", path)
    assert "16 events recorded" in ok("record", wechat_path, "--store", path)
    assert ok("replay", path, "--format", "json") == ok("run", wechat_path, "--format", "json")


def test_a_different_case_under_the_same_id_is_refused(
    store: Path, wechat_path: Path, tmp_path: Path
) -> None:
    changed = tmp_path / "changed.yaml"
    changed.write_text(wechat_path.read_text().replace("The government opposes", "It opposes"))
    assert "stream 'wechat' is at version 26, not 0" in fails(
        2, "record", changed, "--store", store
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["replay", "{tmp}/missing.jsonl"], "missing.jsonl: no such store"),
        (["verify", "{tmp}/missing.sqlite"], "missing.sqlite: no such store"),
        (["export", "{tmp}/store.txt", "--format", "yaml"], "unknown kind of store"),
        (["record", "{wechat}", "--store", "{tmp}/a-file/s.jsonl"], "a-file is not a directory"),
        (["record", "{tmp}/missing.yaml", "--store", "{tmp}/s.jsonl"], "no such file"),
        (["replay", "{tmp}"], "unknown kind of store"),
        (["replay", "{tmp}/folder.jsonl"], "is a directory, not a store"),
        (["replay", "{tmp}/not-sql.db"], "cannot open the store: file is not a database"),
        (["replay", "{tmp}/empty.jsonl"], "empty.jsonl: the store is empty"),
    ],
)
def test_unusable_paths_exit_2_with_one_line(
    tmp_path: Path, wechat_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "folder.jsonl").mkdir()
    (tmp_path / "not-sql.db").write_text("just text, long enough to be read as a header" * 4)
    (tmp_path / "empty.jsonl").write_text("")
    filled = [arg.format(tmp=tmp_path, wechat=wechat_path) for arg in args]
    assert message in fails(2, *filled)


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_unlawful_scenario_is_not_recorded(
    tmp_path: Path, wechat_path: Path, backend: str
) -> None:
    text = wechat_path.read_text()
    late = tmp_path / "late.yaml"
    late.write_text(text.replace("type: complaint_filed", "type: tro_granted", 1))
    path = tmp_path / f"s.{backend}"
    assert "is not allowed" in fails(1, "record", late, "--store", path)
    assert not path.exists()


def test_another_programs_database_is_left_alone(tmp_path: Path, wechat_path: Path) -> None:
    import sqlite3

    theirs = tmp_path / "theirs.db"
    with sqlite3.connect(theirs) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    assert "not an event store" in fails(2, "record", wechat_path, "--store", theirs)
    with sqlite3.connect(theirs) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master")]
    assert tables == ["notes"]


def test_an_unreadable_event_is_one_line_not_a_traceback(store: Path) -> None:
    if store.suffix == ".jsonl":
        text = store.read_text().split("\n")
        text[2] = text[2].replace('"event":{', '"event":{{', 1)
        store.write_text("\n".join(text))
        expected = f"{store}:3: not a JSON record"
    else:
        import sqlite3

        with sqlite3.connect(store) as db:
            db.execute("UPDATE events SET event = '{broken' WHERE position = 2")
        expected = "stream 'wechat', event 2: not a record this store can read"
    assert expected in fails(2, "replay", store)
    assert expected in fails(2, "export", store, "--format", "yaml")
    assert expected in fails(1, "verify", store)


def test_a_damaged_store_is_not_copied(store: Path, tmp_path: Path) -> None:
    if store.suffix != ".jsonl":
        return
    shutil.copy(store, tmp_path / "damaged.jsonl")
    lines = (tmp_path / "damaged.jsonl").read_text().split("\n")
    del lines[4]
    (tmp_path / "damaged.jsonl").write_text("\n".join(lines))
    message = fails(2, "record", tmp_path / "damaged.jsonl", "--store", tmp_path / "c.sqlite")
    assert "will not copy a damaged store" in message

"""What is read is what was hashed: one strict reader, checked reads, seals and snapshots.

Each test is a reproducer of issue #16: a record edited so that two readers
would tell different events, a replay or export of an edited store, a chain
rewritten by someone who can recompute plain hashes, a forged snapshot, and the
JSON Lines header's ``prev`` and extra keys.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator import Scenario, replay
from simulator.cli import run
from simulator.events import Event
from simulator.store import CorruptStore, StoreError, open_store
from simulator.store.chain import record_hash
from simulator.store.commands import export, record, verify
from simulator.store.commands import replay as replay_command
from simulator.store.replay import save_snapshots, state_of
from simulator.store.snapshot import Snapshot
from simulator.store.verify import verify as check

KEY = "correct horse battery staple, twice"
BACKENDS = ["jsonl", "sqlite"]


@click.group()
def cli() -> None:
    """A test-local ``sim`` with the store's commands."""


for command in (run, record, replay_command, verify, export):
    cli.add_command(command)


def sim(*args: object, key: str | None = None) -> Result:
    env = {"SIM_STORE_KEY": key} if key is not None else {"SIM_STORE_KEY": ""}
    return CliRunner().invoke(cli, [str(arg) for arg in args], env=env)


def fails(code: int, *args: object, key: str | None = None) -> str:
    result = sim(*args, key=key)
    assert result.exit_code == code, result.output
    assert result.stderr.startswith("sim: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def ok(*args: object, key: str | None = None) -> Result:
    result = sim(*args, key=key)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def log(tmp_path: Path, wechat_path: Path) -> Path:
    path = tmp_path / "store.jsonl"
    ok("record", wechat_path, "--store", path)
    return path


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _edit(path: Path, number: int, old: str, new: str) -> None:
    lines = _lines(path)
    assert old in lines[number - 1], lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


# -- one strict reader -----------------------------------------------------------------------


def test_an_escaped_twin_of_a_key_is_refused_by_every_reader(log: Path) -> None:
    # The attack of the issue: the real event kept under an escaped key, a forged one under
    # the plain key the fast reader looks for; nothing rehashed.
    line = _lines(log)[5]
    real = line[line.index('"event":') + 8 : line.index(',"prev":')]
    forged = real.replace('"type":"', '"note":"forged","type":"', 1)
    _edit(log, 6, f'"event":{real}', f'"\\u0065vent":{real},"event":{forged}')
    message = fails(1, "verify", log)
    assert f"{log}:6: not a record of an event store: the key 'event' appears twice" in message
    assert "appears twice" in fails(2, "replay", log)
    assert "appears twice" in fails(2, "replay", log, "--trust")
    assert "appears twice" in fails(2, "export", log, "--format", "yaml")
    with open_store(log) as store, pytest.raises(CorruptStore, match="appears twice"):
        list(store.events("wechat"))


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ('"event":{"type"', '"\\u0065vent":{"type"', "the key 'event' is spelt with escapes"),
        ('"summary":', '"summary":"x","summary":', "the key 'summary' appears twice"),
        ('"type":', '"venue":"CA","type":', "an event does not store the field 'venue'"),
        ('"schema":3,', '"schema":3,"extra":1,', "a record of this kind has no key 'extra'"),
        ('"date":"2020-08-28"', '"date":"20200828"', "'20200828' is not a date as YYYY-MM-DD"),
    ],
)
def test_a_record_two_readers_could_read_differently_is_refused(
    log: Path, old: str, new: str, reason: str
) -> None:
    _edit(log, 4, old, new)
    assert reason in fails(1, "verify", log)
    with open_store(log) as store:
        with pytest.raises(CorruptStore, match=reason):
            list(store.events("wechat"))
        with pytest.raises(CorruptStore, match=reason):
            list(store.read("wechat"))


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        (f'"prev":"{"0" * 64}"', f'"prev":"{"0" * 63}1"', "its prev all zeros"),
        ('"header":{', '"note":"x","header":{', "no key 'note'"),
    ],
)
def test_the_header_prev_and_extra_keys_are_checked(
    log: Path, old: str, new: str, reason: str
) -> None:
    _edit(log, 1, old, new)
    assert reason in fails(1, "verify", log)
    assert reason in fails(2, "replay", log)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_fast_and_the_careful_reader_never_tell_different_events(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "s.jsonl"
    day = Event("order_issued", __import__("datetime").date(2020, 8, 6), summary="a b")
    with open_store(path, create=True) as store:
        store.append("s", [day], expected_version=0)
        store.append("s", [day], expected_version=1)
    text = path.read_text(encoding="utf-8")
    at = data.draw(st.integers(0, len(text) - 1))
    cut = data.draw(st.integers(0, 12))
    insert = data.draw(st.sampled_from(['"', "\\u0065", ",", '"note":"x",', " ", "}", "1", ""]))
    path.write_text(text[:at] + insert + text[at + cut :], encoding="utf-8")
    with open_store(path) as store:
        fast = _outcome(lambda: list(store.events("s")))
        careful = _outcome(lambda: [r.event for r in store.read("s")])
    assert fast == careful


def _outcome(read: object) -> object:
    assert callable(read)
    try:
        return read()
    except StoreError as error:
        return type(error).__name__


# -- every read checks the chain, or says it did not -------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_replay_and_export_check_the_chain_unless_trusted(
    tmp_path: Path, wechat_path: Path, backend: str
) -> None:
    path = tmp_path / f"store.{backend}"
    ok("record", wechat_path, "--store", path)
    if backend == "jsonl":
        _edit(path, 6, '"summary":"T', '"summary":"t')
    else:
        import sqlite3

        with sqlite3.connect(path) as db:
            db.execute(
                'UPDATE events SET event = replace(event, \'"summary":"T\', \'"summary":"t\') '
                "WHERE position = 5"
            )
    expected = "stream 'wechat', event 5: its content does not match its hash"
    assert expected in fails(2, "replay", path)
    assert expected in fails(2, "export", path, "--format", "yaml")
    assert "stream 'wechat', event 5: its hash chain is broken" in fails(
        2, "export", path, "--format", "jsonl"
    )
    trusted = ok("replay", path, "--trust")
    assert trusted.stderr == f"sim: note: {path}: the hash chain was not checked (--trust)\n"
    exported = ok("export", path, "--format", "yaml", "--trust").stdout
    assert "its hash chain was not checked" in exported.split("\n")[1]


def test_an_exported_scenario_names_the_head_it_came_from(log: Path, tmp_path: Path) -> None:
    head = ok("verify", log).stdout.split("head ")[1].split()[0]
    exported = tmp_path / "wechat.yaml"
    ok("export", log, "--format", "yaml", "--out", exported)
    second = exported.read_text().split("\n")[1]
    assert second == (
        f"# From stream 'wechat' of an event store, 26 events, hash chain checked, head {head}"
    )
    assert (
        ok("run", exported, "--format", "json").stdout
        == ok("replay", log, "--format", "json").stdout
    )


# -- seals ----------------------------------------------------------------------------------


def _rehash(path: Path) -> None:
    """What someone who knows the format can do: edit a record and recompute every hash."""
    records = [json.loads(line) for line in _lines(path) if line]
    prev = "0" * 64
    for raw in records:
        if "commit" in raw:
            raw["head"] = prev
            continue
        if raw["position"] == 5:
            raw["event"]["summary"] = "Forged."
        body = "header" if "header" in raw else "event"
        raw["prev"] = prev if body == "event" else "0" * 64
        content = json.dumps(raw[body], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        raw["hash"] = prev = record_hash(
            stream=raw["stream"],
            position=raw["position"],
            id=raw["id"],
            schema=raw["schema"],
            recorded=raw["recorded"],
            body=body,
            content=content,
            prev=raw["prev"],
        )
    text = "".join(
        json.dumps(raw, separators=(",", ":"), ensure_ascii=False) + "\n" for raw in records
    )
    path.write_text(text, encoding="utf-8")


def test_a_sealed_store_cannot_be_forged_by_recomputing_the_hashes(
    tmp_path: Path, wechat_path: Path
) -> None:
    path = tmp_path / "sealed.jsonl"
    ok("record", wechat_path, "--store", path, key=KEY)
    assert "seals checked" in ok("verify", path, key=KEY).stdout
    assert "1 of 1 streams are sealed; the seals were not checked" in ok("verify", path).stdout
    _rehash(path)
    assert "intact" in ok("verify", path).stdout, "plain hashes alone cannot tell"
    message = fails(1, "verify", path, key=KEY)
    assert "stream 'wechat': its seal vouches for 26 events" in message or (
        "its seal was not made with this key" in message
    )
    assert "seal" in fails(2, "replay", path, key=KEY)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_sealed_stream_takes_appends_only_with_its_key(
    tmp_path: Path, wechat: Scenario, backend: str
) -> None:
    path = tmp_path / f"sealed.{backend}"
    with open_store(path, create=True, key=KEY.encode()) as store:
        store.append("wechat", wechat.events[:5], expected_version=0)
    with open_store(path) as store, pytest.raises(StoreError, match="is sealed: appending"):
        store.append("wechat", wechat.events[5:], expected_version=5)
    other = open_store(path, key=b"another key of sixteen bytes")
    with other, pytest.raises(StoreError, match="not sealed with this key"):
        other.append("wechat", wechat.events[5:], expected_version=5)
    with open_store(path, key=KEY.encode()) as store:
        assert store.append("wechat", wechat.events[5:], expected_version=5) == 26
        report = check(store)
        assert report.ok
        assert report.seals_checked
        assert report.sealed == 1
    with open_store(path, key=b"another key of sixteen bytes") as store:
        problem = check(store).problem
        assert problem is not None
        assert "not made with this key" in problem.reason


def test_a_short_key_is_refused_in_one_line(log: Path) -> None:
    assert "a key must be at least 16 bytes long, not 5" in fails(2, "verify", log, key="short")


# -- snapshots ------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_forged_snapshot_is_found_by_verify_and_not_used(
    tmp_path: Path, wechat: Scenario, backend: str
) -> None:
    path = tmp_path / f"store.{backend}"
    with open_store(path, create=True) as store:
        store.append("wechat", wechat.events, expected_version=0)
        assert save_snapshots(store, "wechat", every=10) == [10, 20]
        assert check(store).ok
        assert check(store).snapshots == 2
        # A forger who knows the format: another state, its hash recomputed.
        real = store.usable_snapshots("wechat")[0]
        lie = Snapshot.of("wechat", 20, real.head, replay(wechat.events[:3]),
                          recorded=real.recorded, key=None)  # fmt: skip
        store._keep_snapshot(lie)  # type: ignore[attr-defined]
        # Without a key only a replay can tell (verify compares the states) ...
        assert state_of(store, "wechat", until=20, trust=True) == replay(wechat.events[:3])
        problem = check(store).problem
        assert problem is not None
        assert "snapshot at version 20: its state is not the state the events" in problem.reason
        # One whose hash does not match is never used; one of another history neither.
        _drop_snapshots(store, path)
        edited = Snapshot("wechat", 20, real.recorded, real.head, lie.state, real.hash)
        store._keep_snapshot(edited)  # type: ignore[attr-defined]
        assert state_of(store, "wechat") == replay(wechat.events)
        stray = Snapshot.of("wechat", 20, "f" * 64, replay(wechat.events[:3]),
                            recorded=real.recorded, key=None)  # fmt: skip
        store._keep_snapshot(stray)  # type: ignore[attr-defined]
        assert state_of(store, "wechat", until=25) == replay(wechat.events[:25])
    # ... with one, a snapshot the key did not seal is never used.
    with open_store(path, key=KEY.encode()) as store:
        assert [s.version for s in store.usable_snapshots("wechat")] == []
        assert state_of(store, "wechat", until=20) == replay(wechat.events[:20])


def _drop_snapshots(store: object, path: Path) -> None:
    if path.suffix == ".jsonl":
        Path(f"{path}.snapshots.jsonl").unlink()
    else:
        store._db.execute("DELETE FROM snapshots")  # type: ignore[attr-defined]


def test_a_torn_snapshot_line_is_cut_before_the_next_one(tmp_path: Path, wechat: Scenario) -> None:
    path = tmp_path / "store.jsonl"
    with open_store(path, create=True) as store:
        store.append("wechat", wechat.events, expected_version=0)
        save_snapshots(store, "wechat", every=10)
        snapshots = Path(f"{path}.snapshots.jsonl")
        snapshots.write_bytes(snapshots.read_bytes()[:-40])  # the second one torn
        assert [s.version for s in store.usable_snapshots("wechat")] == [10]
        assert save_snapshots(store, "wechat", every=10) == [20]
        assert snapshots.read_bytes().count(b"\n") == 2
        assert [s.version for s in store.usable_snapshots("wechat")] == [20, 10]
        assert check(store).ok

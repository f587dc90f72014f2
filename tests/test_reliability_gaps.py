"""What the audit of issue 16 found still open, one test each, and a fuzz of the store's commands.

Bounds of `sim fuzz` and `sim check` checked before any work; the maintenance entry points
(``python -m simulator.render``, ``python -m simulator.lesson``) saying a bad argument on one
line like `sim`; `sim export --out` leaving an existing file as it was when the export fails;
an SQLite store on a read-only mount read and verified; output that stays byte for byte the
same whatever the hash seed, the time zone or the locale; and a Hypothesis fuzz of the
arguments of the store's commands and of `sim check`, none of which may end in a traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from simulator.cli import MOST_DEPTH, MOST_EXAMPLES, MOST_LAWSUITS, MOST_STEPS, main
from simulator.lesson.__main__ import main as lesson_main
from simulator.render.commands import regenerate

ROOT = Path(__file__).resolve().parent.parent
TESTING_GUIDE = ROOT / "docs" / "testing.md"


def sim(*args: object, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(
        main, [str(arg) for arg in args], env={"SIM_STORE_KEY": "", **(env or {})}
    )


def assert_clean(result: Result) -> None:
    """A documented exit code, no traceback, every line on stderr said by `sim`."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output
    for line in result.stderr.splitlines():
        assert line.startswith("sim: "), result.stderr


def one_line(result: Result, code: int = 2) -> str:
    assert_clean(result)
    assert result.exit_code == code, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# --- bounds of sim fuzz and sim check -------------------------------------------------------------

BOUNDS = [
    ("fuzz", "--examples", MOST_EXAMPLES),
    ("fuzz", "--max-steps", MOST_STEPS),
    ("fuzz", "--lawsuits", MOST_LAWSUITS),
    ("check", "--depth", MOST_DEPTH),
    ("check", "--lawsuits", MOST_LAWSUITS),
]


@pytest.fixture
def no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make starting a fuzz or a model check fail the test: a bound must refuse first."""
    import simulator.explore.check
    import simulator.explore.fuzz

    def started(**_options: object) -> None:
        raise AssertionError("the work started before the bounds were checked")

    monkeypatch.setattr(simulator.explore.fuzz, "fuzz", started)
    monkeypatch.setattr(simulator.explore.check, "check_model", started)


@pytest.mark.parametrize(("command", "option", "most"), BOUNDS)
@pytest.mark.usefixtures("no_work")
def test_fuzz_and_check_bounds_are_checked_before_any_work(
    command: str, option: str, most: int
) -> None:
    for value in (most + 1, 10**12, 0, -1):
        message = one_line(sim(command, option, value))
        expected = f"sim: Invalid value for '{option}': {value} is not in the range 1<=x<={most}."
        assert message.startswith(expected), message


@pytest.mark.parametrize(("command", "option", "most"), BOUNDS)
def test_the_bounds_are_in_the_help_and_the_guide(command: str, option: str, most: int) -> None:
    help_text = " ".join(sim(command, "--help").stdout.split())
    assert f"{option} INTEGER RANGE" in help_text
    assert f"1<=x<={most}]" in help_text
    guide = " ".join(TESTING_GUIDE.read_text(encoding="utf-8").split())
    assert f"`{option}` 1 to {most:,}" in guide, f"docs/testing.md: {command} {option}"


@pytest.mark.usefixtures("no_work")
def test_the_largest_values_are_accepted() -> None:
    """The bound itself is allowed: what is refused is only beyond it (here the work starts)."""
    with pytest.raises(AssertionError, match="the work started"):
        main(["check", "--depth", str(MOST_DEPTH)], standalone_mode=False)


# --- the maintenance entry points say a bad argument on one line ---------------------------------


def _alone(command: click.Command, *args: str, prog: str) -> Result:
    return CliRunner().invoke(command, list(args), prog_name=prog)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--bogus"], "sim: No such option '--bogus'"),
        ([], "sim: Missing option '--all'."),
        (["--all", "--scenarios", "/no/such/folder"], "sim: Invalid value for '--scenarios'"),
    ],
)
def test_redrawing_the_diagrams_says_a_bad_argument_on_one_line(
    args: list[str], expected: str
) -> None:
    prog = "python -m simulator.render"
    message = one_line(_alone(regenerate, *args, prog=prog))
    assert message.startswith(expected), message
    assert message.endswith(f"Try '{prog} --help' for help.")


def test_redrawing_a_broken_scenario_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    result = _alone(
        regenerate, "--all", "--scenarios", str(tmp_path), "--out", str(tmp_path / "out"),
        prog="python -m simulator.render",
    )  # fmt: skip
    assert one_line(result).startswith(f"sim: {tmp_path / 'broken.yaml'}:")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--bogus"], "sim: No such option '--bogus'"),
        ([], "sim: give one of --all and --catalogs."),
        (["--all", "--catalogs"], "sim: give one of --all and --catalogs."),
    ],
)
def test_the_lesson_maintenance_says_a_bad_argument_on_one_line(
    args: list[str], expected: str
) -> None:
    prog = "python -m simulator.lesson"
    message = one_line(_alone(lesson_main, *args, prog=prog))
    assert message.startswith(expected), message
    assert message.endswith(f"Try '{prog} --help' for help.")


@pytest.mark.parametrize("module", ["simulator.render", "simulator.lesson"])
def test_python_m_says_a_bad_argument_on_one_line(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", module, "--bogus"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("sim: No such option '--bogus'.")
    assert done.stderr.endswith(f"Try 'python -m {module} --help' for help.\n")


# --- sim export --out -----------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path, wechat_path: Path) -> Path:
    path = tmp_path / "cases.jsonl"
    assert sim("record", wechat_path, "--store", path).exit_code == 0
    return path


def _tamper(store: Path) -> None:
    """Edit the last event (the line before the last commit line), hashes left as they were:
    a reader finds it only at the end, after it has made most of its output."""
    lines = store.read_text(encoding="utf-8").split("\n")
    assert '"summary":"' in lines[-3], lines[-3]
    lines[-3] = lines[-3].replace('"summary":"', '"summary":"Not ', 1)
    store.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("fmt", ["yaml", "jsonl"])
def test_a_failed_export_leaves_the_old_file_and_nothing_beside_it(
    store: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "out" / f"copy.{fmt}"
    out.parent.mkdir()
    out.write_text("mine\n", encoding="utf-8")
    _tamper(store)
    message = one_line(sim("export", store, "--format", fmt, "--out", out))
    assert message.startswith(f"sim: {store}: stream 'wechat', event 26: ")
    assert out.read_text(encoding="utf-8") == "mine\n"
    assert sorted(path.name for path in out.parent.iterdir()) == [out.name]


def test_an_export_is_the_same_into_a_file_and_through_a_link(store: Path, tmp_path: Path) -> None:
    printed = sim("export", store, "--format", "jsonl").stdout
    target = tmp_path / "copy.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target.name)
    assert sim("export", store, "--format", "jsonl", "--out", link).exit_code == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == printed
    assert sim("verify", target).exit_code == 0


# --- an SQLite store on read-only media -----------------------------------------------------------

_READ = textwrap.dedent(
    """
    import sys
    from simulator.cli import main
    main(sys.argv[1:])
    """
)


def _run_read_only(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``sim ARGS`` with ``folder`` read-only: a read-only bind mount of it (as root, in a
    mount namespace of its own), or, for anyone else, a folder without write permission."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SIM_STORE_KEY": ""}
    command = [sys.executable, "-c", _READ, *args]
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
        finally:
            folder.chmod(0o755)
    if shutil.which("unshare") is None:
        pytest.skip("as root, a read-only folder needs unshare to mount one")
    mount = f"mount --bind '{folder}' '{folder}' && mount -o remount,ro,bind '{folder}'"
    probe = f"if touch '{folder}/probe' 2>/dev/null; then exit 97; fi"
    script = f'{{ {mount}; }} || exit 98; {probe}; exec "$@"'
    wrapped = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh"]
    done = subprocess.run([*wrapped, *command], capture_output=True, text=True, env=env, timeout=60)
    if done.returncode in (97, 98) or "unshare:" in done.stderr:
        pytest.skip(f"cannot mount a read-only folder here: {done.stderr.strip()}")
    return done


def test_a_store_on_read_only_media_is_read_and_verified(tmp_path: Path, wechat_path: Path) -> None:
    folder = tmp_path / "media"
    folder.mkdir()
    path = folder / "cases.sqlite"
    assert sim("record", wechat_path, "--store", path).exit_code == 0
    assert sorted(child.name for child in folder.iterdir()) == ["cases.sqlite"]
    # (what `sim run` tells: a replay here, before the mount, would leave -wal and -shm files
    # beside the store, and the read-only reader could use those)
    expected = sim("run", wechat_path, "--no-diagrams").stdout
    verified = _run_read_only(folder, "verify", str(path))
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.startswith(f"{path}: intact: 1 stream, 26 events")
    told = _run_read_only(folder, "replay", str(path))
    assert told.returncode == 0, told.stderr
    assert told.stdout == expected
    assert sorted(child.name for child in folder.iterdir()) == ["cases.sqlite"]


# --- the same bytes whatever the environment ------------------------------------------------------

_OUTPUTS = textwrap.dedent(
    """
    import sys
    from click.testing import CliRunner
    from simulator.cli import main

    for args in (
        ["run", "wechat", "--no-diagrams"],
        ["run", "wechat", "--format", "json", "--no-diagrams"],
        ["explore", "wechat", "--runs", "40", "--format", "json", "--no-diagrams"],
        ["whatif", "wechat", "--format", "json", "--no-diagrams"],
        ["diagram", "machine", "--format", "dot"],
        ["rules", "--format", "json"],
        ["schema"],
    ):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, (args, result.output)
        sys.stdout.buffer.write(f"==== {args}\\n".encode() + result.stdout_bytes)
    """
)


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONHASHSEED": "1", "TZ": "Pacific/Kiritimati", "LC_ALL": "C"},
        {"PYTHONHASHSEED": "4242", "TZ": "America/Adak", "LC_ALL": "C.UTF-8", "LANG": "tr_TR"},
    ],
)
def test_output_is_the_same_bytes_whatever_the_hash_seed_zone_and_locale(
    env: dict[str, str],
) -> None:
    def outputs(extra: dict[str, str]) -> bytes:
        base = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0", "TZ": "UTC"}
        done = subprocess.run(
            [sys.executable, "-c", _OUTPUTS],
            capture_output=True,
            env={**base, **extra},
            cwd=ROOT,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        return done.stdout

    assert outputs(env) == outputs({})


# --- a fuzz of the store's commands and of sim check ----------------------------------------------

_FOLDER = Path(tempfile.mkdtemp(prefix="sim-store-fuzz-"))


def _stores() -> dict[str, str]:
    """A few stores and files to point the commands at, made once for the whole fuzz."""
    wechat = str(ROOT / "scenarios" / "wechat.yaml")
    made: dict[str, str] = {"scenario": wechat}
    for name in ("good.jsonl", "good.sqlite", "tampered.jsonl"):
        path = _FOLDER / name
        result = sim("record", wechat, "--store", path)
        assert result.exit_code == 0, result.output
        made[name] = str(path)
    _tamper(_FOLDER / "tampered.jsonl")
    (_FOLDER / "torn.jsonl").write_bytes((_FOLDER / "good.jsonl").read_bytes()[:3000])
    (_FOLDER / "key").write_text("k" * 32 + "\n", encoding="utf-8")
    (_FOLDER / "short-key").write_text("short\n", encoding="utf-8")
    (_FOLDER / "not-a-store.sqlite").write_bytes(b"SQLite format 3\x00" + b"\x00" * 84)
    for name in ("torn.jsonl", "key", "short-key", "not-a-store.sqlite"):
        made[name] = str(_FOLDER / name)
    made |= {
        "missing": str(_FOLDER / "missing.jsonl"),
        "odd-suffix": str(_FOLDER / "cases.txt"),
        "folder": str(_FOLDER),
        "null": os.devnull,
        "escape": str(_FOLDER / "\x1b]0;pwned\x07.jsonl"),
        "empty": "",
    }
    return made


_FILES = _stores()
_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=10
)
_PATHS = st.one_of(st.sampled_from(sorted(_FILES.values())), _TEXT)
_OUTS = st.sampled_from(
    [str(_FOLDER / "out.yaml"), str(_FOLDER / "out.jsonl"), str(_FOLDER), os.devnull, ""]
)
_FLAG = st.just("")
_SMALL = st.sampled_from(["", "0", "1", "2", "-1", "x", "²", str(10**12), "9" * 400])
_Options = dict[str, st.SearchStrategy[str]]
_STORE_COMMANDS: dict[str, tuple[st.SearchStrategy[list[str]], _Options]] = {
    "record": (
        st.lists(_PATHS, min_size=1, max_size=1),
        {"--store": st.one_of(st.just(str(_FOLDER / "new.jsonl")), _PATHS),
         "--snapshot-every": _SMALL, "--key-file": _PATHS},
    ),
    "replay": (
        st.lists(_PATHS, min_size=1, max_size=1),
        {"--stream": st.sampled_from(["wechat", "nope", "", "\x1b]0;x\x07"]),
         "--until": st.sampled_from(["3", "2020-09-19", "²", "9" * 50, "2020-02-30"]),
         "--format": st.sampled_from(["text", "json", "yaml"]), "--trust": _FLAG,
         "--key-file": _PATHS},
    ),
    "verify": (
        st.lists(_PATHS, min_size=1, max_size=2),
        {"--stream": st.sampled_from(["wechat", "nope"]), "--key-file": _PATHS},
    ),
    "export": (
        st.lists(_PATHS, min_size=1, max_size=1),
        {"--format": st.sampled_from(["yaml", "jsonl", "json", ""]),
         "--stream": st.sampled_from(["wechat", "nope"]), "--out": _OUTS, "--trust": _FLAG,
         "--key-file": _PATHS},
    ),
    "check": (
        st.just([]),
        {"--depth": _SMALL, "--lawsuits": _SMALL, "--format": st.sampled_from(["json", "x"]),
         "--out": _OUTS},
    ),
}  # fmt: skip


#: Options given small values whenever the fuzz leaves them out: the defaults run for minutes.
#: (`sim fuzz` is left out: it runs Hypothesis itself, which cannot run inside a test of it.)
_QUICK = {"check": ["--depth", "2"]}


@st.composite
def store_command_lines(draw: st.DrawFn) -> list[str]:
    name = draw(st.sampled_from(sorted(_STORE_COMMANDS)))
    positionals, options = _STORE_COMMANDS[name]
    args = [name, *draw(positionals), *_QUICK.get(name, [])]
    for option in draw(st.lists(st.sampled_from(sorted(options)), unique=True, max_size=3)):
        value = draw(options[option])
        args += [option] if options[option] is _FLAG else [option, value]
    return args


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    here = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(here)


@given(store_command_lines())
def test_no_store_or_search_command_line_gets_a_traceback(args: list[str]) -> None:
    with _inside(_FOLDER):
        assert_clean(sim(*args))


def test_the_fuzzed_stores_are_as_made() -> None:
    """The fuzz may record into its own stores, never damage them: they still verify."""
    for name in ("good.jsonl", "good.sqlite"):
        assert sim("verify", _FILES[name]).exit_code == 0
    assert json.loads(sim("replay", _FILES["good.jsonl"], "--format", "json").stdout)


# --- docs/store.md, the sentences no other test proved --------------------------------------------

KEY = "sixteen bytes or more, for a seal"


def _head(output: str, stream: str = "wechat") -> str:
    return output.split(f"  {stream}: ")[1].split("head ")[1].split()[0]


def _rewrite(path: Path, edit: object, *, schema: int | None = None) -> None:
    """Change records with ``edit`` and recompute every hash after them: what someone who knows
    the format, but not the key, can do (``schema`` rewrites every record as of that schema,
    without commit lines, as schema 2 was)."""
    from simulator.store.chain import record_hash

    assert callable(edit)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    prev, out = "0" * 64, []
    for raw in records:
        if "commit" in raw:
            if schema is None:
                out.append({**raw, "head": prev})
            continue
        edit(raw)
        if schema is not None:
            raw["schema"] = schema
        body = "header" if "header" in raw else "event"
        raw["prev"] = prev if body == "event" else "0" * 64
        content = json.dumps(raw[body], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        fields = {name: raw[name] for name in ("stream", "position", "id", "schema", "recorded")}
        raw["hash"] = prev = record_hash(**fields, body=body, content=content, prev=raw["prev"])
        out.append(raw)
    text = "".join(json.dumps(raw, separators=(",", ":"), ensure_ascii=False) + "\n" for raw in out)
    path.write_text(text, encoding="utf-8")


def _forge(raw: dict[str, object]) -> None:
    if raw.get("position") == 5:
        event = raw["event"]
        assert isinstance(event, dict)
        event["summary"] = "Forged."


def test_a_rehashed_plain_chain_is_found_only_by_comparing_the_head(store: Path) -> None:
    """The table: a plain chain rewritten hash by hash verifies, but its head is not the one
    noted before."""
    noted = _head(sim("verify", store).stdout)
    _rewrite(store, _forge)
    after = sim("verify", store)
    assert after.exit_code == 0, after.output
    assert _head(after.stdout) != noted


def test_dropped_last_batches_are_found_only_by_comparing_the_head(
    tmp_path: Path, wechat_path: Path
) -> None:
    """In either mode: the store without its last batch is still intact, sealed and all."""
    from simulator.scenario import load_scenario
    from simulator.store import open_store

    events = load_scenario(wechat_path).events
    path = tmp_path / "sealed.jsonl"
    with open_store(path, create=True, key=KEY.encode()) as opened:
        opened.append("wechat", events[:10], expected_version=0)
        first = path.read_bytes()
        opened.append("wechat", events[10:], expected_version=10)
    noted = _head(sim("verify", path, env={"SIM_STORE_KEY": KEY}).stdout)
    path.write_bytes(first)
    for env in ({}, {"SIM_STORE_KEY": KEY}):
        after = sim("verify", path, env=env)
        assert after.exit_code == 0, after.output
        assert "10 events" in after.stdout
        assert _head(after.stdout) != noted


def test_a_key_file_s_trailing_newline_is_dropped(tmp_path: Path, wechat_path: Path) -> None:
    path, key_file = tmp_path / "sealed.jsonl", tmp_path / "key.txt"
    assert sim("record", wechat_path, "--store", path, env={"SIM_STORE_KEY": KEY}).exit_code == 0
    key_file.write_text(f"{KEY}\n", encoding="utf-8")
    checked = sim("verify", path, "--key-file", key_file)
    assert checked.exit_code == 0, checked.output
    assert "seals checked" in checked.stdout


def test_a_sealed_store_is_read_by_anyone_without_the_key(
    tmp_path: Path, wechat_path: Path
) -> None:
    """Neither mode hides anything."""
    path = tmp_path / "sealed.jsonl"
    assert sim("record", wechat_path, "--store", path, env={"SIM_STORE_KEY": KEY}).exit_code == 0
    told = sim("replay", path)
    assert told.exit_code == 0, told.output
    assert told.stdout == sim("run", wechat_path, "--no-diagrams").stdout


def test_sqlite_runs_in_wal_with_full_sync_a_busy_timeout_and_unique_positions(
    tmp_path: Path, wechat_path: Path
) -> None:
    import sqlite3

    from simulator.store import open_store

    path = tmp_path / "cases.sqlite"
    assert sim("record", wechat_path, "--store", path, env={"SIM_STORE_KEY": KEY}).exit_code == 0
    with open_store(path) as opened:
        db = opened._db  # type: ignore[attr-defined]
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 30_000
        seal = db.execute("SELECT value FROM store WHERE key = 'seal:wechat'").fetchone()
        assert seal is not None
        assert seal[0]
        row = db.execute("SELECT stream, position, id FROM events WHERE position = 3").fetchone()
        for position, event_id in ((row[1], "another id"), (99, row[2])):  # a twin, a gap
            with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
                db.execute(
                    "INSERT INTO events (stream, position, id, schema, recorded, event, prev, "
                    "hash) VALUES (?, ?, ?, 3, 'r', '{}', 'p', 'h')",
                    (row[0], position, event_id),
                )


@pytest.mark.parametrize("damage", ["first commit gone", "commit miscounts"])
def test_a_missing_or_wrong_commit_before_the_end_is_damage(
    tmp_path: Path, wechat_path: Path, damage: str
) -> None:
    from simulator.scenario import load_scenario
    from simulator.store import open_store

    events = load_scenario(wechat_path).events
    path = tmp_path / "two.jsonl"
    with open_store(path, create=True) as opened:
        opened.append("wechat", events[:10], expected_version=0)
        opened.append("wechat", events[10:], expected_version=10)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    commits = [n for n, line in enumerate(lines) if line.startswith('{"commit"')]
    assert len(commits) == 2
    if damage == "first commit gone":
        del lines[commits[0]]
    else:
        assert '"records":10,' in lines[commits[0]]
        lines[commits[0]] = lines[commits[0]].replace('"records":10,', '"records":9,')
    path.write_text("".join(lines), encoding="utf-8")
    assert one_line(sim("verify", path), 1).startswith(f"sim: {path}")
    assert one_line(sim("replay", path), 2).startswith(f"sim: {path}")


def test_a_schema_2_log_without_commit_lines_replays_verifies_and_grows_in_schema_3(
    tmp_path: Path, wechat_path: Path
) -> None:
    from simulator.scenario import load_scenario
    from simulator.store import open_store

    events = load_scenario(wechat_path).events
    path = tmp_path / "old.jsonl"
    with open_store(path, create=True) as opened:
        opened.append("wechat", events[:10], expected_version=0)
    _rewrite(path, lambda raw: None, schema=2)
    assert '"commit"' not in path.read_text(encoding="utf-8")
    assert sim("verify", path).exit_code == 0
    with open_store(path) as opened:
        assert list(opened.events("wechat")) == list(events[:10])
        assert opened.append("wechat", events[10:], expected_version=10) == len(events)
    with open_store(path) as opened:
        assert [record.schema for record in opened.read("wechat")] == [2] * 10 + [3] * 16
    assert sim("verify", path).exit_code == 0
    assert sim("replay", path).exit_code == 0


@pytest.mark.parametrize("backend", ["jsonl", "sqlite"])
def test_deleting_the_snapshots_or_changing_the_state_s_shape_loses_nothing(
    tmp_path: Path, wechat_path: Path, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import simulator.store.snapshot
    from simulator import replay
    from simulator.scenario import load_scenario
    from simulator.store import open_store
    from simulator.store.replay import state_of

    events = load_scenario(wechat_path).events
    path = tmp_path / f"cases.{backend}"
    assert sim("record", wechat_path, "--store", path, "--snapshot-every", "5").exit_code == 0
    with open_store(path) as opened:
        assert [s.version for s in opened.usable_snapshots("wechat")] == [25, 20, 15, 10, 5]
        monkeypatch.setattr(simulator.store.snapshot, "FINGERPRINT", "another shape")
        assert opened.usable_snapshots("wechat") == []
        assert state_of(opened, "wechat") == replay(events)
        monkeypatch.undo()
        if backend == "jsonl":
            Path(f"{path}.snapshots.jsonl").unlink()
        else:
            opened._db.execute("DELETE FROM snapshots")  # type: ignore[attr-defined]
        assert state_of(opened, "wechat") == replay(events)
    assert sim("verify", path).exit_code == 0
    assert sim("replay", path).stdout == sim("run", wechat_path, "--no-diagrams").stdout


def test_readers_take_no_lock(store: Path, wechat_path: Path) -> None:
    """A writer holding the lock (here, this test) does not keep anyone from reading."""
    import fcntl
    import threading

    told: list[Result] = []
    with open(f"{store}.lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        reader = threading.Thread(target=lambda: told.append(sim("replay", store)), daemon=True)
        reader.start()
        reader.join(timeout=60)  # a reader that waited for the lock would never finish
        fcntl.flock(lock, fcntl.LOCK_UN)
    assert told, "the reader waited for the writer's lock"
    assert told[0].stdout == sim("run", wechat_path, "--no-diagrams").stdout

"""No traceback anywhere: each bad input or argument of issue 16 gets one line and exit 2.

The reproducers of the attack run, one test each (bad YAML tag values, ``--until ²`` and 5,000
digits, ``--model ""`` and ``..x``, a date whose deadlines would pass the year 9999, inputs with
no size to read beforehand, ``--runs``/``--jobs`` out of bounds, priors with tagged values,
click's own usage errors), then a Hypothesis fuzz of the command line's arguments.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from simulator.cli import main
from simulator.explore.commands import MOST_JOBS, MOST_RUNS
from simulator.law.priors import DEFAULT_PRIORS

CASE = """\
id: small
title: Small Users v. United States
lawsuits:
  - id: small
    caption: Small Users v. United States
    united_states_party: true
events:
  - date: 2020-08-06
    type: order_issued
    summary: The order is signed.
    source: Fed. Reg.
  - date: 2020-08-21
    type: complaint_filed
    case: small
    summary: The users sue.
    source: ECF No. 1
  - date: 2020-08-28
    type: motion_filed
    motion: preliminary_injunction
    summary: The users move.
    source: ECF No. 17
  - date: 2020-09-17
    type: hearing_held
    motion: preliminary_injunction
    summary: Hearing.
    source: minutes
  - date: 2020-09-19
    type: injunction_granted
    summary: Enjoined.
    source: ECF No. 59
"""
#: The line of the first event's date, and of the complaint's ``united_states_party``.
DATE_LINE, PARTY_LINE = 8, 6


def sim(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), prog_name="sim")


def assert_clean(result: Result) -> None:
    """No traceback: a clean exit with a documented code, every error line said by `sim`."""
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


def _write(folder: Path, text: str, name: str = "case.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- YAML tags with bad values --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("united_states_party: true", "united_states_party: !!bool maybe", PARTY_LINE),
        ("united_states_party: true", "united_states_party: !!bool ''", PARTY_LINE),
        ("date: 2020-08-06", "date: !!timestamp notadate", DATE_LINE),
        ("date: 2020-08-06", "date: !!timestamp 99999-01-01", DATE_LINE),
        ("date: 2020-08-06", "date: !!timestamp 2020-13-01", DATE_LINE),
        ("date: 2020-08-06", 'date: !!int "-"', DATE_LINE),
        ("date: 2020-08-06", "date: !!int ''", DATE_LINE),
        ("date: 2020-08-06", "date: !!int 12x", DATE_LINE),
        ("date: 2020-08-06", f"date: {'9' * 5000}", DATE_LINE),
        ("date: 2020-08-06", "date: !!float 1.5x", DATE_LINE),
    ],
)
def test_a_bad_tagged_value_is_one_line_at_its_line(
    tmp_path: Path, old: str, new: str, line: int
) -> None:
    path = _write(tmp_path, CASE.replace(old, new, 1))
    message = one_line(sim("validate", str(path)))
    assert message.startswith(f"sim: {path}:{line}: cannot read "), message
    assert len(message) < 300


def test_priors_with_a_bad_tagged_value_are_one_line(tmp_path: Path) -> None:
    text = DEFAULT_PRIORS.read_text(encoding="utf-8")
    number = re.search(r"\[0\.\d+, ", text)
    assert number is not None
    bad = text[: number.start()] + "[!!bool maybe, " + text[number.end() :]
    line = text.count("\n", 0, number.start()) + 1
    priors = _write(tmp_path, bad, "priors.yaml")
    case = _write(tmp_path, CASE)
    result = sim("explore", str(case), "--priors", str(priors), "--runs", "1", "--no-diagrams")
    assert one_line(result) == f"sim: {priors}:{line}: cannot read 'maybe' as !!bool"


# --- points in a case, models ---------------------------------------------------------------------


@pytest.mark.parametrize("until", ["²", "1²", "٣", "9" * 5000, "1" + "0" * 30])
def test_a_bad_until_is_one_line(tmp_path: Path, until: str) -> None:
    result = sim("run", str(_write(tmp_path, CASE)), "--no-diagrams", "--until", until)
    message = one_line(result)
    assert "--until" in message
    assert len(message) < 300


@pytest.mark.parametrize("spec", ["", ":", ".", "..x", ".x", " :MODEL", "no.such.module:X"])
def test_a_bad_model_is_one_line(spec: str) -> None:
    assert "--model" in one_line(sim("rules", "--model", spec))


def test_a_model_whose_module_fails_to_import_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, "raise RuntimeError('broken on purpose')\n", "broken_variant.py")
    monkeypatch.syspath_prepend(str(tmp_path))
    message = one_line(sim("rules", "--model", "broken_variant:MODEL"))
    assert "RuntimeError: broken on purpose" in message


# --- dates beyond the courts' known calendar ---------------------------------------------


@pytest.mark.parametrize("year", ["9999", "9900", "2101", "2080", "1788", "0099"])
def test_a_date_beyond_the_courts_known_calendar_is_refused_on_load(
    tmp_path: Path, year: str
) -> None:
    path = _write(tmp_path, CASE.replace("date: 2020-", f"date: {year}-"))
    for command in (("validate", str(path)), ("run", str(path), "--no-diagrams")):
        message = one_line(sim(*command))
        assert message.startswith(f"sim: {path}:{DATE_LINE}: 'date' is {year}-08-06: "), message
        assert "holidays are known through 2100" in message


def test_the_calendar_s_last_year_is_the_holiday_package_s() -> None:
    import holidays

    from simulator.law.calendar import LAST_CALENDAR_YEAR

    assert holidays.country_holidays("US", years=2000).end_year >= LAST_CALENDAR_YEAR


def test_a_case_in_2079_runs_with_its_deadlines(tmp_path: Path) -> None:
    path = _write(tmp_path, CASE.replace("date: 2020-", "date: 2079-"))
    assert sim("run", str(path), "--no-diagrams").exit_code in (0, 1)


# --- inputs with no size to ask for ---------------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dev_zero_is_refused_after_the_size_cap() -> None:
    message = one_line(sim("validate", "/dev/zero"))
    assert message == "sim: /dev/zero: the input is too large (more than 2,000,000 bytes)"


@pytest.mark.skipif(not os.path.exists("/dev/stdin"), reason="needs /dev/stdin")
def test_a_pipe_bigger_than_the_cap_is_refused() -> None:
    program = "from simulator.cli import main; main()"
    command = [sys.executable, "-c", program, "validate", "/dev/stdin"]
    done = subprocess.run(command, input=b"a: b\n" * 500_000, capture_output=True, check=False)
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "sim: /dev/stdin: the input is too large (more than 2,000,000 bytes)\n"
    )


def test_a_large_regular_file_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * 2_000_001)
    assert one_line(sim("validate", str(path))) == (
        f"sim: {path}: the file is too large (2000001 bytes)"
    )


# --- bounds of sim explore ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--runs", str(10**12)),
        ("--runs", str(MOST_RUNS + 1)),
        ("--runs", "0"),
        ("--jobs", "1000"),
        ("--jobs", str(MOST_JOBS + 1)),
        ("--jobs", "0"),
    ],
)
def test_explore_bounds_are_checked_before_any_work(option: str, value: str) -> None:
    # A scenario that does not exist: the bound is refused before anything is read.
    message = one_line(sim("explore", "no-such-case.yaml", option, value))
    assert f"Invalid value for '{option}'" in message


# --- click's usage errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["run"], "sim: Missing argument 'SCENARIO'. Try 'sim run --help' for help."),
        (["--bogus"], "sim: No such option '--bogus'. Try 'sim --help' for help."),
        (["nosuch"], "sim: No such command 'nosuch'. Try 'sim --help' for help."),
        (["rules", "--model"], "sim: Option '--model' requires an argument."),
        (["run", "x", "--format", "nope"], "sim: Invalid value for '--format': 'nope' is not "),
        (["diagram", "nonsense"], "sim: Invalid value for 'KIND': 'nonsense' is not one of "),
    ],
)
def test_usage_errors_are_one_line(args: list[str], expected: str) -> None:
    assert one_line(sim(*args)).startswith(expected)


def test_help_and_version_are_unchanged() -> None:
    help_text = sim("run", "--help")
    assert help_text.exit_code == 0
    assert help_text.stdout.startswith("Usage: sim run [OPTIONS] SCENARIO")
    version = sim("--version")
    assert version.exit_code == 0
    assert version.stdout.startswith("sim, version ")


# --- a fuzz of the command line -------------------------------------------------------------------

_FOLDER = Path(tempfile.mkdtemp(prefix="sim-cli-fuzz-"))
_SMALL = _write(_FOLDER, CASE, "small.yaml")


def _null_device() -> str:
    """A device to write to: as root, a copy of /dev/null in the fuzz's folder, so that a
    regression could only ever replace the copy; otherwise /dev/null, which only root could."""
    if os.name != "posix" or os.geteuid() != 0:
        return os.devnull
    copy = _FOLDER / "null"
    try:
        os.mknod(copy, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        os.close(os.open(copy, os.O_WRONLY))
    except OSError:
        return str(_FOLDER / "not-a-device")
    return str(copy)


_NULL = _null_device()
_FILES = {
    "small": str(_SMALL),
    "late": str(_write(_FOLDER, CASE.replace("2020-09-19", "2020-09-16"), "late.yaml")),
    "tagged": str(_write(_FOLDER, CASE.replace("true", "!!bool maybe"), "tagged.yaml")),
    "far": str(_write(_FOLDER, CASE.replace("date: 2020-", "date: 9999-"), "far.yaml")),
    "missing": str(_FOLDER / "missing.yaml"),
    "folder": str(_FOLDER),
    "null": _NULL,
    "escape": str(_FOLDER / "\x1b]0;pwned\x07.yaml"),
    "empty": "",
    "bundled": "wechat",
}
_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12
)
_SCENARIOS = st.one_of(st.just(str(_SMALL)), st.sampled_from(sorted(_FILES.values())), _TEXT)
#: Mostly one scenario, as the commands take; sometimes none or two.
_ONE = st.one_of(st.lists(_SCENARIOS, min_size=1, max_size=1), st.lists(_SCENARIOS, max_size=2))
_POINTS = st.one_of(
    st.sampled_from(
        ["", "0", "1", "3", "-1", "²", "1²", "٣", "9" * 5000, "99999999999", "1e3",
         "2020-09-19", "2020-02-30", "9999-12-31", "0001-01-01", "2020W381", "yesterday"]
    ),
    _TEXT,
)  # fmt: skip
# Only names to import that do nothing when imported: a random one could be any module at all.
_MODELS = st.sampled_from(
    ["", ":", ".", "..x", ".x", "x:", ":MODEL", "no.such.module:X", "simulator.law.rules:MODEL",
     "simulator.law.rules:RULES", "simulator.law.rules", "simulator.law.rules:", "os:path",
     "a b:c", "\x1b]0;x\x07"]
)  # fmt: skip
# Small or out of bounds only: a valid large count would run for minutes, more jobs would fork.
_RUNS = st.sampled_from(["", "0", "-1", "1", "3", "x", "²", "1e3", str(10**12), "9" * 5000])
_JOBS = st.sampled_from(["", "0", "1", "-1", "65", "1000", "x", "²"])
_NUMBERS = st.one_of(st.integers(-(10**20), 10**20).map(str), st.sampled_from(["x", "9" * 5000]))
_FORMATS = st.one_of(st.sampled_from(["text", "json"]), _TEXT)
_OUT_DIRS = st.sampled_from([str(_FOLDER / "out"), str(_SMALL), _NULL, ""])
_OUT_FILES = st.sampled_from([str(_FOLDER / "written.out"), str(_FOLDER), _NULL, ""])
_FLAG = st.just("")

#: Each command fuzzed: its positional arguments and its options with their values ("" for a
#: flag). Left out: check and fuzz (minutes at their defaults), lesson and play (a lesson is
#: built or a prompt waits), and the store's commands, which another fuzz covers.
_COMMANDS: dict[str, tuple[st.SearchStrategy[list[str]], dict[str, st.SearchStrategy[str]]]] = {
    "run": (
        _ONE,
        {"--until": _POINTS, "--model": _MODELS, "--format": _FORMATS, "--out": _OUT_DIRS,
         "--no-diagrams": _FLAG},
    ),
    "validate": (st.lists(_SCENARIOS, max_size=3), {}),
    "rules": (
        st.lists(st.one_of(st.sampled_from(["appeal.notice", "appeal"]), _TEXT), max_size=2),
        {"--model": _MODELS, "--format": _FORMATS},
    ),
    "whatif": (
        _ONE,
        {"--branch": _TEXT, "--format": _FORMATS, "--out": _OUT_DIRS, "--no-diagrams": _FLAG,
         "--model": _MODELS},
    ),
    "explore": (
        _ONE,
        {"--from": _POINTS, "--runs": _RUNS, "--seed": _NUMBERS, "--jobs": _JOBS,
         "--priors": _SCENARIOS, "--format": _FORMATS, "--out": _OUT_DIRS,
         "--no-diagrams": _FLAG},
    ),
    "diagram": (
        st.lists(
            st.one_of(st.sampled_from(["machine", "path", "timeline", "outcomes"]), _SCENARIOS),
            max_size=2,
        ),
        {"--format": st.sampled_from(["svg", "dot", "png", "", "gif"]), "--out": _OUT_FILES},
    ),
    "schema": (st.just([]), {"--out": _OUT_FILES}),
    "new": (st.lists(_TEXT, max_size=1), {"--out": _OUT_FILES}),
}  # fmt: skip
_STRAYS = st.sampled_from(["--bogus", "-x", "extra", "--", "-", "--help", "-h", "--version"])


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """A `sim` command line: a command, arguments, options with odd values, maybe a stray."""
    name = draw(st.sampled_from(sorted(_COMMANDS)))
    positionals, options = _COMMANDS[name]
    args = [name, *draw(positionals)]
    names = sorted(options)
    picked = draw(st.lists(st.sampled_from(names), unique=True, max_size=4)) if names else []
    for option in picked:
        value = draw(options[option])
        args += [option] if options[option] is _FLAG else [option, value]
    if draw(st.sampled_from([False, False, False, True])):
        args.insert(draw(st.integers(0, len(args))), draw(_STRAYS))
    return args


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    """Run in ``folder``, so diagrams written by default land there, not in the checkout."""
    here = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(here)


@given(command_lines())
def test_no_command_line_gets_a_traceback(args: list[str]) -> None:
    with _inside(_FOLDER):
        result = CliRunner().invoke(main, args)
    assert_clean(result)


def test_the_holiday_regenerator_says_a_bad_argument_on_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from simulator.law._regenerate_holidays import main as regenerate

    with pytest.raises(SystemExit) as stopped:
        regenerate(["--bogus"])
    assert stopped.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "sim: unrecognized arguments: --bogus (try 'python -m simulator.law.calendar --help')"
    ]

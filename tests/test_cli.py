"""The ``sim`` command through click's CliRunner: exit codes, output, and one-line errors.

Exit codes: 0 success, 1 the case failed (a step the law does not allow), 2
unusable input or bad usage. Click 8.2+ keeps stderr apart (``result.stderr``).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from simulator.cli import main
from simulator.law.rules import MODEL

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EVENT_KEYS = {"seq", "date", "type", "track", "actor", "summary", "citation", "source"}

LATE_APPEAL = """\
id: late
title: Late Users v. United States
events:
  - date: 2020-08-06
    type: order_issued
    summary: The order is signed.
    source: Fed. Reg.
  - date: 2020-08-21
    type: complaint_filed
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
  - date: 2020-11-19
    type: notice_of_appeal_filed
    summary: The government appeals a day late.
    source: invented
"""
LATE_LINE = 26


def sim(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def run_json(wechat_path: Path, *args: str) -> dict:
    result = sim("run", str(wechat_path), "--format", "json", "--no-diagrams", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def assert_one_line_error(result: Result, code: int) -> str:
    assert result.exit_code == code
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def late_appeal(tmp_path: Path) -> Path:
    path = tmp_path / "late.yaml"
    path.write_text(LATE_APPEAL, encoding="utf-8")
    return path


# --- run -----------------------------------------------------------------------------------


def test_run_tells_the_wechat_case(wechat_path: Path) -> None:
    result = sim("run", str(wechat_path), "--no-diagrams")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    for expected in (
        "60 days to appeal, until 2020-11-18",
        "FRAP 4(a)(1)(B)",
        "2020-09-19",
        "Where the case stands",
        "U.S. WeChat Users Alliance v. Trump",
    ):
        assert expected in result.stdout
    assert "Diagrams written" not in result.stdout


def test_run_writes_the_diagrams_into_out(wechat_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "diagrams"
    result = sim("run", str(wechat_path), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert f"Diagrams written to {out}" in result.stdout
    for name in ("path", "timeline", "outcomes"):
        dot = out / f"{name}.dot"
        assert dot.is_file()
        assert "digraph" in dot.read_text(encoding="utf-8")
        if shutil.which("dot") is not None:
            assert (out / f"{name}.svg").read_text(encoding="utf-8").lstrip().startswith("<")


def test_run_json_has_the_documented_shape(wechat_path: Path) -> None:
    document = run_json(wechat_path)
    assert {"scenario", "events", "state", "outcome", "deadlines"} <= set(document)
    assert document["scenario"]["id"] == "wechat"
    assert [event["seq"] for event in document["events"]] == list(range(1, 27))
    for event in document["events"]:
        assert set(event) >= EVENT_KEYS
        assert ISO_DATE.match(event["date"])
        assert event["source"]
        assert event["citation"]
    dates = [event["date"] for event in document["events"]]
    assert dates == sorted(dates)
    (deadline,) = document["deadlines"]
    summary = (deadline["name"], deadline["due"], deadline["status"])
    assert summary == ("appeal", "2020-11-18", "met")
    assert document["state"]["policy"]["policy"] == "revoked"


def test_run_json_is_byte_identical_across_runs(wechat_path: Path) -> None:
    args = ("run", str(wechat_path), "--format", "json")
    first, second = sim(*args), sim(*args)
    assert first.exit_code == second.exit_code == 0
    assert first.stdout_bytes == second.stdout_bytes


@pytest.mark.parametrize("until", ["2020-09-19", "13"])
def test_run_until_stops_after_the_injunction(wechat_path: Path, until: str) -> None:
    document = run_json(wechat_path, "--until", until)
    assert len(document["events"]) == 13
    assert document["events"][-1]["type"] == "injunction_granted"
    (suit,) = document["state"]["lawsuits"]
    assert (suit["injunction"], suit["appeal"]) == ("in_force", "none")


def test_run_until_a_date_and_a_count_agree(wechat_path: Path) -> None:
    assert run_json(wechat_path, "--until", "2020-09-19") == run_json(wechat_path, "--until", "13")


@pytest.mark.parametrize("until", ["yesterday", "2020-02-30", "-1", "13.5"])
def test_run_refuses_a_bad_until(wechat_path: Path, until: str) -> None:
    result = sim("run", str(wechat_path), "--no-diagrams", "--until", until)
    assert result.exit_code == 2
    assert "--until" in result.stderr
    assert "Traceback" not in result.output


def test_run_until_does_not_tell_the_ending(wechat_path: Path) -> None:
    result = sim("run", str(wechat_path), "--no-diagrams", "--until", "13")
    assert result.exit_code == 0
    assert "The ban never took effect" not in result.stdout


def test_run_on_an_illegal_case_exits_1(late_appeal: Path) -> None:
    line = assert_one_line_error(sim("run", str(late_appeal), "--no-diagrams"), 1)
    assert line.startswith(f"sim: {late_appeal}:{LATE_LINE}: ")
    assert "FRAP 4(a)(1)" in line


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_run_on_a_missing_file_exits_2(tmp_path: Path, fmt: str) -> None:
    missing = tmp_path / "missing.yaml"
    line = assert_one_line_error(sim("run", str(missing), "--format", fmt, "--no-diagrams"), 2)
    assert str(missing) in line


# --- validate ------------------------------------------------------------------------------


def test_validate_accepts_wechat(wechat_path: Path) -> None:
    result = sim("validate", str(wechat_path))
    assert result.exit_code == 0
    assert result.stdout == f"{wechat_path}: ok (26 events, wechat)\n"
    assert result.stderr == ""


def test_validate_names_the_file_line_and_rule_of_an_illegal_step(late_appeal: Path) -> None:
    line = assert_one_line_error(sim("validate", str(late_appeal)), 1)
    assert line.startswith(f"sim: {late_appeal}:{LATE_LINE}: ")
    assert "notice_of_appeal_filed on 2020-11-19" in line
    assert "[FRAP 4(a)(1); 28 U.S.C. 2107]" in line


def test_validate_a_missing_file_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    line = assert_one_line_error(sim("validate", str(missing)), 2)
    assert line == f"sim: {missing}: no such file"


def test_validate_reports_every_file_and_exits_with_the_worst(
    wechat_path: Path, late_appeal: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.yaml"
    result = sim("validate", str(wechat_path), str(late_appeal), str(missing))
    assert result.exit_code == 2
    assert "ok (26 events, wechat)" in result.stdout
    assert len(result.stderr.splitlines()) == 2


def test_validate_a_control_character_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bell.yaml"
    path.write_text(LATE_APPEAL.replace("source: invented", "source: bell\x07"), encoding="utf-8")
    assert_one_line_error(sim("validate", str(path)), 2)


# --- rules ---------------------------------------------------------------------------------


def test_rules_lists_every_rule_with_its_law() -> None:
    result = sim("rules")
    assert result.exit_code == 0
    for rule in MODEL.rules:
        assert f"  {rule.id}: on {rule.event}" in result.stdout
    assert "FRAP 4(a)(1)" in result.stdout
    assert f"{len(MODEL.rules)} rules" in result.stdout


def test_rules_json_is_the_rule_table() -> None:
    result = sim("rules", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == [rule.id for rule in MODEL.rules]
    notice = next(row for row in rows if row["id"] == "appeal.notice")
    assert "FRAP 4(a)(1)" in notice["citation"]
    assert [guard["name"] for guard in notice["guards"]] == [
        "appeal_to_court_of_appeals",
        "appealable_order",
        "appeal_in_time",
        "aggrieved_party",
    ]


def test_a_part_of_a_case_never_overwrites_its_diagrams(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["run", "wechat", "--until", "5"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "diagrams").exists()
    assert "diagrams not written" in result.output
    drawn = CliRunner().invoke(main, ["run", "wechat", "--until", "5", "--out", "part"])
    assert drawn.exit_code == 0
    assert (tmp_path / "part" / "path.svg").exists() or (tmp_path / "part" / "path.dot").exists()

"""The scenario catalogue: `sim list`, bundled scenarios named by id, and `sim new`.

Given the bundled scenarios (the repository's scenarios/ folder, or a folder
named by SIM_SCENARIOS), when a command runs, then this output, or this
one-line error and exit code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from simulator.catalog import SCENARIOS_ENV, bundled_scenarios, resolve_scenario
from simulator.cli import main
from simulator.errors import ScenarioError
from simulator.events import COURTS
from simulator.scenario import _BRANCH, _LAWSUIT, _TOP, load_scenario, to_scenario_yaml
from simulator.skeleton import skeleton

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted(path.stem for path in (ROOT / "scenarios").glob("*.yaml"))

LATE_APPEAL = """\
id: late
title: Late v. United States
events:
  - {date: 2020-08-06, type: order_issued, summary: Signed., source: Fed. Reg.}
  - {date: 2020-08-21, type: complaint_filed, summary: Sued., source: ECF No. 1}
  - {date: 2020-08-28, type: motion_filed, motion: preliminary_injunction, summary: Moved.,
     source: ECF No. 17}
  - {date: 2020-09-17, type: hearing_held, motion: preliminary_injunction, summary: Heard.,
     source: minutes}
  - {date: 2020-09-19, type: injunction_granted, summary: Enjoined., source: ECF No. 59}
  - {date: 2020-11-19, type: notice_of_appeal_filed, summary: A day late., source: invented}
"""


def sim(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def one_line_error(result: Result, code: int) -> str:
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture(autouse=True)
def _bundled_from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts from the repository's own scenarios/, whatever the shell has set."""
    monkeypatch.delenv(SCENARIOS_ENV, raising=False)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder of bundled scenarios, named by SIM_SCENARIOS."""
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    monkeypatch.setenv(SCENARIOS_ENV, str(shelf))
    return shelf


def test_the_repository_bundles_scenarios() -> None:
    assert "wechat" in BUNDLED
    assert list(bundled_scenarios()) == BUNDLED


# --- sim list ----------------------------------------------------------------------------


def test_list_shows_every_bundled_scenario_as_a_table() -> None:
    result = sim("list")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "YEARS", "REACHED", "TITLE"]
    rows = [line.split()[0] for line in lines[1:] if line and not line[0].isspace()]
    assert rows[: len(BUNDLED)] == BUNDLED
    assert f"{len(BUNDLED)} bundled scenario" in lines[-1]


def test_list_aligns_its_columns() -> None:
    header, *lines = sim("list").stdout.splitlines()
    title_at = header.index("TITLE")
    rows = [line for line in lines if line.split(" ", 1)[0] in BUNDLED]
    courts = [line for line in lines if line.lstrip().startswith("courts: ")]
    assert len(rows) == len(BUNDLED)
    for line in rows + courts:
        assert line[title_at - 2 : title_at] == "  "
        assert line[title_at] != " "


def test_list_as_json_gives_one_object_per_bundled_scenario() -> None:
    result = sim("list", "--format", "json")
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)
    assert [entry["id"] for entry in entries] == BUNDLED
    for entry in entries:
        assert set(entry) == {"id", "title", "years", "courts", "reached"}
        first, last = entry["years"]
        assert first <= last
        assert entry["reached"] in COURTS
        assert entry["title"] == load_scenario(ROOT / "scenarios" / f"{entry['id']}.yaml").title


def test_list_tells_the_wechat_case() -> None:
    entries = json.loads(sim("list", "--format", "json").stdout)
    (wechat,) = (entry for entry in entries if entry["id"] == "wechat")
    assert wechat["years"] == [2020, 2021]
    assert wechat["reached"] == "appeals"
    assert wechat["courts"] == [
        "U.S. District Court for the Northern District of California",
        "U.S. Court of Appeals for the Ninth Circuit",
    ]
    text = sim("list").stdout
    assert re.search(r"^wechat +2020-2021 +court of appeals +U\.S\. WeChat", text, re.M)
    assert "courts: U.S. District Court for the Northern District of California;" in text


def test_list_reads_how_far_a_case_went_from_its_replay(folder: Path) -> None:
    wechat = load_scenario(ROOT / "scenarios" / "wechat.yaml")
    (branch,) = (b for b in wechat.branches if b.id == "never-revoked")
    history = branch.history(wechat.events)
    (folder / "cert.yaml").write_text(to_scenario_yaml(history, scenario_id="cert"), "utf-8")
    (folder / "order.yaml").write_text(to_scenario_yaml(history[:1], scenario_id="order"), "utf-8")
    (folder / "new.yaml").write_text(skeleton("new"), "utf-8")
    entries = {e["id"]: e for e in json.loads(sim("list", "--format", "json").stdout)}
    assert list(entries) == ["cert", "new", "order"]
    assert entries["cert"]["reached"] == "supreme"
    assert entries["cert"]["courts"] == ["Supreme Court"]
    assert entries["cert"]["years"] == [2020, 2022]
    assert entries["order"]["reached"] == ""
    assert entries["order"]["courts"] == []
    assert entries["new"]["reached"] == "appeals"
    assert "no lawsuit" in sim("list").stdout


def test_list_is_sorted_by_id_the_file_name(folder: Path) -> None:
    for name in ("b", "a-b", "a"):
        (folder / f"{name}.yaml").write_text(skeleton(name), "utf-8")
    entries = json.loads(sim("list", "--format", "json").stdout)
    assert [entry["id"] for entry in entries] == ["a", "a-b", "b"]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("id: broken\ntitle: [unclosed\n", "broken YAML"),
        (LATE_APPEAL, "is not allowed"),
    ],
    ids=["unreadable", "unlawful"],
)
def test_a_broken_bundled_scenario_is_one_line_and_exit_2(
    folder: Path, text: str, says: str
) -> None:
    (folder / "good.yaml").write_text(skeleton("good"), "utf-8")
    (folder / "broken.yaml").write_text(text, "utf-8")
    for fmt in ("text", "json"):
        result = sim("list", "--format", fmt)
        line = one_line_error(result, 2)
        assert line.startswith(f"sim: {folder / 'broken.yaml'}:")
        assert says in line
    entries = json.loads(sim("list", "--format", "json").stdout)
    assert [entry["id"] for entry in entries] == ["good"]


def test_list_without_a_folder_of_scenarios_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SCENARIOS_ENV, str(tmp_path / "nowhere"))
    line = one_line_error(sim("list"), 2)
    nowhere = tmp_path / "nowhere"
    assert line == f"sim: {nowhere}: no such folder of bundled scenarios ({SCENARIOS_ENV})"


def test_an_empty_folder_lists_nothing(folder: Path) -> None:
    assert json.loads(sim("list", "--format", "json").stdout) == []
    assert "0 bundled scenarios" in sim("list").stdout


# --- a bundled scenario named by its id --------------------------------------------------


def test_run_takes_a_bundled_id_from_any_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_path = sim("run", str(ROOT / "scenarios" / "wechat.yaml"), "--format", "json")
    monkeypatch.chdir(tmp_path)
    by_id = sim("run", "wechat", "--format", "json")
    assert by_id.exit_code == 0, by_id.output
    assert by_id.stdout == by_path.stdout
    assert json.loads(by_id.stdout)["scenario"]["id"] == "wechat"


def test_run_by_id_equals_run_by_the_readme_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    by_path = sim("run", "scenarios/wechat.yaml", "--format", "json")
    assert by_path.exit_code == 0
    assert sim("run", "wechat", "--format", "json").stdout == by_path.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{}"],
        ["whatif", "{}", "--format", "json"],
        ["diagram", "timeline", "{}", "--format", "dot"],
        ["report", "{}", "--out", "{tmp}/report.html"],
        ["record", "{}", "--store", "{tmp}/cases.jsonl"],
        ["explore", "{}", "--runs", "20", "--format", "json"],
    ],
    ids=lambda args: args[0],
)
def test_every_command_that_reads_a_scenario_takes_an_id(args: list[str], tmp_path: Path) -> None:
    def invoke(scenario: str, tmp: Path) -> Result:
        tmp.mkdir()
        return sim(*(arg.format(scenario, tmp=tmp) for arg in args))

    by_path = invoke(str(ROOT / "scenarios" / "wechat.yaml"), tmp_path / "path")
    by_id = invoke("wechat", tmp_path / "id")
    assert by_id.exit_code == 0, by_id.output
    assert by_path.exit_code == 0, by_path.output
    if args[0] in ("whatif", "diagram", "explore"):
        assert by_id.stdout == by_path.stdout


def test_an_unknown_id_is_one_line_naming_it_and_the_known_ones() -> None:
    for command in ("run", "validate", "report", "whatif"):
        line = one_line_error(sim(command, "no-such-case"), 2)
        known = ", ".join(BUNDLED)
        assert line == f"sim: no-such-case: no such file or bundled scenario (known: {known})"


def test_a_missing_path_is_still_just_a_missing_file(tmp_path: Path) -> None:
    # A path with a folder or a suffix cannot be an id: the bundled ids would not help.
    for name in (str(tmp_path / "missing.yaml"), "missing.yaml", str(tmp_path / "wechat")):
        assert one_line_error(sim("run", name), 2) == f"sim: {name}: no such file"


def test_an_existing_file_wins_over_a_bundled_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("wechat").write_text(skeleton("local"), "utf-8")
    result = sim("validate", "wechat")
    assert result.stdout == "wechat: ok (7 events, local)\n"


def test_resolve_scenario_reads_the_folder_named_by_the_environment(folder: Path) -> None:
    (folder / "mine.yaml").write_text(skeleton("mine"), "utf-8")
    assert resolve_scenario("mine") == folder / "mine.yaml"
    assert load_scenario("mine").id == "mine"
    with pytest.raises(ScenarioError, match=r"^wechat: .*\(known: mine\)$"):
        resolve_scenario("wechat")


def test_resolve_scenario_leaves_paths_alone(tmp_path: Path) -> None:
    assert resolve_scenario(tmp_path / "x.yaml") == tmp_path / "x.yaml"
    assert resolve_scenario(tmp_path) == tmp_path


def test_an_overlong_name_is_refused_in_one_line() -> None:
    line = one_line_error(sim("run", "a" * 5000), 2)
    assert line.startswith("sim: aaaa")


# --- sim new -----------------------------------------------------------------------------


def test_new_writes_a_skeleton_that_loads_validates_and_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = sim("new", "my-case")
    assert result.exit_code == 0, result.output
    assert "my-case.yaml" in result.stdout
    case = load_scenario(tmp_path / "my-case.yaml")
    assert case.id == "my-case"
    assert [suit.id for suit in case.lawsuits] == ["my-case"]
    assert sim("validate", "my-case.yaml").exit_code == 0
    ran = sim("run", "my-case.yaml", "--no-diagrams")
    assert ran.exit_code == 0, ran.output
    assert sim("whatif", "my-case.yaml", "--no-diagrams").exit_code == 0


def test_new_writes_where_out_says(tmp_path: Path) -> None:
    target = tmp_path / "cases" / "x.yaml"
    target.parent.mkdir()
    assert sim("new", "x", "--out", str(target)).exit_code == 0
    assert load_scenario(target).id == "x"


def test_new_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "kept.yaml"
    target.write_text("mine\n", "utf-8")
    line = one_line_error(sim("new", "kept", "--out", str(target)), 2)
    assert line == f"sim: {target}: already exists; not overwritten (choose another --out)"
    assert target.read_text("utf-8") == "mine\n"


@pytest.mark.parametrize("bad", ["Wechat", "_x", "two words", "x.yaml", "../x", ""])
def test_new_refuses_an_id_the_loader_would_refuse(
    bad: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    line = one_line_error(sim("new", bad), 2)
    assert line.startswith(f"sim: {bad!r} is not a scenario id")
    assert list(tmp_path.iterdir()) == []


def test_new_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "no" / "x.yaml"
    line = one_line_error(sim("new", "x", "--out", str(target)), 2)
    assert line.startswith(f"sim: {target}: ")


def test_the_skeleton_marks_every_fact_unverified_and_to_replace() -> None:
    document = yaml.safe_load(skeleton("x"))
    assert {event["confidence"] for event in document["events"]} == {"unverified"}
    assert all("REPLACE" in event["summary"] for event in document["events"])
    assert all("REPLACE" in event["source"] for event in document["events"])
    assert "docs/scenarios.md" in skeleton("x")
    assert "sim schema" in skeleton("x")


def test_the_skeleton_teaches_every_field_it_uses_and_every_field_there_is() -> None:
    lines = skeleton("x").splitlines()
    seen: set[str] = set()
    for number, line in enumerate(lines):
        key = re.match(r"^\s*(?:- )?([a-z_]+):", line)
        if key is None or key.group(1) in seen:
            continue
        seen.add(key.group(1))
        above = lines[number - 1].strip()
        assert above.startswith("#"), f"the first {key.group(1)!r} has no comment above it"
    assert set(_TOP) <= seen
    assert set(_LAWSUIT) <= seen
    assert set(_BRANCH) <= seen

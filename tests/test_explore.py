"""`sim explore`: the priors file, the Monte Carlo continuations and the command.

Given the WeChat case and the bundled priors, when it is continued many times,
then every continuation is lawful, the same seed gives the same bytes whatever
the number of processes, the tallies add up, and the priors really drive the
draws. Runs are kept small so the whole file takes a few seconds.
"""

from __future__ import annotations

import datetime
import json
import random
import re
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from simulator import Scenario, replay
from simulator.explore import commands
from simulator.explore.commands import explore as explore_command
from simulator.explore.montecarlo import (
    ExploreError,
    Tally,
    continue_case,
    explore,
    plan_for,
    start_of,
)
from simulator.explore.walk import random_history
from simulator.law.priors import (
    CONFIDENCE,
    DEFAULT_PRIORS,
    PriorsError,
    Timing,
    circuit_of,
    load_priors,
    parse_priors,
)
from simulator.law.rules import MODEL
from simulator.render.probabilities import explore_diagram
from simulator.scenario import parse_scenario, to_scenario_yaml

BUNDLED = DEFAULT_PRIORS.read_text(encoding="utf-8")
GRANTED = "      injunction_granted: [0.5, no-pi-rate]\n"
DENIED = "      injunction_denied: [0.5, no-pi-rate]\n"


@click.group()
def sim() -> None:
    """A stand-in for `simulator.cli.main`, which registers the command the same way."""


sim.add_command(explore_command)


def run(*args: str) -> Result:
    return CliRunner().invoke(sim, ["explore", *args])


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# The priors file


def test_the_bundled_priors_check_and_every_number_names_its_source() -> None:
    priors = load_priors()
    numbers = list(priors.numbers())
    assert len(numbers) > 50
    for number in numbers:
        source = number.source
        assert source.text
        assert source.period
        assert source.confidence in CONFIDENCE
        if source.confidence == "assumption":
            assert "assumption" in source.text.lower(), source.id
    base_rates = [n for n in numbers if n.source.confidence in ("V", "P", "U")]
    assert base_rates, "some numbers come from the research notes"


def test_every_decision_point_of_the_rule_table_has_priors() -> None:
    groups = {rule.decision for rule in MODEL.rules if rule.decision}
    assert groups <= {decision.name for decision in load_priors().decisions}


BAD_PRIORS = [
    (GRANTED, GRANTED.replace("0.5", "1.5"), "must be between 0 and 1"),
    (GRANTED, GRANTED.replace("0.5", "half"), "must be a number"),
    (GRANTED, GRANTED.replace("granted", "grnted"), "did you mean 'injunction_granted'"),
    (GRANTED, GRANTED.replace("no-pi-rate", "no-pi-rte"), "no known source 'no-pi-rte'"),
    (GRANTED, GRANTED.replace("0.5", "0.6"), "sum to 1.1, not 1"),
    ("  injunction:\n", "  injuction:\n", "did you mean 'injunction'"),
    ("    confidence: V\n", "    confidence: verified\n", "confidence must be one of"),
    ("when: {moot: true}", "when: {moot: maybe}", "moot is never 'maybe'"),
    ("when: {circuit: 9th}", "when: {circuit: ninth}", "circuit is never 'ninth'"),
    ("median: [14, no-timing]", "median: [99, no-timing]", "low <= median <= high"),
    ("  appeal.notice:\n", "  appeal.notise:\n", "did you mean 'appeal.notice'"),
    ("  appeal.notice:\n", "  appeal.affirm:\n", "is a court's decision"),
    (GRANTED, "      injunction_granted: !!python/object:os.system [0.5, no-pi-rate]\n", "tag"),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD_PRIORS)
def test_a_bad_priors_file_is_refused_naming_the_file_and_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert old in BUNDLED
    text = BUNDLED.replace(old, new, 1)
    path = tmp_path / "priors.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PriorsError) as caught:
        load_priors(path)
    error = str(caught.value)
    assert message in error
    match = re.match(rf"^{re.escape(str(path))}:(\d+): ", error)
    assert match, error
    assert "\n" not in error
    changed = _line_of(text, new.strip().split("\n")[0])
    assert abs(int(match.group(1)) - changed) <= 1, error


def test_an_unused_source_and_aliases_are_refused() -> None:
    extra = BUNDLED.replace(
        "sources:\n", "sources:\n  spare: {text: t, period: p, confidence: V}\n"
    )
    with pytest.raises(PriorsError, match=r"<priors>:\d+: source 'spare' is cited by no number"):
        parse_priors(extra)
    with pytest.raises(PriorsError, match=r"aliases \(\*a\) are not allowed"):
        parse_priors("sources: &a {}\ndecisions: *a\n")


def test_timings_have_the_median_they_say_and_stay_in_bounds() -> None:
    timing = next(d.days for d in load_priors().decisions if d.name == "appeal")
    assert timing.days(0.5) == timing.median.value
    assert timing.days(0.0) == timing.low.value
    assert timing.days(0.999999) <= timing.high.value
    assert isinstance(timing, Timing)


@pytest.mark.parametrize(
    ("court", "circuit"),
    [
        ("U.S. Court of Appeals for the Ninth Circuit", "9th"),
        ("United States Court of Appeals for the District of Columbia Circuit", "dc"),
        ("3d Cir.", ""),
        ("1st Cir.", "1st"),
        ("Eleventh Circuit", "11th"),
        ("", ""),
    ],
)
def test_the_circuit_is_read_from_the_name_of_the_court(court: str, circuit: str) -> None:
    assert circuit_of(court) == circuit


# The continuations


def test_by_default_the_case_continues_just_before_its_first_decision(wechat: Scenario) -> None:
    start = start_of(wechat)
    assert wechat.events[start.kept].type == "injunction_granted"
    assert start.day == datetime.date(2020, 9, 19)
    assert start_of(wechat, datetime.date(2020, 9, 18)).kept == 11
    assert start_of(wechat, 3).kept == 3


@pytest.mark.parametrize("point", [0, 27, datetime.date(2020, 1, 1)])
def test_a_point_outside_the_history_is_refused(wechat: Scenario, point: object) -> None:
    with pytest.raises(ExploreError, match="cannot continue from"):
        start_of(wechat, point)  # type: ignore[arg-type]


@pytest.mark.parametrize("point", [None, datetime.date(2020, 9, 18), 20])
def test_every_continuation_is_a_lawful_history(wechat: Scenario, point: object) -> None:
    start = start_of(wechat, point)  # type: ignore[arg-type]
    plan = plan_for(start, load_priors(), seed=3)
    for index in range(0, 400, 10):
        continued = continue_case(plan, index)
        history = [*wechat.events[: start.kept], *continued.events]
        replay(history)  # checked: raises IllegalTransition at the first unlawful step
        assert continued.ending in ("settled", "stalled", "capped")
        assert all(event.date >= start.day for event in continued.events)


def test_the_tallies_add_up(wechat: Scenario) -> None:
    result = explore(wechat, load_priors(), runs=300, seed=1)
    tally = result.tally
    assert tally.runs == 300
    for aspect in ("policy", "highest_court", "prevailing", "ending"):
        assert sum(runs for _, runs in tally.by(aspect)) == 300
    assert sum(runs for _, runs in tally.paths()) == 300
    assert {value for value, _ in tally.by("policy")} <= {"enjoined", "in force", "revoked"}


def test_the_priors_drive_the_draws_an_injunction_always_denied(
    wechat: Scenario, tmp_path: Path
) -> None:
    text = BUNDLED.replace(GRANTED, GRANTED.replace("0.5", "0")).replace(
        DENIED, DENIED.replace("0.5", "1")
    )
    result = explore(wechat, parse_priors(text, "denied.yaml"), runs=300, seed=2)
    assert all(path[0] == "injunction/injunction_denied" for path, _ in result.tally.paths())
    # With no preliminary injunction, only a final judgment for the plaintiffs (and its
    # permanent injunction) stops the policy.
    won = sum(
        runs for path, runs in result.tally.paths() if "merits/judgment_entered:plaintiffs" in path
    )
    assert dict(result.tally.by("policy")).get("enjoined", 0) == won
    default = explore(wechat, load_priors(), runs=300, seed=2)
    assert any(path[0] == "injunction/injunction_granted" for path, _ in default.tally.paths())
    assert dict(default.tally.by("policy"))["enjoined"] > 0


def test_quartiles_are_days_some_run_took() -> None:
    tally = Tally()
    tally.days.update({10: 1, 20: 2, 30: 1})
    assert tally.quartiles() == (10, 10, 20, 20, 30)
    assert Tally().quartiles() is None


# The command


def test_the_same_seed_gives_byte_identical_json_whatever_the_jobs(wechat_path: Path) -> None:
    args = [str(wechat_path), "--runs", "1100", "--seed", "7", "--format", "json"]
    one, again, two = run(*args), run(*args), run(*args, "--jobs", "2")
    assert one.exit_code == again.exit_code == two.exit_code == 0, one.output + two.output
    assert one.stdout == again.stdout == two.stdout
    other = run(str(wechat_path), "--runs", "1100", "--seed", "8", "--format", "json")
    assert other.stdout != one.stdout


def test_json_shares_sum_to_one_and_name_the_start(wechat_path: Path) -> None:
    result = run(str(wechat_path), "--from", "2020-09-18", "--runs", "200", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["from"] == {"events": 11, "date": "2020-09-18"}
    assert document["runs"] == 200
    assert document["priors"] == "bundled"
    for aspect in ("policy", "highest_court", "prevailing", "ending"):
        values = document[aspect].values()
        assert sum(value["runs"] for value in values) == 200
        assert sum(value["share"] for value in values) == pytest.approx(1)
    days = document["days_to_outcome"]
    assert days["min"] <= days["q1"] <= days["median"] <= days["q3"] <= days["max"]
    assert document["paths"][0]["runs"] >= document["paths"][-1]["runs"]


def test_text_output_is_a_table_and_writes_the_outcome_tree(
    wechat_path: Path, tmp_path: Path
) -> None:
    result = run(str(wechat_path), "--runs", "200", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    for heading in ("Policy at the end", "Highest court reached", "Who prevailed"):
        assert heading in result.stdout
    assert "Most likely paths" in result.stdout
    assert "median" in result.stdout
    dot = (tmp_path / "explore.dot").read_text(encoding="utf-8")
    assert "%" in dot
    assert "->" in dot
    if shutil.which("dot"):
        assert (tmp_path / "explore.svg").exists()


def test_json_output_writes_no_diagram_unless_asked(
    wechat_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(str(wechat_path), "--runs", "50", "--format", "json").exit_code == 0
    assert not (tmp_path / "diagrams").exists()


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    wechat_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commands, "_LONG", 1)
    result = run(str(wechat_path), "--runs", "50", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "yesterday"], "neither a step number nor a date"),
        (["--from", "99"], "cannot continue from 99"),
        (["--from", "1999-01-01"], "cannot continue from 1999-01-01"),
        (["--runs", "0"], "--runs"),
        (["--jobs", "0"], "--jobs"),
        (["--priors", "no-such-priors.yaml"], "no-such-priors.yaml: no such file"),
    ],
)
def test_unusable_input_exits_2_with_one_line(
    wechat_path: Path, args: list[str], message: str
) -> None:
    result = run(str(wechat_path), "--runs", "10", *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_a_missing_scenario_or_bad_priors_exit_2_naming_the_file(
    wechat_path: Path, tmp_path: Path
) -> None:
    missing = run(str(tmp_path / "none.yaml"))
    assert missing.exit_code == 2
    assert "no such file" in missing.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text(BUNDLED.replace(GRANTED, GRANTED.replace("0.5", "2")), encoding="utf-8")
    result = run(str(wechat_path), "--priors", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"sim: {bad}:{_line_of(BUNDLED, GRANTED)}: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_unlawful_scenario_exits_1(tmp_path: Path) -> None:
    scenario = tmp_path / "bad.yaml"
    scenario.write_text(
        "id: bad\ntitle: Bad\nevents:\n"
        "  - {date: 2020-08-06, type: order_issued, summary: s, source: s}\n"
        "  - {date: 2020-08-07, type: injunction_granted, case: x, summary: s, source: s}\n",
        encoding="utf-8",
    )
    result = run(str(scenario))
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"sim: {scenario}:5: ")


# The outcome tree


def test_the_outcome_tree_is_deterministic_with_odds_on_its_edges(wechat: Scenario) -> None:
    result = explore(wechat, load_priors(), runs=400, seed=4)
    source = explore_diagram(result).source
    assert source == explore_diagram(explore(wechat, load_priors(), runs=400, seed=4)).source
    first = re.findall(r"n0 -> n\d+ \[label=\"[^\"]*\\n([\d.]+)%\"", source)
    assert first
    assert sum(float(share) for share in first) == pytest.approx(100, abs=0.5)


def test_from_every_point_of_the_wechat_case_the_runs_settle(wechat: Scenario) -> None:
    priors = load_priors()
    for point in range(1, len(wechat.events) + 1):
        result = explore(wechat, priors, point=point, runs=40, seed=point)
        assert result.tally.by("ending") == [("settled", 40)], point


@pytest.mark.parametrize("seed", range(6))
def test_cases_with_several_lawsuits_continue_lawfully(seed: int) -> None:
    history = random_history(random.Random(seed), max_steps=12, max_lawsuits=2)
    case = parse_scenario(to_scenario_yaml(history))
    plan = plan_for(start_of(case, len(case.events)), load_priors(), seed=seed)
    for index in range(20):
        replay([*case.events, *continue_case(plan, index).events])

"""sim check: the exhaustive (bounded) check of the process model, and planted faults it finds."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from simulator.cli import main
from simulator.explore.check import check_model
from simulator.law.invariants import INVARIANTS
from simulator.law.rules import MODEL
from simulator.scenario import load_scenario

#: A notice of appeal that no longer needs an appealable order.
NO_ORDER_NEEDED = MODEL.revise(
    name="planted: appeal without an order",
    replace=[attrs.evolve(MODEL.rule("appeal.notice"), guards=("appeal_in_time",))],
)
#: A voluntary dismissal that leaves pending motions pending for ever.
MOTIONS_LEFT_OPEN = MODEL.revise(
    name="planted: motions left open",
    replace=[attrs.evolve(MODEL.rule("case.dismiss.voluntary"), effects=("end_relief",))],
)


def test_the_real_model_passes_every_check_within_a_small_bound() -> None:
    report = check_model(max_depth=7)
    assert report.violations == ()
    assert report.states > 1000
    assert report.transitions > report.states
    assert report.invariants == tuple(invariant.name for invariant in INVARIANTS)
    assert not report.complete  # the bound cut the search, and the report says so


def test_a_planted_fault_is_caught_with_the_shortest_history() -> None:
    report = check_model(model=NO_ORDER_NEEDED, first_only=True)
    (violation,) = report.violations
    assert violation.name == "appeal_from_an_appealable_order"
    assert [event.type for event in violation.history] == [
        "order_issued",
        "complaint_filed",
        "notice_of_appeal_filed",
    ]


def test_a_planted_dead_end_is_caught() -> None:
    report = check_model(model=MOTIONS_LEFT_OPEN, max_depth=6)
    names = [violation.name for violation in report.violations]
    assert names == ["no_dead_end"]
    history = report.violations[0].history
    assert history[-1].type == "case_dismissed"
    assert any(event.type == "motion_filed" for event in history)


def test_the_check_is_deterministic() -> None:
    assert check_model(max_depth=6) == check_model(max_depth=6)


def test_sim_check_writes_a_counterexample_that_replays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("simulator.law.rules.NO_ORDER", NO_ORDER_NEEDED, raising=False)
    out = tmp_path / "counterexample.yaml"
    runner = CliRunner()
    args = ["check", "--model", "simulator.law.rules:NO_ORDER", "--depth", "4", "--out", str(out)]
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert "BROKEN appeal_from_an_appealable_order" in result.output
    replayed = runner.invoke(
        main, ["run", str(out), "--no-diagrams", "--model", "simulator.law.rules:NO_ORDER"]
    )
    assert replayed.exit_code == 0, replayed.output
    assert [event.type for event in load_scenario(out, validate=False).events][-1] == (
        "notice_of_appeal_filed"
    )


def test_sim_check_json_reports_states_and_transitions() -> None:
    import json

    result = CliRunner().invoke(main, ["check", "--format", "json", "--depth", "5"])
    assert result.exit_code == 0
    document = json.loads(result.output)
    assert document["states"] > 0
    assert document["transitions"] > document["states"]
    assert document["violations"] == []
    assert document["complete"] is False

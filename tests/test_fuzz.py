"""sim fuzz and its library: invariants against generated histories, counterexamples that replay."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from simulator.cli import main
from simulator.events import OPENING
from simulator.explore.fuzz import first_failure, fuzz
from simulator.law.invariants import INVARIANTS
from simulator.law.rules import MODEL
from simulator.scenario import load_scenario

#: The events that issue a policy: any of them can start a history.
ISSUING = {rule.event for rule in MODEL.rules if rule.slot == "policy" and rule.sources == {"none"}}

#: A planted bug: a notice of appeal no longer needs an appealable order.
PLANTED = MODEL.revise(
    name="planted",
    replace=[attrs.evolve(MODEL.rule("appeal.notice"), guards=("appeal_in_time",))],
)


def test_the_real_model_keeps_every_invariant() -> None:
    report = fuzz(examples=60, seed=3, max_steps=25)
    assert report.failure is None
    assert report.histories == 60
    assert report.invariants == INVARIANTS


def test_a_planted_bug_is_found_and_shrunk_to_the_shortest_history() -> None:
    report = fuzz(examples=200, seed=1, model=PLANTED)
    assert report.failure is not None
    assert report.failure.invariant.name == "appeal_from_an_appealable_order"
    first, opening, last = report.failure.history
    # Any kind of policy and either way of starting a lawsuit make a history as short.
    assert first.type in ISSUING
    assert last.type == "notice_of_appeal_filed"
    assert opening.type in OPENING


def test_the_same_seed_gives_the_same_result() -> None:
    assert fuzz(examples=40, seed=7, model=PLANTED) == fuzz(examples=40, seed=7, model=PLANTED)


def test_the_wechat_case_keeps_every_invariant(wechat) -> None:  # type: ignore[no-untyped-def]
    assert first_failure(wechat.events) is None


def test_sim_fuzz_prints_a_counterexample_that_sim_run_replays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("simulator.law.rules.PLANTED", PLANTED, raising=False)
    out = tmp_path / "counterexample.yaml"
    runner = CliRunner()
    args = ["fuzz", "--model", "simulator.law.rules:PLANTED", "--seed", "1", "--out", str(out)]
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert "appeal_from_an_appealable_order" in result.output
    assert load_scenario(out, validate=False).events[-1].type == "notice_of_appeal_filed"

    under_variant = runner.invoke(
        main, ["run", str(out), "--no-diagrams", "--model", "simulator.law.rules:PLANTED"]
    )
    assert under_variant.exit_code == 0, under_variant.output
    under_the_law = runner.invoke(main, ["run", str(out), "--no-diagrams"])
    assert under_the_law.exit_code == 1
    assert "28 U.S.C. 1292(a)(1)" in under_the_law.stderr
    assert ":" in under_the_law.stderr.split(" ")[1]  # sim: <file>:<line>: ...


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["fuzz", "--model", "no.such.module:X"], "cannot load"),
        (["fuzz", "--model", "simulator.law.rules:RULES"], "is not a ProcessModel"),
        (["fuzz", "--examples", "0"], "0 is not in the range 1<=x<="),
    ],
)
def test_bad_fuzz_options_exit_2(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert message in result.output + result.stderr

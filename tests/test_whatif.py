"""What-if branches: declared in a scenario, replayed through the law, compared with the record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from simulator.cli import main
from simulator.errors import IllegalTransition, ScenarioError
from simulator.explore.whatif import compare_all
from simulator.render.branches import whatif_diagram
from simulator.scenario import parse_scenario

ROOT = Path(__file__).resolve().parent.parent
WECHAT = ROOT / "scenarios" / "wechat.yaml"

CASE = """\
id: small
title: A small case
lawsuits: [{id: c, caption: C v. United States}]
events:
  - {date: 2020-08-06, type: order_issued, summary: s, source: s}
  - {date: 2020-08-21, type: complaint_filed, summary: s, source: s}
  - {date: 2020-08-28, type: motion_filed, motion: preliminary_injunction, summary: s, source: s}
  - {date: 2020-09-08, type: brief_filed, motion: preliminary_injunction, summary: s, source: s}
  - {date: 2020-09-19, type: injunction_granted, summary: s, source: s}
whatif:
"""


def _dig(report, aspect):  # type: ignore[no-untyped-def]
    return {name: (before, after) for name, before, after in report.differences}.get(aspect)


def test_the_wechat_branches_change_the_ending_as_the_law_says(wechat) -> None:  # type: ignore[no-untyped-def]
    _steps, reports = compare_all(wechat)
    by_id = {report.branch.id: report for report in reports}
    assert set(by_id) == {"injunction-denied", "ninth-circuit-stays", "never-revoked"}
    # Revoked in both, the policy is enjoined in neither at the end (a revoked policy has
    # nothing left to enjoin); the injunction itself is what the refusal took away.
    assert _dig(by_id["injunction-denied"], "wechat: upper hand") == ("plaintiffs", "government")
    relief = _dig(by_id["injunction-denied"], "wechat: relief")
    assert relief is not None
    assert relief[0].startswith("preliminary injunction (universal) in force")
    assert _dig(by_id["never-revoked"], "enjoined") == ("no", "yes")
    assert _dig(by_id["ninth-circuit-stays"], "wechat: upper hand") == ("plaintiffs", "government")
    assert _dig(by_id["never-revoked"], "wechat: highest court") == ("appeals", "supreme")
    denied = by_id["injunction-denied"]
    assert denied.diverges_at == 13
    assert denied.real_step is not None
    assert denied.real_step.event.type == "injunction_granted"
    assert denied.branch_step is not None
    assert denied.branch_step.event.type == "injunction_denied"


def test_branch_steps_are_hypothetical_unless_sourced(wechat) -> None:  # type: ignore[no-untyped-def]
    for branch in wechat.branches:
        for event in branch.events:
            assert event.confidence == "unverified"
            assert event.source.startswith("hypothetical")


def test_a_branch_that_breaks_the_rules_is_refused_at_its_line() -> None:
    text = CASE + (
        "  - id: too-late\n"
        "    title: An appeal filed a year later\n"
        "    at: 6\n"
        "    events:\n"
        "      - {date: 2021-09-20, type: notice_of_appeal_filed, summary: late}\n"
    )
    with pytest.raises(IllegalTransition) as refusal:
        parse_scenario(text, "small.yaml")
    assert str(refusal.value).startswith("small.yaml:15: step 6")
    assert "FRAP 4(a)(1)" in refusal.value.citation


@pytest.mark.parametrize(
    ("branch", "message"),
    [
        ("  - {id: x, title: t, at: 99, events: []}\n", "'at' must be a step from 1 to 6"),
        ("  - {id: x, title: t, events: []}\n", "needs 'at'"),
        ("  - {id: X Y, title: t, at: 2, events: []}\n", "lower-case"),
        ("  - {id: x, title: t, at: 2, drop: -1, keep_rest: true, events: []}\n", "'drop'"),
    ],
)
def test_malformed_branches_are_refused_cleanly(branch: str, message: str) -> None:
    with pytest.raises(ScenarioError, match=message):
        parse_scenario(CASE + branch, "small.yaml")


def test_keep_rest_drops_one_step_and_resumes_the_record() -> None:
    text = CASE + (
        "  - id: no-brief\n"
        "    title: Heard instead of briefed\n"
        "    at: 4\n"
        "    keep_rest: true\n"
        "    events:\n"
        "      - date: 2020-09-17\n"
        "        type: hearing_held\n"
        "        motion: preliminary_injunction\n"
        "        summary: heard\n"
    )
    case = parse_scenario(text, "small.yaml")
    (branch,) = case.branches
    assert [event.type for event in branch.history(case.events)] == [
        "order_issued",
        "complaint_filed",
        "motion_filed",
        "hearing_held",
        "injunction_granted",
    ]


def test_sim_whatif_text_json_and_tree(tmp_path: Path) -> None:
    runner = CliRunner()
    text = runner.invoke(main, ["whatif", str(WECHAT), "--out", str(tmp_path)])
    assert text.exit_code == 0, text.output
    assert "leaves the record at step 13" in text.output
    assert (tmp_path / "whatif.dot").exists()
    first = runner.invoke(main, ["whatif", str(WECHAT), "--format", "json"])
    second = runner.invoke(main, ["whatif", str(WECHAT), "--format", "json"])
    assert first.output == second.output
    document = json.loads(first.output)
    assert [branch["id"] for branch in document["branches"]] == [
        "injunction-denied",
        "ninth-circuit-stays",
        "never-revoked",
    ]
    only = runner.invoke(
        main, ["whatif", str(WECHAT), "--branch", "never-revoked", "--no-diagrams"]
    )
    assert only.exit_code == 0
    assert "injunction-denied" not in only.output
    unknown = runner.invoke(main, ["whatif", str(WECHAT), "--branch", "nope"])
    assert unknown.exit_code == 2


def test_the_tree_shows_every_branch_and_is_deterministic(wechat) -> None:  # type: ignore[no-untyped-def]
    steps, reports = compare_all(wechat)
    source = whatif_diagram(wechat, steps, reports).source
    assert source == whatif_diagram(wechat, steps, reports).source
    for report in reports:
        assert report.branch.title.split("?")[0][:20] in source

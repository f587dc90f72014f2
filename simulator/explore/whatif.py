"""What-if branches: where a branch leaves the recorded case, and how its ending differs.

A branch (declared under ``whatif:`` in a scenario, see docs/scenarios.md) is
replayed through the same law as the real case; the comparison reads both
endings with the same projection (`simulator.projections.outcome`), so the
differences it reports are the model's, not the branch author's.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from simulator.decider import Step
from simulator.law.model import ProcessModel
from simulator.law.rules import MODEL
from simulator.projections.outcome import Outcome, outcome
from simulator.scenario import Branch, Scenario, trace_branch, trace_scenario

__all__ = ["BranchReport", "compare", "compare_all"]


@attrs.frozen
class BranchReport:
    """One branch against the real case: where it diverged and what changed at the end."""

    branch: Branch
    diverges_at: int
    real_step: Step | None
    branch_step: Step | None
    real: Outcome
    imagined: Outcome
    steps: tuple[Step, ...]
    #: (aspect, the real case's value, the branch's value) for each aspect that differs
    differences: tuple[tuple[str, str, str], ...]


def _aspects(result: Outcome) -> dict[str, str]:
    aspects = {"policy": result.policy, "enjoined": "yes" if result.enjoined else "no"}
    for suit in result.lawsuits:
        aspects[f"{suit.case}: relief"] = suit.relief
        aspects[f"{suit.case}: highest court"] = suit.highest_court
        aspects[f"{suit.case}: upper hand"] = suit.prevailing
        aspects[f"{suit.case}: status"] = "; ".join(suit.status)
    return aspects


def compare(
    scenario: Scenario,
    branch: Branch,
    real_steps: Sequence[Step],
    *,
    model: ProcessModel = MODEL,
) -> BranchReport:
    """Replay ``branch`` (refusing an unlawful one, located in the file) and compare its end."""
    steps = trace_branch(scenario, branch, model=model)
    real, imagined = outcome(real_steps, model=model), outcome(steps, model=model)
    before, after = _aspects(real), _aspects(imagined)
    differences = tuple(
        (aspect, before.get(aspect, "-"), after.get(aspect, "-"))
        for aspect in dict.fromkeys([*before, *after])
        if before.get(aspect) != after.get(aspect)
    )
    index = branch.at - 1
    return BranchReport(
        branch,
        branch.at,
        real_steps[index] if index < len(real_steps) else None,
        steps[index] if index < len(steps) else None,
        real,
        imagined,
        steps,
        differences,
    )


def compare_all(
    scenario: Scenario, *, only: str | None = None, model: ProcessModel = MODEL
) -> tuple[tuple[Step, ...], tuple[BranchReport, ...]]:
    """The real case's steps and a report for each branch (or the one called ``only``)."""
    real_steps = trace_scenario(scenario, model=model)
    chosen = [branch for branch in scenario.branches if only is None or branch.id == only]
    return real_steps, tuple(compare(scenario, b, real_steps, model=model) for b in chosen)

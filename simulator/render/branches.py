"""The what-if tree: the real case as a spine of its steps, each branch grown where it left it.

Pure: builds a `graphviz.Digraph` from the real steps and the branch reports
of `simulator.explore.whatif`; the real path is solid, the branches dashed,
and each ends in a box saying how its ending differs from the real one.
"""

from __future__ import annotations

from collections.abc import Sequence

import graphviz

from simulator.decider import Step
from simulator.events import describe_event
from simulator.explore.whatif import BranchReport
from simulator.render.dot import digraph, ident, label, wrap
from simulator.scenario import Scenario

__all__ = ["whatif_diagram"]

_REAL = "#0072B2"  # Okabe-Ito blue: the case as it happened
_BRANCH = "#D55E00"  # Okabe-Ito vermilion: what could have happened
_FAINT = "#555555"


def _step_label(step: Step) -> str:
    return label(step.event.date.isoformat(), *wrap(describe_event(step.event), 28))


def _real_spine(
    graph: graphviz.Digraph, steps: Sequence[Step], keep: set[int], ending: Sequence[str]
) -> None:
    previous = "start"
    graph.node("start", label("the case as it happened"), shape="plaintext")
    for index in sorted(keep):
        node = f"real_{index}"
        graph.node(node, _step_label(steps[index]), shape="box", style="rounded", color=_REAL)
        graph.edge(previous, node, color=_REAL, penwidth="2")
        previous = node
    text = label("How it ended", *[line for part in ending for line in wrap(part, 36)])
    graph.node("real_end", text, shape="box", style="rounded,bold", color=_REAL)
    graph.edge(previous, "real_end", color=_REAL, penwidth="2")


def _branch(graph: graphviz.Digraph, report: BranchReport) -> None:
    name = ident(report.branch.id)
    start = report.branch.at - 1
    previous = f"real_{start - 1}" if start > 0 else "start"
    for offset, step in enumerate(report.steps[start : start + len(report.branch.events)]):
        node = f"{name}_{offset}"
        graph.node(node, _step_label(step), shape="box", style="rounded,dashed", color=_BRANCH)
        graph.edge(previous, node, color=_BRANCH, style="dashed")
        previous = node
    changes = [f"{aspect}: {after}" for aspect, _before, after in report.differences]
    end = f"{name}_end"
    graph.node(
        end,
        label(*wrap(report.branch.title, 34), "", *[line for c in changes for line in wrap(c, 40)]),
        shape="note",
        color=_BRANCH,
        fontcolor=_FAINT,
    )
    graph.edge(previous, end, color=_BRANCH, style="dashed")


def whatif_diagram(
    scenario: Scenario, steps: Sequence[Step], reports: Sequence[BranchReport]
) -> graphviz.Digraph:
    """The real path and every branch, with how each branch's ending differs."""
    graph = digraph(
        f"{ident(scenario.id)}_whatif",
        scenario.title,
        "What if? The case as it happened (solid) and as it could have gone (dashed)",
        rankdir="TB",
    )
    decisions = {index for index, step in enumerate(steps) if step.rule.decision}
    forks = {report.branch.at - 2 for report in reports if report.branch.at >= 2}
    keep = {index for index in decisions | forks if 0 <= index < len(steps)}
    ending: list[str] = []
    if reports:
        real = reports[0].real
        ending = [f"policy: {real.policy}", *(suit.relief for suit in real.lawsuits)]
    _real_spine(graph, steps, keep | {0}, ending)
    for report in reports:
        _branch(graph, report)
    return graph

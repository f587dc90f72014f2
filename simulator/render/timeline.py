"""The timeline: every recorded step, one row each, in a column for the level it happened at.

A date axis runs down the left, with the time between steps; each step sits
in its row, in the swimlane of the government's action or of the court it
happened in, drawn in the shape and colour of who took it. A court's
decision has a thick border. Hovering over a step (in SVG) shows its summary.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import graphviz

from simulator.decider import Step
from simulator.render.dot import (
    capital,
    digraph,
    event_text,
    ident,
    label,
    legend,
    node_look,
    qualifier,
    style_lane,
    wrap,
)
from simulator.render.roles import event_actor, event_level
from simulator.render.style import ACTORS, FAINT_LINE, FAINT_TEXT, LEVELS
from simulator.scenario import Scenario

__all__ = ["timeline_diagram"]


def _step_label(step: Step, scenario: Scenario) -> str:
    event = step.event
    case = f"[{event.case}]" if event.case and len(scenario.lawsuits) > 1 else ""
    title = f"{step.index + 1}. {capital(event_text(event.type, qualifier(event)))}"
    return label(*wrap(title, 34, max_lines=2), *wrap(event.actor, 32, max_lines=2), case)


def _column(graph: graphviz.Digraph, level: str, steps: Sequence[Step], scenario: Scenario) -> None:
    """One swimlane: its steps top to bottom, held in order by invisible edges."""
    with graph.subgraph(name=f"cluster_{level}") as column:
        style_lane(column, level)
        top = f"top_{level}"
        if steps:
            column.node(top, label="", shape="point", style="invis", width="0", height="0")
        else:
            # That nothing happened at a level is part of the story.
            column.node(top, label=label("no events"), shape="plaintext", fontcolor=FAINT_TEXT)
        before = top
        for step in steps:
            node = f"e{step.index}"
            kind = event_actor(step.event, step.rule)
            look = node_look(kind, decision=bool(step.rule.decision))
            tooltip = label(step.event.date.isoformat(), step.event.summary)
            column.node(node, label=_step_label(step, scenario), tooltip=tooltip, **look)
            column.edge(before, node, style="invis", weight="2")
            before = node
        # An invisible foot on the last row, so every lane runs the full height.
        foot = f"foot_{level}"
        column.node(foot, label="", shape="point", style="invis", width="0", height="0")
        column.edge(before, foot, style="invis")


def _gap(days: int) -> tuple[str, str]:
    """The label and length of the axis between two dates ``days`` apart."""
    if days == 0:
        return "", "1"
    text = "+1 day" if days == 1 else f"+{days} days"
    return text, "1" if days <= 60 else "2"


def _axis(graph: graphviz.Digraph, ordered: Sequence[Step]) -> None:
    """The date axis down the left, in a borderless cluster so dot keeps it first."""
    with graph.subgraph(name="cluster_axis") as axis:
        axis.attr(label=label("Date"), fontsize="18", color="white", labeljust="r")
        _dates(axis, ordered)


def _rows(graph: graphviz.Digraph, ordered: Sequence[Step]) -> None:
    """Each date level with its step, and the feet of the lanes on one last row."""
    for step in ordered:
        with graph.subgraph() as row:
            row.attr(rank="same")
            row.edge(f"t{step.index}", f"e{step.index}", style="invis")
    with graph.subgraph() as feet:
        feet.attr(rank="same")
        for level in LEVELS:
            feet.node(f"foot_{level}")


def _dates(graph: graphviz.Digraph, ordered: Sequence[Step]) -> None:
    """One date per row (blank for a second step the same day), the time between labelled."""
    graph.node("top_axis", label="", shape="point", style="invis", width="0", height="0")
    before = "top_axis"
    for step, previous in zip(ordered, [None, *ordered[:-1]], strict=True):
        node = f"t{step.index}"
        same_day = previous is not None and previous.event.date == step.event.date
        graph.node(
            node,
            label=label("" if same_day else step.event.date.isoformat()),
            shape="plaintext",
            fontsize="13",
        )
        if previous is None:
            graph.edge(before, node, style="invis")
        else:
            text, length = _gap((step.event.date - previous.event.date).days)
            graph.edge(
                before,
                node,
                label=label(text),
                minlen=length,
                arrowhead="none",
                color=FAINT_LINE,
                fontcolor=FAINT_TEXT,
                weight="10",
            )
        before = node


def timeline_diagram(scenario: Scenario, steps: Sequence[Step]) -> graphviz.Digraph:
    """Every recorded step in date order, one row each, in the column of its level."""
    graph = digraph(
        f"{ident(scenario.id)}_timeline",
        scenario.title,
        "Timeline: every recorded step, in date order, at the level it happened",
        rankdir="TB",
    )
    graph.attr("graph", ranksep="0.25")
    ordered = sorted(steps, key=lambda step: (step.event.date, step.index))
    _axis(graph, ordered)
    for level in LEVELS:
        mine = [step for step in ordered if event_level(step.event, step.rule) == level]
        _column(graph, level, mine, scenario)
    _rows(graph, ordered)
    with graph.subgraph() as tops:
        tops.attr(rank="same")
        for left, right in itertools.pairwise(["top_axis", *(f"top_{level}" for level in LEVELS)]):
            tops.edge(left, right, style="invis")
    used = {event_actor(step.event, step.rule) for step in steps}
    legend(
        graph,
        kinds=[kind for kind in ACTORS if kind in used],
        as_edges=False,
        rankdir="TB",
        notes=["thick border: a court's decision", "hover over a step to read what happened"],
    )
    return graph

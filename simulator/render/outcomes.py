"""The outcomes: each decision the courts made, and beside it what they could have decided.

Read left to right: the government's action, then one column per decision
point, the decision made on top (solid, dated, in the shape of who decided)
and below it, faint and dashed, the other outcomes the law allowed there
(`ProcessModel.alternatives`), each with what it means and the state it would
have left; the last column is where the case ended.
"""

from __future__ import annotations

from collections.abc import Sequence

import graphviz

from simulator.decider import Step
from simulator.events import EVENT_TYPES
from simulator.law.model import ProcessModel, Rule
from simulator.law.rules import MODEL
from simulator.law.tracks import SLOT_TEXT
from simulator.render.dot import (
    capital,
    digraph,
    event_text,
    ident,
    label,
    legend,
    node_look,
    qualifier,
    wrap,
)
from simulator.render.roles import event_actor, event_level
from simulator.render.style import ACTORS, FAINT_LINE, FAINT_TEXT, INK, LEVELS
from simulator.scenario import Scenario
from simulator.state import CaseState

__all__ = ["outcomes_diagram"]

_CHOSEN = ("solid: what the court decided", {"color": INK})
_OTHER = (
    "faint, dashed: what it could have decided instead",
    {"color": FAINT_LINE, "style": "dashed"},
)


def _decision_label(step: Step) -> str:
    event, rule = step.event, step.rule
    return label(
        f"{event.date.isoformat()} · {LEVELS[event_level(event, rule)]}",
        *wrap(capital(event_text(event.type, qualifier(event))), 30),
        *wrap(event.actor, 32, max_lines=2),
        *wrap(rule.citation, 34, max_lines=2),
    )


def _alternative_label(rule: Rule) -> str:
    """What the court could have done instead, what that means, and the state it would leave."""
    return label(
        f"Or: {event_text(rule.event, rule.qualifier)}",
        *wrap(rule.explanation, 38),
        *wrap(f"Then: {SLOT_TEXT[rule.slot][rule.target]}", 38),
        *wrap(rule.citation, 38, max_lines=2),
    )


def _ending_label(scenario: Scenario, state: CaseState) -> str:
    """Where the case ended: the policy, and each lawsuit's injunction and appeal."""
    lines = [f"Where the case ended ({state.as_of.isoformat()})" if state.as_of else ""]
    lines += wrap(f"Policy: {SLOT_TEXT['policy'][state.policy.policy]}", 40)
    for suit in state.lawsuits:
        declared = scenario.lawsuit(suit.case)
        if len(state.lawsuits) > 1:
            lines += wrap(declared.caption if declared else suit.case, 40)
        lines += wrap(f"Injunction: {SLOT_TEXT['injunction'][suit.injunction]}", 40)
        lines += wrap(f"Appeal: {SLOT_TEXT['appeal'][suit.appeal]}", 40)
    return label(*lines)


def _start_label(scenario: Scenario, steps: Sequence[Step]) -> str:
    first = steps[0].event if steps else None
    opening = f"{first.date.isoformat()}: {EVENT_TYPES[first.type].label}" if first else ""
    return label(*wrap(scenario.policy.name, 36), opening)


def _branches(graph: graphviz.Digraph, parent: str, step: Step, model: ProcessModel) -> str:
    """The decision actually made, solid, and below it the outcomes not chosen, dashed."""
    node = f"d{step.index}"
    kind = event_actor(step.event, step.rule)
    graph.node(
        node,
        label=_decision_label(step),
        tooltip=label(step.event.summary),
        group="spine",
        ordering="out",
        **node_look(kind, decision=True),
    )
    graph.edge(parent, node, color=INK, penwidth="3", weight="10")
    for number, other in enumerate(model.alternatives(step.rule)):
        branch = f"{node}_alt{number}"
        graph.node(
            branch,
            label=_alternative_label(other),
            tooltip=label(other.explanation),
            shape="box",
            style="rounded,dashed",
            color=FAINT_LINE,
            fontcolor=FAINT_TEXT,
            fontsize="10",
        )
        graph.edge(parent, branch, color=FAINT_LINE, style="dashed")
    return node


def outcomes_diagram(
    scenario: Scenario, steps: Sequence[Step], *, model: ProcessModel = MODEL
) -> graphviz.Digraph:
    """The decision tree: the case's decisions, left to right, and the roads not taken.

    Beside each decision hang, dashed, the outcomes the court could have chosen
    instead, each with its explanation and the state it would have left; the
    row ends in where the case ended.
    """
    graph = digraph(
        f"{ident(scenario.id)}_outcomes",
        scenario.title,
        "Outcomes: the decisions made, and what the courts could have done instead",
        rankdir="LR",
    )
    graph.attr("graph", ranksep="0.6")
    graph.node(
        "start",
        label=_start_label(scenario, steps),
        group="spine",
        ordering="out",
        **node_look("executive"),
    )
    parent = "start"
    used = {"executive"}
    for step in steps:
        if step.rule.decision:
            used.add(event_actor(step.event, step.rule))
            parent = _branches(graph, parent, step, model)
    final = steps[-1].state if steps else CaseState()
    graph.node(
        "end",
        label=_ending_label(scenario, final),
        tooltip=label(scenario.outcome_note),
        shape="box",
        peripheries="2",
        style="rounded,bold",
        color=INK,
        group="spine",
    )
    graph.edge(parent, "end", color=INK, penwidth="3", weight="10")
    legend(
        graph,
        kinds=[kind for kind in ACTORS if kind in used],
        as_edges=False,
        rankdir="LR",
        lines=[_CHOSEN, _OTHER],
    )
    return graph

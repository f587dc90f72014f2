"""The report's figures: each diagram as inline SVG, with a caption and alt text said in words.

The alt text tells what the picture shows for a reader who cannot see it,
generated from the same steps and rules as the picture: where each track of
the case ended, how many steps at each level, which decisions were made and
what else the law allowed.
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Sequence

import attrs
from markupsafe import Markup

from simulator.decider import Step
from simulator.law.model import ProcessModel
from simulator.law.tracks import SLOT_TEXT
from simulator.render.dot import event_text, qualifier
from simulator.render.files import render
from simulator.render.inline import inline_svg
from simulator.render.outcomes import outcomes_diagram
from simulator.render.process import machine_diagram, path_diagram
from simulator.render.roles import event_level
from simulator.render.style import LEVELS, TRACK_TITLE
from simulator.render.timeline import timeline_diagram
from simulator.scenario import Scenario

__all__ = ["Figure", "figures"]


@attrs.frozen
class Figure:
    """One diagram of the report: a heading, a caption, alt text, and the SVG (if ``dot`` ran)."""

    key: str
    title: str
    caption: str
    alt: str
    svg: Markup | None


def _levels_text() -> str:
    return ", ".join(LEVELS.values())


def _path_alt(steps: Sequence[Step]) -> str:
    """Where each track the case moved ended, in words."""
    final = steps[-1].state if steps else None
    ends = []
    if final is not None:
        holders: list[object] = [final.policy, *final.lawsuits]
        for slot in SLOT_TEXT:
            for holder in holders:
                value = getattr(holder, slot, "none")
                if value != "none":
                    ends.append(f"{TRACK_TITLE.get(slot, slot)}: {SLOT_TEXT[slot][value]}")
    return (
        f"The federal process drawn in four lanes ({_levels_text()}), each holding the tracks "
        "of the process and their states. The moves this case made are drawn solid with their "
        "dates and rules, coloured by who acted; the moves the law allowed that did not happen "
        f"are faint and dashed. Where each track ended: {'; '.join(ends) or 'nowhere yet'}."
    )


def _timeline_alt(steps: Sequence[Step]) -> str:
    counts = Counter(event_level(step.event, step.rule) for step in steps)
    per_level = "; ".join(f"{title}: {counts.get(level, 0)}" for level, title in LEVELS.items())
    span = f" from {steps[0].event.date} to {steps[-1].event.date}" if steps else ""
    decisions = [
        f"{step.event.date} {event_text(step.event.type, qualifier(step.event))}"
        for step in steps
        if step.rule.decision
    ]
    return (
        f"A timeline of the {len(steps)} recorded steps{span}, one row each, in a column for "
        f"the level where it happened ({per_level}), with a date axis on the left. "
        f"Decisions drawn with a thick border: {'; '.join(decisions) or 'none'}."
    )


def _outcomes_alt(steps: Sequence[Step], model: ProcessModel) -> str:
    parts = []
    for step in steps:
        if step.rule.decision:
            done = event_text(step.event.type, qualifier(step.event))
            others = [event_text(r.event, r.qualifier) for r in model.alternatives(step.rule)]
            instead = f" (the law also allowed: {', '.join(others)})" if others else ""
            parts.append(f"{step.event.date}: {done}{instead}")
    if not parts:
        return "A decision tree: no court has decided anything in this case yet."
    return (
        "A decision tree read left to right: the government's action, then each decision "
        f"made, with the outcomes not chosen below it, faint and dashed. {'; '.join(parts)}."
    )


def _machine_alt(model: ProcessModel) -> str:
    return (
        f"The whole process model '{model.name}': {len(model.rules)} rules moving "
        f"{len(SLOT_TEXT)} tracks, drawn in four lanes ({_levels_text()}). Each arrow names "
        "the events that make that move and the law that allows them, coloured by who "
        "usually takes the step."
    )


def figures(scenario: Scenario, steps: Sequence[Step], model: ProcessModel) -> list[Figure]:
    """The report's four diagrams, rendered to SVG when Graphviz's ``dot`` is installed."""
    drawn = shutil.which("dot") is not None
    specs = (
        (
            "timeline",
            "Timeline",
            "Every recorded step, by date and by level; the shape and colour say who acted.",
            _timeline_alt(steps),
            timeline_diagram(scenario, steps),
        ),
        (
            "path",
            "The path through the process",
            "Solid: the moves this case made, with dates and rules. Faint and dashed: what the "
            "law allowed that did not happen.",
            _path_alt(steps),
            path_diagram(scenario, steps, model=model),
        ),
        (
            "outcomes",
            "Decisions and the roads not taken",
            "Each decision the courts made, and below it what they could have decided instead.",
            _outcomes_alt(steps, model),
            outcomes_diagram(scenario, steps, model=model),
        ),
        (
            "machine",
            "The whole process",
            "Every step the law allows, whatever the case: the map this case is one path through.",
            _machine_alt(model),
            machine_diagram(model),
        ),
    )
    return [
        Figure(
            key, title, caption, alt, inline_svg(render(graph, "svg"), key, alt) if drawn else None
        )
        for key, title, caption, alt, graph in specs
    ]

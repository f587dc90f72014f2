"""Graphviz diagrams of a case: the process with the path taken, a timeline, the outcomes.

Pure functions from a scenario and its replayed steps (or from the process
model alone, for `machine_diagram`) to `graphviz.Digraph` objects;
`simulator.render.files` writes or renders them. Everything legal (the tracks
and their states, which event moves what, citations, explanations, the
outcomes a court could have chosen) is read from the rule table and the track
tables, so a diagram cannot drift from the decider, and a custom
`ProcessModel` draws itself. How they look (who acts in which colour and
shape, the swimlanes) is in `simulator.render.style`.
"""

from __future__ import annotations

import graphviz

from simulator.decider import trace
from simulator.law.model import ProcessModel
from simulator.law.rules import MODEL
from simulator.render.outcomes import outcomes_diagram
from simulator.render.process import machine_diagram, path_diagram
from simulator.render.timeline import timeline_diagram
from simulator.scenario import Scenario

__all__ = [
    "KINDS",
    "diagrams",
    "machine_diagram",
    "outcomes_diagram",
    "path_diagram",
    "timeline_diagram",
]

#: The diagrams `diagrams` draws for a scenario, in the order they are written.
KINDS = ("path", "timeline", "outcomes", "machine")


def diagrams(scenario: Scenario, *, model: ProcessModel = MODEL) -> dict[str, graphviz.Digraph]:
    """The ``path``, ``timeline``, ``outcomes`` and ``machine`` diagrams of a scenario.

    The scenario is replayed once; ``machine`` is the process model the case
    was judged by, so a scenario's folder shows the whole map beside its path.
    """
    steps = trace(scenario.events, model=model)
    return {
        "path": path_diagram(scenario, steps, model=model),
        "timeline": timeline_diagram(scenario, steps),
        "outcomes": outcomes_diagram(scenario, steps, model=model),
        "machine": machine_diagram(model),
    }

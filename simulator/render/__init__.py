"""Diagrams of a case: pure Graphviz graphs (`diagrams`) and the shell that writes them.

`diagrams(scenario)` gives the ``path``, ``timeline`` and ``outcomes`` graphs;
`write_diagrams(graphs, out_dir)` writes each as ``.dot``, and as ``.svg`` when
Graphviz's ``dot`` is installed.
"""

from simulator.render.diagrams import diagrams, outcomes_diagram, path_diagram, timeline_diagram
from simulator.render.files import INSTALL_HINT, RenderError, RenderResult, write_diagrams

__all__ = [
    "INSTALL_HINT",
    "RenderError",
    "RenderResult",
    "diagrams",
    "outcomes_diagram",
    "path_diagram",
    "timeline_diagram",
    "write_diagrams",
]

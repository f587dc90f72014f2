"""Diagrams and the HTML report: pure Graphviz graphs, and the shells that write them.

`diagrams(scenario)` gives the ``path``, ``timeline``, ``outcomes`` and
``machine`` graphs, `machine_diagram(model)` the whole process model;
`write_diagrams(graphs, out_dir)` writes each as ``.dot``, and as ``.svg``
when Graphviz's ``dot`` is installed; `render(graph, fmt)` gives one as bytes.
The HTML report is `simulator.render.report.report_html` (it loads Jinja2).
"""

from simulator.render.diagrams import (
    diagrams,
    machine_diagram,
    outcomes_diagram,
    path_diagram,
    timeline_diagram,
)
from simulator.render.files import INSTALL_HINT, RenderError, RenderResult, render, write_diagrams

__all__ = [
    "INSTALL_HINT",
    "RenderError",
    "RenderResult",
    "diagrams",
    "machine_diagram",
    "outcomes_diagram",
    "path_diagram",
    "render",
    "timeline_diagram",
    "write_diagrams",
]

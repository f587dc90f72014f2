"""The printable HTML report of a case: one self-contained file, rendered with Jinja2.

Self-contained means no request leaves the page: the CSS is inlined, the
diagrams are inline SVG, there is no script, and a Content-Security-Policy
forbids anything else. Autoescaping is on for every template, so any text
from a scenario (a title holding ``<script>``) shows as written, and so does
a control character (as an escape such as ``\\x1b``).
"""

from __future__ import annotations

import jinja2

from simulator.law.model import ProcessModel
from simulator.law.rules import MODEL
from simulator.printable import printable
from simulator.render.figures import figures
from simulator.render.handout import handout
from simulator.render.style import ACTORS, LEVELS
from simulator.scenario import Scenario, trace_scenario

__all__ = ["report_html"]

_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.PackageLoader("simulator.render", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def report_html(scenario: Scenario, *, model: ProcessModel = MODEL) -> tuple[str, bool]:
    """The report of ``scenario`` as HTML, and whether its diagrams could be drawn.

    The same scenario always gives the same bytes. Without Graphviz's ``dot``
    the report is still written, with a note where each diagram would be.
    """
    steps = trace_scenario(scenario, model=model)
    drawn = figures(scenario, steps, model)
    page = _ENVIRONMENT.get_template("report.html.j2").render(
        case=handout(scenario, steps, model),
        figures=drawn,
        actors=ACTORS,
        levels=LEVELS,
    )
    # The templates hold no control character, so any in the page came from the scenario:
    # shown as escapes, never passed to the browser as they are.
    return printable(page), all(figure.svg is not None for figure in drawn)

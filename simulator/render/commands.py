"""The ``sim diagram`` and ``sim report`` commands (registered by `simulator.cli`).

Thin: they load and check a scenario, call the renderers and write the
result. Only click and the error classes are imported here; Graphviz and
Jinja2 load inside the commands, so ``sim --help`` stays fast. Errors are one
line on stderr with the documented exit codes: 1 when the case breaks the
law, 2 for unusable input or a diagram that cannot be made.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from simulator.printable import printable_line
from simulator.shell import EXIT_UNUSABLE, OneLineCommand
from simulator.shell import fail as _fail
from simulator.shell import reported as _reported

if TYPE_CHECKING:
    import graphviz

__all__ = ["diagram", "regenerate", "report"]


#: The kinds of diagram `sim diagram` draws.
_KINDS = ("machine", "path", "timeline", "outcomes", "whatif", "explore")


def _emit(data: bytes, out: Path | None, *, binary: bool, what: str = "") -> None:
    """Write ``data`` to ``out`` (atomically), or to stdout; never binary to a terminal, nor a
    page or a drawing (``what``) that would only fill it with markup."""
    from simulator.render.files import write_atomically

    if out is not None:
        write_atomically(out, data)
        return
    stdout = sys.stdout.buffer
    if binary and stdout.isatty():
        _fail("PNG and PDF are binary: give --out FILE, or redirect the output", EXIT_UNUSABLE)
    if what and stdout.isatty():
        _fail(
            f"{what} is meant for a browser, not a terminal: give --out FILE, or redirect "
            "the output",
            EXIT_UNUSABLE,
        )
    stdout.write(data)
    stdout.flush()


@click.command()
@click.argument("kind", type=click.Choice(_KINDS), metavar="KIND")
@click.argument("scenario", required=False, metavar="[SCENARIO]")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["svg", "png", "pdf", "dot"]),
    default="svg",
    show_default=True,
    help="SVG, PNG or PDF (drawn by Graphviz's dot), or the DOT source.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The file to write [default: standard output].",
)
def diagram(kind: str, scenario: str | None, fmt: str, out: Path | None) -> None:
    """Draw one diagram: KIND is machine, path, timeline, outcomes, whatif or explore
    (2,000 continued cases from the default point, seed 0; `sim explore` sets both).

    machine is the whole process model and needs no SCENARIO; the others draw
    the case in SCENARIO (a YAML file or a bundled id).
    """
    if kind != "machine" and scenario is None:
        raise click.UsageError(f"the {kind} diagram needs a SCENARIO file")
    with _reported():
        from simulator.render.files import render

        graph = _graph(kind, scenario)
        what = "an SVG drawing" if fmt == "svg" else ""
        _emit(render(graph, fmt), out, binary=fmt in ("png", "pdf"), what=what)


def _graph(kind: str, scenario: str | None) -> graphviz.Digraph:
    """The ``kind`` diagram, of the scenario file ``scenario`` unless it is the machine."""
    from simulator.render.diagrams import (
        machine_diagram,
        outcomes_diagram,
        path_diagram,
        timeline_diagram,
    )
    from simulator.scenario import load_scenario, trace_scenario

    if scenario is None:
        return machine_diagram()
    # The scenario is checked even for the machine: a broken file is reported, not ignored.
    case = load_scenario(scenario)
    steps = trace_scenario(case)
    if kind == "path":
        return path_diagram(case, steps)
    if kind == "timeline":
        return timeline_diagram(case, steps)
    if kind == "outcomes":
        return outcomes_diagram(case, steps)
    if kind == "explore":
        from simulator.explore.montecarlo import explore
        from simulator.render.probabilities import explore_diagram

        return explore_diagram(explore(case, runs=2000, seed=0))
    if kind == "whatif":
        from simulator.explore.whatif import compare_all
        from simulator.render.branches import whatif_diagram

        steps, reports = compare_all(case)
        return whatif_diagram(case, steps, reports)
    return machine_diagram()


@click.command()
@click.argument("scenario", metavar="SCENARIO")
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The HTML file to write [default: standard output].",
)
def report(scenario: str, out: Path | None) -> None:
    """Write a printable HTML handout of the case in SCENARIO.

    One self-contained file (inline CSS and SVG, no scripts, nothing fetched):
    the case, its timeline with the rule for each step, the diagrams, a
    glossary, the injunction factors, questions for discussion, what happened
    next, and every source.
    """
    with _reported():
        from simulator.render.files import INSTALL_HINT
        from simulator.render.report import report_html
        from simulator.scenario import load_scenario

        page, drawn = report_html(load_scenario(scenario))
        if not drawn:
            click.echo(f"sim: {INSTALL_HINT} (the report has no diagrams)", err=True)
        _emit(page.encode("utf-8"), out, binary=False, what="the HTML report")
        if out is not None:
            click.echo(printable_line(f"Report written to {out}"))


@click.command(cls=OneLineCommand)
@click.option("--all", "every", is_flag=True, required=True, help="Every bundled scenario.")
@click.option(
    "--scenarios",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("scenarios"),
    show_default=True,
    help="Where the bundled scenarios are.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("diagrams"),
    show_default=True,
    help="Where their diagrams go, one folder per scenario id.",
)
def regenerate(every: bool, scenarios: Path, out: Path) -> None:
    """Redraw the diagrams of every scenario in SCENARIOS into OUT/<id>/ (.dot and .svg)."""
    with _reported():
        from simulator.render.diagrams import diagrams
        from simulator.render.files import INSTALL_HINT, write_diagrams
        from simulator.scenario import load_scenario

        for path in sorted(scenarios.glob("*.yaml")):
            case = load_scenario(path)
            result = write_diagrams(diagrams(case), out / case.id)
            if result.missing_dot:
                click.echo(f"sim: {INSTALL_HINT}", err=True)
            names = ", ".join(written.name for written in result.written)
            click.echo(printable_line(f"{path}: {out / case.id}/: {names}"))

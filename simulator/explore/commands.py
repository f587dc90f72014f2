"""The ``sim explore`` command: a case continued many times, its outcomes tallied.

Thin: it parses the options, calls `simulator.explore.montecarlo.explore`,
and prints a table (or one JSON object) and writes the outcome tree. Only
click and the error classes are imported here; the simulator, Graphviz and
multiprocessing load inside the command, so ``sim --help`` stays fast.
Exit codes: 0 success; 1 the scenario breaks the law; 2 unusable input
(a missing file, a bad ``--from``, a priors file that does not check).
"""

from __future__ import annotations

import datetime
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from simulator.printable import json_printable, printable, printable_line
from simulator.shell import format_option, step_or_date
from simulator.shell import reported as _reported

if TYPE_CHECKING:
    from simulator.explore.montecarlo import Exploration

__all__ = ["MOST_JOBS", "MOST_RUNS", "explore", "explore_document", "explore_text"]

#: The most runs `sim explore` takes: tens of minutes on one process (docs/explore.md); far
#: more would run for days, or exhaust the memory before the first run.
MOST_RUNS = 10_000_000
#: The most processes it runs on: more than any machine it is meant for has cores.
MOST_JOBS = 64
#: Runs from which a progress bar is worth showing (on a terminal only).
_LONG = 20_000
_TOP_PATHS = 10
_TITLES = {
    "policy": "Policy at the end",
    "highest_court": "Highest court reached",
    "prevailing": "Who prevailed",
    "ending": "How the runs ended",
}


def _point(value: str | None) -> int | datetime.date | None:
    return step_or_date(value, "--from")


@click.command()
@click.argument("scenario", metavar="SCENARIO")
@click.option(
    "--from",
    "start",
    metavar="N|DATE",
    help="Continue after the first N events, or the events through DATE "
    "[default: just before the first decision of a court].",
)
@click.option(
    "--runs",
    default=1000,
    show_default=True,
    type=click.IntRange(1, MOST_RUNS),
    help="Cases to simulate.",
)
@click.option("--seed", default=0, show_default=True, help="The same seed, the same result.")
@click.option(
    "--jobs",
    default=1,
    show_default=True,
    type=click.IntRange(1, MOST_JOBS),
    help="Processes to run on; the result is the same whatever it is.",
)
@click.option(
    "--priors",
    "priors_file",
    metavar="FILE",
    help="Chances and times to draw from [default: the bundled simulator/law/priors.yaml].",
)
@format_option("A table for people, or one JSON object for programs.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write explore.dot/.svg [default: diagrams/<scenario id>/ for text output].",
)
@click.option("--no-diagrams", is_flag=True, help="Do not write the outcome tree.")
def explore(
    scenario: str,
    start: str | None,
    runs: int,
    seed: int,
    jobs: int,
    priors_file: str | None,
    fmt: str,
    out: Path | None,
    no_diagrams: bool,
) -> None:
    """Continue the case in SCENARIO from a point of its history, RUNS times, drawing each
    court's decision and each party's step from base rates (the priors), with every rule
    and deadline of the process obeyed; then tally the outcomes and the paths to them.

    Text output also writes the outcome tree (explore.dot, explore.svg) into
    diagrams/<id>/ unless --no-diagrams; JSON output writes it only with --out.
    """
    point = _point(start)
    with _reported():
        from simulator.explore.montecarlo import explore as run_explore
        from simulator.law.priors import load_priors
        from simulator.scenario import load_scenario

        case = load_scenario(scenario)
        priors = load_priors(priors_file)
        with _progress(runs) as progress:
            result = run_explore(
                case, priors, point=point, runs=runs, seed=seed, jobs=jobs, progress=progress
            )
        if fmt == "json":
            document = json.dumps(explore_document(result), indent=2, ensure_ascii=False)
            click.echo(json_printable(document))
        else:
            click.echo(printable(explore_text(result)), nl=False)
        if not no_diagrams and (out is not None or fmt == "text"):
            _draw(result, out or Path("diagrams") / case.id, quiet=fmt == "json")


@contextmanager
def _progress(runs: int) -> Iterator[Any]:
    """A progress bar on stderr for long explorations, and only on a terminal: piped or
    captured output never carries one."""
    if runs < _LONG or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=runs, label="exploring", file=sys.stderr) as bar:
        yield bar.update


def _draw(result: Exploration, out: Path, *, quiet: bool) -> None:
    from simulator.render.files import INSTALL_HINT, write_diagrams
    from simulator.render.probabilities import explore_diagram

    written = write_diagrams({"explore": explore_diagram(result)}, out)
    if written.missing_dot:
        click.echo(f"sim: {INSTALL_HINT}", err=True)
    if not quiet:
        names = ", ".join(path.name for path in written.written)
        click.echo("\n" + printable_line(f"Outcome tree written to {out}/: {names}"))


def _share(runs: int, total: int) -> float:
    return round(runs / total, 6) if total else 0.0


def _priors_name(path: str) -> str:
    """``bundled`` for the package's own priors, so output does not depend on where it is."""
    from simulator.law.priors import DEFAULT_PRIORS

    return "bundled" if Path(path).resolve() == DEFAULT_PRIORS.resolve() else path


def explore_document(result: Exploration) -> dict[str, Any]:
    """The exploration as one JSON-ready object; the same seed gives the same bytes."""
    from simulator.explore.montecarlo import ASPECTS

    tally, total = result.tally, result.tally.runs
    spread = tally.quartiles()
    document: dict[str, Any] = {
        "scenario": {"id": result.scenario.id, "title": result.scenario.title},
        "from": {"events": result.start.kept, "date": result.start.day.isoformat()},
        "runs": total,
        "seed": result.seed,
        "priors": _priors_name(result.priors),
    }
    for aspect in ASPECTS:
        document[aspect] = {
            value: {"runs": runs, "share": _share(runs, total)} for value, runs in tally.by(aspect)
        }
    document["days_to_outcome"] = (
        None
        if spread is None
        else dict(
            zip(
                ("runs", "min", "q1", "median", "q3", "max"),
                (sum(tally.days.values()), *spread),
                strict=True,
            )
        )
    )
    document["paths"] = [
        {"path": list(path), "runs": runs, "share": _share(runs, total)}
        for path, runs in tally.paths()[:_TOP_PATHS]
    ]
    return document


def explore_text(result: Exploration) -> str:
    """The exploration as tables for people."""
    from simulator.explore.montecarlo import ASPECTS, outcome_label

    tally, total, start = result.tally, result.tally.runs, result.start
    last = result.scenario.events[start.kept - 1]
    lines = [
        result.scenario.title,
        f"Continued {total:,} times from event {start.kept} ({start.day.isoformat()}, "
        f"{last.type.replace('_', ' ')}); seed {result.seed}; priors {_priors_name(result.priors)}",
    ]
    for aspect in ASPECTS:
        lines += ["", f"{_TITLES[aspect]:<40}{'runs':>10}{'share':>9}"]
        lines += [
            f"  {value:<38}{runs:>10,}{100 * runs / total:>8.1f}%"
            for value, runs in tally.by(aspect)
        ]
    spread = tally.quartiles()
    lines.append("")
    if spread is None:
        lines.append("Time to a final outcome: no run settled.")
    else:
        least, q1, median, q3, most = spread
        lines.append(
            f"Time to a final outcome ({sum(tally.days.values()):,} settled runs): median "
            f"{median:,} days; quartiles {q1:,} to {q3:,}; from {least:,} to {most:,} days"
        )
    lines += ["", "Most likely paths (decisions in order)"]
    for path, runs in tally.paths()[:_TOP_PATHS]:
        steps = " > ".join(outcome_label(element, result.model) for element in path)
        lines.append(f"  {100 * runs / total:5.1f}%  {steps or '(no decision)'}")
    return "\n".join(lines) + "\n"

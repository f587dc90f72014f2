"""The ``sim`` command: thin click commands over the library.

Exit codes: 0 success; 1 the case or check failed (a step the law does not
allow); 2 bad usage or unusable input. Errors are one line on stderr naming
the file, the line and the rule, never a traceback. Heavy modules (Graphviz,
Hypothesis) are imported only by the commands that need them, so a text or
JSON run starts fast.
"""

from __future__ import annotations

import datetime
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import click

from simulator.errors import IllegalTransition, SimulatorError
from simulator.events import describe_event
from simulator.printable import json_printable, printable, printable_line
from simulator.shell import (
    EXIT_ILLEGAL,
    EXIT_UNUSABLE,
    format_option,
    one_line_main,
    step_or_date,
)
from simulator.shell import reported as _reported

if TYPE_CHECKING:
    from simulator.law.model import ProcessModel
    from simulator.scenario import Scenario

__all__ = ["MOST_DEPTH", "MOST_EXAMPLES", "MOST_LAWSUITS", "MOST_STEPS", "main"]

#: The most histories `sim fuzz` tries: 200 take a few seconds, so this is about half an hour.
MOST_EXAMPLES = 100_000
#: The most steps in one of its histories: a real case has a few dozen.
MOST_STEPS = 1_000
#: The most lawsuits at once, for `sim fuzz` and `sim check`: a case joins a handful.
MOST_LAWSUITS = 10
#: The deepest `sim check` goes: each step multiplies its states, time and memory about
#: fivefold (depth 8: 400,000 states, a minute or two, about 1.4 GB), so depth 10 already
#: needs tens of gigabytes, and more could only exhaust the machine.
MOST_DEPTH = 10


def _until(value: str | None) -> int | datetime.date | None:
    return step_or_date(value, "--until")


def _model(spec: str | None) -> ProcessModel:
    """The process model named ``module:attribute``, or the package's own."""
    from simulator.law.model import ProcessModel
    from simulator.law.rules import MODEL

    if spec is None:
        return MODEL
    module_name, _, attribute = spec.partition(":")
    if not module_name.strip() or module_name.startswith("."):
        raise click.BadParameter(
            f"{spec!r} is not MODULE:NAME with MODULE an importable module by its full name "
            "(such as mypackage.variants:MODEL)",
            param_hint="--model",
        )
    try:
        found = getattr(importlib.import_module(module_name), attribute or "MODEL")
    except (ImportError, AttributeError) as error:
        raise click.BadParameter(f"cannot load {spec!r}: {error}", param_hint="--model") from None
    except Exception as error:  # the user's module may fail in any way while it is imported
        raise click.BadParameter(
            f"cannot load {spec!r}: {type(error).__name__}: {error}", param_hint="--model"
        ) from None
    if not isinstance(found, ProcessModel):
        raise click.BadParameter(f"{spec!r} is not a ProcessModel", param_hint="--model")
    return found


_MODEL_OPTION = click.option(
    "--model",
    "model_spec",
    metavar="MODULE:NAME",
    help="A variant of the process model to use (see docs/testing.md).",
)


class _Sim(click.Group):
    """The `sim` group: commands defined beside their renderers and the event store are
    loaded on first use, so that a text or JSON run never imports Graphviz or Jinja2."""

    _ELSEWHERE: ClassVar[dict[str, str]] = {
        "diagram": "simulator.render.commands",
        "report": "simulator.render.commands",
        "record": "simulator.store.commands",
        "replay": "simulator.store.commands",
        "verify": "simulator.store.commands",
        "export": "simulator.store.commands",
        "explore": "simulator.explore.commands",
        "lesson": "simulator.lesson.commands",
        "play": "simulator.lesson.commands",
        "list": "simulator.catalog_commands",
        "new": "simulator.catalog_commands",
        "schema": "simulator.catalog_commands",
    }

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run `sim`, with click's usage errors said on one line, like every other error."""
        return one_line_main(super().main, args, prog_name, complete_var, standalone_mode, **extra)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._ELSEWHERE})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self._ELSEWHERE:
            command: click.Command = getattr(
                importlib.import_module(self._ELSEWHERE[cmd_name]), cmd_name
            )
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Sim, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="legal-process-simulator", prog_name="sim")
def main() -> None:
    """Replay how a U.S. government action is fought in federal court, step by step."""


@main.command()
@click.argument("scenario", metavar="SCENARIO")
@format_option("A narrative for people, or one JSON object for programs.")
@click.option("--until", "until", metavar="DATE|N", help="Stop after step N, or after DATE.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the diagrams [default: diagrams/<scenario id>/ for text output].",
)
@click.option("--no-diagrams", is_flag=True, help="Do not write diagrams.")
@_MODEL_OPTION
def run(
    scenario: str,
    fmt: str,
    until: str | None,
    out: Path | None,
    no_diagrams: bool,
    model_spec: str | None,
) -> None:
    """Tell the case in SCENARIO as a dated timeline, and draw it.

    SCENARIO is a YAML file, or the id of a bundled case (see `sim list`).

    Text output also writes the diagrams (path, timeline, outcomes) into
    diagrams/<id>/ unless --no-diagrams, but only for the whole case under the package's
    rules: with --until or --model, and for JSON output, they are written only with --out.
    """
    stop = _until(until)
    model = _model(model_spec)
    with _reported():
        from simulator.projections.deadlines import deadlines
        from simulator.projections.outcome import outcome
        from simulator.scenario import load_scenario, trace_scenario
        from simulator.scenario import until as cut

        whole = load_scenario(scenario, validate=False)
        case = cut(whole, stop)
        steps = trace_scenario(case, model=model)
        result, records = outcome(steps, model=model), deadlines(steps, model=model)
        if fmt == "json":
            from simulator.projections.document import case_document

            document = case_document(case, steps, result, records)
            click.echo(json_printable(json.dumps(document, indent=2, ensure_ascii=False)))
        else:
            from simulator.projections.narrative import narrate

            complete = len(case.events) == len(whole.events)
            told = narrate(case, steps, result, records, complete=complete)
            click.echo(printable(told), nl=False)
        # diagrams/<id>/ holds the whole case under the package's law: a part of it, or a
        # variant's telling, is drawn only where --out says, never over those files
        whole_case = stop is None and model_spec is None
        if not no_diagrams and (out is not None or (fmt == "text" and whole_case)):
            _draw(case, out or Path("diagrams") / case.id, model, quiet=fmt == "json")
        elif not no_diagrams and fmt == "text":
            click.echo(
                f"sim: diagrams not written: diagrams/{case.id}/ draws the whole case under the "
                "federal rules; give --out DIR to draw this one",
                err=True,
            )


def _draw(case: Scenario, out: Path, model: ProcessModel, *, quiet: bool) -> None:
    from simulator.render.diagrams import diagrams
    from simulator.render.files import INSTALL_HINT, write_diagrams

    result = write_diagrams(diagrams(case, model=model), out)
    if result.missing_dot:
        click.echo(f"sim: {INSTALL_HINT}", err=True)
    if not quiet:
        names = ", ".join(path.name for path in result.written)
        click.echo("\n" + printable_line(f"Diagrams written to {out}/: {names}"))


@main.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
def validate(files: Sequence[str]) -> None:
    """Check scenario FILEs: well formed, and every step allowed by the law."""
    from simulator.scenario import load_scenario

    worst = 0
    for name in files:
        try:
            case = load_scenario(name)
        except IllegalTransition as refusal:
            click.echo(f"sim: {printable_line(str(refusal))}", err=True)
            worst = max(worst, EXIT_ILLEGAL)
        except SimulatorError as error:
            click.echo(f"sim: {printable_line(str(error))}", err=True)
            worst = EXIT_UNUSABLE
        else:
            click.echo(printable_line(f"{name}: ok ({len(case.events)} events, {case.id})"))
    sys.exit(worst)


@main.command()
@click.argument("ids", metavar="[RULE]...", nargs=-1)
@format_option()
@_MODEL_OPTION
def rules(ids: tuple[str, ...], fmt: str, model_spec: str | None) -> None:
    """List the rules of the process model, each whole: its conditions and effects with
    their citations, its clocks and the dates it is in force. Name rules (or the start of
    their ids, such as appeal.notice) to see only those."""
    from simulator.projections.rule_table import chosen, rule_rows, rule_table

    model = _model(model_spec)
    if ids and not chosen(model, ids):
        raise click.BadParameter(
            f"no rule is called {', '.join(ids)} (see `sim rules` for the ids)",
            param_hint="RULE",
        )
    if fmt == "json":
        click.echo(json.dumps(rule_rows(model, ids), indent=2))
    else:
        click.echo(rule_table(model, ids), nl=False)


@main.command()
@click.option(
    "--examples",
    default=200,
    show_default=True,
    type=click.IntRange(1, MOST_EXAMPLES),
    help="Histories to try at most.",
)
@click.option("--seed", default=0, show_default=True, help="The same seed, the same result.")
@click.option(
    "--max-steps",
    default=30,
    show_default=True,
    type=click.IntRange(1, MOST_STEPS),
    help="Steps in a history at most.",
)
@click.option(
    "--lawsuits",
    default=2,
    show_default=True,
    type=click.IntRange(1, MOST_LAWSUITS),
    help="Lawsuits in a history at most.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a counterexample to this scenario file.",
)
@_MODEL_OPTION
def fuzz(
    examples: int,
    seed: int,
    max_steps: int,
    lawsuits: int,
    out: Path | None,
    model_spec: str | None,
) -> None:
    """Check the model's invariants against generated lawful histories.

    Exits 1 and prints the shortest failing history found, as a scenario file
    that `sim run` replays, when an invariant breaks.
    """
    model = _model(model_spec)
    with _reported():
        from simulator.explore.fuzz import fuzz as run_fuzz
        from simulator.scenario import to_scenario_yaml

        report = run_fuzz(
            examples=examples, seed=seed, max_steps=max_steps, max_lawsuits=lawsuits, model=model
        )
        names = len(report.invariants)
        click.echo(f"model {report.model!r}: {report.histories} histories, {names} invariants")
        failure = report.failure
        if failure is None:
            click.echo("every invariant held")
            return
        text = to_scenario_yaml(failure.history, title=f"Counterexample: {failure.invariant.name}")
        click.echo(
            f"invariant {failure.invariant.name!r} broken after step {failure.steps}: "
            f"{failure.problem}\n  ({failure.invariant.statement} {failure.invariant.citation})\n"
        )
        click.echo(text, nl=False)
        if out is not None:
            from simulator.render.files import write_atomically

            write_atomically(out, text.encode("utf-8"))
            click.echo("\n" + printable_line(f"counterexample written to {out}"))
    sys.exit(EXIT_ILLEGAL)


@main.command()
@format_option()
@click.option(
    "--depth",
    default=8,
    show_default=True,
    type=click.IntRange(1, MOST_DEPTH),
    help="Steps from an empty case, at most (each step more multiplies the time and memory "
    "about fivefold: 8 takes a minute or two and about 1.4 GB).",
)
@click.option(
    "--lawsuits",
    default=1,
    show_default=True,
    type=click.IntRange(1, MOST_LAWSUITS),
    help="Lawsuits at once, at most.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the shortest counterexample to this scenario file.",
)
@_MODEL_OPTION
def check(fmt: str, depth: int, lawsuits: int, out: Path | None, model_spec: str | None) -> None:
    """Check the process model exhaustively, within bounds: every reachable state
    keeps every invariant, nothing waits forever, every case can settle.

    Exits 1 with the shortest counterexample, as a scenario file, when a check fails.
    """
    model = _model(model_spec)
    with _reported():
        import time

        from simulator.explore.check import check_model
        from simulator.scenario import to_scenario_yaml

        started = time.perf_counter()
        report = check_model(model=model, max_depth=depth, max_lawsuits=lawsuits)
        seconds = time.perf_counter() - started
        first = report.violations[0] if report.violations else None
        counterexample = (
            to_scenario_yaml(first.history, title=f"Counterexample: {first.name}")
            if first is not None
            else ""
        )
        if out is not None and first is not None:
            from simulator.render.files import write_atomically

            write_atomically(out, counterexample.encode("utf-8"))
        if fmt == "json":
            click.echo(json.dumps(_check_document(report, seconds, counterexample), indent=2))
        else:
            click.echo(_check_text(report, seconds, counterexample), nl=False)
    if report.violations:
        sys.exit(EXIT_ILLEGAL)


def _check_document(report: Any, seconds: float, counterexample: str) -> dict[str, Any]:
    return {
        "model": report.model,
        "states": report.states,
        "transitions": report.transitions,
        "complete": report.complete,
        "depth": report.depth,
        "bounds": report.bounds,
        "seconds": round(seconds, 3),
        "invariants": list(report.invariants),
        "violations": [
            {
                "name": violation.name,
                "statement": violation.statement,
                "problem": violation.problem,
                "steps": len(violation.history),
            }
            for violation in report.violations
        ],
        "counterexample": counterexample or None,
    }


def _check_text(report: Any, seconds: float, counterexample: str) -> str:
    lines = [
        f"model {report.model!r}: {report.states} states, {report.transitions} transitions "
        f"in {seconds:.1f} s",
        f"bounds: {report.bounds}",
        f"checked: {', '.join(report.invariants)}, no_dead_end"
        + (
            ", can_settle"
            if report.complete
            else " (can_settle needs a search the bounds do not cut)"
        ),
    ]
    if not report.violations:
        lines.append("every check held")
    for violation in report.violations:
        lines.append(
            f"BROKEN {violation.name}: {violation.problem} "
            f"(shortest history: {len(violation.history)} steps)\n  {violation.statement}"
        )
    if counterexample:
        lines += ["", "Shortest counterexample, as a scenario `sim run` replays:", counterexample]
    return "\n".join(lines) + "\n"


@main.command()
@click.argument("scenario", metavar="SCENARIO")
@click.option("--branch", "only", metavar="ID", help="Only this branch.")
@format_option()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write whatif.dot/.svg [default: diagrams/<scenario id>/ for text output].",
)
@click.option("--no-diagrams", is_flag=True, help="Do not write the what-if tree.")
@_MODEL_OPTION
def whatif(
    scenario: str,
    only: str | None,
    fmt: str,
    out: Path | None,
    no_diagrams: bool,
    model_spec: str | None,
) -> None:
    """Replay the what-if branches of SCENARIO: where each leaves the real case, and how
    its ending differs. A branch that breaks the rules is refused like any case."""
    model = _model(model_spec)
    with _reported():
        from simulator.explore.whatif import compare_all
        from simulator.scenario import load_scenario

        case = load_scenario(scenario, validate=False)
        if only is not None and all(branch.id != only for branch in case.branches):
            known = ", ".join(branch.id for branch in case.branches) or "none"
            raise click.BadParameter(
                f"no branch {only!r} (branches: {known})", param_hint="--branch"
            )
        steps, reports = compare_all(case, only=only, model=model)
        if fmt == "json":
            document = _whatif_document(case.id, reports)
            click.echo(json_printable(json.dumps(document, indent=2, ensure_ascii=False)))
        else:
            click.echo(printable(_whatif_text(case.title, reports)), nl=False)
        if reports and not no_diagrams and (out is not None or fmt == "text"):
            from simulator.render.branches import whatif_diagram
            from simulator.render.files import INSTALL_HINT, write_diagrams

            folder = out or Path("diagrams") / case.id
            result = write_diagrams({"whatif": whatif_diagram(case, steps, reports)}, folder)
            if result.missing_dot:
                click.echo(f"sim: {INSTALL_HINT}", err=True)
            if fmt == "text":
                names = ", ".join(path.name for path in result.written)
                click.echo("\n" + printable_line(f"What-if tree written to {folder}/: {names}"))


def _diverges(report: Any) -> str:
    def said(step: Any) -> str:
        return "nothing more" if step is None else f"'{describe_event(step.event)}'"

    return (
        f"leaves the record at step {report.diverges_at}: instead of {said(report.real_step)}, "
        f"{said(report.branch_step)}"
    )


def _whatif_text(title: str, reports: Sequence[Any]) -> str:
    lines = [f"{title}: {len(reports)} what-if branch(es)"]
    for report in reports:
        then = ", ".join(
            f"{describe_event(event)} ({event.date.isoformat()})"
            for event in report.branch.events[1:]
        )
        lines += ["", f"{report.branch.id}: {report.branch.title}", f"  {_diverges(report)}"]
        if then:
            lines.append(f"  then: {then}")
        lines.append("  the ending, as it was -> as it would have been:")
        lines += [
            f"    {aspect}: {before} -> {after}" for aspect, before, after in report.differences
        ]
        if not report.differences:
            lines.append("    the same")
    return "\n".join(lines) + "\n"


def _whatif_document(case_id: str, reports: Sequence[Any]) -> dict[str, Any]:
    return {
        "scenario": case_id,
        "branches": [
            {
                "id": report.branch.id,
                "title": report.branch.title,
                "diverges_at": report.diverges_at,
                "diverges": _diverges(report),
                "events": [describe_event(event) for event in report.branch.events],
                "differences": [
                    {"aspect": aspect, "real": before, "whatif": after}
                    for aspect, before, after in report.differences
                ],
            }
            for report in reports
        ],
    }

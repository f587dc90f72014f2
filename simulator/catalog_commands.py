"""The scenario catalogue commands: ``sim list``, ``sim new`` and ``sim schema``.

Thin: the bundled scenarios are found by `simulator.catalog`, summarised by
`simulator.projections.catalog`, the skeleton comes from `simulator.skeleton`
and the schema from `simulator.schema`. Exit codes: 0 success; 2 a bundled
scenario that cannot be read, a bad id, a file that would be overwritten.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from simulator.catalog import SCENARIOS_ENV, bundled_scenarios, scenarios_dir
from simulator.errors import SimulatorError
from simulator.printable import printable, printable_line
from simulator.projections.catalog import CatalogEntry, catalog_entry, entry_to_dict
from simulator.shell import EXIT_UNUSABLE, fail, format_option, reported

__all__ = ["list_scenarios", "new", "schema"]

#: How far a case went, for people.
_REACHED = {
    "district": "district court",
    "appeals": "court of appeals",
    "supreme": "Supreme Court",
    "": "no lawsuit",
}


@click.command("list")
@format_option("An aligned table for people, or a JSON list for programs.")
def list_scenarios(fmt: str) -> None:
    """List the bundled scenarios: id, title, years, courts and how far each went.

    Any of them runs by its id: `sim run ID`. The scenarios are those in
    $SIM_SCENARIOS, else in the scenarios/ folder beside the package. Exits 2,
    after listing the others, when a bundled scenario cannot be read or replayed.
    """
    folder = scenarios_dir()
    if folder is None:
        fail(f"no scenarios/ folder beside the package; set {SCENARIOS_ENV}", EXIT_UNUSABLE)
    if not folder.is_dir():
        fail(f"{folder}: no such folder of bundled scenarios ({SCENARIOS_ENV})", EXIT_UNUSABLE)
    entries, broken = _entries(bundled_scenarios())
    if fmt == "json":
        click.echo(json.dumps([entry_to_dict(entry) for entry in entries], indent=2))
    else:
        click.echo(printable(_table(entries, folder)), nl=False)
    if broken:
        sys.exit(EXIT_UNUSABLE)


def _entries(files: dict[str, Path]) -> tuple[list[CatalogEntry], int]:
    """The entry of every file that replays, and how many did not (each said on stderr)."""
    from simulator.scenario import load_scenario, trace_scenario

    entries: list[CatalogEntry] = []
    broken = 0
    for name, path in files.items():
        try:
            scenario = load_scenario(path)
            entries.append(catalog_entry(name, scenario, trace_scenario(scenario)))
        except SimulatorError as error:
            click.echo(f"sim: {printable_line(str(error))}", err=True)
            broken += 1
    return entries, broken


def _table(entries: Sequence[CatalogEntry], folder: Path) -> str:
    """Aligned columns, then each scenario's courts on a line of their own: the names of
    courts are too long to share a line with a title."""
    rows = [("ID", "YEARS", "REACHED", "TITLE")]
    rows += [(e.id, _years(e), _REACHED.get(e.reached, e.reached), e.title) for e in entries]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    indent = " " * (sum(widths) + 2 * len(widths))
    lines = [_row(rows[0], widths)]
    for entry, row in zip(entries, rows[1:], strict=True):
        lines.append(_row(row, widths))
        if entry.courts:
            lines.append(f"{indent}courts: {'; '.join(entry.courts)}")
    count = f"{len(entries)} bundled scenario{'s' if len(entries) != 1 else ''}"
    lines += ["", f"{count} in {folder}; run one with `sim run ID`."]
    return "\n".join(lines) + "\n"


def _row(row: Sequence[str], widths: Sequence[int]) -> str:
    """The cells padded to their column's width; the last one runs on."""
    cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
    return "  ".join([*cells, row[-1]]).rstrip()


def _years(entry: CatalogEntry) -> str:
    if entry.first_year == entry.last_year:
        return str(entry.first_year)
    return f"{entry.first_year}-{entry.last_year}"


@click.command()
@click.argument("scenario_id", metavar="ID")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write it [default: ID.yaml in the current directory].",
)
def new(scenario_id: str, out: Path | None) -> None:
    """Write a commented skeleton scenario called ID, to fill in with a real case.

    The skeleton is a lawful case as it stands, so `sim validate` and `sim run`
    work on it at once; an existing file is never overwritten.
    """
    from simulator.scenario import _ID  # the loader's own rule for ids
    from simulator.skeleton import skeleton

    if not _ID.match(scenario_id):
        fail(
            f"{scenario_id!r} is not a scenario id: lower-case letters, digits, '-' and '_', "
            "starting with a letter or digit",
            EXIT_UNUSABLE,
        )
    target = out or Path(f"{scenario_id}.yaml")
    with reported():
        try:
            # "x": create or fail, in one step, so nothing written meanwhile is lost.
            with target.open("x", encoding="utf-8") as file:
                file.write(skeleton(scenario_id))
        except FileExistsError:
            fail(f"{target}: already exists; not overwritten (choose another --out)", EXIT_UNUSABLE)
    click.echo(
        printable_line(f"{target}: written; replace each REPLACE, then `sim validate {target}`")
    )


@click.command()
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the schema to this file instead of printing it.",
)
def schema(out: Path | None) -> None:
    """Print the JSON Schema (draft 2020-12) of the scenario format, for editors.

    An editor that knows it (VS Code's YAML extension, for one) completes and
    checks scenario files as you type; see docs/scenarios.md. It checks the
    shape of a file; `sim validate` also checks the law.
    """
    from simulator.schema import schema_text

    text = schema_text()
    if out is None:
        click.echo(text, nl=False)
        return
    with reported():
        from simulator.render.files import write_atomically

        write_atomically(out, text.encode("utf-8"))
    click.echo(printable_line(f"Schema written to {out}"))


def __getattr__(name: str) -> click.Command:
    # `sim` finds a command as the module attribute of its name (simulator.cli); "list"
    # would shadow the builtin throughout this module, so it is looked up here instead.
    if name == "list":
        return list_scenarios
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

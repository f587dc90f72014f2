"""The ``sim lesson`` command (registered by `simulator.cli`): thin, it builds and writes."""

from __future__ import annotations

from pathlib import Path

import click

from simulator.shell import reported as _reported

__all__ = ["lesson"]


@click.command()
@click.argument("scenario", metavar="SCENARIO")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="The folder to write student.html, teacher.html and handout.html into.",
)
@click.option(
    "--lang",
    type=click.Choice(["en"]),
    default="en",
    show_default=True,
    help="The language of the pages (Chinese and Spanish are planned).",
)
@click.option(
    "--runs",
    type=click.IntRange(1, 100_000),
    default=None,
    help="Simulated cases per choice for the odds [default: 1,000].",
)
def lesson(scenario: str, out: Path, lang: str, runs: int | None) -> None:
    """Write a lesson on the case in SCENARIO for a class: student.html (students decide at
    each step, offline), teacher.html (the plan, roles, questions, answer key) and
    handout.html (one or two printed pages).

    SCENARIO is a YAML file, or the id of a bundled case (see `sim list`).
    """
    with _reported():
        from simulator.lesson import DEFAULT_RUNS, build_lesson, render_pages
        from simulator.render.files import write_atomically
        from simulator.scenario import load_scenario

        case = load_scenario(scenario)
        pages = render_pages(build_lesson(case, lang=lang, runs=runs or DEFAULT_RUNS))
        out.mkdir(parents=True, exist_ok=True)
        for name, html in pages.items():
            write_atomically(out / name, html.encode("utf-8"))
        click.echo(f"Lesson written to {out}/: {', '.join(pages)}")

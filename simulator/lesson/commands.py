"""The ``sim lesson`` and ``sim play`` commands (registered by `simulator.cli`): thin.

``sim lesson`` builds a lesson and writes its pages; ``sim play`` walks the
same decision points in a terminal, with prompts, and compares the choices
with the real case. Both take the lesson as `simulator.lesson.build_lesson`
computes it: the choices are the decider's, never the command's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from simulator.lesson.i18n import LANGUAGES, N_
from simulator.printable import printable
from simulator.shell import reported as _reported

__all__ = ["lesson", "play"]

_LANG = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default="en",
    show_default=True,
    help="The language: en (English), zh (Simplified Chinese) or es (Spanish).",
)


@click.command()
@click.argument("scenario", metavar="SCENARIO")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="The folder to write student.html, teacher.html and handout.html into.",
)
@_LANG
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

    SCENARIO is a YAML file, or the id of a bundled case (see `sim list`). Ready-made
    lessons for the bundled cases are in lessons/<id>/<lang>/.
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


#: The terminal's own words (message ids).
_PLAY = {
    "you": N_("You play: {role}."),
    "turn": N_("Your turn."),
    "watch": N_("Not your turn: see what they did."),
    "pick": N_("Your choice (a number)"),
    "reason": N_("Your reason, using the test (Enter to skip)"),
    "real": N_("What really happened: {label}."),
    "odds": N_(
        "Where it could lead, in {runs} simulated cases: blocked at the end {blocked}%, "
        "in force {in_force}%, reached the Supreme Court {supreme}%."
    ),
    "yours": N_("(your choice)"),
    "summary": N_("Your decisions beside reality"),
    "row": N_("{date}: you chose \u201c{mine}\u201d; the real case: \u201c{real}\u201d."),
    "score": N_("You made the same choice as the real case {agreed} of {count} times."),
    "none": N_("This role has no decision in this case."),
}


@click.command()
@click.argument("scenario", metavar="SCENARIO")
@click.option(
    "--as",
    "role",
    type=click.Choice(["judge", "government", "plaintiffs"]),
    required=True,
    help="The role you play: you decide its steps; the others you watch.",
)
@_LANG
@click.option(
    "--runs",
    type=click.IntRange(1, 100_000),
    default=200,
    show_default=True,
    help="Simulated cases per choice for the odds.",
)
def play(scenario: str, role: str, lang: str, runs: int) -> None:
    """Play the case in SCENARIO in the terminal: at each decision point of your role, pick
    among the moves the law allowed and give a reason; then see what really happened, and
    at the end your choices beside reality.

    SCENARIO is a YAML file, or the id of a bundled case (see `sim list`).
    """
    with _reported():
        from simulator.lesson import build_lesson
        from simulator.lesson.i18n import translations
        from simulator.scenario import load_scenario

        case = load_scenario(scenario)
        data = build_lesson(case, lang=lang, runs=runs)
        _walk(data, role, translations(lang).gettext)


def _echo(text: str) -> None:
    """Say a line of the lesson, any control character in it (from the scenario's text)
    shown as an escape, never obeyed by the terminal."""
    click.echo(printable(text))


def _bold(text: str) -> str:
    return click.style(printable(text), bold=True)


def _walk(data: dict[str, Any], role: str, _: Any) -> None:
    click.echo(_bold(data["title"]))
    if data["question"]:
        _echo(data["question"])
    _echo(data["summary"])
    _echo(_(_PLAY["you"]).format(role=data["role_names"][role]))
    mine: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for card in data["cards"]:
        _echo("")
        if card["kind"] == "story":
            for item in card["items"]:
                _echo(f"{item['date']}: {item['text']}")
            continue
        click.echo(_bold(f"{card['date']} \u00b7 {card['who_decides']}"))
        _echo(card["question"])
        choices = card["choices"]
        picked: dict[str, Any] | None = None
        if card["role"] == role:
            _echo(_(_PLAY["turn"]) + " " + card["test"]["name"])
            for question in card["test"]["questions"]:
                _echo(f"  - {question}")
            for number, choice in enumerate(choices, start=1):
                _echo(f"  {number}. {choice['label']}")
            index = click.prompt(_(_PLAY["pick"]), type=click.IntRange(1, len(choices)))
            picked = choices[index - 1]
            click.prompt(_(_PLAY["reason"]), default="", show_default=False)
            mine.append((card, picked))
        else:
            _echo(_(_PLAY["watch"]))
        real = next(choice for choice in choices if choice["real"])
        click.echo(_bold(_(_PLAY["real"]).format(label=real["label"])))
        if card["real"]["plain"]:
            _echo(card["real"]["plain"])
        if picked is not None:
            for choice in choices:
                odds = choice["odds"]
                if odds is None:
                    continue
                mark = f" {_(_PLAY['yours'])}" if choice is picked else ""
                _echo(f"  {choice['label']}{mark}")
                _echo("    " + _(_PLAY["odds"]).format(**odds))
    _summary(mine, _)


def _summary(mine: list[tuple[dict[str, Any], dict[str, Any] | None]], _: Any) -> None:
    _echo("")
    click.echo(_bold(_(_PLAY["summary"])))
    if not mine:
        _echo(_(_PLAY["none"]))
        return
    agreed = 0
    for card, picked in mine:
        real = next(choice for choice in card["choices"] if choice["real"])
        label = picked["label"] if picked else ""
        _echo(_(_PLAY["row"]).format(date=card["date"], mine=label, real=real["label"]))
        agreed += bool(picked and picked["real"])
    _echo(_(_PLAY["score"]).format(agreed=agreed, count=len(mine)))

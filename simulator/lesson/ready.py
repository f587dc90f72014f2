"""The ready-made lessons in ``lessons/<scenario id>/<lang>/``: every bundled case, every language.

``python -m simulator.lesson --all`` writes them from the checkout; a test
fails when a committed file differs from what this writes today. The odds
rest on `READY_RUNS` continued cases per choice (enough for whole
percentages to settle within a few points, and quick to build), computed
once per case and shared by its three languages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from simulator.lesson.build import Cache, build_lesson
from simulator.lesson.i18n import LANGUAGES
from simulator.lesson.pages import render_pages
from simulator.scenario import load_scenario

__all__ = ["LESSONS", "READY_RUNS", "SCENARIOS", "lesson_files", "write_all"]

_ROOT = Path(__file__).resolve().parent.parent.parent
SCENARIOS = _ROOT / "scenarios"
LESSONS = _ROOT / "lessons"
#: Continued cases per choice in the ready-made lessons.
READY_RUNS = 200


def lesson_files(path: Path) -> dict[Path, bytes]:
    """Every file of the ready-made lessons of the scenario at ``path``, relative to
    ``lessons/``, with its bytes."""
    scenario = load_scenario(path)
    cache: Cache = {}
    files: dict[Path, bytes] = {}
    for lang in LANGUAGES:
        lesson = build_lesson(scenario, lang=lang, runs=READY_RUNS, cache=cache)
        for name, html in render_pages(lesson).items():
            files[Path(scenario.id) / lang / name] = html.encode("utf-8")
    return files


def write_all(root: Path = LESSONS) -> Iterator[Path]:
    """Write the lessons of every bundled scenario under ``root``; yield each folder."""
    from simulator.render.files import write_atomically

    for path in sorted(SCENARIOS.glob("*.yaml")):
        folders: set[Path] = set()
        for relative, data in lesson_files(path).items():
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, data)
            folders.add(target.parent)
        yield from sorted(folders)

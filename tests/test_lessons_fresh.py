"""The ready-made lessons under lessons/ are those the code writes today, for every bundled
case in every language.

Regenerate them all with one command, from the checkout:
``.venv/bin/python -m simulator.lesson --all``. Each case is rebuilt once (its odds shared by
its three languages) and compared byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.lesson.i18n import LANGUAGES
from simulator.lesson.ready import LESSONS, lesson_files
from simulator.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))
REGENERATE = ".venv/bin/python -m simulator.lesson --all"


@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_committed_lessons_are_up_to_date(path: Path) -> None:
    files = lesson_files(path)
    assert len(files) == 3 * len(LANGUAGES)
    for relative, data in files.items():
        committed = LESSONS / relative
        assert committed.exists(), f"{committed} is missing: run {REGENERATE}"
        assert committed.read_bytes() == data, f"{committed} is stale: run {REGENERATE}"
        assert len(data) < 150_000, f"{committed} is {len(data):,} bytes: too big to share"


def test_every_folder_under_lessons_belongs_to_a_bundled_scenario() -> None:
    ids = {load_scenario(path).id for path in SCENARIOS}
    folders = {folder.name for folder in LESSONS.iterdir() if folder.is_dir()}
    assert folders == ids, f"lessons of no scenario: {sorted(folders - ids)}"
    for folder in LESSONS.iterdir():
        assert sorted(p.name for p in folder.iterdir()) == sorted(LANGUAGES), folder

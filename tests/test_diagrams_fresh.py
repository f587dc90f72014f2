"""The diagrams committed under diagrams/ are those the code draws today.

Regenerate every bundled scenario's diagrams with one command, from the checkout:
``.venv/bin/python -m simulator.render --all`` (or ``.venv/bin/sim run scenarios/<id>.yaml``
for one). Only the DOT sources are compared: the SVG also depends on the installed
Graphviz version and fonts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.render import diagrams
from simulator.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))
REGENERATE = ".venv/bin/python -m simulator.render --all"


@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_committed_diagrams_are_up_to_date(path: Path) -> None:
    scenario = load_scenario(path)
    folder = ROOT / "diagrams" / scenario.id
    graphs = diagrams(scenario)
    assert list(graphs) == ["path", "timeline", "outcomes", "machine"]
    for name, graph in graphs.items():
        committed = folder / f"{name}.dot"
        assert committed.exists(), f"{committed} is missing: run {REGENERATE}"
        assert committed.read_text(encoding="utf-8") == graph.source, (
            f"{committed} is stale: run {REGENERATE}"
        )
        assert (folder / f"{name}.svg").exists(), f"{name}.svg is missing: run {REGENERATE}"


def test_every_folder_under_diagrams_belongs_to_a_bundled_scenario() -> None:
    ids = {load_scenario(path).id for path in SCENARIOS}
    folders = {folder.name for folder in (ROOT / "diagrams").iterdir() if folder.is_dir()}
    assert folders <= ids, f"diagrams of no scenario: {sorted(folders - ids)}"

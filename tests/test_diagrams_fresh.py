"""The diagrams committed under diagrams/ are those the code draws today.

Regenerate them with: .venv/bin/sim run scenarios/<id>.yaml (text output writes
diagrams/<id>/). Only the DOT sources are compared: the SVG also depends on
the installed Graphviz version.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.render import diagrams
from simulator.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_committed_diagrams_are_up_to_date(path: Path) -> None:
    scenario = load_scenario(path)
    folder = ROOT / "diagrams" / scenario.id
    for name, graph in diagrams(scenario).items():
        committed = folder / f"{name}.dot"
        assert committed.exists(), f"{committed} is missing: run sim run {path.name}"
        assert committed.read_text(encoding="utf-8") == graph.source, (
            f"{committed} is stale: run .venv/bin/sim run scenarios/{path.name}"
        )
        assert (folder / f"{name}.svg").exists()

"""The documentation's examples run: the README's Python and the scenario format's sample."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from simulator.scenario import parse_scenario

ROOT = Path(__file__).resolve().parent.parent


def _blocks(path: Path, language: str) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def test_the_minimal_scenario_in_the_format_guide_validates() -> None:
    *_fragments, sample = _blocks(ROOT / "docs" / "scenarios.md", "yaml")
    scenario = parse_scenario(sample, "docs/scenarios.md")
    assert scenario.id == "example"
    assert [event.type for event in scenario.events] == ["order_issued", "complaint_filed"]


def test_the_readme_python_example_runs_and_says_what_it_shows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (code,) = _blocks(ROOT / "README.md", "python")
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    lines = code.splitlines()
    expected = re.search(r"# '(\w+)'", lines[-1])
    assert expected is not None
    exec("\n".join([*lines[:-1], f"result = {lines[-1].split('#')[0]}"]), namespace)
    assert namespace["result"] == expected.group(1)
    assert os.path.samefile(Path.cwd(), ROOT)

"""Diagrams: deterministic DOT from the real WeChat case, safe labels, atomic files."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest

from simulator.decider import trace
from simulator.render import (
    INSTALL_HINT,
    diagrams,
    outcomes_diagram,
    path_diagram,
    timeline_diagram,
    write_diagrams,
)
from simulator.scenario import Scenario, load_scenario, parse_scenario

WECHAT = Path(__file__).parent.parent / "scenarios" / "wechat.yaml"

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz's dot is not installed, so no SVG can be made"
)

TITLE_LINE = 'A "quoted" {braced} <tag> & &lt; back\\slash C:\\new'
TRICKY = r"""
id: tricky
title: |-
  A "quoted" {braced} <tag> & &lt; back\slash C:\new
  second line
policy:
  name: Order {1} "<b>"
events:
  - date: 2020-08-06
    type: order_issued
    actor: Someone \N & <i>
    summary: |-
      Summary with "quotes" {braces} <tag> & back\slash
      and a second line
    source: a test
"""


@pytest.fixture(scope="module")
def wechat() -> Scenario:
    return load_scenario(WECHAT)


@pytest.fixture(scope="module")
def sources(wechat: Scenario) -> dict[str, str]:
    return {name: graph.source for name, graph in diagrams(wechat).items()}


def _unwrapped(source: str) -> str:
    """The DOT source with label line breaks as spaces, so tests do not depend on wrapping."""
    return source.replace("\\n", " ")


def test_diagrams_are_path_timeline_outcomes_and_byte_identical_across_calls(
    wechat: Scenario, sources: dict[str, str]
) -> None:
    again = {name: graph.source for name, graph in diagrams(wechat).items()}
    assert list(sources) == ["path", "timeline", "outcomes"]
    assert again == sources


def test_the_single_diagram_functions_match_diagrams(
    wechat: Scenario, sources: dict[str, str]
) -> None:
    steps = trace(wechat.events)
    assert path_diagram(wechat, steps).source == sources["path"]
    assert timeline_diagram(wechat, steps).source == sources["timeline"]
    assert outcomes_diagram(wechat, steps).source == sources["outcomes"]


def test_every_diagram_carries_the_scenario_title(
    wechat: Scenario, sources: dict[str, str]
) -> None:
    for source in sources.values():
        assert wechat.title in source


def test_the_path_highlights_the_steps_taken_with_dates_and_citations(
    sources: dict[str, str],
) -> None:
    path = _unwrapped(sources["path"])
    assert "2020-09-19 preliminary injunction granted (universal)" in path
    assert "Winter v. NRDC" in path
    # The state the injunction reached is highlighted, with the date it got there.
    assert 'injunction__in_force [label="in force 2020-09-19"' in path
    # Moves the case never made are drawn too, faint and without dates.
    assert "temporary restraining order granted" in path
    assert "certiorari granted" in path


def test_the_timeline_shows_every_event_by_date(wechat: Scenario, sources: dict[str, str]) -> None:
    timeline = _unwrapped(sources["timeline"])
    assert "2020-09-19 preliminary injunction granted (universal)" in timeline
    for event in wechat.events:
        assert event.date.isoformat() in timeline
    assert "no events" in timeline  # the Supreme Court lane stayed empty


def test_the_outcomes_show_the_branches_not_taken(sources: dict[str, str]) -> None:
    outcomes = _unwrapped(sources["outcomes"])
    assert "preliminary injunction denied" in outcomes
    # Both courts could have stayed the injunction pending appeal.
    assert outcomes.count("stay pending appeal granted") >= 2
    assert "Where the case ended (2021-08-10)" in outcomes
    assert "Injunction: a preliminary injunction is in force" in outcomes


@pytest.fixture
def tricky() -> Scenario:
    return parse_scenario(TRICKY, validate=True)


def test_scenario_text_is_escaped_in_the_dot_source(tricky: Scenario) -> None:
    path = diagrams(tricky)["path"].source
    label = (
        'label="A \\"quoted\\" {braced} <tag> &amp; &amp;lt; back\\\\slash C:\\\\new\\nsecond line'
    )
    assert label in path


@needs_dot
def test_scenario_text_with_dot_syntax_comes_out_as_written(
    tricky: Scenario, tmp_path: Path
) -> None:
    result = write_diagrams(diagrams(tricky), tmp_path)
    assert not result.missing_dot
    for name in ("path", "timeline", "outcomes"):
        svg = (tmp_path / f"{name}.svg").read_text(encoding="utf-8")
        assert f">{html.escape(TITLE_LINE, quote=False)}</text>" in svg.replace("&quot;", '"')
        assert ">second line</text>" in svg
    timeline = (tmp_path / "timeline.svg").read_text(encoding="utf-8")
    assert "Someone \\N &amp; &lt;i&gt;</text>" in timeline


def _contents(directory: Path) -> dict[str, bytes]:
    return {file.name: file.read_bytes() for file in sorted(directory.iterdir())}


@needs_dot
def test_write_diagrams_writes_dot_and_svg_byte_identical_run_to_run(
    wechat: Scenario, tmp_path: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "a" / "second"
    result = write_diagrams(diagrams(wechat), first)
    write_diagrams(diagrams(wechat), second)
    names = [f"{name}.{ext}" for name in ("path", "timeline", "outcomes") for ext in ("dot", "svg")]
    assert [path.name for path in result.written] == names
    assert not result.missing_dot
    assert sorted(_contents(first)) == sorted(names)  # no temporary files left behind
    assert _contents(first) == _contents(second)
    assert (first / "path.svg").read_bytes().lstrip().startswith(b"<?xml")


def test_without_dot_only_dot_files_are_written(
    wechat: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    result = write_diagrams(diagrams(wechat), tmp_path)
    assert result.missing_dot
    assert [path.name for path in result.written] == ["path.dot", "timeline.dot", "outcomes.dot"]
    assert sorted(_contents(tmp_path)) == ["outcomes.dot", "path.dot", "timeline.dot"]
    assert "apt-get install graphviz" in INSTALL_HINT


def test_write_diagrams_refuses_a_name_that_is_not_a_file_stem(
    wechat: Scenario, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match="plain file stem"):
        write_diagrams({"../escape": diagrams(wechat)["path"]}, tmp_path)


LAPSE = """
id: lapse
title: A restraining order that runs out
lawsuits:
  - {id: a, caption: A v. B}
events:
  - {date: 2021-01-04, type: order_issued, summary: s, source: s}
  - {date: 2021-01-05, type: complaint_filed, summary: s, source: s}
  - {date: 2021-01-05, type: motion_filed, motion: tro, summary: s, source: s}
  - {date: 2021-01-06, type: tro_granted, expires: 2021-01-19, summary: s, source: s}
  - {date: 2021-02-01, type: motion_filed, motion: tro, summary: s, source: s}
"""


def test_the_path_shows_a_lapse_the_case_went_through() -> None:
    path = diagrams(parse_scenario(LAPSE))["path"].source
    assert 'tro__in_force -> tro__expired [label="lapsed before 2021-02-01"' in path
    assert 'tro__expired -> tro__moved [label="2021-02-01' in path

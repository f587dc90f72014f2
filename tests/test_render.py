"""Diagrams: deterministic DOT of the WeChat case, swimlanes, who acts, safe labels, files."""

from __future__ import annotations

import datetime
import html
import re
import shutil
from pathlib import Path

import pytest

from simulator.decider import trace
from simulator.events import EVENT_TYPES, Event
from simulator.law.rules import MODEL
from simulator.law.tracks import SLOT_TEXT
from simulator.render import (
    INSTALL_HINT,
    RenderError,
    diagrams,
    machine_diagram,
    outcomes_diagram,
    path_diagram,
    render,
    timeline_diagram,
    write_diagrams,
)
from simulator.render.roles import event_actor, rule_actor, slot_levels
from simulator.render.style import ACTORS, EVENT_ACTOR, LEVELS
from simulator.scenario import Scenario, parse_scenario

KINDS = ["path", "timeline", "outcomes", "machine"]
#: The Okabe-Ito palette: the colours colour-blind readers can tell apart.
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}

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
def sources(wechat: Scenario) -> dict[str, str]:
    return {name: graph.source for name, graph in diagrams(wechat).items()}


def _unwrapped(source: str) -> str:
    """The DOT source with label line breaks as spaces, so tests do not depend on wrapping."""
    return source.replace("\\n", " ")


def _line(source: str, start: str) -> str:
    """The first line of ``source`` that starts (after indentation) with ``start``."""
    return next(line for line in source.splitlines() if line.strip().startswith(start))


def test_diagrams_are_path_timeline_outcomes_machine_and_byte_identical_across_calls(
    wechat: Scenario, sources: dict[str, str]
) -> None:
    again = {name: graph.source for name, graph in diagrams(wechat).items()}
    assert list(sources) == KINDS
    assert again == sources


def test_the_single_diagram_functions_match_diagrams(
    wechat: Scenario, sources: dict[str, str]
) -> None:
    steps = trace(wechat.events)
    assert path_diagram(wechat, steps).source == sources["path"]
    assert timeline_diagram(wechat, steps).source == sources["timeline"]
    assert outcomes_diagram(wechat, steps).source == sources["outcomes"]
    assert machine_diagram().source == sources["machine"]


def test_every_case_diagram_carries_the_scenario_title(
    wechat: Scenario, sources: dict[str, str]
) -> None:
    for name in ("path", "timeline", "outcomes"):
        assert wechat.title in sources[name]


@pytest.mark.parametrize("name", ["path", "timeline", "machine"])
def test_the_swimlanes_are_the_levels_in_order(sources: dict[str, str], name: str) -> None:
    source = sources[name]
    starts = [source.index(f"subgraph cluster_{level} {{") for level in LEVELS]
    assert starts == sorted(starts)
    for title in ("The government's action", "District court", "Court of appeals", "Supreme Court"):
        assert f'label="{title}"' in source


def test_the_path_draws_the_steps_taken_solid_with_dates_citations_and_who_acted(
    sources: dict[str, str],
) -> None:
    path = sources["path"]
    granted = _line(path, 'injunction__contested -> injunction__in_force [label="2020-09-19')
    assert "preliminary injunction granted (universal)" in granted
    assert "Winter v. NRDC" in granted
    assert f'color="{ACTORS["court"].colour}"' in granted
    assert "dashed" not in granted
    assert f'color="{ACTORS["executive"].colour}"' in _line(
        path, "policy__none -> policy__issued [label="
    )
    appeal = _line(path, "appeal__none -> appeal__pending [label=")
    assert f'color="{ACTORS["government"].colour}"' in appeal
    motion = _line(path, "injunction__none -> injunction__moved [label=")
    assert f'color="{ACTORS["plaintiffs"].colour}"' in motion
    # The state the injunction reached is marked with the date it got there, and as an ending.
    state = _line(path, "injunction__in_force [")
    assert 'label="in force\\n2020-09-19"' in state
    assert "peripheries=2" in state


def test_the_path_draws_what_did_not_happen_faint_and_dashed(sources: dict[str, str]) -> None:
    path = sources["path"]
    untaken = _line(path, "injunction__contested -> injunction__denied")
    assert "style=dashed" in untaken
    assert "preliminary injunction denied" in untaken  # named on hover
    assert "label=" not in untaken
    # Tracks the case never touched are one faint box each.
    tro = _line(path, "tro__none [")
    assert "Temporary restraining order" in tro
    assert "not in this case" in tro
    assert "tro__in_force" not in path
    assert "Certiorari and review" in _line(path, "supreme__none [")


def test_the_path_has_a_legend_of_who_acted_and_the_line_styles(sources: dict[str, str]) -> None:
    path = sources["path"]
    assert "How to read this diagram" in path
    for kind in ("executive", "government", "plaintiffs", "court"):
        assert ACTORS[kind].title in path
    assert "faint, dashed: what the law allowed that did not happen" in path


def test_the_timeline_puts_each_step_in_its_level_and_shape(
    wechat: Scenario, sources: dict[str, str]
) -> None:
    timeline = _unwrapped(sources["timeline"])
    for event in wechat.events:
        assert f'label="{event.date.isoformat()}"' in timeline or event.date.isoformat() in timeline
    assert "no events" in timeline  # the Supreme Court lane stayed empty
    order = _line(timeline, "e0 [")
    assert f"shape={ACTORS['executive'].shape}" in order
    granted = _line(timeline, "e12 [")
    assert "13. Preliminary injunction granted (universal)" in granted
    assert "penwidth=3.5" in granted  # a court's decision: a thick border
    assert "peripheries=2" in granted  # a court: a double border
    appeals = sources["timeline"][sources["timeline"].index("subgraph cluster_appeals") :]
    assert "Ninth Circuit motions panel" in appeals.split("subgraph cluster_supreme")[0]
    assert "+108 days" in timeline


def test_the_outcomes_show_the_branches_not_taken(sources: dict[str, str]) -> None:
    outcomes = _unwrapped(sources["outcomes"])
    assert "Or: preliminary injunction denied" in outcomes
    # Both courts could have stayed the injunction pending appeal.
    assert outcomes.count("Or: stay pending appeal granted") >= 2
    assert "Where the case ended (2021-08-10)" in outcomes
    assert "Injunction: a preliminary injunction is in force" in outcomes
    assert "2020-09-19 · District court" in outcomes


def test_the_machine_shows_every_state_and_every_event_of_the_model(
    sources: dict[str, str],
) -> None:
    machine = _unwrapped(sources["machine"])
    for slot, values in SLOT_TEXT.items():
        for value in values:
            assert f"{slot}__{value} [" in machine
    for rule in MODEL.rules:
        assert EVENT_TYPES[rule.event].label in machine
    assert "lapses with time FRCP 65(b)(2)" in machine
    assert "The process model (federal)" in machine


def test_the_machine_draws_a_variant_model() -> None:
    variant = MODEL.revise(name="no_extensions", remove=["tro.extend"])
    machine = machine_diagram(variant).source
    assert "The process model (no_extensions)" in machine
    assert "temporary restraining order extended" not in machine
    assert "temporary restraining order extended" in machine_diagram().source


# --- who acts, and where --------------------------------------------------------------------


def _event(actor: str, kind: str = "motion_filed", case: str = "a") -> Event:
    motion = "stay" if kind == "motion_filed" else ""
    return Event(kind, datetime.date(2020, 9, 24), case=case, motion=motion, actor=actor)


@pytest.mark.parametrize(
    ("actor", "kind"),
    [
        ("Government", "government"),
        ("Commerce Secretary Ross", "government"),  # an officer, as a party in court
        ("Plaintiffs", "plaintiffs"),
        ("WeChat users and businesses (U.S. WeChat Users Alliance)", "plaintiffs"),
        ("Government and plaintiffs", "parties"),
        ("Magistrate Judge Beeler (on the parties' stipulation)", "court"),
        ("Ninth Circuit motions panel", "court"),
        ("", "parties"),  # a motion by someone unrecorded: either side
    ],
)
def test_who_acted_comes_from_the_actor_text(actor: str, kind: str) -> None:
    rule = MODEL.rule("stay.move.district")
    assert event_actor(_event(actor), rule) == kind


def test_who_acted_falls_back_on_the_rule() -> None:
    assert rule_actor(MODEL.rule("order.issue")) == "executive"
    assert rule_actor(MODEL.rule("injunction.grant.parties")) == "court"
    assert rule_actor(MODEL.rule("complaint.file")) == "plaintiffs"
    assert rule_actor(MODEL.rule("appeal.notice")) == "parties"
    # The government's own action stays the executive's, whoever is named.
    rule = MODEL.rule("rule.withdraw")
    assert event_actor(_event("Government", "rule_withdrawn", case=""), rule) == "executive"


def test_each_track_is_drawn_at_the_level_its_rules_act_at() -> None:
    levels = slot_levels(MODEL)
    assert levels["policy"] == levels["rule"] == "government"
    assert levels["injunction"] == levels["stay_district"] == "district"
    assert levels["appeal"] == levels["stay_appeals"] == "appeals"
    assert levels["supreme"] == levels["application"] == "supreme"


def test_the_actors_stay_apart_in_colour_shape_and_greyscale() -> None:
    looks = list(ACTORS.values())
    assert {look.colour for look in looks} <= OKABE_ITO
    assert len({look.colour for look in looks}) == len(looks)
    # Shape (with its border) and arrowhead tell them apart without colour.
    assert len({(look.shape, look.extra) for look in looks}) == len(looks)
    assert len({look.arrowhead for look in looks}) == len(looks)
    assert set(EVENT_ACTOR.values()) <= set(ACTORS)
    assert set(EVENT_ACTOR) <= set(EVENT_TYPES)


# --- escaping -------------------------------------------------------------------------------


@pytest.fixture
def tricky() -> Scenario:
    return parse_scenario(TRICKY, validate=True)


def test_scenario_text_is_escaped_in_the_dot_source(tricky: Scenario) -> None:
    path = diagrams(tricky)["path"].source
    label = (
        'label="A \\"quoted\\" {braced} <tag> &amp; &amp;lt; back\\\\slash C:\\\\new\\nsecond line'
    )
    assert label in path
    assert not re.search(r"label=<", path)  # never an HTML-like label


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


# --- files ------------------------------------------------------------------------------------


def _contents(directory: Path) -> dict[str, bytes]:
    return {file.name: file.read_bytes() for file in sorted(directory.iterdir())}


@needs_dot
def test_write_diagrams_writes_dot_and_svg_byte_identical_run_to_run(
    wechat: Scenario, tmp_path: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "a" / "second"
    result = write_diagrams(diagrams(wechat), first)
    write_diagrams(diagrams(wechat), second)
    names = [f"{name}.{ext}" for name in KINDS for ext in ("dot", "svg")]
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
    assert [path.name for path in result.written] == [f"{name}.dot" for name in KINDS]
    assert "apt-get install graphviz" in INSTALL_HINT
    with pytest.raises(RenderError, match="apt-get install graphviz"):
        render(machine_diagram(), "svg")


def test_write_diagrams_refuses_a_name_that_is_not_a_file_stem(
    wechat: Scenario, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match="plain file stem"):
        write_diagrams({"../escape": diagrams(wechat)["path"]}, tmp_path)


@needs_dot
@pytest.mark.parametrize(
    ("fmt", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")]
)
def test_render_draws_each_format(tricky: Scenario, fmt: str, magic: bytes) -> None:
    graph = timeline_diagram(tricky, trace(tricky.events))
    assert render(graph, fmt).startswith(magic)


def test_render_gives_the_dot_source_and_refuses_unknown_formats() -> None:
    graph = machine_diagram()
    assert render(graph, "dot") == graph.source.encode("utf-8")
    with pytest.raises(ValueError, match="svg, png, pdf, dot"):
        render(graph, "gif")


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

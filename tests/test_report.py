"""The HTML report and the ``diagram`` and ``report`` commands (through a local click group)."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from markupsafe import escape

from simulator.render.commands import diagram, regenerate, report
from simulator.render.report import report_html
from simulator.render.style import FAINT_TEXT, INK, LANE_FILL
from simulator.scenario import Scenario, parse_scenario, trace_scenario

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz's dot is not installed"
)

HOSTILE = """
id: hostile
title: <script>alert("title")</script> & {braces} "quotes"
summary: A summary with <script>alert("summary")</script> in it.
outcome: An outcome note with <img src=x onerror=alert(1)>.
lawsuits:
  - {id: h, caption: "<b>Bold</b> v. United States"}
events:
  - date: 2020-08-06
    type: order_issued
    summary: The order <script>alert("event")</script> is signed.
    source: <a href="https://example.com">a link</a>
  - date: 2020-08-21
    type: complaint_filed
    actor: <i>Users</i>
    summary: Users sue.
    source: ECF No. 1
"""

ILLEGAL = """
id: illegal
title: An injunction without a lawsuit
events:
  - {date: 2020-08-06, type: order_issued, summary: s, source: s}
  - {date: 2020-08-07, type: injunction_granted, summary: s, source: s}
"""


@pytest.fixture(scope="module")
def page(wechat: Scenario) -> str:
    return report_html(wechat)[0]


class _Outline(HTMLParser):
    """The headings of a page in order, the SVGs' attributes, and every URL it refers to."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.svgs: list[dict[str, str | None]] = []
        self.urls: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "svg":
            self.svgs.append(dict(attrs))
        if tag == "script":
            self.scripts += 1
        self.urls += [value or "" for name, value in attrs if name in ("src", "href")]


def _outline(page: str) -> _Outline:
    outline = _Outline()
    outline.feed(page)
    return outline


def test_the_report_is_deterministic(wechat: Scenario, page: str) -> None:
    assert report_html(wechat)[0] == page


def test_the_report_has_every_part_in_heading_order(page: str) -> None:
    outline = _outline(page)
    assert outline.headings[0] == 1
    assert outline.headings.count(1) == 1
    for before, after in zip(outline.headings, outline.headings[1:], strict=False):
        assert after <= before + 1, "a heading level is skipped"
    for part in (
        "The case in two paragraphs",
        "Timeline",
        "Diagrams",
        "The preliminary-injunction factors",
        "Glossary",
        "Questions for discussion",
        "What happened next",
        "Sources",
    ):
        assert f">{part}</h2>" in page


def test_the_report_is_self_contained(page: str) -> None:
    outline = _outline(page)
    assert outline.scripts == 0
    assert all(url.startswith("#") for url in outline.urls), "only links within the page"
    assert "default-src 'none'" in page  # the page may fetch nothing
    assert "@import" not in page
    assert "url(" not in page


@needs_dot
def test_every_diagram_is_inline_svg_with_alt_text_and_a_caption(page: str) -> None:
    svgs = _outline(page).svgs
    assert len(svgs) == 4
    for svg in svgs:
        assert svg["role"] == "img"
        assert len(svg["aria-label"] or "") > 80
        assert "width" not in svg
        assert "viewbox" in svg
    assert page.count("<figcaption") == 4
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "ids repeat between the diagrams"


def test_the_timeline_tells_every_step_with_its_rule(wechat: Scenario, page: str) -> None:
    steps = trace_scenario(wechat)
    for step in steps:
        assert f'id="step-{step.index + 1}"' in page
        assert step.event.date.isoformat() in page
    assert "FRCP 65(a)(1); Winter v. NRDC, 555 U.S. 7, 20 (2008)" in page
    assert "Starts: 60 days to appeal, until 2020-11-18" in page


def test_the_glossary_is_made_of_the_rules_the_case_used(wechat: Scenario, page: str) -> None:
    glossary = page[page.index('id="glossary"') : page.index('id="questions"')]
    for step in trace_scenario(wechat):
        assert str(escape(step.rule.explanation)) in glossary
    assert "temporary restraining order" not in glossary.lower()  # a rule the case never used


def test_the_injunction_factors_quote_the_court(page: str) -> None:
    factors = page[page.index('id="factors"') : page.index('id="glossary"')]
    assert "Winter v. NRDC" in factors
    assert "Nken v. Holder" in factors
    assert "Ninth Circuit" in factors
    assert "serious questions" in factors
    assert "<q>the plaintiffs raised serious questions going to the merits" in factors
    assert "<q>the balance of hardships tipped sharply in their favour</q>" in factors
    assert factors.count('class="factor"') == 4


def test_three_questions_from_the_decisions_and_the_roads_not_taken(page: str) -> None:
    questions = page[page.index('id="questions"') : page.index('id="next"')]
    assert questions.count("<li>") == 3
    assert "preliminary injunction denied" in questions
    assert "stay pending appeal granted" in questions


def test_what_happened_next_and_every_source(wechat: Scenario, page: str) -> None:
    assert "the government later agreed to pay $900,000 in fees" in page
    sources = page[page.index('id="sources"') :]
    for number, event in enumerate(wechat.events, start=1):
        assert f'id="source-{number}" value="{number}"' in sources
        assert str(escape(event.source.strip())) in sources


def test_scenario_text_shows_as_text_never_as_markup() -> None:
    page, _ = report_html(parse_scenario(HOSTILE))
    outline = _outline(page)
    assert outline.scripts == 0
    assert "<script" not in page
    assert "<img" not in page
    assert "<b>" not in page
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; &amp; {braces}" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert all(url.startswith("#") for url in outline.urls)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(one: str, other: str) -> float:
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("text", [INK, FAINT_TEXT])
def test_diagram_text_has_enough_contrast_on_every_lane(text: str) -> None:
    for fill in [*LANE_FILL.values(), "#FFFFFF"]:
        assert _contrast(text, fill) >= 4.5


# --- the commands ---------------------------------------------------------------------------


@click.group()
def sim() -> None:
    """A local group, as simulator.cli registers the commands."""


sim.add_command(diagram)
sim.add_command(report)


def run(*args: str) -> Result:
    return CliRunner().invoke(sim, list(args))


def _one_line_error(result: Result, code: int) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("sim: ")
    return lines[0]


def test_diagram_machine_needs_no_scenario() -> None:
    result = run("diagram", "machine", "--format", "dot")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("digraph federal_machine {")


@needs_dot
@pytest.mark.parametrize("kind", ["path", "timeline", "outcomes", "machine"])
def test_diagram_draws_each_kind_of_a_scenario_into_a_file(
    kind: str, wechat_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"{kind}.svg"
    result = run("diagram", kind, str(wechat_path), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"<?xml")


@needs_dot
def test_diagram_writes_png_and_pdf(wechat_path: Path, tmp_path: Path) -> None:
    for fmt, magic in (("png", b"\x89PNG"), ("pdf", b"%PDF")):
        out = tmp_path / f"outcomes.{fmt}"
        assert run("diagram", "outcomes", str(wechat_path), "--format", fmt, "--out", str(out))
        assert out.read_bytes().startswith(magic)


def test_the_explore_diagram_puts_odds_on_the_edges(wechat_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "explore.dot"
    assert run("diagram", "explore", str(wechat_path), "--format", "dot", "--out", str(out))
    assert "%" in out.read_text(encoding="utf-8")


def test_the_whatif_diagram_draws_every_branch(wechat_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "whatif.dot"
    assert run("diagram", "whatif", str(wechat_path), "--format", "dot", "--out", str(out))
    source = out.read_text(encoding="utf-8")
    for branch in ("injunction_denied", "ninth_circuit_stays", "never_revoked"):
        assert f"{branch}_end" in source


def test_diagram_errors_are_one_line_with_the_documented_codes(tmp_path: Path) -> None:
    assert "no such file" in _one_line_error(run("diagram", "path", "missing.yaml"), 2)
    illegal = tmp_path / "illegal.yaml"
    illegal.write_text(ILLEGAL, encoding="utf-8")
    line = _one_line_error(run("diagram", "timeline", str(illegal)), 1)
    assert f"{illegal}:6:" in line
    assert run("diagram", "path").exit_code == 2  # a case diagram needs a scenario
    assert run("diagram", "nonsense").exit_code == 2


def test_report_writes_one_html_file(wechat_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "wechat.html"
    result = run("report", str(wechat_path), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert f"Report written to {out}" in result.stdout


def test_report_without_dot_still_writes_and_says_so(
    wechat_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    out = tmp_path / "plain.html"
    result = run("report", str(wechat_path), "-o", str(out))
    assert result.exit_code == 0
    assert "apt-get install graphviz" in result.stderr
    assert "This diagram needs Graphviz" in out.read_text(encoding="utf-8")


def test_report_of_an_unusable_scenario_exits_2(tmp_path: Path) -> None:
    assert "no such file" in _one_line_error(run("report", str(tmp_path / "none.yaml")), 2)


def test_regenerate_redraws_every_scenario(wechat_path: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        regenerate,
        ["--all", "--scenarios", str(wechat_path.parent), "--out", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "wechat" / "machine.dot").exists()


class _Terminal:
    """A standard output that says it is a terminal, and keeps what is written to it."""

    def __init__(self) -> None:
        import io

        self.buffer = io.BytesIO()
        self.buffer.isatty = lambda: True  # type: ignore[method-assign]

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("arguments", "what"),
    [
        pytest.param(["report", "wechat"], "the HTML report", id="report"),
        pytest.param(["diagram", "path", "wechat"], "an SVG drawing", id="diagram"),
    ],
)
def test_a_page_or_a_drawing_is_not_poured_into_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    what: str,
) -> None:
    from simulator.render import commands

    terminal = _Terminal()
    monkeypatch.setattr(commands.sys, "stdout", terminal)
    command = report if arguments[0] == "report" else diagram
    with pytest.raises(SystemExit) as exited:
        command.main(arguments[1:], standalone_mode=False)
    assert exited.value.code == 2
    assert terminal.buffer.getvalue() == b""
    assert f"{what} is meant for a browser" in capsys.readouterr().err

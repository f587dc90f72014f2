"""Scenario text reaches people as data: control characters shown as escapes, never obeyed.

A title holding an OSC sequence must not retitle the terminal, nor a NUL stop Graphviz, nor a
bell make an SVG that is not well-formed XML; a title longer than dot can read is shortened in
the diagrams and kept whole in the narrative (issue 16, "Terminal injection" and "Rendering
limits"). Every command that shows a case's text does so (`run`, `replay`, `whatif`,
`explore`, `play`, `list`, the report), and so does every line naming a file it wrote.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from simulator.cli import main
from simulator.printable import json_printable, printable
from simulator.render.dot import label

#: Everything a terminal or an XML parser would act on rather than show.
HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069\ufffe\uffff]")

#: An OSC title change, a clear-screen, a NUL, an 8-bit CSI, a right-to-left override,
#: DEL, a backspace and a carriage return.
NASTY = "Evil \x1b]0;pwned\x07 v. \x1b[2J\x00 \x9b31m \u202eright\u202c \x7f\x08\r United States"

CASE = """\
id: nasty
title: {title}
summary: {summary}
outcome: {summary}
events:
  - date: 2020-08-06
    type: order_issued
    actor: {actor}
    summary: {summary}
    source: Fed. Reg.
  - date: 2020-08-21
    type: complaint_filed
    summary: The users sue.
    source: {summary}
    note: {summary}
  - date: 2020-08-28
    type: motion_filed
    motion: preliminary_injunction
    summary: The users move.
    source: ECF No. 17
  - date: 2020-09-17
    type: hearing_held
    motion: preliminary_injunction
    summary: Hearing.
    source: minutes
  - date: 2020-09-19
    type: injunction_granted
    summary: Enjoined.
    source: ECF No. 59
whatif:
  - id: denied
    title: {title}
    at: 5
    events:
      - date: 2020-09-19
        type: injunction_denied
        summary: {summary}
"""


def _case(tmp_path: Path, title: str = NASTY, summary: str = NASTY, actor: str = NASTY) -> Path:
    path = tmp_path / "nasty.yaml"
    # JSON strings are YAML double-quoted strings, escapes and all.
    quoted = {name: json.dumps(text) for name, text in (("title", title), ("summary", summary))}
    path.write_text(CASE.format(actor=json.dumps(actor), **quoted), encoding="utf-8")
    return path


def sim(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")


# --- the escaping itself --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "U.S. WeChat Users Alliance v. Trump (N.D. Cal. and 9th Cir., 2020-2021)",
        "微信用户诉特朗普案：法官在禁令生效前一天叫停",  # noqa: RUF001 (the colon is Chinese)
        "La jueza concedió la medida cautelar — «en todo el país» ¿y después?",
        "tabs\tand\nline breaks, quotes \" ' and backslashes \\x1b stay",
        "",
    ],
)
def test_ordinary_text_is_unchanged(text: str) -> None:
    assert printable(text) == text
    document = json.dumps({"text": text}, ensure_ascii=False)
    assert json_printable(document) == document


@pytest.mark.parametrize(
    ("character", "shown"),
    [
        ("\x1b", "\\x1b"),
        ("\x00", "\\x00"),
        ("\x07", "\\x07"),
        ("\r", "\\x0d"),
        ("\x7f", "\\x7f"),
        ("\x9b", "\\x9b"),
        ("\u202e", "\\u202e"),
        ("\u2066", "\\u2066"),
        ("\u2028", "\\u2028"),
        ("\uffff", "\\uffff"),
    ],
)
def test_each_control_character_is_shown_as_an_escape(character: str, shown: str) -> None:
    assert printable(f"a{character}b") == f"a{shown}b"


def test_json_keeps_the_text_and_shows_no_control_character() -> None:
    document = json_printable(json.dumps({"title": NASTY}, ensure_ascii=False))
    assert not HIDDEN.search(document)
    assert json.loads(document) == {"title": NASTY}


# --- text output ----------------------------------------------------------------------------------


def test_run_shows_the_escapes_and_obeys_none(tmp_path: Path) -> None:
    path = _case(tmp_path)
    assert sim("validate", str(path)).exit_code == 0
    result = sim("run", str(path), "--no-diagrams")
    assert result.exit_code == 0, result.stderr
    assert not HIDDEN.search(result.stdout)
    assert "Evil \\x1b]0;pwned\\x07 v. \\x1b[2J\\x00 \\x9b31m \\u202eright" in result.stdout


def test_run_json_keeps_the_text_as_it_is(tmp_path: Path) -> None:
    result = sim("run", str(_case(tmp_path)), "--format", "json", "--no-diagrams")
    assert result.exit_code == 0, result.stderr
    assert not HIDDEN.search(result.stdout)
    document = json.loads(result.stdout)
    assert document["scenario"]["title"] == NASTY.strip()


def test_whatif_and_explore_show_the_escapes(tmp_path: Path) -> None:
    path = _case(tmp_path)
    whatif = sim("whatif", str(path), "--no-diagrams")
    assert whatif.exit_code == 0, whatif.stderr
    assert not HIDDEN.search(whatif.stdout)
    assert "\\x1b]0;pwned" in whatif.stdout
    explore = sim("explore", str(path), "--runs", "3", "--no-diagrams")
    assert explore.exit_code == 0, explore.stderr
    assert not HIDDEN.search(explore.stdout)
    assert "\\x1b]0;pwned" in explore.stdout


def test_an_error_naming_a_file_shows_its_escapes(tmp_path: Path) -> None:
    missing = tmp_path / "\x1b]0;pwned\x07.yaml"
    result = sim("validate", str(missing))
    assert result.exit_code == 2
    assert not HIDDEN.search(result.stderr)
    assert "\\x1b]0;pwned\\x07.yaml: no such file" in result.stderr


def test_replay_tells_what_run_tells_escapes_and_all(tmp_path: Path) -> None:
    path, store = _case(tmp_path), tmp_path / "cases.jsonl"
    assert sim("record", str(path), "--store", str(store)).exit_code == 0
    for fmt in ("text", "json"):
        told = sim("replay", str(store), "--format", fmt)
        assert told.exit_code == 0, told.stderr
        assert not HIDDEN.search(told.stdout), fmt
        assert told.stdout == sim("run", str(path), "--format", fmt, "--no-diagrams").stdout
    document = json.loads(sim("replay", str(store), "--format", "json").stdout)
    assert document["scenario"]["title"] == NASTY.strip()


def test_play_shows_the_escapes(tmp_path: Path) -> None:
    answers = "1\nbecause\n" * 10
    result = CliRunner().invoke(
        main, ["play", str(_case(tmp_path)), "--as", "judge", "--runs", "1"], input=answers
    )
    assert result.exit_code == 0, result.output
    assert not HIDDEN.search(result.stdout)
    assert "\\x1b]0;pwned\\x07" in result.stdout


def test_list_shows_the_escapes(tmp_path: Path) -> None:
    folder = tmp_path / "bundled"
    folder.mkdir()
    _case(folder)
    result = CliRunner().invoke(main, ["list"], env={"SIM_SCENARIOS": str(folder)})
    assert result.exit_code == 0, result.output
    assert not HIDDEN.search(result.stdout)
    assert "\\x1b]0;pwned\\x07" in result.stdout


def test_a_line_naming_an_output_shows_its_escapes(tmp_path: Path) -> None:
    """What a command says it wrote names the file as given: a name can hold escapes too."""
    path = _case(tmp_path)
    evil = "\x1b]0;pwned\x07"
    store = str(tmp_path / f"cases{evil}.jsonl")
    commands = [
        ["record", str(path), "--store", store],
        ["verify", store],
        ["run", str(path), "--out", str(tmp_path / f"diagrams{evil}")],
        ["schema", "--out", str(tmp_path / f"schema{evil}.json")],
        ["new", "fresh", "--out", str(tmp_path / f"fresh{evil}.yaml")],
    ]
    if shutil.which("dot") is not None:
        commands.append(["report", str(path), "-o", str(tmp_path / f"report{evil}.html")])
    for command in commands:
        result = sim(*command)
        assert result.exit_code == 0, (command, result.output)
        assert not HIDDEN.search(result.output), command
        assert "\\x1b]0;pwned\\x07" in result.stdout, command


# --- diagrams and the report ----------------------------------------------------------------------


def test_dot_labels_show_the_escapes() -> None:
    text = label(NASTY)
    assert not HIDDEN.search(text)
    assert "\\\\x1b]0;pwned" in text  # a literal backslash in DOT is written twice


@needs_dot
def test_every_svg_is_well_formed_xml(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = sim("run", str(_case(tmp_path)), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    svgs = sorted(out.glob("*.svg"))
    assert [svg.stem for svg in svgs] == ["machine", "outcomes", "path", "timeline"]
    for drawing in [*svgs, *out.glob("*.dot")]:
        assert not HIDDEN.search(drawing.read_text(encoding="utf-8")), drawing.name
    for svg in svgs:
        ElementTree.parse(svg)  # raises on anything not well-formed
    assert "\\x1b]0;pwned" in (out / "path.svg").read_text(encoding="utf-8")


@needs_dot
def test_the_report_shows_the_escapes(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    result = sim("report", str(_case(tmp_path)), "-o", str(page))
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert not HIDDEN.search(html)
    assert "\\x1b]0;pwned" in html


# --- very long text -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["A" * 20_000, '"&\\' * 7_000, "line\n" * 5_000])
def test_a_label_always_fits_in_what_dot_reads(text: str) -> None:
    shown = label(text, "second line")
    assert len(shown) + shown.count('"') + 2 <= 16_384
    assert shown.endswith("second line")
    assert " …" in shown


def test_a_label_of_ordinary_length_is_not_cut() -> None:
    text = "word " * 800
    assert "…" not in label(text)


@needs_dot
def test_a_very_long_title_is_shortened_in_diagrams_and_kept_in_the_narrative(
    tmp_path: Path,
) -> None:
    title = "A very long title " * 1_000  # 18,000 characters: more than dot's 16,384
    path = _case(tmp_path, title=title, summary="A summary.", actor="The President")
    out = tmp_path / "out"
    result = sim("run", str(path), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert title.strip() in result.stdout
    assert " …" in (out / "path.dot").read_text(encoding="utf-8")
    report = sim("report", str(path), "-o", str(tmp_path / "report.html"))
    assert report.exit_code == 0, report.stderr
    assert title.strip() in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_the_line_naming_the_diagrams_follows_a_blank_line_not_a_backslash(
    wechat_path: Path, tmp_path: Path
) -> None:
    # Escaping the line must not escape the blank line before it (found in the Quick start).
    result = CliRunner().invoke(main, ["run", str(wechat_path), "--out", str(tmp_path / "d")])
    assert result.exit_code == 0
    assert "\\nDiagrams written" not in result.stdout
    assert "\n\nDiagrams written to" in result.stdout

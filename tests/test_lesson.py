"""`sim lesson`: the decision points, their choices (each one the decider allows), the pages.

The lesson is built once for the module with few simulated runs per choice:
what is checked (which choices exist, that the real one is among them, that
the output repeats byte for byte) does not depend on how many runs there are.
"""

from __future__ import annotations

import datetime
import html
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from simulator.cli import main
from simulator.decider import Machine
from simulator.lesson import build_lesson, render_pages
from simulator.lesson.dates import long_date
from simulator.lesson.points import decision_points
from simulator.scenario import Scenario, ScenarioError, parse_scenario, trace_scenario

RUNS = 40
BUNDLED = sorted((Path(__file__).parent.parent / "scenarios").glob("*.yaml"))


@pytest.fixture(scope="module")
def lesson(wechat: Scenario) -> dict[str, Any]:
    return build_lesson(wechat, runs=RUNS)


@pytest.fixture(scope="module")
def pages(lesson: dict[str, Any]) -> dict[str, str]:
    return render_pages(lesson)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda path: path.stem)
def test_every_choice_offered_is_one_the_decider_allows_at_that_step(path: Path) -> None:
    from simulator import load_scenario

    steps = trace_scenario(load_scenario(path))
    points = decision_points(steps)
    assert points, "every bundled case has decisions to make"
    for point in points:
        real = [choice for choice in point.choices if choice.real]
        assert len(real) == 1, f"{point.decision} on {point.day}: one real choice"
        if point.step is not None and real[0].event is not None:
            assert real[0].event == point.step.event
        for choice in point.choices:
            if choice.event is None:
                continue
            rule = Machine(point.before).allows(choice.event)
            assert rule is not None, f"{choice.key} on {point.day} is not allowed"
            assert rule == choice.rule


def test_the_wechat_decisions_are_the_real_cases(lesson: dict[str, Any]) -> None:
    decisions = lesson["decisions"]
    by_date = {(d["date"], d["role"]): d for d in decisions}
    injunction = by_date[("September 19, 2020", "judge")]
    labels = [c["label"] for c in injunction["choices"]]
    assert labels[0] == "Block the order for everyone in the country"
    assert "Refuse: the order may take effect while the case goes on" in labels
    assert injunction["test"]["citation"].startswith("Winter v. NRDC")
    assert injunction["real"]["plain"].startswith("The judge did not decide")
    stay = by_date[("October 26, 2020", "judge")]
    assert stay["test"]["citation"].startswith("Nken v. Holder")
    # the government could have gone to the Supreme Court after October 26, 2020, and did not
    supreme = by_date[("October 26, 2020", "government")]
    real = [c for c in supreme["choices"] if c["real"]]
    assert [c["label"] for c in real] == ["Don't go to the Supreme Court: wait for the appeal"]
    for decision in decisions:
        assert sum(c["real"] for c in decision["choices"]) == 1
        assert len(decision["choices"]) >= 2
    # the branch the scenario imagines is shown beside the choice it imagines
    refused = next(c for c in injunction["choices"] if c["label"].startswith("Refuse"))
    assert refused["whatif"]["title"] == "What if the judge had refused the injunction?"


def test_odds_are_labelled_by_what_they_rest_on(lesson: dict[str, Any]) -> None:
    injunction = next(d for d in lesson["decisions"] if d["date"] == "September 19, 2020")
    bases = {s["basis"] for s in injunction["odds_sources"]}
    assert bases <= {"base rate", "assumption", "partly assumption"}
    assert "assumption" in bases
    assert "does not guess at politics" in lesson["revocation_note"]
    for choice in injunction["choices"]:
        odds = choice["odds"]
        assert odds["runs"] == RUNS
        assert 0 <= odds["blocked"] <= 100


def test_the_pages_are_byte_identical_across_runs(wechat: Scenario, pages: dict[str, str]) -> None:
    again = render_pages(build_lesson(wechat, runs=RUNS))
    assert again == pages


def test_the_pages_fetch_nothing_and_carry_their_data(pages: dict[str, str]) -> None:
    for name, text in pages.items():
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text), name
        assert "default-src 'none'" in text
        assert '<html lang="en">' in text
    student = pages["student.html"]
    assert '<script type="application/json" id="lesson-data">' in student
    assert "September 19, 2020" in student
    for word in ("moved", "contested", "2020-09-19"):
        assert word not in _visible(student), word


def test_the_teacher_guide_has_what_a_teacher_needs(pages: dict[str, str]) -> None:
    teacher = _visible(pages["teacher.html"])
    for needed in (
        "The lesson in 45 minutes", "Over two or three days", "Learning objectives",
        "D2.Civ.4.9-12", "D2.Civ.12.9-12", "Role cards", "Each side's main arguments",
        "Vocabulary", "certiorari", "IEEPA", "Discussion questions", "Exit ticket", "Answer key",
    ):  # fmt: skip
        assert needed in teacher, needed


def _visible(page: str) -> str:
    body = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_the_handout_reads_at_grade_nine_or_below(pages: dict[str, str]) -> None:
    textstat = pytest.importorskip("textstat", reason="pip install -e '.[test]' installs textstat")
    text = _visible(pages["handout.html"])
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= 9, f"the handout reads at grade {grade}"
    assert "September 19, 2020" in text


def test_dates_are_written_as_people_write_them() -> None:
    assert long_date(datetime.date(2020, 9, 19)) == "September 19, 2020"
    assert long_date(datetime.date(2021, 6, 9)) == "June 9, 2021"


def test_sim_lesson_writes_three_files(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["lesson", "wechat", "--out", str(tmp_path / "x"), "--runs", "10"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "x").iterdir()) == [
        "handout.html", "student.html", "teacher.html",
    ]  # fmt: skip


def test_a_bad_scenario_is_one_line_and_exit_2(tmp_path: Path, wechat_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    text = wechat_path.read_text(encoding="utf-8")
    broken.write_text(
        text.replace(
            "      type: stay_denied\n      plain:", "      type: stay_granted\n      plain:", 1
        )
    )
    result = CliRunner().invoke(main, ["lesson", str(broken), "--out", str(tmp_path / "y")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert re.match(
        rf"sim: {re.escape(str(broken))}:\d+: a holding must name one recorded", lines[0]
    )
    assert not (tmp_path / "y").exists()


def test_the_teaching_section_is_checked_with_lines(wechat_path: Path) -> None:
    text = wechat_path.read_text(encoding="utf-8")
    with pytest.raises(ScenarioError, match=r":\d+: unknown field 'sides' in an argument"):
        parse_scenario(
            text.replace("    - side: plaintiffs", "    - sides: plaintiffs", 1), "w.yaml"
        )
    with pytest.raises(ScenarioError, match=r"'side' must be one of plaintiffs, government"):
        parse_scenario(text.replace("    - side: plaintiffs", "    - side: judge", 1), "w.yaml")
    plain = parse_scenario(text.split("\nteaching:")[0], "w.yaml", validate=False)
    assert plain.teaching is None

"""`sim play`: the lesson's decision points in a terminal, played with scripted input."""

from __future__ import annotations

from click.testing import CliRunner

from simulator.cli import main


def _play(*args: str, answers: str) -> str:
    result = CliRunner().invoke(main, ["play", "wechat", "--runs", "5", *args], input=answers)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_judge_decides_three_times_and_sees_reality() -> None:
    # September 19 injunction: the real choice (1); both stays: refuse (the real one, 1)
    out = _play("--as", "judge", answers="1\nFree speech is at stake.\n1\n\n1\nNo harm.\n")
    assert out.count("Your choice (a number)") == 3
    assert "Block the order for everyone in the country" in out
    assert "What really happened: Refuse: the injunction stays in force during the appeal." in out
    assert "You made the same choice as the real case 3 of 3 times." in out
    assert "reached the Supreme Court" in out  # the odds of each choice


def test_a_choice_other_than_reality_is_counted_and_a_bad_number_asked_again() -> None:
    from simulator import load_scenario
    from simulator.lesson import build_lesson

    first = build_lesson(load_scenario("wechat"), runs=1)["decisions"]
    choices = next(d for d in first if d["role"] == "judge")["choices"]
    refuse = next(n for n, c in enumerate(choices, 1) if c["label"].startswith("Refuse"))
    answers = f"9\n{refuse}\nSecurity first.\n1\n\n1\n\n"
    out = _play("--as", "judge", answers=answers)
    assert f"9 is not in the range 1<=x<={len(choices)}" in out
    assert "you chose \u201cRefuse: the order may take effect while the case goes on\u201d" in out
    assert "2 of 3 times" in out


def test_play_in_spanish_as_the_government() -> None:
    answers = "\n".join(["1"] * 12) + "\n"
    out = _play("--as", "government", "--lang", "es", answers=answers)
    assert "Tu papel: Gobierno." in out
    assert "Tus decisiones junto a la realidad" in out
    assert "de septiembre de 2020" in out


def test_play_needs_a_role() -> None:
    result = CliRunner().invoke(main, ["play", "wechat"])
    assert result.exit_code == 2
    assert "--as" in result.output

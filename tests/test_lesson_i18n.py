"""The lessons in Chinese and Spanish: every generated string translated, the catalogs
compiled and current, the words of the law as docs/lesson-terms.md gives them, and the
bundled cases' teaching notes translated field by field."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from simulator import load_scenario
from simulator.cli import main
from simulator.lesson import build_lesson, render_pages
from simulator.lesson.i18n import LOCALE_DIR, Watch, compiled, extract, read_catalog, translations
from simulator.scenario import Teaching

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted((ROOT / "scenarios").glob("*.yaml"))
LANGS = ("zh", "es")
REGENERATE = ".venv/bin/python -m simulator.lesson --catalogs"


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_of_the_code_is_translated(lang: str) -> None:
    catalog = read_catalog(lang)
    messages = {m.id: m for m in catalog if m.id}
    missing = [m.id for m in extract() if m.id and m.id not in messages]
    assert not missing, f"not in the {lang} catalog (run {REGENERATE}): {missing[:5]}"
    empty = [m.id for m in messages.values() if not m.string or m.fuzzy]
    assert not empty, f"untranslated or fuzzy in {lang}: {empty[:5]}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_committed_mo_files_are_compiled_from_the_po_files(lang: str) -> None:
    mo = LOCALE_DIR / lang / "LC_MESSAGES" / "lesson.mo"
    assert mo.read_bytes() == compiled(read_catalog(lang)), f"{mo} is stale: run {REGENERATE}"


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)s")


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_their_placeholders(lang: str) -> None:
    for message in read_catalog(lang):
        if message.id:
            assert sorted(_PLACEHOLDER.findall(message.id)) == sorted(
                _PLACEHOLDER.findall(message.string)
            ), f"{lang}: {message.id!r}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", BUNDLED, ids=lambda path: path.stem)
def test_a_generated_lesson_has_no_untranslated_string(path: Path, lang: str) -> None:
    """Every string the lesson asks the catalog for, including those worded in the law
    package, has a translation: an untranslated one fails here."""
    watch = Watch(translations(lang))
    lesson = build_lesson(load_scenario(path), lang=lang, runs=3, catalog=watch)
    pages = render_pages(lesson, catalog=watch)
    assert not watch.missing, f"no {lang} translation for: {sorted(watch.missing)[:5]}"
    tag = {"zh": "zh-Hans", "es": "es"}[lang]
    for name, html in pages.items():
        assert f'<html lang="{tag}">' in html, name
    assert '<span lang="en">' in pages["student.html"]  # the record's English is marked


def _terms() -> list[tuple[str, list[str], list[str], re.Pattern[str]]]:
    rows = []
    for line in (ROOT / "docs" / "lesson-terms.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("| ") or line.startswith("| English") or "---" in line:
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        english, zh, es, pattern = cells
        rows.append(
            (english, zh.split(" / "), es.split(" / "), re.compile(pattern.strip("`"), re.I))
        )
    return rows


def _pairs(lang: str) -> Iterator[tuple[str, str, str]]:
    """(where, English, translation) for every catalog message and teaching field."""
    for message in read_catalog(lang):
        if message.id:
            yield "catalog", message.id, message.string
    for path in BUNDLED:
        scenario = load_scenario(path)
        english, translated = scenario.teaching, scenario.teaching_in(lang)
        assert english is not None
        assert translated is not None
        for (field, a), (_, b) in zip(_fields(english), _fields(translated), strict=True):
            yield f"{scenario.id} {field}", a, b


def _fields(teaching: Teaching) -> list[tuple[str, str]]:
    out = [("question", teaching.question), ("summary", teaching.summary)]
    out += [("argument", a.point) for a in teaching.arguments]
    out += [("holding", h.plain) for h in teaching.holdings]
    out += [(f"word {n}", f"{w.simple} {w.fuller}") for n, w in enumerate(teaching.vocabulary)]
    out += [("discussion", q.question) for q in teaching.discussion]
    out += [("exit ticket", f"{q.question} {q.answer}") for q in teaching.exit_ticket]
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_translations_follow_the_term_list(lang: str) -> None:
    terms = _terms()
    assert len(terms) >= 20
    wrong = []
    for where, english, translated in _pairs(lang):
        for term, zh, es, pattern in terms:
            wanted = zh if lang == "zh" else es
            if pattern.search(english) and not any(w.lower() in translated.lower() for w in wanted):
                wrong.append(f"{where}: {term!r} should be {' or '.join(wanted)}: {translated!r}")
    assert not wrong, "\n".join(wrong[:8])


@pytest.mark.parametrize("path", BUNDLED, ids=lambda path: path.stem)
def test_each_bundled_case_has_its_teaching_notes_in_every_language(path: Path) -> None:
    scenario = load_scenario(path)
    english = scenario.teaching
    assert english is not None, "a sourced teaching: section"
    assert english.holdings
    assert english.arguments
    assert english.exit_ticket
    assert english.sources
    for lang in LANGS:
        translated = scenario.teaching_in(lang)
        assert translated is not None
        assert translated is not english, f"no teaching_{lang}: section"
        assert [h.step for h in translated.holdings] == [h.step for h in english.holdings]
        assert [a.side for a in translated.arguments] == [a.side for a in english.arguments]
        for name in ("vocabulary", "discussion", "exit_ticket"):
            assert len(getattr(translated, name)) == len(getattr(english, name)), name


def test_sim_lesson_writes_chinese(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["lesson", "wechat", "--lang", "zh", "--out", str(tmp_path), "--runs", "3"]
    )
    assert result.exit_code == 0, result.output
    student = (tmp_path / "student.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans">' in student
    assert "2020年9月19日" in student
    assert "禁令" in student

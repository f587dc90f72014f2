"""WCAG 2.2 checks of the lessons, offline, in a real browser (Debian's ``chromium``, Playwright).

The checks are this project's own JavaScript (``tests/lesson_checks.js``), chosen for what
these pages hold; no third-party code:

- 1.1.1 every image, SVG or other graphic has a text alternative;
- 4.1.2 / 1.3.1 every form control has an accessible name, every radio group a legend, and
  no id is used twice (labels point at ids);
- 1.3.1 headings start at h1 and never skip a level;
- 3.1.1 / 3.1.2 ``<html lang>`` is the lesson's language (en, zh-Hans, es) and every
  ``lang`` is a well-formed tag; 2.4.2 the page has a title; 1.4.4 zooming is allowed;
- 1.4.3 every visible text (what a student typed included) has a contrast of at least
  4.5:1 against its background, computed from getComputedStyle;
- 2.1.1 / 2.4.7 / 2.4.11 Tab reaches everything focusable, each with a focus indicator of
  3:1 against its surroundings, never wholly hidden (behind the sticky controls);
- 2.5.8 buttons and other targets are at least 24 by 24 CSS px;
- 1.4.10 at 320 CSS px nothing scrolls sideways or is cut off.

They run over the student page (card by card, through a whole play, on a small phone's
screen: 320 by 640), the teacher guide and the handout of the WeChat lesson in English,
Chinese and Spanish, and of the Trump v. Hawaii lesson in English.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from simulator import load_scenario
from simulator.lesson import build_lesson, render_pages
from simulator.lesson.build import Cache
from simulator.lesson.i18n import HTML_LANG

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
CHECKS = (Path(__file__).parent / "lesson_checks.js").read_text(encoding="utf-8")
ROOT = Path(__file__).resolve().parent.parent
LESSONS = [("wechat", "en"), ("wechat", "zh"), ("wechat", "es"), ("trump-v-hawaii", "en")]
PAGES = ("student", "teacher", "handout")
#: WCAG's reflow width, and a small phone's height (the sticky controls cover the most).
SCREEN = {"width": 320, "height": 640}
ROLE = "judge"
REASON = {
    "en": "The harm to free speech cannot be undone.",
    "zh": "言论自由受到威胁，伤害无法挽回。",  # noqa: RUF001 (the comma is Chinese)
    "es": "El daño a la libertad de expresión no se puede reparar.",
}

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Chromium is not installed (sh scripts/setup.sh test installs Debian's chromium)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Each lesson's three pages (few runs: the odds' numbers do not matter here)."""
    out = {}
    caches: dict[str, Cache] = {}
    for case, lang in LESSONS:
        scenario = load_scenario(ROOT / "scenarios" / f"{case}.yaml")
        lesson = build_lesson(scenario, lang=lang, runs=5, cache=caches.setdefault(case, {}))
        folder = tmp_path_factory.mktemp(f"{case}-{lang}")
        for name, text in render_pages(lesson).items():
            (folder / name).write_text(text, encoding="utf-8")
        out[case, lang] = folder
    return out


def _static(page: Page, lang: str, where: str) -> list[str]:
    found: dict[str, Any] = page.evaluate(CHECKS, {"lang": HTML_LANG[lang]})
    layout: list[str] = page.evaluate(CHECKS, "layout")
    return [f"{where}: {p}" for p in found["problems"]] + [f"{where}: 1.4.10 {p}" for p in layout]


def _keyboard(page: Page, where: str) -> list[str]:
    """Tab through the page from where the focus is, round to the start again: every stop
    must be one the page offers, with its focus shown; all of them must be reached."""
    wanted: list[str] = page.evaluate(CHECKS, "candidates")
    reached: list[str] = []
    problems: list[str] = []
    for _ in range(2 * len(wanted) + 4):  # to the end, out of the page, and in again
        page.keyboard.press("Tab")
        focused: dict[str, Any] = page.evaluate(CHECKS, "focus")
        problems += [f"{where}: {p}" for p in focused["problems"]]
        key = focused["key"]
        if key in reached:
            break
        if key is not None:
            reached.append(key)
    missing = [key for key in wanted if key not in reached]
    if missing:
        problems.append(f"{where}: 2.1.1 Tab never reaches {missing} (of {wanted})")
    return problems


#: The card shown, and what it is: its id, kind, whose decision, whether decided.
_CARD = """() => {
  const card = document.querySelector(".card.current");
  return {id: card.id, kind: card.dataset.kind, role: card.dataset.role || "",
          done: card.dataset.done === "yes"};
}"""
#: The student's moves, made by the page's own controls (the browser tests of the English
#: lesson make them by keyboard and by pointer; here they only lead from screen to screen).
_DECIDE = """(reason) => {
  const card = document.querySelector(".card.current");
  if (reason !== null) {
    card.querySelector("input[type=radio]").click();
    card.querySelector("textarea").value = reason;
  }
  card.querySelector(".decide").click();
}"""
_NEXT = "() => document.getElementById('next').click()"


def _state(card: dict[str, Any]) -> str:
    """What kind of screen this is, for walking each kind by keyboard once."""
    kind = str(card["kind"])
    if kind == "decision":
        kind += "-own" if card["role"] == ROLE else "-watched"
        kind += "-revealed" if card["done"] else ""
    return kind


def _student(page: Page, lang: str) -> list[str]:
    problems: list[str] = []
    walked: set[str] = set()

    def look() -> dict[str, Any]:
        card: dict[str, Any] = page.evaluate(_CARD)
        problems.extend(_static(page, lang, card["id"]))
        if (state := _state(card)) not in walked:
            walked.add(state)
            problems.extend(_keyboard(page, card["id"]))
        return card

    page.check(f"input[value={ROLE}]")
    look()
    page.evaluate(_NEXT)
    while (card := look())["id"] != "summary":
        if card["kind"] == "decision":
            page.evaluate(_DECIDE, REASON[lang] if card["role"] == ROLE else None)
            assert look()["done"], f"{card['id']} was not decided"
        page.evaluate(_NEXT)
    return problems


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize(("case", "lang"), LESSONS, ids=[f"{c}-{lang}" for c, lang in LESSONS])
def test_the_page_meets_the_wcag_checks(
    browser: Browser, folders: dict[tuple[str, str], Path], case: str, lang: str, name: str
) -> None:
    page = browser.new_context(viewport=SCREEN).new_page()
    page.goto((folders[case, lang] / f"{name}.html").as_uri(), wait_until="load")
    if name == "student":
        problems = _student(page, lang)
    else:
        problems = _static(page, lang, name) + _keyboard(page, name)
    page.context.close()
    assert not problems, "\n".join(sorted(set(problems))[:15])


def test_the_checks_find_what_they_look_for(browser: Browser) -> None:
    """The checks themselves, on a page made to break each one."""
    page = browser.new_context(viewport=SCREEN).new_page()
    page.set_content(
        '<html lang="de"><head><meta name="viewport" content="width=device-width, '
        'user-scalable=no"></head><body><h2>Skipped h1</h2><h4>Skipped h3</h4>'
        '<img src="data:,"><svg width="10" height="10"></svg>'
        '<input type="text"><p style="color:#999">Faint</p>'
        '<button style="width:20px;height:20px;padding:0;outline:none">x</button>'
        '<div style="width:400px">Too wide</div></body></html>'
    )
    found: dict[str, Any] = page.evaluate(CHECKS, {"lang": "en"})
    codes = {problem.split(" ")[0] for problem in found["problems"]}
    assert codes >= {"1.1.1", "1.3.1", "3.1.1", "2.4.2", "1.4.4", "4.1.2", "1.4.3", "2.5.8"}
    assert found["lowest"] < 3
    assert any("scrolls sideways" in p for p in page.evaluate(CHECKS, "layout"))
    problems = _keyboard(page, "broken")
    assert any("2.4.7" in p for p in problems), problems
    page.context.close()

"""The Chinese and Spanish WeChat lessons in a real browser (Debian's ``chromium`` via Playwright).

For each language: a student plays the whole lesson through (chooses a role, is stopped
until a choice and then a reason are given, sees what the court did, reaches the summary);
no heading, control or label shows an English message of the catalogs (or, in Chinese, any
run of English words) outside what the pages mark ``lang="en"``; and at a phone's width
(390 px) and printed (A4 less the widest @page margin), nothing scrolls sideways, sticks out
of the page or is clipped (``tests/lesson_checks.js``, "layout"). Screenshots are saved in
pytest's temporary directory (``pytest -s`` prints where).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from simulator.lesson import build_lesson, render_pages
from simulator.lesson.build import Cache
from simulator.lesson.i18n import read_catalog
from simulator.scenario import Scenario

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
CHECKS = (Path(__file__).parent / "lesson_checks.js").read_text(encoding="utf-8")
LANGS = ("zh", "es")
PHONE = 390
#: A4's width less the widest @page margins of the three pages (15 mm a side), in CSS px.
PRINTED = round((210 - 2 * 15) * 96 / 25.4)
TALLEST = 3000
ROLE = "plaintiffs"
REASON = {
    "zh": "言论自由受到威胁，伤害无法挽回。",  # noqa: RUF001 (the comma is Chinese)
    "es": "Se pierde la libertad de expresión y el daño no se puede reparar.",
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
def folders(wechat: Scenario, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The lesson in each language; the odds (few runs: only the words matter) are shared."""
    cache: Cache = {}
    out = {}
    for lang in LANGS:
        folder = tmp_path_factory.mktemp(f"lesson-{lang}")
        lesson = build_lesson(wechat, lang=lang, runs=5, cache=cache)
        for name, text in render_pages(lesson).items():
            (folder / name).write_text(text, encoding="utf-8")
        out[lang] = folder
    return out


@dataclass
class Seen:
    """What a play-through met: the texts shown, layout problems, the page's own words."""

    lang: str
    texts: list[str] = field(default_factory=list)
    layout: list[str] = field(default_factory=list)
    ui: dict[str, Any] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    own: int = 0
    roles_own: int = 0
    decisions: int = 0
    reveals: int = 0
    stopped: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _shoot(page: Page, path: Path) -> None:
    """A screenshot of the page from its top, at most `TALLEST` px of it (the teacher guide
    runs to many screens, and whole it would take seconds to encode)."""
    height = min(TALLEST, page.evaluate("() => document.documentElement.scrollHeight"))
    width = page.evaluate("() => document.documentElement.clientWidth")
    clip = {"x": 0, "y": 0, "width": width, "height": height}
    page.screenshot(path=str(path), full_page=True, clip=clip)


def _look(page: Page, seen: Seen, where: str) -> None:
    seen.texts += page.evaluate(CHECKS, "texts")
    seen.layout += [f"{where}: {problem}" for problem in page.evaluate(CHECKS, "layout")]


def _current(page: Page) -> str:
    return str(page.evaluate("() => document.querySelector('.card.current').id"))


def _play(page: Page, lang: str, folder: Path) -> Seen:
    """Play the student page through at a phone's width, looking at every card."""
    seen = Seen(lang)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    page.goto((folder / "student.html").as_uri(), wait_until="load")
    data = page.evaluate("() => JSON.parse(document.getElementById('lesson-data').textContent)")
    seen.ui, seen.roles = data["ui"], data["role_names"]
    seen.roles_own = sum(1 for decision in data["decisions"] if decision["role"] == ROLE)
    _look(page, seen, "start")
    _shoot(page, folder / "start-390.png")
    page.check(f"input[value={ROLE}]")
    page.fill("#student-name", "Ana")
    page.click("#next")
    shot: set[str] = set()
    while (card_id := _current(page)) != "summary":
        card = page.locator(f"#{card_id}")
        kind = card.get_attribute("data-kind") or ""
        _look(page, seen, card_id)
        if kind == "decision":
            seen.decisions += 1
            error = card.locator(".error")
            if card.get_attribute("data-role") == ROLE:
                seen.own += 1
                card.locator(".decide").click()  # no choice yet: stopped, and told why
                seen.stopped.append(error.inner_text())
                card.locator("input[type=radio]").first.check()
                card.locator(".decide").click()  # no reason yet
                seen.stopped.append(error.inner_text())
                _look(page, seen, f"{card_id} (stopped)")
                card.locator("textarea").fill(REASON[lang])
            card.locator(".decide").click()
            if card.locator(".reveal").is_visible():
                seen.reveals += 1
            _look(page, seen, f"{card_id} (revealed)")
            kind += "-own" if card.get_attribute("data-role") == ROLE else "-watched"
        if kind not in shot:
            shot.add(kind)
            _shoot(page, folder / f"{kind}-390.png")
        page.click("#next")
    _look(page, seen, "summary")
    seen.summary = page.locator("#sum-rows tr").all_inner_texts()
    seen.texts.append(page.locator("#sum-role").inner_text())
    seen.texts.append(page.locator("#sum-score").inner_text())
    _shoot(page, folder / "summary-390.png")
    _print(page, seen, folder / "summary-print.png", "summary, printed")
    return seen


def _print(page: Page, seen: Seen, shot: Path, where: str) -> None:
    page.emulate_media(media="print")
    page.set_viewport_size({"width": PRINTED, "height": 1000})
    _look(page, seen, where)
    _shoot(page, shot)


def _other_pages(browser: Browser, folder: Path, seen: Seen) -> None:
    for name in ("teacher", "handout"):
        page = browser.new_context(viewport={"width": PHONE, "height": 844}).new_page()
        page.goto((folder / f"{name}.html").as_uri(), wait_until="load")
        _look(page, seen, name)
        _shoot(page, folder / f"{name}-390.png")
        _print(page, seen, folder / f"{name}-print.png", f"{name}, printed")
        page.context.close()


@pytest.fixture(scope="module", params=LANGS)
def played(request: pytest.FixtureRequest, browser: Browser, folders: dict[str, Path]) -> Seen:
    lang: str = request.param
    page = browser.new_context(viewport={"width": PHONE, "height": 844}).new_page()
    seen = _play(page, lang, folders[lang])
    page.context.close()
    _other_pages(browser, folders[lang], seen)
    print(f"{lang} screenshots in {folders[lang]}")
    return seen


def test_a_student_plays_the_whole_lesson_through(played: Seen) -> None:
    assert played.errors == []
    assert played.own == played.roles_own >= 2
    assert played.reveals == played.decisions  # every decision showed what the court did
    assert played.stopped == [played.ui["pick"], played.ui["reason"]] * played.own
    assert len(played.summary) == played.own
    assert REASON[played.lang] in played.summary[0]
    assert played.roles[ROLE] in played.texts
    score = re.escape(played.ui["score"]).replace(r"\{agreed\}", r"\d+")
    score = score.replace(r"\{count\}", str(played.own))
    assert any(re.fullmatch(score, text) for text in played.texts), played.ui["score"]


def _english(lang: str) -> re.Pattern[str]:
    """The English of every message the catalog translates: each piece between placeholders
    or tags of two words or more, or one word of four letters or more, that the translation
    does not itself keep (a file name, an abbreviation)."""
    pieces = set()
    for message in read_catalog(lang):
        if not message.id or not message.string or message.string == message.id:
            continue
        for piece in re.split(r"%\([a-z_]+\)s|\{[a-z_]+\}|<[^>]+>", message.id):
            piece = piece.strip(" .,:;()\"'")
            words = re.findall(r"[A-Za-z]+", piece)
            if (len(words) >= 2 or (len(piece) >= 4 and piece.isalpha())) and (
                piece not in message.string
            ):
                pieces.add(piece)
    alternatives = "|".join(re.escape(p) for p in sorted(pieces, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])")


#: In Chinese, two English words in a row are English left in the page.
_ENGLISH_WORDS = re.compile(r"[A-Za-z]{2,}(?: [A-Za-z]{2,})+")


def test_nothing_is_left_in_english_where_a_translation_exists(played: Seen) -> None:
    lang = played.lang
    english = _english(lang)
    left = sorted({t for t in played.texts if english.search(t)})
    assert not left, f"English in the {lang} lesson: {left[:8]}"
    if lang == "zh":
        left = sorted({t for t in played.texts if _ENGLISH_WORDS.search(t)})
        assert not left, f"English words not marked lang=en in the zh lesson: {left[:8]}"


def test_the_pages_fit_a_phone_and_the_printed_page(played: Seen) -> None:
    assert not played.layout, "\n".join(sorted(set(played.layout))[:12])

"""The WeChat lesson in a real browser: headless Chromium (Debian's ``chromium``) via Playwright.

Launched as `tests/test_browser.py` launches it (``executable_path``, never a
browser Playwright downloads). Checks: a whole play-through by keyboard
alone; the page works 390 px wide; no request leaves the file; the summary
prints on one Letter and one A4 sheet, and the handout on at most two.
Screenshots and PDFs are kept in pytest's temporary directory (``pytest -s``
prints where).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from simulator.lesson import build_lesson, render_pages
from simulator.scenario import Scenario

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Chromium is not installed (sh scripts/setup.sh test installs Debian's chromium)",
)


@pytest.fixture(scope="module")
def lesson_dir(wechat: Scenario, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lesson")
    for name, text in render_pages(build_lesson(wechat, runs=40)).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def _page(browser: Browser, width: int) -> Page:
    return browser.new_context(viewport={"width": width, "height": 844}).new_page()


def _tab_to(page: Page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element ``selector`` (within the current card or the controls) has
    the focus: the keyboard is the only input."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _play(page: Page, role: str, reason: str) -> int:
    """Play the whole case in ``role`` by keyboard; returns how many decisions were the role's."""
    _tab_to(page, "input[name=role]")
    for _ in range(3):  # arrow keys move through a radio group, checking each
        if page.evaluate("() => document.activeElement.value") == role:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    _tab_to(page, "#student-name")
    page.keyboard.type("Alex")
    _tab_to(page, "#next")
    page.keyboard.press("Enter")
    own = 0
    while page.evaluate("() => document.querySelector('.card.current').id") != "summary":
        card = page.locator(".card.current")
        if card.get_attribute("data-kind") == "decision":
            card_id = card.get_attribute("id")
            if card.get_attribute("data-role") == role:
                own += 1
                _tab_to(page, f"#{card_id} input[type=radio]")
                page.keyboard.press("Space")
                _tab_to(page, f"#{card_id} textarea")
                page.keyboard.type(reason)
            _tab_to(page, f"#{card_id} .decide")
            page.keyboard.press("Enter")
            assert card.locator(".reveal").is_visible()
        _tab_to(page, "#next")
        page.keyboard.press("Enter")
    return own


def test_a_whole_play_through_by_keyboard_alone_with_no_request(
    browser: Browser, lesson_dir: Path
) -> None:
    page = _page(browser, 1280)
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: problems.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    student = lesson_dir / "student.html"
    page.goto(student.as_uri(), wait_until="load")
    own = _play(page, "judge", "Free speech is at stake and the harm cannot be undone.")
    rows = page.locator("#sum-rows tr")
    assert own == 3
    assert rows.count() == own
    assert "Free speech is at stake" in rows.first.inner_text()
    assert "Judge" in page.locator("#sum-role").inner_text()
    assert requests == [student.as_uri()]
    assert problems == []
    page.context.close()


def test_the_page_works_390_px_wide(browser: Browser, lesson_dir: Path) -> None:
    page = _page(browser, 390)
    page.goto((lesson_dir / "student.html").as_uri(), wait_until="load")
    wide = "() => document.documentElement.scrollWidth"
    assert page.evaluate(wide) <= 390
    page.screenshot(path=str(lesson_dir / "start-390.png"), full_page=True)
    page.check("input[value=plaintiffs]")
    page.click("#next")
    seen = set()
    while page.evaluate("() => document.querySelector('.card.current').id") != "summary":
        card = page.locator(".card.current")
        kind = card.get_attribute("data-kind") or ""
        if kind == "decision":
            if card.get_attribute("data-role") == "plaintiffs":
                card.locator("input[type=radio]").first.check()
                card.locator("textarea").fill("They will be silenced if no one stops the ban.")
            card.locator(".decide").click()
        assert page.evaluate(wide) <= 390, f"{card.get_attribute('id')} scrolls sideways"
        for button in page.locator("nav.controls button").all():
            box = button.bounding_box()
            assert box is not None
            assert box["height"] >= 44
        if kind not in seen:
            seen.add(kind)
            page.screenshot(path=str(lesson_dir / f"{kind}-390.png"), full_page=True)
        page.click("#next")
    assert page.evaluate(wide) <= 390
    print(f"screenshots in {lesson_dir}")
    page.context.close()


def _pages_in(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_the_summary_prints_on_one_sheet(browser: Browser, lesson_dir: Path) -> None:
    page = _page(browser, 1280)
    page.goto((lesson_dir / "student.html").as_uri(), wait_until="load")
    page.check("input[value=government]")
    page.fill("#student-name", "A student with a long name for the printed page")
    page.click("#next")
    longest = ("The government must show it is likely to win and will be harmed. " * 5)[:280]
    while page.evaluate("() => document.querySelector('.card.current').id") != "summary":
        card = page.locator(".card.current")
        if card.get_attribute("data-kind") == "decision":
            if card.get_attribute("data-role") == "government":
                card.locator("input[type=radio]").last.check()
                card.locator("textarea").fill(longest)
            card.locator(".decide").click()
        page.click("#next")
    assert page.locator("#sum-rows tr").count() == 5
    page.emulate_media(media="print")
    page.screenshot(path=str(lesson_dir / "summary-print.png"), full_page=True)
    for paper in ("Letter", "A4"):
        pdf = page.pdf(format=paper, print_background=True)
        (lesson_dir / f"summary-{paper}.pdf").write_bytes(pdf)
        assert _pages_in(pdf) == 1, f"the summary takes {_pages_in(pdf)} {paper} sheets"
    page.context.close()


def test_the_handout_prints_on_two_sheets_at_most(browser: Browser, lesson_dir: Path) -> None:
    page = _page(browser, 1280)
    page.goto((lesson_dir / "handout.html").as_uri(), wait_until="load")
    page.screenshot(path=str(lesson_dir / "handout.png"), full_page=True)
    for paper in ("Letter", "A4"):
        assert _pages_in(page.pdf(format=paper)) <= 2
    page.context.close()

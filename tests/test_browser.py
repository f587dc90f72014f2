"""The WeChat report in a real browser: headless Chromium (Debian's ``chromium``) via Playwright.

``sh scripts/setup.sh test`` installs Chromium when it is missing; Playwright
drives that browser (``executable_path``), never one it downloads. The checks:
the page loads with no console error and no request but itself; the key
dates and every diagram are visible; it reads at 200% zoom without sideways
scrolling; its text has enough contrast; printed on A4 and on Letter, no
diagram is wider or taller than the page. Screenshots and PDFs are saved in
pytest's temporary directory, and their paths printed (``pytest -s``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from simulator.render.report import report_html
from simulator.scenario import Scenario

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
KEY_DATES = ("2020-08-06", "2020-09-19", "2020-10-26", "2021-06-09", "2021-08-10")
#: Paper in CSS pixels (96 per inch) less the report's @page margins (13 mm a side, 30 mm in all
#: top and bottom): the box every diagram must fit in.
PAPER = {"A4": (210, 297), "Letter": (215.9, 279.4)}
MM = 96 / 25.4

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Chromium is not installed (sh scripts/setup.sh test installs Debian's chromium)",
)


@pytest.fixture(scope="module")
def report_file(wechat: Scenario, tmp_path_factory: pytest.TempPathFactory) -> Path:
    html, drawn = report_html(wechat)
    assert drawn, "the browser tests need Graphviz's dot to draw the diagrams"
    path = tmp_path_factory.mktemp("report") / "wechat.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def test_the_report_loads_with_no_console_errors_and_no_requests(
    page: Page, report_file: Path
) -> None:
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: problems.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(report_file.as_uri(), wait_until="load")
    assert [problem for problem in problems if not problem.startswith("log")] == []
    assert requests == [report_file.as_uri()]


def test_the_key_dates_and_every_diagram_are_visible(
    page: Page, report_file: Path, tmp_path: Path
) -> None:
    page.goto(report_file.as_uri())
    shots = [tmp_path / "report-top.png"]
    page.screenshot(path=str(shots[0]))
    for day in KEY_DATES:
        assert page.locator("#timeline").get_by_text(day, exact=True).first.is_visible()
    diagrams = page.locator("svg.diagram")
    assert diagrams.count() == 4
    for index in range(diagrams.count()):
        svg = diagrams.nth(index)
        svg.scroll_into_view_if_needed()
        box = svg.bounding_box()
        assert box is not None
        assert box["width"] > 300
        assert box["height"] > 100
        # Scrolled to, it is on screen: it overlaps the viewport.
        assert box["y"] < 900
        assert box["y"] + box["height"] > 0
        assert svg.is_visible()
        assert svg.locator("text").first.is_visible()
        # The window as a reader sees it (a full-page shot of the tall diagrams takes ~20 s).
        shots.append(tmp_path / f"report-diagram-{index + 1}.png")
        page.screenshot(path=str(shots[-1]))
    print("\nscreenshots of the report:", *shots, sep="\n  ")
    assert all(shot.stat().st_size > 10_000 for shot in shots)


def test_the_report_reads_at_200_percent_zoom(browser: Browser, report_file: Path) -> None:
    # 200% zoom of a 1280-pixel window leaves 640 CSS pixels across.
    context = browser.new_context(viewport={"width": 640, "height": 900}, device_scale_factor=2)
    page = context.new_page()
    page.goto(report_file.as_uri())
    sideways = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert sideways <= 0, "the page scrolls sideways at 200% zoom"
    size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert size >= 16
    context.close()


_CONTRAST = """
() => {
  const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const el of document.querySelectorAll("body *:not(svg):not(svg *)")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)}`);
  }
  return low;
}
"""


def test_the_text_has_enough_contrast(page: Page, report_file: Path) -> None:
    page.goto(report_file.as_uri())
    assert page.evaluate(_CONTRAST) == []


@pytest.mark.parametrize("paper", list(PAPER))
def test_printed_no_diagram_is_clipped(
    browser: Browser, report_file: Path, tmp_path: Path, paper: str
) -> None:
    width, height = PAPER[paper]
    usable = ((width - 26) * MM, (height - 30) * MM)
    context = browser.new_context(viewport={"width": round(usable[0]), "height": 900})
    page = context.new_page()
    page.goto(report_file.as_uri())
    page.emulate_media(media="print")
    boxes = page.evaluate(
        "[...document.querySelectorAll('svg.diagram')].map(s => s.getBoundingClientRect())"
        ".map(r => [r.width, r.height])"
    )
    assert len(boxes) == 4
    for box_width, box_height in boxes:
        assert 0 < box_width <= usable[0] + 0.5
        assert 0 < box_height <= usable[1] + 0.5
    pdf = tmp_path / f"wechat-{paper}.pdf"
    page.pdf(path=str(pdf), format=paper, print_background=True)
    data = pdf.read_bytes()
    pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    print(f"\n{paper} print of the report: {pdf} ({pages} pages)")
    assert data.startswith(b"%PDF")
    assert pages >= 4
    context.close()

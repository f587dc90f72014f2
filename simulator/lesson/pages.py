"""The three pages of a lesson, rendered from its data with Jinja2 (autoescaped).

Every page is one self-contained file: its CSS and script are written into
it, and a Content-Security-Policy of ``default-src 'none'`` keeps the browser
from fetching anything, so a page works offline and never leaks a request.
No legal logic here: the data comes finished from `simulator.lesson.build`.
The templates' own words go through the lesson language's gettext catalog
(Jinja2's i18n extension).
"""

from __future__ import annotations

import re
from typing import Any

import jinja2

from simulator.lesson.build import Data, script_data
from simulator.lesson.i18n import translations

__all__ = ["PAGES", "render_pages"]

#: The files a lesson is made of, and their templates.
PAGES = {
    "student.html": "student.html.j2",
    "teacher.html": "teacher.html.j2",
    "handout.html": "handout.html.j2",
}


def _environment(catalog: Any) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("simulator.lesson", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    environment.install_gettext_translations(catalog, newstyle=True)  # type: ignore[attr-defined]
    return environment


def render_pages(lesson: Data, *, catalog: Any = None) -> dict[str, str]:
    """Each page's file name and its HTML, in the lesson's language (``catalog`` overrides its
    compiled translations, as in `simulator.lesson.build_lesson`)."""
    environment = _environment(catalog if catalog is not None else translations(lesson["language"]))
    data = script_data(lesson)
    pages = {
        # The templates are indented for their readers; a page, shared by e-mail or on a
        # stick, needs none of it (it holds no <pre>, and a textarea's text is typed later).
        name: _INDENT.sub(
            "\n", environment.get_template(template).render(lesson=lesson, script_data=data)
        )
        for name, template in PAGES.items()
    }
    if lesson["language"] == "zh":
        # Chinese puts no space after its full-width punctuation: the templates' spaces
        # between a label and its text would show as a gap.
        pages = {name: _CJK_GAP.sub(r"\1", html) for name, html in pages.items()}
    return pages


_INDENT = re.compile(r"\n[ \t]+(?=<)")
_CJK_GAP = re.compile("([\\uff1a\\u3002\\uff1b\\uff0c]) (?=[^\\s<]|<(?:strong|span)[\\s>])")

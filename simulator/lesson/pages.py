"""The three pages of a lesson, rendered from its data with Jinja2 (autoescaped).

Every page is one self-contained file: its CSS and script are written into
it, and a Content-Security-Policy of ``default-src 'none'`` keeps the browser
from fetching anything, so a page works offline and never leaks a request.
No legal logic here: the data comes finished from `simulator.lesson.build`.
"""

from __future__ import annotations

import jinja2

from simulator.lesson.build import Data, script_data

__all__ = ["PAGES", "render_pages"]

#: The files a lesson is made of, and their templates.
PAGES = {
    "student.html": "student.html.j2",
    "teacher.html": "teacher.html.j2",
    "handout.html": "handout.html.j2",
}


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("simulator.lesson", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_pages(lesson: Data) -> dict[str, str]:
    """Each page's file name and its HTML."""
    environment = _environment()
    data = script_data(lesson)
    return {
        name: environment.get_template(template).render(lesson=lesson, script_data=data)
        for name, template in PAGES.items()
    }

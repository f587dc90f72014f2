"""Lessons for a class: a student page where students decide, a teacher guide, a handout.

`build_lesson` computes everything from a scenario (the decision points, the
choices the law allowed at each, where each could lead, with odds);
`render_pages` turns it into three self-contained HTML files. The ``sim
lesson`` command (`simulator.lesson.commands`) writes them.
"""

from simulator.lesson.build import DEFAULT_RUNS, build_lesson
from simulator.lesson.pages import PAGES, render_pages

__all__ = ["DEFAULT_RUNS", "PAGES", "build_lesson", "render_pages"]

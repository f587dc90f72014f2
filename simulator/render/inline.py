"""Graphviz SVG made fit to sit inside an HTML page: sized by CSS, labelled, ids kept apart.

``dot -Tsvg`` writes a standalone document (an XML declaration, a DOCTYPE,
fixed ``width``/``height`` in points, ids such as ``node1`` that repeat from
one diagram to the next). Inline, the root gets ``role="img"`` and an
``aria-label`` (its alt text), sizes from its ``viewBox`` so CSS can scale it
to the page, and ids prefixed with the diagram's name. The SVG is checked to
be well-formed and free of anything active (scripts, event handlers, foreign
objects) before it is trusted into the page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from markupsafe import Markup, escape

from simulator.render.files import RenderError

__all__ = ["inline_svg"]

_ROOT = re.compile(r"<svg\b[^>]*>", re.S)
_SIZE = re.compile(r'\s(?:width|height)="[^"]*"')
_ID = re.compile(r'(\s)id="')
_TITLE = re.compile(r"<title>[^<]*</title>\n?")
_ACTIVE = ("script", "foreignObject", "iframe", "object", "embed")


def _check(svg: str) -> None:
    """Refuse SVG that is not well-formed or could run anything."""
    try:
        root = ElementTree.fromstring(svg)
    except ElementTree.ParseError as error:
        raise RenderError(f"Graphviz wrote SVG that is not well-formed: {error}") from None
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        handlers = [key for key in element.attrib if key.rsplit("}", 1)[-1].startswith("on")]
        if name in _ACTIVE or handlers:
            raise RenderError(f"the SVG of a diagram holds active content ({name})")


def inline_svg(svg: bytes, key: str, alt: str) -> Markup:
    """``svg`` (from ``dot -Tsvg``) as markup to place in a page, described by ``alt``."""
    text = svg.decode("utf-8")
    start = text.find("<svg")
    if start < 0:
        raise RenderError("Graphviz wrote no <svg> element")
    text = text[start:]
    _check(text)
    # The node names dot puts in <title> would show as tooltips ("injunction__in_force").
    text = _TITLE.sub("", text)
    text = _ID.sub(rf'\1id="{key}-', text)
    root = _ROOT.match(text)
    assert root is not None
    tag = _SIZE.sub("", root.group(0))
    labelled = f'{tag[:-1]} role="img" aria-label="{escape(alt)}" class="diagram">'
    return Markup(labelled + text[root.end() :].strip() + "\n")

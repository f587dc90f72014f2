"""DOT building blocks shared by the diagrams: literal labels, graphs, swimlanes, legends.

Every text that comes from a scenario or a rule goes through `label`, which
makes it literal DOT text: quotes, braces, ``<tags>``, ``&``, backslashes and
line breaks come out as written. Labels are never HTML-like (``<...>``), so no
scenario text is ever read as markup. Nothing is sorted by hash or named by
``id()``, so the same input always gives byte-identical DOT.
"""

from __future__ import annotations

import datetime
import itertools
import re
import textwrap
from collections.abc import Iterable, Sequence

import graphviz

from simulator.events import EVENT_TYPES, Event
from simulator.printable import printable
from simulator.render.style import ACTORS, FAINT_LINE, FONT, INK, LANE_FILL, LEVELS

__all__ = [
    "LAPSE_LINE",
    "TAKEN_LINE",
    "UNTAKEN_LINE",
    "capital",
    "dates",
    "digraph",
    "event_text",
    "ident",
    "label",
    "legend",
    "node_look",
    "order",
    "qualifier",
    "style_lane",
    "words",
    "wrap",
]

_NOT_AN_ID = re.compile(r"[^A-Za-z0-9_]")
#: The longest quoted string dot reads is 16,384 characters; a label is kept shorter than that.
_LONGEST_LABEL = 16_000


def _text(text: str) -> str:
    """``text`` as literal DOT label text.

    `graphviz.escape` doubles backslashes (so ``\\n`` or ``\\N`` are not read as
    DOT escapes); ``&`` becomes ``&amp;`` because dot decodes entities in plain
    labels too (``&lt;`` would otherwise turn into ``<``); real line breaks
    become DOT's ``\\n``; any other control character is shown as an escape
    (`simulator.printable`): dot stops at a NUL, and XML allows no control
    characters, so the SVG stays well-formed. Quotes are escaped by graphviz
    when it quotes the value.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    escaped = str(graphviz.escape(printable(lines))).replace("&", "&amp;")
    return escaped.replace("\n", "\\n")


def _joined(lines: Sequence[str]) -> str:
    return "\\n".join(_text(line) for line in lines)


def _fits(joined: str) -> bool:
    """Whether dot reads ``joined`` as one quoted string: with its quotes, each ``"`` escaped."""
    return len(joined) + joined.count('"') + 2 <= _LONGEST_LABEL


def _shortened(lines: Sequence[str]) -> str:
    """The label of ``lines``, the longest cut in half (with an ellipsis) until it fits.

    A diagram shows the start of a very long text; the narrative and the report keep all of it.
    """
    kept = list(lines)
    joined = _joined(kept)
    while not _fits(joined):
        longest = max(range(len(kept)), key=lambda index: len(kept[index]))
        if len(kept[longest]) <= len(" …"):
            break
        kept[longest] = kept[longest][: len(kept[longest]) // 2].rstrip() + " …"
        joined = _joined(kept)
    return joined


def label(*lines: str) -> str:
    """A plain (never HTML) DOT label: the non-empty ``lines``, escaped, one under another."""
    kept = [line for line in lines if line]
    joined = _joined(kept)
    if not _fits(joined):
        joined = _shortened(kept)
    text: str = graphviz.nohtml(joined)
    return text


def wrap(text: str, width: int, max_lines: int = 3) -> list[str]:
    """``text`` on lines of about ``width`` characters, cut with an ellipsis after ``max_lines``."""
    flat = " ".join(text.split())
    return textwrap.wrap(flat, width, max_lines=max_lines, placeholder=" …") if flat else []


def ident(text: str) -> str:
    """A safe DOT/file identifier made from ``text`` (a scenario id, a rule id)."""
    return _NOT_AN_ID.sub("_", text) or "case"


def words(name: str) -> str:
    """A snake_case name as words: ``in_force`` -> ``in force``."""
    return name.replace("_", " ")


def capital(text: str) -> str:
    """``text`` with its first letter upper-case."""
    return text[:1].upper() + text[1:]


def event_text(event_type: str, detail: str) -> str:
    """What an event is called, with its qualifier (motion, scope, disposition) when it has one."""
    name = EVENT_TYPES[event_type].label
    return f"{name} ({words(detail)})" if detail else name


def qualifier(event: Event) -> str:
    """The event's motion, scope or disposition, if its type has one."""
    kind = EVENT_TYPES[event.type]
    return str(getattr(event, kind.qualifier)) if kind.qualifier else ""


def dates(days: Sequence[datetime.date], per_line: int = 2) -> list[str]:
    """Dates as YYYY-MM-DD, ``per_line`` to a line."""
    text = [day.isoformat() for day in days]
    return [", ".join(text[i : i + per_line]) for i in range(0, len(text), per_line)]


def digraph(name: str, title: str, subtitle: str, *, rankdir: str) -> graphviz.Digraph:
    """An empty graph with the title on top and fonts large enough to project in a classroom."""
    graph = graphviz.Digraph(name=name)
    graph.attr(
        "graph",
        label=label(title, subtitle),
        labelloc="t",
        fontname=FONT,
        fontsize="22",
        fontcolor=INK,
        rankdir=rankdir,
        nodesep="0.3",
        ranksep="0.45",
        newrank="true",
        bgcolor="white",
        pad="0.2",
    )
    graph.attr("node", fontname=FONT, fontsize="12", fontcolor=INK, color=INK)
    graph.attr("edge", fontname=FONT, fontsize="11", fontcolor=INK, arrowsize="0.8")
    return graph


def style_lane(cluster: graphviz.Digraph, level: str) -> None:
    """Give a swimlane its title and its (greyscale-distinct) fill."""
    cluster.attr(
        label=label(LEVELS.get(level, capital(words(level)))),
        style="filled",
        fillcolor=LANE_FILL.get(level, "white"),
        color="#8c8c8c",
        fontsize="18",
        labeljust="l",
    )


def node_look(kind: str, *, decision: bool = False) -> dict[str, str]:
    """Node attributes for a step taken by ``kind``; a court's decision gets a thick border."""
    look = ACTORS[kind]
    attrs = {
        "shape": look.shape,
        "style": "filled",
        "fillcolor": look.fill,
        "color": look.colour,
        "penwidth": "3.5" if decision else "1.6",
    }
    attrs |= dict(look.extra)
    return attrs


def legend(
    graph: graphviz.Digraph,
    *,
    kinds: Iterable[str],
    as_edges: bool,
    rankdir: str,
    lines: Sequence[tuple[str, dict[str, str]]] = (),
    notes: Sequence[str] = (),
) -> str:
    """A "How to read this diagram" box: who acts (as node shapes or as arrows), line styles.

    ``lines`` are sample edges, each a description and its edge attributes;
    ``notes`` are further lines of text. Returns the name of a node in the
    legend, to place it among the swimlanes with `order`.
    """
    with graph.subgraph(name="cluster_legend") as box:
        box.attr(
            label=label("How to read this diagram"),
            style="rounded",
            color="#8c8c8c",
            fontsize="14",
            labeljust="l",
            bgcolor="white",
        )
        box.attr("node", fontsize="11")
        samples: list[tuple[str, dict[str, str]]] = []
        shapes: list[str] = []
        for kind in kinds:
            look = ACTORS[kind]
            if as_edges:
                samples.append((look.title, {"color": look.colour, "arrowhead": look.arrowhead}))
            else:
                shapes.append(f"legend_{kind}")
                box.node(shapes[-1], label=label(look.title), **node_look(kind))
        for number, (text, attrs) in enumerate([*samples, *lines]):
            start, end = f"legend_from{number}", f"legend_to{number}"
            box.node(start, label="", shape="point", width="0.05", color="white")
            box.node(end, label=label(text), shape="plaintext")
            box.edge(start, end, penwidth="2.5", **attrs)
        if notes:
            shapes.append("legend_notes")
            box.node(shapes[-1], label=label(*notes), shape="plaintext", fontcolor=INK)
        _stack(box, shapes, rankdir)
    return shapes[0] if shapes else "legend_from0"


def _stack(graph: graphviz.Digraph, nodes: Sequence[str], rankdir: str) -> None:
    """Stack ``nodes`` top to bottom: one rank in a left-right graph, a chain in a top-down one."""
    if rankdir == "LR":
        with graph.subgraph() as rank:
            rank.attr(rank="same")
            for node in nodes:
                rank.node(node)
        return
    for above, below in itertools.pairwise(nodes):
        graph.edge(above, below, style="invis")


def order(graph: graphviz.Digraph, nodes: Sequence[str]) -> None:
    """Keep ``nodes`` on one rank, in this order, so the swimlanes appear in `LEVELS` order.

    dot places unconnected clusters where it likes and ignores invisible edges
    between them when it orders a rank; an invisible parent whose edges keep
    their order (``ordering=out``) is what it honours.
    """
    graph.node(
        "lane_order", label="", shape="point", style="invis", width="0", height="0", ordering="out"
    )
    with graph.subgraph() as rank:
        rank.attr(rank="same")
        for node in nodes:
            rank.node(node)
    for node in nodes:
        graph.edge("lane_order", node, style="invis")


#: Sample lines for the legends of the process diagrams.
TAKEN_LINE = ("solid, with dates: what this case did", {"color": INK})
UNTAKEN_LINE = (
    "faint, dashed: what the law allowed that did not happen",
    {"color": FAINT_LINE, "style": "dashed", "arrowhead": "vee"},
)
LAPSE_LINE = ("dotted: what time alone changes", {"color": INK, "style": "dotted"})

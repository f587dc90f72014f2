"""The outcome tree of `sim explore`: the decisions a continued case met, with their odds.

Read left to right from where the runs started: each edge is an outcome of a
decision, labelled with how often the runs that got that far went that way;
each box says how many runs reached it, and where runs ended, what they ended
with. Branches rarer than ``min_share`` of all runs, and any beyond ``max_nodes``
boxes, are gathered into one faint "paths not drawn" box per parent, so the
tree stays readable and its odds still add up. Children are ordered by runs,
then by name, and nodes are numbered in that order, so the same tally always
gives the same DOT.
"""

from __future__ import annotations

from collections import Counter

import graphviz

from simulator.explore.montecarlo import Exploration, Tally, outcome_label
from simulator.render.dot import label

__all__ = ["explore_diagram"]

_FONT = "Helvetica"
_INK = "#222222"
_FAINT = "#999999"
_ENDED = "#eef3f8"
_FAINT_LOOK = {"color": _FAINT, "fontcolor": _FAINT}

Prefix = tuple[str, ...]


def _label(*lines: str) -> str:
    """A literal DOT label (`simulator.render.dot.label`), each line's spaces and breaks folded."""
    return label(*(" ".join(line.split()) for line in lines))


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "0.0%"


class _Tree:
    """The runs' paths as a tree of prefixes, with the runs through and ending at each."""

    def __init__(self, tally: Tally) -> None:
        self.through: Counter[Prefix] = Counter()
        self.ended: dict[Prefix, Counter[str]] = {}
        self.children: dict[Prefix, set[Prefix]] = {}
        for (path, policy, *_rest), runs in tally.endings.items():
            for depth in range(len(path) + 1):
                self.through[path[:depth]] += runs
                if depth:
                    self.children.setdefault(path[: depth - 1], set()).add(path[:depth])
            self.ended.setdefault(path, Counter())[policy] += runs

    def ordered(self, node: Prefix) -> list[Prefix]:
        return sorted(self.children.get(node, ()), key=lambda p: (-self.through[p], p))


class _Drawing:
    """Builds the graph breadth first, numbering nodes in the order they are drawn."""

    def __init__(self, exploration: Exploration, min_share: float, max_nodes: int) -> None:
        self.exploration = exploration
        self.tree = _Tree(exploration.tally)
        self.total = exploration.tally.runs
        self.floor = max(1, round(min_share * self.total))
        self.budget = max_nodes
        self.graph = graphviz.Digraph("explore", graph_attr=_GRAPH, node_attr=_NODE)
        self.graph.attr("edge", fontname=_FONT, fontsize="10", color=_INK)
        self.count = 0

    def node(self, text: str, **look: str) -> str:
        name = f"n{self.count}"
        self.count += 1
        self.graph.node(name, text, **look)
        return name

    def draw(self) -> graphviz.Digraph:
        start = self.exploration.start
        title = self.exploration.scenario.title
        root = self.node(
            _label(
                title,
                f"continued from step {start.kept} ({start.day.isoformat()})",
                f"{self.total:,} runs, seed {self.exploration.seed}",
            ),
            shape="box",
            style="rounded,bold",
        )
        queue: list[tuple[Prefix, str]] = [((), root)]
        while queue:
            path, name = queue.pop(0)
            queue += self.expand(path, name)
        return self.graph

    def expand(self, path: Prefix, name: str) -> list[tuple[Prefix, str]]:
        """Draw the outcomes after ``path`` and where runs ended there; the children to expand."""
        through = self.tree.through[path]
        later: list[tuple[Prefix, str]] = []
        rare = 0
        for child in self.tree.ordered(path):
            runs = self.tree.through[child]
            if runs < self.floor or self.count >= self.budget:
                rare += runs
                continue
            box = self.node(_label(f"{runs:,} runs", _percent(runs, self.total) + " of all"))
            words = outcome_label(child[-1], self.exploration.model)
            edge = _label(words, _percent(runs, through))
            self.graph.edge(name, box, edge)
            later.append((child, box))
        self.ending(path, name, through)
        if rare:
            box = self.node(_label(f"{rare:,} runs on paths not drawn"), **_FAINT_LOOK)
            self.graph.edge(
                name, box, _label(_percent(rare, through)), color=_FAINT, style="dashed"
            )
        return later

    def ending(self, path: Prefix, name: str, through: int) -> None:
        ended = self.tree.ended.get(path)
        runs = sum(ended.values()) if ended else 0
        if not ended or runs < self.floor:
            return
        policies = sorted(ended.items(), key=lambda item: (-item[1], item[0]))
        lines = [f"policy {policy}: {_percent(n, runs)}" for policy, n in policies]
        box = self.node(
            _label(f"ends here: {runs:,} runs", *lines),
            shape="box",
            style="filled",
            fillcolor=_ENDED,
        )
        self.graph.edge(name, box, _label(_percent(runs, through)), style="dotted")


_GRAPH = {
    "rankdir": "LR",
    "fontname": _FONT,
    "nodesep": "0.25",
    "ranksep": "0.6",
    "label": _label("Outcome tree: how often each decision went each way (sim explore)"),
    "labelloc": "t",
}
_NODE = {"fontname": _FONT, "fontsize": "10", "shape": "ellipse", "color": _INK}


def explore_diagram(
    exploration: Exploration, *, min_share: float = 0.01, max_nodes: int = 80
) -> graphviz.Digraph:
    """The outcome tree of ``exploration``: paths of decisions with the odds on each edge.

    Branches taken by fewer than ``min_share`` of all runs, and any beyond
    ``max_nodes`` boxes, are gathered into a faint "paths not drawn" box.
    """
    return _Drawing(exploration, min_share, max_nodes).draw()

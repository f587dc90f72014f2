"""Graphviz diagrams of a case: the process with the path taken, a timeline, the outcomes.

Pure functions from a scenario and its replayed steps to `graphviz.Digraph`
objects; `simulator.render.files` writes them. Everything legal (the tracks and
their states, which event moves what, citations, explanations, the outcomes a
court could have chosen) is read from the rule table and the track tables, so a
diagram cannot drift from the decider, and a custom `ProcessModel` draws itself.

Every text that comes from a scenario or a rule goes through `_label`, which
makes it literal DOT text: quotes, braces, ``<tags>``, ``&``, backslashes and
line breaks come out as written. Nothing is sorted by hash or named by ``id()``,
so the same input always gives byte-identical DOT.
"""

from __future__ import annotations

import datetime
import itertools
import re
import textwrap
from collections.abc import Sequence

import graphviz

from simulator.decider import Step, trace
from simulator.events import EVENT_TYPES, Event
from simulator.law.model import ProcessModel, Rule
from simulator.law.rules import MODEL
from simulator.law.tracks import LANES, SLOT_LANE, SLOT_TEXT
from simulator.scenario import Scenario
from simulator.state import CaseState

__all__ = ["diagrams", "outcomes_diagram", "path_diagram", "timeline_diagram"]

_FONT = "Helvetica"
_TAKEN = "#1f5fbf"
_TAKEN_FILL = "#dce8fb"
_FAINT = "#a0a0a0"
_FAINT_TEXT = "#707070"
_PALE = "#f6f6f6"
#: One pastel per lane, so a lane reads as the same colour in every diagram.
_LANE_FILL = {
    "policy": "#fff3d1",
    "trial": "#e5f3e5",
    "stays": "#fbe6e6",
    "appeal": "#e9e5f8",
    "supreme_court": "#e1f0f7",
}
_NOT_AN_ID = re.compile(r"[^A-Za-z0-9_]")


# --- text: escaping and shortening ------------------------------------------------------------


def _text(text: str) -> str:
    """``text`` as literal DOT label text.

    `graphviz.escape` doubles backslashes (so ``\\n`` or ``\\N`` are not read as
    DOT escapes); ``&`` becomes ``&amp;`` because dot decodes entities in plain
    labels too (``&lt;`` would otherwise turn into ``<``); real line breaks
    become DOT's ``\\n``. Quotes are escaped by graphviz when it quotes the value.
    """
    escaped = str(graphviz.escape(text)).replace("&", "&amp;")
    return escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _label(*lines: str) -> str:
    """A plain (never HTML) DOT label: the non-empty ``lines``, escaped, one under another."""
    joined = "\\n".join(_text(line) for line in lines if line)
    label: str = graphviz.nohtml(joined)
    return label


def _wrap(text: str, width: int, max_lines: int = 3) -> list[str]:
    """``text`` on lines of about ``width`` characters, cut with an ellipsis after ``max_lines``."""
    flat = " ".join(text.split())
    return textwrap.wrap(flat, width, max_lines=max_lines, placeholder=" …") if flat else []


def _ident(text: str) -> str:
    """A safe DOT/file identifier made from ``text`` (a scenario id, a rule id)."""
    return _NOT_AN_ID.sub("_", text) or "case"


def _words(name: str) -> str:
    """A snake_case name as words: ``in_force`` -> ``in force``."""
    return name.replace("_", " ")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _event_text(event_type: str, qualifier: str) -> str:
    """What an event is called, with its qualifier (motion, scope, disposition) when it has one."""
    label = EVENT_TYPES[event_type].label
    return f"{label} ({_words(qualifier)})" if qualifier else label


def _qualifier(event: Event) -> str:
    kind = EVENT_TYPES[event.type]
    return str(getattr(event, kind.qualifier)) if kind.qualifier else ""


def _dates(days: Sequence[datetime.date]) -> list[str]:
    """Dates as YYYY-MM-DD, two to a line."""
    text = [day.isoformat() for day in days]
    return [", ".join(text[i : i + 2]) for i in range(0, len(text), 2)]


def _digraph(name: str, title: str, subtitle: str, *, rankdir: str) -> graphviz.Digraph:
    """An empty graph with the scenario title on top and legible default fonts."""
    graph = graphviz.Digraph(name=name)
    graph.attr(
        "graph",
        label=_label(title, subtitle),
        labelloc="t",
        fontname=_FONT,
        fontsize="20",
        rankdir=rankdir,
        nodesep="0.3",
        ranksep="0.45",
        newrank="true",
    )
    graph.attr("node", fontname=_FONT, fontsize="11", shape="box", style="rounded")
    graph.attr("edge", fontname=_FONT, fontsize="9", arrowsize="0.7")
    return graph


def _legend(graph: graphviz.Digraph, *lines: str) -> None:
    graph.node(
        "legend",
        label=_label("Legend", *lines),
        shape="note",
        style="filled",
        fillcolor="white",
        color=_FAINT,
        fontsize="9",
    )


# --- the path: which tracks the case moved, and how ----------------------------------------


def _tracks(state: CaseState) -> dict[tuple[str, str], str]:
    """Every track's value in ``state``, keyed by (lawsuit, track); the policy's lawsuit is ""."""
    values: dict[tuple[str, str], str] = {}
    holders: list[tuple[str, object]] = [("", state.policy)]
    holders += [(suit.case, suit) for suit in state.lawsuits]
    for case, holder in holders:
        for slot in SLOT_TEXT:
            if hasattr(holder, slot):
                values[(case, slot)] = str(getattr(holder, slot))
    return values


def _lapsed(value: str, rule: Rule, model: ProcessModel) -> str | None:
    """The value a track reached on its own (a lapse of the model) for ``rule`` to apply."""
    for lapse in model.lapses:
        if lapse.slot == rule.slot and lapse.source == value and lapse.target in rule.sources:
            return lapse.target
    return None


class _Walk:
    """The moves a case made in the process model: rules applied, lapses, states passed through.

    The states come from comparing the state before and after each step, so
    the tracks a rule's effects moved are marked too, not only the rule's own.
    """

    def __init__(self, steps: Sequence[Step], model: ProcessModel) -> None:
        #: (rule id, from) -> the rule and the dates it was applied from that state
        self.edges: dict[tuple[str, str], tuple[Rule, list[datetime.date]]] = {}
        #: (track, from, to) of lapses the case went through, with the date they showed
        self.lapses: dict[tuple[str, str, str], datetime.date] = {}
        #: (track, value) -> the dates the case entered it
        self.entered: dict[tuple[str, str], list[datetime.date]] = {}
        self.visited: set[tuple[str, str]] = set()
        before = _tracks(CaseState())
        for step in steps:
            after = _tracks(step.state)
            self._apply(step, before, model)
            self._compare(before, after, step.event.date)
            before = after
        moved = {slot for slot, _ in self.visited}
        self.ended = {(slot, value) for (_, slot), value in before.items() if slot in moved}

    def _apply(self, step: Step, before: dict[tuple[str, str], str], model: ProcessModel) -> None:
        rule, day = step.rule, step.event.date
        value = before.get(("" if rule.on_policy else step.event.case, rule.slot), "none")
        lapsed = _lapsed(value, rule, model) if value not in rule.sources else None
        if lapsed is not None:
            self.lapses.setdefault((rule.slot, value, lapsed), day)
            self.visited.add((rule.slot, value))
            value = lapsed
        self.edges.setdefault((rule.id, value), (rule, []))[1].append(day)
        self.visited |= {(rule.slot, value), (rule.slot, rule.target)}

    def _compare(
        self,
        before: dict[tuple[str, str], str],
        after: dict[tuple[str, str], str],
        day: datetime.date,
    ) -> None:
        for (case, slot), value in after.items():
            old = before.get((case, slot), "none")
            if old != value:
                self.visited |= {(slot, old), (slot, value)}
                self.entered.setdefault((slot, value), []).append(day)


def _slots(lane: str) -> list[str]:
    """The tracks drawn in ``lane``, in the order the track table lists them."""
    return [slot for slot in SLOT_TEXT if SLOT_LANE[slot] == lane]


def _state_node(graph: graphviz.Digraph, slot: str, value: str, walk: _Walk) -> None:
    entered = walk.entered.get((slot, value), [])
    shown = entered[:2]
    more = f"+{len(entered) - 2} more" if len(entered) > 2 else ""
    attrs = {"tooltip": _label(SLOT_TEXT[slot][value]), "style": "rounded,filled"}
    if (slot, value) in walk.visited:
        attrs |= {"color": _TAKEN, "fillcolor": _TAKEN_FILL, "penwidth": "2", "fontcolor": "black"}
    else:
        attrs |= {"color": _FAINT, "fillcolor": "white", "fontcolor": _FAINT_TEXT}
    if (slot, value) in walk.ended:
        attrs["peripheries"] = "2"
    label = _label(_words(value), *_dates(shown), more)
    graph.node(f"{slot}__{value}", label=label, **attrs)


def _order(graph: graphviz.Digraph, nodes: Sequence[str]) -> None:
    """Keep ``nodes`` on one rank, in this order, so the lanes appear in `LANES` order.

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


def _lane_clusters(graph: graphviz.Digraph, walk: _Walk) -> None:
    for lane in LANES:
        with graph.subgraph(name=f"cluster_{lane}") as cluster:
            cluster.attr(
                label=_label(_capital(_words(lane))),
                style="filled",
                fillcolor=_LANE_FILL.get(lane, _PALE),
                color=_FAINT,
                fontsize="16",
                labeljust="l",
            )
            for slot in _slots(lane):
                with cluster.subgraph(name=f"cluster_{lane}__{slot}") as track:
                    track.attr(
                        label=_label(f"track: {_words(slot)}"),
                        style="rounded,filled",
                        fillcolor="white",
                        fontsize="11",
                    )
                    for value in SLOT_TEXT[slot]:
                        _state_node(track, slot, value, walk)


def _needs_qualifier(rule: Rule, model: ProcessModel) -> bool:
    """Whether the same event moves the same track under another rule with another qualifier."""
    return any(
        other.event == rule.event and other.slot == rule.slot and other.qualifier != rule.qualifier
        for other in model.by_event.get(rule.event, ())
    )


def _rule_text(rule: Rule, model: ProcessModel) -> str:
    shown = rule.qualifier if _needs_qualifier(rule, model) else ""
    return _event_text(rule.event, shown)


def _untaken_edges(graph: graphviz.Digraph, walk: _Walk, model: ProcessModel) -> None:
    """One faint edge per (track, from, to) the case did not take, naming every event allowed."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for rule in model.rules:
        for source in sorted(rule.sources):
            if (rule.id, source) in walk.edges:
                continue
            names = groups.setdefault((rule.slot, source, rule.target), [])
            text = _rule_text(rule, model)
            if text not in names:
                names.append(text)
    for (slot, source, target), names in groups.items():
        graph.edge(
            f"{slot}__{source}",
            f"{slot}__{target}",
            label=_label(*names),
            color=_FAINT,
            fontcolor=_FAINT_TEXT,
            style="dashed",
            fontsize="8",
        )
    for lapse in model.lapses:
        if (lapse.slot, lapse.source, lapse.target) not in walk.lapses:
            graph.edge(
                f"{lapse.slot}__{lapse.source}",
                f"{lapse.slot}__{lapse.target}",
                label=_label("lapses with time"),
                color=_FAINT,
                fontcolor=_FAINT_TEXT,
                style="dotted",
                fontsize="8",
            )


def _taken_edges(graph: graphviz.Digraph, walk: _Walk, model: ProcessModel) -> None:
    """The moves the case made: bold, coloured, with their dates and the rule's citation.

    Rules that made the same move share one edge (and one label), so repeated
    steps such as briefs and hearings do not pile labels on top of each other.
    """
    moves: dict[tuple[str, str, str], list[str]] = {}
    for (_, source), (rule, days) in walk.edges.items():
        lines = moves.setdefault((rule.slot, source, rule.target), [])
        lines += [*_dates(days), _rule_text(rule, model), *_wrap(rule.citation, 30)]
    for (slot, source, target), lines in moves.items():
        graph.edge(
            f"{slot}__{source}",
            f"{slot}__{target}",
            label=_label(*lines),
            color=_TAKEN,
            fontcolor=_TAKEN,
            penwidth="2.5",
            weight="4",
        )
    for (slot, source, target), day in walk.lapses.items():
        graph.edge(
            f"{slot}__{source}",
            f"{slot}__{target}",
            label=_label(f"lapsed before {day.isoformat()}"),
            color=_TAKEN,
            fontcolor=_TAKEN,
            penwidth="2.5",
            style="dotted",
        )


def path_diagram(
    scenario: Scenario, steps: Sequence[Step], *, model: ProcessModel = MODEL
) -> graphviz.Digraph:
    """The whole process model, one cluster per lane, with the path the case took drawn bold.

    Nodes are the states of every track; edges are the rules, from each state
    they start from to the state they lead to. Moves the case made are blue and
    labelled with their dates and citations; the rest are faint and dashed.
    """
    graph = _digraph(
        f"{_ident(scenario.id)}_path",
        scenario.title,
        "The process, and the path this case took through it",
        rankdir="LR",
    )
    walk = _Walk(steps, model)
    _lane_clusters(graph, walk)
    _order(graph, [f"{slot}__none" for lane in LANES for slot in _slots(lane)])
    _untaken_edges(graph, walk, model)
    _taken_edges(graph, walk, model)
    _legend(
        graph,
        "blue, bold: what this case went through, with dates and the rule",
        "grey, dashed: what the law allowed that did not happen",
        "double border: where each track ended",
    )
    return graph


# --- the timeline ---------------------------------------------------------------------------


def _event_label(step: Step, scenario: Scenario) -> str:
    event = step.event
    case = f"[{event.case}]" if event.case and len(scenario.lawsuits) > 1 else ""
    return _label(
        event.date.isoformat(),
        *_wrap(_event_text(event.type, _qualifier(event)), 28),
        *_wrap(event.actor, 30, max_lines=2),
        case,
    )


def _lane_row(
    graph: graphviz.Digraph, lane: str, steps: Sequence[Step], scenario: Scenario
) -> None:
    with graph.subgraph(name=f"cluster_{lane}") as row:
        row.attr(
            label=_label(_capital(_words(lane))),
            style="filled",
            fillcolor=_LANE_FILL.get(lane, _PALE),
            color=_FAINT,
            fontsize="16",
        )
        # The top of the column: it orders the lanes and, for an empty lane, says so,
        # since that nothing happened there is part of the story.
        top = f"lane_{lane}"
        if steps:
            row.node(top, label="", shape="point", style="invis", width="0", height="0")
            row.edge(top, f"e{steps[0].index}", style="invis")
        else:
            row.node(top, label=_label("no events"), shape="plaintext")
        for step in steps:
            decided = bool(step.rule.decision)
            row.node(
                f"e{step.index}",
                label=_event_label(step, scenario),
                tooltip=_label(step.event.summary),
                style="rounded,filled,bold" if decided else "rounded,filled",
                fillcolor=_TAKEN_FILL if decided else "white",
                color=_TAKEN if decided else "black",
                penwidth="2" if decided else "1",
            )


def timeline_diagram(scenario: Scenario, steps: Sequence[Step]) -> graphviz.Digraph:
    """The events in date order, top to bottom, one column per lane, joined in sequence.

    Court decisions are drawn bold and blue; hovering over an event (in SVG)
    shows its summary.
    """
    graph = _digraph(
        f"{_ident(scenario.id)}_timeline",
        scenario.title,
        "Timeline: every recorded event, in date order",
        rankdir="TB",
    )
    ordered = sorted(steps, key=lambda step: (step.event.date, step.index))
    for lane in LANES:
        _lane_row(graph, lane, [step for step in ordered if step.rule.lane == lane], scenario)
    _order(graph, [f"lane_{lane}" for lane in LANES])
    for before, after in itertools.pairwise(ordered):
        graph.edge(f"e{before.index}", f"e{after.index}", color=_FAINT_TEXT)
    _legend(graph, "one column per track of the process", "bold blue: a court's decision")
    return graph


# --- the outcomes ---------------------------------------------------------------------------


def _decision_label(step: Step) -> str:
    event, rule = step.event, step.rule
    return _label(
        event.date.isoformat(),
        *_wrap(_event_text(event.type, _qualifier(event)), 30),
        *_wrap(event.actor, 32, max_lines=2),
        *_wrap(rule.citation, 34, max_lines=2),
    )


def _alternative_label(rule: Rule) -> str:
    """What the court could have done instead, what that means, and the state it would leave."""
    return _label(
        _event_text(rule.event, rule.qualifier),
        *_wrap(rule.explanation, 36),
        *_wrap(f"Then: {SLOT_TEXT[rule.slot][rule.target]}", 36),
        *_wrap(rule.citation, 36, max_lines=2),
    )


def _ending_label(scenario: Scenario, state: CaseState) -> str:
    """Where the case ended: the policy, and each lawsuit's injunction and appeal."""
    lines = [f"Where the case ended ({state.as_of.isoformat()})" if state.as_of else ""]
    lines += _wrap(f"Policy: {SLOT_TEXT['policy'][state.policy.policy]}", 40)
    for suit in state.lawsuits:
        declared = scenario.lawsuit(suit.case)
        if len(state.lawsuits) > 1:
            lines += _wrap(declared.caption if declared else suit.case, 40)
        lines += _wrap(f"Injunction: {SLOT_TEXT['injunction'][suit.injunction]}", 40)
        lines += _wrap(f"Appeal: {SLOT_TEXT['appeal'][suit.appeal]}", 40)
    return _label(*lines)


def _start_label(scenario: Scenario, steps: Sequence[Step]) -> str:
    first = steps[0].event if steps else None
    opening = f"{first.date.isoformat()}: {EVENT_TYPES[first.type].label}" if first else ""
    return _label(*_wrap(scenario.policy.name, 36), opening)


def _branches(graph: graphviz.Digraph, parent: str, step: Step, model: ProcessModel) -> str:
    """The decision actually made, bold, and beside it the outcomes not chosen, dashed."""
    node = f"d{step.index}"
    graph.node(
        node,
        label=_decision_label(step),
        tooltip=_label(step.event.summary),
        style="rounded,filled,bold",
        color=_TAKEN,
        fillcolor=_TAKEN_FILL,
        penwidth="2",
        group="spine",
    )
    graph.edge(parent, node, color=_TAKEN, penwidth="2.5", weight="10")
    for number, other in enumerate(model.alternatives(step.rule)):
        branch = f"{node}_alt{number}"
        graph.node(
            branch,
            label=_alternative_label(other),
            tooltip=_label(other.explanation),
            style="rounded,filled,dashed",
            color=_FAINT,
            fillcolor=_PALE,
            fontcolor=_FAINT_TEXT,
            fontsize="9",
        )
        graph.edge(parent, branch, color=_FAINT, style="dashed", label=_label("or"))
    return node


def outcomes_diagram(
    scenario: Scenario, steps: Sequence[Step], *, model: ProcessModel = MODEL
) -> graphviz.Digraph:
    """The decision tree: the court decisions the case went through, down a bold spine.

    Beside each decision hang, dashed, the outcomes the court could have chosen
    instead (`ProcessModel.alternatives`), each with its explanation and the
    state it would have left; the spine ends in where the case ended.
    """
    graph = _digraph(
        f"{_ident(scenario.id)}_outcomes",
        scenario.title,
        "Outcomes: the decisions made, and what the courts could have done instead",
        rankdir="TB",
    )
    graph.node("start", label=_start_label(scenario, steps), group="spine", style="rounded,bold")
    parent = "start"
    for step in steps:
        if step.rule.decision:
            parent = _branches(graph, parent, step, model)
    final = steps[-1].state if steps else CaseState()
    graph.node(
        "end",
        label=_ending_label(scenario, final),
        tooltip=_label(scenario.outcome_note),
        peripheries="2",
        style="filled,bold",
        color=_TAKEN,
        fillcolor="white",
        group="spine",
    )
    graph.edge(parent, "end", color=_TAKEN, penwidth="2.5", weight="10")
    _legend(
        graph,
        "blue, bold: what the courts decided",
        "grey, dashed: what they could have decided instead,",
        "and the state it would have left",
    )
    return graph


def diagrams(scenario: Scenario, *, model: ProcessModel = MODEL) -> dict[str, graphviz.Digraph]:
    """The ``path``, ``timeline`` and ``outcomes`` diagrams of a scenario (replayed once)."""
    steps = trace(scenario.events, model=model)
    return {
        "path": path_diagram(scenario, steps, model=model),
        "timeline": timeline_diagram(scenario, steps),
        "outcomes": outcomes_diagram(scenario, steps, model=model),
    }

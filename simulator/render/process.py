"""The process model as a diagram: the whole machine, or the machine with one case's path.

Nodes are the states of every track of the process, grouped into swimlanes by
level (the government's action, district court, court of appeals, Supreme
Court); edges are the rules, from each state they start from to the state
they lead to, coloured and tipped by who takes the step. On a case's path the
moves it made are solid and dated and the rest faint and dashed; tracks the
case never touched shrink to one faint box, so the picture tells the story.
Everything legal is read from the rule table and the track tables.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import graphviz

from simulator.decider import Step
from simulator.law.model import ProcessModel, Rule
from simulator.law.rules import MODEL
from simulator.law.tracks import SLOT_TEXT
from simulator.render.dot import (
    LAPSE_LINE,
    TAKEN_LINE,
    UNTAKEN_LINE,
    capital,
    dates,
    digraph,
    event_text,
    ident,
    label,
    legend,
    order,
    style_lane,
    words,
    wrap,
)
from simulator.render.roles import event_actor, rule_actor, slot_levels
from simulator.render.style import ACTORS, FAINT_LINE, FAINT_TEXT, INK, LEVELS, TRACK_TITLE
from simulator.scenario import Scenario
from simulator.state import CaseState

__all__ = ["machine_diagram", "path_diagram"]

Move = tuple[str, str, str]


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
        #: (rule id, from) -> the rule and the steps that applied it from that state
        self.edges: dict[tuple[str, str], tuple[Rule, list[Step]]] = {}
        #: (track, from, to) of lapses the case went through, with the date they showed
        self.lapses: dict[Move, datetime.date] = {}
        #: (track, value) -> the dates the case entered it
        self.entered: dict[tuple[str, str], list[datetime.date]] = {}
        self.visited: set[tuple[str, str]] = set()
        before = _tracks(CaseState())
        for step in steps:
            after = _tracks(step.state)
            self._apply(step, before, model)
            self._compare(before, after, step.event.date)
            before = after
        self.touched = {slot for slot, _ in self.visited}
        self.ended = {(slot, value) for (_, slot), value in before.items() if slot in self.touched}

    def _apply(self, step: Step, before: dict[tuple[str, str], str], model: ProcessModel) -> None:
        rule, day = step.rule, step.event.date
        value = before.get(("" if rule.on_policy else step.event.case, rule.slot), "none")
        lapsed = _lapsed(value, rule, model) if value not in rule.sources else None
        if lapsed is not None:
            self.lapses.setdefault((rule.slot, value, lapsed), day)
            self.visited.add((rule.slot, value))
            value = lapsed
        self.edges.setdefault((rule.id, value), (rule, []))[1].append(step)
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


def _needs_qualifier(rule: Rule, model: ProcessModel) -> bool:
    """Whether the same event moves the same track under another rule with another qualifier."""
    return any(
        other.event == rule.event and other.slot == rule.slot and other.qualifier != rule.qualifier
        for other in model.by_event.get(rule.event, ())
    )


def _rule_text(rule: Rule, model: ProcessModel) -> str:
    shown = rule.qualifier if _needs_qualifier(rule, model) else ""
    return event_text(rule.event, shown)


def _node(slot: str, value: str) -> str:
    return f"{slot}__{value}"


# --- nodes: the swimlanes, the tracks, their states ----------------------------------------


def _state_look(slot: str, value: str, walk: _Walk | None) -> tuple[list[str], dict[str, str]]:
    """The extra label lines and the attributes of one state node."""
    attrs = {"tooltip": label(SLOT_TEXT[slot][value]), "shape": "box"}
    if walk is None:
        return [], attrs | {"style": "rounded,filled", "fillcolor": "white", "penwidth": "1.4"}
    if (slot, value) not in walk.visited:
        faint = {"style": "rounded,dashed", "color": FAINT_LINE, "fontcolor": FAINT_TEXT}
        return [], attrs | faint
    entered = walk.entered.get((slot, value), [])
    lines = dates(entered[:2])
    if len(entered) > 2:
        lines.append(f"+{len(entered) - 2} more")
    attrs |= {"style": "rounded,filled,bold", "fillcolor": "white", "penwidth": "2.2"}
    if (slot, value) in walk.ended:
        attrs["peripheries"] = "2"
    return lines, attrs


def _track(cluster: graphviz.Digraph, slot: str, walk: _Walk | None) -> None:
    """One track: all its states, or (on a path) one faint box if the case never touched it."""
    title = TRACK_TITLE.get(slot, capital(words(slot)))
    if walk is not None and slot not in walk.touched:
        cluster.node(
            _node(slot, "none"),
            label=label(title, *wrap(f"not in this case: {SLOT_TEXT[slot]['none']}", 34)),
            shape="box",
            style="rounded,dashed",
            color=FAINT_LINE,
            fontcolor=FAINT_TEXT,
            fontsize="11",
        )
        return
    with cluster.subgraph(name=f"cluster_track_{slot}") as track:
        track.attr(
            label=label(title), style="rounded,filled", fillcolor="white", fontsize="13", color=INK
        )
        for value in SLOT_TEXT[slot]:
            lines, attrs = _state_look(slot, value, walk)
            track.node(_node(slot, value), label=label(words(value), *lines), **attrs)


def _lanes(graph: graphviz.Digraph, model: ProcessModel, walk: _Walk | None) -> list[str]:
    """One swimlane per level, top to bottom, each holding the tracks of that level.

    Returns the first node of each track, top to bottom, for `order`.
    """
    levels = slot_levels(model)
    for level in LEVELS:
        slots = [slot for slot in SLOT_TEXT if levels.get(slot) == level]
        if not slots:
            continue
        with graph.subgraph(name=f"cluster_{level}") as cluster:
            style_lane(cluster, level)
            for slot in slots:
                _track(cluster, slot, walk)
    ordered = [slot for level in LEVELS for slot in SLOT_TEXT if levels.get(slot) == level]
    return [_node(slot, "none") for slot in ordered]


# --- edges: the rules ------------------------------------------------------------------------


#: A loop: the steps that leave a state where it was (further briefs, hearings).
_LOOP = {"color": INK, "penwidth": "2"}


def _actor_edge(kind: str) -> dict[str, str]:
    look = ACTORS[kind]
    return {"color": look.colour, "arrowhead": look.arrowhead, "penwidth": "2.5"}


def _untaken_edges(graph: graphviz.Digraph, walk: _Walk, model: ProcessModel) -> None:
    """One faint, dashed edge per (track, from, to) the case did not take."""
    groups: dict[Move, list[str]] = {}
    for rule in model.rules:
        if rule.slot not in walk.touched:
            continue
        for source in sorted(rule.sources):
            if (rule.id, source) in walk.edges:
                continue
            names = groups.setdefault((rule.slot, source, rule.target), [])
            text = _rule_text(rule, model)
            if text not in names:
                names.append(text)
    # Unlabelled, so the path stands out; the events are named on hover, and in
    # full on the machine and outcomes diagrams.
    faint = {"color": FAINT_LINE, "style": "dashed", "arrowhead": "vee", "arrowsize": "0.6"}
    for (slot, source, target), names in groups.items():
        hover = label(f"not in this case: {', '.join(names)}")
        graph.edge(_node(slot, source), _node(slot, target), tooltip=hover, **faint)
    for lapse in model.lapses:
        if (
            lapse.slot in walk.touched
            and (lapse.slot, lapse.source, lapse.target) not in walk.lapses
        ):
            graph.edge(
                _node(lapse.slot, lapse.source),
                _node(lapse.slot, lapse.target),
                tooltip=label("not in this case: lapses with time"),
                **(faint | {"style": "dotted"}),
            )


def _taken_edges(graph: graphviz.Digraph, walk: _Walk, model: ProcessModel) -> list[str]:
    """The moves the case made: solid, in the colour of who acted, with dates and citations.

    Steps that made the same move by the same actor share one edge (and one
    label), so repeated briefs and filings do not pile labels on each other.
    Steps that left a state where it was share one loop, naming who acted on
    each line: dot cannot keep several labelled loops on one node apart.
    Returns the kinds of actor the solid edges show, for the legend.
    """
    moves: dict[tuple[str, str, str, str], list[str]] = {}
    for (_, source), (rule, steps) in walk.edges.items():
        by_actor: dict[str, list[datetime.date]] = {}
        for step in steps:
            by_actor.setdefault(event_actor(step.event, rule), []).append(step.event.date)
        loop = source == rule.target
        for kind, days in by_actor.items():
            lines = moves.setdefault((rule.slot, source, rule.target, "" if loop else kind), [])
            who = f" ({ACTORS[kind].short})" if loop else ""
            lines += [*dates(days), _rule_text(rule, model) + who]
            lines += [line for line in wrap(rule.citation, 30) if line not in lines]
    for (slot, source, target, kind), lines in moves.items():
        edge = _actor_edge(kind) if kind else _LOOP
        graph.edge(
            _node(slot, source), _node(slot, target), label=label(*lines), weight="4", **edge
        )
    for (slot, source, target), day in walk.lapses.items():
        graph.edge(
            _node(slot, source),
            _node(slot, target),
            label=label(f"lapsed before {day.isoformat()}"),
            color=INK,
            penwidth="2.5",
            style="dotted",
        )
    return [kind for kind in ACTORS if any(key[3] == kind for key in moves)]


def path_diagram(
    scenario: Scenario, steps: Sequence[Step], *, model: ProcessModel = MODEL
) -> graphviz.Digraph:
    """The process by level, with the path the case took drawn solid, dated and cited.

    Moves the case made are solid, in the colour and arrowhead of who acted,
    labelled with their dates and citations; what the law allowed but did not
    happen is faint and dashed; tracks the case never touched are one faint box.
    """
    graph = digraph(
        f"{ident(scenario.id)}_path",
        scenario.title,
        "The process, and the path this case took through it",
        rankdir="LR",
    )
    walk = _Walk(steps, model)
    firsts = _lanes(graph, model, walk)
    _untaken_edges(graph, walk, model)
    kinds = _taken_edges(graph, walk, model)
    key = legend(
        graph,
        kinds=kinds,
        as_edges=True,
        rankdir="LR",
        lines=[TAKEN_LINE, UNTAKEN_LINE],
        notes=["box with a double border: where each track ended"],
    )
    order(graph, [*firsts, key])
    return graph


def _machine_edges(graph: graphviz.Digraph, model: ProcessModel) -> None:
    """Every rule, grouped by move and actor: the events that make it, then their citations.

    Rules that leave a state where it was share one loop (see `_taken_edges`).
    """
    moves: dict[tuple[str, str, str, str], tuple[list[str], list[str]]] = {}
    for rule in model.rules:
        kind = rule_actor(rule)
        for source in sorted(rule.sources):
            loop = source == rule.target
            names, citations = moves.setdefault(
                (rule.slot, source, rule.target, "" if loop else kind), ([], [])
            )
            name = _rule_text(rule, model) + (f" ({ACTORS[kind].short})" if loop else "")
            for entry, bucket in ((name, names), (rule.citation, citations)):
                if entry not in bucket:
                    bucket.append(entry)
    for (slot, source, target, kind), (names, citations) in moves.items():
        lines = [*names, *(line for citation in citations for line in wrap(citation, 30, 2))]
        edge = _actor_edge(kind) if kind else _LOOP
        graph.edge(_node(slot, source), _node(slot, target), label=label(*lines), **edge)
    for lapse in model.lapses:
        graph.edge(
            _node(lapse.slot, lapse.source),
            _node(lapse.slot, lapse.target),
            label=label("lapses with time", lapse.citation),
            color=INK,
            penwidth="2",
            style="dotted",
        )


def machine_diagram(model: ProcessModel = MODEL) -> graphviz.Digraph:
    """The whole process model: every state of every track, by level, and every rule.

    Each edge names the events that make that move and the law that allows
    them, in the colour and arrowhead of who usually takes the step.
    """
    graph = digraph(
        f"{ident(model.name)}_machine",
        f"The process model ({model.name})",
        "Every step the law allows, by level and by who takes it",
        rankdir="LR",
    )
    firsts = _lanes(graph, model, None)
    _machine_edges(graph, model)
    used = {rule_actor(rule) for rule in model.rules}
    kinds = [kind for kind in ACTORS if kind in used]
    key = legend(graph, kinds=kinds, as_edges=True, rankdir="LR", lines=[LAPSE_LINE])
    order(graph, [*firsts, key])
    return graph

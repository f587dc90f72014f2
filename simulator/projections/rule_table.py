"""The rule table for people (``sim rules``) and programs (``sim rules --format json``).

Printed straight from the model's rules, grouped by lane, so the listing is
always the law the decider applies.
"""

from __future__ import annotations

import datetime
import textwrap
from typing import Any

from simulator.events import EVENT_TYPES
from simulator.law.model import ProcessModel, Rule
from simulator.law.tracks import LANES

__all__ = ["chosen", "rule_rows", "rule_table"]

_WIDTH = 88


def _when(rule: Rule) -> str:
    label = rule.event
    if rule.qualifier:
        label += f"[{rule.qualifier}]"
    kind = EVENT_TYPES[rule.event]
    if len(kind.courts) > 1:
        label += f" in the {rule.key[2]} court"
    return label


def _dates(rule: Rule) -> str:
    if rule.valid_until is not None:
        return f"until {rule.valid_until.isoformat()} ({rule.superseded_by})"
    if rule.valid_from is not None:
        return f"from {rule.valid_from.isoformat()}"
    return ""


def chosen(model: ProcessModel, ids: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """The rules called ``ids`` or whose ids begin with one of them and a dot
    (``appeal.notice`` is that rule and ``appeal.notice.join``); all when none are named."""
    if not ids:
        return model.rules
    return tuple(
        rule
        for rule in model.rules
        if any(rule.id == wanted or rule.id.startswith(wanted + ".") for wanted in ids)
    )


def _clock_values(model: ProcessModel, names: tuple[str, ...]) -> list[dict[str, Any]]:
    return [
        {
            "name": name,
            "periods": [
                {
                    "from": None if period.start == datetime.date.min else period.start.isoformat(),
                    "days": period.value,
                    "citation": period.citation,
                }
                for period in getattr(model.clocks, name).periods
            ],
        }
        for name in names
    ]


def rule_rows(model: ProcessModel, ids: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """One mapping per rule, in table order: the rule whole, with each condition's
    and effect's wording and citation and the periods they count with."""
    return [
        {
            "id": rule.id,
            "lane": rule.lane,
            "event": rule.event,
            "qualifier": rule.qualifier,
            "court": rule.key[2],
            "track": rule.slot,
            "from": sorted(rule.sources),
            "to": rule.target,
            "guards": [
                {
                    "name": name,
                    "citation": model.guards[name].citation,
                    "means": model.guards[name].statement,
                    "clocks": _clock_values(model, model.guards[name].clocks),
                }
                for name in rule.guards
            ],
            "effects": [
                {
                    "name": name,
                    "changes": model.effects[name].target,
                    "citation": model.effects[name].citation,
                    "means": model.effects[name].statement,
                    "clocks": _clock_values(model, model.effects[name].clocks),
                }
                for name in rule.effects
            ],
            "citation": rule.citation,
            "explanation": rule.explanation,
            "valid_from": rule.valid_from.isoformat() if rule.valid_from else None,
            "valid_until": rule.valid_until.isoformat() if rule.valid_until else None,
            "superseded_by": rule.superseded_by or None,
        }
        for rule in chosen(model, ids)
    ]


def _wrap(label: str, text: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=f"    {label:<9}", subsequent_indent=" " * 13)


def _periods(model: ProcessModel, names: tuple[str, ...]) -> list[str]:
    lines: list[str] = []
    for name, values in model.clocks.describe():
        if name in names:
            lines += _wrap("", f"counts {name}: {values}")
    return lines


def _rule_lines(model: ProcessModel, rule: Rule) -> list[str]:
    move = f"{rule.slot}: {' | '.join(sorted(rule.sources))} -> {rule.target}"
    lines = [f"  {rule.id}: on {_when(rule)}"]
    lines += _wrap("moves", move)
    for name in rule.guards:
        guard = model.guards[name]
        lines += _wrap("if", f"{guard.statement} [{name}] ({guard.citation})")
        lines += _periods(model, guard.clocks)
    for name in rule.effects:
        effect = model.effects[name]
        cited = f" ({effect.citation})" if effect.citation else ""
        lines += _wrap("then", f"{effect.statement} [{name}]{cited}")
        lines += _periods(model, effect.clocks)
    lines += _wrap("law", rule.citation)
    lines += _wrap("means", rule.explanation)
    if _dates(rule):
        lines += _wrap("in force", _dates(rule))
    lines.append("")
    return lines


def rule_table(model: ProcessModel, ids: tuple[str, ...] = ()) -> str:
    """The rules as text, lane by lane, each whole: its move, its conditions and
    effects with their citations, the law, its meaning and the dates it is in force.
    With ``ids``, only those rules (see `chosen`); without, the model's clocks too."""
    rules = chosen(model, ids)
    lines = [f"The process model {model.name!r}: {len(rules)} of {len(model.rules)} rules", ""]
    if not ids:
        lines = [f"The process model {model.name!r}: {len(model.rules)} rules", ""]
    for lane in LANES:
        in_lane = [rule for rule in rules if rule.lane == lane]
        if not in_lane:
            continue
        lines += [lane.replace("_", " ").upper(), ""]
        for rule in in_lane:
            lines += _rule_lines(model, rule)
    if not ids:
        lines += ["CLOCKS", ""]
        for name, values in model.clocks.describe():
            lines += [f"  {name}", *_wrap("", values), ""]
    return "\n".join(lines)

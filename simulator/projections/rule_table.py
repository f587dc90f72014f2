"""The rule table for people (``sim rules``) and programs (``sim rules --format json``).

Printed straight from the model's rules, grouped by lane, so the listing is
always the law the decider applies.
"""

from __future__ import annotations

import textwrap
from typing import Any

from simulator.events import EVENT_TYPES
from simulator.law.model import ProcessModel, Rule
from simulator.law.tracks import LANES

__all__ = ["rule_rows", "rule_table"]

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


def rule_rows(model: ProcessModel) -> list[dict[str, Any]]:
    """One mapping per rule, in table order."""
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
                }
                for name in rule.guards
            ],
            "effects": list(rule.effects),
            "citation": rule.citation,
            "explanation": rule.explanation,
            "valid_from": rule.valid_from.isoformat() if rule.valid_from else None,
            "valid_until": rule.valid_until.isoformat() if rule.valid_until else None,
            "superseded_by": rule.superseded_by or None,
        }
        for rule in model.rules
    ]


def _wrap(label: str, text: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=f"    {label:<9}", subsequent_indent=" " * 13)


def rule_table(model: ProcessModel) -> str:
    """The rules as text, lane by lane."""
    lines = [f"The process model {model.name!r}: {len(model.rules)} rules", ""]
    for lane in LANES:
        lines += [lane.replace("_", " ").upper(), ""]
        for rule in (rule for rule in model.rules if rule.lane == lane):
            move = f"{rule.slot}: {' | '.join(sorted(rule.sources))} -> {rule.target}"
            lines.append(f"  {rule.id}: on {_when(rule)}")
            lines += _wrap("moves", move)
            for name in rule.guards:
                guard = model.guards[name]
                lines += _wrap("if", f"{guard.statement} ({guard.citation})")
            lines += _wrap("law", rule.citation)
            lines += _wrap("means", rule.explanation)
            if _dates(rule):
                lines += _wrap("in force", _dates(rule))
            lines.append("")
    return "\n".join(lines)

"""Who took a step and at which level: read off the event and its rule, drawn by `style`.

The level (the swimlane) is a fact of the model: a policy rule is the
government's own action; any other step happens in the court its event
names. Who acted comes from the event's ``actor`` text when it names someone
(``Magistrate Judge Beeler``, ``Government``), and otherwise from the rule:
the government's own acts, a court's decisions (`Rule.decision`), and the
usual actor of the event type (`style.EVENT_ACTOR`).
"""

from __future__ import annotations

import re
from collections import Counter

from simulator.events import COURTS, Event
from simulator.law.model import ProcessModel, Rule
from simulator.render.style import ACTOR_WORDS, EVENT_ACTOR

__all__ = ["event_actor", "event_level", "rule_actor", "rule_level", "slot_levels"]

_WORDS = {
    kind: re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
    for kind, words in ACTOR_WORDS.items()
}


def rule_actor(rule: Rule) -> str:
    """Who usually takes the step ``rule`` allows: the kind of actor, a key of `style.ACTORS`."""
    if rule.on_policy:
        return "executive"
    if rule.event in EVENT_ACTOR:
        return EVENT_ACTOR[rule.event]
    return "court" if rule.decision else "parties"


def _named(actor: str) -> str | None:
    """The kind of actor the ``actor`` text names, if it names exactly one side."""
    found = {kind for kind, pattern in _WORDS.items() if pattern.search(actor)}
    if "court" in found:
        # "Judge X (on the parties' stipulation)": the court acted.
        return "court"
    # In a lawsuit an agency or officer is the government as a party.
    sides = {"government" if kind == "executive" else kind for kind in found}
    if len(sides) == 1:
        return sides.pop()
    return "parties" if sides else None


def event_actor(event: Event, rule: Rule) -> str:
    """Who took the recorded step ``event`` (allowed by ``rule``)."""
    if rule.on_policy:
        return "executive"
    return _named(event.actor) or rule_actor(rule)


def rule_level(rule: Rule) -> str:
    """The swimlane of the steps ``rule`` allows: ``government`` or a court from `COURTS`."""
    return "government" if rule.on_policy else rule.key[2]


def event_level(event: Event, rule: Rule) -> str:
    """The swimlane of a recorded step: the government's own action, or the court it happened in."""
    return "government" if rule.on_policy else event.court or rule.key[2]


def slot_levels(model: ProcessModel) -> dict[str, str]:
    """The swimlane each track is drawn in: the level most of the rules that move it act at."""
    counts: dict[str, Counter[str]] = {}
    for rule in model.rules:
        counts.setdefault(rule.slot, Counter())[rule_level(rule)] += 1
    # The level most of a track's rules happen in; ties go to the lower court.
    order = ("government", *COURTS)
    return {
        slot: max(counter, key=lambda level: (counter[level], -order.index(level)))
        for slot, counter in counts.items()
    }

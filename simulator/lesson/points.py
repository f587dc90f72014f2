"""The decision points of a real case, and the choices the law allowed at each.

Three kinds, read off the checked trace of the record:

- a court's *ruling*: a step whose rule is one of a decision's outcomes
  (`Rule.decision`); the choices are that outcome and the others the rule
  table offers there (`ProcessModel.alternatives`);
- a party's *move* in the record (suing, asking for an injunction or a stay,
  appealing, going to the Supreme Court): do it, or not;
- a move the losing side *declined*: right after a ruling, each step up to a
  higher court that the law then allowed and the record never shows.

Every choice that records an event is one the decider allows at that moment
(`Machine.allows`, with every guard, deadline and dated rule); the others
are "not now". Nothing here is legal logic of its own: the rule table says
what exists, the decider what is allowed.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import attrs

from simulator.decider import Machine, Step
from simulator.events import EVENT_TYPES, Event
from simulator.explore.walk import next_moves
from simulator.law.guards import aggrieved
from simulator.law.model import ProcessModel, Rule
from simulator.law.rules import MODEL
from simulator.projections.outcome import prevailing
from simulator.render.roles import event_actor
from simulator.state import CaseState

__all__ = ["MOVES", "UPWARD", "Choice", "DecisionPoint", "decision_points"]

#: The parties' moves a student decides: (event type, qualifier or "" for any).
MOVES = (
    ("complaint_filed", ""),
    ("motion_filed", "preliminary_injunction"),
    ("motion_filed", "tro"),
    ("motion_filed", "stay"),
    ("notice_of_appeal_filed", ""),
    ("application_filed", ""),
    ("cert_petition_filed", ""),
)
#: The moves to a higher court that a losing side may decline after a ruling.
UPWARD = ("notice_of_appeal_filed", "application_filed", "cert_petition_filed")


@attrs.frozen
class Choice:
    """One choice at a decision point: the event it records (None: the step not taken)."""

    key: str
    event: Event | None
    rule: Rule | None
    real: bool


@attrs.frozen
class DecisionPoint:
    """A moment where someone chose, the state it was chosen in, and the choices."""

    kind: str  # "ruling", "move" or "declined"
    role: str  # "judge", "government" or "plaintiffs"
    decision: str
    #: the recorded steps before the point: the point comes after step ``after`` (1-based)
    after: int
    before: CaseState
    day: datetime.date
    case: str
    step: Step | None
    choices: tuple[Choice, ...]

    @property
    def real(self) -> Choice:
        """The choice the real case made."""
        return next(choice for choice in self.choices if choice.real)


def _key(event: Event) -> str:
    kind = EVENT_TYPES[event.type]
    qualifier = getattr(event, kind.qualifier) if kind.qualifier else ""
    return ":".join(part for part in (event.type, qualifier, event.court) if part)


def _like(real: Event, rule: Rule) -> Event:
    """The event ``rule`` would record in place of ``real``: same day, lawsuit and parties."""
    kind = EVENT_TYPES[rule.event]
    fields: dict[str, object] = {kind.qualifier: rule.qualifier} if kind.qualifier else {}
    return Event(
        rule.event,
        real.date,
        case=real.case,
        court=rule.key[2],
        united_states_party=real.united_states_party,
        actor=real.actor,
        **fields,  # type: ignore[arg-type]
    )


def _allowed(state: CaseState, event: Event, model: ProcessModel) -> Rule | None:
    return Machine(state, model).allows(event)


def _is_move(event: Event) -> bool:
    kind = EVENT_TYPES[event.type]
    qualifier = getattr(event, kind.qualifier) if kind.qualifier else ""
    return any(event.type == t and q in ("", qualifier) for t, q in MOVES)


#: Moves only the people suing the government make, and those only the government makes
#: (it is the defendant in every lawsuit a lesson teaches): whoever the record's actor text
#: names ("State of Washington (Attorney General ...)" is a plaintiff, not the government).
_PLAINTIFFS_MOVES = ("complaint_filed", "complaint_amended", "petition_for_review_filed",
                     "motion_filed:preliminary_injunction", "motion_filed:tro",
                     "motion_filed:injunction_pending_review", "motion_filed:class_certification",
                     "application_filed:injunction_pending_review",
                     "application_filed:vacate_stay")  # fmt: skip
_GOVERNMENT_MOVES = ("motion_filed:stay", "application_filed:stay")
#: Steps up to a higher court, taken by the side the ruling below went against.
_LOSERS_MOVES = ("notice_of_appeal_filed", "cert_petition_filed")


def _side(step: Step, before: CaseState | None = None) -> str:
    event = step.event
    if event.party in ("government", "plaintiffs"):
        return event.party  # the record names who filed
    kind = EVENT_TYPES[event.type]
    qualifier = getattr(event, kind.qualifier) if kind.qualifier else ""
    keys = {event.type, f"{event.type}:{qualifier}"}
    if keys & set(_PLAINTIFFS_MOVES):
        return "plaintiffs"
    if keys & set(_GOVERNMENT_MOVES):
        return "government"
    actor = event_actor(event, step.rule)
    side = {"executive": "government"}.get(actor, actor)
    suit = before.lawsuit(event.case) if before is not None else None
    if side not in ("government", "plaintiffs") and event.type in _LOSERS_MOVES and suit:
        # The record does not name the side. A notice of appeal comes from the side the order
        # went against, as the law says (only it may appeal); otherwise, and for a petition
        # (certiorari before judgment may come from either side), the one the case stood against.
        against = aggrieved(suit) if event.type == "notice_of_appeal_filed" else ()
        if len(against) == 1:
            return against[0]
        side = {"plaintiffs": "government", "government": "plaintiffs"}.get(prevailing(suit), side)
    return side


#: Court rulings whose outcomes the rule table does not yet group into one ``decision``
#: (their rules carry none): the lesson asks them as rulings all the same, each outcome one
#: the decider allows. Keyed by event type: (the decision's name, its outcomes' event types).
_UNGROUPED = {
    "judgment_entered": ("merits", ("judgment_entered",)),
    "class_certified": ("class_certification", ("class_certified", "class_certification_denied")),
    "class_certification_denied": (
        "class_certification", ("class_certified", "class_certification_denied"),
    ),
}  # fmt: skip


def _outcomes(rule: Rule, model: ProcessModel) -> tuple[str, tuple[Rule, ...]]:
    """The decision ``rule`` is an outcome of, and the other outcomes the table offers."""
    if rule.decision or rule.event not in _UNGROUPED:
        return rule.decision, model.alternatives(rule)
    decision, events = _UNGROUPED[rule.event]
    others = tuple(r for r in model.rules if r.event in events and r.key != rule.key)
    return decision, others


def _is_ruling(step: Step) -> bool:
    return bool(step.rule.decision) or step.rule.event in _UNGROUPED


def _ruling(step: Step, before: CaseState, model: ProcessModel) -> DecisionPoint:
    """A court's decision; decided by a party when the record says a party ended it (an
    appeal dropped by the side that brought it)."""
    real = step.event
    side = _side(step)
    role = side if side in ("government", "plaintiffs") else "judge"
    choices = [Choice(_key(real), real, step.rule, True)]
    seen = {choices[0].key}
    decision, alternatives = _outcomes(step.rule, model)
    for other in alternatives:
        event = _like(real, other)
        rule = _allowed(before, event, model)
        if rule is not None and _key(event) not in seen:
            seen.add(_key(event))
            choices.append(Choice(_key(event), event, rule, False))
    return DecisionPoint(
        "ruling", role, decision, step.index, before, real.date, real.case, step,
        tuple(choices),
    )  # fmt: skip


def _dropped_by(step: Step, before: CaseState) -> str:
    """The side that chose to drop its own appeal, when the record's step is a court
    dismissing an appeal on the appellant's motion: that is the appellant's move, not a
    ruling the judges chose among their outcomes."""
    event = step.event
    if event.type != "appeal_dismissed" or event.disposition != "voluntary":
        return ""
    suit = before.lawsuit(event.case)
    return {"plaintiffs": "government", "government": "plaintiffs"}.get(
        prevailing(suit) if suit else "", ""
    )


def _move(step: Step, before: CaseState, side: str) -> DecisionPoint:
    real = step.event
    choices = (Choice(_key(real), real, step.rule, True), Choice("not", None, None, False))
    decision = real.type if real.type != "motion_filed" else f"motion_filed:{real.motion}"
    return DecisionPoint(
        "move", side, decision, step.index, before, real.date, real.case, step, choices
    )


def _declined(step: Step, steps: Sequence[Step], model: ProcessModel) -> DecisionPoint | None:
    """The steps up to a higher court the loser of ``step`` could take and never did."""
    suit = step.state.lawsuit(step.event.case)
    if suit is None:
        return None
    side = {"plaintiffs": "government", "government": "plaintiffs"}.get(prevailing(suit))
    if side is None:
        return None
    taken = {(s.event.type, s.event.case) for s in steps}
    offered: list[Choice] = []
    for event, rule in next_moves(step.state, step.event.date, model=model,
                                  max_lawsuits=len(step.state.lawsuits)):  # fmt: skip
        if event.type not in UPWARD or event.case != step.event.case:
            continue
        if (event.type, event.case) in taken or any(c.key == _key(event) for c in offered):
            continue
        event = attrs.evolve(event, united_states_party=step.event.united_states_party)
        offered.append(Choice(_key(event), event, rule, False))
    if not offered:
        return None
    choices = (*offered, Choice("not", None, None, True))
    return DecisionPoint(
        "declined", side, "declined", step.index + 1, step.state, step.event.date,
        step.event.case, None, choices,
    )  # fmt: skip


def decision_points(
    steps: Sequence[Step], *, model: ProcessModel = MODEL
) -> tuple[DecisionPoint, ...]:
    """Every decision point of the recorded case, in the order the case reached them."""
    points: list[DecisionPoint] = []
    before = CaseState()
    for step in steps:
        dropped = _dropped_by(step, before)
        if dropped:
            points.append(_move(step, before, dropped))
        elif _is_ruling(step):
            points.append(_ruling(step, before, model))
            declined = _declined(step, steps, model)
            if declined is not None:
                points.append(declined)
        elif _is_move(step.event) and _side(step, before) in ("government", "plaintiffs"):
            points.append(_move(step, before, _side(step, before)))
        before = step.state
    return tuple(_last_of_each(points))


def _keys(point: DecisionPoint) -> set[str]:
    return {choice.key for choice in point.choices}


def _last_of_each(points: list[DecisionPoint]) -> list[DecisionPoint]:
    """Declined moves offered again at the next ruling are asked once, at the later one."""
    kept: list[DecisionPoint] = []
    for number, point in enumerate(points):
        later = [p for p in points[number + 1 :] if p.case == point.case and p.kind != "ruling"]
        again = later and later[0].kind == "declined"
        if point.kind == "declined" and again and _keys(later[0]) == _keys(point):
            continue
        kept.append(point)
    return kept

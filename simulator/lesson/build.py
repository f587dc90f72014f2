"""A lesson, built from a scenario: every page's content as plain data, computed here.

The student page's choices, their consequences and their odds are worked out
when the lesson is built (`simulator.lesson.points`, `simulator.lesson.odds`)
and handed to the templates, and to the page's script as JSON, as finished
data: the page only shows it. Pure: no I/O here; `simulator.lesson.pages`
renders and `simulator.lesson.commands` writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from simulator.decider import Step
from simulator.explore.whatif import compare
from simulator.law.priors import Priors, load_priors
from simulator.law.rules import MODEL
from simulator.lesson import curriculum
from simulator.lesson.dates import long_date
from simulator.lesson.odds import Odds, odds_of, simulated
from simulator.lesson.points import Choice, DecisionPoint, decision_points
from simulator.lesson.standards import standard_for
from simulator.lesson.words import ROLE_NAMES, court_name, move_label, move_past, not_label
from simulator.render.factors import weighing
from simulator.scenario import Scenario, trace_scenario

__all__ = ["DEFAULT_RUNS", "build_lesson", "script_data"]

#: Continued cases per choice: enough for whole percentages to settle.
DEFAULT_RUNS = 1000

Data = dict[str, Any]

_QUESTIONS = {
    "injunction": "Should the court block {policy} while the case goes on?",
    "tro": "Should the court block {policy} right away, for a few days?",
    "stay_district": "Should the judge pause the injunction while the appeal goes on?",
    "stay_appeals": "Should the court of appeals pause the injunction while the appeal goes on?",
    "application": "Should the Supreme Court step in now, while the case goes on?",
    "interim": "Should the court block {policy} while it reviews it?",
    "appeal": "How should the appeal end?",
    "certiorari": "Should the Supreme Court hear the case?",
    "supreme_court": "How should the Supreme Court decide?",
    "complaint_filed": "Will you sue?",
    "motion_filed:preliminary_injunction": "Will you ask the judge to block {policy} now?",
    "motion_filed:tro": "Will you ask for an emergency order?",
    "motion_filed:stay": "Will you ask {court} to pause the injunction?",
    "notice_of_appeal_filed": "Will you appeal?",
    "application_filed": "Will you ask the Supreme Court for an emergency order?",
    "cert_petition_filed": "Will you ask the Supreme Court to hear the case?",
    "declined": "You lost this round. Will you go to the Supreme Court now?",
}

_DECISION_WORDS = {
    "injunction": "whether a judge grants an injunction",
    "tro": "whether a judge grants an emergency order",
    "stay_district": "whether a judge pauses the injunction",
    "stay_appeals": "whether a court of appeals pauses the injunction",
    "application": "whether the Supreme Court grants an emergency application",
    "interim": "whether a court blocks the law during review",
    "appeal": "how a court of appeals decides",
    "certiorari": "whether the Supreme Court takes the case",
    "supreme_court": "how the Supreme Court decides",
    "merits": "who wins the final judgment",
    "hearing": "when the hearing is held",
}


def _policy_word(scenario: Scenario) -> str:
    return "the law" if scenario.policy.kind == "statute" else "the order"


def _item(step: Step) -> Data:
    event = step.event
    return {
        "date": long_date(event.date),
        "text": " ".join(event.summary.split()),
        "source": " ".join(event.source.split()),
        "citation": " ".join(event.citation.split()),
    }


def _odds(odds: Odds) -> Data:
    return {
        "runs": odds.runs,
        "blocked": odds.blocked,
        "in_force": odds.in_force,
        "revoked": odds.revoked,
        "supreme": odds.supreme,
        "plaintiffs": odds.plaintiffs,
        "government": odds.government,
        "sources": [
            {"decision": _DECISION_WORDS.get(s.decision, s.decision.replace("_", " ")),
             "basis": s.basis}
            for s in odds.sources
        ],
    }  # fmt: skip


def _branch(
    scenario: Scenario, point: DecisionPoint, choice: Choice, steps: Sequence[Step]
) -> Data | None:
    """The scenario's own what-if branch for this choice, if it has one."""
    if choice.event is None:
        return None
    for branch in scenario.branches:
        first = branch.events[0] if branch.events else None
        if branch.at != point.after + 1 or first is None or first.key != choice.event.key:
            continue
        report = compare(scenario, branch, steps)
        kept = branch.at - 1
        return {
            "title": branch.title,
            "steps": [_item(step) for step in report.steps[kept : kept + len(branch.events)]],
        }
    return None


def _label(choice: Choice, point: DecisionPoint, scenario: Scenario) -> str:
    if choice.event is not None:
        return move_label(choice.event, scenario.policy.kind)
    if point.kind == "declined":
        return not_label("application_filed")
    assert point.step is not None
    return not_label(point.step.event.type)


def _real(point: DecisionPoint, scenario: Scenario, label: str) -> Data:
    teaching = scenario.teaching
    if point.step is None:
        who = ROLE_NAMES[point.role].lower()
        return {
            "label": label,
            "text": f"The {who} did not take any of these steps. The record shows none of them.",
            "plain": "",
            "source": "",
            "citation": "",
        }
    holding = teaching.holding(point.step.index + 1) if teaching else None
    item = _item(point.step)
    return {
        "label": label,
        "text": item["text"],
        "plain": holding.plain if holding else "",
        "source": item["source"],
        "citation": item["citation"],
    }


def _card(
    number: int,
    point: DecisionPoint,
    scenario: Scenario,
    steps: Sequence[Step],
    priors: Priors,
    runs: int,
    ninth: bool,
) -> Data:
    suit = point.before.lawsuit(point.case)
    rule = point.step.rule if point.step else point.choices[0].rule
    assert rule is not None
    test = standard_for(point.decision, rule, ninth_circuit=ninth, moot=bool(suit and suit.moot))
    offered = [c.rule.id for c in point.choices if c.rule is not None]
    # A party's move the priors do not simulate: runs could not tell doing it from not.
    odds_shown = point.kind != "move" or simulated(priors, rule.id)
    choices: list[Data] = []
    for index, choice in enumerate(point.choices):
        odds: Odds | None = None
        if odds_shown:
            declined = () if choice.event is not None else offered
            odds = odds_of(
                scenario, point.before, choice.event, declined, priors, runs=runs, seed=0
            )
        allowed = choice.rule
        choices.append({
            "id": f"c{index + 1}",
            "label": _label(choice, point, scenario),
            "real": choice.real,
            "citation": allowed.citation if allowed else "",
            "explanation": allowed.explanation if allowed else "",
            "whatif": _branch(scenario, point, choice, steps),
            "odds": _odds(odds) if odds is not None else None,
        })  # fmt: skip
    real_label = next(c["label"] for c in choices if c["real"])
    court = (
        point.step.event.court
        if point.step
        else point.choices[0].rule.key[2]
        if point.choices[0].rule
        else ""
    )
    question = _QUESTIONS.get(point.decision, "What will you do?").format(
        policy=_policy_word(scenario), court=court_name(court)
    )
    if point.decision == "appeal" and suit is not None and suit.moot:
        question = f"{_policy_word(scenario).capitalize()} is gone. How should the appeal end?"
    who = point.step.event.actor if point.step else ROLE_NAMES[point.role]
    return {
        "id": f"d{number}",
        "kind": point.kind,
        "role": point.role,
        "role_name": ROLE_NAMES[point.role],
        "who": who or ROLE_NAMES[point.role],
        "date": long_date(point.day),
        "question": question,
        "test": {
            "name": test.name,
            "citation": test.citation,
            "questions": list(test.questions),
            "note": test.note,
        },
        "choices": choices,
        "odds_sources": _union([c["odds"]["sources"] for c in choices if c["odds"]]),
        "real": _real(point, scenario, real_label),
    }


def _union(lists: Sequence[Sequence[Data]]) -> list[Data]:
    seen: dict[str, Data] = {}
    for items in lists:
        for item in items:
            seen.setdefault(item["decision"], item)
    return [seen[name] for name in sorted(seen)]


def _revocation_note(priors: Priors, steps: Sequence[Step]) -> str:
    revoke = next((s for s in priors.steps if s.rule == "order.revoke"), None)
    if revoke is None or revoke.probability.value > 0:
        return ""
    text = (
        "In these runs no one ever cancels the policy: the simulation does not guess at politics."
    )
    if any(step.event.type == "order_revoked" for step in steps):
        text += " In the real case, that is how it ended."
    return text


def build_lesson(
    scenario: Scenario, *, lang: str = "en", runs: int = DEFAULT_RUNS, priors: Priors | None = None
) -> Data:
    """Everything the three pages show, for ``scenario``, as plain JSON-ready data."""
    priors = priors if priors is not None else load_priors()
    steps = trace_scenario(scenario)
    points = decision_points(steps, model=MODEL)
    found = weighing(scenario, steps)
    ninth = bool(found and found.variant)
    cards: list[Data] = []
    shown = 0
    for number, point in enumerate(points, start=1):
        story = [_item(step) for step in steps[shown : point.after]]
        if story:
            cards.append({"id": f"s{number}", "kind": "story", "items": story})
        shown = max(shown, point.after)
        cards.append(_card(number, point, scenario, steps, priors, runs, ninth))
    if steps[shown:]:
        cards.append({"id": "s-end", "kind": "story", "items": [_item(s) for s in steps[shown:]]})
    teaching = scenario.teaching
    return {
        "id": scenario.id,
        "lang": lang,
        "title": scenario.title,
        "question": teaching.question if teaching else "",
        "summary": " ".join(
            (teaching.summary if teaching and teaching.summary else scenario.summary).split()
        ),
        "outcome": " ".join(scenario.outcome_note.split()),
        "cards": cards,
        "decisions": [card for card in cards if card["kind"] != "story"],
        "runs": runs,
        "revocation_note": _revocation_note(priors, steps),
        "key_steps": _key_steps(scenario, steps, points),
        "roles": [_role(role) for role in curriculum.ROLES],
        "teaching": _teaching(scenario),
        "curriculum": _curriculum(),
        "policy": _policy_word(scenario),
        "role_names": dict(ROLE_NAMES),
        "exit_ticket": _exit_ticket(scenario, cards),
        "handout_words": _handout_words(scenario),
        "handout_questions": _handout_questions(scenario, cards),
    }


#: The words the handout explains, in this order, when the case uses them.
_HANDOUT_WORDS = ("executive order", "injunction", "stay", "appeal", "moot", "certiorari")


def _handout_words(scenario: Scenario) -> list[Data]:
    words = [(w.term, w.simple) for w in curriculum.VOCABULARY if w.term in _HANDOUT_WORDS]
    if scenario.teaching:
        words += [(w.term, w.simple) for w in scenario.teaching.vocabulary[:2]]
    return [{"term": term, "simple": simple} for term, simple in words]


def _handout_questions(scenario: Scenario, cards: Sequence[Data]) -> list[str]:
    teaching = scenario.teaching
    if teaching and teaching.discussion:
        return [" ".join(q.question.split()) for q in teaching.discussion[:2]]
    rulings = [c for c in cards if c["kind"] == "ruling" and c["role"] == "judge"]
    return [f"Do you agree with the court on {c['date']}? Why?" for c in rulings[:2]]


def _exit_ticket(scenario: Scenario, cards: Sequence[Data]) -> list[Data]:
    teaching = scenario.teaching
    if teaching and teaching.exit_ticket:
        return [{"question": q.question, "answer": " ".join(q.answer.split())}
                for q in teaching.exit_ticket]  # fmt: skip
    rulings = [c for c in cards if c["kind"] == "ruling"]
    return [
        {"question": f"On {c['date']}, what did the court decide?", "answer": c["real"]["label"]}
        for c in rulings[:3]
    ]


def script_data(lesson: Data) -> Data:
    """What the student page's script needs: the decisions and their choices, no more."""
    return {
        "id": lesson["id"],
        "role_names": lesson["role_names"],
        "decisions": [
            {
                "id": d["id"],
                "role": d["role"],
                "date": d["date"],
                "question": d["question"],
                "choices": [
                    {"id": c["id"], "label": c["label"], "real": c["real"]} for c in d["choices"]
                ],
            }
            for d in lesson["decisions"]
        ],
    }


def _role(role: curriculum.Role) -> Data:
    return {"id": role.id, "name": role.name, "who": role.who, "goal": role.goal,
            "must_show": role.must_show}  # fmt: skip


_KEY_MOVES = (
    "complaint_filed",
    "notice_of_appeal_filed",
    "cert_petition_filed",
    "application_filed",
)


def _key_steps(
    scenario: Scenario, steps: Sequence[Step], points: Sequence[DecisionPoint]
) -> list[Data]:
    """The handout's steps: the policy's own, every ruling, and each step up a court."""
    wanted = {p.step.index for p in points if p.step is not None and p.kind == "ruling"}
    wanted |= {s.index for s in steps if s.rule.on_policy and s.event.type != "rule_withdrawn"}
    wanted |= {s.index for s in steps if s.event.type in _KEY_MOVES}
    teaching = scenario.teaching
    out = []
    for step in steps:
        if step.index not in wanted:
            continue
        holding = teaching.holding(step.index + 1) if teaching else None
        out.append({
            "date": long_date(step.event.date),
            "text": " ".join(
                (move_past(step.event, scenario.policy.kind), holding.plain if holding else "")
            ).strip(),
        })  # fmt: skip
    return out


def _teaching(scenario: Scenario) -> Data | None:
    teaching = scenario.teaching
    if teaching is None:
        return None
    return {
        "arguments": {
            side: [
                {"point": a.point, "source": a.source} for a in teaching.arguments if a.side == side
            ]
            for side in ("plaintiffs", "government")
        },
        "holdings": [
            {"plain": h.plain, "source": h.source, "step": h.step} for h in teaching.holdings
        ],
        "vocabulary": [
            {"term": t.term, "simple": t.simple, "fuller": t.fuller} for t in teaching.vocabulary
        ],
        "discussion": [{"question": q.question, "answer": q.answer} for q in teaching.discussion],
        "exit_ticket": [{"question": q.question, "answer": q.answer} for q in teaching.exit_ticket],
        "sources": list(teaching.sources),
    }


def _curriculum() -> Data:
    return {
        "objectives": list(curriculum.OBJECTIVES),
        "c3": [{"code": c, "text": t, "how": h} for c, t, h in curriculum.C3_TAGS],
        "vocabulary": [
            {"term": w.term, "simple": w.simple, "fuller": w.fuller} for w in curriculum.VOCABULARY
        ],
        "plan_45": [{"when": m, "what": w} for m, w in curriculum.PLAN_45],
        "plan_days": [{"when": d, "what": w} for d, w in curriculum.PLAN_DAYS],
    }

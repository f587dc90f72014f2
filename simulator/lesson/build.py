"""A lesson, built from a scenario: every page's content as plain data, computed here.

The student page's choices, their consequences and their odds are worked out
when the lesson is built (`simulator.lesson.points`, `simulator.lesson.odds`)
and handed to the templates, and to the page's script as JSON, as finished
data: the page only shows it. Pure: no I/O here; `simulator.lesson.pages`
renders and `simulator.lesson.commands` writes.

Every text is built in the lesson's language (`simulator.lesson.i18n`): the
generated words through the gettext catalogs, the case's own teaching notes
from its ``teaching_zh:`` or ``teaching_es:`` section. What the record says
in English (the court's words, the sources) stays in English, marked so, and
beside it a plain sentence in the lesson's language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from simulator.decider import Step
from simulator.explore.whatif import compare
from simulator.law.priors import Priors, load_priors
from simulator.law.rules import MODEL
from simulator.lesson import curriculum
from simulator.lesson.i18n import HTML_LANG, N_, Gettext, format_day, format_number, translations
from simulator.lesson.odds import Odds, odds_of, simulated
from simulator.lesson.points import Choice, DecisionPoint, decision_points
from simulator.lesson.standards import standard_for
from simulator.lesson.words import (
    ROLE_NAMES,
    court_name,
    move_label,
    move_past,
    not_label,
    policy_word,
    role_names,
)
from simulator.render.factors import weighing
from simulator.scenario import Scenario, Teaching, trace_scenario

__all__ = ["DEFAULT_RUNS", "Cache", "build_lesson", "script_data"]

#: Continued cases per choice: enough for whole percentages to settle.
DEFAULT_RUNS = 1000

Data = dict[str, Any]
#: The odds of each choice, by (decision number, choice number): they do not depend on the
#: language, so the three languages of one case may share them.
Cache = dict[tuple[int, int], Odds]

_QUESTIONS = {
    "injunction": N_("Should the court block {policy} while the case goes on?"),
    "tro": N_("Should the court block {policy} right away, for a few days?"),
    "stay_district": N_("Should the judge pause the injunction while the appeal goes on?"),
    "stay_appeals": N_(
        "Should the court of appeals pause the injunction while the appeal goes on?"
    ),
    "application": N_("Should the Supreme Court step in now, while the case goes on?"),
    "interim": N_("Should the court block {policy} while it reviews it?"),
    "appeal": N_("How should the appeal end?"),
    "certiorari": N_("Should the Supreme Court hear the case?"),
    "supreme_court": N_("How should the Supreme Court decide?"),
    "merits": N_("How should the court decide the case?"),
    "class_certification": N_(
        "Should the people suing be allowed to speak for the whole group (a class)?"
    ),
    "complaint_filed": N_("Will you sue?"),
    "petition_for_review_filed": N_("Will you ask the court of appeals to review {policy}?"),
    "motion_filed:preliminary_injunction": N_("Will you ask the judge to block {policy} now?"),
    "motion_filed:tro": N_("Will you ask for an emergency order?"),
    "motion_filed:stay": N_("Will you ask {court} to pause the injunction?"),
    "motion_filed:injunction_pending_review": N_(
        "Will you ask the court to block {policy} while it reviews it?"
    ),
    "notice_of_appeal_filed": N_("Will you appeal?"),
    "appeal_dismissed": N_("Will you drop your appeal?"),
    "application_filed": N_("Will you ask the Supreme Court for an emergency order?"),
    "cert_petition_filed": N_("Will you ask the Supreme Court to hear the case?"),
    "declined": N_("You lost this round. Will you go to the Supreme Court now?"),
}
_ANY_QUESTION = N_("What will you do?")
_GONE = {
    "the order": N_("The order is gone. How should the appeal end?"),
    "the law": N_("The law is gone. How should the appeal end?"),
}

_DECISION_WORDS = {
    "injunction": N_("whether a judge grants an injunction"),
    "tro": N_("whether a judge grants an emergency order"),
    "stay_district": N_("whether a judge pauses the injunction"),
    "stay_appeals": N_("whether a court of appeals pauses the injunction"),
    "application": N_("whether the Supreme Court grants an emergency application"),
    "interim": N_("whether a court blocks the law during review"),
    "appeal": N_("how a court of appeals decides"),
    "certiorari": N_("whether the Supreme Court takes the case"),
    "supreme_court": N_("how the Supreme Court decides"),
    "merits": N_("who wins the final judgment"),
    "hearing": N_("when the hearing is held"),
}
_BASES = {
    "base rate": N_("base rate"),
    "assumption": N_("assumption"),
    "partly assumption": N_("partly assumption"),
}
_WHO_DECIDES = {
    "judge": N_("The judge decides"),
    "government": N_("The government decides"),
    "plaintiffs": N_("The plaintiffs decide"),
}
_NONE_TAKEN = {
    "judge": N_("The judge did not take any of these steps. The record shows none of them."),
    "government": N_(
        "The government did not take any of these steps. The record shows none of them."
    ),
    "plaintiffs": N_(
        "The plaintiffs did not take any of these steps. The record shows none of them."
    ),
}


class _Words:
    """The lesson's language: its gettext, and the case's teaching notes in it."""

    def __init__(self, scenario: Scenario, lang: str, catalog: Any) -> None:
        self.lang = lang
        self.gettext: Gettext = catalog.gettext
        self.policy_kind = scenario.policy.kind
        self.policy = policy_word(scenario.policy.kind, self.gettext)
        self.teaching: Teaching | None = scenario.teaching_in(lang)

    def day(self, day: Any) -> str:
        return format_day(day, self.lang)


def _item(step: Step, words: _Words) -> Data:
    """One step of the record: in English, the record's own summary; in another language, a
    plain sentence in it, with the record's English words beside it."""
    event = step.event
    record = " ".join(event.summary.split())
    english = words.lang == "en"
    return {
        "date": words.day(event.date),
        "text": record if english else move_past(event, words.policy_kind, words.gettext),
        "record": "" if english else record,
        "source": " ".join(event.source.split()),
        "citation": " ".join(event.citation.split()),
    }


def _odds(odds: Odds, words: _Words) -> Data:
    _ = words.gettext
    return {
        "runs": odds.runs,
        "blocked": odds.blocked,
        "in_force": odds.in_force,
        "revoked": odds.revoked,
        "supreme": odds.supreme,
        "plaintiffs": odds.plaintiffs,
        "government": odds.government,
        "sources": [
            {"decision": _(_DECISION_WORDS.get(s.decision, s.decision.replace("_", " "))),
             "basis": _(_BASES.get(s.basis, s.basis))}
            for s in odds.sources
        ],
    }  # fmt: skip


def _branch(
    scenario: Scenario, point: DecisionPoint, choice: Choice, steps: Sequence[Step], words: _Words
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
            "title": branch.title if words.lang == "en" else "",
            "steps": [
                _item(step, words) for step in report.steps[kept : kept + len(branch.events)]
            ],
        }
    return None


def _label(choice: Choice, point: DecisionPoint, words: _Words) -> str:
    if choice.event is not None:
        rule = choice.rule.id if choice.rule is not None else ""
        return move_label(choice.event, words.policy_kind, words.gettext, rule=rule)
    if point.kind == "declined":
        return not_label("application_filed", words.gettext)
    assert point.step is not None
    return not_label(point.step.event.type, words.gettext)


def _real(point: DecisionPoint, words: _Words, label: str) -> Data:
    if point.step is None:
        return {
            "label": label,
            "text": words.gettext(_NONE_TAKEN[point.role]),
            "record": "",
            "plain": "",
            "source": "",
            "citation": "",
        }
    teaching = words.teaching
    holding = teaching.holding(point.step.index + 1) if teaching else None
    item = _item(point.step, words)
    return {
        "label": label,
        "text": item["text"],
        "record": item["record"],
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
    words: _Words,
    cache: Cache,
) -> Data:
    _ = words.gettext
    suit = point.before.lawsuit(point.case)
    rule = point.step.rule if point.step else point.choices[0].rule
    assert rule is not None
    moot = bool(suit and suit.moot)
    test = standard_for(point.decision, rule, ninth_circuit=ninth, moot=moot, gettext=_)
    offered = [c.rule.id for c in point.choices if c.rule is not None]
    # A party's move the priors do not simulate: runs could not tell doing it from not.
    odds_shown = point.kind != "move" or simulated(priors, rule.id)
    choices: list[Data] = []
    for index, choice in enumerate(point.choices):
        odds: Odds | None = None
        if odds_shown:
            if (number, index) not in cache:
                declined = () if choice.event is not None else offered
                cache[number, index] = odds_of(
                    scenario, point.before, choice.event, declined, priors, runs=runs, seed=0
                )
            odds = cache[number, index]
        allowed = choice.rule
        choices.append({
            "id": f"c{index + 1}",
            "label": _label(choice, point, words),
            "real": choice.real,
            "citation": allowed.citation if allowed else "",
            "whatif": _branch(scenario, point, choice, steps, words),
            "odds": _odds(odds, words) if odds is not None else None,
        })  # fmt: skip
    real_label = next(c["label"] for c in choices if c["real"])
    court = (
        point.step.event.court
        if point.step
        else point.choices[0].rule.key[2]
        if point.choices[0].rule
        else ""
    )
    question = _(_QUESTIONS.get(point.decision, _ANY_QUESTION)).format(
        policy=words.policy, court=court_name(court, _)
    )
    if point.decision == "appeal" and moot:
        question = _(_GONE[policy_word(scenario.policy.kind)])
    who = point.step.event.actor if point.step else ""
    return {
        "id": f"d{number}",
        "kind": point.kind,
        "role": point.role,
        "role_name": _(ROLE_NAMES[point.role]),
        "who_decides": _(_WHO_DECIDES[point.role]),
        "who": who if words.lang == "en" and who else _(ROLE_NAMES[point.role]),
        "date": words.day(point.day),
        "question": question,
        "test": {
            "name": test.name,
            "citation": test.citation,
            "questions": list(test.questions),
            "note": test.note,
        },
        "choices": choices,
        "odds_sources": _union([c["odds"]["sources"] for c in choices if c["odds"]]),
        "real": _real(point, words, real_label),
    }


def _union(lists: Sequence[Sequence[Data]]) -> list[Data]:
    seen: dict[str, Data] = {}
    for items in lists:
        for item in items:
            seen.setdefault(item["decision"], item)
    return [seen[name] for name in sorted(seen)]


def _revocation_note(priors: Priors, steps: Sequence[Step], words: _Words) -> str:
    _ = words.gettext
    revoke = next((s for s in priors.steps if s.rule == "order.revoke"), None)
    if revoke is None or revoke.probability.value > 0:
        return ""
    text = _(
        "In these runs no one ever cancels the policy: the simulation does not guess at politics."
    )
    if any(step.event.type == "order_revoked" for step in steps):
        text += " " + _("In the real case, that is how it ended.")
    return text


def _ui(words: _Words, runs: int) -> Data:
    """The words the page's script shows (it holds no text of its own)."""
    _ = words.gettext
    return {
        "decide": _("Decide"),
        "see": _("See what they did"),
        "mine": _("Your choice"),
        "guess": _("Your guess (you may skip it)"),
        "pick": _("Pick one of the choices first."),
        "reason": _("Write your reason first: a sentence or two, using the test."),
        "next": _("Next"),
        "last": _("See my summary"),
        "page": _("Page {at} of {count}"),
        "undecided": _("(not decided)"),
        "noname": _("(no name given)"),
        "score": _("You made the same choice as the real case {agreed} of {count} times."),
        "colon": _(":"),
        "short": "zh" if words.lang == "zh" else "",
    }


def build_lesson(
    scenario: Scenario,
    *,
    lang: str = "en",
    runs: int = DEFAULT_RUNS,
    priors: Priors | None = None,
    catalog: Any = None,
    cache: Cache | None = None,
) -> Data:
    """Everything the three pages show, for ``scenario``, in ``lang`` (en, zh or es), as
    plain JSON-ready data. ``catalog`` overrides the language's compiled translations (the
    tests pass one that notes what it cannot translate); ``cache`` keeps the odds, which do
    not depend on the language, for the next language of the same case and runs."""
    priors = priors if priors is not None else load_priors()
    words = _Words(scenario, lang, catalog if catalog is not None else translations(lang))
    _ = words.gettext
    cache = cache if cache is not None else {}
    steps = trace_scenario(scenario)
    points = decision_points(steps, model=MODEL)
    found = weighing(scenario, steps)
    ninth = bool(found and found.variant)
    cards: list[Data] = []
    shown = 0
    # A decision's real step, with its record and source, is in the decision's own reveal:
    # the story that follows names it again without repeating them.
    revealed = {point.step.index for point in points if point.step is not None}

    def told(step: Step) -> Data:
        item = _item(step, words)
        item["again"] = step.index in revealed
        return item

    for number, point in enumerate(points, start=1):
        story = [told(step) for step in steps[shown : point.after]]
        if story:
            cards.append({"id": f"s{number}", "kind": "story", "items": story})
        shown = max(shown, point.after)
        cards.append(_card(number, point, scenario, steps, priors, runs, ninth, words, cache))
    if steps[shown:]:
        end = [told(s) for s in steps[shown:]]
        cards.append({"id": "s-end", "kind": "story", "items": end})
    teaching = words.teaching
    summary = teaching.summary if teaching and teaching.summary else scenario.summary
    return {
        "id": scenario.id,
        "lang": HTML_LANG[lang],
        "language": lang,
        "title": teaching.title if teaching and teaching.title else scenario.title,
        "case_name": scenario.title,
        "question": teaching.question if teaching else "",
        "summary": " ".join(summary.split()),
        "outcome": " ".join(scenario.outcome_note.split()),
        "cards": cards,
        "decisions": [card for card in cards if card["kind"] != "story"],
        "runs": runs,
        "runs_text": format_number(runs, lang),
        "revocation_note": _revocation_note(priors, steps, words),
        "key_steps": _key_steps(scenario, steps, points, words),
        "roles": [_role(role, _) for role in curriculum.ROLES],
        "teaching": _teaching(words.teaching, lang),
        "curriculum": _curriculum(_, lang),
        "policy": words.policy,
        "role_names": role_names(_),
        "exit_ticket": _exit_ticket(words, cards),
        "handout_words": _handout_words(words, lang),
        "handout_questions": _handout_questions(words, cards),
        "ui": _ui(words, runs),
    }


#: The words the handout explains, in this order, when the case uses them.
_HANDOUT_WORDS = ("executive order", "injunction", "stay", "appeal", "moot", "certiorari")


def _term(term: str, gettext: Gettext, lang: str) -> Data:
    """A word of the law in the lesson's language (``term``), with the English word beside
    it (``english``, which the pages mark ``lang="en"``; empty when the two are the same)."""
    translated = gettext(term)
    english = "" if lang == "en" or translated == term else term
    return {"term": translated, "english": english}


#: A case's own word in another language, written as the scenarios write it: "禁令 (injunction)".
_WITH_ENGLISH = re.compile(r"(?P<term>.+?)\s*\((?P<english>[A-Za-z][A-Za-z .,'-]*)\)")


def _own_term(term: str, lang: str) -> Data:
    """A case's own vocabulary word, its English (in brackets after it) split off to be marked
    as English."""
    found = _WITH_ENGLISH.fullmatch(term.strip()) if lang != "en" else None
    if found is None:
        return {"term": term, "english": ""}
    return {"term": found["term"], "english": found["english"]}


def _handout_words(words: _Words, lang: str) -> list[Data]:
    _ = words.gettext
    found = [_term(w.term, _, lang) | {"simple": _(w.simple)} for w in curriculum.VOCABULARY
             if w.term in _HANDOUT_WORDS]  # fmt: skip
    if words.teaching:
        found += [_own_term(w.term, lang) | {"simple": w.simple}
                  for w in words.teaching.vocabulary[:2]]  # fmt: skip
    return found


def _handout_questions(words: _Words, cards: Sequence[Data]) -> list[str]:
    teaching = words.teaching
    if teaching and teaching.discussion:
        return [" ".join(q.question.split()) for q in teaching.discussion[:2]]
    rulings = [c for c in cards if c["kind"] == "ruling" and c["role"] == "judge"]
    template = words.gettext("Do you agree with the court on {date}? Why?")
    return [template.format(date=c["date"]) for c in rulings[:2]]


def _exit_ticket(words: _Words, cards: Sequence[Data]) -> list[Data]:
    teaching = words.teaching
    if teaching and teaching.exit_ticket:
        return [{"question": q.question, "answer": " ".join(q.answer.split())}
                for q in teaching.exit_ticket]  # fmt: skip
    rulings = [c for c in cards if c["kind"] == "ruling"]
    template = words.gettext("On {date}, what did the court decide?")
    return [
        {"question": template.format(date=c["date"]), "answer": c["real"]["label"]}
        for c in rulings[:3]
    ]


def script_data(lesson: Data) -> Data:
    """What the student page's script needs: the decisions and their choices, no more."""
    return {
        "id": lesson["id"],
        "role_names": lesson["role_names"],
        "ui": lesson["ui"],
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


def _role(role: curriculum.Role, _: Gettext) -> Data:
    return {"id": role.id, "name": _(role.name), "who": _(role.who), "goal": _(role.goal),
            "must_show": _(role.must_show)}  # fmt: skip


_KEY_MOVES = (
    "complaint_filed",
    "petition_for_review_filed",
    "notice_of_appeal_filed",
    "cert_petition_filed",
    "application_filed",
)


def _key_steps(
    scenario: Scenario, steps: Sequence[Step], points: Sequence[DecisionPoint], words: _Words
) -> list[Data]:
    """The handout's steps: the policy's own, every ruling, and each step up a court."""
    wanted = {p.step.index for p in points if p.step is not None and p.kind == "ruling"}
    wanted |= {s.index for s in steps if s.rule.on_policy and s.event.type != "rule_withdrawn"}
    wanted |= {s.index for s in steps if s.event.type in _KEY_MOVES}
    teaching = words.teaching
    out = []
    for step in steps:
        if step.index not in wanted:
            continue
        holding = teaching.holding(step.index + 1) if teaching else None
        said = move_past(step.event, scenario.policy.kind, words.gettext)
        out.append({
            "date": words.day(step.event.date),
            "text": " ".join((said, holding.plain if holding else "")).strip(),
        })  # fmt: skip
    return out


def _teaching(teaching: Teaching | None, lang: str) -> Data | None:
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
            _own_term(t.term, lang) | {"simple": t.simple, "fuller": t.fuller}
            for t in teaching.vocabulary
        ],
        "discussion": [{"question": q.question, "answer": q.answer} for q in teaching.discussion],
        "exit_ticket": [{"question": q.question, "answer": q.answer} for q in teaching.exit_ticket],
        "sources": list(teaching.sources),
    }


def _curriculum(_: Gettext, lang: str) -> Data:
    return {
        "objectives": [_(o) for o in curriculum.OBJECTIVES],
        "c3": [{"code": c, "text": _(t), "how": _(h)} for c, t, h in curriculum.C3_TAGS],
        "vocabulary": [
            _term(w.term, _, lang) | {"simple": _(w.simple), "fuller": _(w.fuller)}
            for w in curriculum.VOCABULARY
        ],
        "plan_45": [{"when": m, "what": _(w)} for m, w in curriculum.PLAN_45],
        "plan_days": [{"when": _(d), "what": _(w)} for d, w in curriculum.PLAN_DAYS],
    }

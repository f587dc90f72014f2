"""The preliminary-injunction factors as the court weighed them, in the court's own words.

Which decision weighed them comes from the rule table: the step that decided
the injunction (`Rule.decision`), and the stay decisions whose rules cite Nken
v. Holder, which weighs the same four factors again. The factors themselves
are Winter v. NRDC's, cited by the injunction rules; what the court said on
each is the clause of the event's summary that speaks to it, so nothing is
claimed that the record does not say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from simulator.decider import Step
from simulator.law.standards import (
    INJUNCTION_FACTORS,
    INJUNCTION_STANDARD,
    NINTH_CIRCUIT_VARIANT,
    STAY_STANDARD,
)
from simulator.render.dot import capital, event_text, qualifier
from simulator.render.style import LEVELS
from simulator.scenario import Scenario

__all__ = ["FACTORS", "Factor", "Finding", "Weighing", "weighing"]


@attrs.frozen
class Finding:
    """What one decision said on one factor (``words`` empty when its summary is silent)."""

    date: str
    decision: str
    words: str


@attrs.frozen
class Factor:
    """One factor of the test, the question it asks, and what each decision said on it."""

    name: str
    question: str
    findings: tuple[Finding, ...]


@attrs.frozen
class Weighing:
    """The test, the decision that applied it, the court's summary, and the factors."""

    standard: str
    stay_standard: str
    #: the Ninth Circuit's sliding-scale case, when the court applied it; else empty
    variant: str
    date: str
    decision: str
    court: str
    actor: str
    words: str
    record: str
    factors: tuple[Factor, ...]


#: Words that show a clause of a summary speaks to each factor, in the order of the test.
_WORDS: tuple[tuple[str, ...], ...] = (
    ("merits", "likely (?:to )?win", "likely to succeed", "serious questions?", "likelihood"),
    ("irreparabl[ey]", "irreparable harm", "injury"),
    ("balance", "hardships?", "equities"),
    ("public interest",),
)
#: The factors with their words, for the report.
FACTORS = tuple(
    (factor.name, factor.question, words)
    for factor, words in zip(INJUNCTION_FACTORS, _WORDS, strict=True)
)

#: Signs that a court applied the Ninth Circuit's "serious questions" version of the test.
_NINTH_CIRCUIT = re.compile(r"cottrell|serious questions|ninth circuit|9th cir", re.IGNORECASE)
_CLAUSES = re.compile(r"[:;]\s+|,\s+(?:and|but|while)\s+|\.\s+")


def _patterns() -> list[re.Pattern[str]]:
    return [
        re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE) for _, _, words in FACTORS
    ]


def _case_name(citation: str) -> str:
    """The case name of a citation: ``Winter v. NRDC, 555 U.S. 7`` -> ``Winter v. NRDC``."""
    return citation.split(",")[0]


def _said(summary: str, pattern: re.Pattern[str]) -> str:
    """The clauses of ``summary`` that speak to one factor, joined; empty if none does."""
    clauses = [clause.strip(" .") for clause in _CLAUSES.split(" ".join(summary.split()))]
    return "; ".join(clause for clause in clauses if pattern.search(clause))


def _decided(step: Step) -> str:
    event = step.event
    return capital(event_text(event.type, qualifier(event)))


def weighing(scenario: Scenario, steps: Sequence[Step]) -> Weighing | None:
    """How the court weighed the injunction factors, or ``None`` if no injunction was decided."""
    main = next((step for step in steps if step.rule.decision == "injunction"), None)
    if main is None:
        return None
    again = [step for step in steps if _case_name(STAY_STANDARD) in step.rule.citation]
    patterns = _patterns()
    factors = tuple(
        Factor(
            name,
            question,
            tuple(
                Finding(step.event.date.isoformat(), _decided(step), _said(step.event.summary, p))
                for step in (main, *again)
            ),
        )
        for (name, question, _), p in zip(FACTORS, patterns, strict=True)
    )
    event = main.event
    courts = " ".join(suit.appeals_court for suit in scenario.lawsuits)
    signs = " ".join((event.citation, event.summary, event.note, courts))
    return Weighing(
        INJUNCTION_STANDARD,
        STAY_STANDARD if again else "",
        NINTH_CIRCUIT_VARIANT if _NINTH_CIRCUIT.search(signs) else "",
        event.date.isoformat(),
        _decided(main),
        LEVELS.get(event.court, ""),
        event.actor,
        " ".join(event.summary.split()),
        event.citation,
        factors,
    )

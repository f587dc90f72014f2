"""Emergency relief in the trial court: restraining orders and preliminary injunctions (FRCP 65)."""

from __future__ import annotations

import datetime

import attrs

from simulator.law.authorities import (
    CASA,
    INJUNCTION_AGAIN,
    OPEN_MOTION,
    RELIEF_LIVE,
    TRO_AGAIN,
    TRUMP_V_CASA,
    WINTER,
)
from simulator.law.model import Rule

__all__ = ["RULES"]

TRO_RULES: tuple[Rule, ...] = (
    Rule(
        "tro.move",
        "motion_filed",
        "tro",
        TRO_AGAIN,
        "moved",
        "FRCP 65(b)",
        "The plaintiffs ask for a temporary restraining order: a short emergency order that "
        "holds things as they are until the court can hear a preliminary injunction.",
        qualifier="tro",
        guards=("case_open",),
    ),
    Rule(
        "tro.brief",
        "brief_filed",
        "tro",
        OPEN_MOTION,
        "contested",
        "FRCP 7(b)(1)",
        "A party files a brief on the restraining-order motion; the other side has now had "
        "notice of it.",
        qualifier="tro",
        guards=("case_open",),
    ),
    Rule(
        "tro.hear",
        "hearing_held",
        "tro",
        OPEN_MOTION,
        "contested",
        "FRCP 65(b); FRCP 78(a)",
        "The judge hears the parties on the motion for a restraining order.",
        qualifier="tro",
        guards=("case_open",),
    ),
    Rule(
        "tro.grant.ex_parte",
        "tro_granted",
        "tro",
        {"moved"},
        "in_force",
        "FRCP 65(b)(1)",
        "The judge grants a restraining order without hearing the other side, which the rule "
        "allows only when immediate, irreparable harm would come first; it lasts a few days.",
        guards=("case_open", "live_controversy", "tro_within_limit"),
        effects=("start_tro",),
        decision="tro",
    ),
    Rule(
        "tro.grant",
        "tro_granted",
        "tro",
        {"contested"},
        "in_force",
        "FRCP 65(b)",
        "With the government on notice and heard (by a brief or at a hearing), the judge "
        "grants a short restraining order that holds things as they are until a preliminary "
        "injunction can be decided.",
        guards=("case_open", "live_controversy", "tro_within_limit"),
        effects=("start_tro", "tro_on_notice"),
        decision="tro",
    ),
    Rule(
        "tro.deny",
        "tro_denied",
        "tro",
        OPEN_MOTION,
        "denied",
        "FRCP 65(b)",
        "The judge refuses the restraining order; the policy stays in force for now. A "
        "refused restraining order ordinarily cannot be appealed.",
        decision="tro",
        guards=("case_open",),
    ),
    Rule(
        "tro.extend",
        "tro_extended",
        "tro",
        {"in_force"},
        "in_force",
        "FRCP 65(b)(2)",
        "For good cause the judge extends the restraining order once, for a like period "
        "(longer only if the other side consents).",
        guards=("tro_not_extended", "tro_extension_limit"),
        effects=("extend_tro",),
    ),
    Rule(
        "tro.dissolve",
        "tro_dissolved",
        "tro",
        {"in_force"},
        "dissolved",
        "FRCP 65(b)(4)",
        "On the other side's motion the judge dissolves the restraining order.",
    ),
)

_GRANT = (
    "After notice to the government, the judge stops the policy until the case is decided, "
    "finding that the plaintiffs are likely to win (or, in the Ninth Circuit, raise serious "
    "questions), would suffer irreparable harm without it, and that the balance of equities "
    "and the public interest favour them."
)


@attrs.frozen
class _Way:
    """One way a preliminary injunction comes about: the rows differ in where from."""

    verb: str
    sources: frozenset[str]
    explanation: str
    guards: tuple[str, ...]
    effects: tuple[str, ...]
    authority: str = ""


_FRESH = _Way(
    "grant",
    frozenset({"contested"}),
    _GRANT,
    ("case_open", "live_controversy"),
    ("appealable_order", "record_scope"),
)
_WIDENED = _Way(
    "widen",
    frozenset({"widening"}),
    "The judge extends the preliminary injunction to parts of the policy it did not yet "
    "cover, on the same findings.",
    ("case_open", "live_controversy"),
    ("appealable_order", "widen_scope"),
    "FRCP 65(d)(1)(C)",
)
_CONVERTED = _Way(
    "convert",
    frozenset({"none"}),
    "The judge turns a restraining order granted after notice and a hearing into a "
    "preliminary injunction, here on the parties' stipulation, without a new motion: the "
    "government has already been heard.",
    ("case_open", "live_controversy", "tro_heard"),
    ("appealable_order", "record_scope"),
    "Sampson v. Murray, 415 U.S. 61, 86-88 (1974)",
)


def _granted(
    way: _Way,
    scope: str,
    citation: str,
    whom: str,
    *,
    valid_until: datetime.date | None = None,
    superseded_by: str = "",
) -> Rule:
    """A preliminary injunction of one scope, come about in one way."""
    return Rule(
        f"injunction.{way.verb}.{scope}",
        "injunction_granted",
        "injunction",
        way.sources,
        "in_force",
        f"{citation}; {way.authority}" if way.authority else citation,
        f"{way.explanation} {whom}",
        qualifier=scope,
        guards=way.guards,
        effects=way.effects,
        decision="injunction",
        valid_until=valid_until,
        superseded_by=superseded_by,
    )


def _scopes(way: _Way) -> tuple[Rule, ...]:
    """The injunction of each scope, with universal ones ending with Trump v. CASA."""
    return (
        _granted(way, "parties", f"FRCP 65(a)(1); {WINTER}", "It protects the plaintiffs."),
        _granted(
            way,
            "class",
            f"FRCP 65(a)(1); FRCP 23(b)(2); {WINTER}",
            "It protects a certified class.",
        ),
        _granted(
            way,
            "universal",
            f"FRCP 65(a)(1); {WINTER}",
            "It protects everyone, not only the plaintiffs (a universal or 'nationwide' "
            "injunction), as federal courts could order before Trump v. CASA.",
            valid_until=TRUMP_V_CASA,
            superseded_by=CASA,
        ),
    )


#: A second motion in a lawsuit whose injunction covers only part of the policy
#: (for example, prohibitions that take effect later): the injunction in force
#: stays in force while the court decides whether to widen it.
WIDENING_RULES: tuple[Rule, ...] = (
    Rule(
        "injunction.move.widen",
        "motion_filed",
        "injunction",
        {"in_force"},
        "widening",
        "FRCP 65(a); FRCP 65(d)(1)(C)",
        "The plaintiffs ask the judge to extend the preliminary injunction to the parts of "
        "the policy it does not yet cover; the injunction already granted stays in force.",
        qualifier="preliminary_injunction",
        guards=("case_open", "partly_covered"),
    ),
    Rule(
        "injunction.brief.widen",
        "brief_filed",
        "injunction",
        {"widening"},
        "widening",
        "FRCP 65(a)(1); FRCP 7(b)(1)",
        "A party files a brief on the motion to extend the injunction.",
        qualifier="preliminary_injunction",
        guards=("case_open",),
    ),
    Rule(
        "injunction.hear.widen",
        "hearing_held",
        "injunction",
        {"widening"},
        "widening",
        "FRCP 65(a)(1); FRCP 78(a)",
        "The judge hears both sides on extending the injunction.",
        qualifier="preliminary_injunction",
        guards=("case_open",),
    ),
    *_scopes(_WIDENED),
    Rule(
        "injunction.deny.widen",
        "injunction_denied",
        "injunction",
        {"widening"},
        "in_force",
        "FRCP 65(a); 28 U.S.C. 1292(a)(1)",
        "The judge refuses to extend the injunction; what it already covers stays enjoined, "
        "and the refusal can be appealed.",
        effects=("appealable_order",),
        decision="injunction",
        guards=("case_open",),
    ),
)

INJUNCTION_RULES: tuple[Rule, ...] = (
    Rule(
        "injunction.move",
        "motion_filed",
        "injunction",
        INJUNCTION_AGAIN | OPEN_MOTION,
        "moved",
        "FRCP 65(a)",
        "The plaintiffs ask for a preliminary injunction: an order stopping the policy until "
        "the case is decided. A renewed motion starts over.",
        qualifier="preliminary_injunction",
        guards=("case_open",),
    ),
    Rule(
        "injunction.brief",
        "brief_filed",
        "injunction",
        OPEN_MOTION,
        "contested",
        "FRCP 65(a)(1); FRCP 7(b)(1)",
        "A party files a brief on the motion; the government has had the notice a "
        "preliminary injunction requires.",
        qualifier="preliminary_injunction",
        guards=("case_open",),
    ),
    Rule(
        "injunction.hear",
        "hearing_held",
        "injunction",
        OPEN_MOTION,
        "contested",
        "FRCP 65(a)(1); FRCP 78(a)",
        "The judge hears both sides on the motion for a preliminary injunction.",
        qualifier="preliminary_injunction",
        guards=("case_open",),
    ),
    *_scopes(_FRESH),
    *_scopes(_CONVERTED),
    Rule(
        "injunction.deny",
        "injunction_denied",
        "injunction",
        OPEN_MOTION,
        "denied",
        "FRCP 65(a); 28 U.S.C. 1292(a)(1)",
        "The judge refuses the preliminary injunction; the policy stays in force, and the "
        "plaintiffs can appeal the refusal at once.",
        effects=("appealable_order",),
        decision="injunction",
        guards=("case_open",),
    ),
    Rule(
        "injunction.dissolve",
        "injunction_dissolved",
        "injunction",
        RELIEF_LIVE | {"stayed"},
        "dissolved",
        "28 U.S.C. 1292(a)(1)",
        "The judge dissolves the injunction, for example because the policy is gone; the "
        "order dissolving it can itself be appealed.",
        effects=("appealable_order",),
    ),
)

RULES: tuple[Rule, ...] = (*TRO_RULES, *INJUNCTION_RULES, *WIDENING_RULES)

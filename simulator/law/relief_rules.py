"""Emergency relief in the trial court: restraining orders and preliminary injunctions (FRCP 65)."""

from __future__ import annotations

import datetime

from simulator.law.authorities import (
    CASA,
    INJUNCTION_AGAIN,
    OPEN_MOTION,
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
        "After hearing both sides, the judge grants a short restraining order that holds "
        "things as they are until a preliminary injunction can be decided.",
        guards=("case_open", "live_controversy", "tro_within_limit"),
        effects=("start_tro",),
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


def _granted(
    scope: str,
    citation: str,
    whom: str,
    *,
    valid_until: datetime.date | None = None,
    superseded_by: str = "",
) -> Rule:
    """A preliminary injunction of one scope; they differ only in whom they protect."""
    return Rule(
        f"injunction.grant.{scope}",
        "injunction_granted",
        "injunction",
        {"contested"},
        "in_force",
        citation,
        f"{_GRANT} {whom}",
        qualifier=scope,
        guards=("case_open", "live_controversy"),
        effects=("appealable_order", "record_scope"),
        decision="injunction",
        valid_until=valid_until,
        superseded_by=superseded_by,
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
    _granted("parties", f"FRCP 65(a)(1); {WINTER}", "It protects the plaintiffs."),
    _granted("class", f"FRCP 65(a)(1); FRCP 23(b)(2); {WINTER}", "It protects a certified class."),
    _granted(
        "universal",
        f"FRCP 65(a)(1); {WINTER}",
        "It protects everyone, not only the plaintiffs (a universal or 'nationwide' "
        "injunction), as federal courts could order before Trump v. CASA.",
        valid_until=TRUMP_V_CASA,
        superseded_by=CASA,
    ),
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
        {"in_force", "stayed"},
        "dissolved",
        "28 U.S.C. 1292(a)(1)",
        "The judge dissolves the injunction, for example because the policy is gone; the "
        "order dissolving it can itself be appealed.",
        effects=("appealable_order",),
    ),
)

RULES: tuple[Rule, ...] = (*TRO_RULES, *INJUNCTION_RULES)

"""Emergency relief in the trial court: restraining orders and preliminary injunctions (FRCP 65)."""

from __future__ import annotations

import datetime

import attrs

from simulator.law.authorities import (
    CASA,
    INJUNCTION_AGAIN,
    OPEN_MOTION,
    RELIEF_LIVE,
    SAMPSON,
    TRO_AGAIN,
    TRUMP_V_CASA,
    WINTER,
)
from simulator.law.model import Rule

__all__ = ["RULES"]

TRO_RULES: tuple[Rule, ...] = (
    Rule(
        id="tro.move",
        event="motion_filed",
        slot="tro",
        sources=TRO_AGAIN,
        target="moved",
        citation="FRCP 65(b)",
        explanation=(
            "The plaintiffs ask for a temporary restraining order: a short emergency order that "
            "holds things as they are until the court can hear a preliminary injunction."
        ),
        qualifier="tro",
        guards=("case_open",),
    ),
    Rule(
        id="tro.brief",
        event="brief_filed",
        slot="tro",
        sources=OPEN_MOTION,
        target="contested",
        citation="FRCP 7(b)(1)",
        explanation=(
            "A party files a brief on the restraining-order motion; the government has had "
            "notice of it."
        ),
        qualifier="tro",
        guards=("case_open", "answering_brief"),
    ),
    Rule(
        id="tro.brief.movant",
        event="brief_filed",
        slot="tro",
        sources={"moved"},
        target="moved",
        citation="FRCP 7(b)(1)",
        explanation=(
            "The plaintiffs file a further brief on their own motion; it does not show that the "
            "government has notice, so the motion stays one heard from one side only."
        ),
        qualifier="tro",
        guards=("case_open", "movants_brief"),
    ),
    Rule(
        id="tro.hear",
        event="hearing_held",
        slot="tro",
        sources=OPEN_MOTION,
        target="contested",
        citation="FRCP 65(b); FRCP 78(a)",
        explanation="The judge hears the parties on the motion for a restraining order.",
        qualifier="tro",
        guards=("case_open",),
    ),
    Rule(
        id="tro.grant.ex_parte",
        event="tro_granted",
        slot="tro",
        sources={"moved"},
        target="in_force",
        citation="FRCP 65(b)(1)",
        explanation=(
            "The judge grants a restraining order without hearing the other side, which the rule "
            "allows only when immediate, irreparable harm would come first; it lasts a few days."
        ),
        guards=(
            "case_open",
            "live_controversy",
            "something_to_restrain",
            "fixed_term",
            "tro_within_limit",
        ),
        effects=("start_tro",),
        decision="tro",
    ),
    Rule(
        id="tro.grant",
        event="tro_granted",
        slot="tro",
        sources={"contested"},
        target="in_force",
        citation="FRCP 65(b)",
        explanation=(
            "With the government on notice and heard (by a brief or at a hearing), the judge "
            "grants a short restraining order that holds things as they are until a preliminary "
            "injunction can be decided."
        ),
        guards=(
            "case_open",
            "live_controversy",
            "something_to_restrain",
            "fixed_term",
            "tro_within_limit",
        ),
        effects=("start_tro", "tro_on_notice"),
        decision="tro",
    ),
    Rule(
        id="tro.grant.until_further_order",
        event="tro_granted",
        slot="tro",
        sources={"contested"},
        target="in_force",
        citation=f"FRCP 65(b); {SAMPSON}; Washington v. Trump, 847 F.3d 1151, 1158 (9th Cir. 2017)",
        explanation=(
            "After notice and a hearing the judge grants a restraining order to run until "
            "further order, with no end date. Because it was contested and has no end within "
            "the rule's limit, it works as a preliminary injunction, and the government can "
            "appeal it at once."
        ),
        guards=(
            "case_open",
            "live_controversy",
            "something_to_restrain",
            "tro_until_further_order",
        ),
        effects=("start_tro", "tro_on_notice", "appealable_order"),
        decision="tro",
    ),
    Rule(
        id="tro.deny",
        event="tro_denied",
        slot="tro",
        sources=OPEN_MOTION,
        target="denied",
        citation="FRCP 65(b)",
        explanation=(
            "The judge refuses the restraining order; the policy stays in force for now. A refused"
            " restraining order ordinarily cannot be appealed."
        ),
        decision="tro",
        guards=("case_open",),
    ),
    Rule(
        id="tro.extend",
        event="tro_extended",
        slot="tro",
        sources={"in_force"},
        target="in_force",
        citation="FRCP 65(b)(2)",
        explanation=(
            "For good cause the judge extends the restraining order once, for a like period; "
            "with the other side's consent, for longer or again."
        ),
        guards=("tro_not_extended", "tro_extension_limit"),
        effects=("extend_tro",),
    ),
    Rule(
        id="tro.dissolve",
        event="tro_dissolved",
        slot="tro",
        sources={"in_force"},
        target="dissolved",
        citation="FRCP 65(b)(4)",
        explanation="On the other side's motion the judge dissolves the restraining order.",
    ),
)

_GRANT = (
    "After notice to the government, the judge stops the policy until the case is decided, "
    "finding that the plaintiffs are likely to win, would suffer irreparable harm without it, "
    "and that the balance of equities and the public interest favor them. (In the Ninth "
    "Circuit, serious questions going to the merits are enough when the balance of hardships "
    "tips sharply toward the plaintiffs and the other two tests are met.)"
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
    ("case_open", "live_controversy", "something_to_restrain"),
    ("appealable_order", "record_scope"),
)
_WIDENED = _Way(
    "widen",
    frozenset({"widening"}),
    "The judge extends the preliminary injunction to parts of the policy it did not yet "
    "cover, on the same findings.",
    ("case_open", "live_controversy", "something_to_restrain"),
    ("appealable_order", "widen_scope"),
    "FRCP 65(d)(1)(C)",
)
_MODIFIED = _Way(
    "modify",
    frozenset({"modifying"}),
    "While the appeal of its injunction is pending, and that injunction is paused in part by a "
    "stay, the judge grants a new one in its place, here for a class the court has certified.",
    ("case_open", "live_controversy", "something_to_restrain"),
    ("appealable_order", "record_scope"),
    "FRCP 62(d); FRCP 62.1",
)
_CONVERTED = _Way(
    "convert",
    frozenset({"none"}),
    "The judge turns a restraining order granted after notice and a hearing into a "
    "preliminary injunction, here on the parties' stipulation, without a new motion: the "
    "government has already been heard.",
    ("case_open", "live_controversy", "something_to_restrain", "tro_heard"),
    ("appealable_order", "record_scope"),
    SAMPSON,
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
        id=f"injunction.{way.verb}.{scope}",
        event="injunction_granted",
        slot="injunction",
        sources=way.sources,
        target="in_force",
        citation=f"{citation}; {way.authority}" if way.authority else citation,
        explanation=f"{way.explanation} {whom}",
        qualifier=scope,
        # relief for a class needs the class certified first (FRCP 23(c)(1))
        guards=(*way.guards, "class_certified") if scope == "class" else way.guards,
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
            "It protects a class the court has certified, at least provisionally.",
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
        id="injunction.move.widen",
        event="motion_filed",
        slot="injunction",
        sources={"in_force"},
        target="widening",
        citation="FRCP 65(a); FRCP 65(d)(1)(C)",
        explanation=(
            "The plaintiffs ask the judge to extend the preliminary injunction to the parts of the"
            " policy it does not yet cover; the injunction already granted stays in force."
        ),
        qualifier="preliminary_injunction",
        guards=("case_open", "partly_covered"),
    ),
    Rule(
        id="injunction.brief.widen",
        event="brief_filed",
        slot="injunction",
        sources={"widening"},
        target="widening",
        citation="FRCP 65(a)(1); FRCP 7(b)(1)",
        explanation="A party files a brief on the motion to extend the injunction.",
        qualifier="preliminary_injunction",
        guards=("case_open",),
    ),
    Rule(
        id="injunction.hear.widen",
        event="hearing_held",
        slot="injunction",
        sources={"widening"},
        target="widening",
        citation="FRCP 65(a)(1); FRCP 78(a)",
        explanation="The judge hears both sides on extending the injunction.",
        qualifier="preliminary_injunction",
        guards=("case_open",),
    ),
    *_scopes(_WIDENED),
    Rule(
        id="injunction.deny.widen",
        event="injunction_denied",
        slot="injunction",
        sources={"widening"},
        target="in_force",
        citation="FRCP 65(a); 28 U.S.C. 1292(a)(1)",
        explanation=(
            "The judge refuses to extend the injunction; what it already covers stays enjoined, "
            "and the refusal can be appealed."
        ),
        effects=("appealable_order",),
        decision="injunction",
        guards=("case_open",),
    ),
    Rule(
        id="injunction.move.modify",
        event="motion_filed",
        slot="injunction",
        sources={"partly_stayed"},
        target="modifying",
        citation="FRCP 62(d); FRCP 65(a)",
        explanation=(
            "With the injunction on appeal and paused in part by a stay, the plaintiffs ask the "
            "judge to modify it or grant a new one (for example, for a class); the injunction "
            "stays as it is while the motion is pending."
        ),
        qualifier="preliminary_injunction",
        guards=("case_open",),
    ),
    Rule(
        id="injunction.brief.modify",
        event="brief_filed",
        slot="injunction",
        sources={"modifying"},
        target="modifying",
        citation="FRCP 7(b)(1)",
        explanation="A party files a brief on the motion to modify the injunction.",
        qualifier="preliminary_injunction",
        guards=("case_open",),
    ),
    Rule(
        id="injunction.hear.modify",
        event="hearing_held",
        slot="injunction",
        sources={"modifying"},
        target="modifying",
        citation="FRCP 78(a)",
        explanation="The judge hears the parties on the motion to modify the injunction.",
        qualifier="preliminary_injunction",
        guards=("case_open",),
    ),
    *_scopes(_MODIFIED),
    Rule(
        id="injunction.deny.modify",
        event="injunction_denied",
        slot="injunction",
        sources={"modifying"},
        target="partly_stayed",
        citation="FRCP 62(d); 28 U.S.C. 1292(a)(1)",
        explanation=(
            "The judge refuses to modify the injunction; it stays as it was, paused in part by "
            "the stay, and the refusal can be appealed."
        ),
        effects=("appealable_order",),
        decision="injunction",
        guards=("case_open",),
    ),
)

INJUNCTION_RULES: tuple[Rule, ...] = (
    Rule(
        id="injunction.move",
        event="motion_filed",
        slot="injunction",
        sources=INJUNCTION_AGAIN | OPEN_MOTION,
        target="moved",
        citation="FRCP 65(a)",
        explanation=(
            "The plaintiffs ask for a preliminary injunction: an order stopping the policy until "
            "the case is decided. A renewed motion starts over."
        ),
        qualifier="preliminary_injunction",
        guards=("case_open",),
    ),
    Rule(
        id="injunction.brief",
        event="brief_filed",
        slot="injunction",
        sources=OPEN_MOTION,
        target="contested",
        citation="FRCP 65(a)(1); FRCP 7(b)(1)",
        explanation=(
            "A party files a brief on the motion for a preliminary injunction. A judge may grant "
            "one only on notice to the government (FRCP 65(a)(1)); here the record takes the "
            "brief as showing that the government knows of the motion and can answer it."
        ),
        qualifier="preliminary_injunction",
        guards=("case_open", "answering_brief"),
    ),
    Rule(
        id="injunction.notice",
        event="notice_given",
        slot="injunction",
        sources={"moved"},
        target="contested",
        citation="FRCP 65(a)(1); FRCP 5(b)",
        explanation=(
            "The record shows that the government was given notice of the motion for a "
            "preliminary injunction (served with it, or told of it by the court), so the judge "
            "may rule on it once the government has had a fair chance to answer."
        ),
        qualifier="preliminary_injunction",
        guards=("case_open",),
    ),
    Rule(
        id="injunction.brief.movant",
        event="brief_filed",
        slot="injunction",
        sources={"moved"},
        target="moved",
        citation="FRCP 7(b)(1)",
        explanation=(
            "The plaintiffs file a further brief on their own motion; it does not show that the "
            "government has notice, so no preliminary injunction can issue yet (FRCP 65(a)(1))."
        ),
        qualifier="preliminary_injunction",
        guards=("case_open", "movants_brief"),
    ),
    Rule(
        id="injunction.hear",
        event="hearing_held",
        slot="injunction",
        sources=OPEN_MOTION,
        target="contested",
        citation="FRCP 65(a)(1); FRCP 78(a)",
        explanation="The judge hears both sides on the motion for a preliminary injunction.",
        qualifier="preliminary_injunction",
        guards=("case_open",),
    ),
    *_scopes(_FRESH),
    *_scopes(_CONVERTED),
    Rule(
        id="injunction.deny",
        event="injunction_denied",
        slot="injunction",
        sources=OPEN_MOTION,
        target="denied",
        citation="FRCP 65(a); 28 U.S.C. 1292(a)(1)",
        explanation=(
            "The judge refuses the preliminary injunction; the policy stays in force, and the "
            "plaintiffs can appeal the refusal at once."
        ),
        effects=("appealable_order",),
        decision="injunction",
        guards=("case_open",),
    ),
    Rule(
        id="injunction.dissolve",
        event="injunction_dissolved",
        slot="injunction",
        sources=RELIEF_LIVE | {"stayed"},
        target="dissolved",
        citation="28 U.S.C. 1292(a)(1)",
        explanation=(
            "The judge dissolves the injunction, for example because the policy is gone; the order"
            " dissolving it can itself be appealed."
        ),
        effects=("appealable_order",),
    ),
)

RULES: tuple[Rule, ...] = (*TRO_RULES, *INJUNCTION_RULES, *WIDENING_RULES)

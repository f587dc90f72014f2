"""The appeal to the court of appeals (FRAP 3, 4, 34, 42; 28 U.S.C. 1292, 2106)."""

from __future__ import annotations

from simulator.law.authorities import (
    FRAP,
    FRAP_IN_FORCE,
    LANDIS,
    MOOTNESS,
    MUNSINGWEAR,
    ON_APPEAL,
)
from simulator.law.model import Rule

__all__ = ["RULES"]


def _decided(verb: str, disposition: str, what: str) -> Rule:
    """A judgment of the court of appeals; the dispositions differ only in what they do."""
    return Rule(
        id=f"appeal.{verb}",
        event="appeal_decided",
        slot="appeal",
        sources={"pending", "argued"},
        target="decided",
        citation="28 U.S.C. 2106; FRAP 36",
        explanation=f"The court of appeals decides the appeal and enters judgment: it {what}",
        qualifier=disposition,
        guards=("order_below", "live_controversy"),
        effects=("appeal_judgment", "close_appeal_motions"),
        decision="appeal",
    )


def _reviewed(verb: str, disposition: str, what: str) -> Rule:
    """The court of appeals' judgment on a petition for review, where it is the first court."""
    return Rule(
        id=f"review.{verb}",
        event="appeal_decided",
        slot="appeal",
        sources={"pending", "argued"},
        target="decided",
        citation="FRAP 15(a); FRAP 36; 28 U.S.C. 2106",
        explanation=(
            f"The court of appeals decides the petition for review and enters judgment: {what}"
        ),
        qualifier=disposition,
        guards=("original_review", "live_controversy"),
        effects=("appeal_judgment", "close_appeal_motions"),
        decision="appeal",
    )


#: Notices of appeal before the appellate rules of 1968, and a second notice
#: while the first appeal is pending.
NOTICE_RULES: tuple[Rule, ...] = (
    Rule(
        id="appeal.notice",
        event="notice_of_appeal_filed",
        slot="appeal",
        sources={"none", "decided", "dismissed"},
        target="pending",
        citation="FRAP 3(a)(1); FRAP 4(a)(1); 28 U.S.C. 1292(a)(1)",
        explanation=(
            "The losing side appeals to the court of appeals. Orders granting or refusing an "
            "injunction can be appealed at once, before the case ends."
        ),
        guards=("appealable_order", "appeal_in_time"),
        effects=("take_appeal",),
        valid_from=FRAP_IN_FORCE,
    ),
    Rule(
        id="appeal.notice.before_frap",
        event="notice_of_appeal_filed",
        slot="appeal",
        sources={"none", "decided", "dismissed"},
        target="pending",
        citation="FRCP 73(a) (1946); 28 U.S.C. 1292(1) (1948); 28 U.S.C. 2107 (1948)",
        explanation=(
            "The losing side appeals to the court of appeals by a notice filed in the trial court;"
            " orders granting or refusing an injunction can be appealed at once."
        ),
        guards=("appealable_order", "appeal_in_time"),
        effects=("take_appeal",),
        valid_until=FRAP_IN_FORCE,
        superseded_by=FRAP,
    ),
    Rule(
        id="appeal.notice.join",
        event="notice_of_appeal_filed",
        slot="appeal",
        sources={"pending", "abeyance"},
        target="pending",
        citation="FRAP 3(b)(2); 28 U.S.C. 1292(a)(1)",
        explanation=(
            "The losing side appeals a later order while its first appeal is pending; the court of"
            " appeals joins the two appeals and hears them together."
        ),
        guards=("appealable_order", "appeal_in_time"),
        effects=("take_appeal",),
        valid_from=FRAP_IN_FORCE,
    ),
    Rule(
        id="appeal.notice.join.argued",
        event="notice_of_appeal_filed",
        slot="appeal",
        sources={"argued"},
        target="argued",
        citation="FRAP 3(b)(2); 28 U.S.C. 1292(a)(1)",
        explanation=(
            "The losing side appeals a later order after its first appeal has been argued; the "
            "court of appeals may take the new appeal with the one awaiting its decision."
        ),
        guards=("appealable_order", "appeal_in_time"),
        effects=("take_appeal",),
        valid_from=FRAP_IN_FORCE,
    ),
)


RULES: tuple[Rule, ...] = (
    *NOTICE_RULES,
    Rule(
        id="review.petition",
        event="petition_for_review_filed",
        slot="appeal",
        sources={"none"},
        target="pending",
        citation="FRAP 15(a)(1); 28 U.S.C. 2342; Pub. L. 118-50, div. H, sec. 3",
        explanation=(
            "Where a statute sends challenges straight to a court of appeals, the challengers "
            "petition it for review: there is no trial court, and the court of appeals is the "
            "first court to hear the case."
        ),
        guards=("policy_exists", "no_order_below"),
        effects=("open_review",),
    ),
    Rule(
        id="appeal.abeyance",
        event="appeal_held_in_abeyance",
        slot="appeal",
        sources={"pending", "argued"},
        target="abeyance",
        citation=LANDIS,
        explanation="The court of appeals pauses the appeal, here at the parties' joint request.",
    ),
    Rule(
        id="appeal.resume",
        event="appeal_resumed",
        slot="appeal",
        sources={"abeyance"},
        target="pending",
        citation=LANDIS,
        explanation="The court of appeals takes the appeal out of abeyance.",
    ),
    Rule(
        id="appeal.argue",
        event="appeal_argued",
        slot="appeal",
        sources={"pending"},
        target="argued",
        citation="FRAP 34",
        explanation="Lawyers for both sides argue the appeal before a panel of three judges.",
    ),
    _decided("affirm", "affirmed", "affirms, leaving the order appealed from in place."),
    _decided("reverse", "reversed", "reverses the order appealed from."),
    _decided("vacate", "vacated", "vacates the order appealed from, wiping it out."),
    _decided("remand", "remanded", "sends the case back to the trial court to do more."),
    _reviewed("deny", "petition_denied", "it denies the petition, upholding the law."),
    _reviewed("grant", "petition_granted", "it grants the petition and holds the law invalid."),
    Rule(
        id="appeal.dismiss.voluntary",
        event="appeal_dismissed",
        slot="appeal",
        sources=ON_APPEAL,
        target="dismissed",
        citation="FRAP 42(b)",
        explanation=(
            "The appellant drops its appeal, alone or by agreement; the order appealed from stands."
        ),
        qualifier="voluntary",
        effects=("close_appeal_motions",),
        decision="appeal",
    ),
    Rule(
        id="appeal.dismiss.moot",
        event="appeal_dismissed",
        slot="appeal",
        sources=ON_APPEAL,
        target="dismissed",
        citation=MOOTNESS,
        explanation=(
            "The court of appeals dismisses the appeal as moot: the policy is gone, so its "
            "decision could change nothing."
        ),
        qualifier="moot",
        guards=("cessation",),
        effects=("hold_moot", "close_appeal_motions"),
        decision="appeal",
    ),
    Rule(
        id="appeal.vacate.moot",
        event="vacated_as_moot",
        slot="appeal",
        sources=ON_APPEAL,
        target="dismissed",
        citation=MUNSINGWEAR,
        explanation=(
            "The appeal has become moot, so the court of appeals dismisses it and vacates the "
            "injunction below, so that a ruling nobody can now appeal binds no one later."
        ),
        court="appeals",
        guards=("cessation",),
        effects=("hold_moot", "vacate_relief", "close_appeal_motions"),
        decision="appeal",
    ),
)

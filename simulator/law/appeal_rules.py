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
        f"appeal.{verb}",
        "appeal_decided",
        "appeal",
        {"pending", "argued"},
        "decided",
        "28 U.S.C. 2106; FRAP 36",
        f"The court of appeals decides the appeal and enters judgment: it {what}",
        qualifier=disposition,
        guards=("order_below",),
        effects=("appeal_judgment", "close_appeal_motions"),
        decision="appeal",
    )


def _reviewed(verb: str, disposition: str, what: str) -> Rule:
    """The court of appeals' judgment on a petition for review, where it is the first court."""
    return Rule(
        f"review.{verb}",
        "appeal_decided",
        "appeal",
        {"pending", "argued"},
        "decided",
        "FRAP 15(a); FRAP 36; 28 U.S.C. 2106",
        f"The court of appeals decides the petition for review and enters judgment: {what}",
        qualifier=disposition,
        guards=("original_review",),
        effects=("appeal_judgment", "close_appeal_motions"),
        decision="appeal",
    )


#: Notices of appeal before the appellate rules of 1968, and a second notice
#: while the first appeal is pending.
NOTICE_RULES: tuple[Rule, ...] = (
    Rule(
        "appeal.notice",
        "notice_of_appeal_filed",
        "appeal",
        {"none", "decided", "dismissed"},
        "pending",
        "FRAP 3(a)(1); FRAP 4(a)(1); 28 U.S.C. 1292(a)(1)",
        "The losing side appeals to the court of appeals. Orders granting or refusing an "
        "injunction can be appealed at once, before the case ends.",
        guards=("appealable_order", "appeal_in_time"),
        effects=("take_appeal",),
        valid_from=FRAP_IN_FORCE,
    ),
    Rule(
        "appeal.notice.before_frap",
        "notice_of_appeal_filed",
        "appeal",
        {"none", "decided", "dismissed"},
        "pending",
        "FRCP 73(a) (1946); 28 U.S.C. 1292(1) (1948); 28 U.S.C. 2107 (1948)",
        "The losing side appeals to the court of appeals by a notice filed in the trial "
        "court; orders granting or refusing an injunction can be appealed at once.",
        guards=("appealable_order", "appeal_in_time"),
        effects=("take_appeal",),
        valid_until=FRAP_IN_FORCE,
        superseded_by=FRAP,
    ),
    Rule(
        "appeal.notice.join",
        "notice_of_appeal_filed",
        "appeal",
        {"pending", "abeyance"},
        "pending",
        "FRAP 3(b)(2); 28 U.S.C. 1292(a)(1)",
        "The losing side appeals a later order while its first appeal is pending; the court "
        "of appeals joins the two appeals and hears them together.",
        guards=("appealable_order", "appeal_in_time"),
        effects=("take_appeal",),
        valid_from=FRAP_IN_FORCE,
    ),
    Rule(
        "appeal.notice.join.argued",
        "notice_of_appeal_filed",
        "appeal",
        {"argued"},
        "argued",
        "FRAP 3(b)(2); 28 U.S.C. 1292(a)(1)",
        "The losing side appeals a later order after its first appeal has been argued; the "
        "court of appeals may take the new appeal with the one awaiting its decision.",
        guards=("appealable_order", "appeal_in_time"),
        effects=("take_appeal",),
        valid_from=FRAP_IN_FORCE,
    ),
)


RULES: tuple[Rule, ...] = (
    *NOTICE_RULES,
    Rule(
        "review.petition",
        "petition_for_review_filed",
        "appeal",
        {"none"},
        "pending",
        "FRAP 15(a)(1); 28 U.S.C. 2342; Pub. L. 118-50, div. H, sec. 3",
        "Where a statute sends challenges straight to a court of appeals, the challengers "
        "petition it for review: there is no trial court, and the court of appeals is the "
        "first court to hear the case.",
        guards=("policy_exists", "no_order_below"),
        effects=("open_review",),
    ),
    Rule(
        "appeal.abeyance",
        "appeal_held_in_abeyance",
        "appeal",
        {"pending", "argued"},
        "abeyance",
        LANDIS,
        "The court of appeals pauses the appeal, here at the parties' joint request.",
    ),
    Rule(
        "appeal.resume",
        "appeal_resumed",
        "appeal",
        {"abeyance"},
        "pending",
        LANDIS,
        "The court of appeals takes the appeal out of abeyance.",
    ),
    Rule(
        "appeal.argue",
        "appeal_argued",
        "appeal",
        {"pending"},
        "argued",
        "FRAP 34",
        "Lawyers for both sides argue the appeal before a panel of three judges.",
    ),
    _decided("affirm", "affirmed", "affirms, leaving the order appealed from in place."),
    _decided("reverse", "reversed", "reverses the order appealed from."),
    _decided("vacate", "vacated", "vacates the order appealed from, wiping it out."),
    _decided("remand", "remanded", "sends the case back to the trial court to do more."),
    _reviewed("deny", "petition_denied", "it denies the petition, upholding the law."),
    _reviewed("grant", "petition_granted", "it grants the petition and holds the law invalid."),
    Rule(
        "appeal.dismiss.voluntary",
        "appeal_dismissed",
        "appeal",
        ON_APPEAL,
        "dismissed",
        "FRAP 42(b)",
        "The appellant drops its appeal, alone or by agreement; the order appealed from stands.",
        qualifier="voluntary",
        effects=("close_appeal_motions",),
        decision="appeal",
    ),
    Rule(
        "appeal.dismiss.moot",
        "appeal_dismissed",
        "appeal",
        ON_APPEAL,
        "dismissed",
        MOOTNESS,
        "The court of appeals dismisses the appeal as moot: the policy is gone, so its "
        "decision could change nothing.",
        qualifier="moot",
        guards=("is_moot",),
        effects=("close_appeal_motions",),
        decision="appeal",
    ),
    Rule(
        "appeal.vacate.moot",
        "vacated_as_moot",
        "appeal",
        ON_APPEAL,
        "dismissed",
        MUNSINGWEAR,
        "The appeal has become moot, so the court of appeals dismisses it and vacates the "
        "injunction below, so that a ruling nobody can now appeal binds no one later.",
        court="appeals",
        guards=("is_moot",),
        effects=("vacate_relief", "close_appeal_motions"),
        decision="appeal",
    ),
)

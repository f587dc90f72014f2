"""The appeal to the court of appeals (FRAP 3, 4, 34, 42; 28 U.S.C. 1292, 2106)."""

from __future__ import annotations

from simulator.law.authorities import (
    BONNER_MALL,
    CHENEY,
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
        guards=("order_below", "live_controversy", "relief_named_only_in_part"),
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


#: Other ways into the court of appeals before a final judgment: an appeal by permission of a
#: certified order (28 U.S.C. 1292(b); FRAP 5), and the writ of mandamus (28 U.S.C. 1651(a)).
DISCRETIONARY_RULES: tuple[Rule, ...] = (
    Rule(
        id="permission.certify",
        event="interlocutory_appeal_certified",
        slot="permission",
        sources={"none", "denied"},
        target="certified",
        citation="28 U.S.C. 1292(b)",
        explanation=(
            "The trial judge certifies that the order involves a controlling question of law on "
            "which there is substantial ground for difference of opinion, and that an immediate "
            "appeal may materially advance the end of the case."
        ),
        guards=("case_open", "order_not_otherwise_appealable"),
        effects=("record_certification",),
    ),
    Rule(
        id="permission.petition",
        event="permission_to_appeal_filed",
        slot="permission",
        sources={"certified"},
        target="petition",
        citation="28 U.S.C. 1292(b); FRAP 5(a)",
        explanation=(
            "The party that lost the certified order asks the court of appeals, within 10 days, "
            "to allow an appeal now."
        ),
        guards=("permission_sought_in_time",),
    ),
    Rule(
        id="permission.grant",
        event="permission_to_appeal_granted",
        slot="permission",
        sources={"petition"},
        target="granted",
        citation="28 U.S.C. 1292(b); FRAP 5(d)",
        explanation=(
            "The court of appeals, in its discretion, agrees to hear the appeal of the certified "
            "order before the case ends."
        ),
        effects=("hear_by_permission",),
    ),
    Rule(
        id="permission.deny",
        event="permission_to_appeal_denied",
        slot="permission",
        sources={"petition"},
        target="denied",
        citation="28 U.S.C. 1292(b)",
        explanation=(
            "The court of appeals declines to hear the appeal now; the order can be reviewed "
            "after the final judgment."
        ),
    ),
    Rule(
        id="mandamus.petition",
        event="mandamus_petition_filed",
        slot="mandamus",
        sources={"none", "denied"},
        target="petition",
        citation="28 U.S.C. 1651(a); FRAP 21(a)",
        explanation=(
            "A party asks the court of appeals for a writ of mandamus ordering the trial court to "
            "do, or to undo, something: a drastic remedy for a clear abuse of discretion, when no "
            "other adequate means of relief exists."
        ),
        court="appeals",
        guards=("in_trial_court", "case_open"),
    ),
    Rule(
        id="mandamus.grant",
        event="mandamus_granted",
        slot="mandamus",
        sources={"petition"},
        target="granted",
        citation=f"28 U.S.C. 1651(a); {CHENEY}",
        explanation=(
            "The court of appeals issues the writ: the party showed a clear and indisputable right "
            "to it and no other adequate means of relief, and the writ is appropriate."
        ),
        court="appeals",
    ),
    Rule(
        id="mandamus.deny",
        event="mandamus_denied",
        slot="mandamus",
        sources={"petition"},
        target="denied",
        citation=f"28 U.S.C. 1651(a); {CHENEY}",
        explanation="The court of appeals refuses the writ; the case goes on below.",
        court="appeals",
    ),
)


#: After the judgment: rehearing by the panel or the whole court, and the mandate that
#: makes the judgment take effect (FRAP 35, 40, 41).
MANDATE_RULES: tuple[Rule, ...] = (
    Rule(
        id="rehearing.petition",
        event="rehearing_petition_filed",
        slot="rehearing",
        sources={"none"},
        target="petition",
        citation="FRAP 40(a); FRAP 35(b) (before Dec. 1, 2024)",
        explanation=(
            "The losing side asks the panel to rehear the appeal, or the whole court to rehear "
            "it en banc; the mandate waits until the petition is decided."
        ),
        qualifier="panel",
        guards=("appeal_decided", "rehearing_in_time"),
    ),
    Rule(
        id="rehearing.petition.en_banc",
        event="rehearing_petition_filed",
        slot="rehearing",
        sources={"none"},
        target="petition",
        citation="FRAP 40(b)(2); FRAP 35(b) (before Dec. 1, 2024)",
        explanation=(
            "The losing side asks all the active judges of the court of appeals to rehear the "
            "case en banc, because the panel's decision conflicts with precedent or the case is "
            "of exceptional importance. Rehearing en banc is not favored."
        ),
        qualifier="en_banc",
        guards=("appeal_decided", "rehearing_in_time"),
    ),
    Rule(
        id="rehearing.deny",
        event="rehearing_denied",
        slot="rehearing",
        sources={"none", "petition"},
        target="denied",
        citation="FRAP 40; S. Ct. R. 13.3",
        explanation=(
            "The court of appeals refuses to rehear the case (on a petition, or after a judge "
            "called for a vote on its own). The time to seek certiorari now runs from this "
            "order."
        ),
        guards=("appeal_decided",),
        effects=("record_rehearing_denial",),
    ),
    Rule(
        id="rehearing.grant",
        event="rehearing_granted",
        slot="rehearing",
        sources={"none", "petition"},
        target="granted",
        citation="FRAP 40(a)(4) (2017); FRAP 40(d) (2024)",
        explanation=(
            "The panel agrees to reconsider its decision; the appeal is open again until it "
            "decides anew."
        ),
        qualifier="panel",
        guards=("appeal_decided",),
        effects=("rehear",),
    ),
    Rule(
        id="rehearing.grant.en_banc",
        event="rehearing_granted",
        slot="rehearing",
        sources={"none", "petition"},
        target="granted",
        citation="28 U.S.C. 46(c); FRAP 35(a) (before Dec. 1, 2024); FRAP 40(c)",
        explanation=(
            "A majority of the court's active judges votes to rehear the case en banc, on a "
            "petition or on a judge's own call; the panel's judgment no longer stands, and the "
            "whole court will decide the appeal."
        ),
        qualifier="en_banc",
        guards=("appeal_decided",),
        effects=("rehear",),
    ),
    Rule(
        id="indicative.remand",
        event="limited_remand",
        slot="indicative",
        sources={"stated"},
        target="remanded",
        citation="FRAP 12.1(b); FRCP 62.1(c)",
        explanation=(
            "The court of appeals sends the case back to the trial court so it can make the ruling "
            "it said it would make, and keeps the appeal."
        ),
        guards=("appeal_on_review",),
    ),
    Rule(
        id="mandate.stay",
        event="mandate_stayed",
        slot="mandate",
        sources={"none"},
        target="stayed",
        citation="FRAP 41(d)",
        explanation=(
            "On a party's motion the court of appeals holds back its mandate while that party "
            "asks the Supreme Court for certiorari; its judgment does not yet take effect."
        ),
        guards=("appeal_decided", "no_rehearing_pending"),
    ),
    Rule(
        id="mandate.issue",
        event="mandate_issued",
        slot="mandate",
        sources={"none", "stayed"},
        target="issued",
        citation="FRAP 41(b), (c)",
        explanation=(
            "The court of appeals sends its mandate to the trial court, seven days after the time "
            "for rehearing ends or rehearing is denied, and its judgment takes effect: an "
            "injunction it reversed ends, a dismissal it reversed sends the case back for trial, "
            "and any stay pending appeal ends."
        ),
        guards=("appeal_decided", "no_rehearing_pending"),
        effects=("apply_mandate",),
    ),
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
        guards=(
            "appeal_to_court_of_appeals",
            "appealable_order",
            "appeal_in_time",
            "aggrieved_party",
        ),
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
        guards=(
            "appeal_to_court_of_appeals",
            "appealable_order",
            "appeal_in_time",
            "aggrieved_party",
        ),
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
        guards=(
            "appeal_to_court_of_appeals",
            "appealable_order",
            "appeal_in_time",
            "aggrieved_party",
        ),
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
        guards=(
            "appeal_to_court_of_appeals",
            "appealable_order",
            "appeal_in_time",
            "aggrieved_party",
        ),
        effects=("take_appeal",),
        valid_from=FRAP_IN_FORCE,
    ),
)


RULES: tuple[Rule, ...] = (
    Rule(
        id="appeal.cross",
        event="notice_of_cross_appeal_filed",
        slot="appeal",
        sources={"pending", "abeyance"},
        target="pending",
        citation="FRAP 3(b)(2); FRAP 4(a)(3)",
        explanation=(
            "The other side appeals the same order too, because it also lost part of it: a "
            "cross-appeal, heard with the first appeal. It has 14 days after the first notice, "
            "or the time otherwise allowed, whichever ends later."
        ),
        guards=("appeal_to_court_of_appeals", "cross_appeal_allowed"),
        effects=("cross_appeal",),
        valid_from=FRAP_IN_FORCE,
    ),
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
    _decided(
        "reverse",
        "reversed",
        "reverses the order appealed from; when the mandate issues, an injunction it reversed "
        "ends and a dismissal it reversed sends the case back to the trial court.",
    ),
    _decided(
        "vacate",
        "vacated",
        "vacates the order appealed from: when the mandate issues, it no longer has any effect.",
    ),
    _decided("remand", "remanded", "sends the case back to the trial court to do more."),
    _decided(
        "affirm_in_part",
        "affirmed_in_part",
        "affirms the order in part and vacates or reverses it in part, sending the case back; "
        "what it upheld takes effect with the mandate.",
    ),
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
        effects=("hold_moot", "close_appeal_motions", "record_judgment_date"),
        decision="appeal",
    ),
    Rule(
        id="appeal.vacate.moot",
        event="vacated_as_moot",
        slot="appeal",
        sources=ON_APPEAL,
        target="dismissed",
        citation=f"{MUNSINGWEAR}; {BONNER_MALL}",
        explanation=(
            "The appeal has become moot through no fault of the party appealing, so the court of "
            "appeals dismisses it and vacates the injunction below, so that a ruling nobody can "
            "now appeal binds no one later. Vacatur is equitable: it weighs who caused the "
            "mootness."
        ),
        court="appeals",
        guards=("cessation", "vacatur_equitable"),
        effects=("hold_moot", "vacate_relief", "close_appeal_motions", "record_judgment_date"),
        decision="appeal",
    ),
    *MANDATE_RULES,
    *DISCRETIONARY_RULES,
)

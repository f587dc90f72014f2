"""The trial court: complaint, pauses, dismissal and judgment."""

from __future__ import annotations

from simulator.law.authorities import (
    BOWLES,
    CASA,
    HALL,
    LANDIS,
    MOOTNESS,
    NOT_STARTED,
    OPEN_MOTION,
    REOPENING,
)
from simulator.law.model import Rule

__all__ = ["RULES"]

RULES: tuple[Rule, ...] = (
    Rule(
        id="complaint.file",
        event="complaint_filed",
        slot="trial",
        sources=NOT_STARTED,
        target="pending",
        citation="FRCP 3; 28 U.S.C. 1331",
        explanation=(
            "The plaintiffs start a lawsuit by filing a complaint that asks a federal court to "
            "declare the policy unlawful and stop it."
        ),
        guards=("policy_exists", "in_trial_court"),
        effects=("record_parties",),
    ),
    Rule(
        id="complaint.supplement",
        event="complaint_amended",
        slot="trial",
        sources=NOT_STARTED,
        target="pending",
        citation="FRCP 15(a)(2); FRCP 15(d)",
        explanation=(
            "Plaintiffs already suing over an earlier action bring the new policy into their "
            "lawsuit with a supplemental complaint, instead of starting a new case."
        ),
        guards=("policy_exists", "in_trial_court"),
        effects=("record_parties",),
    ),
    Rule(
        id="complaint.amend",
        event="complaint_amended",
        slot="trial",
        sources={"pending"},
        target="pending",
        citation="FRCP 15(a); FRCP 15(d)",
        explanation=(
            "The plaintiffs amend their complaint (to add claims, parties or facts), or supplement "
            "it with what happened after they sued, such as a successor policy (FRCP 15(d)); the "
            "lawsuit goes on."
        ),
    ),
    Rule(
        id="dismiss.move",
        event="motion_filed",
        slot="dismissal",
        sources={"none", "denied", "partly_granted"},
        target="moved",
        citation="FRCP 12(b)",
        explanation=(
            "The defendants ask the court to dismiss the case without a trial: for want of "
            "jurisdiction or standing, or because the complaint states no claim the law "
            "recognizes."
        ),
        qualifier="dismiss",
        guards=("case_open",),
    ),
    Rule(
        id="dismiss.brief",
        event="brief_filed",
        slot="dismissal",
        sources=OPEN_MOTION,
        target="contested",
        citation="FRCP 7(b); FRCP 12(b)",
        explanation="A party files a brief on the motion to dismiss.",
        qualifier="dismiss",
        guards=("case_open",),
    ),
    Rule(
        id="dismiss.hear",
        event="hearing_held",
        slot="dismissal",
        sources=OPEN_MOTION,
        target="contested",
        citation="FRCP 78(a)",
        explanation="The judge hears the parties on the motion to dismiss.",
        qualifier="dismiss",
        guards=("case_open",),
    ),
    Rule(
        id="dismiss.deny",
        event="motion_to_dismiss_denied",
        slot="dismissal",
        sources=OPEN_MOTION,
        target="denied",
        citation="FRCP 12(b); FRCP 12(a)(4)(A)",
        explanation=(
            "The judge refuses to dismiss: the case goes on, and the defendants must answer the "
            "complaint. A denial is not a final decision, so it cannot be appealed yet."
        ),
        qualifier="full",
        guards=("case_open",),
        decision="dismissal",
    ),
    Rule(
        id="dismiss.grant_in_part",
        event="motion_to_dismiss_denied",
        slot="dismissal",
        sources=OPEN_MOTION,
        target="partly_granted",
        citation="FRCP 12(b); FRCP 54(b)",
        explanation=(
            "The judge dismisses some claims (or some defendants) and keeps the rest: the case "
            "goes on for what is left."
        ),
        qualifier="partial",
        guards=("case_open",),
        decision="dismissal",
    ),
    Rule(
        id="summary_judgment.move",
        event="motion_filed",
        slot="merits",
        sources={"none", "denied"},
        target="moved",
        citation="FRCP 56(a)",
        explanation=(
            "A party asks the court to decide the case without a trial, because the facts that "
            "matter are not in genuine dispute and the law favors it."
        ),
        qualifier="summary_judgment",
        guards=("case_open",),
    ),
    Rule(
        id="summary_judgment.brief",
        event="brief_filed",
        slot="merits",
        sources=OPEN_MOTION,
        target="contested",
        citation="FRCP 56(c)",
        explanation="A party files a brief on the motion for summary judgment.",
        qualifier="summary_judgment",
        guards=("case_open",),
    ),
    Rule(
        id="summary_judgment.hear",
        event="hearing_held",
        slot="merits",
        sources=OPEN_MOTION,
        target="contested",
        citation="FRCP 78(a)",
        explanation="The judge hears the parties on the motion for summary judgment.",
        qualifier="summary_judgment",
        guards=("case_open",),
    ),
    Rule(
        id="summary_judgment.deny",
        event="summary_judgment_denied",
        slot="merits",
        sources=OPEN_MOTION,
        target="denied",
        citation="FRCP 56(a)",
        explanation=(
            "The judge finds a genuine dispute of material fact (or that the law does not favor "
            "the motion): the case goes on toward trial."
        ),
        guards=("case_open",),
    ),
    Rule(
        id="post_judgment.move",
        event="motion_filed",
        slot="post_judgment",
        sources={"none", "decided"},
        target="moved",
        citation="FRCP 59(e); FRAP 4(a)(4)(A)(iv)",
        explanation=(
            "A party asks the trial court to alter or amend its final judgment. Filed in time, "
            "the motion holds the time to appeal for every party until the court decides it."
        ),
        qualifier="alter_judgment",
        guards=("post_judgment_motion_in_time",),
    ),
    Rule(
        id="post_judgment.decide",
        event="post_judgment_motion_decided",
        slot="post_judgment",
        sources={"moved"},
        target="decided",
        citation="FRAP 4(a)(4)(A)",
        explanation=(
            "The trial court decides the motion to alter or amend its judgment; the time to "
            "appeal starts again from this order."
        ),
        effects=("restart_appeal_time",),
    ),
    Rule(
        id="appeal_time.extend",
        event="appeal_time_extended",
        slot="time_extended",
        sources={"none", "appeal", "certiorari"},
        target="appeal",
        citation="FRAP 4(a)(5)",
        explanation=(
            "On a motion showing excusable neglect or good cause, the trial court gives a party "
            "more time to file its notice of appeal."
        ),
        guards=("appeal_extension_allowed",),
        effects=("extend_appeal_time",),
    ),
    Rule(
        id="appeal_time.reopen.move",
        event="motion_filed",
        slot="time_extended",
        sources={"none", "appeal", "certiorari"},
        target="reopening",
        citation="FRAP 4(a)(6); 28 U.S.C. 2107(c)",
        explanation=(
            "A party that was not told within 21 days that the order was entered asks the trial "
            "court to reopen the time to appeal it, within 180 days after the order."
        ),
        qualifier="reopen_time",
        guards=("reopening_motion_in_time",),
        valid_from=REOPENING,
    ),
    Rule(
        id="appeal_time.reopen",
        event="appeal_time_reopened",
        slot="time_extended",
        sources={"reopening"},
        target="reopened",
        citation=f"FRAP 4(a)(6); 28 U.S.C. 2107(c); {BOWLES}",
        explanation=(
            "The trial court finds that the party got no timely notice of the order and that no "
            "party would be prejudiced, and reopens the time to appeal for 14 days from its own "
            "order: not a day more, for the limit is the statute's and binds the court."
        ),
        effects=("reopen_appeal_time",),
        valid_from=REOPENING,
    ),
    Rule(
        id="cases.consolidate",
        event="cases_consolidated",
        slot="consolidation",
        sources={"none", "consolidated"},
        target="consolidated",
        citation=f"FRCP 42(a); {HALL}",
        explanation=(
            "The trial court joins lawsuits that share a question of law or fact, to hear or try "
            "them together. Each stays a lawsuit of its own: a judgment in one can be appealed "
            "though the others go on."
        ),
        guards=("case_open", "others_named"),
        effects=("record_consolidation",),
    ),
    Rule(
        id="cases.consolidate.appeals",
        event="cases_consolidated",
        slot="consolidation",
        sources={"none", "consolidated"},
        target="consolidated",
        citation=f"FRAP 3(b)(2); {HALL}",
        explanation=(
            "The court of appeals joins appeals, to brief, argue and decide them together; each "
            "remains its own appeal."
        ),
        court="appeals",
        guards=("appeal_pending", "others_named"),
        effects=("record_consolidation",),
    ),
    Rule(
        id="clerk.inaccessible",
        event="clerk_office_inaccessible",
        slot="clerk",
        sources={"none", "recorded"},
        target="recorded",
        citation="FRCP 6(a)(3); FRAP 26(a)(3)",
        explanation=(
            "The clerk's office could not be reached (a storm, a closed courthouse): a deadline "
            "whose last day falls then runs to the next day it can be, unless the court orders "
            "otherwise."
        ),
        guards=("closure_span",),
        effects=("record_inaccessibility",),
    ),
    Rule(
        id="clerk.inaccessible.appeals",
        event="clerk_office_inaccessible",
        slot="clerk",
        sources={"none", "recorded"},
        target="recorded",
        citation="FRAP 26(a)(3)",
        explanation=(
            "The clerk's office of the court of appeals could not be reached: a deadline for "
            "filing there whose last day falls then runs to the next day it can be."
        ),
        court="appeals",
        guards=("closure_span",),
        effects=("record_inaccessibility",),
    ),
    Rule(
        id="trial.hold",
        event="trial_held",
        slot="trial",
        sources={"pending"},
        target="pending",
        citation="FRCP 39(b); FRCP 52(a)(1)",
        explanation=(
            "The judge tries the case without a jury, hearing the witnesses and the evidence, and "
            "will find the facts and state the law in a decision."
        ),
        guards=("case_open",),
    ),
    Rule(
        id="class.move",
        event="motion_filed",
        slot="class_action",
        sources={"none", "denied"},
        target="moved",
        citation="FRCP 23(c)(1)(A)",
        explanation=(
            "The plaintiffs ask the court to let them sue for a whole class of people in the same "
            "situation, so that relief can protect all of them."
        ),
        qualifier="class_certification",
        guards=("case_open",),
    ),
    Rule(
        id="class.brief",
        event="brief_filed",
        slot="class_action",
        sources=OPEN_MOTION,
        target="contested",
        citation="FRCP 7(b); FRCP 23(c)",
        explanation="A party files a brief on the motion to certify a class.",
        qualifier="class_certification",
        guards=("case_open",),
    ),
    Rule(
        id="class.hear",
        event="hearing_held",
        slot="class_action",
        sources=OPEN_MOTION,
        target="contested",
        citation="FRCP 78(a)",
        explanation="The judge hears the parties on the motion to certify a class.",
        qualifier="class_certification",
        guards=("case_open",),
    ),
    Rule(
        id="class.certify",
        event="class_certified",
        slot="class_action",
        sources=OPEN_MOTION,
        target="certified",
        citation="FRCP 23(a); FRCP 23(b)(2); FRCP 23(c)(1)",
        explanation=(
            "The court certifies the class: the plaintiffs are numerous, share a common question, "
            "and represent the others fairly, and the government acted on grounds that apply to "
            "the whole class, so one injunction can protect them all."
        ),
        qualifier="full",
        guards=("case_open",),
    ),
    Rule(
        id="class.certify.provisional",
        event="class_certified",
        slot="class_action",
        sources={"moved", "contested"},
        target="provisional",
        citation=f"FRCP 23(c)(1)(C); {CASA}",
        explanation=(
            "To decide a motion for preliminary relief quickly, the court certifies the class "
            "provisionally; it can change or end the certification before the final judgment."
        ),
        qualifier="provisional",
        guards=("case_open",),
    ),
    Rule(
        id="class.deny",
        event="class_certification_denied",
        slot="class_action",
        sources=OPEN_MOTION,
        target="denied",
        citation="FRCP 23(c)(1)",
        explanation=(
            "The court refuses to certify the class: the case goes on for the named plaintiffs "
            "only."
        ),
        guards=("case_open",),
    ),
    Rule(
        id="indicative.state",
        event="indicative_ruling",
        slot="indicative",
        sources={"none"},
        target="stated",
        citation="FRCP 62.1(a)(3)",
        explanation=(
            "While an appeal is pending the trial court cannot change the order appealed from, "
            "but it can say that it would grant a motion (for example, to certify a class) if "
            "the court of appeals sent the case back for that purpose."
        ),
        guards=("appeal_on_review",),
    ),
    Rule(
        id="proceedings.stay",
        event="proceedings_stayed",
        slot="trial",
        sources={"pending"},
        target="stayed",
        citation=LANDIS,
        explanation=(
            "The trial court pauses the lawsuit, here at the parties' request, while something "
            "else happens first."
        ),
    ),
    Rule(
        id="proceedings.resume",
        event="proceedings_resumed",
        slot="trial",
        sources={"stayed"},
        target="pending",
        citation=LANDIS,
        explanation="The trial court lifts its pause and the lawsuit goes on.",
    ),
    Rule(
        id="case.dismiss.voluntary",
        event="case_dismissed",
        slot="trial",
        sources={"pending", "stayed"},
        target="dismissed",
        citation="FRCP 41(a)",
        explanation=(
            "The plaintiffs drop the case, alone early on or by agreement later; it ends without a"
            " decision on the merits."
        ),
        qualifier="voluntary",
        effects=("end_relief", "close_motions"),
    ),
    Rule(
        id="case.dismiss.moot",
        event="case_dismissed",
        slot="trial",
        sources={"pending", "stayed"},
        target="dismissed",
        citation=MOOTNESS,
        explanation=(
            "The court dismisses the case as moot: the challenged action is gone, so there is "
            "nothing left to decide."
        ),
        qualifier="moot",
        guards=("cessation",),
        effects=("hold_moot", "end_relief", "close_motions", "appealable_order"),
    ),
    Rule(
        id="case.dismiss.motion",
        event="case_dismissed",
        slot="trial",
        sources={"pending", "stayed"},
        target="dismissed",
        citation="FRCP 12(b); 28 U.S.C. 1291",
        explanation=(
            "The court grants the defendants' motion and dismisses the case; the plaintiffs can "
            "appeal that final decision."
        ),
        qualifier="motion",
        effects=("grant_dismissal", "end_relief", "close_motions", "appealable_order"),
    ),
    Rule(
        id="judgment.plaintiffs",
        event="judgment_entered",
        slot="trial",
        sources={"pending"},
        target="judgment",
        citation="FRCP 54(c); FRCP 58; 28 U.S.C. 1291; 5 U.S.C. 706(2)",
        explanation=(
            "The court decides the case for the plaintiffs (after a trial, or on summary "
            "judgment) and enters final judgment, which can be appealed. It may declare the "
            "policy unlawful, set an agency's action aside, send it back to the agency, or "
            "permanently enjoin it; a permanent injunction replaces any preliminary one."
        ),
        qualifier="plaintiffs",
        guards=("live_controversy", "final_relief_allowed"),
        effects=("final_judgment", "close_motions"),
    ),
    Rule(
        id="judgment.defendants",
        event="judgment_entered",
        slot="trial",
        sources={"pending"},
        target="judgment",
        citation="FRCP 58; 28 U.S.C. 1291",
        explanation=(
            "The court decides the case for the government and enters final judgment, which can be"
            " appealed; any injunction ends."
        ),
        qualifier="defendants",
        guards=("live_controversy", "final_relief_allowed"),
        effects=("final_judgment", "close_motions"),
    ),
)

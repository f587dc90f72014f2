"""The trial court: complaint, pauses, dismissal and judgment."""

from __future__ import annotations

from simulator.law.authorities import (
    LANDIS,
    MOOTNESS,
    NOT_STARTED,
)
from simulator.law.model import Rule

__all__ = ["RULES"]

RULES: tuple[Rule, ...] = (
    Rule(
        "complaint.file",
        "complaint_filed",
        "trial",
        NOT_STARTED,
        "pending",
        "FRCP 3; 28 U.S.C. 1331",
        "The plaintiffs start a lawsuit by filing a complaint that asks a federal court to "
        "declare the policy unlawful and stop it.",
        guards=("policy_exists", "in_trial_court"),
        effects=("record_parties",),
    ),
    Rule(
        "complaint.supplement",
        "complaint_amended",
        "trial",
        NOT_STARTED,
        "pending",
        "FRCP 15(a)(2); FRCP 15(d)",
        "Plaintiffs already suing over an earlier action bring the new policy into their "
        "lawsuit with a supplemental complaint, instead of starting a new case.",
        guards=("policy_exists", "in_trial_court"),
        effects=("record_parties",),
    ),
    Rule(
        "complaint.amend",
        "complaint_amended",
        "trial",
        {"pending"},
        "pending",
        "FRCP 15(a)",
        "The plaintiffs change their complaint, for example to challenge a new government action.",
    ),
    Rule(
        "dismiss.move",
        "motion_filed",
        "trial",
        {"pending"},
        "pending",
        "FRCP 12(b)",
        "The defendants ask the court to dismiss the case without a trial.",
        qualifier="dismiss",
    ),
    Rule(
        "proceedings.stay",
        "proceedings_stayed",
        "trial",
        {"pending"},
        "stayed",
        LANDIS,
        "The trial court pauses the lawsuit, here at the parties' request, while something "
        "else happens first.",
    ),
    Rule(
        "proceedings.resume",
        "proceedings_resumed",
        "trial",
        {"stayed"},
        "pending",
        LANDIS,
        "The trial court lifts its pause and the lawsuit goes on.",
    ),
    Rule(
        "case.dismiss.voluntary",
        "case_dismissed",
        "trial",
        {"pending", "stayed"},
        "dismissed",
        "FRCP 41(a)",
        "The plaintiffs drop the case, alone early on or by agreement later; it ends "
        "without a decision on the merits.",
        qualifier="voluntary",
        effects=("end_relief", "close_motions"),
    ),
    Rule(
        "case.dismiss.moot",
        "case_dismissed",
        "trial",
        {"pending", "stayed"},
        "dismissed",
        MOOTNESS,
        "The court dismisses the case as moot: the challenged action is gone, so there is "
        "nothing left to decide.",
        qualifier="moot",
        guards=("is_moot",),
        effects=("end_relief", "close_motions", "appealable_order"),
    ),
    Rule(
        "case.dismiss.motion",
        "case_dismissed",
        "trial",
        {"pending", "stayed"},
        "dismissed",
        "FRCP 12(b); 28 U.S.C. 1291",
        "The court grants the defendants' motion and dismisses the case; the plaintiffs can "
        "appeal that final decision.",
        qualifier="motion",
        effects=("end_relief", "close_motions", "appealable_order"),
    ),
    Rule(
        "judgment.plaintiffs",
        "judgment_entered",
        "trial",
        {"pending"},
        "judgment",
        "FRCP 58; 28 U.S.C. 1291",
        "The court decides the case for the plaintiffs and enters final judgment, which can "
        "be appealed.",
        qualifier="plaintiffs",
        effects=("final_judgment", "close_motions"),
    ),
    Rule(
        "judgment.defendants",
        "judgment_entered",
        "trial",
        {"pending"},
        "judgment",
        "FRCP 58; 28 U.S.C. 1291",
        "The court decides the case for the government and enters final judgment, which "
        "can be appealed; any injunction ends.",
        qualifier="defendants",
        effects=("final_judgment", "close_motions"),
    ),
)

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
        citation="FRCP 15(a)",
        explanation=(
            "The plaintiffs change their complaint, for example to challenge a new government "
            "action."
        ),
    ),
    Rule(
        id="dismiss.move",
        event="motion_filed",
        slot="trial",
        sources={"pending"},
        target="pending",
        citation="FRCP 12(b)",
        explanation="The defendants ask the court to dismiss the case without a trial.",
        qualifier="dismiss",
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
        effects=("end_relief", "close_motions", "appealable_order"),
    ),
    Rule(
        id="judgment.plaintiffs",
        event="judgment_entered",
        slot="trial",
        sources={"pending"},
        target="judgment",
        citation="FRCP 58; 28 U.S.C. 1291",
        explanation=(
            "The court decides the case for the plaintiffs and enters final judgment, which can be"
            " appealed."
        ),
        qualifier="plaintiffs",
        guards=("live_controversy",),
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
        guards=("live_controversy",),
        effects=("final_judgment", "close_motions"),
    ),
)

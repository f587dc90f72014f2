"""The Supreme Court: certiorari, argument, decision (28 U.S.C. 1254, 2101; S. Ct. R. 10-13)."""

from __future__ import annotations

from simulator.law.authorities import (
    BEFORE_SUPREME,
    BONNER_MALL,
    LIVE_IN_SUPREME,
    MUNSINGWEAR,
)
from simulator.law.model import Rule

__all__ = ["RULES"]


def _decided(verb: str, disposition: str, what: str) -> Rule:
    """A judgment of the Supreme Court after review; the dispositions differ in what they do."""
    return Rule(
        id=f"supreme.{verb}",
        event="supreme_court_decided",
        slot="supreme",
        sources={"granted", "argued"},
        target="decided",
        citation="28 U.S.C. 2106",
        explanation=f"The Supreme Court decides the case: it {what}",
        qualifier=disposition,
        guards=("live_controversy",),
        effects=("supreme_judgment",),
        decision="supreme_court",
    )


RULES: tuple[Rule, ...] = (
    Rule(
        id="cert.petition",
        event="cert_petition_filed",
        slot="supreme",
        sources=BEFORE_SUPREME,
        target="petition",
        citation="28 U.S.C. 1254(1); 28 U.S.C. 2101(c); S. Ct. R. 13.1",
        explanation=(
            "The losing side asks the Supreme Court to review the court of appeals' judgment; it "
            "has 90 days from the judgment, or from the denial of rehearing."
        ),
        guards=("appeal_decided", "certiorari_in_time"),
    ),
    Rule(
        id="certiorari_time.extend",
        event="certiorari_time_extended",
        slot="time_extended",
        sources={"none", "appeal", "certiorari"},
        target="certiorari",
        citation="28 U.S.C. 2101(c); S. Ct. R. 13.5",
        explanation=(
            "On an application filed before the time runs out, a Justice gives the losing side "
            "more time, up to 60 days, to petition for certiorari."
        ),
        court="supreme",
        guards=("certiorari_extension_allowed",),
        effects=("extend_certiorari_time",),
    ),
    Rule(
        id="cert.petition.after_moot_dismissal",
        event="cert_petition_filed",
        slot="supreme",
        sources=BEFORE_SUPREME,
        target="petition",
        citation=f"28 U.S.C. 2101(c); S. Ct. R. 13.1; {MUNSINGWEAR}",
        explanation=(
            "After the court of appeals dismissed the appeal as moot, a party asks the Supreme "
            "Court to vacate the judgment below, so that a ruling nobody could appeal binds no "
            "one later."
        ),
        guards=("held_moot_on_appeal", "certiorari_in_time"),
    ),
    Rule(
        id="cert.petition.before_judgment",
        event="cert_petition_filed",
        slot="supreme",
        sources=BEFORE_SUPREME,
        target="petition",
        citation="28 U.S.C. 2101(e); S. Ct. R. 11",
        explanation=(
            "A party asks the Supreme Court to take the case before the court of appeals has "
            "decided it, which the Court does only for cases of imperative public importance."
        ),
        guards=("appeal_pending",),
    ),
    Rule(
        id="cert.application_as_petition",
        event="application_treated_as_petition",
        slot="supreme",
        sources=BEFORE_SUPREME,
        target="petition",
        citation="28 U.S.C. 1254(1); 28 U.S.C. 2101(e); S. Ct. R. 10",
        explanation=(
            "The Supreme Court takes an emergency application as a petition for certiorari, so "
            "that it can decide the case itself, quickly, instead of only whether to pause it."
        ),
        guards=("application_pending",),
        effects=("treat_as_petition",),
    ),
    Rule(
        id="cert.grant",
        event="cert_granted",
        slot="supreme",
        sources={"petition"},
        target="granted",
        citation="S. Ct. R. 10",
        explanation=(
            "At least four Justices vote to hear the case; review is a matter of discretion, "
            "granted only for compelling reasons."
        ),
        decision="certiorari",
    ),
    Rule(
        id="cert.deny",
        event="cert_denied",
        slot="supreme",
        sources={"petition"},
        target="denied",
        citation="S. Ct. R. 10",
        explanation=(
            "The Supreme Court declines to hear the case; the judgment below stands. A denial says"
            " nothing about the merits."
        ),
        decision="certiorari",
    ),
    Rule(
        id="supreme.argue",
        event="supreme_court_argued",
        slot="supreme",
        sources={"granted"},
        target="argued",
        citation="S. Ct. R. 28",
        explanation="Lawyers for both sides argue the case before the nine Justices.",
    ),
    _decided("affirm", "affirmed", "affirms the judgment below."),
    _decided("reverse", "reversed", "reverses the judgment below."),
    _decided("vacate", "vacated", "vacates the judgment below."),
    _decided("remand", "remanded", "sends the case back for further proceedings."),
    _decided(
        "affirm_in_part",
        "affirmed_in_part",
        "affirms the judgment below in part, reverses or vacates it in part, and sends the case "
        "back.",
    ),
    _decided(
        "affirm_equally_divided",
        "equally_divided",
        "affirms the judgment below by an equally divided Court, which settles this case but "
        "sets no precedent.",
    ),
    _decided(
        "dismiss_improvidently",
        "dismissed_improvidently",
        "dismisses the writ as improvidently granted: it decides nothing, and the judgment below "
        "stands.",
    ),
    Rule(
        id="supreme.gvr",
        event="supreme_court_decided",
        slot="supreme",
        sources={"petition"},
        target="decided",
        citation="28 U.S.C. 2106; Lawrence v. Chater, 516 U.S. 163, 166-167 (1996)",
        explanation=(
            "The Supreme Court grants the petition, vacates the judgment below and sends the "
            "case back (GVR) without argument, so the lower court can reconsider it in light of "
            "something new, such as a decision of the Court."
        ),
        qualifier="gvr",
        guards=("live_controversy",),
        effects=("supreme_judgment",),
        decision="supreme_court",
    ),
    Rule(
        id="supreme.judgment.issue",
        event="supreme_court_judgment_issued",
        slot="supreme_mandate",
        sources={"none"},
        target="issued",
        citation="S. Ct. R. 45.3",
        explanation=(
            "The Clerk of the Supreme Court sends the court below a copy of the opinion and a "
            "certified copy of the judgment, in place of a formal mandate, 32 days after the "
            "decision unless the Court orders it sooner; the court below then acts on it."
        ),
        guards=("supreme_judgment_due",),
    ),
    Rule(
        id="supreme.vacate.moot",
        event="vacated_as_moot",
        slot="supreme",
        sources=LIVE_IN_SUPREME,
        target="decided",
        citation=f"{MUNSINGWEAR}; {BONNER_MALL}",
        explanation=(
            "The case has become moot, so the Supreme Court vacates the judgment below and sends "
            "it back with instructions to dismiss, expressing no view on the merits. Vacatur is "
            "an equitable remedy: a party that mooted the case itself, as by settling, "
            "ordinarily cannot have it."
        ),
        court="supreme",
        guards=("cessation", "vacatur_equitable"),
        effects=("hold_moot", "supreme_judgment"),
        decision="supreme_court",
    ),
)

"""The Supreme Court: certiorari, argument, decision (28 U.S.C. 1254, 2101; S. Ct. R. 10-13)."""

from __future__ import annotations

from simulator.law.authorities import (
    BEFORE_SUPREME,
    LIVE_IN_SUPREME,
    MUNSINGWEAR,
)
from simulator.law.model import Rule

__all__ = ["RULES"]


def _decided(verb: str, disposition: str, what: str) -> Rule:
    """A judgment of the Supreme Court after review; the dispositions differ in what they do."""
    return Rule(
        f"supreme.{verb}",
        "supreme_court_decided",
        "supreme",
        {"granted", "argued"},
        "decided",
        "28 U.S.C. 2106",
        f"The Supreme Court decides the case: it {what}",
        qualifier=disposition,
        effects=("supreme_judgment",),
        decision="supreme_court",
    )


RULES: tuple[Rule, ...] = (
    Rule(
        "cert.petition",
        "cert_petition_filed",
        "supreme",
        BEFORE_SUPREME,
        "petition",
        "28 U.S.C. 1254(1); 28 U.S.C. 2101(c); S. Ct. R. 13.1",
        "The losing side asks the Supreme Court to review the court of appeals' judgment; "
        "it has 90 days from the judgment.",
        guards=("appeal_decided", "certiorari_in_time"),
    ),
    Rule(
        "cert.petition.before_judgment",
        "cert_petition_filed",
        "supreme",
        BEFORE_SUPREME,
        "petition",
        "28 U.S.C. 2101(e); S. Ct. R. 11",
        "A party asks the Supreme Court to take the case before the court of appeals has "
        "decided it, which the Court does only for cases of imperative public importance.",
        guards=("appeal_pending",),
    ),
    Rule(
        "cert.application_as_petition",
        "application_treated_as_petition",
        "supreme",
        BEFORE_SUPREME,
        "petition",
        "28 U.S.C. 1254(1); 28 U.S.C. 2101(e); S. Ct. R. 10",
        "The Supreme Court takes an emergency application as a petition for certiorari, so "
        "that it can decide the case itself, quickly, instead of only whether to pause it.",
        guards=("application_pending",),
        effects=("treat_as_petition",),
    ),
    Rule(
        "cert.grant",
        "cert_granted",
        "supreme",
        {"petition"},
        "granted",
        "S. Ct. R. 10",
        "At least four Justices vote to hear the case; review is a matter of discretion, "
        "granted only for compelling reasons.",
        decision="certiorari",
    ),
    Rule(
        "cert.deny",
        "cert_denied",
        "supreme",
        {"petition"},
        "denied",
        "S. Ct. R. 10",
        "The Supreme Court declines to hear the case; the judgment below stands. A denial "
        "says nothing about the merits.",
        decision="certiorari",
    ),
    Rule(
        "supreme.argue",
        "supreme_court_argued",
        "supreme",
        {"granted"},
        "argued",
        "S. Ct. R. 28",
        "Lawyers for both sides argue the case before the nine Justices.",
    ),
    _decided("affirm", "affirmed", "affirms the judgment below."),
    _decided("reverse", "reversed", "reverses the judgment below."),
    _decided("vacate", "vacated", "vacates the judgment below."),
    _decided("remand", "remanded", "sends the case back for further proceedings."),
    Rule(
        "supreme.vacate.moot",
        "vacated_as_moot",
        "supreme",
        LIVE_IN_SUPREME,
        "decided",
        MUNSINGWEAR,
        "The case has become moot, so the Supreme Court vacates the judgment below and "
        "sends it back with instructions to dismiss, expressing no view on the merits.",
        court="supreme",
        guards=("is_moot",),
        effects=("supreme_judgment",),
        decision="supreme_court",
    ),
)

"""The legal test a student reasons against at each decision, with its factors as prompts.

The injunction test (Winter) and its Ninth Circuit variant come from
`simulator.law.standards`; the stay factors of Nken v. Holder are spelled out
here as questions, since the law package names Nken's citation but not its
factors. Steps without a factor test show the rule that allows them, with its
citation and plain explanation, from the rule table.
"""

from __future__ import annotations

import attrs

from simulator.law.model import Rule
from simulator.law.standards import (
    INJUNCTION_FACTORS,
    INJUNCTION_STANDARD,
    NINTH_CIRCUIT_VARIANT,
    STAY_STANDARD,
)

__all__ = ["Test", "standard_for"]


@attrs.frozen
class Test:
    """A legal test: its name, where it comes from, and the questions it asks."""

    name: str
    citation: str
    questions: tuple[str, ...]
    note: str = ""


_WINTER = tuple(factor.question for factor in INJUNCTION_FACTORS)
_NKEN = (
    "Has the side asking for the pause shown it is likely to win the appeal?",
    "Will that side be hurt in a way that cannot be fixed later, without a pause?",
    "Would a pause badly hurt the other side?",
    "Where does the public interest lie?",
)
_REVIEW = (
    "Did the lower court use the right legal test?",
    "Did it get the important facts right?",
    "Was its decision within reason, even if you would have decided differently?",
)
_MOOT = (
    "Is there still a real dispute that a court's decision would change?",
    "If the policy is gone, could it come back?",
    "Should the lower court's order be wiped out, so it cannot be used later?",
)
_CERT = (
    "Do courts of appeals disagree about this question?",
    "Is the question important for the whole country?",
    "Is this case a good one to decide it in?",
)
_STANDING = (
    "Were the people suing really harmed, or about to be?",
    "Was the harm caused by the government's action?",
    "Could a court order fix it?",
)
_APPEAL = (
    "Do you think the judge made a mistake about the law or the facts?",
    "What do you gain if you win the appeal?",
    "What could you lose, in time, money or a bad precedent?",
)

_ABUSE = "Abuse-of-discretion review: Ashcroft v. ACLU, 542 U.S. 656, 664 (2004)"
_ARTICLE_III = (
    "U.S. Const. art. III (a live case or controversy); "
    "United States v. Munsingwear, Inc., 340 U.S. 36 (1950)"
)
_RULE_10 = "S. Ct. R. 10 (considerations governing review on certiorari)"
_LUJAN = "Standing: Lujan v. Defenders of Wildlife, 504 U.S. 555, 560-61 (1992)"


def standard_for(
    decision: str, rule: Rule, *, ninth_circuit: bool = False, moot: bool = False
) -> Test:
    """The test for a decision of kind ``decision`` (a rule table decision, or a move's
    event type) taken under ``rule``."""
    variant = (
        f"In the Ninth Circuit, serious questions about the merits can be enough if the "
        f"balance of hardships tips sharply toward the plaintiffs ({NINTH_CIRCUIT_VARIANT})."
        if ninth_circuit
        else ""
    )
    if decision in ("injunction", "tro", "motion_filed:preliminary_injunction", "motion_filed:tro"):
        return Test("The four factors for a preliminary injunction", INJUNCTION_STANDARD, _WINTER,
                    variant)  # fmt: skip
    if decision in ("stay_district", "stay_appeals", "application", "motion_filed:stay",
                    "application_filed"):  # fmt: skip
        return Test("The four factors for a stay", STAY_STANDARD, _NKEN)
    if decision in ("appeal", "supreme_court"):
        if moot:
            return Test("Is the case moot?", _ARTICLE_III, _MOOT)
        return Test("How a higher court reviews an injunction", _ABUSE, _REVIEW)
    if decision in ("certiorari", "cert_petition_filed"):
        return Test("When the Supreme Court takes a case", _RULE_10, _CERT)
    if decision == "complaint_filed":
        return Test("Who may sue", _LUJAN, _STANDING)
    return Test("The rule that allows this step", rule.citation, _APPEAL, rule.explanation)

"""The legal test a student reasons against at each decision, with its factors as prompts.

The injunction test (Winter), its Ninth Circuit variant and the stay factors of
Nken v. Holder come from `simulator.law.standards`. Steps without a factor test
show the rule that allows them, with its citation and plain explanation, from
the rule table. Names, questions and
notes are English message ids, translated by the ``gettext`` passed in;
citations stay as courts write them.
"""

from __future__ import annotations

import attrs

from simulator.law.model import Rule
from simulator.law.standards import (
    INJUNCTION_FACTORS,
    INJUNCTION_STANDARD,
    NINTH_CIRCUIT_VARIANT,
    STAY_FACTORS,
    STAY_STANDARD,
)
from simulator.lesson.i18n import N_, Gettext

__all__ = ["Test", "standard_for"]


@attrs.frozen
class Test:
    """A legal test: its name, where it comes from, and the questions it asks."""

    name: str
    citation: str
    questions: tuple[str, ...]
    note: str = ""


_WINTER = tuple(factor.question for factor in INJUNCTION_FACTORS)
_NKEN = tuple(factor.question for factor in STAY_FACTORS)
_REVIEW = (
    N_("Did the lower court use the right legal test?"),
    N_("Did it get the important facts right?"),
    N_("Was its decision within reason, even if you would have decided differently?"),
)
_MOOT = (
    N_("Is there still a real dispute that a court's decision would change?"),
    N_("If the policy is gone, could it come back?"),
    N_("Should the lower court's order be wiped out, so it cannot be used later?"),
)
_CERT = (
    N_("Do courts of appeals disagree about this question?"),
    N_("Is the question important for the whole country?"),
    N_("Is this case a good one to decide it in?"),
)
_STANDING = (
    N_("Were the people suing really harmed, or about to be?"),
    N_("Was the harm caused by the government's action?"),
    N_("Could a court order fix it?"),
)
_APPEAL = (
    N_("Do you think the judge made a mistake about the law or the facts?"),
    N_("What do you gain if you win the appeal?"),
    N_("What could you lose, in time, money or a bad precedent?"),
)

_MERITS = (
    N_("Are the important facts agreed, so that only the law is left to decide?"),
    N_("What does the law the government relied on actually allow?"),
    N_("If the people suing win, what should the court order, and for whom?"),
)
_CLASS = (
    N_("Is the group so large that suing one by one would be impractical?"),
    N_("Do the members of the group share the same legal question?"),
    N_("Will the people suing, and their lawyers, fairly stand for the whole group?"),
    N_("Does the government's action treat the whole group the same way?"),
)

_SUMMARY_JUDGMENT = (
    "FRCP 56(a) (summary judgment); FRCP 57 and 65(d) (declaratory judgment, injunction)"
)
_RULE_23 = "FRCP 23(a), 23(b)(2) (class actions)"
_ABUSE = "Abuse-of-discretion review: Ashcroft v. ACLU, 542 U.S. 656, 664 (2004)"
_ARTICLE_III = (
    "U.S. Const. art. III (a live case or controversy); "
    "United States v. Munsingwear, Inc., 340 U.S. 36 (1950)"
)
_RULE_10 = "S. Ct. R. 10 (considerations governing review on certiorari)"
_LUJAN = "Standing: Lujan v. Defenders of Wildlife, 504 U.S. 555, 560-61 (1992)"


def _same(message: str) -> str:
    return message


def standard_for(
    decision: str,
    rule: Rule,
    *,
    ninth_circuit: bool = False,
    moot: bool = False,
    gettext: Gettext = _same,
) -> Test:
    """The test for a decision of kind ``decision`` (a rule table decision, or a move's
    event type) taken under ``rule``, in the language of ``gettext``."""
    _ = gettext
    variant = (
        _(
            "In the Ninth Circuit, serious questions about the merits can be enough if the "
            "balance of hardships tips sharply toward the plaintiffs ({citation})."
        ).format(citation=NINTH_CIRCUIT_VARIANT)
        if ninth_circuit
        else ""
    )

    def test(name: str, citation: str, questions: tuple[str, ...], note: str = "") -> Test:
        return Test(_(name), citation, tuple(_(q) for q in questions), note)

    if decision in ("injunction", "tro", "motion_filed:preliminary_injunction", "motion_filed:tro",
                    "interim", "motion_filed:injunction_pending_review"):  # fmt: skip
        return test(N_("The four factors for a preliminary injunction"), INJUNCTION_STANDARD,
                    _WINTER, variant)  # fmt: skip
    if decision in ("stay_district", "stay_appeals", "application", "motion_filed:stay",
                    "application_filed"):  # fmt: skip
        return test(N_("The four factors for a stay"), STAY_STANDARD, _NKEN)
    if decision in ("appeal", "supreme_court"):
        if moot:
            return test(N_("Is the case moot?"), _ARTICLE_III, _MOOT)
        return test(N_("How a higher court reviews an injunction"), _ABUSE, _REVIEW)
    if decision in ("certiorari", "cert_petition_filed"):
        return test(N_("When the Supreme Court takes a case"), _RULE_10, _CERT)
    if decision == "merits":
        return test(N_("Deciding the case without a trial"), _SUMMARY_JUDGMENT, _MERITS)
    if decision in ("class_certification", "motion_filed:class_certification"):
        return test(N_("When a few may sue for many: class actions"), _RULE_23, _CLASS)
    if decision in ("complaint_filed", "petition_for_review_filed"):
        return test(N_("Who may sue"), _LUJAN, _STANDING)
    return test(N_("Whether to take this step"), rule.citation, _APPEAL)

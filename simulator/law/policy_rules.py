"""The government's side: orders, statutes, implementing rules and revocation."""

from __future__ import annotations

from simulator.law.authorities import (
    JACKSONVILLE,
    LAIDLAW,
    NOT_STARTED,
    REGENTS,
    WEINSTEIN,
)
from simulator.law.model import Rule

__all__ = ["RULES"]

RULES: tuple[Rule, ...] = (
    Rule(
        id="order.issue",
        event="order_issued",
        slot="policy",
        sources=NOT_STARTED,
        target="issued",
        citation="U.S. Const. art. II; 44 U.S.C. 1505(a)(1)",
        explanation=(
            "The President signs an executive order, an instruction to the executive branch "
            "resting on power the Constitution or a statute gives; it is published in the "
            "Federal Register."
        ),
        effects=("issue_order",),
    ),
    Rule(
        id="memorandum.issue",
        event="memorandum_issued",
        slot="policy",
        sources=NOT_STARTED,
        target="issued",
        citation="U.S. Const. art. II; 44 U.S.C. 1505(a)",
        explanation=(
            "The President signs a memorandum directing officials what to do. It binds the "
            "executive branch as an executive order does; it is published in the Federal "
            "Register when it applies generally."
        ),
        effects=("issue_memorandum",),
    ),
    Rule(
        id="proclamation.issue",
        event="proclamation_issued",
        slot="policy",
        sources=NOT_STARTED,
        target="issued",
        citation="U.S. Const. art. II; 44 U.S.C. 1505(a)(1)",
        explanation=(
            "The President signs a proclamation, a statement of policy addressed to the public "
            "(for example one suspending the entry of some foreigners under 8 U.S.C. 1182(f)); "
            "it is published in the Federal Register."
        ),
        effects=("issue_proclamation",),
    ),
    Rule(
        id="statute.enact",
        event="statute_enacted",
        slot="policy",
        sources=NOT_STARTED,
        target="issued",
        citation="U.S. Const. art. I, sec. 7",
        explanation="Congress passes a bill and the President signs it, and it becomes law.",
        effects=("enact_statute",),
    ),
    Rule(
        id="agency.act",
        event="agency_action_taken",
        slot="policy",
        sources=NOT_STARTED,
        target="issued",
        citation="5 U.S.C. 551(13); 5 U.S.C. 704",
        explanation=(
            "A federal agency acts on its own authority: it issues a rule, a memorandum or "
            "guidance, or starts or ends a program. A final agency action can be challenged in "
            "court under the Administrative Procedure Act."
        ),
        effects=("take_agency_action",),
    ),
    Rule(
        id="rule.issue",
        event="rule_issued",
        slot="rule",
        sources={"none", "withdrawn"},
        target="issued",
        citation="5 U.S.C. 551(4)",
        explanation=(
            "An agency carries out the order or statute with a rule of its own that says what is "
            "prohibited and from when."
        ),
        guards=("policy_in_force",),
        effects=("set_effective",),
    ),
    Rule(
        id="rule.withdraw",
        event="rule_withdrawn",
        slot="rule",
        sources={"issued"},
        target="withdrawn",
        citation="5 U.S.C. 551(5)",
        explanation=(
            "The agency repeals its rule; what the rule prohibited is no longer prohibited."
        ),
    ),
    Rule(
        id="order.revoke",
        event="order_revoked",
        slot="policy",
        sources={"issued"},
        target="revoked",
        citation=f"U.S. Const. art. II; {LAIDLAW}",
        explanation=(
            "The President revokes the order or proclamation by a new one, from the day it names. "
            "Revoking a challenged policy does not by itself end the lawsuits against it: a "
            "court decides whether they are moot, and a government that stops what it is sued "
            "for must show it could not reasonably start again."
        ),
        qualifier="full",
        guards=("policy_is_presidential",),
        effects=("record_revocation",),
    ),
    Rule(
        id="order.revoke.partial",
        event="order_revoked",
        slot="policy",
        sources={"issued"},
        target="issued",
        citation="U.S. Const. art. II",
        explanation=(
            "The President revokes some parts of the order or proclamation; the rest stays in "
            "force."
        ),
        qualifier="partial",
        guards=("policy_is_presidential", "parts_of_the_policy"),
        effects=("revoke_parts",),
    ),
    Rule(
        id="order.replace",
        event="order_revoked",
        slot="policy",
        sources={"issued"},
        target="replaced",
        citation=f"U.S. Const. art. II; {JACKSONVILLE}",
        explanation=(
            "The President replaces the challenged order or proclamation with a successor. A "
            "successor that harms the plaintiffs in the same way does not end their case; they "
            "may bring it into their lawsuit with a supplemental complaint."
        ),
        qualifier="replaced",
        guards=("policy_is_presidential",),
        effects=("record_revocation",),
    ),
    Rule(
        id="agency.rescind",
        event="agency_action_rescinded",
        slot="policy",
        sources={"issued"},
        target="revoked",
        citation=f"5 U.S.C. 551(5); {REGENTS}",
        explanation=(
            "The agency rescinds its action, from the day it names. A rescission is itself an "
            "agency action that a court can review, and it does not by itself end the lawsuits "
            "against the action rescinded."
        ),
        qualifier="full",
        guards=("policy_is_agency_action",),
        effects=("record_revocation",),
    ),
    Rule(
        id="agency.rescind.partial",
        event="agency_action_rescinded",
        slot="policy",
        sources={"issued"},
        target="issued",
        citation="5 U.S.C. 551(5)",
        explanation="The agency rescinds some parts of its action; the rest stays in force.",
        qualifier="partial",
        guards=("policy_is_agency_action", "parts_of_the_policy"),
        effects=("revoke_parts",),
    ),
    Rule(
        id="agency.replace",
        event="agency_action_rescinded",
        slot="policy",
        sources={"issued"},
        target="replaced",
        citation=f"5 U.S.C. 551(5); {JACKSONVILLE}",
        explanation=(
            "The agency replaces its action with a new one. A successor that harms the "
            "plaintiffs in the same way does not end their case."
        ),
        qualifier="replaced",
        guards=("policy_is_agency_action",),
        effects=("record_revocation",),
    ),
    Rule(
        id="policy.expire",
        event="policy_expired",
        slot="policy",
        sources={"issued"},
        target="expired",
        citation=f"the policy's own terms; {WEINSTEIN}",
        explanation=(
            "The policy ends on the day its own terms set, as a 90-day suspension does when the "
            "90 days are over. Nobody revoked it, so a court may hold the lawsuits against it "
            "moot, unless the same short measure can be expected to come back before a court "
            "could review it."
        ),
        qualifier="full",
        effects=("record_revocation",),
    ),
    Rule(
        id="policy.expire.partial",
        event="policy_expired",
        slot="policy",
        sources={"issued"},
        target="issued",
        citation="the policy's own terms",
        explanation=(
            "Some parts of the policy end on the day its own terms set; the rest stays in force."
        ),
        qualifier="partial",
        guards=("parts_of_the_policy",),
        effects=("revoke_parts",),
    ),
)

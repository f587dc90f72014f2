"""The government's side: orders, statutes, implementing rules and revocation."""

from __future__ import annotations

from simulator.law.authorities import (
    NOT_STARTED,
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
        citation="U.S. Const. art. II; 44 U.S.C. 1505(a)",
        explanation=(
            "The President directs the executive branch by an executive order, using power the "
            "Constitution or a statute gives, and publishes it in the Federal Register."
        ),
        effects=("issue_order",),
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
        citation="U.S. Const. art. II",
        explanation=(
            "A President revokes the executive order by a later one; lawsuits against it become "
            "moot, because there is nothing left for a court to stop."
        ),
        guards=("policy_is_order",),
        effects=("record_revocation", "moot_lawsuits"),
    ),
)

"""The government's side: orders, statutes, implementing rules and revocation."""

from __future__ import annotations

from simulator.law.authorities import (
    NOT_STARTED,
)
from simulator.law.model import Rule

__all__ = ["RULES"]

RULES: tuple[Rule, ...] = (
    Rule(
        "order.issue",
        "order_issued",
        "policy",
        NOT_STARTED,
        "issued",
        "U.S. Const. art. II; 44 U.S.C. 1505(a)",
        "The President directs the executive branch by an executive order, using power the "
        "Constitution or a statute gives, and publishes it in the Federal Register.",
        effects=("issue_order",),
    ),
    Rule(
        "statute.enact",
        "statute_enacted",
        "policy",
        NOT_STARTED,
        "issued",
        "U.S. Const. art. I, sec. 7",
        "Congress passes a bill and the President signs it, and it becomes law.",
        effects=("enact_statute",),
    ),
    Rule(
        "rule.issue",
        "rule_issued",
        "rule",
        {"none", "withdrawn"},
        "issued",
        "5 U.S.C. 551(4)",
        "An agency carries out the order or statute with a rule of its own that says what "
        "is prohibited and from when.",
        guards=("policy_in_force",),
        effects=("set_effective",),
    ),
    Rule(
        "rule.withdraw",
        "rule_withdrawn",
        "rule",
        {"issued"},
        "withdrawn",
        "5 U.S.C. 551(5)",
        "The agency repeals its rule; what the rule prohibited is no longer prohibited.",
    ),
    Rule(
        "order.revoke",
        "order_revoked",
        "policy",
        {"issued"},
        "revoked",
        "U.S. Const. art. II",
        "A President revokes the executive order by a later one; lawsuits against it become "
        "moot, because there is nothing left for a court to stop.",
        guards=("policy_is_order",),
        effects=("record_revocation", "moot_lawsuits"),
    ),
)

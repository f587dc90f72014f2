"""Guards: the conditions a rule of the process attaches to a step, each with its law.

A guard looks at the lawsuit, the policy and the proposed event and returns
``None`` when the condition holds, or a plain-English reason when it does not.
Rules name their guards in the table (`simulator.law.rules`); the citation of
a failing guard is the one the refusal carries.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import attrs

from simulator.events import Event
from simulator.law.authorities import RELIEF_LIVE
from simulator.law.deadlines import (
    TRO_DAYS,
    appeal_deadline,
    certiorari_deadline,
    tro_end,
    tro_extension_end,
)
from simulator.state import LawsuitState, PolicyState

__all__ = ["GUARDS", "Guard"]

Check = Callable[[LawsuitState, PolicyState, Event], "str | None"]


@attrs.frozen
class Guard:
    """A named condition with the rule of law that imposes it."""

    name: str
    citation: str
    statement: str
    check: Check = attrs.field(eq=False, repr=False)
    #: The track states that satisfy the guard in the usual case, for planning a
    #: path through the process (`simulator.explore.walk.toward`); ``check`` alone
    #: decides whether a step is lawful.
    needs: tuple[tuple[str, frozenset[str]], ...] = ()


def _policy_exists(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if policy.policy == "none":
        return "there is no order or statute to challenge yet, so there is no case or controversy"
    if policy.policy == "revoked":
        return "the order has been revoked, so there is nothing left to challenge"
    return None


def _policy_in_force(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if policy.policy != "issued":
        return "an implementing rule needs an order or statute in force to carry out"
    return None


def _policy_is_order(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if policy.kind != "order":
        return "only an executive order is revoked by the President; a statute must be repealed"
    return None


def _live_controversy(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.moot:
        return "the challenged order has been revoked, so the court has nothing left to restrain"
    return None


def _is_moot(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if not suit.moot:
        return "the case is not moot: the challenged action is still in force"
    return None


def _case_open(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.trial != "pending":
        return f"the trial court cannot act on a motion now: {_trial_text(suit)}"
    return None


def _trial_text(suit: LawsuitState) -> str:
    return {
        "stayed": "it has paused the lawsuit",
        "dismissed": "the lawsuit has been dismissed",
        "judgment": "it has entered final judgment",
    }.get(suit.trial, "no lawsuit is pending")


def _relief_in_force(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.injunction not in RELIEF_LIVE and suit.tro != "in_force":
        return "there is no injunction or restraining order in force to stay"
    return None


def _tro_heard(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.tro != "in_force" or not suit.tro_on_notice:
        return (
            "only a restraining order in force, granted after the government was heard, can "
            "become a preliminary injunction without a motion"
        )
    return None


def _partly_covered(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if not suit.covers:
        return "the injunction in force already covers the whole policy"
    return None


def _no_order_below(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.trial != "none":
        return "this lawsuit is in the trial court; its appeal comes by notice of appeal"
    return None


def _in_trial_court(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.original:
        return "this lawsuit began in the court of appeals; it has no trial court"
    return None


def _original_review(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if not suit.original:
        return "this is an appeal from a trial court's order, which is affirmed or reversed"
    return None


def _order_below(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.original:
        return "a petition for review is granted or denied: there is no order below to affirm"
    return None


def _under_review(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.appeal not in ("pending", "abeyance", "argued", "decided"):
        return "no appeal or petition for review is pending or decided"
    if suit.supreme in ("denied", "decided"):
        return "review has ended: the Supreme Court has acted"
    return None


def _interim_sought_below(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.interim == "none":
        return (
            "an injunction pending review must first be asked of the court of appeals before "
            "a Justice is asked"
        )
    return None


def _application_for_stay(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.application_for != "stay":
        return "only a stay of an injunction can be granted in part"
    return None


def _application_pending(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.application != "filed":
        return "no emergency application is pending to take as a petition"
    return None


def _appealable_order(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if not suit.appealable_order:
        return (
            "no order that can be appealed has been entered: only orders granting, refusing or "
            "dissolving injunctions, and final decisions, can be appealed"
        )
    if suit.appealed:
        return f"the {suit.appealable_order.replace('_', ' ')} order has already been appealed"
    return None


def _appeal_in_time(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    deadline = appeal_deadline(suit)
    if deadline is not None and event.date > deadline.due:
        return (
            f"the notice of appeal was due by {deadline.due.isoformat()} ({deadline.days} days "
            f"after the order of {deadline.start.isoformat()}); it was filed "
            f"{event.date.isoformat()}"
        )
    return None


def _appeal_pending(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.appeal not in ("pending", "abeyance", "argued"):
        return "no appeal is pending in the court of appeals"
    return None


def _appeal_open(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.appeal in ("pending", "abeyance", "argued"):
        return None
    if suit.appealable_order and not suit.appealed:
        return None
    return "no appeal is pending or still possible, so there is nothing to stay pending appeal"


def _stay_sought_below(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.stay_district == "none" and not event.impracticable:
        return (
            "a stay pending appeal must be asked of the trial court first, unless the motion "
            "shows that asking it would be impracticable"
        )
    return None


def _stay_sought_in_appeals(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.stay_appeals == "none":
        return "a stay must first be asked of the court of appeals before a Justice is asked"
    return None


def _appeal_decided(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.appeal != "decided":
        return "the court of appeals has not entered a judgment to review"
    return None


def _certiorari_in_time(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    deadline = certiorari_deadline(suit)
    if deadline is not None and event.date > deadline.due:
        return (
            f"the petition was due by {deadline.due.isoformat()} ({deadline.days} days after the "
            f"judgment of {deadline.start.isoformat()}); it was filed {event.date.isoformat()}"
        )
    return None


def _tro_not_extended(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if suit.tro_extended:
        return "the restraining order has already been extended once for good cause"
    return None


def _tro_extension_limit(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    latest = tro_extension_end(suit)
    if event.expires is not None and latest is not None and event.expires > latest:
        return (
            f"an extension may last only for a like period, to {latest.isoformat()}, unless the "
            "adverse party consents"
        )
    return None


def _tro_within_limit(suit: LawsuitState, policy: PolicyState, event: Event) -> str | None:
    if event.expires is None:
        return None
    if event.expires < event.date:
        return "a restraining order cannot expire before it is granted"
    limit = TRO_DAYS.on(event.date).value
    if event.expires > tro_end(event.date):
        return f"a restraining order may last at most {limit} days"
    return None


_CASE_OR_CONTROVERSY = "U.S. Const. art. III, sec. 2"

#: Every guard by name.
GUARDS: Mapping[str, Guard] = {
    guard.name: guard
    for guard in (
        Guard(
            "policy_exists",
            _CASE_OR_CONTROVERSY,
            "there is an order or statute in force to challenge",
            _policy_exists,
            needs=(("policy", frozenset({"issued"})),),
        ),
        Guard(
            "policy_in_force",
            "5 U.S.C. 551(4)",
            "the order or statute the rule carries out is in force",
            _policy_in_force,
            needs=(("policy", frozenset({"issued"})),),
        ),
        Guard("policy_is_order", "U.S. Const. art. II", "the policy is an order", _policy_is_order),
        Guard(
            "live_controversy",
            _CASE_OR_CONTROVERSY,
            "the challenged action is still in force",
            _live_controversy,
        ),
        Guard(
            "is_moot",
            _CASE_OR_CONTROVERSY,
            "the case has become moot",
            _is_moot,
            needs=(("policy", frozenset({"revoked"})),),
        ),
        Guard(
            "case_open",
            "FRCP 3",
            "the lawsuit is pending in the trial court",
            _case_open,
            needs=(("trial", frozenset({"pending"})),),
        ),
        Guard(
            "relief_in_force",
            "FRAP 8(a)(1)",
            "an injunction or restraining order is in force",
            _relief_in_force,
            needs=(("injunction", frozenset({"in_force", "partly_stayed"})),),
        ),
        Guard(
            "tro_heard",
            "FRCP 65(a)(1)",
            "a restraining order granted after notice and a hearing is in force",
            _tro_heard,
            needs=(("tro", frozenset({"in_force"})),),
        ),
        Guard(
            "partly_covered",
            "FRCP 65(d)(1)(C)",
            "the injunction in force covers only part of the policy",
            _partly_covered,
        ),
        Guard(
            "no_order_below",
            "FRAP 15(a)(1)",
            "the lawsuit has no trial court below",
            _no_order_below,
        ),
        Guard(
            "in_trial_court",
            "FRCP 3",
            "the lawsuit did not begin in the court of appeals",
            _in_trial_court,
        ),
        Guard(
            "original_review",
            "FRAP 15(a)(1)",
            "the lawsuit began by a petition for review in the court of appeals",
            _original_review,
        ),
        Guard(
            "order_below",
            "28 U.S.C. 2106",
            "the appeal is from an order of a trial court",
            _order_below,
        ),
        Guard(
            "under_review",
            "FRAP 8(a)(2); 28 U.S.C. 2101(f)",
            "an appeal or petition for review is pending, or decided with certiorari still open",
            _under_review,
            needs=(("appeal", frozenset({"pending", "argued", "decided"})),),
        ),
        Guard(
            "interim_sought_below",
            "S. Ct. R. 23.3",
            "the court of appeals was asked for an injunction pending review first",
            _interim_sought_below,
            needs=(("interim", frozenset({"moved", "contested", "denied"})),),
        ),
        Guard(
            "application_for_stay",
            "S. Ct. R. 23",
            "the application asks for a stay of an injunction",
            _application_for_stay,
        ),
        Guard(
            "application_pending",
            "S. Ct. R. 22",
            "an emergency application is pending",
            _application_pending,
            needs=(("application", frozenset({"filed"})),),
        ),
        Guard(
            "appealable_order",
            "28 U.S.C. 1292(a)(1); 28 U.S.C. 1291",
            "an order granting, refusing or dissolving an injunction, or a final decision, "
            "has been entered and not yet appealed",
            _appealable_order,
            needs=(("injunction", frozenset({"in_force", "denied"})),),
        ),
        Guard(
            "appeal_in_time",
            "FRAP 4(a)(1); 28 U.S.C. 2107",
            "the notice of appeal is filed within 30 days (60 when the United States is a party)",
            _appeal_in_time,
        ),
        Guard(
            "appeal_pending",
            "FRAP 3(a)(1)",
            "an appeal is pending",
            _appeal_pending,
            needs=(("appeal", frozenset({"pending", "abeyance", "argued"})),),
        ),
        Guard(
            "appeal_open",
            "FRAP 8(a)(1)",
            "an appeal is pending or can still be taken",
            _appeal_open,
            needs=(("injunction", frozenset({"in_force", "denied"})),),
        ),
        Guard(
            "stay_sought_below",
            "FRAP 8(a)(2)(A)",
            "the trial court was asked for a stay first, or asking it was impracticable",
            _stay_sought_below,
            needs=(("stay_district", frozenset({"moved", "contested", "denied"})),),
        ),
        Guard(
            "stay_sought_in_appeals",
            "S. Ct. R. 23.3",
            "the court of appeals was asked for a stay first",
            _stay_sought_in_appeals,
            needs=(("stay_appeals", frozenset({"moved", "contested", "denied"})),),
        ),
        Guard(
            "appeal_decided",
            "28 U.S.C. 1254(1)",
            "the court of appeals has entered judgment",
            _appeal_decided,
            needs=(("appeal", frozenset({"decided"})),),
        ),
        Guard(
            "certiorari_in_time",
            "28 U.S.C. 2101(c); S. Ct. R. 13.1",
            "the petition is filed within 90 days of the judgment",
            _certiorari_in_time,
        ),
        Guard(
            "tro_not_extended",
            "FRCP 65(b)(2)",
            "the restraining order has not been extended before",
            _tro_not_extended,
        ),
        Guard(
            "tro_extension_limit",
            "FRCP 65(b)(2)",
            "the extension lasts no longer than the original period",
            _tro_extension_limit,
        ),
        Guard(
            "tro_within_limit",
            "FRCP 65(b)(2)",
            "the restraining order lasts no longer than the rule allows",
            _tro_within_limit,
        ),
    )
}

"""Conditions: what a rule of the process requires before a step, each beside its law.

A condition looks at the lawsuit, the policy, the proposed event and the
model's clocks and returns ``None`` when it holds, or a plain-English reason
when it does not. Each is declared once, with `guard`, right above the
function that decides it: its name (the one rules list in ``guards=``), the
provision that imposes it and its wording for people. The citation of a
failing condition is the one the refusal carries.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping

import attrs

from simulator.events import MOOTNESS_EXCEPTIONS, Event
from simulator.law.authorities import (
    BONNER_MALL,
    CASA,
    JACKSONVILLE,
    LAIDLAW,
    MUNSINGWEAR,
    OPEN_MOTION,
    POLICY_ENDED,
    RELIEF_LIVE,
    ROPER,
    SAMPSON,
    TRUMP_V_CASA,
    WEINSTEIN,
)
from simulator.law.calendar import add_days
from simulator.law.deadlines import (
    Clocks,
    appeal_deadline,
    certiorari_deadline,
    cross_appeal_deadline,
    inaccessible_days,
    jurisdictional_statement_deadline,
    rehearing_deadline,
    tro_end,
    tro_extension_end,
    with_clocks,
)
from simulator.law.tracks import SLOT_TEXT
from simulator.state import LawsuitState, PolicyState

__all__ = ["GUARDS", "Guard", "aggrieved", "guard"]

Check = Callable[[LawsuitState, PolicyState, Event, Clocks], "str | None"]


@attrs.frozen
class Guard:
    """A named condition with the rule of law that imposes it and its wording."""

    name: str
    citation: str
    statement: str
    check: Check = attrs.field(eq=False, repr=False, converter=with_clocks)
    #: The track states that satisfy the guard in the usual case, for planning a
    #: path through the process (`simulator.explore.walk.toward`); ``check`` alone
    #: decides whether a step is lawful.
    needs: tuple[tuple[str, frozenset[str]], ...] = ()
    #: the model's clocks (`simulator.law.deadlines.Clocks`) the check counts with
    clocks: tuple[str, ...] = ()


_REGISTRY: dict[str, Guard] = {}

#: Every condition of the package's own model, by name.
GUARDS: Mapping[str, Guard] = _REGISTRY


def guard(
    name: str,
    *,
    citation: str,
    means: str,
    needs: tuple[tuple[str, frozenset[str]], ...] = (),
    clocks: tuple[str, ...] = (),
) -> Callable[[Callable[..., str | None]], Callable[..., str | None]]:
    """Declare the function below as the condition ``name``, imposed by ``citation``."""

    def register(check: Callable[..., str | None]) -> Callable[..., str | None]:
        if name in _REGISTRY:
            raise ValueError(f"the condition {name!r} is declared twice")
        _REGISTRY[name] = Guard(name, citation, means, check, needs, clocks)
        return check

    return register


_CASE_OR_CONTROVERSY = "U.S. Const. art. III, sec. 2"


@guard(
    "policy_exists",
    citation=_CASE_OR_CONTROVERSY,
    means="there is an order or statute in force to challenge",
    needs=(("policy", frozenset({"issued"})),),
)
def _policy_exists(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if policy.policy == "none":
        return "there is no order or statute to challenge yet, so there is no case or controversy"
    if policy.policy == "revoked":
        return "the policy has been revoked, so there is nothing left to challenge"
    if policy.policy == "expired":
        return "the policy has expired by its own terms, so there is nothing left to challenge"
    return None


@guard(
    "policy_in_force",
    citation="5 U.S.C. 551(4)",
    means="the order or statute the rule carries out is in force",
    needs=(("policy", frozenset({"issued"})),),
)
def _policy_in_force(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if policy.policy not in ("issued", "replaced"):
        return "an implementing rule needs an order or statute in force to carry out"
    return None


@guard(
    "policy_is_presidential",
    citation="U.S. Const. art. II",
    means="the policy is an executive order or a proclamation, which the President revokes",
)
def _policy_is_presidential(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if policy.kind not in ("order", "proclamation"):
        return (
            f"only an executive order or a proclamation is revoked by the President; "
            f"{_KIND_ENDS.get(policy.kind, 'this policy ends otherwise')}"
        )
    return None


_KIND_ENDS = {
    "statute": "a statute must be repealed by Congress",
    "agency_action": "an agency rescinds its own action",
}


@guard(
    "policy_is_agency_action",
    citation="5 U.S.C. 551(5)",
    means="the policy is an agency's own action, which the agency rescinds",
)
def _policy_is_agency_action(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if policy.kind != "agency_action":
        return "only an agency's own action is rescinded by the agency"
    return None


@guard(
    "parts_of_the_policy",
    citation="the revoking order's own terms",
    means="the parts that end (revoked or expired) are parts of the policy, and some stay in force",
)
def _parts_of_the_policy(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if not event.parts:
        return "a partial revocation or expiry names the parts that end"
    unknown = [part for part in event.parts if part not in policy.parts]
    if unknown:
        known = ", ".join(policy.parts) or "none named"
        return f"the policy has no part {unknown[0]!r} (its parts: {known})"
    if set(policy.parts) <= set(event.parts):
        return "ending every part ends the whole policy"
    return None


@guard(
    "live_controversy",
    citation=_CASE_OR_CONTROVERSY,
    means="no court has held the case moot",
)
def _live_controversy(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.moot:
        return "a court has held the case moot, so no court decides it on the merits now"
    return None


@guard(
    "something_to_restrain",
    citation=f"{_CASE_OR_CONTROVERSY}; FRCP 65(d)(1)",
    means=(
        "the challenged policy has not ended as of this day, or a court has held the case "
        "still live although it did"
    ),
)
def _something_to_restrain(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    ended = policy.policy in POLICY_ENDED
    if suit.live_exception or not ended:
        return None
    if policy.revoked_on is not None and policy.revoked_on <= event.date:
        return (
            f"the policy was {policy.policy} with effect from {policy.revoked_on.isoformat()}, "
            "so there is nothing left for a new order to restrain"
        )
    return None


@guard(
    "cessation",
    citation=f"{_CASE_OR_CONTROVERSY}; {LAIDLAW}",
    means=(
        "the case has become moot: the challenged action ended (revoked, rescinded, replaced "
        "or expired), the parties settled, or events left nothing to decide"
    ),
    needs=(("policy", frozenset({"revoked"})),),
)
def _cessation(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> str | None:
    # A court that held the case still live does not bind a higher one, so an earlier
    # holding under an exception does not stop a later one of mootness.
    if event.cause in ("settlement", "events") or policy.policy in POLICY_ENDED:
        return None
    return (
        "the case is not moot: the challenged action is still in force, so the court still "
        "has something to decide"
    )


@guard(
    "vacatur_equitable",
    citation=BONNER_MALL,
    means=(
        "the judgment was not mooted by the parties' settlement, unless the court finds "
        "exceptional circumstances"
    ),
)
def _vacatur_equitable(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    # A party that settles gives up its appeal by its own choice; vacatur is for one
    # that fortune or the other side deprived of review.
    if event.cause == "settlement" and not event.exceptional:
        return (
            "mootness by settlement does not justify vacatur of a judgment under review, "
            "absent exceptional circumstances; the appeal is dismissed and the judgment stands"
        )
    return None


@guard(
    "mootness_exception_applies",
    citation=f"{LAIDLAW}; {WEINSTEIN}; {JACKSONVILLE}",
    means=(
        "the challenged action stopped in the way the exception the court names requires: "
        "revoked or replaced for voluntary cessation, expired for a short measure that will "
        "recur, replaced for a successor policy"
    ),
    needs=(("policy", frozenset({"revoked"})),),
)
def _mootness_exception_applies(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if not event.exception:
        known = ", ".join(MOOTNESS_EXCEPTIONS)
        return f"a holding that the case is not moot names its exception ({known})"
    fits = _EXCEPTION_FITS[event.exception]
    if policy.policy in fits:
        return None
    if policy.policy not in POLICY_ENDED:
        return "the challenged action has not stopped, so there is no question of mootness"
    # the track's own words for how the policy ended: "the challenged policy has been revoked"
    ended = SLOT_TEXT["policy"][policy.policy]
    return f"{ended}, which is not what {event.exception} covers"


# Voluntary cessation is the government's own choice; a measure that lapses on its own
# terms is the usual one too short to review; a successor needs something replaced.
_EXCEPTION_FITS: Mapping[str, frozenset[str]] = {
    "voluntary_cessation": frozenset({"revoked", "replaced"}),
    "capable_of_repetition": frozenset({"expired", "revoked", "replaced"}),
    "successor_policy": frozenset({"replaced"}),
}


@guard(
    "case_open",
    citation="FRCP 3",
    means="the lawsuit is pending in the trial court",
    needs=(("trial", frozenset({"pending"})),),
)
def _case_open(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> str | None:
    if suit.trial != "pending":
        return f"the trial court cannot act on a motion now: {_trial_text(suit)}"
    return None


def _trial_text(suit: LawsuitState) -> str:
    return {
        "stayed": "it has paused the lawsuit",
        "dismissed": "the lawsuit has been dismissed",
        "judgment": "it has entered final judgment",
    }.get(suit.trial, "no lawsuit is pending")


@guard(
    "relief_in_force",
    citation="FRAP 8(a)(1)",
    means="an injunction or restraining order is in force",
    needs=(("injunction", frozenset({"in_force", "partly_stayed"})),),
)
def _relief_in_force(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.injunction not in RELIEF_LIVE and suit.tro != "in_force":
        return "there is no injunction or restraining order in force to stay"
    return None


@guard(
    "tro_heard",
    citation="FRCP 65(a)(1)",
    means="a restraining order granted after notice and a hearing is in force",
    needs=(("tro", frozenset({"in_force"})),),
)
def _tro_heard(suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks) -> str | None:
    if suit.tro != "in_force" or not suit.tro_on_notice:
        return (
            "only a restraining order in force, granted after the government was heard, can "
            "become a preliminary injunction without a motion"
        )
    return None


@guard(
    "partly_covered",
    citation="FRCP 65(d)(1)(C)",
    means="the injunction in force covers only part of the policy",
)
def _partly_covered(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if not suit.covers:
        return "the injunction in force already covers the whole policy"
    return None


@guard(
    "no_order_below",
    citation="FRAP 15(a)(1)",
    means="the lawsuit has no trial court below",
)
def _no_order_below(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.trial != "none":
        return "this lawsuit is in the trial court; its appeal comes by notice of appeal"
    return None


@guard(
    "in_trial_court",
    citation="FRCP 3",
    means="the lawsuit did not begin in the court of appeals",
)
def _in_trial_court(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.original:
        return "this lawsuit began in the court of appeals; it has no trial court"
    return None


@guard(
    "original_review",
    citation="FRAP 15(a)(1)",
    means="the lawsuit began by a petition for review in the court of appeals",
)
def _original_review(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if not suit.original:
        return "this is an appeal from a trial court's order, which is affirmed or reversed"
    return None


@guard(
    "order_below",
    citation="28 U.S.C. 2106",
    means="the appeal is from an order of a trial court",
)
def _order_below(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.original:
        return "a petition for review is granted or denied: there is no order below to affirm"
    return None


@guard(
    "under_review",
    citation="FRAP 8(a)(2); 28 U.S.C. 2101(f)",
    means="an appeal or petition for review is pending, or decided with certiorari still open",
    needs=(("appeal", frozenset({"pending", "argued", "decided"})),),
)
def _under_review(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if _on_direct_appeal(suit):
        return None
    if suit.appeal not in ("pending", "abeyance", "argued", "decided"):
        return "no appeal or petition for review is pending or decided"
    if suit.supreme in ("denied", "decided"):
        return "review has ended: the Supreme Court has acted"
    return None


@guard(
    "interim_sought_below",
    citation="S. Ct. R. 23.3",
    means="the court of appeals was asked for an injunction pending review first",
    needs=(("interim", frozenset({"moved", "contested", "denied"})),),
)
def _interim_sought_below(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.interim == "none":
        return (
            "an injunction pending review must first be asked of the court of appeals before "
            "a Justice is asked"
        )
    return None


@guard(
    "application_for_stay",
    citation="S. Ct. R. 23",
    means="the application asks for a stay of an injunction",
)
def _application_for_stay(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.application_for != "stay":
        return "only a stay of an injunction can be granted in part"
    return None


@guard(
    "application_pending",
    citation="S. Ct. R. 22",
    means="an emergency application is pending",
    needs=(("application", frozenset({"filed"})),),
)
def _application_pending(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.application != "filed":
        return "no emergency application is pending to take as a petition"
    return None


@guard(
    "appealable_order",
    citation="28 U.S.C. 1292(a)(1); 28 U.S.C. 1291",
    means="an order granting, refusing or dissolving an injunction, or a final decision, "
    "has been entered and not yet appealed",
    needs=(("injunction", frozenset({"in_force", "denied"})),),
)
def _appealable_order(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if not suit.appealable_order:
        return (
            "no order that can be appealed has been entered: only orders granting, refusing or "
            "dissolving injunctions, and final decisions, can be appealed"
        )
    if suit.appealed:
        return f"the {suit.appealable_order.replace('_', ' ')} order has already been appealed"
    return None


@guard(
    "appeal_in_time",
    citation="FRAP 4(a)(1); 28 U.S.C. 2107",
    means="the notice of appeal is filed within the time to appeal from the order",
    clocks=("appeal_days", "appeal_days_united_states"),
)
def _appeal_in_time(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    deadline = appeal_deadline(suit, clocks)
    if deadline is not None and event.date > deadline.due:
        return (
            f"the notice of appeal was due by {deadline.due.isoformat()} ({deadline.days} days "
            f"after the order of {deadline.start.isoformat()}); it was filed "
            f"{event.date.isoformat()}"
        )
    return None


@guard(
    "direct_appeal_in_time",
    citation="28 U.S.C. 2101(b)",
    means=(
        "the notice of a direct appeal is filed within 30 days of an interlocutory order, or 60 "
        "of a final judgment"
    ),
    clocks=("direct_appeal_days", "direct_appeal_final_days"),
)
def _direct_appeal_in_time(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    # appeal_deadline counts a three-judge court's orders on the statute's own clock
    return _appeal_in_time(suit, policy, event, clocks)


@guard(
    "appeal_pending",
    citation="FRAP 3(a)(1)",
    means="an appeal is pending",
    needs=(("appeal", frozenset({"pending", "abeyance", "argued"})),),
)
def _appeal_pending(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.appeal not in ("pending", "abeyance", "argued"):
        return "no appeal is pending in the court of appeals"
    return None


@guard(
    "appeal_open",
    citation="FRAP 8(a)(1)",
    means="an appeal is pending or can still be taken",
    needs=(("injunction", frozenset({"in_force", "denied"})),),
)
def _appeal_open(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.appeal in ("pending", "abeyance", "argued") or _on_direct_appeal(suit):
        return None
    if suit.appealable_order and not suit.appealed:
        return None
    return "no appeal is pending or still possible, so there is nothing to stay pending appeal"


def _on_direct_appeal(suit: LawsuitState) -> bool:
    """Whether the Supreme Court has a direct appeal from a three-judge court before it."""
    return suit.three_judge == "convened" and suit.supreme in DIRECT_APPEAL_PENDING


#: The Supreme Court's track while a direct appeal is before it, until it decides.
DIRECT_APPEAL_PENDING = frozenset({"noticed", "docketed", "granted", "argued"})


@guard(
    "three_judge_court",
    citation="28 U.S.C. 1253; 28 U.S.C. 2284",
    means="a district court of three judges entered the order",
    # No planning need: whether a case needs three judges is the statute's, not a step a
    # generated history should steer toward.
)
def _three_judge_court(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.three_judge != "convened":
        return (
            "only a district court of three judges is appealed straight to the Supreme Court; "
            "one judge's orders go to the court of appeals"
        )
    return None


@guard(
    "appeal_to_court_of_appeals",
    citation="28 U.S.C. 1291; 28 U.S.C. 1292(a)(1); 28 U.S.C. 1253",
    means="one district judge entered the order, so the appeal goes to the court of appeals",
)
def _appeal_to_court_of_appeals(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.three_judge == "convened":
        return (
            "a three-judge court's order granting or denying an injunction is appealed straight "
            "to the Supreme Court, not to the court of appeals"
        )
    return None


@guard(
    "direct_appeal_taken",
    citation="S. Ct. R. 18.3",
    means=(
        "a direct appeal has been taken, and its jurisdictional statement is filed within 60 "
        "days of the notice of appeal"
    ),
    needs=(("supreme", frozenset({"noticed"})),),
    clocks=("jurisdictional_statement_days",),
)
def _direct_appeal_taken(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    deadline = jurisdictional_statement_deadline(suit, clocks)
    if deadline is None:
        return "no direct appeal to the Supreme Court has been taken"
    if event.date > deadline.due:
        return (
            f"the jurisdictional statement was due by {deadline.due.isoformat()} "
            f"({deadline.days} days after the notice of appeal of {deadline.start.isoformat()})"
        )
    return None


@guard(
    "on_direct_appeal",
    citation="28 U.S.C. 1253; S. Ct. R. 23.3",
    means="a direct appeal from a three-judge court is before the Supreme Court",
    needs=(("supreme", frozenset({"noticed", "docketed", "granted"})),),
)
def _on_direct_appeal_guard(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if not _on_direct_appeal(suit):
        return "no direct appeal from a three-judge court is before the Supreme Court"
    return None


@guard(
    "stay_sought_below",
    citation="FRAP 8(a)(2)(A)",
    means="the trial court was asked for a stay first, or asking it was impracticable",
    needs=(("stay_district", frozenset({"moved", "contested", "denied"})),),
)
def _stay_sought_below(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.stay_district == "none" and not event.impracticable:
        return (
            "a stay pending appeal must be asked of the trial court first, unless the motion "
            "shows that asking it would be impracticable"
        )
    return None


@guard(
    "stay_sought_in_appeals",
    citation="S. Ct. R. 23.3",
    means="the court of appeals was asked for a stay first",
    needs=(("stay_appeals", frozenset({"moved", "contested", "denied"})),),
)
def _stay_sought_in_appeals(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.stay_appeals == "none":
        return "a stay must first be asked of the court of appeals before a Justice is asked"
    return None


@guard(
    "appeal_decided",
    citation="28 U.S.C. 1254(1)",
    means="the court of appeals has entered judgment",
    needs=(("appeal", frozenset({"decided"})),),
)
def _appeal_decided(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.appeal != "decided":
        return "the court of appeals has not entered a judgment to review"
    return None


@guard(
    "certiorari_in_time",
    citation="28 U.S.C. 2101(c); S. Ct. R. 13.1",
    means="the petition is filed within the time to seek certiorari from the judgment",
    clocks=("certiorari_days",),
)
def _certiorari_in_time(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    deadline = certiorari_deadline(suit, clocks)
    if deadline is not None and event.date > deadline.due:
        return (
            f"the petition was due by {deadline.due.isoformat()} ({deadline.days} days after the "
            f"judgment of {deadline.start.isoformat()}); it was filed {event.date.isoformat()}"
        )
    return None


@guard(
    "no_rehearing_pending",
    citation="FRAP 41(b)",
    means="no petition for rehearing is pending: the mandate waits for it to be decided",
)
def _no_rehearing_pending(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.rehearing == "petition":
        return "a petition for rehearing is pending; the mandate issues only after it is decided"
    if suit.mandate == "issued":
        return "the mandate has already issued"
    return None


@guard(
    "rehearing_in_time",
    citation="FRAP 40(d)(1) (FRAP 35(c), 40(a)(1) before Dec. 1, 2024)",
    means="the petition for rehearing is filed within the time after the judgment",
    clocks=("rehearing_days", "rehearing_days_united_states"),
)
def _rehearing_in_time(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    deadline = rehearing_deadline(suit, clocks)
    if deadline is not None and event.date > deadline.due:
        return (
            f"the petition for rehearing was due by {deadline.due.isoformat()} ({deadline.days} "
            f"days after the judgment of {deadline.start.isoformat()}); it was filed "
            f"{event.date.isoformat()}"
        )
    if suit.mandate == "issued":
        return "the mandate has issued: the court of appeals' judgment has taken effect"
    return None


@guard(
    "held_moot_on_appeal",
    citation=f"{MUNSINGWEAR}; S. Ct. R. 13.1",
    means="the court of appeals dismissed the appeal as moot, and the time to seek review runs",
)
def _held_moot_on_appeal(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.appeal != "dismissed" or not suit.moot:
        return "only an appeal dismissed as moot is brought to the Court to vacate what is left"
    return None


@guard(
    "stay_below_in_force",
    citation="S. Ct. R. 22; S. Ct. R. 23",
    means="a stay granted below pauses the injunction",
    needs=(("stay_appeals", frozenset({"granted"})),),
)
def _stay_below_in_force(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    granted = "granted" in (suit.stay_district, suit.stay_appeals)
    if not granted or suit.injunction not in ("stayed", "partly_stayed"):
        return "no stay granted below is pausing the injunction, so there is nothing to vacate"
    return None


@guard(
    "class_certified",
    citation=f"FRCP 23(b)(2); FRCP 23(c)(1); {CASA}",
    means="the court has certified a class, at least provisionally, for the relief to protect",
    needs=(("class_action", frozenset({"certified", "provisional"})),),
)
def _class_certified(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if event.scope == "class" and suit.class_action not in ("certified", "provisional"):
        return (
            "relief for a class needs a class the court has certified (or provisionally "
            "certified) under Rule 23; no class has been certified in this lawsuit"
        )
    return None


@guard(
    "final_relief_allowed",
    citation=f"FRCP 54(c); FRCP 65(d); 5 U.S.C. 706(2); {CASA}",
    means=(
        "the judgment grants relief only to the winning plaintiffs, and a permanent injunction "
        "protects no one beyond them (or a certified class) once universal injunctions ended"
    ),
)
def _final_relief_allowed(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if event.disposition == "defendants" and event.relief:
        return "a judgment for the defendants grants the plaintiffs no relief"
    enjoins = "permanent_injunction" in event.relief
    if not enjoins and (event.scope or event.covers):
        return "only a permanent injunction has a scope; this judgment grants none"
    if enjoins and event.scope == "universal" and event.date >= TRUMP_V_CASA:
        return (
            "since Trump v. CASA (June 27, 2025) a federal court may not enjoin a policy for "
            "everyone: the injunction may protect the plaintiffs, or a certified class"
        )
    if enjoins and event.scope == "class" and suit.class_action not in ("certified", "provisional"):
        return "relief for a class needs a class the court has certified under Rule 23"
    return None


@guard(
    "appeal_on_review",
    citation="FRCP 62.1(a); FRAP 12.1",
    means="an appeal of the lawsuit is pending, so the trial court may only say how it would rule",
    needs=(("appeal", frozenset({"pending", "argued"})),),
)
def _appeal_on_review(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.appeal not in ("pending", "abeyance", "argued"):
        return "no appeal is pending: the trial court can simply rule"
    return None


@guard(
    "relief_named_only_in_part",
    citation="28 U.S.C. 2106; FRAP 36",
    means="only a judgment affirming in part names the relief it vacates",
)
def _relief_named_only_in_part(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if event.relief and event.disposition != "affirmed_in_part":
        return (
            "a judgment that affirms, reverses or vacates the whole order names no relief; "
            "list the relief vacated only when affirming in part"
        )
    unknown = [
        kind for kind in event.relief if kind not in (*suit.final_relief, "preliminary_injunction")
    ]
    if unknown:
        return f"the judgment below granted no {unknown[0].replace('_', ' ')} to vacate"
    return None


def aggrieved(suit: LawsuitState) -> tuple[str, ...]:
    """The sides the latest appealable order went against: those who may appeal it."""
    order = suit.appealable_order
    if order in ("injunction_granted", "tro_granted"):
        return ("government", "plaintiffs") if suit.covers else ("government",)
    if order in ("injunction_denied", "injunction_dissolved", "case_dismissed"):
        return ("plaintiffs",)
    if order == "judgment_entered":
        return ("government",) if suit.final_relief else ("plaintiffs",)
    return ("plaintiffs", "government")


def _aggrieved_text(suit: LawsuitState, party: str) -> str:
    order = suit.appealable_order.replace("_", " ")
    return (
        f"the {party} did not lose the {order} order: only a party it harms may appeal it "
        "(a party that got what it asked for is not aggrieved)"
    )


@guard(
    "aggrieved_party",
    citation=f"{ROPER}; FRAP 3(c)(1)",
    means="the party appealing, when the record names it, is one the order went against",
)
def _aggrieved_party(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if event.party in ("", "intervenor") or event.party in aggrieved(suit):
        return None
    return _aggrieved_text(suit, event.party)


@guard(
    "cross_appeal_allowed",
    citation=f"FRAP 3(b)(2); FRAP 4(a)(3); {ROPER}",
    means=(
        "another party the same order went against appeals it too, within 14 days of the "
        "first notice or the time otherwise allowed, whichever ends later"
    ),
    clocks=("cross_appeal_days", "appeal_days", "appeal_days_united_states"),
)
def _cross_appeal_allowed(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if not suit.appealed or suit.cross_appealed:
        return "there is no appeal from this order for a second party to join"
    if not event.party or event.party == suit.appellant:
        return "a cross-appeal is another party's: the record must name it, and not the appellant"
    if event.party != "intervenor" and event.party not in aggrieved(suit):
        return _aggrieved_text(suit, event.party)
    deadline = cross_appeal_deadline(suit, clocks)
    if deadline is not None and event.date > deadline.due:
        return (
            f"the cross-appeal was due by {deadline.due.isoformat()} (FRAP 4(a)(3)); it was "
            f"filed {event.date.isoformat()}"
        )
    return None


def _still_unanswered(suit: LawsuitState, event: Event) -> bool:
    motion = {"tro": suit.tro, "preliminary_injunction": suit.injunction}.get(event.motion, "")
    return motion == "moved"


@guard(
    "answering_brief",
    citation="FRCP 65(a)(1); FRCP 65(b)(1)",
    means=(
        "a brief that shows the government has notice of the motion: one it files, or one "
        "whose filer the record does not name"
    ),
)
def _answering_brief(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if event.party == "plaintiffs" and _still_unanswered(suit, event):
        return "the plaintiffs' own brief does not show that the government has notice"
    return None


@guard(
    "movants_brief",
    citation="FRCP 7(b)(1)",
    means="the plaintiffs file a further brief on their own motion, before the government answers",
)
def _movants_brief(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if event.party != "plaintiffs":
        return "only the plaintiffs' own brief leaves their motion unanswered"
    return None


@guard(
    "supreme_judgment_due",
    citation="S. Ct. R. 45.2; S. Ct. R. 45.3",
    means=(
        "the Supreme Court has decided, and 32 days have passed since, unless it ordered its "
        "judgment issued forthwith"
    ),
    needs=(("supreme", frozenset({"decided"})),),
    clocks=("supreme_judgment_days",),
)
def _supreme_judgment_due(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    decided = suit.supreme_decided_on
    if suit.supreme != "decided" or decided is None:
        return "the Supreme Court has not decided the case"
    days = clocks.supreme_judgment_days.on(decided).value
    # The Court's own period: its Rule 30.1 counts federal holidays only.
    due = add_days(decided, days)
    if event.date < due and not event.forthwith:
        return (
            f"the judgment goes down {days} days after the decision of {decided.isoformat()}, "
            f"on {due.isoformat()}, unless the Court orders it issued forthwith"
        )
    return None


@guard(
    "others_named",
    citation="FRCP 42(a); FRAP 3(b)(2)",
    means="the order names the other lawsuits it consolidates this one with",
)
def _others_named(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if not event.consolidated:
        return "an order consolidating cases names the other lawsuits (consolidated)"
    return None


@guard(
    "closure_span",
    citation="FRCP 6(a)(3); FRAP 26(a)(3)",
    means=(
        "a time to file in that court is running (to appeal or to move after judgment in the "
        "district court; to seek rehearing or permission to appeal in the court of appeals), "
        "and the closure's last day, when given, is not before its first"
    ),
)
def _closure_span(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    # The rule moves a last day for filing; with none running, a closure changes nothing.
    if event.court == "appeals":
        running = (suit.appeal == "decided" and suit.rehearing == "none") or (
            suit.permission == "certified"
        )
    else:
        running = bool(suit.appealable_order) and not suit.appealed
    if not running:
        return f"no time to file in the {event.court} court is running for a closure to move"
    if event.expires is not None and event.expires < event.date:
        return "a closure ends (expires) on or after the day it begins"
    return None


@guard(
    "reopening_motion_in_time",
    citation="FRAP 4(a)(6)(B); 28 U.S.C. 2107(c)",
    means=(
        "the order has not been appealed, and the motion to reopen the time to appeal is made "
        "within 180 days after it was entered"
    ),
    clocks=("reopen_motion_days",),
)
def _reopening_motion_in_time(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.appealable_on is None or suit.appealed:
        return "there is no order whose time to appeal could be reopened"
    days = clocks.reopen_motion_days.on(suit.appealable_on).value
    latest = suit.appealable_on + datetime.timedelta(days=days)
    if event.date > latest:
        return (
            f"a motion to reopen the time to appeal must be made within {days} days after the "
            f"order of {suit.appealable_on.isoformat()}, by {latest.isoformat()}"
        )
    return None


@guard(
    "appeal_extension_allowed",
    citation="FRAP 4(a)(5)",
    means=(
        "the court extends the time to appeal on a motion made within 30 days after it ran "
        "out, to no more than 30 days after it, or 14 days after the order, whichever is later"
    ),
    clocks=("appeal_extension_days", "appeal_extension_after_order_days"),
)
def _appeal_extension_allowed(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    original = appeal_deadline(attrs.evolve(suit, appeal_due=None), clocks)
    if original is None or suit.appealed:
        return "there is no time to appeal running to extend"
    grace = clocks.appeal_extension_days.on(original.start).value
    after_order = clocks.appeal_extension_after_order_days.on(event.date).value
    latest = max(
        original.due + datetime.timedelta(days=grace),
        event.date + datetime.timedelta(days=after_order),
    )
    if event.date > original.due + datetime.timedelta(days=grace):
        return (
            f"the time to appeal ran out on {original.due.isoformat()}, more than {grace} days "
            "before: it can no longer be extended (FRAP 4(a)(6) reopening is a different step)"
        )
    if event.expires is None or event.expires <= original.due or event.expires > latest:
        return (
            f"the extension must end after {original.due.isoformat()} and by {latest.isoformat()}"
        )
    return None


@guard(
    "certiorari_extension_allowed",
    citation="28 U.S.C. 2101(c); S. Ct. R. 13.5",
    means="a Justice extends the time to petition for certiorari by no more than 60 days",
    clocks=("certiorari_extension_days",),
)
def _certiorari_extension_allowed(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    original = certiorari_deadline(attrs.evolve(suit, certiorari_due=None), clocks)
    if original is None:
        return "there is no time to petition for certiorari running to extend"
    most = clocks.certiorari_extension_days.on(original.start).value
    latest = original.due + datetime.timedelta(days=most)
    if event.expires is None or event.expires <= original.due or event.expires > latest:
        return (
            f"the time may be extended for no more than {most} days: to a day after "
            f"{original.due.isoformat()} and no later than {latest.isoformat()}"
        )
    if event.date > original.due:
        return (
            f"the time to petition ran out on {original.due.isoformat()}; it cannot be extended now"
        )
    return None


@guard(
    "post_judgment_motion_in_time",
    citation="FRCP 59(b), (e); FRAP 4(a)(4)(A)",
    means="a motion to alter or amend the judgment is filed within 28 days of it",
    clocks=("alter_judgment_days",),
)
def _post_judgment_motion_in_time(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if (
        suit.appealable_order not in ("judgment_entered", "case_dismissed")
        or suit.appealable_on is None
    ):
        return "only a final judgment can be altered or amended under Rule 59(e)"
    days = clocks.alter_judgment_days.on(suit.appealable_on).value
    closed = inaccessible_days(suit, "district")
    due = add_days(suit.appealable_on, days, state=suit.venue, inaccessible=closed)
    if event.date > due:
        return f"the motion was due by {due.isoformat()} ({days} days after the judgment)"
    if suit.appealed:
        return "the judgment has already been appealed"
    return None


@guard(
    "order_not_otherwise_appealable",
    citation="28 U.S.C. 1292(b)",
    means=(
        "the trial court has ruled on a question the case turns on (a motion to dismiss or for "
        "summary judgment, a class) in an order that cannot be appealed yet"
    ),
)
def _order_not_otherwise_appealable(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    ruled = (
        suit.dismissal in ("denied", "partly_granted")
        or suit.merits == "denied"
        or suit.class_action in ("certified", "provisional", "denied")
    )
    if not ruled:
        return (
            "there is no ruling on a motion to dismiss, for summary judgment or on a class to "
            "certify"
        )
    return None


@guard(
    "permission_sought_in_time",
    citation="28 U.S.C. 1292(b); FRAP 5(a)(2)",
    means="the petition for permission to appeal is filed within 10 days of the certification",
    clocks=("permission_days",),
)
def _permission_sought_in_time(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.certified_on is None:
        return "the trial court has not certified an order for appeal"
    days = clocks.permission_days.on(suit.certified_on).value
    closed = inaccessible_days(suit, "appeals")
    due = add_days(suit.certified_on, days, state=suit.venue, inaccessible=closed)
    if event.date > due:
        return f"the petition was due by {due.isoformat()} ({days} days after the certification)"
    return None


@guard(
    "tro_not_extended",
    citation="FRCP 65(b)(2)",
    means="the restraining order has not been extended before",
)
def _tro_not_extended(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if suit.tro_expires is None:
        return "the restraining order runs until further order; there is no end to extend"
    if suit.tro_extended and not event.consent:
        return (
            "the restraining order has already been extended once for good cause; a further "
            "extension needs the government's consent"
        )
    return None


@guard(
    "tro_extension_limit",
    citation="FRCP 65(b)(2)",
    means="the extension lasts no longer than the original period",
    clocks=("tro_days",),
)
def _tro_extension_limit(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    latest = tro_extension_end(suit, clocks)
    if event.consent:
        return None
    if event.expires is not None and latest is not None and event.expires > latest:
        return (
            f"an extension may last only for a like period, to {latest.isoformat()}, unless the "
            "adverse party consents"
        )
    return None


@guard(
    "tro_until_further_order",
    citation=f"{SAMPSON}; Washington v. Trump, 847 F.3d 1151, 1158 (9th Cir. 2017)",
    means=(
        "the restraining order, granted after notice and a hearing, runs until further order: "
        "it is in effect a preliminary injunction"
    ),
)
def _tro_until_further_order(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if not event.until_further_order:
        return "this restraining order has a set end; only one to run until further order is"
    if event.expires is not None:
        return "a restraining order to run until further order sets no end date"
    return None


@guard(
    "fixed_term",
    citation="FRCP 65(b)(2)",
    means="the restraining order runs for a set time, not until further order",
)
def _fixed_term(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if event.until_further_order:
        return (
            "a restraining order without notice lasts a set time; one to run until further "
            "order needs notice to the government and a hearing"
        )
    return None


@guard(
    "stay_motion_pending",
    citation="FRAP 8(a)(2); S. Ct. R. 22",
    means="a motion for a stay, or an emergency application, is pending before this court",
    needs=(("stay_appeals", frozenset({"moved", "contested"})),),
)
def _stay_motion_pending(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    pending = (
        suit.application == "filed"
        if event.court == "supreme"
        else suit.stay_appeals in OPEN_MOTION
    )
    if not pending:
        where = (
            "an application to the Supreme Court"
            if event.court == "supreme"
            else ("a motion for a stay in the court of appeals")
        )
        return f"an administrative stay holds things while {where} is considered; none is pending"
    return None


@guard(
    "tro_within_limit",
    citation="FRCP 65(b)(2)",
    means="the restraining order lasts no longer than the rule allows",
    clocks=("tro_days",),
)
def _tro_within_limit(
    suit: LawsuitState, policy: PolicyState, event: Event, clocks: Clocks
) -> str | None:
    if event.expires is None:
        return None
    if event.expires < event.date:
        return "a restraining order cannot expire before it is granted"
    limit = clocks.tro_days.on(event.date).value
    if event.expires > tro_end(event.date, clocks, suit.venue):
        return f"a restraining order may last at most {limit} days"
    return None

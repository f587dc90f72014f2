"""The state of a case: the policy and every lawsuit against it, as immutable values.

Each field of `PolicyState` and `LawsuitState` that holds a short word is a
*track* of the process (the trial, the restraining order, the injunction, the
stays, the appeal, the Supreme Court); the process model moves one track per
event. The other fields record what later rules need: dates that start
deadlines, whether the case became moot.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs

__all__ = ["CaseState", "LawsuitState", "PolicyState", "state_to_dict"]


@attrs.frozen(slots=True)
class PolicyState:
    """The government action being challenged: an executive order, a proclamation, a
    statute or an agency's own action (a rule, a memorandum, a program)."""

    #: none | issued | revoked | replaced | expired
    policy: str = "none"
    #: order | proclamation | statute | agency_action, once issued
    kind: str = ""
    #: for an agency action: rule | memorandum | program | order | guidance; for an order
    #: of the President: memorandum when it is one
    form: str = ""
    #: none | issued | withdrawn: the implementing rule
    rule: str = "none"
    #: the separate prohibitions the implementing rule sets out, if it names them
    parts: tuple[str, ...] = ()
    effective_on: datetime.date | None = None
    #: the day a revocation, rescission or replacement takes effect, or the policy expired
    revoked_on: datetime.date | None = None
    #: the parts of the policy revoked while the rest stays in force
    revoked_parts: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class LawsuitState:
    """One lawsuit against the policy, from complaint to the Supreme Court."""

    case: str
    #: none | pending | stayed | dismissed | judgment
    trial: str = "none"
    #: none | moved | contested | in_force | denied | expired | dissolved | replaced
    tro: str = "none"
    tro_since: datetime.date | None = None
    tro_expires: datetime.date | None = None
    tro_extended: bool = False
    #: the restraining order was granted after the government was heard
    tro_on_notice: bool = False
    #: none | moved | contested | in_force | partly_stayed | stayed | denied | dissolved | vacated
    injunction: str = "none"
    scope: str = ""
    #: the parts of the policy the injunction covers; empty: all of it
    covers: tuple[str, ...] = ()
    #: none | moved | contested | granted | denied: an injunction pending review,
    #: asked of the court of appeals when there is no injunction below to keep
    interim: str = "none"
    #: none | moved | contested | granted | denied: stay motions at each level
    stay_district: str = "none"
    stay_appeals: str = "none"
    #: none | granted | denied | ended: a short stay while a stay motion or application
    #: is considered; ``paused_from`` is the injunction's state before it
    admin_stay: str = "none"
    paused_from: str = ""
    #: none | filed | granted | denied | treated: an emergency application to the
    #: Supreme Court, for a stay or for an injunction pending review
    application: str = "none"
    application_for: str = ""
    #: none | pending | abeyance | argued | decided | dismissed | superseded
    appeal: str = "none"
    appeal_disposition: str = ""
    #: none | petition | denied | granted: rehearing of the court of appeals' judgment
    rehearing: str = "none"
    #: none | certified | petition | granted | denied: an interlocutory appeal by permission
    #: (28 U.S.C. 1292(b)); when the trial court certified the order
    permission: str = "none"
    certified_on: datetime.date | None = None
    #: none | petition | granted | denied: a petition for a writ of mandamus
    mandamus: str = "none"
    #: none | stayed | issued: the mandate, which makes the judgment take effect (FRAP 41)
    mandate: str = "none"
    #: when rehearing was denied: the time to seek certiorari runs from here (S. Ct. R. 13.3)
    rehearing_denied_on: datetime.date | None = None
    #: none | issued: the Supreme Court's judgment sent down to the court below (S. Ct. R. 45.3)
    supreme_mandate: str = "none"
    #: when the Supreme Court decided: its judgment goes down 32 days later (R. 45.2, 45.3)
    supreme_decided_on: datetime.date | None = None
    #: none | petition | granted | denied | argued | decided | noticed | docketed
    #: (the last two: a direct appeal from a three-judge court, before the Court acts on it)
    supreme: str = "none"
    supreme_disposition: str = ""
    united_states_party: bool = False
    #: none | convened: a district court of three judges (28 U.S.C. 2284)
    three_judge: str = "none"
    #: the state where the trial court (or, for a petition for review, the circuit clerk) sits;
    #: given by the scenario's courts, not moved by any step, so left out of comparisons
    venue: str = attrs.field(default="", eq=False)
    #: the lawsuit began in the court of appeals, by a petition for review
    original: bool = False
    #: the last order a notice of appeal can be taken from, and when it was entered
    appealable_order: str = ""
    appealable_on: datetime.date | None = None
    #: a motion under FRCP 50(b), 52(b), 59 or 60 is pending: the time to appeal waits for it
    post_judgment: str = "none"
    #: a later last day to appeal, or to petition for certiorari, that a court allowed
    appeal_due: datetime.date | None = None
    certiorari_due: datetime.date | None = None
    #: none | appeal | certiorari: the last time a court extended a deadline
    time_extended: str = "none"
    appealed: bool = False
    #: who took the appeal from that order, and when; whether another party cross-appealed
    appellant: str = ""
    appealed_on: datetime.date | None = None
    cross_appealed: bool = False
    #: when the court of appeals entered judgment: the certiorari clock starts here
    judgment_on: datetime.date | None = None
    #: none | moved | contested | denied | partly_granted: a motion to dismiss
    dismissal: str = "none"
    #: none | moved | contested | denied: a motion for summary judgment
    merits: str = "none"
    #: none | moved | contested | certified | provisional | denied: a class action (FRCP 23)
    class_action: str = "none"
    #: none | stated | remanded: an indicative ruling while an appeal is pending (FRCP 62.1)
    indicative: str = "none"
    #: what the final judgment for the plaintiffs granted, and whom it protects
    final_relief: tuple[str, ...] = ()
    #: the relief a judgment affirming in part vacated (it ends with the mandate)
    vacated_on_appeal: tuple[str, ...] = ()
    #: none | consolidated: joined with other lawsuits for hearing or trial, or on appeal; each
    #: keeps its own identity (Hall v. Hall), so nothing else about it changes
    consolidation: str = "none"
    consolidated_with: tuple[str, ...] = ()
    #: none | recorded: the record says a clerk's office of this lawsuit could not be reached
    clerk: str = "none"
    #: the days it could not be, with the court (district or appeals): a deadline's last day
    #: among them moves on to the next accessible day (FRCP 6(a)(3); FRAP 26(a)(3))
    inaccessible: tuple[tuple[str, datetime.date], ...] = ()
    #: a court has held the case (or the appeal) moot: no court decides the merits now
    moot: bool = False
    #: why it was held moot (`simulator.events.MOOT_CAUSES`)
    moot_cause: str = ""
    #: why a court held the case still live although the challenged action stopped
    #: (`simulator.events.MOOTNESS_EXCEPTIONS`): the challenge goes on, against a successor too
    live_exception: str = ""


@attrs.frozen(slots=True)
class CaseState:
    """Everything the recorded events say about a case, as of ``as_of``."""

    policy: PolicyState = PolicyState()
    lawsuits: tuple[LawsuitState, ...] = ()
    as_of: datetime.date | None = None
    steps: int = 0

    def lawsuit(self, case: str) -> LawsuitState | None:
        """The lawsuit called ``case``, if it has been filed."""
        for suit in self.lawsuits:
            if suit.case == case:
                return suit
        return None


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


def state_to_dict(state: CaseState) -> dict[str, Any]:
    """A JSON-ready mapping of the state, dates as YYYY-MM-DD."""
    return attrs.asdict(state, recurse=True, value_serializer=lambda _i, _f, v: _plain(v))

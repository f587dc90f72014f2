"""Time limits: how long a restraining order lasts, and how long a party has to appeal.

Each limit is a dated parameter (the law in force on the day the clock starts
decides its length) with its citation, and each clock is computed the one way
the calendar rules say (`simulator.law.calendar`). The parameters belong to a
process model (`Clocks`, ``ProcessModel.clocks``): the guards that refuse a
late notice of appeal and the deadlines shown to a class both read the
model's own, so a variant that shortens a period changes both at once.
"""

from __future__ import annotations

import datetime
import inspect
from collections.abc import Callable
from typing import Any

import attrs

from simulator.law.authorities import FRAP_IN_FORCE, REOPENING
from simulator.law.calendar import add_days, counting_method_for
from simulator.state import LawsuitState

__all__ = [
    "APPEAL_DAYS",
    "CERTIORARI_DAYS",
    "CLOCKS",
    "FEDERAL_CLOCKS",
    "TRO_DAYS",
    "Clock",
    "Clocks",
    "Deadline",
    "Parameter",
    "Period",
    "appeal_deadline",
    "certiorari_deadline",
    "cross_appeal_deadline",
    "inaccessible_days",
    "jurisdictional_statement_deadline",
    "rehearing_deadline",
    "tro_deadline",
    "tro_end",
    "tro_extension_end",
    "with_clocks",
]


@attrs.frozen
class Period:
    """A value of a parameter, in force from ``start`` (inclusive) on."""

    start: datetime.date
    value: int
    citation: str


@attrs.frozen
class Parameter:
    """A number the law sets, with the dates each value applies from."""

    name: str
    periods: tuple[Period, ...]

    def on(self, day: datetime.date) -> Period:
        """The value in force on ``day``: the latest period that has started."""
        current = self.periods[0]
        for period in self.periods:
            if period.start <= day:
                current = period
        return current

    @classmethod
    def fixed(cls, name: str, value: int, citation: str) -> Parameter:
        """A parameter with one value on every date, for a variant of the law."""
        return cls(name, (Period(datetime.date.min, value, citation),))


_EPOCH = datetime.date(1938, 9, 16)  # the Federal Rules of Civil Procedure take effect
_FRAP = FRAP_IN_FORCE  # before it, the Judicial Code of 1948 set the time to appeal
_JUDICIAL_CODE = datetime.date(1948, 9, 1)  # title 28 as revised by the Act of June 25, 1948

#: The longest life of a restraining order issued without notice.
TRO_DAYS = Parameter(
    "tro_days",
    (
        Period(_EPOCH, 10, "FRCP 65(b) (before Dec. 1, 2009): not to exceed 10 days"),
        Period(datetime.date(2009, 12, 1), 14, "FRCP 65(b)(2): not to exceed 14 days"),
    ),
)

#: Time to file a notice of appeal when no United States party is in the case.
APPEAL_DAYS = Parameter(
    "appeal_days",
    (
        Period(_JUDICIAL_CODE, 30, "28 U.S.C. 2107 (1948); FRCP 73(a)"),
        Period(_FRAP, 30, "FRAP 4(a)(1)(A); 28 U.S.C. 2107(a)"),
    ),
)

#: Time to appeal when the United States, an agency or an officer is a party.
APPEAL_DAYS_UNITED_STATES = Parameter(
    "appeal_days_united_states",
    (
        Period(
            _JUDICIAL_CODE, 60, "28 U.S.C. 2107 (1948): 60 days when the United States is a party"
        ),
        Period(_FRAP, 60, "FRAP 4(a)(1)(B); 28 U.S.C. 2107(b)"),
    ),
)

#: Time to petition for certiorari from a court of appeals' judgment. The
#: Court's COVID-19 order of March 19, 2020 made it 150 days for every petition
#: due on or after that day, that is for judgments from December 20, 2019 (90
#: days earlier); its order of July 19, 2021 restored 90 days for judgments
#: entered from then on (fd.org, July 20, 2021; reason.com/volokh, March 19, 2020).
CERTIORARI_DAYS = Parameter(
    "certiorari_days",
    (
        Period(_EPOCH, 90, "28 U.S.C. 2101(c); S. Ct. R. 13.1"),
        Period(
            datetime.date(2019, 12, 20),
            150,
            "S. Ct. Order of March 19, 2020 (COVID-19): 150 days, rescinded July 19, 2021",
        ),
        Period(datetime.date(2021, 7, 19), 90, "28 U.S.C. 2101(c); S. Ct. R. 13.1"),
    ),
)


#: Time to petition for rehearing (panel or en banc) after the court of appeals' judgment:
#: 14 days, or 45 in a civil case with a United States party. FRAP 35(c) and 40(a)(1) until
#: Nov. 30, 2024 (text as in force in 2017, masslitapp.com copy of FRAP 40); FRAP 40(d)(1) as
#: consolidated Dec. 1, 2024 (LII, committee note to the 2024 amendment). Not verified: the
#: day the 45-day provision first applied; both periods are dated here from the FRAP of 1968.
REHEARING_DAYS = Parameter(
    "rehearing_days",
    (
        Period(_FRAP, 14, "FRAP 35(c); FRAP 40(a)(1)"),
        Period(datetime.date(2024, 12, 1), 14, "FRAP 40(d)(1)"),
    ),
)

REHEARING_DAYS_UNITED_STATES = Parameter(
    "rehearing_days_united_states",
    (
        Period(_FRAP, 45, "FRAP 40(a)(1): 45 days when the United States is a party"),
        Period(datetime.date(2024, 12, 1), 45, "FRAP 40(d)(1)"),
    ),
)


#: A cross-appeal: 14 days after the first notice, or the time otherwise allowed, whichever
#: ends later (FRAP 4(a)(3), in the rules since 1968).
CROSS_APPEAL_DAYS = Parameter("cross_appeal_days", (Period(_FRAP, 14, "FRAP 4(a)(3)"),))


#: How much longer a court may allow: FRAP 4(a)(5)(C) (30 days after the prescribed time, or
#: 14 days after the order granting the motion, whichever is later); S. Ct. R. 13.5 and
#: 28 U.S.C. 2101(c) (a Justice, for good cause, for not more than 60 days); FRCP 59(b), (e)
#: (a motion to alter or amend a judgment within 28 days, 10 before Dec. 1, 2009).
APPEAL_EXTENSION_DAYS = Parameter("appeal_extension_days", (Period(_FRAP, 30, "FRAP 4(a)(5)(C)"),))
#: Not verified: the day FRAP 4(a)(5)(C) first allowed days after the order (its text of
#: 2002-2009 says 10); dated here from the FRAP of 1968.
APPEAL_EXTENSION_AFTER_ORDER_DAYS = Parameter(
    "appeal_extension_after_order_days",
    (
        Period(_FRAP, 10, "FRAP 4(a)(5)(C) (before Dec. 1, 2009)"),
        Period(datetime.date(2009, 12, 1), 14, "FRAP 4(a)(5)(C)"),
    ),
)
CERTIORARI_EXTENSION_DAYS = Parameter(
    "certiorari_extension_days", (Period(_EPOCH, 60, "28 U.S.C. 2101(c); S. Ct. R. 13.5"),)
)
ALTER_JUDGMENT_DAYS = Parameter(
    "alter_judgment_days",
    (
        Period(_EPOCH, 10, "FRCP 59(b), (e) (before Dec. 1, 2009)"),
        Period(datetime.date(2009, 12, 1), 28, "FRCP 59(b), (e)"),
    ),
)


#: A petition for permission to appeal a certified order: 10 days (28 U.S.C. 1292(b); FRAP 5).
PERMISSION_DAYS = Parameter(
    "permission_days", (Period(datetime.date(1958, 9, 2), 10, "28 U.S.C. 1292(b); FRAP 5(a)(2)"),)
)


#: The Supreme Court's judgment goes down 32 days after it is entered, unless the Court or a
#: Justice shortens or extends the time (S. Ct. R. 45.2, applied by R. 45.3 to cases from the
#: federal courts). Not verified: the day the Court's rules first set 32 days; dated from 1948.
SUPREME_JUDGMENT_DAYS = Parameter(
    "supreme_judgment_days", (Period(_JUDICIAL_CODE, 32, "S. Ct. R. 45.2; S. Ct. R. 45.3"),)
)

#: Reopening the time to appeal for a party that got no notice of the order within 21 days:
#: the motion within 180 days of the order, the appeal within 14 days of the order reopening
#: (FRAP 4(a)(6), in the rules since Dec. 1, 1991; 28 U.S.C. 2107(c)). The other limit on the
#: motion, 14 days (7 before Dec. 1, 2009) after the party received notice, needs that day,
#: which a record seldom gives: it is not checked.
REOPEN_MOTION_DAYS = Parameter(
    "reopen_motion_days", (Period(REOPENING, 180, "FRAP 4(a)(6)(B); 28 U.S.C. 2107(c)"),)
)
REOPEN_DAYS = Parameter("reopen_days", (Period(REOPENING, 14, "FRAP 4(a)(6); 28 U.S.C. 2107(c)"),))

#: A direct appeal to the Supreme Court from a three-judge district court: 30 days from an
#: interlocutory order, 60 from a final one (28 U.S.C. 2101(b), in title 28 since 1948).
DIRECT_APPEAL_DAYS = Parameter(
    "direct_appeal_days", (Period(_JUDICIAL_CODE, 30, "28 U.S.C. 2101(b): interlocutory"),)
)
DIRECT_APPEAL_FINAL_DAYS = Parameter(
    "direct_appeal_final_days", (Period(_JUDICIAL_CODE, 60, "28 U.S.C. 2101(b): final"),)
)
#: The jurisdictional statement: 60 days after the notice of appeal is filed (S. Ct. R. 18.3).
#: Not verified: the day the Court's rules first set 60 days; dated here from 1948.
JURISDICTIONAL_STATEMENT_DAYS = Parameter(
    "jurisdictional_statement_days", (Period(_JUDICIAL_CODE, 60, "S. Ct. R. 18.3"),)
)


@attrs.frozen
class Clocks:
    """The periods a process model sets, each a dated `Parameter`.

    A variant replaces some of them (`revised`, or ``ProcessModel.revise(clocks=...)``);
    every guard, effect and deadline of that model then counts with the new period.
    """

    tro_days: Parameter = TRO_DAYS
    appeal_days: Parameter = APPEAL_DAYS
    appeal_days_united_states: Parameter = APPEAL_DAYS_UNITED_STATES
    certiorari_days: Parameter = CERTIORARI_DAYS
    rehearing_days: Parameter = REHEARING_DAYS
    rehearing_days_united_states: Parameter = REHEARING_DAYS_UNITED_STATES
    cross_appeal_days: Parameter = CROSS_APPEAL_DAYS
    appeal_extension_days: Parameter = APPEAL_EXTENSION_DAYS
    appeal_extension_after_order_days: Parameter = APPEAL_EXTENSION_AFTER_ORDER_DAYS
    certiorari_extension_days: Parameter = CERTIORARI_EXTENSION_DAYS
    alter_judgment_days: Parameter = ALTER_JUDGMENT_DAYS
    permission_days: Parameter = PERMISSION_DAYS
    direct_appeal_days: Parameter = DIRECT_APPEAL_DAYS
    direct_appeal_final_days: Parameter = DIRECT_APPEAL_FINAL_DAYS
    jurisdictional_statement_days: Parameter = JURISDICTIONAL_STATEMENT_DAYS
    reopen_motion_days: Parameter = REOPEN_MOTION_DAYS
    reopen_days: Parameter = REOPEN_DAYS
    supreme_judgment_days: Parameter = SUPREME_JUDGMENT_DAYS

    def revised(self, *parameters: Parameter) -> Clocks:
        """These clocks with the parameters of the same names replaced."""
        known = {field.name for field in attrs.fields(Clocks)}
        unknown = sorted(p.name for p in parameters if p.name not in known)
        if unknown:
            raise ValueError(
                f"no clock called {', '.join(unknown)}; the clocks are {', '.join(sorted(known))}"
            )
        return attrs.evolve(self, **{parameter.name: parameter for parameter in parameters})

    def describe(self) -> list[tuple[str, str]]:
        """Each clock's name and its values over time, for `sim rules`."""
        rows = []
        for field in attrs.fields(Clocks):
            parameter: Parameter = getattr(self, field.name)
            values = "; ".join(
                f"{period.value} days"
                + (f" from {period.start.isoformat()}" if period.start > datetime.date.min else "")
                + f" ({period.citation})"
                for period in parameter.periods
            )
            rows.append((field.name, values))
        return rows


#: The periods of the federal rules and statutes.
FEDERAL_CLOCKS = Clocks()


def with_clocks(function: Callable[..., Any]) -> Callable[..., Any]:
    """A condition or effect that takes the model's clocks as its fourth argument: one written
    for the earlier three-argument form (lawsuit, policy, event) is wrapped to ignore them."""
    positional = [
        parameter
        for parameter in inspect.signature(function).parameters.values()
        if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)
    ]
    if len(positional) != 3:
        return function

    def without_clocks(suit: LawsuitState, policy: Any, event: Any, clocks: Clocks) -> Any:
        return function(suit, policy, event)

    return without_clocks


@attrs.frozen
class Deadline:
    """A running clock: ``days`` from the ``start`` event, ending on ``due``."""

    name: str
    label: str
    case: str
    days: int
    start: datetime.date
    due: datetime.date
    citation: str
    counting: str

    def describe(self) -> str:
        """For example: "60 days to appeal, until 2020-11-18 (FRAP 4(a)(1)(B); ...)"."""
        return f"{self.days} days {self.label}, until {self.due.isoformat()} ({self.citation})"


def _clock(
    name: str,
    label: str,
    suit: LawsuitState,
    start: datetime.date,
    period: Period,
    *,
    federal_only: bool = False,
    filed_in: str = "district",
) -> Deadline:
    # A period in the lower courts also skips the holidays of the court's state (FRCP
    # 6(a)(6)(C), FRAP 26(a)(6)(C)); the Supreme Court's own counts only federal ones (R. 30.1).
    # A last day on which the clerk's office where the paper is filed could not be reached
    # moves on too (FRCP 6(a)(3); FRAP 26(a)(3)).
    method = counting_method_for(start)
    state = "" if federal_only else suit.venue
    closed = frozenset() if federal_only else inaccessible_days(suit, filed_in)
    due = add_days(start, period.value, method=method, state=state, inaccessible=closed)
    return Deadline(
        name, label, suit.case, period.value, start, due, period.citation, method.citation
    )


def inaccessible_days(suit: LawsuitState, court: str) -> frozenset[datetime.date]:
    """The days the clerk's office of the lawsuit's ``court`` (district or appeals) could not
    be reached, as the record says (FRCP 6(a)(3); FRAP 26(a)(3))."""
    if not suit.inaccessible:  # the usual case, on every deadline a guard computes
        return _NO_DAYS
    return frozenset(day for where, day in suit.inaccessible if where == court)


_NO_DAYS: frozenset[datetime.date] = frozenset()


def _extended(deadline: Deadline, due: datetime.date | None, authority: str) -> Deadline:
    """The deadline as a court extended it to ``due`` under ``authority``, if later."""
    if due is None or due <= deadline.due:
        return deadline
    days = (due - deadline.start).days
    return attrs.evolve(deadline, days=days, due=due, citation=f"{deadline.citation}; {authority}")


def appeal_deadline(suit: LawsuitState, clocks: Clocks = FEDERAL_CLOCKS) -> Deadline | None:
    """The last day to file a notice of appeal from the suit's latest appealable order: none
    while a timely motion to alter the judgment waits (FRAP 4(a)(4)), a later one when the
    court extended the time (FRAP 4(a)(5))."""
    if suit.appealable_on is None or suit.post_judgment == "moved":
        return None
    days = clocks.appeal_days_united_states if suit.united_states_party else clocks.appeal_days
    if suit.three_judge == "convened":
        # straight to the Supreme Court, on the statute's own clock
        final = suit.appealable_order == "judgment_entered"
        days = clocks.direct_appeal_final_days if final else clocks.direct_appeal_days
    period = days.on(suit.appealable_on)
    deadline = _clock("appeal", "to appeal", suit, suit.appealable_on, period)
    authority = "FRAP 4(a)(6)" if suit.time_extended == "reopened" else "FRAP 4(a)(5)"
    return _extended(deadline, suit.appeal_due, authority)


def certiorari_deadline(suit: LawsuitState, clocks: Clocks = FEDERAL_CLOCKS) -> Deadline | None:
    """The last day to petition for certiorari from the court of appeals' judgment, or from
    the denial of rehearing (S. Ct. R. 13.3). A petition already pending (certiorari before
    judgment) meets it: there is no clock to run."""
    if suit.judgment_on is None or suit.supreme in ("petition", "granted", "argued"):
        return None
    start = suit.rehearing_denied_on or suit.judgment_on
    period = clocks.certiorari_days.on(start)
    if suit.rehearing_denied_on is not None:
        period = attrs.evolve(period, citation=f"{period.citation}; S. Ct. R. 13.3")
    deadline = _clock(
        "certiorari", "to petition for certiorari", suit, start, period, federal_only=True
    )
    return _extended(deadline, suit.certiorari_due, "S. Ct. R. 13.5")


def rehearing_deadline(suit: LawsuitState, clocks: Clocks = FEDERAL_CLOCKS) -> Deadline | None:
    """The last day to petition the court of appeals for rehearing of its judgment."""
    if suit.judgment_on is None or suit.appeal != "decided":
        return None
    days = (
        clocks.rehearing_days_united_states if suit.united_states_party else clocks.rehearing_days
    )
    period = days.on(suit.judgment_on)
    return _clock(
        "rehearing",
        "to petition for rehearing",
        suit,
        suit.judgment_on,
        period,
        filed_in="appeals",
    )


def cross_appeal_deadline(suit: LawsuitState, clocks: Clocks = FEDERAL_CLOCKS) -> Deadline | None:
    """The last day for another party to appeal the order already appealed (FRAP 4(a)(3))."""
    first = appeal_deadline(suit, clocks)
    if first is None or suit.appealed_on is None:
        return first
    period = clocks.cross_appeal_days.on(suit.appealed_on)
    after = _clock("cross_appeal", "to cross-appeal", suit, suit.appealed_on, period)
    return after if after.due > first.due else first


def jurisdictional_statement_deadline(
    suit: LawsuitState, clocks: Clocks = FEDERAL_CLOCKS
) -> Deadline | None:
    """The last day to file the jurisdictional statement of a direct appeal (S. Ct. R. 18.3)."""
    if suit.supreme != "noticed" or suit.appealed_on is None:
        return None
    period = clocks.jurisdictional_statement_days.on(suit.appealed_on)
    return _clock(
        "jurisdictional_statement",
        "to file the jurisdictional statement",
        suit,
        suit.appealed_on,
        period,
        federal_only=True,
    )


def tro_end(
    granted: datetime.date, clocks: Clocks = FEDERAL_CLOCKS, state: str = ""
) -> datetime.date:
    """The latest day a restraining order granted on ``granted`` may last.

    The limit is a period "in these rules", so it is counted as FRCP 6(a) counts
    any period in force on that day: since December 2009 every day (14 of them,
    a last day on a weekend or holiday rolling forward); before, 10 days with
    intermediate weekends and holidays left out.
    """
    days = clocks.tro_days.on(granted).value
    return add_days(granted, days, method=counting_method_for(granted), state=state)


def tro_extension_end(suit: LawsuitState, clocks: Clocks = FEDERAL_CLOCKS) -> datetime.date | None:
    """The latest end of a restraining order extended once "for a like period".

    An order that ran the full limit may run the full limit again, counted the
    same way from its first end; a shorter one, as many days again.
    """
    if suit.tro_since is None or suit.tro_expires is None:
        return None
    if suit.tro_expires == tro_end(suit.tro_since, clocks, suit.venue):
        return tro_end(suit.tro_expires, clocks, suit.venue)
    return suit.tro_expires + (suit.tro_expires - suit.tro_since)


def tro_deadline(suit: LawsuitState, clocks: Clocks = FEDERAL_CLOCKS) -> Deadline | None:
    """When the restraining order in force expires unless extended or replaced."""
    if suit.tro != "in_force" or suit.tro_since is None or suit.tro_expires is None:
        return None
    limit = clocks.tro_days.on(suit.tro_since)
    full = suit.tro_expires == tro_end(suit.tro_since, clocks, suit.venue)
    days = limit.value if full else (suit.tro_expires - suit.tro_since).days
    citation = limit.citation
    counting = counting_method_for(suit.tro_since).citation
    return Deadline(
        "tro",
        "of restraining order",
        suit.case,
        days,
        suit.tro_since,
        suit.tro_expires,
        citation,
        counting,
    )


@attrs.frozen
class Clock:
    """Which steps start a kind of deadline, which steps meet it, and how it is computed."""

    name: str
    compute: Callable[[LawsuitState, Clocks], Deadline | None] = attrs.field(eq=False)
    met_by: frozenset[str] = frozenset()


#: The deadlines the narrative and the JSON report follow, case by case.
CLOCKS = (
    Clock("tro", tro_deadline),
    Clock("appeal", appeal_deadline, frozenset({"notice_of_appeal_filed"})),
    Clock("rehearing", rehearing_deadline, frozenset({"rehearing_petition_filed"})),
    Clock(
        "jurisdictional_statement",
        jurisdictional_statement_deadline,
        frozenset({"jurisdictional_statement_filed"}),
    ),
    Clock(
        "certiorari",
        certiorari_deadline,
        frozenset({"cert_petition_filed", "application_treated_as_petition"}),
    ),
)

"""The legal calendar: the days a federal court is closed and how a period of days is counted.

FRCP 6(a) governs any period stated in days in the rules, a court order or a statute that names no
method of its own (so the 60 days of FRAP 4(a)(1)(B) and 28 U.S.C. 2107(b), and the 90 days of
28 U.S.C. 2101(c), count this way too). Supreme Court Rule 30.1 counts the same way: exclude the
day of the act, include the last day unless the Court is closed on it; the Court building closed
by its own order, which Rule 30.1 also excludes, is not modelled.

A "legal holiday" (FRCP 6(a)(6)(A)) is the day set aside by statute for observing a holiday of
5 U.S.C. 6103(a): a Saturday holiday is observed the Friday before, a Sunday one the Monday after.
So is any day the President declares a holiday (6(a)(6)(B)): national days of mourning (Reagan,
June 11, 2004; Ford, Jan. 2, 2007; George H. W. Bush, Dec. 5, 2018; Carter, Jan. 9, 2025) and
the executive orders closing federal offices (Christmas Eve in several years), as the `holidays`
package lists them in its "government" category. For a period in the district court, the legal
holidays of the state where it sits count too (6(a)(6)(C); FRAP 26(a)(6)(C)): the District of
Columbia's Inauguration Day and Emancipation Day for D.D.C., California's for N.D. Cal., as the
`holidays` package lists them for the state (read only when a lawsuit names its state).

Everything here is pure. `python -m simulator.law.calendar --regenerate` rewrites the holiday table.
"""

from __future__ import annotations

import enum
import functools
from datetime import date, timedelta
from typing import Final

from simulator.law._holiday_table import (
    DECLARED_BY_YEAR,
    HOLIDAYS_BY_YEAR,
    STATE_HOLIDAYS,
    STATE_YEARS,
)

__all__ = [
    "AMENDED_2009",
    "LAST_CALENDAR_YEAR",
    "CountingMethod",
    "add_days",
    "counting_method_for",
    "is_court_closed",
    "legal_holidays",
    "state_holidays",
]

AMENDED_2009: Final = date(2009, 12, 1)
"""The day the time-computation amendments to FRCP 6(a) (and FRAP 26(a)) took effect."""

_ONE_DAY: Final = timedelta(days=1)
_SATURDAY: Final = 5


class CountingMethod(enum.Enum):
    """How FRCP 6(a) counts a period stated in days; the value of each member is its citation."""

    BEFORE_DEC_2009 = "FRCP 6(a) (before Dec. 1, 2009)"
    """Exclude the day of the event. A period of less than 11 days leaves out intermediate
    Saturdays, Sundays and legal holidays; a longer one counts them (so 10 days could outlast 11,
    an oddity the 2009 amendment removed). Include the last day unless it is one of those, in
    which case the period runs to the end of the next day that is not."""

    FROM_DEC_2009 = "FRCP 6(a)(1) (as amended Dec. 1, 2009)"
    """Exclude the day of the event, count every day, include the last day; if the last day is a
    Saturday, Sunday or legal holiday the period runs until the end of the next day that is not
    (6(a)(5): the day before, for a period counted backward)."""

    @property
    def citation(self) -> str:
        """The provision that states this method."""
        return self.value

    @property
    def in_force_from(self) -> date | None:
        """The first day the method applies; None means before any date we model."""
        return AMENDED_2009 if self is CountingMethod.FROM_DEC_2009 else None

    @property
    def short_period_days(self) -> int:
        """Periods of fewer days than this skip intermediate closed days (0: none do)."""
        return 11 if self is CountingMethod.BEFORE_DEC_2009 else 0


#: The last year whose holidays are known: the `holidays` package's range (its ``end_year``,
#: checked by the tests), beyond which it would silently answer "no holidays".
LAST_CALENDAR_YEAR = 2100


@functools.cache
def legal_holidays(year: int) -> frozenset[date]:
    """The legal holidays of `year` that close a federal court (FRCP 6(a)(6)(A)).

    Both the observed day and the holiday's own date are listed; the own date of a shifted
    holiday is a weekend day anyway. The years of the generated table are served from it; any
    other year is read from the `holidays` package, whose import is slow, only when asked.
    """
    table = HOLIDAYS_BY_YEAR.get(year)
    if table is None:
        return _package_holidays(year)
    declared = (day for day, _name in DECLARED_BY_YEAR.get(year, ()))
    return frozenset(date.fromisoformat(iso) for iso in (*table, *declared))


def _package_holidays(year: int) -> frozenset[date]:
    """The legal holidays of `year` straight from the `holidays` package (the table's source).

    `holidays.US` without a subdivision lists the nationwide holidays only: Inauguration Day
    (5 U.S.C. 6103(c), a holiday for federal employees in the D.C. area alone) appears only under
    subdiv="DC", and executive-order closings only under categories="government", so nothing has
    to be taken out. Before 1971 the package does not shift Feb. 22, May 30 and Oct. 12 off a
    Sunday and lists Columbus Day from 1937; we mirror it rather than patch history we never replay.
    """
    import holidays  # Deferred: importing it costs about 75 ms of start-up.

    us = holidays.country_holidays("US", years=year, observed=True)  # i.e. holidays.US(...)
    if year > us.end_year:
        # The package answers an empty set past its range; a silent "no holidays" would be wrong.
        raise ValueError(
            f"no holiday data for {year}: the holidays package covers years up to {us.end_year}"
        )
    return frozenset(us)


@functools.cache
def state_holidays(year: int, state: str) -> frozenset[date]:
    """The legal holidays of `state` (a postal code: "CA", "DC") in `year` that are not federal
    ones: the days FRCP 6(a)(6)(C) adds for a court that sits there. The generated table serves
    the years it holds; any other is read from the `holidays` package."""
    table = _state_table(state)
    if table is not None and year in table:
        return table[year]
    import holidays  # Deferred: importing it costs about 75 ms of start-up.

    subdivision = holidays.country_holidays("US", subdiv=state, years=year, observed=True)
    return frozenset(subdivision) - _package_holidays(year)


@functools.cache
def _state_table(state: str) -> dict[int, frozenset[date]] | None:
    text = STATE_HOLIDAYS.get(state)
    if text is None:
        return None
    first, last = STATE_YEARS
    years: dict[int, set[date]] = {year: set() for year in range(first, last + 1)}
    for item in text.split():
        day = date(int(item[:4]), int(item[4:6]), int(item[6:]))
        years.setdefault(day.year, set()).add(day)
    return {year: frozenset(days) for year, days in years.items()}


def is_court_closed(day: date, state: str = "") -> bool:
    """Whether `day` is a Saturday, a Sunday or a legal holiday (of the United States, or of the
    court's `state` when given): a day a period cannot end on."""
    if day.weekday() >= _SATURDAY or day in legal_holidays(day.year):
        return True
    return bool(state) and day in state_holidays(day.year, state)


def counting_method_for(trigger: date) -> CountingMethod:
    """The FRCP 6(a) counting method in force on the day of the triggering event."""
    if trigger >= AMENDED_2009:
        return CountingMethod.FROM_DEC_2009
    return CountingMethod.BEFORE_DEC_2009


# Deadlines are read again and again (each replay of a log recomputes its guards);
# the count depends only on its arguments, so remember recent ones.
@functools.lru_cache(maxsize=4096)
def add_days(
    trigger: date,
    days: int,
    *,
    method: CountingMethod | None = None,
    backward: bool = False,
    state: str = "",
    inaccessible: frozenset[date] = frozenset(),
) -> date:
    """The last day of a period of `days` days that begins with the event on `trigger`.

    The trigger day is excluded and the last day included (FRCP 6(a)(1)); a last day on which the
    court is closed gives way to the next day that is not, counting forward, or with `backward`
    (a period before an event, e.g. "10 days before the hearing") to the day before (6(a)(5)).
    `method` defaults to the one in force on `trigger`; under the pre-2009 rule a period of less
    than 11 days counts only days the court is open. The 2009 "next day" direction is applied to
    backward periods under the older rule too, which said nothing on the point. A last day
    in `inaccessible`, when the clerk's office could not be reached, gives way to the next
    accessible day that is not a weekend or holiday (6(a)(3)(A); FRAP 26(a)(3)(A)).
    """
    if days < 0:
        raise ValueError(f"a period has 0 or more days, got {days}")
    chosen = counting_method_for(trigger) if method is None else method
    step = -_ONE_DAY if backward else _ONE_DAY
    day = trigger
    if days < chosen.short_period_days:
        remaining = days
        while remaining:
            day += step
            if not is_court_closed(day, state):
                remaining -= 1
    else:
        day += step * days
    while is_court_closed(day, state) or day in inaccessible:
        day += step
    return day


if __name__ == "__main__":
    import sys

    from simulator.law._regenerate_holidays import main

    sys.exit(main(sys.argv[1:]))

"""Tests for simulator.law.calendar: FRCP 6(a) counting over the 5 U.S.C. 6103(a) holidays."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.law._holiday_table import HOLIDAYS_BY_YEAR
from simulator.law.calendar import (
    AMENDED_2009,
    CountingMethod,
    add_days,
    counting_method_for,
    is_court_closed,
    legal_holidays,
)

BEFORE = CountingMethod.BEFORE_DEC_2009
FROM = CountingMethod.FROM_DEC_2009

PERIODS = [
    # FRAP 26 advisory note: 10 days after, lands on Sat 2007-09-01; Mon 2007-09-03 is Labor Day.
    pytest.param(date(2007, 8, 22), 10, FROM, False, date(2007, 9, 4), id="frap26-after"),
    # FRAP 26 advisory note: 10 days before, lands on Sat 2007-09-01, rolls back to Friday.
    pytest.param(date(2007, 9, 11), 10, FROM, True, date(2007, 8, 31), id="frap26-before"),
    # WeChat: PI entered 2020-09-19; 60 days to appeal under FRAP 4(a)(1)(B).
    pytest.param(date(2020, 9, 19), 60, None, False, date(2020, 11, 18), id="wechat-appeal"),
    # Certiorari, 90 days (28 U.S.C. 2101(c)), lands on Christmas Day 2019, a Wednesday.
    pytest.param(date(2019, 9, 26), 90, None, False, date(2019, 12, 26), id="cert-christmas"),
    # Lands on Sunday 2021-04-04, runs to Monday.
    pytest.param(date(2021, 1, 4), 90, None, False, date(2021, 4, 5), id="sunday"),
    # Lands on Sat 2021-05-29, before Memorial Day: runs to Tuesday.
    pytest.param(date(2021, 4, 29), 30, None, False, date(2021, 6, 1), id="sat-mon-holiday"),
    # Lands on Fri 2020-07-03, Independence Day observed: runs to Monday.
    pytest.param(date(2020, 6, 3), 30, None, False, date(2020, 7, 6), id="july-3-observed"),
    # Lands on Fri 2021-06-18, Juneteenth observed in its first year: runs to Monday.
    pytest.param(date(2021, 5, 19), 30, None, False, date(2021, 6, 21), id="juneteenth-2021"),
    # Pre-2009: a 10-day period skips the intermediate weekends.
    pytest.param(date(2008, 1, 4), 10, None, False, date(2008, 1, 18), id="old-short"),
    # Pre-2009: the FRAP 26 example under the old rule also skips Labor Day.
    pytest.param(date(2007, 8, 22), 10, None, False, date(2007, 9, 6), id="old-short-holiday"),
    # Pre-2009: an 11-day period counts every day.
    pytest.param(date(2008, 1, 4), 11, None, False, date(2008, 1, 15), id="old-11-days"),
    # The old rule chosen explicitly for a later trigger: Fri + 3 open days.
    pytest.param(date(2020, 9, 18), 3, BEFORE, False, date(2020, 9, 23), id="old-explicit"),
]


@pytest.mark.parametrize(("trigger", "days", "method", "backward", "expected"), PERIODS)
def test_add_days_examples(
    trigger: date, days: int, method: CountingMethod | None, backward: bool, expected: date
) -> None:
    assert add_days(trigger, days, method=method, backward=backward) == expected


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [
        (date(1985, 1, 1), BEFORE),
        (date(2009, 11, 30), BEFORE),
        (date(2009, 12, 1), FROM),
        (date(2020, 9, 19), FROM),
    ],
)
def test_counting_method_for(trigger: date, expected: CountingMethod) -> None:
    assert counting_method_for(trigger) is expected


def test_methods_carry_citations_and_dates() -> None:
    assert FROM.citation == "FRCP 6(a)(1) (as amended Dec. 1, 2009)"
    assert BEFORE.citation == "FRCP 6(a) (before Dec. 1, 2009)"
    assert FROM.in_force_from == AMENDED_2009 == date(2009, 12, 1)
    assert BEFORE.in_force_from is None


@pytest.mark.parametrize(
    ("day", "closed"),
    [
        (date(2020, 7, 3), True),  # Independence Day observed (July 4 a Saturday)
        (date(2021, 6, 18), True),  # Juneteenth observed, its first year
        (date(2020, 6, 19), False),  # before Juneteenth became a federal holiday
        (date(2021, 12, 31), True),  # New Year's Day 2022 observed, in the earlier year
        (date(2021, 1, 20), False),  # Inauguration Day closes only D.C.-area federal offices
        (date(2007, 12, 24), True),  # closed by executive order: FRCP 6(a)(6)(B)
        (date(2023, 1, 2), True),  # New Year's Day observed (Jan 1 a Sunday)
        (date(2023, 1, 3), False),
        (date(2023, 1, 7), True),  # a Saturday
    ],
)
def test_is_court_closed(day: date, closed: bool) -> None:
    assert is_court_closed(day) is closed


def _package(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("US", years=year, observed=True))  # = holidays.US


def _declared(year: int) -> frozenset[date]:
    government = holidays.country_holidays(
        "US", years=year, observed=True, categories=("government",)
    )
    return frozenset(
        day
        for day, name in government.items()
        if day not in _package(year) and "observed" not in name and "half-day" not in name
    )


@pytest.mark.parametrize("year", [1952, 2007, 2017, 2020, 2021, 2025])
def test_legal_holidays_match_the_holidays_package(year: int) -> None:
    # the statutory holidays (FRCP 6(a)(6)(A)) and the days the President declared (6(a)(6)(B))
    assert legal_holidays(year) == _package(year) | _declared(year)


@pytest.mark.parametrize(
    ("day", "why"),
    [
        pytest.param("2004-06-11", "Reagan", id="reagan-2004"),
        pytest.param("2007-01-02", "Ford", id="ford-2007"),
        pytest.param("2018-12-05", "George H. W. Bush", id="bush-2018"),
        pytest.param("2025-01-09", "Carter", id="carter-2025"),
        pytest.param("2019-12-24", "Christmas Eve", id="christmas-eve-2019"),
    ],
)
def test_days_the_president_declares_close_the_courts(day: str, why: str) -> None:
    assert date.fromisoformat(day) in legal_holidays(date.fromisoformat(day).year), why


def test_a_deadline_on_a_national_day_of_mourning_runs_to_the_next_day() -> None:
    # 14 days from Dec. 26, 2024 end on Thursday, Jan. 9, 2025, the national day of mourning
    # for President Carter (FRCP 6(a)(6)(B)): the period runs to Friday, Jan. 10.
    assert add_days(date(2024, 12, 26), 14) == date(2025, 1, 10)
    # a half day (Christmas Eve 2015) does not close the clerk's office
    assert date(2015, 12, 24) not in legal_holidays(2015)


def test_generated_table_is_not_stale() -> None:
    """Fails after a `holidays` upgrade that changes dates: rerun --regenerate."""
    years = range(min(HOLIDAYS_BY_YEAR), max(HOLIDAYS_BY_YEAR) + 1)
    source = holidays.country_holidays("US", years=years, observed=True)
    expected = {year: sorted(d.isoformat() for d in source if d.year == year) for year in years}
    assert {year: list(isos) for year, isos in HOLIDAYS_BY_YEAR.items()} == expected


def test_inauguration_day_is_left_to_the_dc_subdivision() -> None:
    assert date(2021, 1, 20) in holidays.country_holidays("US", subdiv="DC", years=2021)
    assert date(2021, 1, 20) not in legal_holidays(2021)


@pytest.mark.parametrize("year", [1899, 2070])
def test_years_outside_the_table_fall_back_to_the_package(year: int) -> None:
    assert year not in HOLIDAYS_BY_YEAR
    assert legal_holidays(year) == _package(year)
    assert legal_holidays(year)


def test_years_beyond_the_package_are_refused() -> None:
    with pytest.raises(ValueError, match="2200"):
        legal_holidays(2200)


def test_negative_period_is_refused() -> None:
    with pytest.raises(ValueError, match="-1"):
        add_days(date(2020, 1, 1), -1)


def test_importing_the_calendar_does_not_import_holidays() -> None:
    code = (
        "import sys, datetime\n"
        "from simulator.law.calendar import add_days\n"
        "add_days(datetime.date(2020, 9, 19), 60)\n"
        "sys.exit('holidays' in sys.modules)\n"
    )
    repo = Path(__file__).resolve().parents[1]  # `python -c` imports from its working directory
    assert subprocess.run([sys.executable, "-c", code], cwd=repo, check=False).returncode == 0


triggers = st.dates(min_value=date(1990, 1, 1), max_value=date(2055, 12, 31))
periods = st.integers(min_value=0, max_value=400)
methods = st.sampled_from(CountingMethod)


@given(trigger=triggers, days=periods, method=methods, backward=st.booleans())
def test_a_period_never_ends_on_a_closed_day(
    trigger: date, days: int, method: CountingMethod, backward: bool
) -> None:
    assert not is_court_closed(add_days(trigger, days, method=method, backward=backward))


@given(trigger=triggers, days=periods, backward=st.booleans())
def test_current_rule_rolls_at_most_three_days(trigger: date, days: int, backward: bool) -> None:
    sign = -1 if backward else 1
    nominal = trigger + timedelta(days=sign * days)
    rolled = (add_days(trigger, days, method=FROM, backward=backward) - nominal).days * sign
    # Saturday, Sunday and a Monday holiday is the longest closed run the calendar has.
    assert 0 <= rolled <= 3


@given(trigger=triggers, days=st.integers(min_value=0, max_value=399), method=methods)
def test_a_longer_period_never_ends_earlier(
    trigger: date, days: int, method: CountingMethod
) -> None:
    last = add_days(trigger, days, method=method)
    assert last >= trigger + timedelta(days=days)
    if days + 1 != method.short_period_days:  # the old rule's 10-to-11-day step, below
        assert last <= add_days(trigger, days + 1, method=method)


def test_old_rule_could_make_10_days_outlast_11() -> None:
    """The anomaly the 2009 amendment removed: 10 open days can run past 11 calendar days."""
    trigger = date(2000, 1, 1)
    assert add_days(trigger, 10, method=BEFORE) == date(2000, 1, 14)
    assert add_days(trigger, 11, method=BEFORE) == date(2000, 1, 12)


def test_the_generated_table_is_the_whole_generated_module() -> None:
    """The declared days and the state holidays are tabled too: rerun --regenerate when stale."""
    from simulator.law._regenerate_holidays import render_table

    table = Path(__file__).resolve().parent.parent / "simulator" / "law" / "_holiday_table.py"
    assert table.read_text(encoding="utf-8") == render_table()


@pytest.mark.parametrize(
    ("year", "state"), [(2020, "CA"), (2021, "DC"), (2017, "WA"), (2070, "CA")]
)
def test_state_holidays_match_the_package(year: int, state: str) -> None:
    from simulator.law.calendar import state_holidays

    subdivision = holidays.country_holidays("US", subdiv=state, years=year, observed=True)
    assert state_holidays(year, state) == frozenset(subdivision) - _package(year)

"""Dates as people write them in the United States: "September 19, 2020"."""

from __future__ import annotations

import datetime

__all__ = ["long_date", "month_year"]

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(day: datetime.date) -> str:
    """``2020-09-19`` -> ``September 19, 2020`` (no locale: the same text on every machine)."""
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def month_year(day: datetime.date) -> str:
    """``2020-09-19`` -> ``September 2020``."""
    return f"{_MONTHS[day.month - 1]} {day.year}"

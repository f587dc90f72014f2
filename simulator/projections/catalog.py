"""A scenario as one entry of the catalogue: its years, its courts and how far it went.

`sim list` shows one entry per bundled scenario. "How far it went" is read off
the final state of the replay (`highest_court` of each lawsuit), so it is what
the record shows, not what a title claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from simulator.decider import Step
from simulator.events import COURTS
from simulator.projections.outcome import highest_court
from simulator.scenario import Scenario

__all__ = ["SUPREME_COURT", "CatalogEntry", "catalog_entry", "entry_to_dict"]

#: How the Supreme Court is named among the courts a case reached.
SUPREME_COURT = "Supreme Court"


@attrs.frozen
class CatalogEntry:
    """One bundled scenario: ``id`` is what `sim run` takes; ``reached`` is district,
    appeals or supreme, or empty when no lawsuit was filed."""

    id: str
    title: str
    first_year: int
    last_year: int
    courts: tuple[str, ...]
    reached: str


def catalog_entry(name: str, scenario: Scenario, steps: Sequence[Step]) -> CatalogEntry:
    """The entry of ``scenario``, bundled as ``name``, from the steps of its replay."""
    years = [event.date.year for event in scenario.events]
    reached = _reached(steps)
    return CatalogEntry(
        name,
        scenario.title,
        min(years, default=0),
        max(years, default=0),
        _courts(scenario, reached),
        reached,
    )


def _reached(steps: Sequence[Step]) -> str:
    """The highest court any lawsuit reached, in the order of `COURTS`."""
    if not steps:
        return ""
    levels = [highest_court(suit) for suit in steps[-1].state.lawsuits]
    return max(levels, key=COURTS.index, default="")


def _courts(scenario: Scenario, reached: str) -> tuple[str, ...]:
    """The trial and appeals courts the lawsuits name (each once), then the Supreme Court
    when a lawsuit got there: scenarios name no Supreme Court of their own."""
    named = (
        court
        for suit in scenario.lawsuits
        for court in (suit.district_court, suit.appeals_court)
        if court
    )
    courts = tuple(dict.fromkeys(named))
    return (*courts, SUPREME_COURT) if reached == "supreme" else courts


def entry_to_dict(entry: CatalogEntry) -> dict[str, Any]:
    """The JSON-ready entry: ``years`` as [first, last], ``courts`` as a list."""
    return {
        "id": entry.id,
        "title": entry.title,
        "years": [entry.first_year, entry.last_year],
        "courts": list(entry.courts),
        "reached": entry.reached,
    }

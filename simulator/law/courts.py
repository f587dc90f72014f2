"""Where a federal court sits: the state whose legal holidays count for its periods.

FRCP 6(a)(6)(C) and FRAP 26(a)(6)(C) add to the federal holidays "any other day declared a
holiday by the state where the district court is located" (and, for the court of appeals, where
its clerk's principal office is). A scenario names its courts in words ("U.S. District Court for
the Northern District of California"); this reads the state from the name. The Court of
International Trade sits in New York City (28 U.S.C. 251); a court of appeals' clerk's principal
office is in the circuit's seat (Richmond for the Fourth Circuit, St. Louis for the Eighth ...).
"""

from __future__ import annotations

import re

__all__ = ["STATES", "state_of_court", "venue_of"]

#: The states, the District of Columbia and the territories with district courts, by name.
STATES: dict[str, str] = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA",
    "Colorado": "CO", "Connecticut": "CT", "Delaware": "DE", "District of Columbia": "DC",
    "Florida": "FL", "Georgia": "GA", "Hawaii": "HI", "Idaho": "ID", "Illinois": "IL",
    "Indiana": "IN", "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA",
    "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN",
    "Mississippi": "MS", "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV",
    "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY",
    "North Carolina": "NC", "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR",
    "Pennsylvania": "PA", "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD",
    "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT", "Virginia": "VA",
    "Washington": "WA", "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY",
    "Puerto Rico": "PR", "Guam": "GU", "Virgin Islands": "VI",
    "Northern Mariana Islands": "MP",
}  # fmt: skip

#: Courts that are not named for a state: where they (or their clerks) sit.
_SEATS: dict[str, str] = {
    "Court of International Trade": "NY",
    "District of Columbia Circuit": "DC",
    "D.C. Circuit": "DC",
    "Federal Circuit": "DC",
    "First Circuit": "MA",
    "Second Circuit": "NY",
    "Third Circuit": "PA",
    "Fourth Circuit": "VA",
    "Fifth Circuit": "LA",
    "Sixth Circuit": "OH",
    "Seventh Circuit": "IL",
    "Eighth Circuit": "MO",
    "Ninth Circuit": "CA",
    "Tenth Circuit": "CO",
    "Eleventh Circuit": "GA",
}

# Longest names first, so that "West Virginia" is not read as "Virginia", nor "District of
# Columbia" as anything else.
_NAMES = re.compile(
    "|".join(re.escape(name) for name in sorted([*_SEATS, *STATES], key=len, reverse=True))
)


def venue_of(opening: str, district_court: str, appeals_court: str) -> str:
    """The state whose holidays count for a lawsuit opened by an event of type ``opening``:
    the trial court's, or for a petition for review the circuit clerk's."""
    court = appeals_court if opening == "petition_for_review_filed" else district_court
    return state_of_court(court)


def state_of_court(name: str) -> str:
    """The postal code of the state where the court named ``name`` sits, or "" if unknown."""
    found = _NAMES.search(name)
    if found is None:
        return ""
    return _SEATS.get(found.group(), STATES.get(found.group(), ""))

"""The tests courts apply when they decide emergency relief, factor by factor.

A preliminary injunction (Winter v. NRDC) and a stay pending appeal (Nken v.
Holder) are weighed on four factors; the Ninth Circuit also grants an
injunction on "serious questions going to the merits" when the balance of
hardships tips sharply (Alliance for the Wild Rockies v. Cottrell). The
report's account of how a court weighed them reads the factors from here.
"""

from __future__ import annotations

import attrs

from simulator.law.authorities import NKEN, WINTER

__all__ = [
    "INJUNCTION_FACTORS",
    "INJUNCTION_STANDARD",
    "NINTH_CIRCUIT_VARIANT",
    "STAY_FACTORS",
    "STAY_STANDARD",
    "Factor",
]


@attrs.frozen
class Factor:
    """One factor of a test and the question it asks, in plain English."""

    name: str
    question: str


#: Winter v. NRDC, 555 U.S. 7, 20 (2008): what a plaintiff must establish.
INJUNCTION_FACTORS: tuple[Factor, ...] = (
    Factor(
        "Likely to succeed on the merits", "Are the plaintiffs likely to win the case in the end?"
    ),
    Factor(
        "Irreparable harm",
        "Without the order, would they suffer harm that a later judgment could not undo?",
    ),
    Factor(
        "Balance of equities",
        "Does the harm to them outweigh the harm the order would do to the other side?",
    ),
    Factor("Public interest", "Is the order in the public interest?"),
)

#: Nken v. Holder, 556 U.S. 418, 434 (2009): what a court weighs before staying an order
#: pending appeal.
STAY_FACTORS: tuple[Factor, ...] = (
    Factor(
        "Likely to succeed on appeal",
        "Has the side asking for the pause shown it is likely to win the appeal?",
    ),
    Factor(
        "Irreparable harm",
        "Will that side be hurt in a way that cannot be fixed later, without a pause?",
    ),
    Factor("Harm to the other side", "Would a pause badly hurt the other side?"),
    Factor("Public interest", "Where does the public interest lie?"),
)

INJUNCTION_STANDARD = WINTER
#: Nken v. Holder weighs the same four factors for a stay pending appeal.
STAY_STANDARD = NKEN
#: The Ninth Circuit's sliding scale, still in use there after Winter.
NINTH_CIRCUIT_VARIANT = (
    "Alliance for the Wild Rockies v. Cottrell, 632 F.3d 1127, 1131-35 (9th Cir. 2011)"
)

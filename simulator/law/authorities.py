"""Authorities the rule table cites more than once, and groups of track states its rows share.

A case name is spelled one way everywhere, so a citation in an error, a
diagram and `sim rules` always matches.
"""

from __future__ import annotations

import datetime

__all__ = [
    "BEFORE_SUPREME",
    "BONNER_MALL",
    "CAMENISCH",
    "CASA",
    "FRAP",
    "FRAP_IN_FORCE",
    "GRIGGS",
    "INJUNCTION_AGAIN",
    "IRAP",
    "JACKSONVILLE",
    "LAIDLAW",
    "LANDIS",
    "LIVE_IN_SUPREME",
    "MOOTNESS",
    "MUNSINGWEAR",
    "NKEN",
    "NOT_STARTED",
    "ON_APPEAL",
    "OPEN_MOTION",
    "REGENTS",
    "RELIEF_GRANTED",
    "RELIEF_LIVE",
    "SAMPSON",
    "TRO_AGAIN",
    "TRUMP_V_CASA",
    "WINTER",
]

#: Trump v. CASA, Inc. (June 27, 2025) ended universal injunctions.
TRUMP_V_CASA = datetime.date(2025, 6, 27)
CASA = "Trump v. CASA, Inc., 606 U.S. ___ (2025) (No. 24A884, June 27, 2025)"
NKEN = "Nken v. Holder, 556 U.S. 418, 434 (2009)"
WINTER = "Winter v. NRDC, 555 U.S. 7, 20 (2008)"
LANDIS = "Landis v. North American Co., 299 U.S. 248, 254 (1936)"
MUNSINGWEAR = "United States v. Munsingwear, Inc., 340 U.S. 36, 39 (1950)"
SAMPSON = "Sampson v. Murray, 415 U.S. 61, 86-88 (1974)"
#: A notice of appeal confers jurisdiction on the court of appeals and divests the
#: trial court of control over the aspects of the case involved in the appeal.
GRIGGS = "Griggs v. Provident Consumer Discount Co., 459 U.S. 56, 58 (1982)"
#: A preliminary injunction preserves the parties' positions only until trial.
CAMENISCH = "University of Texas v. Camenisch, 451 U.S. 390, 395 (1981)"
MOOTNESS = "U.S. Const. art. III, sec. 2 (case or controversy)"
#: Voluntary cessation: stopping the challenged conduct does not moot a case unless
#: it is absolutely clear the conduct could not reasonably be expected to recur.
LAIDLAW = (
    "Friends of the Earth, Inc. v. Laidlaw Environmental Services (TOC), Inc., "
    "528 U.S. 167, 189 (2000)"
)
#: A successor policy that disadvantages the plaintiffs in the same fundamental way
#: does not moot the challenge to the one it replaced.
JACKSONVILLE = (
    "Northeastern Fla. Chapter, Associated Gen. Contractors v. Jacksonville, "
    "508 U.S. 656, 662 (1993)"
)
#: A rescission is itself agency action reviewable under the APA.
REGENTS = "Department of Homeland Security v. Regents of the Univ. of Cal., 591 U.S. 1 (2020)"
#: Vacatur of a judgment mooted on appeal is equitable: it weighs who caused the mootness.
BONNER_MALL = "U.S. Bancorp Mortgage Co. v. Bonner Mall Partnership, 513 U.S. 18, 25-29 (1994)"
#: The Supreme Court's own partial stay: the travel-ban injunctions paused except for
#: people with a bona fide relationship with a person or entity in the United States.
IRAP = "Trump v. International Refugee Assistance Project, 582 U.S. 571, 580-582 (2017)"
#: The Federal Rules of Appellate Procedure took effect on July 1, 1968; before them,
#: appeals followed the Civil Rules (FRCP 62, 73) and the Judicial Code of 1948.
FRAP_IN_FORCE = datetime.date(1968, 7, 1)
FRAP = "Federal Rules of Appellate Procedure (in force from July 1, 1968)"

NOT_STARTED = frozenset({"none"})
#: A restraining order or an injunction can be asked for again after these.
TRO_AGAIN = frozenset({"none", "denied", "expired", "dissolved", "replaced"})
INJUNCTION_AGAIN = frozenset({"none", "denied", "dissolved", "vacated"})
#: An injunction that still stops at least part of the policy.
RELIEF_LIVE = frozenset({"in_force", "partly_stayed", "widening"})
#: An injunction a court has granted and none has ended, whether or not a stay pauses it.
RELIEF_GRANTED = RELIEF_LIVE | {"stayed"}
#: A motion that has been filed and not yet decided.
OPEN_MOTION = frozenset({"moved", "contested"})
ON_APPEAL = frozenset({"pending", "abeyance", "argued"})
BEFORE_SUPREME = frozenset({"none", "denied"})
LIVE_IN_SUPREME = frozenset({"petition", "granted", "argued"})

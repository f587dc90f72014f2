"""Authorities the rule table cites more than once, and groups of track states its rows share.

A case name is spelled one way everywhere, so a citation in an error, a
diagram and `sim rules` always matches.
"""

from __future__ import annotations

import datetime

__all__ = [
    "BEFORE_SUPREME",
    "CASA",
    "INJUNCTION_AGAIN",
    "LANDIS",
    "LIVE_IN_SUPREME",
    "MOOTNESS",
    "MUNSINGWEAR",
    "NKEN",
    "NOT_STARTED",
    "ON_APPEAL",
    "OPEN_MOTION",
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
MOOTNESS = "U.S. Const. art. III, sec. 2 (case or controversy)"

NOT_STARTED = frozenset({"none"})
#: A restraining order or an injunction can be asked for again after these.
TRO_AGAIN = frozenset({"none", "denied", "expired", "dissolved", "replaced"})
INJUNCTION_AGAIN = frozenset({"none", "denied", "dissolved", "vacated"})
#: A motion that has been filed and not yet decided.
OPEN_MOTION = frozenset({"moved", "contested"})
ON_APPEAL = frozenset({"pending", "abeyance", "argued"})
BEFORE_SUPREME = frozenset({"none", "denied"})
LIVE_IN_SUPREME = frozenset({"petition", "granted", "argued"})

"""Authorities the rule table cites more than once, and groups of track states its rows share.

A case name is spelled one way everywhere, so a citation in an error, a
diagram and `sim rules` always matches.
"""

from __future__ import annotations

import datetime

__all__ = [
    "BEFORE_SUPREME",
    "BONNER_MALL",
    "BOWLES",
    "CAMENISCH",
    "CASA",
    "CHENEY",
    "FIRST_IN_FORCE",
    "FRAP",
    "FRAP_IN_FORCE",
    "GRIGGS",
    "HALL",
    "INJUNCTION_AGAIN",
    "IRAP",
    "JACKSONVILLE",
    "LAIDLAW",
    "LANDIS",
    "LIVE_IN_SUPREME",
    "MANDEL",
    "MOOTNESS",
    "MUNSINGWEAR",
    "NKEN",
    "NOT_STARTED",
    "ON_APPEAL",
    "OPEN_MOTION",
    "POLICY_ENDED",
    "REGENTS",
    "RELIEF_GRANTED",
    "RELIEF_LIVE",
    "RENUMBERED",
    "REOPENING",
    "ROPER",
    "SAMPSON",
    "TRO_AGAIN",
    "TRUMP_V_CASA",
    "WEINSTEIN",
    "WINTER",
    "cited_on",
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
#: The time to appeal is set by statute, so no court may give more than it allows.
BOWLES = "Bowles v. Russell, 551 U.S. 205, 213-214 (2007)"
#: FRAP 4(a)(6), reopening the time to appeal, took effect on Dec. 1, 1991.
REOPENING = datetime.date(1991, 12, 1)
#: Consolidated cases keep their separate identities: a judgment in one is final and
#: appealable though the others go on.
HALL = "Hall v. Hall, 584 U.S. 59, 77 (2018)"
#: A summary disposition of a direct appeal is a ruling on the merits.
MANDEL = "Mandel v. Bradley, 432 U.S. 173, 176 (1977) (per curiam)"
#: Capable of repetition yet evading review: the action is too short to be fully litigated
#: before it ends, and the same plaintiff can reasonably expect to face it again.
WEINSTEIN = "Weinstein v. Bradford, 423 U.S. 147, 149 (1975) (per curiam)"
#: The policy ends: revoked or rescinded, replaced by a successor, or expired by its terms.
POLICY_ENDED = frozenset({"revoked", "replaced", "expired"})
#: A rescission is itself agency action reviewable under the APA.
REGENTS = "Department of Homeland Security v. Regents of the Univ. of Cal., 591 U.S. 1 (2020)"
#: Vacatur of a judgment mooted on appeal is equitable: it weighs who caused the mootness.
#: Mandamus: a clear and indisputable right, no other adequate means, and appropriateness.
CHENEY = "Cheney v. U.S. District Court for D.C., 542 U.S. 367, 380-381 (2004)"
#: "A party who receives all that he has sought generally is not aggrieved by the judgment
#: affording the relief and cannot appeal from it."
ROPER = "Deposit Guaranty Nat'l Bank v. Roper, 445 U.S. 326, 333 (1980)"
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
RELIEF_LIVE = frozenset({"in_force", "partly_stayed", "widening", "modifying"})
#: An injunction a court has granted and none has ended, whether or not a stay pauses it.
RELIEF_GRANTED = RELIEF_LIVE | {"stayed"}
#: A motion that has been filed and not yet decided.
OPEN_MOTION = frozenset({"moved", "contested"})
ON_APPEAL = frozenset({"pending", "abeyance", "argued"})
BEFORE_SUPREME = frozenset({"none", "denied"})
LIVE_IN_SUPREME = frozenset({"petition", "granted", "argued"})


#: When each authority the table cites first existed: a step before that day cites the law of
#: its own day, so the part of a citation naming a later authority is left out for it. Dates
#: are the decisions' own (U.S. Reports, F.3d) or the rules' effective dates.
FIRST_IN_FORCE: tuple[tuple[str, datetime.date], ...] = (
    ("FRAP", FRAP_IN_FORCE),
    ("Sampson v. Murray", datetime.date(1974, 2, 19)),
    ("University of Texas v. Camenisch", datetime.date(1981, 4, 29)),
    ("Weinstein v. Bradford", datetime.date(1975, 12, 10)),
    ("Mandel v. Bradley", datetime.date(1977, 6, 16)),
    ("Griggs v. Provident", datetime.date(1982, 11, 29)),
    ("Northeastern Fla. Chapter", datetime.date(1993, 6, 14)),
    ("U.S. Bancorp Mortgage", datetime.date(1994, 11, 8)),
    ("Lawrence v. Chater", datetime.date(1996, 1, 8)),
    ("Deposit Guaranty", datetime.date(1980, 3, 19)),
    ("Friends of the Earth", datetime.date(2000, 1, 12)),
    ("Winter v. NRDC", datetime.date(2008, 11, 12)),
    ("Nken v. Holder", datetime.date(2009, 4, 22)),
    ("Bowles v. Russell", datetime.date(2007, 6, 14)),
    ("Alliance for the Wild Rockies", datetime.date(2011, 1, 28)),
    ("Washington v. Trump", datetime.date(2017, 2, 9)),
    ("Trump v. International Refugee", datetime.date(2017, 6, 26)),
    ("Hall v. Hall", datetime.date(2018, 3, 27)),
    ("Department of Homeland Security v. Regents", datetime.date(2020, 6, 18)),
    ("Pub. L. 118-50", datetime.date(2024, 4, 24)),
    ("Alabama Ass'n of Realtors", datetime.date(2021, 8, 26)),
    ("Cheney v. U.S. District Court", datetime.date(2004, 6, 24)),
    ("Trump v. CASA", TRUMP_V_CASA),
)

#: Provisions renumbered or first enacted: before the day, the law said it elsewhere. FRCP
#: 62(c) became 62(d) in the amendments of Dec. 1, 2018 (the stay of an injunction pending
#: appeal); before the appellate rules of July 1, 1968, appeals and stays pending appeal
#: followed the Civil Rules (FRCP 62(c), 62(g), 73(a)) and the All Writs Act.
RENUMBERED: tuple[tuple[str, str, datetime.date], ...] = (
    ("FRCP 62(d)", "FRCP 62(c)", datetime.date(2018, 12, 1)),
    ("FRAP 8(a)(1)", "FRCP 62(c)", FRAP_IN_FORCE),
    ("FRAP 8(a)(2)", "FRCP 62(g); 28 U.S.C. 1651(a)", FRAP_IN_FORCE),
    ("FRAP 3(a)(1)", "FRCP 73(a)", FRAP_IN_FORCE),
    ("FRAP 4(a)(1)", "FRCP 73(a)", FRAP_IN_FORCE),
)


def cited_on(citation: str, day: datetime.date) -> str:
    """``citation`` as a step on ``day`` cites it: later authorities left out, renumbered
    provisions under the number they had then. A citation with nothing of its day left is
    given whole, marked as the later statement of the law."""
    kept: list[str] = []
    for part in citation.split("; "):
        for new, old, since in RENUMBERED:
            if day < since and part.startswith(new):
                part = old + part[len(new) :]
        if any(part.startswith(name) and day < since for name, since in FIRST_IN_FORCE):
            continue
        kept.extend(piece for piece in part.split("; ") if piece not in kept)
    return "; ".join(kept) if kept else f"{citation} (as the law was later stated)"

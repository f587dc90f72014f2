"""Stays pending appeal, asked first below and then above (FRAP 8; S. Ct. R. 22, 23)."""

from __future__ import annotations

from simulator.law.authorities import (
    NKEN,
    OPEN_MOTION,
)
from simulator.law.model import Rule

__all__ = ["RULES"]

stay = (
    "weighing whether the government is likely to win the appeal, would be irreparably "
    "harmed without a stay, would injure the other side by it, and where the public "
    "interest lies."
)
RULES: tuple[Rule, ...] = (
    Rule(
        "stay.move.district",
        "motion_filed",
        "stay_district",
        {"none", "denied"},
        "moved",
        "FRAP 8(a)(1); FRCP 62(d)",
        "The government asks the trial judge, first, as the rules require, to pause the "
        "injunction while it appeals.",
        qualifier="stay",
        guards=("relief_in_force", "appeal_open"),
    ),
    Rule(
        "stay.brief.district",
        "brief_filed",
        "stay_district",
        OPEN_MOTION,
        "contested",
        "FRCP 7(b)(1)",
        "A party files a brief on the motion for a stay pending appeal.",
        qualifier="stay",
    ),
    Rule(
        "stay.hear.district",
        "hearing_held",
        "stay_district",
        OPEN_MOTION,
        "contested",
        "FRCP 78(a)",
        "The trial judge hears both sides on the motion for a stay.",
        qualifier="stay",
    ),
    Rule(
        "stay.grant.district",
        "stay_granted",
        "stay_district",
        OPEN_MOTION,
        "granted",
        f"FRAP 8(a)(1); FRCP 62(d); {NKEN}",
        "The trial judge pauses the injunction during the appeal, " + stay,
        effects=("stay_relief",),
        decision="stay_district",
    ),
    Rule(
        "stay.deny.district",
        "stay_denied",
        "stay_district",
        OPEN_MOTION,
        "denied",
        f"FRAP 8(a)(1); {NKEN}",
        "The trial judge refuses to pause the injunction, " + stay,
        decision="stay_district",
    ),
    Rule(
        "stay.move.appeals",
        "motion_filed",
        "stay_appeals",
        {"none", "denied"},
        "moved",
        "FRAP 8(a)(2)",
        "The government asks the court of appeals to pause the injunction while the appeal "
        "goes on, having asked the trial judge first.",
        qualifier="stay",
        court="appeals",
        guards=("appeal_pending", "relief_in_force", "stay_sought_below"),
    ),
    Rule(
        "stay.brief.appeals",
        "brief_filed",
        "stay_appeals",
        OPEN_MOTION,
        "contested",
        "FRAP 27(a)(3)",
        "A party responds to the motion for a stay in the court of appeals.",
        qualifier="stay",
        court="appeals",
    ),
    Rule(
        "stay.hear.appeals",
        "hearing_held",
        "stay_appeals",
        OPEN_MOTION,
        "contested",
        "FRAP 27(e)",
        "The court of appeals hears argument on the motion for a stay.",
        qualifier="stay",
        court="appeals",
    ),
    Rule(
        "stay.grant.appeals",
        "stay_granted",
        "stay_appeals",
        OPEN_MOTION,
        "granted",
        f"FRAP 8(a)(2); {NKEN}",
        "A panel of the court of appeals pauses the injunction during the appeal, " + stay,
        court="appeals",
        effects=("stay_relief",),
        decision="stay_appeals",
    ),
    Rule(
        "stay.deny.appeals",
        "stay_denied",
        "stay_appeals",
        OPEN_MOTION,
        "denied",
        f"FRAP 8(a)(2); {NKEN}",
        "A panel of the court of appeals refuses to pause the injunction, " + stay,
        court="appeals",
        decision="stay_appeals",
    ),
    Rule(
        "application.file",
        "application_filed",
        "application",
        {"none", "denied"},
        "filed",
        "S. Ct. R. 22; S. Ct. R. 23; 28 U.S.C. 1651",
        "The government asks the Circuit Justice, and through the Justice the whole Court, "
        "to pause the injunction, after the court of appeals refused.",
        guards=("relief_in_force", "appeal_pending", "stay_sought_in_appeals"),
    ),
    Rule(
        "application.grant",
        "application_granted",
        "application",
        {"filed"},
        "granted",
        "S. Ct. R. 23.1",
        "The Supreme Court pauses the injunction while the case goes on below.",
        effects=("stay_relief",),
        decision="application",
    ),
    Rule(
        "application.deny",
        "application_denied",
        "application",
        {"filed"},
        "denied",
        "S. Ct. R. 23.1",
        "The Supreme Court refuses to pause the injunction; it stays in force.",
        decision="application",
    ),
)

"""Stays pending appeal, asked first below and then above (FRAP 8; S. Ct. R. 22, 23)."""

from __future__ import annotations

from simulator.law.authorities import (
    FRAP,
    FRAP_IN_FORCE,
    IRAP,
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
#: An injunction pending review: when there is no injunction below to keep (the
#: trial court refused one, or the case began in the court of appeals), the
#: challengers ask the court of appeals to stop the policy itself meanwhile.
INTERIM_RULES: tuple[Rule, ...] = (
    Rule(
        id="interim.move",
        event="motion_filed",
        slot="interim",
        sources={"none", "denied"},
        target="moved",
        citation="FRAP 8(a)(1)(C); FRAP 8(a)(2); 28 U.S.C. 1651(a)",
        explanation=(
            "The challengers ask the court of appeals to stop the policy while the case is "
            "reviewed, here the Supreme Court's review."
        ),
        qualifier="injunction_pending_review",
        court="appeals",
        guards=("under_review", "live_controversy"),
    ),
    Rule(
        id="interim.brief",
        event="brief_filed",
        slot="interim",
        sources=OPEN_MOTION,
        target="contested",
        citation="FRAP 27(a)(3)",
        explanation="A party responds to the motion for an injunction pending review.",
        qualifier="injunction_pending_review",
        court="appeals",
    ),
    Rule(
        id="interim.grant",
        event="injunction_pending_review_granted",
        slot="interim",
        sources=OPEN_MOTION,
        target="granted",
        citation=f"FRAP 8(a)(2); {NKEN}",
        explanation=(
            "The court of appeals stops the policy until the review is over, weighing the same "
            "four factors as for a stay."
        ),
        guards=("live_controversy", "something_to_restrain"),
        decision="interim",
    ),
    Rule(
        id="interim.deny",
        event="injunction_pending_review_denied",
        slot="interim",
        sources=OPEN_MOTION,
        target="denied",
        citation=f"FRAP 8(a)(2); {NKEN}",
        explanation="The court of appeals refuses to stop the policy while the case is reviewed.",
        decision="interim",
    ),
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="stay.move.district",
        event="motion_filed",
        slot="stay_district",
        sources={"none", "denied"},
        target="moved",
        citation="FRAP 8(a)(1); FRCP 62(d)",
        explanation=(
            "The government asks the trial judge, first, as the rules require, to pause the "
            "injunction while it appeals."
        ),
        qualifier="stay",
        guards=("relief_in_force", "appeal_open"),
    ),
    Rule(
        id="stay.brief.district",
        event="brief_filed",
        slot="stay_district",
        sources=OPEN_MOTION,
        target="contested",
        citation="FRCP 7(b)(1)",
        explanation="A party files a brief on the motion for a stay pending appeal.",
        qualifier="stay",
    ),
    Rule(
        id="stay.hear.district",
        event="hearing_held",
        slot="stay_district",
        sources=OPEN_MOTION,
        target="contested",
        citation="FRCP 78(a)",
        explanation="The trial judge hears both sides on the motion for a stay.",
        qualifier="stay",
    ),
    Rule(
        id="stay.grant.district",
        event="stay_granted",
        slot="stay_district",
        sources=OPEN_MOTION,
        target="granted",
        citation=f"FRAP 8(a)(1); FRCP 62(d); {NKEN}",
        explanation="The trial judge pauses the injunction during the appeal, " + stay,
        qualifier="full",
        effects=("stay_relief",),
        decision="stay_district",
    ),
    Rule(
        id="stay.deny.district",
        event="stay_denied",
        slot="stay_district",
        sources=OPEN_MOTION,
        target="denied",
        citation=f"FRAP 8(a)(1); {NKEN}",
        explanation="The trial judge refuses to pause the injunction, " + stay,
        decision="stay_district",
    ),
    Rule(
        id="stay.move.appeals",
        event="motion_filed",
        slot="stay_appeals",
        sources={"none", "denied"},
        target="moved",
        citation="FRAP 8(a)(2)",
        explanation=(
            "The government asks the court of appeals to pause the injunction while the appeal "
            "goes on, having asked the trial judge first (or shown that asking was impracticable)."
        ),
        qualifier="stay",
        court="appeals",
        guards=("appeal_pending", "relief_in_force", "stay_sought_below"),
        valid_from=FRAP_IN_FORCE,
    ),
    Rule(
        id="stay.move.appeals.before_frap",
        event="motion_filed",
        slot="stay_appeals",
        sources={"none", "denied"},
        target="moved",
        citation="FRCP 62(g) (1938); 28 U.S.C. 1651(a) (1948)",
        explanation=(
            "The government asks the court of appeals to pause the injunction while it appeals. "
            "Before the appellate rules of 1968 no rule required asking the trial judge first, so "
            "the model does not; the court of appeals acted under the All Writs Act."
        ),
        qualifier="stay",
        court="appeals",
        guards=("appeal_pending", "relief_in_force"),
        valid_until=FRAP_IN_FORCE,
        superseded_by=FRAP,
    ),
    Rule(
        id="stay.brief.appeals",
        event="brief_filed",
        slot="stay_appeals",
        sources=OPEN_MOTION,
        target="contested",
        citation="FRAP 27(a)(3)",
        explanation="A party responds to the motion for a stay in the court of appeals.",
        qualifier="stay",
        court="appeals",
    ),
    Rule(
        id="stay.hear.appeals",
        event="hearing_held",
        slot="stay_appeals",
        sources=OPEN_MOTION,
        target="contested",
        citation="FRAP 27(e)",
        explanation="The court of appeals hears argument on the motion for a stay.",
        qualifier="stay",
        court="appeals",
    ),
    Rule(
        id="stay.grant.appeals",
        event="stay_granted",
        slot="stay_appeals",
        sources=OPEN_MOTION,
        target="granted",
        citation=f"FRAP 8(a)(2); {NKEN}",
        explanation="A panel of the court of appeals pauses the injunction during the appeal, "
        + stay,
        qualifier="full",
        court="appeals",
        effects=("end_administrative_stay", "stay_relief"),
        decision="stay_appeals",
    ),
    Rule(
        id="stay.grant.appeals.partial",
        event="stay_granted",
        slot="stay_appeals",
        sources=OPEN_MOTION,
        target="granted",
        citation=f"FRAP 8(a)(2); {NKEN}; {IRAP}",
        explanation=(
            "The court of appeals pauses the injunction only in part: it stays in force for "
            "those the court finds would be harmed most, and the policy applies to everyone "
            "else, " + stay
        ),
        qualifier="partial",
        court="appeals",
        effects=("end_administrative_stay", "stay_relief_in_part"),
        decision="stay_appeals",
    ),
    Rule(
        id="admin_stay.grant",
        event="administrative_stay_granted",
        slot="admin_stay",
        sources={"none", "denied", "ended"},
        target="granted",
        citation="FRAP 8(a)(2); 28 U.S.C. 1651(a); S. Ct. R. 22",
        explanation=(
            "While it considers the motion for a stay (or, in the Supreme Court, the "
            "application), the court pauses the injunction for a few days. An administrative "
            "stay says nothing about who should win the motion."
        ),
        court="appeals",
        guards=("stay_motion_pending", "relief_in_force"),
        effects=("pause_administratively",),
    ),
    Rule(
        id="admin_stay.grant.supreme",
        event="administrative_stay_granted",
        slot="admin_stay",
        sources={"none", "denied", "ended"},
        target="granted",
        citation="S. Ct. R. 22.1; S. Ct. R. 23.1; 28 U.S.C. 2101(f)",
        explanation=(
            "The Circuit Justice pauses the injunction for a few days while the Court considers "
            "the application; the pause says nothing about how the application will come out."
        ),
        court="supreme",
        guards=("stay_motion_pending", "relief_in_force"),
        effects=("pause_administratively",),
    ),
    Rule(
        id="admin_stay.deny",
        event="administrative_stay_denied",
        slot="admin_stay",
        sources={"none"},
        target="denied",
        citation="FRAP 8(a)(2); 28 U.S.C. 1651(a)",
        explanation=(
            "The court refuses to pause the injunction even for the days it needs to decide the "
            "stay motion; the motion itself is still to be decided."
        ),
        court="appeals",
        guards=("stay_motion_pending",),
    ),
    Rule(
        id="admin_stay.deny.supreme",
        event="administrative_stay_denied",
        slot="admin_stay",
        sources={"none"},
        target="denied",
        citation="S. Ct. R. 22.1",
        explanation=(
            "The Circuit Justice refuses to pause the injunction while the Court considers the "
            "application."
        ),
        court="supreme",
        guards=("stay_motion_pending",),
    ),
    Rule(
        id="stay.deny.appeals",
        event="stay_denied",
        slot="stay_appeals",
        sources=OPEN_MOTION,
        target="denied",
        citation=f"FRAP 8(a)(2); {NKEN}",
        explanation="A panel of the court of appeals refuses to pause the injunction, " + stay,
        court="appeals",
        effects=("end_administrative_stay",),
        decision="stay_appeals",
    ),
    Rule(
        id="application.file",
        event="application_filed",
        slot="application",
        sources={"none", "denied"},
        target="filed",
        citation="S. Ct. R. 22; S. Ct. R. 23; 28 U.S.C. 1651",
        explanation=(
            "The government asks the Circuit Justice, and through the Justice the whole Court, to "
            "pause the injunction, after asking the court of appeals."
        ),
        qualifier="stay",
        guards=("relief_in_force", "appeal_pending", "stay_sought_in_appeals"),
        effects=("ask_application",),
    ),
    Rule(
        id="application.file.pending_certiorari",
        event="application_filed",
        slot="application",
        sources={"none", "denied"},
        target="filed",
        citation="28 U.S.C. 2101(f); S. Ct. R. 22; S. Ct. R. 23",
        explanation=(
            "After the court of appeals has decided, the government asks the Supreme Court to "
            "pause the injunction while it seeks certiorari; the stay would last until the Court "
            "acts on the petition."
        ),
        qualifier="stay",
        guards=("relief_in_force", "appeal_decided", "stay_sought_in_appeals"),
        effects=("ask_application",),
    ),
    Rule(
        id="application.file.vacate_stay",
        event="application_filed",
        slot="application",
        sources={"none", "denied"},
        target="filed",
        citation=(
            "S. Ct. R. 22; S. Ct. R. 23; Alabama Ass'n of Realtors v. Department of Health and "
            "Human Services, 594 U.S. 758 (2021) (per curiam)"
        ),
        explanation=(
            "The side that won the injunction asks the Supreme Court to lift a stay a lower "
            "court granted, so that the injunction (or the judgment) binds again."
        ),
        qualifier="vacate_stay",
        guards=("stay_below_in_force", "under_review"),
        effects=("ask_application",),
    ),
    Rule(
        id="application.file.injunction",
        event="application_filed",
        slot="application",
        sources={"none", "denied"},
        target="filed",
        citation="S. Ct. R. 22; S. Ct. R. 23.3; 28 U.S.C. 1651(a)",
        explanation=(
            "The challengers ask the Supreme Court to stop the policy itself while it decides "
            "whether to review the case, after the court of appeals refused."
        ),
        qualifier="injunction_pending_review",
        guards=(
            "under_review",
            "interim_sought_below",
            "live_controversy",
            "something_to_restrain",
        ),
        effects=("ask_application",),
    ),
    Rule(
        id="application.grant",
        event="application_granted",
        slot="application",
        sources={"filed"},
        target="granted",
        citation="S. Ct. R. 23.1",
        explanation=(
            "The Supreme Court grants the application: it pauses the injunction while the case "
            "goes on below, or stops the policy while it reviews the case."
        ),
        qualifier="full",
        effects=("end_administrative_stay", "grant_application"),
        decision="application",
    ),
    Rule(
        id="application.grant.partial",
        event="application_granted",
        slot="application",
        sources={"filed"},
        target="granted",
        citation=f"S. Ct. R. 23.1; {IRAP}",
        explanation=(
            "The Supreme Court pauses the injunction in part, leaving it in force for those with "
            "the strongest claims."
        ),
        qualifier="partial",
        guards=("application_for_stay",),
        effects=("end_administrative_stay", "grant_application"),
        decision="application",
    ),
    Rule(
        id="application.argue",
        event="hearing_held",
        slot="application",
        sources={"filed"},
        target="filed",
        citation=(
            "S. Ct. R. 22; S. Ct. R. 28; Trump v. CASA, Inc., No. 24A884 (order of Apr. 17, 2025)"
        ),
        explanation=(
            "The Supreme Court defers an emergency application and hears argument on it before "
            "deciding, as it does with a case it has agreed to review."
        ),
        qualifier="stay",
        court="supreme",
    ),
    Rule(
        id="application.refer",
        event="application_referred",
        slot="application",
        sources={"filed"},
        target="filed",
        citation="S. Ct. R. 22.5",
        explanation=(
            "The Circuit Justice, to whom the application was addressed, refers it to the whole "
            "Court, which decides it instead of the Justice alone. The rule names applications "
            "for a stay; the Justices refer others too."
        ),
    ),
    Rule(
        id="application.deny",
        event="application_denied",
        slot="application",
        sources={"filed"},
        target="denied",
        citation="S. Ct. R. 23.1",
        explanation=(
            "The Supreme Court refuses the application: the injunction stays in force, or the "
            "policy does."
        ),
        effects=("end_administrative_stay",),
        decision="application",
    ),
    *INTERIM_RULES,
)

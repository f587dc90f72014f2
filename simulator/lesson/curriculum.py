"""What every lesson shares: objectives, C3 Framework tags, words, role cards and the plans.

Written once for every case; what needs a teacher's judgment about one case
(its arguments, its holdings in plain words) comes from the scenario's
``teaching:`` section instead. The C3 indicators are quoted from the College,
Career, and Civic Life (C3) Framework for Social Studies State Standards
(National Council for the Social Studies, 2013), Dimension 2 (Civics) and
Dimension 4, grades 9-12. Every text is an English message id (``N_``),
translated where a page shows it.
"""

from __future__ import annotations

import attrs

from simulator.lesson.i18n import N_

__all__ = ["C3_TAGS", "OBJECTIVES", "PLAN_45", "PLAN_DAYS", "ROLES", "VOCABULARY", "Role", "Word"]


@attrs.frozen
class Role:
    """A role a student plays: who they are, what they want, what they must show."""

    id: str
    name: str
    who: str
    goal: str
    must_show: str


@attrs.frozen
class Word:
    """A word at two reading levels."""

    term: str
    simple: str
    fuller: str


ROLES = (
    Role(
        "judge",
        N_("Judge"),
        N_("You are the judge, or a panel of judges, who must rule at each step."),
        N_("Apply the law fairly to both sides. You do not pick the side you like."),
        N_("Use the legal test the court must apply, one factor at a time."),
    ),
    Role(
        "government",
        N_("Government"),
        N_("You are the lawyers for the President and the agencies."),
        N_("Keep the policy in force and defend the President's power to act."),
        N_("Show why the policy is lawful, and why stopping it would harm the country."),
    ),
    Role(
        "plaintiffs",
        N_("Plaintiffs"),
        N_("You are the people who sued: the users and businesses hurt by the policy."),
        N_("Stop the policy, at least until the court decides the case."),
        N_("Show that you are likely to win and that you will be harmed if no one stops it now."),
    ),
)

OBJECTIVES = (
    N_(
        "Explain how a government action is challenged in federal court, step by step, from the "
        "lawsuit to the Supreme Court."
    ),
    N_("Apply the four-factor test for a preliminary injunction or a stay to a real decision."),
    N_(
        "Compare the choices a judge or a party made with the other choices the law allowed, and "
        "explain their likely results."
    ),
    N_(
        "Evaluate how courts limit the power of the President, and how a case can end without a "
        "final answer."
    ),
)

#: (code, the indicator's text, how the lesson meets it)
C3_TAGS = (
    (
        "D2.Civ.4.9-12",
        N_(
            "Explain how the U.S. Constitution establishes a system of government that has "
            "powers, responsibilities, and limits that have changed over time and that are still "
            "contested."
        ),
        N_("Courts check the President's power under the First Amendment."),
    ),
    (
        "D2.Civ.11.9-12",
        N_(
            "Evaluate multiple procedures for making governmental decisions at the local, state, "
            "national, and international levels in terms of the civic purposes achieved."
        ),
        N_("Students weigh injunctions, stays and appeals as ways to decide."),
    ),
    (
        "D2.Civ.12.9-12",
        N_(
            "Analyze how people use and challenge local, state, national, and international laws "
            "to address a variety of public issues."
        ),
        N_("Citizens sue to stop a federal order."),
    ),
    (
        "D2.Civ.14.9-12",
        N_(
            "Analyze historical, contemporary, and emerging means of changing societies, "
            "promoting the common good, and protecting rights."
        ),
        N_("A lawsuit as a means of protecting rights."),
    ),
    (
        "D4.1.9-12",
        N_(
            "Construct arguments using precise and knowledgeable claims, with evidence from "
            "multiple sources, while acknowledging counterclaims and evidentiary weaknesses."
        ),
        N_("Each decision asks for a reason against the legal test."),
    ),
)

VOCABULARY = (
    Word(N_("lawsuit"), N_("A case one side brings against another in court."),
         N_("A civil action begun by filing a complaint (FRCP 3); the side that sues is the "
         "plaintiff, the side sued the defendant.")),
    Word(N_("plaintiff"), N_("The person or group who sues."),
         N_("The party who brings a civil action and asks the court for relief.")),
    Word(N_("executive order"), N_("A written order from the President to the government."),
         N_("A directive of the President to federal officers and agencies; it has the force of "
         "law only as far as the Constitution or a statute gives the President that power.")),
    Word(N_("injunction"), N_("A court order that tells someone to stop doing something."),
         N_("An order of a court forbidding (or requiring) an act; a preliminary injunction holds "
         "things in place until the case is decided (FRCP 65).")),
    Word(N_("preliminary injunction"), N_("An order that stops something for now, before the case "
         "is decided."),
         N_("Interim relief granted only on notice to the other side, when the four factors of "
         "Winter v. NRDC (2008) favor it.")),
    Word(N_("stay"), N_("A pause of a court's order."),
         N_("An order suspending another order while an appeal goes on, weighed on the four "
         "factors of Nken v. Holder (2009) (FRAP 8).")),
    Word(N_("appeal"), N_("Asking a higher court to change a lower court's decision."),
         N_("Review by a court of appeals; an order granting or refusing an injunction can be "
         "appealed at once (28 U.S.C. 1292(a)(1)).")),
    Word(N_("moot"), N_("When there is nothing left for a court to decide."),
         N_("A case is moot when events end the live dispute, so a decision would change nothing; "
         "federal courts then lack power to decide it (Article III).")),
    Word(N_("certiorari"), N_("When the Supreme Court agrees to hear a case."),
         N_("A writ by which the Supreme Court takes up a case it chooses to review "
            "(S. Ct. R. 10); by custom, four of the nine Justices must vote to grant it.")),
    Word(N_("First Amendment"), N_("The part of the Constitution that protects free speech and "
         "religion."),
         N_("It bars the government from abridging the freedom of speech, of the press, of "
         "assembly and the free exercise of religion.")),
    Word(N_("irreparable harm"), N_("Harm that money or a later ruling cannot fix."),
         N_("Injury that cannot be adequately remedied after a final judgment; a plaintiff must "
         "show it is likely to get a preliminary injunction.")),
)  # fmt: skip

#: (minutes, what the class does)
PLAN_45 = (
    ("5", N_("Hook: read the case's question aloud. Students vote yes or no.")),
    ("5", N_("Hand out the one-page handout. Go over the words to know.")),
    ("5", N_("Assign roles with the role cards: judges, government, plaintiffs.")),
    ("20", N_("Students play the student page in pairs, deciding in their role and writing a "
     "reason for each choice.")),
    ("7", N_("Discuss two of the questions below, starting with the judge's big ruling.")),
    ("3", N_("Exit ticket.")),
)  # fmt: skip

#: (day, what the class does)
PLAN_DAYS = (
    (N_("Day 1"), N_("Background and words. Read the handout. Play the student page once as "
     "the judge. Print the summary page.")),
    (N_("Day 2"), N_("Mock hearing. The plaintiffs and the government argue the injunction for "
     "five minutes each, using the arguments below; the judges rule with the four factors. "
     "Then play the student page in the parties' roles.")),
    (N_("Day 3"), N_("Compare with reality: the real holdings, the paths not taken and their odds. "
     "Discuss, then write a one-page opinion or the exit ticket.")),
)  # fmt: skip

"""Three-judge district courts and direct appeals to the Supreme Court.

Some cases Congress sends to a district court of three judges (28 U.S.C. 2284(a): the
apportionment of congressional districts or of a statewide legislature, and cases an Act of
Congress names). The judge first asked notifies the chief judge of the circuit, who names two
more judges, at least one of them a circuit judge (2284(b)(1)). Such a court's orders granting
or denying an injunction are appealed straight to the Supreme Court (28 U.S.C. 1253), within 30
days of an interlocutory order or 60 of a final one (2101(b)); the appellant files a
jurisdictional statement (S. Ct. R. 18.3), and the Court must act on the appeal: it notes
probable jurisdiction, postpones the question to the hearing on the merits, or decides the
appeal summarily, which is a ruling on the merits (Mandel v. Bradley).
"""

from __future__ import annotations

from simulator.law.authorities import BEFORE_SUPREME, MANDEL
from simulator.law.model import Rule

__all__ = ["RULES"]


def _summarily(verb: str, disposition: str, what: str) -> Rule:
    """The Court decides a direct appeal on the jurisdictional statement, without argument."""
    return Rule(
        id=f"supreme.summarily.{verb}",
        event="supreme_court_decided",
        slot="supreme",
        sources={"docketed"},
        target="decided",
        citation=f"S. Ct. R. 18.12; {MANDEL}",
        explanation=(
            f"The Supreme Court decides the direct appeal without hearing argument: it {what} "
            "A summary decision of an appeal settles the questions it had to decide, as a "
            "decision after argument does."
        ),
        qualifier=disposition,
        guards=("live_controversy",),
        effects=("supreme_judgment",),
        decision="supreme_court",
    )


RULES: tuple[Rule, ...] = (
    Rule(
        id="three_judge.convene",
        event="three_judge_court_convened",
        slot="three_judge",
        sources={"none"},
        target="convened",
        citation="28 U.S.C. 2284(a); 28 U.S.C. 2284(b)(1)",
        explanation=(
            "The chief judge of the circuit names two more judges, at least one from the court of "
            "appeals, to hear the case with the district judge, because the law requires a court "
            "of three judges for it."
        ),
        guards=("case_open",),
    ),
    Rule(
        id="appeal.direct",
        event="notice_of_appeal_filed",
        slot="supreme",
        sources=BEFORE_SUPREME,
        target="noticed",
        citation="28 U.S.C. 1253; 28 U.S.C. 2101(b); S. Ct. R. 18.1",
        explanation=(
            "The losing side appeals the three-judge court's order granting or denying an "
            "injunction straight to the Supreme Court, by a notice filed in the district court: "
            "there is no stop in the court of appeals."
        ),
        guards=(
            "three_judge_court",
            "appealable_order",
            "direct_appeal_in_time",
            "aggrieved_party",
        ),
        effects=("take_appeal",),
    ),
    Rule(
        id="direct.statement",
        event="jurisdictional_statement_filed",
        slot="supreme",
        sources={"noticed"},
        target="docketed",
        citation="S. Ct. R. 18.3",
        explanation=(
            "The appellant files its jurisdictional statement: why the Supreme Court has the "
            "appeal and why the questions are substantial. The appeal is docketed."
        ),
        guards=("direct_appeal_taken",),
    ),
    Rule(
        id="direct.note",
        event="jurisdiction_noted",
        slot="supreme",
        sources={"docketed"},
        target="granted",
        citation="S. Ct. R. 18.12",
        explanation=(
            "The Supreme Court notes probable jurisdiction: it will hear the direct appeal, with "
            "briefs and argument, as a case it agreed to review."
        ),
        qualifier="noted",
        decision="jurisdiction",
    ),
    Rule(
        id="direct.postpone",
        event="jurisdiction_noted",
        slot="supreme",
        sources={"docketed"},
        target="granted",
        citation="S. Ct. R. 18.12",
        explanation=(
            "The Supreme Court postpones the question of its jurisdiction to the hearing of the "
            "case on the merits: it will hear the appeal and decide both together."
        ),
        qualifier="postponed",
        decision="jurisdiction",
    ),
    _summarily("affirm", "affirmed", "affirms the three-judge court's judgment."),
    _summarily("reverse", "reversed", "reverses the three-judge court's judgment."),
    _summarily(
        "vacate", "vacated", "vacates the three-judge court's judgment and sends the case back."
    ),
)

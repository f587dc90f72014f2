"""The federal process as one table of rules, each next to the law it encodes.

Read a row as: on this event (for this motion, scope or disposition, in this
court), this track moves from one of these states to that one, if the guards
hold, with these further effects, because of this provision, which means
this in plain English. `sim rules` prints this table; the decider, the
diagrams and the narrative are all driven by it.

The rows live in one module per part of the process, named after it. The
sources for the provisions (the text of FRCP 6 and 65, FRAP 3, 4, 8 and 42,
28 U.S.C. 1291, 1292, 2101 and 2106, and the Supreme Court's Rules 10, 11, 13,
22 and 23) are collected in the project's research notes, ``../shared/facts/rules.md``.
"""

from __future__ import annotations

from simulator.law import (
    appeal_rules,
    direct_appeal_rules,
    mootness_rules,
    policy_rules,
    relief_rules,
    stay_rules,
    supreme_rules,
    trial_rules,
)
from simulator.law.authorities import TRUMP_V_CASA
from simulator.law.model import Lapse, ProcessModel, Rule

__all__ = ["LAPSES", "MODEL", "RULES", "TRUMP_V_CASA"]

#: Changes that time makes on its own.
LAPSES = (
    Lapse(
        "tro",
        "in_force",
        "expired",
        "tro_expires",
        "FRCP 65(b)(2)",
        "The restraining order expires at the end of the time the judge set, at most 14 days "
        "(10 before December 2009) unless extended.",
    ),
)

#: The whole process, in the order a case climbs through it.
RULES: tuple[Rule, ...] = (
    *policy_rules.RULES,
    *trial_rules.RULES,
    *relief_rules.RULES,
    *stay_rules.RULES,
    *appeal_rules.RULES,
    *supreme_rules.RULES,
    *direct_appeal_rules.RULES,
    *mootness_rules.RULES,
)

#: The model every command uses unless given another.
MODEL = ProcessModel(RULES, LAPSES)

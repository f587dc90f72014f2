"""A court holds a case still live although the challenged action stopped.

Holding a case moot is part of each court's own track (the trial court dismisses, the court
of appeals dismisses or vacates, the Supreme Court vacates: see their modules). Refusing to
is one holding made at any level, with one of three exceptions: voluntary cessation
(Laidlaw), a measure capable of repetition yet evading review (Weinstein v. Bradford), and a
successor that harms the plaintiffs in the same fundamental way (Northeastern Fla. Chapter v.
Jacksonville). The holding moves no track: the case goes on where it is.
"""

from __future__ import annotations

from simulator.law.authorities import JACKSONVILLE, LAIDLAW, ON_APPEAL, WEINSTEIN
from simulator.law.model import Rule

__all__ = ["RULES"]

_WHERE = {
    "district": ("trial", ("pending", "stayed")),
    "appeals": ("appeal", tuple(sorted(ON_APPEAL))),
    "supreme": ("supreme", ("petition", "granted", "argued")),
}
_COURT_TEXT = {
    "district": "The trial court",
    "appeals": "The court of appeals",
    "supreme": "The Supreme Court",
}


def _still_live(court: str, slot: str, state: str) -> Rule:
    """The holding in ``court`` while its track ``slot`` is at ``state``, which it keeps."""
    return Rule(
        id=f"mootness.reject.{court}.{state}",
        event="mootness_rejected",
        slot=slot,
        sources={state},
        target=state,
        citation=f"{LAIDLAW}; {WEINSTEIN}; {JACKSONVILLE}",
        explanation=(
            f"{_COURT_TEXT[court]} holds that the case is not moot although the challenged "
            "action stopped: the government could start again, the measure is too short to be "
            "reviewed before it ends and will recur, or a successor harms the plaintiffs in "
            "the same way. The case goes on."
        ),
        court=court,
        guards=("live_controversy", "mootness_exception_applies"),
        effects=("reject_mootness",),
    )


RULES: tuple[Rule, ...] = tuple(
    _still_live(court, slot, state) for court, (slot, states) in _WHERE.items() for state in states
)

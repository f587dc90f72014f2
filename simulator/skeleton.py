"""The skeleton of a new scenario, written by `sim new ID`: a commented file to fill in.

It is a lawful history as it stands (an order, a lawsuit, a motion for a
preliminary injunction, a hearing, the injunction, an appeal, and one what-if
branch), so `sim validate` and `sim run` work on it from the first minute and
keep working as each placeholder is replaced by the real case. Every fact in
it is a placeholder marked ``confidence: unverified`` and ``REPLACE``.
"""

from __future__ import annotations

from string import Template

from simulator.events import EVENT_TYPES

__all__ = ["skeleton"]

# $id is the scenario's id (and its one lawsuit's); the lists of choices come from the
# event types themselves, so the comments name every choice the loader accepts.
_TEMPLATE = Template("""\
# A new scenario: one real case as recorded events, each with its source.
#
# Every fact below is a placeholder: replace each REPLACE with the real case and each date
# with the date on the document you cite, add or remove events as the record shows, and once
# an event is checked against its source remove its `confidence: unverified` line (verified
# is the default). Then `sim validate $id.yaml` checks it and `sim run $id.yaml` tells it.
#
# The format, field by field: docs/scenarios.md. For checks and completion as you type, point
# your editor at the JSON Schema that `sim schema` prints (docs/scenarios.md says how).

# The scenario's id: lower-case letters, digits, '-' and '_'. It names the diagrams folder
# (diagrams/<id>/) and, once the file is in scenarios/, the id `sim run` accepts.
id: $id
# The case's name for people, with its courts and years.
title: "REPLACE: Plaintiffs v. Defendants (court, years)"
# A paragraph for a class: what the government did, who sued and why, what the courts did.
summary: >
  REPLACE: what happened and why it matters.
# What happened after the last recorded event, or what could not be verified.
outcome: >
  REPLACE: how the case ended, or what is still open.

# The government action the lawsuits challenge.
policy:
  # Its official name.
  name: "REPLACE: Executive Order 00000 (its title)"
  # order (an executive order, the default) or statute (an act of Congress).
  kind: order

# The lawsuits against the policy (with several, each event names its own with `case:`).
lawsuits:
  # The id events name with `case:` (lower-case, like the scenario's).
  - id: $id
    # The caption on the complaint.
    caption: "REPLACE: Plaintiffs v. Defendants"
    # The trial court.
    district_court: "REPLACE: U.S. District Court for the District of ..."
    # Its docket number.
    district_docket: "REPLACE: 1:20-cv-00000"
    # The trial judge.
    judge: "REPLACE: Judge ..."
    # The court of appeals (leave it and its docket out if there was no appeal).
    appeals_court: "REPLACE: U.S. Court of Appeals for the ... Circuit"
    # Its docket number.
    appeals_docket: "REPLACE: 20-0000"
    # Whether the United States, an agency or an officer is a party: then there are 60 days
    # to appeal instead of 30 (FRAP 4(a)(1)(B)).
    united_states_party: true

# Free-form references, kept for readers: the dockets, rulings and reports you relied on.
sources:
  - "REPLACE: the docket, e.g. on CourtListener"

# The recorded events, in date order (events of the same day keep the file's order). Each is
# checked against the rules of law in force on its date: `sim rules` lists them.
events:
  # When it happened, as YYYY-MM-DD.
  - date: 2020-01-06
    # What happened: one of the event types in docs/scenarios.md.
    type: order_issued
    # For an order, statute or rule: the day it takes effect (tro_granted takes `expires`).
    effective: 2020-02-05
    # Who acted.
    actor: "REPLACE: President ..."
    # What happened, in plain English.
    summary: "REPLACE: The President signs the order."
    # The document itself.
    citation: "REPLACE: Exec. Order No. 00000, 85 Fed. Reg. 00000"
    # Where the fact comes from: the Federal Register, the docket entry, the report you read.
    source: "REPLACE: 85 Fed. Reg. 00000 (date)"
    # verified (the default: checked against the source), partly (a secondary source only,
    # or sources disagree) or unverified (not checked yet).
    confidence: unverified
    # Anything a reader should know: disagreements between sources, what is not verified.
    note: "REPLACE or remove: a placeholder made by `sim new`."

  - date: 2020-01-13
    type: complaint_filed
    # The lawsuit it belongs to: may be left out while there is only one lawsuit.
    case: $id
    actor: "REPLACE: Plaintiffs"
    summary: "REPLACE: The plaintiffs sue, asking the court to stop the order."
    citation: "REPLACE: Complaint, ECF No. 1"
    source: "REPLACE: ECF No. 1"
    confidence: unverified

  - date: 2020-01-14
    type: motion_filed
    # Which motion: $motions.
    motion: preliminary_injunction
    # The court level, where the type allows several: $courts (default: the first).
    court: district
    actor: "REPLACE: Plaintiffs"
    summary: "REPLACE: The plaintiffs move for a preliminary injunction."
    source: "REPLACE: ECF No. 0"
    confidence: unverified

  - date: 2020-01-21
    type: brief_filed
    motion: preliminary_injunction
    actor: "REPLACE: Government"
    summary: "REPLACE: The government opposes the motion (it has had notice: FRCP 65(a)(1))."
    source: "REPLACE: ECF No. 0"
    confidence: unverified

  - date: 2020-01-28
    type: hearing_held
    motion: preliminary_injunction
    actor: "REPLACE: Judge ..."
    summary: "REPLACE: The judge hears the motion."
    source: "REPLACE: minute entry, ECF No. 0"
    confidence: unverified

  - date: 2020-01-31
    type: injunction_granted
    # Whom it protects: $scopes (parties if left out; no universal injunction
    # after Trump v. CASA, 27 June 2025).
    scope: parties
    actor: "REPLACE: Judge ..."
    summary: "REPLACE: The judge enjoins the order as to the plaintiffs."
    source: "REPLACE: Order Granting Motion for Preliminary Injunction, ECF No. 0"
    confidence: unverified

  - date: 2020-02-14
    type: notice_of_appeal_filed
    actor: "REPLACE: Government"
    summary: "REPLACE: The government appeals the injunction."
    source: "REPLACE: Notice of Appeal, ECF No. 0"
    confidence: unverified

# What-if branches (optional): the record up to a step, then what could have happened instead.
# `sim whatif $id.yaml` replays each one through the same law. Remove them if you want none.
whatif:
  # Lower-case, unique among the branches.
  - id: injunction-denied
    # The question the branch answers.
    title: What if the judge had refused the injunction?
    # The first recorded step it replaces: a step number (1 is the first event) or a date.
    at: 6
    # true: after the branch's events, the rest of the record follows.
    keep_rest: false
    # With keep_rest, how many recorded steps from `at` the branch replaces.
    drop: 1
    # The branch's own steps, in the event format; they are hypothetical, so summary and
    # source may be left out (confidence is unverified, and the source says so).
    events:
      - date: 2020-01-31
        type: injunction_denied
        summary: The judge refuses the injunction.
      - date: 2020-02-03
        type: notice_of_appeal_filed
        summary: The plaintiffs appeal the refusal at once (28 U.S.C. 1292(a)(1)).

# For lessons (optional; `sim lesson $id.yaml`): what needs a teacher's judgment, with sources.
# Also: summary, arguments, holdings, vocabulary, discussion, exit_ticket (docs/lesson.md).
teaching:
  # The question the case raises, for a class.
  question: "REPLACE: Can the government ...?"
  # Sources of the teaching notes.
  sources:
    - "REPLACE: Order Granting Motion for Preliminary Injunction, ECF No. 0"

# The teaching section in Simplified Chinese (optional), with the same fields: the lesson
# in Chinese (`sim lesson $id.yaml --lang zh`) uses it. Holdings name the same events.
teaching_zh:
# The teaching section in Spanish (optional), for `--lang es`.
teaching_es:
""")


def skeleton(scenario_id: str) -> str:
    """The commented skeleton of a scenario called ``scenario_id`` (a valid scenario id)."""
    motion = EVENT_TYPES["motion_filed"]
    return _TEMPLATE.substitute(
        id=scenario_id,
        motions=_one_of(motion.choices),
        courts=_one_of(motion.courts),
        scopes=_one_of(EVENT_TYPES["injunction_granted"].choices),
    )


def _one_of(choices: tuple[str, ...]) -> str:
    """The choices as prose: "a, b or c"."""
    return " or ".join(filter(None, (", ".join(choices[:-1]), choices[-1])))

"""Plain words for students: what each move is called, and what it did.

Wording only, never law: which moves exist and which are allowed comes from
the rule table and the decider (`simulator.lesson.points`). Each move is keyed
by the event it records, ``type`` or ``type:qualifier``; the court is added
where the same event happens at several levels. ``{policy}`` stands for "the
order" or "the law".
"""

from __future__ import annotations

from simulator.events import EVENT_TYPES, Event, describe_event

__all__ = ["ROLE_NAMES", "court_name", "move_label", "move_past", "not_label"]

#: The roles a student may play, as the page names them.
ROLE_NAMES = {"judge": "Judge", "government": "Government", "plaintiffs": "Plaintiffs"}

_COURTS = {"district": "the district court", "appeals": "the court of appeals",
           "supreme": "the Supreme Court"}  # fmt: skip

#: What a student picks: the move, in the imperative.
_LABELS = {
    "complaint_filed": "Sue the government in federal court",
    "motion_filed:preliminary_injunction": "Ask the judge to block {policy} now (a preliminary "
    "injunction)",
    "motion_filed:tro": "Ask for an emergency order right away (a temporary restraining order)",
    "motion_filed:stay:district": "Ask the judge to pause the injunction during the appeal",
    "motion_filed:stay:appeals": "Ask the court of appeals to pause the injunction during the "
    "appeal",
    "notice_of_appeal_filed": "Appeal to the court of appeals",
    "application_filed:stay": "Ask the Supreme Court to pause the injunction (an emergency "
    "application)",
    "application_filed:injunction_pending_review": "Ask the Supreme Court to block {policy} "
    "during the appeal",
    "cert_petition_filed": "Ask the Supreme Court to hear the case now (a petition for certiorari)",
    "injunction_granted:parties": "Block {policy}, but only for the people who sued",
    "injunction_granted:class": "Block {policy} for the whole group of people like them (a class)",
    "injunction_granted:universal": "Block {policy} for everyone in the country",
    "injunction_denied": "Refuse: {policy} may take effect while the case goes on",
    "tro_granted": "Block {policy} for a few days (a temporary restraining order)",
    "tro_denied": "Refuse the emergency order",
    "stay_granted:full": "Pause the injunction: {policy} may take effect during the appeal",
    "stay_granted:partial": "Pause part of the injunction during the appeal",
    "stay_denied": "Refuse: the injunction stays in force during the appeal",
    "application_granted:full": "Pause the injunction while the case goes on",
    "application_granted:partial": "Pause part of the injunction while the case goes on",
    "application_denied": "Refuse: the lower court's order stands for now",
    "appeal_decided:affirmed": "Affirm: agree with the lower court",
    "appeal_decided:reversed": "Reverse: the lower court got it wrong",
    "appeal_decided:vacated": "Vacate: cancel the lower court's order",
    "appeal_decided:remanded": "Send the case back to the lower court to look again",
    "appeal_dismissed:voluntary": "The government drops its appeal",
    "appeal_dismissed:moot": "End the appeal as moot: nothing is left to decide",
    "vacated_as_moot": "End the appeal as moot and cancel the lower court's order, so it "
    "cannot be used later",
    "cert_granted": "Agree to hear the case",
    "cert_denied": "Refuse to hear the case",
    "supreme_court_decided:affirmed": "Affirm: agree with the court below",
    "supreme_court_decided:reversed": "Reverse: the court below got it wrong",
    "supreme_court_decided:vacated": "Vacate: cancel the decision below",
    "supreme_court_decided:remanded": "Send the case back to the court below",
    "judgment_entered:plaintiffs": "Decide the case for the people who sued",
    "judgment_entered:defendants": "Decide the case for the government",
}

#: What happened, in the past tense, in short sentences (the handout).
_PAST = {
    "order_issued": "{actor} signed an executive order.",
    "statute_enacted": "Congress passed a law.",
    "rule_issued": "The government wrote the rule that put {policy} into action.",
    "rule_withdrawn": "The government took back its rule.",
    "order_revoked": "{actor} canceled {policy}.",
    "complaint_filed": "People hurt by {policy} sued in federal court.",
    "motion_filed:preliminary_injunction": "They asked the judge to block {policy} for now.",
    "motion_filed:tro": "They asked for an emergency order.",
    "motion_filed:stay": "The government asked for a pause of the judge's order.",
    "notice_of_appeal_filed": "{actor} appealed.",
    "application_filed": "The Supreme Court was asked for an emergency order.",
    "cert_petition_filed": "The Supreme Court was asked to hear the case.",
    "injunction_granted": "The judge blocked {policy} while the case went on.",
    "injunction_denied": "The judge let {policy} take effect.",
    "tro_granted": "The judge blocked {policy} for a few days.",
    "tro_denied": "The judge said no to an emergency order.",
    "stay_granted": "The court paused the judge's order.",
    "stay_denied:district": "The judge would not pause the order.",
    "stay_denied:appeals": "The court of appeals would not pause the order.",
    "application_granted": "The Supreme Court paused the order.",
    "application_denied": "The Supreme Court said no.",
    "appeal_decided:affirmed": "The court of appeals agreed with the judge.",
    "appeal_decided:reversed": "The court of appeals said the judge was wrong.",
    "appeal_decided:vacated": "The court of appeals canceled the judge's order.",
    "appeal_decided:remanded": "The court of appeals sent the case back.",
    "appeal_dismissed": "The appeal ended with no decision.",
    "vacated_as_moot": "The appeal ended, and the order below was canceled.",
    "cert_granted": "The Supreme Court agreed to hear the case.",
    "cert_denied": "The Supreme Court would not hear the case.",
    "supreme_court_decided:affirmed": "The Supreme Court agreed with the court below.",
    "supreme_court_decided:reversed": "The Supreme Court said the court below was wrong.",
    "supreme_court_decided:vacated": "The Supreme Court canceled the decision below.",
    "supreme_court_decided:remanded": "The Supreme Court sent the case back.",
    "judgment_entered": "The judge decided the case.",
    "case_dismissed": "The case was closed.",
}

#: Not taking a step, by the kind of step.
_NOT = {
    "complaint_filed": "Don't sue",
    "motion_filed": "Don't ask: wait",
    "notice_of_appeal_filed": "Don't appeal",
    "application_filed": "Don't go to the Supreme Court: wait for the appeal",
    "cert_petition_filed": "Don't go to the Supreme Court: wait for the appeal",
}


def _keys(event: Event) -> list[str]:
    kind = EVENT_TYPES[event.type]
    qualifier = getattr(event, kind.qualifier) if kind.qualifier else ""
    keys = [f"{event.type}:{qualifier}:{event.court}"] if qualifier else []
    keys += [f"{event.type}:{qualifier}"] if qualifier else []
    return [*keys, f"{event.type}:{event.court}", event.type]


def _policy(kind: str) -> str:
    return "the law" if kind == "statute" else "the order"


def _lookup(table: dict[str, str], event: Event) -> str | None:
    return next((table[key] for key in _keys(event) if key in table), None)


def move_label(event: Event, policy_kind: str = "order") -> str:
    """What a student picks to make ``event`` happen."""
    text = _lookup(_LABELS, event) or describe_event(event).capitalize()
    return text.format(policy=_policy(policy_kind))


def move_past(event: Event, policy_kind: str = "order") -> str:
    """What ``event`` did, in one short past-tense sentence."""
    text = _lookup(_PAST, event) or describe_event(event).capitalize() + "."
    return text.format(policy=_policy(policy_kind), actor=_actor(event.actor))


def _actor(actor: str) -> str:
    """Who acted, as a sentence's subject: "Government" -> "The government"."""
    if not actor or len(actor.split()) > 3:
        return "The side that lost"
    if actor.lower() in ("government", "plaintiffs"):
        return f"The {actor.lower()}"
    return actor


def not_label(event_type: str) -> str:
    """What a student picks to leave a step of ``event_type`` untaken."""
    return _NOT.get(event_type, "Don't: wait")


def court_name(court: str) -> str:
    """``appeals`` -> ``the court of appeals``."""
    return _COURTS.get(court, "the court")

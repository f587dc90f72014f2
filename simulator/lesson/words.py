"""Plain words for students: what each move is called, and what it did.

Wording only, never law: which moves exist and which are allowed comes from
the rule table and the decider (`simulator.lesson.points`). Each move is keyed
by the event it records, ``type`` or ``type:qualifier``; the court is added
where the same event happens at several levels. ``{policy}`` stands for "the
order" or "the law". Every text is an English message id, translated by the
``gettext`` the caller passes (`simulator.lesson.i18n`).
"""

from __future__ import annotations

from simulator.events import EVENT_TYPES, Event, describe_event
from simulator.lesson.i18n import N_, Gettext

__all__ = [
    "ROLE_NAMES",
    "court_name",
    "move_label",
    "move_past",
    "not_label",
    "policy_word",
    "role_names",
]


def _same(message: str) -> str:
    return message


#: The roles a student may play, as the page names them (message ids).
ROLE_NAMES = {"judge": N_("Judge"), "government": N_("Government"),
              "plaintiffs": N_("Plaintiffs")}  # fmt: skip

_COURTS = {"district": N_("the district court"), "appeals": N_("the court of appeals"),
           "supreme": N_("the Supreme Court")}  # fmt: skip

#: What a student picks: the move, in the imperative.
_LABELS = {
    "complaint_filed": N_("Sue the government in federal court"),
    "motion_filed:preliminary_injunction": N_(
        "Ask the judge to block {policy} now (a preliminary injunction)"
    ),
    "motion_filed:tro": N_("Ask for an emergency order right away (a temporary restraining order)"),
    "motion_filed:stay:district": N_("Ask the judge to pause the injunction during the appeal"),
    "motion_filed:stay:appeals": N_(
        "Ask the court of appeals to pause the injunction during the appeal"
    ),
    "motion_filed:injunction_pending_review": N_(
        "Ask the court to block {policy} while it reviews it"
    ),
    "notice_of_appeal_filed": N_("Appeal to the court of appeals"),
    "application_filed:stay": N_(
        "Ask the Supreme Court to pause the injunction (an emergency application)"
    ),
    "application_filed:injunction_pending_review": N_(
        "Ask the Supreme Court to block {policy} during the appeal"
    ),
    "cert_petition_filed": N_(
        "Ask the Supreme Court to hear the case now (a petition for certiorari)"
    ),
    "injunction_granted:parties": N_("Block {policy}, but only for the people who sued"),
    "injunction_granted:class": N_(
        "Block {policy} for the whole group of people like them (a class)"
    ),
    "injunction_granted:universal": N_("Block {policy} for everyone in the country"),
    "injunction_denied": N_("Refuse: {policy} may take effect while the case goes on"),
    "tro_granted": N_("Block {policy} for a few days (a temporary restraining order)"),
    "tro_denied": N_("Refuse the emergency order"),
    "stay_granted:full": N_("Pause the injunction: {policy} may take effect during the appeal"),
    "stay_granted:partial": N_("Pause part of the injunction during the appeal"),
    "stay_denied": N_("Refuse: the injunction stays in force during the appeal"),
    "application_granted:full": N_("Pause the injunction while the case goes on"),
    "application_granted:partial": N_("Pause part of the injunction while the case goes on"),
    "application_denied": N_("Refuse: the lower court's order stands for now"),
    "injunction_pending_review_granted": N_("Block {policy} while the court reviews it"),
    "injunction_pending_review_denied": N_("Refuse: {policy} may take effect during the review"),
    "appeal_decided:affirmed": N_("Affirm: agree with the lower court"),
    "appeal_decided:reversed": N_("Reverse: the lower court got it wrong"),
    "appeal_decided:vacated": N_("Vacate: cancel the lower court's order"),
    "appeal_decided:remanded": N_("Send the case back to the lower court to look again"),
    "appeal_decided:affirmed_in_part": N_(
        "Affirm in part: agree with the lower court on some points"
    ),
    "appeal_decided:petition_denied": N_("Uphold {policy}: deny the petition"),
    "appeal_decided:petition_granted": N_("Strike down {policy}: grant the petition"),
    "appeal_dismissed:voluntary": N_("The government drops its appeal"),
    "appeal_dismissed:moot": N_("End the appeal as moot: nothing is left to decide"),
    "vacated_as_moot": N_(
        "End the appeal as moot and cancel the lower court's order, so it cannot be used later"
    ),
    "cert_granted": N_("Agree to hear the case"),
    "cert_denied": N_("Refuse to hear the case"),
    "supreme_court_decided:affirmed": N_("Affirm: agree with the court below"),
    "supreme_court_decided:reversed": N_("Reverse: the court below got it wrong"),
    "supreme_court_decided:vacated": N_("Vacate: cancel the decision below"),
    "supreme_court_decided:remanded": N_("Send the case back to the court below"),
    "supreme_court_decided:affirmed_in_part": N_(
        "Affirm in part: agree with the court below on some points"
    ),
    "supreme_court_decided:equally_divided": N_("Split evenly: the decision below stands"),
    "supreme_court_decided:dismissed_improvidently": N_(
        "Dismiss the case: the Court should not have taken it"
    ),
    "supreme_court_decided:gvr": N_(
        "Cancel the decision below and send the case back to look again"
    ),
    "application_filed:vacate_stay": N_(
        "Ask the Supreme Court to lift the pause of the injunction"
    ),
    "judgment_entered:plaintiffs": N_("Decide the case for the people who sued"),
    "judgment_entered:defendants": N_("Decide the case for the government"),
    "motion_filed:class_certification": N_(
        "Ask the judge to let you sue for everyone in your situation (a class action)"
    ),
    "motion_filed:dismiss": N_("Ask the judge to throw out the case"),
    "motion_filed:summary_judgment": N_(
        "Ask the judge to decide the case now, without a trial (summary judgment)"
    ),
    "class_certified:full": N_("Let them sue for the whole group (certify a class)"),
    "class_certified:provisional": N_(
        "Let them sue for the whole group for now (certify a class provisionally)"
    ),
    "class_certification_denied": N_("Refuse: they may sue only for themselves"),
    "motion_to_dismiss_denied:full": N_("Refuse to throw out the case"),
    "motion_to_dismiss_denied:partial": N_("Throw out part of the case and keep the rest"),
    "summary_judgment_denied": N_("Refuse: the case needs more facts first"),
    "indicative_ruling": N_(
        "Say how you would rule if the court of appeals sent the case back (an indicative ruling)"
    ),
    "limited_remand": N_("Send the case back for the judge to rule, while keeping the appeal"),
    "administrative_stay_granted": N_(
        "Pause the order for a few days while the court decides (an administrative stay)"
    ),
    "administrative_stay_denied": N_("Refuse even a short pause"),
    "rehearing_petition_filed:panel": N_("Ask the same judges to hear the case again"),
    "rehearing_petition_filed:en_banc": N_(
        "Ask the whole court of appeals to hear the case again (en banc)"
    ),
    "rehearing_granted": N_("Agree to hear the case again"),
    "rehearing_denied": N_("Refuse to hear the case again"),
    "mandate_stayed": N_("Hold back the judgment while the Supreme Court is asked"),
    "mandate_issued": N_("Send the judgment to the lower court now"),
    "case_dismissed:voluntary": N_("The people who sued drop the case"),
    "case_dismissed:moot": N_("Close the case as moot: nothing is left to decide"),
    "case_dismissed:motion": N_("Throw out the case"),
}

#: What happened, in the past tense, in short sentences (the handout, and the story of a
#: lesson in Chinese or Spanish, beside the record's own English words).
_PAST = {
    "order_issued": N_("{actor} signed an executive order."),
    "proclamation_issued": N_("{actor} signed a proclamation."),
    "statute_enacted": N_("Congress passed a law."),
    "agency_action_taken": N_("A government agency acted to carry out {policy}."),
    "rule_issued": N_("The government wrote the rule that put {policy} into action."),
    "rule_withdrawn": N_("The government took back its rule."),
    "order_revoked:full": N_("{actor} canceled {policy}."),
    "order_revoked:partial": N_("{actor} canceled part of {policy}."),
    "order_revoked:replaced": N_("{actor} replaced {policy} with a new one."),
    "agency_action_rescinded": N_("The agency took back its action."),
    "complaint_filed": N_("People hurt by {policy} sued in federal court."),
    "complaint_amended": N_("The people who sued changed their complaint."),
    "motion_filed:preliminary_injunction": N_("They asked the judge to block {policy} for now."),
    "motion_filed:tro": N_("They asked for an emergency order."),
    "motion_filed:stay": N_("The government asked for a pause of the judge's order."),
    "motion_filed:injunction_pending_review": N_(
        "They asked the court to block {policy} while it reviewed it."
    ),
    "motion_filed:dismiss": N_("The government asked the judge to throw out the case."),
    "brief_filed": N_("A side filed a written argument."),
    "hearing_held": N_("The court held a hearing."),
    "tro_granted": N_("The judge blocked {policy} for a few days."),
    "tro_denied": N_("The judge said no to an emergency order."),
    "tro_extended": N_("The judge made the emergency order last longer."),
    "tro_dissolved": N_("The emergency order ended."),
    "injunction_granted": N_("The judge blocked {policy} while the case went on."),
    "injunction_denied": N_("The judge let {policy} take effect."),
    "injunction_dissolved": N_("The judge's order blocking {policy} ended."),
    "proceedings_stayed": N_("The judge put the case on hold."),
    "proceedings_resumed": N_("The case started again."),
    "stay_granted": N_("The court paused the judge's order."),
    "stay_denied:district": N_("The judge would not pause the order."),
    "stay_denied:appeals": N_("The court of appeals would not pause the order."),
    "administrative_stay_granted": N_("A higher court paused the order for a short time."),
    "administrative_stay_denied": N_("A higher court would not pause the order, even briefly."),
    "application_filed": N_("The Supreme Court was asked for an emergency order."),
    "application_granted": N_("The Supreme Court paused the order."),
    "application_denied": N_("The Supreme Court said no."),
    "application_treated_as_petition": N_(
        "The Supreme Court agreed to hear the case itself, fast."
    ),
    "injunction_pending_review_granted": N_(
        "The court of appeals blocked {policy} while it reviewed it."
    ),
    "injunction_pending_review_denied": N_(
        "The court of appeals would not block {policy} while it reviewed it."
    ),
    "petition_for_review_filed": N_(
        "People hurt by {policy} asked the court of appeals to review it."
    ),
    "notice_of_appeal_filed": N_("{actor} appealed."),
    "appeal_held_in_abeyance": N_("The court of appeals put the appeal on hold."),
    "appeal_resumed": N_("The appeal started again."),
    "appeal_argued": N_("Lawyers for both sides argued before the court of appeals."),
    "appeal_decided:affirmed": N_("The court of appeals agreed with the judge."),
    "appeal_decided:reversed": N_("The court of appeals said the judge was wrong."),
    "appeal_decided:vacated": N_("The court of appeals canceled the judge's order."),
    "appeal_decided:remanded": N_("The court of appeals sent the case back."),
    "appeal_decided:affirmed_in_part": N_("The court of appeals agreed with the judge in part."),
    "appeal_decided:petition_denied": N_("The court of appeals upheld {policy}."),
    "appeal_decided:petition_granted": N_("The court of appeals struck down {policy}."),
    "appeal_dismissed": N_("The appeal ended with no decision."),
    "vacated_as_moot": N_("The appeal ended, and the order below was canceled."),
    "cert_petition_filed": N_("The Supreme Court was asked to hear the case."),
    "cert_granted": N_("The Supreme Court agreed to hear the case."),
    "cert_denied": N_("The Supreme Court would not hear the case."),
    "supreme_court_argued": N_("Lawyers for both sides argued before the Supreme Court."),
    "supreme_court_decided:affirmed": N_("The Supreme Court agreed with the court below."),
    "supreme_court_decided:reversed": N_("The Supreme Court said the court below was wrong."),
    "supreme_court_decided:vacated": N_("The Supreme Court canceled the decision below."),
    "supreme_court_decided:remanded": N_("The Supreme Court sent the case back."),
    "supreme_court_decided:affirmed_in_part": N_(
        "The Supreme Court agreed with the court below in part."
    ),
    "supreme_court_decided:equally_divided": N_(
        "The Justices were evenly split, so the decision below stood."
    ),
    "supreme_court_decided:dismissed_improvidently": N_(
        "The Supreme Court dismissed the case without deciding it."
    ),
    "supreme_court_decided:gvr": N_(
        "The Supreme Court canceled the decision below and sent the case back."
    ),
    "rehearing_petition_filed": N_(
        "The side that lost asked the court of appeals to hear the case again."
    ),
    "rehearing_denied": N_("The court of appeals would not hear the case again."),
    "rehearing_granted": N_("The court of appeals agreed to hear the case again."),
    "mandate_stayed": N_("The court of appeals held back its judgment for now."),
    "mandate_issued": N_("The court of appeals sent its judgment to the lower court."),
    "judgment_entered:plaintiffs": N_("The court decided the case for the people who sued."),
    "judgment_entered:defendants": N_("The court decided the case for the government."),
    "judgment_entered": N_("The judge decided the case."),
    "case_dismissed": N_("The case was closed."),
    "motion_filed:class_certification": N_(
        "They asked the judge to let them sue for everyone in their situation (a class)."
    ),
    "motion_filed:summary_judgment": N_(
        "A side asked the judge to decide the case without a trial."
    ),
    "class_certified:full": N_("The judge let them sue for the whole group (a class)."),
    "class_certified:provisional": N_(
        "The judge let them sue for the whole group (a class), for now."
    ),
    "class_certification_denied": N_("The judge would not let them sue for a whole group."),
    "motion_to_dismiss_denied:full": N_("The judge would not throw out the case."),
    "motion_to_dismiss_denied:partial": N_("The judge threw out part of the case."),
    "summary_judgment_denied": N_("The judge would not decide the case without more facts."),
    "trial_held": N_("The court held a trial."),
    "indicative_ruling": N_(
        "The judge said how the court would rule if the court of appeals sent the case back."
    ),
    "limited_remand": N_(
        "The court of appeals sent the case back so the judge could rule, and kept the appeal."
    ),
    "motion_filed:reopen_time": N_(
        "The side that lost asked for a new chance to appeal: nobody had told it of the ruling "
        "in time."
    ),
    "appeal_time_reopened": N_("The judge gave the side that lost 14 more days to appeal."),
    "application_referred": N_(
        "The Justice who got the request sent it to the whole Supreme Court to decide."
    ),
    "clerk_office_inaccessible": N_(
        "The court's office was closed, so a deadline that ended then moved to the next open day."
    ),
    "supreme_court_judgment_issued": N_(
        "The Supreme Court sent its decision down to the court below."
    ),
    "cases_consolidated": N_(
        "The court joined this case with others like it, to hear them together."
    ),
    "notice_given": N_("The government was told of the request, so it could answer."),
    "memorandum_issued": N_("{actor} signed a memorandum telling officials what to do."),
    "policy_expired:full": N_("On the day it set for itself, {policy} ended."),
    "policy_expired:partial": N_("On the day it set for itself, part of {policy} ended."),
    "mootness_rejected": N_("The court said the case was still alive, so it went on."),
    "three_judge_court_convened": N_("A court of three judges was formed to hear the case."),
    "jurisdictional_statement_filed": N_(
        "The side that lost asked the Supreme Court to take its appeal."
    ),
    "jurisdiction_noted:noted": N_("The Supreme Court agreed to hear the appeal."),
    "jurisdiction_noted:postponed": N_(
        "The Supreme Court agreed to hear the appeal and to decide later if it could."
    ),
    "agency_action_rescinded:partial": N_("The agency took back part of its action."),
    "agency_action_rescinded:replaced": N_("The agency replaced its action with a new one."),
    "rehearing_petition_filed:en_banc": N_(
        "The side that lost asked the whole court of appeals to hear the case again."
    ),
    "rehearing_granted:en_banc": N_("The whole court of appeals agreed to hear the case again."),
}

#: What a student picks, where the rule that allows the event decides what it does.
_BY_RULE = {
    "appeal.direct": N_("Appeal straight to the Supreme Court (from a court of three judges)"),
}

#: Not taking a step, by the kind of step.
_NOT = {
    "complaint_filed": N_("Don't sue"),
    "motion_filed": N_("Don't ask: wait"),
    "notice_of_appeal_filed": N_("Don't appeal"),
    "appeal_dismissed": N_("Keep the appeal going: let the court decide"),
    "application_filed": N_("Don't go to the Supreme Court: wait for the appeal"),
    "cert_petition_filed": N_("Don't go to the Supreme Court: wait for the appeal"),
    "petition_for_review_filed": N_("Don't ask for review"),
}
_NOT_ANY = N_("Don't: wait")

#: Who acted, when the record names a side.
_ACTORS = {
    "government": N_("The government"),
    "plaintiffs": N_("The plaintiffs"),
    "": N_("The side that lost"),
    "president trump": N_("President Trump"),
    "president biden": N_("President Biden"),
    "president truman": N_("President Truman"),
    "congress and president biden": N_("Congress and President Biden"),
}


def _keys(event: Event) -> list[str]:
    kind = EVENT_TYPES[event.type]
    qualifier = getattr(event, kind.qualifier) if kind.qualifier else ""
    keys = [f"{event.type}:{qualifier}:{event.court}"] if qualifier else []
    keys += [f"{event.type}:{qualifier}"] if qualifier else []
    return [*keys, f"{event.type}:{event.court}", event.type]


def policy_word(kind: str, gettext: Gettext = _same) -> str:
    """ "the law" for a statute, "the order" for anything else, in the page's language."""
    return gettext(N_("the law")) if kind == "statute" else gettext(N_("the order"))


def _lookup(table: dict[str, str], event: Event) -> str | None:
    return next((table[key] for key in _keys(event) if key in table), None)


def move_label(
    event: Event, policy_kind: str = "order", gettext: Gettext = _same, *, rule: str = ""
) -> str:
    """What a student picks to make ``event`` happen; ``rule``, the rule that would allow it,
    tells apart moves the same event makes (a notice of appeal goes to the court of appeals,
    or from three judges straight to the Supreme Court)."""
    text = _BY_RULE.get(rule) or _lookup(_LABELS, event) or describe_event(event).capitalize()
    return gettext(text).format(policy=policy_word(policy_kind, gettext))


def move_past(event: Event, policy_kind: str = "order", gettext: Gettext = _same) -> str:
    """What ``event`` did, in one short past-tense sentence."""
    text = _lookup(_PAST, event) or describe_event(event).capitalize() + "."
    return gettext(text).format(
        policy=policy_word(policy_kind, gettext), actor=_actor(event.actor, gettext)
    )


def _actor(actor: str, gettext: Gettext) -> str:
    """Who acted, as a sentence's subject: "Government" -> "The government"."""
    name = actor.split(" (")[0].strip()
    if name.lower() in _ACTORS:
        return gettext(_ACTORS[name.lower()])
    if not name or len(name.split()) > 3:
        return gettext(_ACTORS[""])
    return name


def not_label(event_type: str, gettext: Gettext = _same) -> str:
    """What a student picks to leave a step of ``event_type`` untaken."""
    return gettext(_NOT.get(event_type, _NOT_ANY))


def court_name(court: str, gettext: Gettext = _same) -> str:
    """``appeals`` -> ``the court of appeals``."""
    return gettext(_COURTS.get(court, N_("the court")))


def role_names(gettext: Gettext = _same) -> dict[str, str]:
    """The roles' names in the page's language."""
    return {role: gettext(name) for role, name in ROLE_NAMES.items()}

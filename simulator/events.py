"""Events: the recorded facts a case is made of, and the registry of their types.

An event says what happened, on which date, in which lawsuit and court. It
never says what the state becomes: that is the process model's job
(`simulator.law.rules`), so the same events can be replayed under the rules
in force on their dates.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

import attrs

__all__ = [
    "AGENCY_FORMS",
    "COURTS",
    "EVENT_TYPES",
    "FIELDS",
    "MOOTNESS_EXCEPTIONS",
    "MOOT_CAUSES",
    "OPENING",
    "PARTIES",
    "RELIEF_KINDS",
    "Event",
    "EventType",
    "Field",
    "describe_event",
    "event_from_dict",
    "event_to_dict",
]

#: The three levels of the federal courts an event can happen in.
COURTS = ("district", "appeals", "supreme")


@attrs.frozen(slots=True)
class EventType:
    """What one kind of event is called and which fields it may carry.

    ``qualifier`` names the field that selects among the rules for this event
    (which motion, which disposition, which scope); ``courts`` lists the court
    levels it may happen in, the first being the default.
    """

    name: str
    label: str
    qualifier: str = ""
    choices: tuple[str, ...] = ()
    courts: tuple[str, ...] = ()
    lawsuit: bool = True
    #: the event can start a lawsuit: a complaint, a supplemental complaint that
    #: brings a new policy into a suit, or a petition for review
    opens: bool = False
    #: the qualifier an event without one gets: events recorded before the
    #: qualifier existed keep the meaning they had
    default: str = ""
    #: the fields beyond the common ones that this kind of event may carry (`FIELDS`)
    fields: tuple[str, ...] = ()


def _types(*specs: EventType) -> dict[str, EventType]:
    return {spec.name: spec for spec in specs}


_MOTIONS = (
    "tro",
    "preliminary_injunction",
    "stay",
    "injunction_pending_review",
    "dismiss",
    "summary_judgment",
    "class_certification",
    "alter_judgment",
    "reopen_time",
)
#: Who may file: the side that sued, the government it sued, or a party that intervened.
PARTIES = ("plaintiffs", "government", "intervenor")
#: What a final judgment for the plaintiffs may grant (FRCP 54(c), 57, 65; 5 U.S.C. 706).
RELIEF_KINDS = ("permanent_injunction", "declaratory_judgment", "vacatur", "remand_to_agency")

#: What an agency's own action can be (5 U.S.C. 551(4), (6), (13)).
AGENCY_FORMS = ("rule", "memorandum", "program", "order", "guidance")
#: Why a court holds a case moot: the challenged action ended (revoked, rescinded,
#: replaced or expired), the parties settled, or other events left nothing to decide.
MOOT_CAUSES = ("policy_ended", "settlement", "events")
#: Why a court holds that a case is still live although the challenged action stopped:
#: the government stopped voluntarily and could start again (Laidlaw); the action is too
#: short to be reviewed before it ends, and will recur (Weinstein v. Bradford); a successor
#: harms the plaintiffs in the same way (Northeastern Fla. Chapter v. Jacksonville).
MOOTNESS_EXCEPTIONS = ("voluntary_cessation", "capable_of_repetition", "successor_policy")


@attrs.frozen
class Field:
    """A field some event types carry (`EventType.fields`), and how it is written:
    ``names`` (a list of lower-case names), ``flag`` (yes or no), ``choice`` (one of
    ``choices``), or ``choices`` (a list of them)."""

    name: str
    shape: str
    choices: tuple[str, ...] = ()
    default: str = ""


#: Every field some event types carry beyond the common ones, by name.
FIELDS: Mapping[str, Field] = {
    field.name: field
    for field in (
        Field("parts", "names"),
        Field("covers", "names"),
        Field("relief", "choices", RELIEF_KINDS),
        Field("impracticable", "flag"),
        Field("until_further_order", "flag"),
        Field("consent", "flag"),
        Field("form", "choice", AGENCY_FORMS, default="rule"),
        Field("party", "choice", PARTIES),
        Field("cause", "choice", MOOT_CAUSES, default="policy_ended"),
        Field("exceptional", "flag"),
        Field("exception", "choice", MOOTNESS_EXCEPTIONS),
        Field("forthwith", "flag"),
        Field("consolidated", "names"),
    )
}
_DECISIONS = ("affirmed", "reversed", "vacated", "remanded", "affirmed_in_part")
#: What the Supreme Court can do besides: affirm by an equally divided Court (no precedent),
#: dismiss the writ as improvidently granted, or grant, vacate and remand at once (GVR).
_SUPREME_ONLY = ("equally_divided", "dismissed_improvidently", "gvr")
#: Rehearing by the panel that decided, or by the whole court (en banc).
_BENCHES = ("panel", "en_banc")
#: What a court of appeals does with a petition to review a statute or an agency's order.
_REVIEWS = ("petition_denied", "petition_granted")
_EXTENTS = ("full", "partial")
#: How a policy ends: wholly, in part (some of its parts), or replaced by a successor.
_REVOCATIONS = ("full", "partial", "replaced")
_APPLICATIONS = ("stay", "injunction_pending_review", "vacate_stay")
_DISTRICT = ("district",)
_MOTION_COURTS = ("district", "appeals")

#: Every event type the simulator knows, by its snake_case name.
EVENT_TYPES: Mapping[str, EventType] = _types(
    # The policy: what the government does.
    EventType("order_issued", "executive order issued", lawsuit=False, fields=("parts",)),
    EventType("proclamation_issued", "proclamation issued", lawsuit=False, fields=("parts",)),
    EventType(
        "memorandum_issued", "presidential memorandum issued", lawsuit=False, fields=("parts",)
    ),
    EventType("statute_enacted", "statute enacted", lawsuit=False, fields=("parts",)),
    EventType(
        "agency_action_taken", "agency action taken", lawsuit=False, fields=("parts", "form")
    ),
    EventType("rule_issued", "implementing rule issued", lawsuit=False, fields=("parts",)),
    EventType("rule_withdrawn", "implementing rule withdrawn", lawsuit=False),
    EventType(
        "policy_expired",
        "policy expired",
        "extent",
        _EXTENTS,
        lawsuit=False,
        default="full",
        fields=("parts",),
    ),
    EventType(
        "order_revoked",
        "order revoked",
        "extent",
        _REVOCATIONS,
        lawsuit=False,
        default="full",
        fields=("parts",),
    ),
    EventType(
        "agency_action_rescinded",
        "agency action rescinded",
        "extent",
        _REVOCATIONS,
        lawsuit=False,
        default="full",
        fields=("parts",),
    ),
    # The trial court.
    EventType(
        "complaint_filed", "complaint filed", courts=_DISTRICT, opens=True, fields=("party",)
    ),
    EventType("complaint_amended", "complaint amended", courts=_DISTRICT, opens=True),
    EventType(
        "motion_filed",
        "motion filed",
        "motion",
        _MOTIONS,
        _MOTION_COURTS,
        fields=("impracticable", "party"),
    ),
    EventType("brief_filed", "brief filed", "motion", _MOTIONS, _MOTION_COURTS, fields=("party",)),
    EventType("hearing_held", "hearing held", "motion", _MOTIONS, (*_MOTION_COURTS, "supreme")),
    EventType(
        "notice_given",
        "notice of the motion given to the other side",
        "motion",
        ("preliminary_injunction",),
        _DISTRICT,
        default="preliminary_injunction",
    ),
    EventType(
        "tro_granted",
        "temporary restraining order granted",
        courts=_DISTRICT,
        fields=("covers", "until_further_order"),
    ),
    EventType("tro_denied", "temporary restraining order denied", courts=_DISTRICT),
    EventType(
        "tro_extended",
        "temporary restraining order extended",
        courts=_DISTRICT,
        fields=("consent",),
    ),
    EventType("tro_dissolved", "temporary restraining order dissolved", courts=_DISTRICT),
    EventType(
        "injunction_granted",
        "preliminary injunction granted",
        "scope",
        ("parties", "class", "universal"),
        _DISTRICT,
        default="parties",
        fields=("covers",),
    ),
    EventType("injunction_denied", "preliminary injunction denied", courts=_DISTRICT),
    EventType("injunction_dissolved", "preliminary injunction dissolved", courts=_DISTRICT),
    EventType(
        "motion_to_dismiss_denied",
        "motion to dismiss denied",
        "extent",
        _EXTENTS,
        _DISTRICT,
        default="full",
    ),
    EventType("summary_judgment_denied", "summary judgment denied", courts=_DISTRICT),
    EventType(
        "post_judgment_motion_decided",
        "motion to alter or amend the judgment decided",
        courts=_DISTRICT,
    ),
    EventType("appeal_time_extended", "time to appeal extended", courts=_DISTRICT),
    EventType("appeal_time_reopened", "time to appeal reopened", courts=_DISTRICT),
    EventType("trial_held", "trial held", courts=_DISTRICT),
    EventType(
        "cases_consolidated",
        "consolidated with other cases",
        courts=_MOTION_COURTS,
        fields=("consolidated",),
    ),
    EventType("clerk_office_inaccessible", "clerk's office inaccessible", courts=_MOTION_COURTS),
    EventType("three_judge_court_convened", "three-judge court convened", courts=_DISTRICT),
    EventType(
        "class_certified",
        "class certified",
        "extent",
        ("full", "provisional"),
        _DISTRICT,
        default="full",
    ),
    EventType("class_certification_denied", "class certification denied", courts=_DISTRICT),
    EventType("indicative_ruling", "indicative ruling", courts=_DISTRICT),
    EventType("limited_remand", "limited remand", courts=("appeals",)),
    EventType("proceedings_stayed", "proceedings stayed", courts=_DISTRICT),
    EventType("proceedings_resumed", "proceedings resumed", courts=_DISTRICT),
    EventType(
        "case_dismissed",
        "case dismissed",
        "disposition",
        ("voluntary", "moot", "motion"),
        _DISTRICT,
        fields=("cause",),
    ),
    EventType(
        "mootness_rejected",
        "held not moot",
        courts=("district", "appeals", "supreme"),
        fields=("exception",),
    ),
    EventType(
        "judgment_entered",
        "final judgment entered",
        "disposition",
        ("plaintiffs", "defendants"),
        _DISTRICT,
        fields=("covers", "relief"),
    ),
    # Stays pending appeal.
    EventType(
        "stay_granted",
        "stay pending appeal granted",
        "extent",
        _EXTENTS,
        _MOTION_COURTS,
        default="full",
    ),
    EventType("stay_denied", "stay pending appeal denied", courts=_MOTION_COURTS),
    EventType(
        "administrative_stay_granted",
        "administrative stay granted",
        courts=("appeals", "supreme"),
    ),
    EventType(
        "administrative_stay_denied",
        "administrative stay denied",
        courts=("appeals", "supreme"),
    ),
    EventType(
        "application_filed",
        "emergency application filed",
        "motion",
        _APPLICATIONS,
        ("supreme",),
        default="stay",
        fields=("party",),
    ),
    EventType(
        "application_granted",
        "emergency application granted",
        "extent",
        _EXTENTS,
        ("supreme",),
        default="full",
    ),
    EventType("application_denied", "emergency application denied", courts=("supreme",)),
    EventType(
        "application_referred", "emergency application referred to the Court", courts=("supreme",)
    ),
    EventType(
        "injunction_pending_review_granted",
        "injunction pending review granted",
        courts=("appeals",),
    ),
    EventType(
        "injunction_pending_review_denied",
        "injunction pending review denied",
        courts=("appeals",),
    ),
    # The appeal, or a petition for review filed in the court of appeals itself.
    EventType(
        "petition_for_review_filed",
        "petition for review filed",
        courts=("appeals",),
        opens=True,
    ),
    EventType(
        "notice_of_appeal_filed", "notice of appeal filed", courts=_DISTRICT, fields=("party",)
    ),
    EventType(
        "notice_of_cross_appeal_filed",
        "notice of cross-appeal filed",
        courts=_DISTRICT,
        fields=("party",),
    ),
    EventType(
        "interlocutory_appeal_certified",
        "order certified for interlocutory appeal",
        courts=_DISTRICT,
    ),
    EventType(
        "permission_to_appeal_filed", "petition for permission to appeal filed", courts=("appeals",)
    ),
    EventType("permission_to_appeal_granted", "permission to appeal granted", courts=("appeals",)),
    EventType("permission_to_appeal_denied", "permission to appeal denied", courts=("appeals",)),
    EventType(
        "mandamus_petition_filed",
        "petition for a writ of mandamus filed",
        courts=("appeals", "supreme"),
    ),
    EventType("mandamus_granted", "writ of mandamus granted", courts=("appeals", "supreme")),
    EventType("mandamus_denied", "writ of mandamus denied", courts=("appeals", "supreme")),
    EventType("appeal_held_in_abeyance", "appeal held in abeyance", courts=("appeals",)),
    EventType("appeal_resumed", "appeal resumed", courts=("appeals",)),
    EventType("appeal_argued", "appeal argued", courts=("appeals",)),
    EventType(
        "appeal_decided",
        "appeal decided",
        "disposition",
        _DECISIONS + _REVIEWS,
        ("appeals",),
        fields=("relief",),
    ),
    EventType(
        "appeal_dismissed",
        "appeal dismissed",
        "disposition",
        ("voluntary", "moot"),
        ("appeals",),
        fields=("cause",),
    ),
    EventType(
        "vacated_as_moot",
        "vacated as moot",
        courts=("appeals", "supreme"),
        fields=("cause", "exceptional"),
    ),
    EventType(
        "rehearing_petition_filed",
        "petition for rehearing filed",
        "bench",
        _BENCHES,
        ("appeals",),
        default="panel",
        fields=("party",),
    ),
    EventType("rehearing_denied", "rehearing denied", courts=("appeals",)),
    EventType(
        "rehearing_granted",
        "rehearing granted",
        "bench",
        _BENCHES,
        ("appeals",),
        default="panel",
    ),
    EventType("mandate_stayed", "mandate stayed", courts=("appeals",)),
    EventType("mandate_issued", "mandate issued", courts=("appeals",)),
    # The Supreme Court.
    EventType(
        "cert_petition_filed",
        "petition for certiorari filed",
        courts=("supreme",),
        fields=("party",),
    ),
    EventType(
        "certiorari_time_extended",
        "time to petition for certiorari extended",
        courts=("supreme",),
    ),
    EventType(
        "application_treated_as_petition",
        "application treated as a petition for certiorari",
        courts=("supreme",),
    ),
    EventType(
        "jurisdictional_statement_filed",
        "jurisdictional statement filed",
        courts=("supreme",),
        fields=("party",),
    ),
    EventType(
        "jurisdiction_noted",
        "probable jurisdiction noted",
        "disposition",
        ("noted", "postponed"),
        ("supreme",),
        default="noted",
    ),
    EventType("cert_granted", "certiorari granted", courts=("supreme",)),
    EventType("cert_denied", "certiorari denied", courts=("supreme",)),
    EventType("supreme_court_argued", "argued in the Supreme Court", courts=("supreme",)),
    EventType(
        "supreme_court_judgment_issued",
        "Supreme Court judgment sent down",
        courts=("supreme",),
        fields=("forthwith",),
    ),
    EventType(
        "supreme_court_decided",
        "decided by the Supreme Court",
        "disposition",
        _DECISIONS + _SUPREME_ONLY,
        ("supreme",),
    ),
)

#: The event types that can start a lawsuit.
OPENING = frozenset(name for name, kind in EVENT_TYPES.items() if kind.opens)


def _key(event: Event) -> tuple[str, str, str]:
    kind = EVENT_TYPES[event.type]
    qualifier = getattr(event, kind.qualifier) if kind.qualifier else ""
    return (event.type, qualifier, event.court)


@attrs.frozen(slots=True)
class Event:
    """One recorded step of a case.

    ``type`` is a name from `EVENT_TYPES`; ``case`` names the lawsuit (empty for
    the policy's own events); ``court`` is the level it happened in. The
    descriptive fields (``actor``, ``summary``, ``citation``, ``source``,
    ``confidence``, ``note``) are for people and never change the state.
    """

    type: str = attrs.field()
    date: datetime.date
    case: str = ""
    court: str = ""
    motion: str = ""
    disposition: str = ""
    scope: str = ""
    extent: str = ""
    #: rehearing by the panel or the whole court (en banc)
    bench: str = ""
    #: what an agency action is: a rule, a memorandum, a program, an order, guidance
    form: str = ""
    #: the parts of the policy an implementing rule sets out (``rule_issued``), or
    #: those an injunction or restraining order covers (empty: all of it)
    parts: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    covers: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    effective: datetime.date | None = None
    expires: datetime.date | None = None
    #: a stay motion made first in the court of appeals, asking the trial court
    #: first being impracticable (FRAP 8(a)(2)(A)(i))
    impracticable: bool = False
    #: a restraining order granted after notice to run "until further order", with no
    #: end set (``tro_granted``); such an order is appealable as a preliminary injunction
    until_further_order: bool = False
    #: the adverse party consented (``tro_extended``: to a longer extension, FRCP 65(b)(2))
    consent: bool = False
    #: who files: plaintiffs, government or intervenor (`PARTIES`); empty when not recorded
    party: str = ""
    #: why a court holds a case moot (`MOOT_CAUSES`); empty: the challenged action ended
    cause: str = ""
    #: the court found the exceptional circumstances that allow vacatur of a judgment
    #: mooted by settlement (U.S. Bancorp v. Bonner Mall, 513 U.S. 18, 29 (1994))
    exceptional: bool = False
    #: the other lawsuits (their ids) this one is consolidated with (``cases_consolidated``)
    consolidated: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    #: the Court ordered its judgment sent down at once, not after the usual 32 days
    #: (``supreme_court_judgment_issued``; S. Ct. R. 45.2, 45.3)
    forthwith: bool = False
    #: why a court held a case still live though the challenged action stopped
    #: (`MOOTNESS_EXCEPTIONS`, ``mootness_rejected``)
    exception: str = ""
    #: the state where the court that opens the lawsuit sits (a postal code), whose holidays
    #: count for its periods (FRCP 6(a)(6)(C)). A fact about the court, not a step: the loader
    #: reads it from the scenario's courts, a store from its header, so it is neither stored
    #: with the event nor part of its identity.
    venue: str = attrs.field(default="", eq=False)
    #: what a final judgment for the plaintiffs grants (`RELIEF_KINDS`)
    relief: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    united_states_party: bool = False
    actor: str = ""
    summary: str = ""
    citation: str = ""
    source: str = ""
    confidence: str = "verified"
    note: str = ""
    #: The lookup key of the rules that may apply, computed once: replay is hot.
    key: tuple[str, str, str] = attrs.field(init=False, eq=False, repr=False)

    @type.validator
    def _check_type(self, _attribute: attrs.Attribute[str], value: str) -> None:
        if value not in EVENT_TYPES:
            raise ValueError(f"unknown event type {value!r}")

    def __attrs_post_init__(self) -> None:
        kind = EVENT_TYPES[self.type]
        if not self.court and kind.courts:
            object.__setattr__(self, "court", kind.courts[0])
        if kind.default and not getattr(self, kind.qualifier):
            object.__setattr__(self, kind.qualifier, kind.default)
        object.__setattr__(self, "key", _key(self))


def describe_event(event: Event) -> str:
    """A short label: "motion filed (stay) in the appeals court"."""
    kind = EVENT_TYPES[event.type]
    qualifier = getattr(event, kind.qualifier) if kind.qualifier else ""
    detail = f" ({qualifier.replace('_', ' ')})" if qualifier else ""
    court = f" in the {event.court} court" if len(kind.courts) > 1 else ""
    return f"{kind.label}{detail}{court}"


_DATE_FIELDS = ("date", "effective", "expires")
_FIELDS = tuple(f.name for f in attrs.fields(Event) if f.init and f.name != "venue")


def event_to_dict(event: Event) -> dict[str, Any]:
    """A JSON-ready mapping of the event, dates as YYYY-MM-DD, empty fields left out."""
    out: dict[str, Any] = {}
    for name in _FIELDS:
        value = getattr(event, name)
        if value in ("", None, False, ()) and name not in ("type", "date"):
            continue
        if name in _DATE_FIELDS:
            value = value.isoformat()
        out[name] = list(value) if isinstance(value, tuple) else value
    return out


def event_from_dict(data: Mapping[str, Any]) -> Event:
    """The inverse of `event_to_dict` (trusted input: stores and round-trips)."""
    values = {name: data[name] for name in _FIELDS if name in data}
    for name in _DATE_FIELDS:
        if isinstance(values.get(name), str):
            values[name] = datetime.date.fromisoformat(values[name])
    return Event(**values)

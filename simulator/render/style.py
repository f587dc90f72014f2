"""How the diagrams look: who acts, in which colour and shape, and the swimlanes of the levels.

Presentation data only, kept in one place so every diagram (and the report's
legend) draws the same actor the same way. The colours are the Okabe-Ito
palette, which readers with any common colour-vision deficiency can tell
apart; each actor also has its own node shape and arrowhead, and the fills
differ in lightness, so a diagram printed in greyscale still reads.

Nothing here is law: which event a rule allows, and whether it is a court's
decision, comes from the rule table; this module only says how to draw it.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

__all__ = [
    "ACTORS",
    "ACTOR_WORDS",
    "EVENT_ACTOR",
    "FAINT_LINE",
    "FAINT_TEXT",
    "FONT",
    "INK",
    "LANE_FILL",
    "LEVELS",
    "TRACK_TITLE",
    "Look",
]

FONT = "Helvetica"
#: Text and the lines of what happened: near-black, for contrast on any lane fill.
INK = "#1a1a1a"
#: What the law allowed but did not happen: light lines, text still 5:1 on the lane fills.
FAINT_LINE = "#a6a6a6"
FAINT_TEXT = "#5f5f5f"


@attrs.frozen
class Look:
    """How one kind of actor is drawn: its colour, a light fill, a node shape, an arrowhead."""

    title: str
    #: a word or two, for labels that name who acted
    short: str
    colour: str
    fill: str
    shape: str
    arrowhead: str
    #: extra node attributes that set the shape apart in greyscale
    extra: tuple[tuple[str, str], ...] = ()


#: Who acts, in the order the legends list them.
ACTORS: Mapping[str, Look] = {
    "executive": Look(
        "The government's action (President, agency, Congress)",
        "executive",
        "#D55E00",  # Okabe-Ito vermillion
        "#F9DCC7",
        "note",
        "normal",
    ),
    "government": Look(
        "The government in court (its lawyers)",
        "government",
        "#E69F00",  # Okabe-Ito orange
        "#FCECC8",
        "cds",
        "box",
        (("margin", "0.22,0.06"),),
    ),
    "plaintiffs": Look(
        "The plaintiffs (who sued)",
        "plaintiffs",
        "#0072B2",  # Okabe-Ito blue
        "#D2E6F3",
        "box",
        "dot",
        (("style", "rounded,filled"),),
    ),
    "court": Look(
        "A court (judge or panel)",
        "court",
        "#009E73",  # Okabe-Ito bluish green
        "#D1EEE5",
        "box",
        "diamond",
        (("peripheries", "2"),),
    ),
    "parties": Look(
        "Either side, or both",
        "either side",
        "#CC79A7",  # Okabe-Ito reddish purple
        "#F6E6EF",
        "box3d",
        "onormal",
    ),
}

#: Who usually takes a step of each type, when the event's ``actor`` does not say.
#: Types left out are taken by either side (a motion, a brief, an appeal).
EVENT_ACTOR: Mapping[str, str] = {
    **dict.fromkeys(
        (
            "order_issued",
            "memorandum_issued",
            "proclamation_issued",
            "statute_enacted",
            "agency_action_taken",
            "rule_issued",
            "rule_withdrawn",
            "order_revoked",
            "agency_action_rescinded",
        ),
        "executive",
    ),
    **dict.fromkeys(("complaint_filed", "complaint_amended"), "plaintiffs"),
    **dict.fromkeys(
        (
            "hearing_held",
            "tro_granted",
            "tro_denied",
            "tro_extended",
            "tro_dissolved",
            "injunction_granted",
            "injunction_denied",
            "injunction_dissolved",
            "proceedings_stayed",
            "proceedings_resumed",
            "case_dismissed",
            "judgment_entered",
            "stay_granted",
            "stay_denied",
            "application_granted",
            "application_denied",
            "appeal_held_in_abeyance",
            "appeal_resumed",
            "appeal_argued",
            "appeal_decided",
            "appeal_dismissed",
            "vacated_as_moot",
            "mootness_rejected",
            "cert_granted",
            "cert_denied",
            "supreme_court_argued",
            "supreme_court_decided",
        ),
        "court",
    ),
}

#: Words in an event's ``actor`` that name who acted (matched as whole words, any case).
ACTOR_WORDS: Mapping[str, tuple[str, ...]] = {
    "court": ("judge", "judges", "court", "circuit", "justice", "justices", "panel", "clerk"),
    "government": (
        "government",
        "united states",
        "defendant",
        "defendants",
        "doj",
        "attorney general",
        "solicitor general",
    ),
    "executive": ("president", "secretary", "department", "agency", "commerce", "congress"),
    "plaintiffs": ("plaintiff", "plaintiffs", "users", "petitioner", "petitioners"),
}

#: The swimlanes, top to bottom (or left to right): the levels a case climbs through.
LEVELS: Mapping[str, str] = {
    "government": "The government's action",
    "district": "District court",
    "appeals": "Court of appeals",
    "supreme": "Supreme Court",
}

#: A very light grey for alternate lanes, so neighbouring lanes stay apart in greyscale.
LANE_FILL: Mapping[str, str] = {
    "government": "#F2F2F2",
    "district": "#FBFBFB",
    "appeals": "#F2F2F2",
    "supreme": "#FBFBFB",
}

#: What each track of the process is called on a diagram.
TRACK_TITLE: Mapping[str, str] = {
    "policy": "The order or statute",
    "rule": "The implementing rule",
    "trial": "The lawsuit",
    "tro": "Temporary restraining order",
    "injunction": "Preliminary injunction",
    "stay_district": "Stay asked of the district court",
    "stay_appeals": "Stay asked of the court of appeals",
    "application": "Emergency application to the Supreme Court",
    "appeal": "The appeal",
    "supreme": "Certiorari and review",
}

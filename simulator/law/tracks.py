"""The tracks of the process and the words each one can be in, in plain English.

A track is one thing that moves on its own: the policy, its implementing rule,
the trial, the restraining order, the injunction, the stays at each level, the
appeal, the Supreme Court. Each track is a field of `PolicyState` or
`LawsuitState`; these tables say which values it can hold and what each means,
so an error can tell a student *why* a step is out of place.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["AWAITING", "LANES", "POLICY_SLOTS", "SLOT_LANE", "SLOT_TEXT", "describe"]

#: The lanes of the diagrams and the JSON ``track`` of each event, in the
#: order a case climbs through them.
LANES = ("policy", "trial", "stays", "appeal", "supreme_court")

#: Tracks that belong to the policy rather than to a lawsuit.
POLICY_SLOTS = frozenset({"policy", "rule"})

#: For each track, every value it can take and a clause describing it.
SLOT_TEXT: Mapping[str, Mapping[str, str]] = {
    "policy": {
        "none": "no order, statute or agency action has been issued yet",
        "issued": "the challenged policy is on the books",
        "revoked": "the challenged policy has been revoked or rescinded",
        "replaced": "the challenged policy has been replaced by a successor",
        "expired": "the challenged policy has expired by its own terms",
    },
    "rule": {
        "none": "no implementing rule has been issued",
        "issued": "the implementing rule has been issued",
        "withdrawn": "the implementing rule has been withdrawn",
    },
    "trial": {
        "none": "no complaint has been filed in this lawsuit",
        "pending": "the lawsuit is pending in the trial court",
        "stayed": "the trial court has paused the lawsuit",
        "dismissed": "the lawsuit has been dismissed",
        "judgment": "the trial court has entered final judgment",
    },
    "dismissal": {
        "none": "nobody has moved to dismiss the complaint",
        "moved": "a motion to dismiss is pending",
        "contested": "a motion to dismiss is pending and has been answered",
        "denied": "the motion to dismiss was denied",
        "partly_granted": "the motion to dismiss was granted in part; the rest of the case goes on",
        "granted": "the motion to dismiss was granted",
    },
    "merits": {
        "none": "nobody has moved for summary judgment",
        "moved": "a motion for summary judgment is pending",
        "contested": "a motion for summary judgment is pending and has been answered",
        "denied": "summary judgment was denied; the case goes on toward trial",
        "granted": "the court decided the case on summary judgment",
    },
    "class_action": {
        "none": "no class has been proposed",
        "moved": "a motion to certify a class is pending",
        "contested": "a motion to certify a class is pending and has been answered",
        "certified": "the court certified a class",
        "provisional": "the court provisionally certified a class",
        "denied": "the court refused to certify a class",
    },
    "post_judgment": {
        "none": "no motion to alter or amend the judgment has been made",
        "moved": "a motion to alter or amend the judgment is pending; the time to appeal waits "
        "for it",
        "decided": "the motion to alter or amend the judgment has been decided",
    },
    "time_extended": {
        "none": "no court has extended a time to appeal or to petition",
        "appeal": "the trial court extended the time to appeal",
        "certiorari": "a Justice extended the time to petition for certiorari",
        "reopening": "a motion to reopen the time to appeal is pending",
        "reopened": "the trial court reopened the time to appeal, for 14 days",
    },
    "indicative": {
        "none": "the trial court has made no indicative ruling",
        "stated": "the trial court said how it would rule if the court of appeals let it",
        "remanded": "the court of appeals sent the case back for the trial court to rule",
    },
    "tro": {
        "none": "no temporary restraining order has been asked for",
        "moved": "a motion for a restraining order is pending and the other side "
        "has not been heard",
        "contested": "a motion for a restraining order is pending and the other side "
        "has been heard",
        "in_force": "a temporary restraining order is in force",
        "denied": "the restraining order was refused",
        "expired": "the restraining order has expired",
        "dissolved": "the restraining order was dissolved",
        "replaced": "the restraining order gave way to a preliminary injunction",
    },
    "injunction": {
        "none": "no preliminary injunction has been asked for",
        "moved": "a motion for a preliminary injunction is pending and the other side "
        "has not yet answered it or been heard",
        "contested": "a motion for a preliminary injunction is pending and the other side "
        "has notice of it: it was served, answered or heard",
        "in_force": "a preliminary injunction is in force",
        "partly_stayed": "the preliminary injunction is paused in part by a stay and in force "
        "for the rest",
        "widening": "a preliminary injunction is in force for part of the policy and a "
        "motion to extend it is pending",
        "modifying": "the preliminary injunction is paused in part by a stay, and a motion to "
        "modify it or grant a new one is pending",
        "stayed": "the preliminary injunction is paused by a stay",
        "denied": "the preliminary injunction was refused",
        "dissolved": "the preliminary injunction was dissolved",
        "vacated": "the preliminary injunction was vacated",
    },
    "interim": {
        "none": "nobody has asked the court of appeals for an injunction pending review",
        "moved": "a motion for an injunction pending review is pending in the court of appeals",
        "contested": "a motion for an injunction pending review is pending in the court of "
        "appeals and has been answered",
        "granted": "the court of appeals enjoined the policy pending review",
        "denied": "the court of appeals refused an injunction pending review",
    },
    "stay_district": {
        "none": "nobody has asked the trial court for a stay pending appeal",
        "moved": "a motion for a stay is pending in the trial court",
        "contested": "a motion for a stay is pending in the trial court and has been answered",
        "granted": "the trial court granted a stay pending appeal",
        "denied": "the trial court denied a stay pending appeal",
        "ended": "the trial court's stay pending appeal ended with the appeal",
        "vacated": "the Supreme Court vacated the trial court's stay",
    },
    "admin_stay": {
        "none": "no administrative stay has been asked for",
        "granted": "an administrative stay pauses the injunction while the stay motion is "
        "considered",
        "denied": "an administrative stay was refused; the stay motion is still being considered",
        "ended": "the administrative stay ended when the stay motion was decided",
    },
    "stay_appeals": {
        "none": "nobody has asked the court of appeals for a stay",
        "moved": "a motion for a stay is pending in the court of appeals",
        "contested": "a motion for a stay is pending in the court of appeals and has been answered",
        "granted": "the court of appeals granted a stay",
        "denied": "the court of appeals denied a stay",
        "ended": "the court of appeals' stay ended with the appeal",
        "vacated": "the Supreme Court vacated the court of appeals' stay",
    },
    "application": {
        "none": "no emergency application has been made to the Supreme Court",
        "filed": "an emergency application is pending in the Supreme Court",
        "granted": "the Supreme Court granted the emergency application",
        "denied": "the Supreme Court denied the emergency application",
        "treated": "the Supreme Court took the emergency application as a petition for certiorari",
        "ended": "the stay the Supreme Court granted ended with its judgment",
    },
    "appeal": {
        "none": "no appeal has been taken",
        "pending": "an appeal is pending in the court of appeals",
        "abeyance": "the appeal is held in abeyance",
        "argued": "the appeal has been argued and awaits decision",
        "decided": "the court of appeals has decided the appeal",
        "dismissed": "the appeal has been dismissed",
        "superseded": "the Supreme Court decided the case before the court of appeals did",
    },
    "permission": {
        "none": "no order has been certified for an interlocutory appeal",
        "certified": "the trial court certified its order for an immediate appeal",
        "petition": "a petition for permission to appeal is pending in the court of appeals",
        "granted": "the court of appeals agreed to hear the interlocutory appeal",
        "denied": "the court of appeals refused to hear the interlocutory appeal",
    },
    "mandamus": {
        "none": "nobody has petitioned for a writ of mandamus",
        "petition": "a petition for a writ of mandamus is pending",
        "granted": "the writ of mandamus was granted",
        "denied": "the writ of mandamus was denied",
    },
    "rehearing": {
        "none": "nobody has asked the court of appeals to rehear its decision",
        "petition": "a petition for rehearing is pending in the court of appeals",
        "denied": "the court of appeals refused to rehear its decision",
        "granted": "the court of appeals agreed to rehear the case",
    },
    "mandate": {
        "none": "the court of appeals has not issued its mandate",
        "stayed": "the court of appeals has held back its mandate",
        "issued": "the court of appeals has issued its mandate: its judgment has taken effect",
    },
    "supreme": {
        "none": "nobody has asked the Supreme Court to review the case",
        "petition": "a petition for certiorari is pending",
        "granted": "the Supreme Court agreed to hear the case",
        "denied": "the Supreme Court declined to hear the case",
        "argued": "the case has been argued in the Supreme Court",
        "decided": "the Supreme Court has decided the case",
        "noticed": "a direct appeal to the Supreme Court has been taken; its jurisdictional "
        "statement is due",
        "docketed": "the Supreme Court has the jurisdictional statement of a direct appeal "
        "before it",
    },
    "consolidation": {
        "none": "the lawsuit goes on alone",
        "consolidated": "the lawsuit is consolidated with others; each keeps its own identity",
    },
    "supreme_mandate": {
        "none": "the Supreme Court has sent no judgment down to the court below",
        "issued": "the Supreme Court has sent its judgment down to the court below",
    },
    "clerk": {
        "none": "the record names no day the clerk's office could not be reached",
        "recorded": "the record names days the clerk's office could not be reached",
    },
    "three_judge": {
        "none": "one district judge hears the case",
        "convened": "a district court of three judges hears the case; its orders on "
        "injunctions are appealed straight to the Supreme Court",
    },
}

#: The lane each track is drawn in.
SLOT_LANE: Mapping[str, str] = {
    "policy": "policy",
    "rule": "policy",
    "trial": "trial",
    "dismissal": "trial",
    "merits": "trial",
    "class_action": "trial",
    "indicative": "trial",
    "post_judgment": "trial",
    "time_extended": "appeal",
    "tro": "trial",
    "injunction": "trial",
    "interim": "stays",
    "stay_district": "stays",
    "stay_appeals": "stays",
    "admin_stay": "stays",
    "application": "stays",
    "appeal": "appeal",
    "rehearing": "appeal",
    "permission": "appeal",
    "mandamus": "appeal",
    "mandate": "appeal",
    "supreme": "supreme_court",
    "three_judge": "trial",
    "clerk": "trial",
    "supreme_mandate": "supreme_court",
    "consolidation": "trial",
}


#: The states in which a track waits for a court (or a party) to act: a motion not
#: yet decided, an appeal or petition pending. A case whose tracks are all out of
#: these states is settled, for now.
AWAITING: Mapping[str, frozenset[str]] = {
    "trial": frozenset({"pending", "stayed"}),
    "dismissal": frozenset({"moved", "contested"}),
    "merits": frozenset({"moved", "contested"}),
    "class_action": frozenset({"moved", "contested"}),
    "post_judgment": frozenset({"moved"}),
    "tro": frozenset({"moved", "contested"}),
    "injunction": frozenset({"moved", "contested", "widening", "modifying"}),
    "interim": frozenset({"moved", "contested"}),
    "stay_district": frozenset({"moved", "contested"}),
    "stay_appeals": frozenset({"moved", "contested"}),
    "application": frozenset({"filed"}),
    "appeal": frozenset({"pending", "abeyance", "argued"}),
    "rehearing": frozenset({"petition"}),
    "permission": frozenset({"petition"}),
    "mandamus": frozenset({"petition"}),
    "supreme": frozenset({"petition", "granted", "argued", "noticed", "docketed"}),
}


def describe(slot: str, values: frozenset[str] | tuple[str, ...] | str) -> str:
    """The plain-English clause for one value of a track, or several joined by "or"."""
    if isinstance(values, str):
        return SLOT_TEXT[slot][values]
    return " or ".join(SLOT_TEXT[slot][value] for value in sorted(values))

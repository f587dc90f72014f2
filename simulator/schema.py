"""The scenario format as a JSON Schema (draft 2020-12), for editors that check YAML as it is typed.

Derived from the loader's own tables in `simulator.scenario` (the fields of the
top level, a lawsuit, an event and a what-if branch; the fields only some event
types carry; the id and date patterns; the confidence levels) and from
`simulator.events.EVENT_TYPES` (each type's qualifier, its choices and default,
its courts, whether it belongs to a lawsuit), so it follows the code rather
than a copy of it. It checks a file's shape only; whether the steps are lawful
is `sim validate`'s job. ``tests/test_schema.py`` holds it to what
`load_scenario` accepts, type by type.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from simulator.events import COURTS, EVENT_TYPES, FIELDS, EventType, Field
from simulator.scenario import (
    _ALSO_QUALIFIES,
    _BRANCH,
    _CONFIDENCE,
    _DATE,
    _EVENT,
    _EXTRAS,
    _ID,
    _LAWSUIT,
    _TOP,
    POLICY_KINDS,
    Lawsuit,
)

__all__ = ["DIALECT", "scenario_schema", "schema_text", "unknown_fields"]

Schema = dict[str, Any]

#: The JSON Schema dialect of the schema: what editors and validators read it as.
DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: The shape of every event field that is not a qualifier (qualifiers, such as
#: ``motion``, come from `EVENT_TYPES`). Extend it when the loader's `_EVENT`
#: grows: a field missing here is left unchecked, and tests/test_schema.py fails.
EVENT_SHAPES: Mapping[str, str] = {
    "date": "required date",
    "effective": "date",
    "expires": "date",
    "type": "type",
    "court": "court",
    "confidence": "confidence",
    "case": "text",
    "actor": "text",
    "summary": "text",
    "citation": "text",
    "source": "text",
    "note": "text",
    # the fields only some types carry, shaped as `simulator.events.FIELDS` declares them:
    # a flag or names by that name, a choice or a list of choices by the field's own name
    **{
        name: field.shape if field.shape in ("flag", "names") else name
        for name, field in FIELDS.items()
    },
}

#: What an event says about itself, for an editor's hover text.
_EVENT_HELP: Mapping[str, str] = {
    "date": "When it happened, YYYY-MM-DD: the date on the document you cite.",
    "type": "What happened: one of the event types (`sim rules` lists their rules).",
    "case": "The lawsuit's id; needed for lawsuit events when there are several lawsuits.",
    "court": "The court level, where the type allows several (district, appeals, supreme).",
    "motion": "Which motion: it selects the rule that applies.",
    "disposition": "How the court disposed of it: it selects the rule that applies.",
    "scope": "Whom the injunction protects: parties (default), class or universal.",
    "extent": "Whether the stay or application was granted in full or in part; whether a "
    "policy was revoked in full, in part, or replaced by a successor.",
    "bench": "Rehearing by the panel (default) or by the whole court en banc.",
    "cause": "Why the court held it moot: policy_ended (default), settlement or events.",
    "exceptional": "The court found exceptional circumstances for vacating a judgment mooted "
    "by settlement (Bonner Mall).",
    "form": "What the agency action is: rule (default), memorandum, program, order or guidance.",
    "parts": "The parts of the policy it sets out (lower-case names).",
    "covers": "The parts of the policy it covers (lower-case names; none: all of it).",
    "impracticable": "Whether moving in the trial court first was impracticable (FRAP 8(a)(2)).",
    "until_further_order": "A restraining order granted after notice and a hearing to run until "
    "further order, with no end date (appealable as a preliminary injunction).",
    "consent": "The adverse party consented to the extension (FRCP 65(b)(2)).",
    "consolidated": "The ids of the other lawsuits this one is consolidated with.",
    "forthwith": "The Supreme Court ordered its judgment issued at once, not after 32 days.",
    "exception": "Why the court held the case still live: voluntary_cessation, "
    "capable_of_repetition or successor_policy.",
    "party": "Who files it: plaintiffs, government or intervenor; it decides who may appeal "
    "and whose brief answers a motion.",
    "relief": "What a judgment for the plaintiffs grants: permanent_injunction, "
    "declaratory_judgment, vacatur, remand_to_agency.",
    "effective": "The date the order, statute or rule takes effect, or its revocation does.",
    "expires": "The date the restraining order ends, when the judge set one; for a clerk's "
    "office that could not be reached, the last such day.",
    "actor": "Who acted: 'Magistrate Judge Beeler', 'Government'.",
    "summary": "What happened, in plain English.",
    "citation": "The document itself: 'Order Granting Motion ..., ECF No. 59'.",
    "source": "Where the fact comes from: the docket entry, the Federal Register, ...",
    "confidence": "verified (default), partly (one secondary source, or sources disagree) "
    "or unverified.",
    "note": "What a reader should know: disagreements between sources, what is not verified.",
}

_TOP_HELP: Mapping[str, str] = {
    "id": "Lower-case identifier: names the diagrams folder and the bundled id.",
    "title": "The case's name for people.",
    "summary": "A paragraph for a class: what happened and why it matters.",
    "outcome": "What happened after the last recorded event, or what could not be verified.",
    "policy": "The government action the lawsuits challenge.",
    "lawsuits": "The lawsuits against the policy.",
    "events": "The recorded events, in date order, each with its source.",
    "sources": "Free-form references, kept for readers.",
    "whatif": "What-if branches: the record up to a step, then other events.",
    "teaching": "For lessons (`sim lesson`): the case's question, a plain summary, each "
    "side's arguments, holdings in plain words, vocabulary, discussion and exit-ticket "
    "questions, sources (docs/scenarios.md).",
    "teaching_zh": "The teaching section in Simplified Chinese, with the same fields "
    "(docs/lesson.md).",
    "teaching_es": "The teaching section in Spanish, with the same fields (docs/lesson.md).",
}

_LAWSUIT_HELP: Mapping[str, str] = {
    "id": "Lower-case identifier that events name with `case:`.",
    "caption": "The lawsuit's caption: 'U.S. WeChat Users Alliance v. Trump'.",
    "district_court": "The trial court.",
    "district_docket": "The trial court's docket number.",
    "judge": "The trial judge.",
    "appeals_court": "The court of appeals.",
    "appeals_docket": "The court of appeals' docket number.",
    "united_states_party": "Whether the United States, an agency or an officer is a party "
    "(60 days to appeal instead of 30, FRAP 4(a)(1)(B)); default true.",
}

_BRANCH_HELP: Mapping[str, str] = {
    "id": "Lower-case identifier, unique among the branches.",
    "title": "The question it answers: 'What if the judge had refused the injunction?'",
    "at": "The first recorded step the branch replaces: a step number (1 is the first) "
    "or a date (the first step on or after it).",
    "keep_rest": "After the branch's events, resume the record (default false).",
    "drop": "With keep_rest, how many recorded steps from `at` the branch replaces (default 1).",
    "events": "The branch's own steps; summary and source may be left out.",
}

#: What a recorded event must say and a hypothetical (what-if) one may leave out.
_RECORDED_ONLY = ("summary", "source")


def scenario_schema() -> Schema:
    """The JSON Schema of a scenario file."""
    return {
        "$schema": DIALECT,
        "title": "A scenario of the legal-process simulator",
        "description": "One real case as recorded events, each with its source. "
        "Format: docs/scenarios.md. The schema checks the shape; `sim validate` checks the law.",
        **_object(_TOP, _top_fields(), _TOP_HELP, required=("id", "title", "events")),
        "$defs": _definitions(),
    }


def schema_text() -> str:
    """The schema as deterministic JSON text: sorted keys, indented by 2, ending in a newline."""
    return json.dumps(scenario_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def unknown_fields() -> dict[str, tuple[str, ...]]:
    """The loader's fields the schema has no shape for, by the object they belong to."""
    known = {
        "scenario": _top_fields(),
        "lawsuit": _lawsuit_fields(),
        "event": _event_fields(),
        "branch": _branch_fields(),
    }
    names = {"scenario": _TOP, "lawsuit": _LAWSUIT, "event": _EVENT, "branch": _BRANCH}
    return {what: tuple(name for name in names[what] if name not in known[what]) for what in names}


# --- the objects -------------------------------------------------------------------------


def _object(
    names: Iterable[str],
    fields: Mapping[str, Schema],
    help_texts: Mapping[str, str],
    *,
    required: Iterable[str] = (),
) -> Schema:
    """A mapping with exactly the loader's ``names``, each with its shape and hover text.

    A name without a shape is still allowed (the loader reads it), unchecked.
    """
    properties = {
        name: _described(fields.get(name, {}), help_texts.get(name, "")) for name in names
    }
    schema: Schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if needed := list(required):
        schema["required"] = needed
    return schema


def _described(schema: Schema, text: str) -> Schema:
    return {**schema, "description": text} if text else schema


def _definitions() -> Schema:
    """The objects that lists hold. Each is referred to alone: a ``$ref`` beside other
    keywords means different things in draft-07, which some editors still implement."""
    recorded = {name: _text(required=True) for name in _RECORDED_ONLY}
    return {
        "lawsuit": _object(
            _LAWSUIT, _lawsuit_fields(), _LAWSUIT_HELP, required=_lawsuit_required()
        ),
        "eventFields": _event_object(),
        "event": {
            "allOf": [
                _ref("eventFields"),
                {"properties": recorded, "required": list(_RECORDED_ONLY)},
            ]
        },
        "branch": _object(_BRANCH, _branch_fields(), _BRANCH_HELP, required=("id", "title", "at")),
    }


def _ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def _text(*, required: bool = False) -> Schema:
    """Text as the loader reads it: a number is read as its digits; empty or null is missing."""
    if required:
        return {"type": ["string", "number"], "pattern": r"\S"}
    return {"type": ["string", "number", "null"]}


def _identifier() -> Schema:
    return {"type": "string", "pattern": _ID.pattern}


def _date(*, required: bool = True) -> Schema:
    return {
        "type": "string" if required else ["string", "null"],
        "format": "date",
        "pattern": _DATE.pattern,
    }


def _names() -> Schema:
    return {"type": "array", "items": _identifier()}


def _list_of(definition: str) -> Schema:
    return {"type": "array", "items": _ref(definition)}


def _top_fields() -> dict[str, Schema]:
    return {
        "id": _identifier(),
        "title": _text(required=True),
        "summary": _text(),
        "outcome": _text(),
        "policy": {
            "type": "object",
            "properties": {"name": _text(required=True), "kind": _choice(POLICY_KINDS)},
            "required": ["name"],
            "additionalProperties": False,
        },
        "lawsuits": _list_of("lawsuit"),
        "events": {**_list_of("event"), "minItems": 1},
        "sources": {},
        "whatif": _list_of("branch"),
        "teaching": {"type": "object"},
        "teaching_zh": {"type": ["object", "null"]},
        "teaching_es": {"type": ["object", "null"]},
    }


def _lawsuit_fields() -> dict[str, Schema]:
    """Read off `Lawsuit` itself: a flag where the default is true or false, else text."""
    fields: dict[str, Schema] = {}
    for field in attrs.fields(Lawsuit):
        if field.name == "id":
            fields[field.name] = _identifier()
        elif isinstance(field.default, bool):
            fields[field.name] = {"type": "boolean"}
        else:
            fields[field.name] = _text(required=_is_required(field))
    return fields


def _lawsuit_required() -> list[str]:
    return [field.name for field in attrs.fields(Lawsuit) if _is_required(field)]


def _is_required(field: attrs.Attribute[Any]) -> bool:
    return field.default is attrs.NOTHING


def _branch_fields() -> dict[str, Schema]:
    return {
        "id": _identifier(),
        "title": _text(required=True),
        "at": {"anyOf": [{"type": "integer", "minimum": 1}, _date()]},
        "keep_rest": {"type": "boolean"},
        "drop": {"type": "integer", "minimum": 0},
        "events": _list_of("eventFields"),
    }


# --- events ------------------------------------------------------------------------------


def _qualifiers() -> tuple[str, ...]:
    """Every field some event type takes as its qualifier, in the order they first appear."""
    return tuple(dict.fromkeys(kind.qualifier for kind in EVENT_TYPES.values() if kind.qualifier))


def _choice(values: Iterable[str], *, optional: bool = True) -> Schema:
    """One of ``values``; left empty (null), the loader gives the default when there is one."""
    return {"enum": [*values, None] if optional else list(values)}


def _field_shape(field: Field) -> Schema:
    if field.shape == "choices":
        return {"type": "array", "items": {"enum": list(field.choices)}}
    return _choice(field.choices)


_SHAPES: Mapping[str, Callable[[], Schema]] = {
    "required date": _date,
    "date": lambda: _date(required=False),
    "type": lambda: {
        "enum": list(EVENT_TYPES),
        # Not in the standard, but VS Code shows it beside each choice.
        "enumDescriptions": [kind.label for kind in EVENT_TYPES.values()],
    },
    "court": lambda: _choice(COURTS),
    "confidence": lambda: _choice(_CONFIDENCE),
    "text": lambda: _text(),
    "names": _names,
    "flag": lambda: {"type": "boolean"},
    **{name: functools.partial(_field_shape, field) for name, field in FIELDS.items()},
}


def _event_fields() -> dict[str, Schema]:
    """Each event field's shape, whatever its type: a qualifier takes any type's choices here."""
    fields = {name: _SHAPES[shape]() for name, shape in EVENT_SHAPES.items()}
    for name in _qualifiers():
        every = (kind.choices for kind in EVENT_TYPES.values() if kind.qualifier == name)
        fields[name] = _choice(dict.fromkeys(choice for choices in every for choice in choices))
    return fields


def _event_object() -> Schema:
    """An event of any type: the shared fields, then one rule per type narrowing them."""
    schema = _object(_EVENT, _event_fields(), _EVENT_HELP, required=("date", "type"))
    schema["allOf"] = [_type_rule(kind) for kind in EVENT_TYPES.values()]
    return schema


def _type_rule(kind: EventType) -> Schema:
    """What an event of type ``kind`` may carry: its courts, its own qualifier (required
    unless it has a default), no other type's qualifier or extra field, and a ``case`` only
    when it belongs to a lawsuit."""
    properties: Schema = {"court": _choice(kind.courts or COURTS)}
    required: list[str] = []
    for name in _qualifiers():
        if kind.name in _ALSO_QUALIFIES.get(name, ()):
            properties[name] = _choice(EVENT_TYPES["injunction_granted"].choices)
        elif name != kind.qualifier:
            properties[name] = False
        elif kind.default:
            properties[name] = _choice(kind.choices)
        else:
            properties[name] = _choice(kind.choices, optional=False)
            required.append(name)
    for name, types in _EXTRAS.items():
        if kind.name not in types:
            properties[name] = False
    if not kind.lawsuit:
        properties["case"] = False
    then: Schema = {"properties": properties}
    if required:
        then["required"] = required
    return {
        "if": {"properties": {"type": {"const": kind.name}}, "required": ["type"]},
        "then": then,
    }

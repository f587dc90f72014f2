"""`sim schema`: the JSON Schema of the scenario format, held to what the loader accepts.

The schema is for editors, so it must never refuse a file `load_scenario`
reads, nor pass a shape it refuses: every bundled scenario and the skeleton
validate, and for every event type the schema and the loader agree on each
variant of an event (its qualifier left out or wrong, another type's field,
each court, a lawsuit, an unknown field).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft7Validator, Draft202012Validator

from simulator.cli import main
from simulator.errors import ScenarioError
from simulator.events import COURTS, EVENT_TYPES, EventType
from simulator.scenario import _EVENT, parse_scenario
from simulator.schema import DIALECT, EVENT_SHAPES, scenario_schema, schema_text, unknown_fields
from simulator.skeleton import skeleton

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))
VALIDATOR = Draft202012Validator(scenario_schema())
# VS Code's YAML extension implements draft-07: the schema means the same under its rules.
VALIDATORS = {"2020-12": VALIDATOR, "draft-07": Draft7Validator(scenario_schema())}
QUALIFIERS = tuple(dict.fromkeys(k.qualifier for k in EVENT_TYPES.values() if k.qualifier))


def as_json(value: Any) -> Any:
    """A YAML document as JSON sees it (and an editor's YAML server): dates are text."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def schema_accepts(document: Any) -> bool:
    return VALIDATOR.is_valid(as_json(document))


def loader_accepts(document: Any) -> bool:
    """Whether the loader reads the document's shape (the law is `sim validate`'s business)."""
    try:
        parse_scenario(yaml.safe_dump(document, sort_keys=False), "t.yaml", validate=False)
    except ScenarioError:
        return False
    return True


# --- the schema itself -------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = scenario_schema()
    assert schema["$schema"] == DIALECT == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_sim_schema_prints_it_deterministically() -> None:
    first = CliRunner().invoke(main, ["schema"])
    assert first.exit_code == 0, first.output
    assert first.stdout == CliRunner().invoke(main, ["schema"]).stdout == schema_text()
    assert first.stdout == json.dumps(json.loads(first.stdout), indent=2, sort_keys=True) + "\n"


def test_sim_schema_out_writes_the_same_text(tmp_path: Path) -> None:
    target = tmp_path / "scenario.schema.json"
    result = CliRunner().invoke(main, ["schema", "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text("utf-8") == schema_text()


def test_the_schema_knows_every_field_the_loader_reads() -> None:
    missing = {what: names for what, names in unknown_fields().items() if names}
    assert not missing, (
        f"the loader reads fields the schema has no shape for: {missing}; "
        "give each a shape in simulator/schema.py (EVENT_SHAPES for an event field)"
    )


def test_every_event_field_has_a_shape_or_is_a_qualifier() -> None:
    assert set(_EVENT) <= set(EVENT_SHAPES) | set(QUALIFIERS)


def test_a_reference_stands_alone() -> None:
    # Beside a $ref, draft-07 ignores every other keyword, and some editors merge them.
    def walk(node: Any) -> Iterator[dict[str, Any]]:
        if isinstance(node, dict):
            yield node
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    assert all(set(node) == {"$ref"} for node in walk(scenario_schema()) if "$ref" in node)


def test_event_types_and_courts_come_from_the_code() -> None:
    fields = scenario_schema()["$defs"]["eventFields"]
    assert fields["properties"]["type"]["enum"] == list(EVENT_TYPES)
    assert fields["properties"]["court"]["enum"] == [*COURTS, None]
    assert len(fields["allOf"]) == len(EVENT_TYPES)


# --- what it accepts ---------------------------------------------------------------------


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda path: path.stem)
@pytest.mark.parametrize("draft", list(VALIDATORS))
def test_every_bundled_scenario_validates(path: Path, draft: str) -> None:
    document = yaml.safe_load(path.read_text("utf-8"))
    errors = [error.message for error in VALIDATORS[draft].iter_errors(as_json(document))]
    assert errors == []


@pytest.mark.parametrize("draft", list(VALIDATORS))
def test_the_skeleton_validates(draft: str) -> None:
    document = as_json(yaml.safe_load(skeleton("my-case")))
    assert [error.message for error in VALIDATORS[draft].iter_errors(document)] == []


def _wechat() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load((ROOT / "scenarios" / "wechat.yaml").read_text())
    return document


def _mutations() -> Iterator[tuple[str, dict[str, Any]]]:
    unknown_field = _wechat()
    unknown_field["events"][2]["colour"] = "red"
    yield "an unknown event field", unknown_field
    bad_qualifier = _wechat()
    bad_qualifier["events"][2]["motion"] = "appeal"
    yield "a motion there is not", bad_qualifier
    no_qualifier = _wechat()
    del no_qualifier["events"][2]["motion"]
    yield "a motion without its motion", no_qualifier
    wrong_qualifier = _wechat()
    wrong_qualifier["events"][1]["disposition"] = "moot"
    yield "a complaint with a disposition", wrong_qualifier
    wrong_court = _wechat()
    wrong_court["events"][1]["court"] = "supreme"
    yield "a complaint in the Supreme Court", wrong_court
    policy_case = _wechat()
    policy_case["events"][0]["case"] = "wechat"
    yield "an order in a lawsuit", policy_case
    unknown_type = _wechat()
    unknown_type["events"][0]["type"] = "order_signed"
    yield "an unknown event type", unknown_type
    no_source = _wechat()
    del no_source["events"][0]["source"]
    yield "a recorded event without its source", no_source
    unknown_top = _wechat()
    unknown_top["judge"] = "Beeler"
    yield "an unknown top-level field", unknown_top
    bad_id = _wechat()
    bad_id["id"] = "WeChat"
    yield "an upper-case id", bad_id
    bad_date = _wechat()
    bad_date["events"][0]["date"] = "6 August 2020"
    yield "a date not as YYYY-MM-DD", bad_date
    no_events = _wechat()
    no_events["events"] = []
    yield "no events", no_events
    bad_branch = _wechat()
    bad_branch["whatif"][0]["at"] = 0
    yield "a branch at step 0", bad_branch


@pytest.mark.parametrize(("what", "document"), list(_mutations()), ids=lambda v: str(v)[:40])
def test_a_mutated_scenario_is_refused_by_schema_and_loader(
    what: str, document: dict[str, Any]
) -> None:
    for validator in VALIDATORS.values():
        assert not validator.is_valid(as_json(document)), what
    assert not loader_accepts(document), what


# --- the schema and the loader agree, type by type ---------------------------------------


def _event(kind: EventType) -> dict[str, Any]:
    event: dict[str, Any] = {"date": "2020-01-06", "type": kind.name, "summary": "s", "source": "x"}
    if kind.qualifier:
        event[kind.qualifier] = kind.choices[-1]
    return event


def _without(event: dict[str, Any], name: str) -> dict[str, Any]:
    return {key: value for key, value in event.items() if key != name}


_EXAMPLES = {
    "names": ["part-a"],
    "flag": True,
    "date": "2020-01-07",
    "relief": ["permanent_injunction"],
}


def _variants(kind: EventType) -> Iterator[tuple[str, dict[str, Any]]]:
    event = _event(kind)
    yield "as declared", event
    if kind.qualifier:
        yield "without its qualifier", _without(event, kind.qualifier)
        yield "with a choice there is not", {**event, kind.qualifier: "no_such_choice"}
        yield "with its qualifier left empty", {**event, kind.qualifier: None}
    for other in QUALIFIERS:
        if other != kind.qualifier:
            choice = next(k.choices[0] for k in EVENT_TYPES.values() if k.qualifier == other)
            yield f"with {other}", {**event, other: choice}
    for court in COURTS:
        yield f"in the {court} court", {**event, "court": court}
    yield "in a lawsuit", {**event, "case": "suit"}
    yield "with an unknown field", {**event, "colour": "red"}
    for name, shape in EVENT_SHAPES.items():
        if name in _EVENT and name not in event and shape in _EXAMPLES and name != "consolidated":
            yield f"with {name}", {**event, name: _EXAMPLES[shape]}
    # A field naming other lawsuits must name declared ones, which no JSON Schema can know:
    # its variant names a second lawsuit that `_scenario` then declares.
    yield "consolidated with another lawsuit", {**event, "case": "suit", "consolidated": ["other"]}


def _scenario(event: dict[str, Any]) -> dict[str, Any]:
    lawsuits = [{"id": "suit", "caption": "S v. United States"}]
    if "consolidated" in event:
        lawsuits.append({"id": "other", "caption": "O v. United States"})
    return {"id": "t", "title": "T", "lawsuits": lawsuits, "events": [event]}


def _branch_of(event: dict[str, Any]) -> dict[str, Any]:
    """The event as a what-if step: hypothetical, so without a summary or source."""
    first = {"date": "2020-01-01", "type": "order_issued", "summary": "s", "source": "x"}
    document = _scenario(first)
    document["lawsuits"] = _scenario(event)["lawsuits"]
    hypothetical = _without(_without(event, "summary"), "source")
    document["whatif"] = [{"id": "b", "title": "What if?", "at": 2, "events": [hypothetical]}]
    return document


@pytest.mark.parametrize("kind", list(EVENT_TYPES.values()), ids=lambda kind: kind.name)
def test_schema_and_loader_agree_on_every_event_type(kind: EventType) -> None:
    disagreements = [
        f"{what} ({'schema' if schema_accepts(document) else 'loader'} accepts)"
        for what, event in _variants(kind)
        for document in (_scenario(event), _branch_of(event))
        if schema_accepts(document) != loader_accepts(document)
    ]
    assert disagreements == [], f"{kind.name}: {disagreements}"


def test_a_recorded_event_needs_what_a_hypothetical_one_may_leave_out() -> None:
    for name in ("summary", "source"):
        recorded = _scenario(_without(_event(EVENT_TYPES["order_issued"]), name))
        assert not schema_accepts(recorded)
        assert not loader_accepts(recorded)

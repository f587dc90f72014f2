"""Scenario files: the WeChat case loads as recorded, and bad input is refused at its line.

Each bad input is a file; the line at fault is the one marked ``# <-``, so the
expected line number is read from the example itself rather than counted by hand.
"""

from __future__ import annotations

import datetime
import itertools
import os
from pathlib import Path

import pytest

from simulator import IllegalTransition, Scenario, ScenarioError, load_scenario
from simulator.events import EVENT_TYPES

D = datetime.date.fromisoformat
MARK = "# <-"

# --- the WeChat scenario -------------------------------------------------------------------


def test_wechat_loads(wechat: Scenario, wechat_path: Path) -> None:
    assert wechat.id == "wechat"
    assert "WeChat" in wechat.title
    assert wechat.path == str(wechat_path)
    assert len(wechat.events) == 26
    assert len(wechat.lines) == 26
    assert list(wechat.lines) == sorted(set(wechat.lines))
    assert [suit.id for suit in wechat.lawsuits] == ["wechat"]
    assert wechat.policy.kind == "order"


def test_wechat_events_are_dated_in_order_and_sourced(wechat: Scenario) -> None:
    dates = [event.date for event in wechat.events]
    assert dates == sorted(dates)
    for event in wechat.events:
        assert event.type in EVENT_TYPES
        assert event.source.strip(), f"{event.type} on {event.date} has no source"
        assert event.summary.strip()
        assert event.confidence in ("verified", "partly", "unverified")
        assert event.case in ("", "wechat")


def test_wechat_marks_the_facts_its_sources_only_partly_verify(wechat: Scenario) -> None:
    partly = {(e.type, e.date) for e in wechat.events if e.confidence != "verified"}
    assert partly == {
        ("notice_of_appeal_filed", D("2020-10-02")),
        ("appeal_dismissed", D("2021-08-10")),
    }
    assert all(e.note for e in wechat.events if e.confidence != "verified")


@pytest.mark.parametrize(
    ("kind", "court", "day"),
    [
        pytest.param("order_issued", "", "2020-08-06", id="executive-order-13943"),
        pytest.param("complaint_filed", "district", "2020-08-21", id="complaint"),
        pytest.param("injunction_granted", "district", "2020-09-19", id="preliminary-injunction"),
        pytest.param("notice_of_appeal_filed", "district", "2020-10-02", id="notice-of-appeal"),
        pytest.param("stay_denied", "district", "2020-10-23", id="district-stay-denied"),
        pytest.param("stay_denied", "appeals", "2020-10-26", id="ninth-circuit-stay-denied"),
        pytest.param("order_revoked", "", "2021-06-09", id="executive-order-14034"),
    ],
)
def test_wechat_key_dates(wechat: Scenario, kind: str, court: str, day: str) -> None:
    dates = [e.date for e in wechat.events if e.type == kind and e.court == court]
    assert dates == [D(day)]


def test_wechat_injunction_is_universal(wechat: Scenario) -> None:
    (granted,) = [e for e in wechat.events if e.type == "injunction_granted"]
    assert granted.scope == "universal"
    assert granted.united_states_party is True


# --- bad input -----------------------------------------------------------------------------

VALID = """\
id: test
title: Test Users v. Trump
lawsuits:
  - id: c
    caption: Test Users v. Trump
events:
  - date: 2020-08-06
    type: order_issued
    summary: The order is signed.
    source: 85 Fed. Reg. 48641
  - date: 2020-08-21
    type: complaint_filed
    summary: The users sue.
    source: ECF No. 1
"""

BAD_INPUTS = [
    pytest.param(
        """\
id: test
title: T
events:
  - date: 2020-08-06
    type: order_issued
   summary: indented one space too little  # <-
""",
        "broken YAML",
        id="bad-indentation",
    ),
    pytest.param(
        VALID.replace("type: complaint_filed", f"type: complaint_filled  {MARK}"),
        "did you mean 'complaint_filed'?",
        id="unknown-event-type",
    ),
    pytest.param(
        VALID.replace("    summary: The users sue.", f"    actr: Users  {MARK}\n    summary: x"),
        "unknown field 'actr' in an event (did you mean 'actor'?)",
        id="unknown-field",
    ),
    pytest.param(
        VALID.replace("date: 2020-08-21", f"date: 2021-02-30  {MARK}"),
        "2021-02-30",
        id="impossible-date",
    ),
    pytest.param(
        VALID.replace("date: 2020-08-21", f"date: 2020-08-01  {MARK}"),
        "date order",
        id="out-of-date-order",
    ),
    pytest.param(
        VALID.replace("id: test", f'id: !!python/object/apply:os.system ["echo hi"]  {MARK}'),
        "tag",
        id="python-tag",
    ),
    pytest.param(
        VALID.replace("source: ECF No. 1", f"source: ''  {MARK}"),
        "'source' must not be empty",
        id="empty-source",
    ),
    pytest.param(
        VALID.replace("summary: The users sue.", f"summary: again\n    summary: twice  {MARK}"),
        "appears twice",
        id="duplicate-key",
    ),
]


def marked_line(text: str) -> int:
    (line,) = [n for n, row in enumerate(text.splitlines(), start=1) if MARK in row]
    return line


def write(tmp_path: Path, content: str | bytes, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_the_valid_base_of_the_bad_inputs_loads(tmp_path: Path) -> None:
    scenario = load_scenario(write(tmp_path, VALID))
    assert [e.type for e in scenario.events] == ["order_issued", "complaint_filed"]
    assert scenario.lines == (7, 11)


@pytest.mark.parametrize(("text", "message"), BAD_INPUTS)
def test_bad_input_is_refused_at_its_line(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    line = marked_line(text)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    error = caught.value
    assert (error.path, error.line) == (str(path), line)
    assert str(error).startswith(f"{path}:{line}: ")
    assert message in str(error)
    assert "\n" not in str(error)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("", "empty", id="empty"),
        pytest.param("\n# only a comment\n", "empty", id="only-a-comment"),
        pytest.param("id: test\ntitle: café\n".encode("latin-1"), "not UTF-8", id="latin-1"),
    ],
)
def test_unusable_file_is_refused_naming_it(
    tmp_path: Path, content: str | bytes, message: str
) -> None:
    path = write(tmp_path, content)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    with pytest.raises(ScenarioError, match="no such file") as caught:
        load_scenario(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="directory") as caught:
        load_scenario(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path}: ")


def test_python_tag_is_never_executed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "executed"
    ran: list[str] = []
    monkeypatch.setattr(os, "system", ran.append)
    tag = f'!!python/object/apply:os.system ["touch {marker}"]'
    path = write(tmp_path, VALID.replace("id: test", f"id: {tag}"))
    with pytest.raises(ScenarioError, match=r"python/object/apply:os\.system"):
        load_scenario(path)
    assert ran == []
    assert not marker.exists()


def billion_laughs(levels: int = 10) -> str:
    names = [chr(ord("a") + n) for n in range(levels)]
    rows = ['a: &a ["x","x"]']
    rows += [f"{name}: &{name} [*{prev},*{prev}]" for prev, name in itertools.pairwise(names)]
    return "id: test\ntitle: T\n" + "\n".join(rows) + "\nevents: []\n"


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, billion_laughs())
    with pytest.raises(ScenarioError, match="aliases") as caught:
        load_scenario(path)
    assert str(caught.value).startswith(f"{path}:")
    assert caught.value.line is not None


def test_alias_is_refused_at_the_line_that_uses_it(tmp_path: Path) -> None:
    path = write(tmp_path, billion_laughs())
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert caught.value.line == 4  # b: &b [*a,*a]


def test_control_character_is_refused_on_one_line_naming_the_line(tmp_path: Path) -> None:
    text = VALID.replace("source: ECF No. 1", "source: ECF\x07 No. 1")
    path = write(tmp_path, text)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    message = str(caught.value)
    assert "\n" not in message
    assert "<unicode string>" not in message
    assert message.startswith(f"{path}:14: ")


# --- a scenario whose events break the law -------------------------------------------------

_GRANT = """\
  - date: 2020-09-19
    type: injunction_granted  {mark}
    summary: The judge enjoins the order.
    source: ECF No. 59
"""
_PI_THEN = (
    VALID
    + """\
  - date: 2020-08-28
    type: motion_filed
    motion: preliminary_injunction
    summary: The users move for a preliminary injunction.
    source: ECF No. 17
  - date: 2020-09-17
    type: hearing_held
    motion: preliminary_injunction
    summary: The judge hears the motion.
    source: hearing
"""
    + _GRANT.format(mark="")
)


@pytest.mark.parametrize(
    ("text", "citation", "step"),
    [
        pytest.param(
            VALID.split("  - date: 2020-08-21")[0] + _GRANT.format(mark=MARK),
            "FRCP 3",
            "step 2 (injunction_granted on 2020-09-19)",
            id="injunction-before-any-lawsuit",
        ),
        pytest.param(
            _PI_THEN
            + f"""\
  - date: 2020-11-19  {MARK}
    type: notice_of_appeal_filed
    summary: The government appeals, a day late.
    source: invented
""",
            "FRAP 4(a)(1)",
            "step 6 (notice_of_appeal_filed on 2020-11-19)",
            id="late-notice-of-appeal",
        ),
    ],
)
def test_illegal_step_is_refused_at_its_line(
    tmp_path: Path, text: str, citation: str, step: str
) -> None:
    path = write(tmp_path, text)
    line = marked_line(text)
    if "type:" in text.splitlines()[line - 1]:
        line -= 1  # the event starts on its "- date:" line
    with pytest.raises(IllegalTransition) as caught:
        load_scenario(path)
    refusal = caught.value
    assert (refusal.path, refusal.line) == (str(path), line)
    assert str(refusal).startswith(f"{path}:{line}: {step}")
    assert citation in refusal.citation


def test_an_illegal_scenario_loads_when_not_validated(tmp_path: Path) -> None:
    text = VALID.split("  - date: 2020-08-21")[0] + _GRANT.format(mark="")
    scenario = load_scenario(write(tmp_path, text), validate=False)
    assert [e.type for e in scenario.events] == ["order_issued", "injunction_granted"]


def test_a_branch_with_an_empty_at_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "at.yaml"
    path.write_text(
        "id: x\ntitle: X\nevents:\n"
        "  - {date: 2020-08-06, type: order_issued, summary: s, source: s}\n"
        "whatif:\n  - id: b\n    title: B\n    at: null\n    events: []\n",
        encoding="utf-8",
    )
    with pytest.raises(ScenarioError, match="needs 'at'") as caught:
        load_scenario(path)
    assert str(caught.value).startswith(f"{path}:8:")

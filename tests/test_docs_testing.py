"""docs/testing.md works as written: the variant, its tests, the planted bug, the commands."""

from __future__ import annotations

import contextlib
import datetime
import importlib
import io
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner
from hypothesis import settings

from simulator.cli import main
from simulator.events import OPENING
from simulator.law.rules import MODEL

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "testing.md"


#: The events that issue a policy: any of them can start a history.
ISSUING = {rule.event for rule in MODEL.rules if rule.slot == "policy" and rule.sources == {"none"}}


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)


@pytest.fixture
def guide_modules(tmp_path: Path) -> Iterator[tuple[ModuleType, ModuleType]]:
    rules, tests, _planted = _python_blocks()
    (tmp_path / "my_rules.py").write_text(rules, encoding="utf-8")
    (tmp_path / "test_my_rules.py").write_text(tests, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        yield importlib.import_module("my_rules"), importlib.import_module("test_my_rules")
    finally:
        sys.path.remove(str(tmp_path))
        for name in ("my_rules", "test_my_rules"):
            sys.modules.pop(name, None)


def test_the_variant_changes_only_the_appeal_deadline(guide_modules) -> None:  # type: ignore[no-untyped-def]
    my_rules, _tests = guide_modules
    variant = my_rules.FOURTEEN_DAYS
    assert variant.name == "fourteen-day appeals"
    assert variant.rules == my_rules.MODEL.rules
    assert variant.clocks.appeal_days_united_states.on(datetime.date(2020, 9, 19)).value == 14
    assert variant.clocks.certiorari_days == my_rules.MODEL.clocks.certiorari_days


def test_the_variants_clock_reaches_the_reported_deadline(guide_modules, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    told = runner.invoke(
        main, ["run", "wechat", "--model", "my_rules:FOURTEEN_DAYS", "--out", str(tmp_path)]
    )
    assert told.exit_code == 0, told.output
    text = " ".join(told.output.split())
    assert "14 days to appeal, until 2020-10-05 (Proposed FRAP 4(a)(1)(C))" in text
    assert "60 days to appeal" not in text
    data = runner.invoke(
        main, ["run", "wechat", "--model", "my_rules:FOURTEEN_DAYS", "--format", "json"]
    )
    (appeal,) = [d for d in json.loads(data.output)["deadlines"] if d["name"] == "appeal"]
    assert (appeal["days"], appeal["due"]) == (14, "2020-10-05")


def test_the_guides_tests_pass_on_the_variant(guide_modules) -> None:  # type: ignore[no-untyped-def]
    _rules, tests = guide_modules
    tests.test_no_late_appeal_under_the_proposal()
    machine = tests.TestFourteenDays
    machine.settings = settings(machine.settings, max_examples=10, stateful_step_count=20)
    machine("runTest").runTest()


def test_the_variant_works_on_the_command_line(guide_modules) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    listed = runner.invoke(main, ["rules", "--model", "my_rules:FOURTEEN_DAYS"])
    assert listed.exit_code == 0
    assert "appeal_days_united_states: 14 days (Proposed FRAP 4(a)(1)(C))" in " ".join(
        listed.output.split()
    )
    fuzzed = runner.invoke(
        main, ["fuzz", "--model", "my_rules:FOURTEEN_DAYS", "--examples", "20", "--max-steps", "15"]
    )
    assert fuzzed.exit_code == 0, fuzzed.output
    assert "every invariant held" in fuzzed.output


def test_the_planted_bug_is_found_and_shrunk_to_three_steps() -> None:
    *_, planted = _python_blocks()
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(planted, {"__name__": "guide"})
    output = printed.getvalue()
    assert output.splitlines()[0] == "appeal_from_an_appealable_order"
    first, opening, last = re.findall(r"type: (\w+)", output)
    # Any kind of policy and either way of starting a lawsuit make a history as short.
    assert first in ISSUING
    assert last == "notice_of_appeal_filed"
    assert opening in OPENING

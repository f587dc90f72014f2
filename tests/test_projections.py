"""Read models folded from the WeChat case: deadlines, outcome and narrative."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

import pytest

from simulator import Event, Scenario, load_scenario
from simulator.decider import Step, trace
from simulator.projections.deadlines import deadlines
from simulator.projections.narrative import narrate
from simulator.projections.outcome import outcome
from simulator.scenario import trace_scenario, until

D = datetime.date.fromisoformat


@pytest.fixture(scope="module")
def steps(wechat: Scenario) -> Sequence[Step]:
    return trace_scenario(wechat)


def test_wechat_has_one_appeal_deadline_met_by_the_notice(steps: Sequence[Step]) -> None:
    (record,) = deadlines(steps)
    deadline = record.deadline
    assert (deadline.name, deadline.case, deadline.days) == ("appeal", "wechat", 60)
    assert (deadline.start, deadline.due) == (D("2020-09-19"), D("2020-11-18"))
    assert "FRAP 4(a)(1)(B)" in deadline.citation
    assert (record.started_by, record.status, record.closed_by) == (13, "met", 16)
    assert steps[15].event.type == "notice_of_appeal_filed"
    assert record.describe().endswith("met by step 16")


@pytest.mark.parametrize(
    ("stop", "status"),
    [
        pytest.param(13, "open", id="on-the-day-of-the-injunction"),
        pytest.param(16, "met", id="after-the-notice"),
    ],
)
def test_the_appeal_deadline_over_time(wechat: Scenario, stop: int, status: str) -> None:
    (record,) = deadlines(trace_scenario(until(wechat, stop)))
    assert record.status == status


def test_wechat_outcome(steps: Sequence[Step]) -> None:
    result = outcome(steps)
    assert result.as_of == "2021-08-10"
    assert result.policy == "revoked, with effect from 2021-06-09"
    (suit,) = result.lawsuits
    assert suit.case == "wechat"
    # dismissed by the parties once the order was revoked; no court held it moot
    assert suit.moot is False
    assert suit.highest_court == "appeals"
    assert "the appeal has been dismissed" in suit.status
    assert suit.relief == "preliminary injunction (universal) in force"


def test_outcome_on_the_day_of_the_injunction(wechat: Scenario) -> None:
    result = outcome(trace_scenario(until(wechat, D("2020-09-19"))))
    (suit,) = result.lawsuits
    assert (result.enjoined, suit.moot, suit.highest_court) == (True, False, "district")
    assert "notice of appeal filed" in result.next_steps


def test_narrative_tells_every_event_in_date_order(wechat: Scenario, steps: Sequence[Step]) -> None:
    text = narrate(wechat, steps, outcome(steps), deadlines(steps))
    position = 0
    for step in steps:
        heading = f"\n{step.event.date.isoformat()}  "
        found = text.find(heading, position)
        assert found >= position, f"step {step.index + 1} ({heading.strip()}) missing or early"
        assert f"[step {step.index + 1}," in text[found : found + 200]
        position = found + 1
    assert text.index("Where the case stands") > position
    assert "60 days to appeal, until 2020-11-18" in text


def test_narrative_is_deterministic(wechat: Scenario, steps: Sequence[Step]) -> None:
    def tell() -> str:
        return narrate(wechat, steps, outcome(steps), deadlines(steps))

    assert tell() == tell()


def test_narrative_flags_an_unverified_event_without_a_note(tmp_path: Path) -> None:
    path = tmp_path / "unsure.yaml"
    path.write_text(
        """\
id: unsure
title: Unsure v. United States
events:
  - date: 2020-08-06
    type: order_issued
    summary: The order is signed.
    source: memory
    confidence: unverified
""",
        encoding="utf-8",
    )
    case = load_scenario(path)
    case_steps = trace_scenario(case)
    text = narrate(case, case_steps, outcome(case_steps), deadlines(case_steps))
    assert "unverified" in text


def test_before_the_first_event_an_order_can_still_be_issued() -> None:
    assert "executive order issued" in outcome(()).next_steps


def test_an_expired_restraining_order_is_not_ended_by_the_next_step() -> None:
    history = [
        Event("order_issued", D("2010-01-04")),
        Event("complaint_filed", D("2010-01-04"), case="c"),
        Event("motion_filed", D("2010-01-04"), case="c", motion="tro"),
        Event("tro_granted", D("2010-01-04"), case="c"),
        Event("complaint_amended", D("2010-02-01"), case="c"),
    ]
    (record,) = deadlines(trace(history))
    # 14 days end on Martin Luther King Jr. Day, Jan. 18, 2010, and roll to the 19th.
    assert (record.deadline.days, record.deadline.due) == (14, D("2010-01-19"))
    assert record.status == "lapsed"
    assert "step 5" not in record.describe()

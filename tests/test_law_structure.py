"""Each rule reads whole in one place: cited, worded conditions and effects; the model's clocks."""

from __future__ import annotations

import datetime
import json

import pytest
from click.testing import CliRunner

from simulator.cli import main
from simulator.errors import ModelError
from simulator.law.deadlines import Parameter, appeal_deadline
from simulator.law.model import Rule
from simulator.law.rules import MODEL
from simulator.state import LawsuitState


def test_every_condition_and_effect_says_what_it_means_and_cites_its_law() -> None:
    for guard in MODEL.guards.values():
        assert guard.citation.strip(), guard.name
        assert guard.statement.strip(), guard.name
    for effect in MODEL.effects.values():
        assert effect.citation.strip(), effect.name
        assert effect.statement.strip(), effect.name


def test_a_rule_is_declared_by_keyword_only() -> None:
    with pytest.raises(TypeError):
        Rule("x", "order_issued", "policy", {"none"}, "issued", "c", "e")  # type: ignore[misc]


def test_sim_rules_shows_one_rule_whole() -> None:
    result = CliRunner().invoke(main, ["rules", "appeal.notice.join"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert f"2 of {len(MODEL.rules)} rules" in text
    # its conditions with their wording and law, the periods they count, its effect, its dates
    assert "[appeal_in_time] (FRAP 4(a)(1); 28 U.S.C. 2107)" in text
    assert "counts appeal_days_united_states: 60 days from 1948-09-01" in text
    assert "then the order is now on appeal [take_appeal] (Griggs v. Provident" in text
    assert "in force from 1968-07-01" in text


def test_sim_rules_json_carries_effects_and_clocks() -> None:
    result = CliRunner().invoke(main, ["rules", "tro.grant", "--format", "json"])
    assert result.exit_code == 0, result.output
    (row,) = [r for r in json.loads(result.output) if r["id"] == "tro.grant"]
    (start,) = [e for e in row["effects"] if e["name"] == "start_tro"]
    assert start["citation"] == "FRCP 65(b)(2)"
    days = [p["days"] for p in start["clocks"][0]["periods"]]
    assert days == [10, 14]  # FRCP 65(b) before and after Dec. 1, 2009


def test_an_unknown_rule_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["rules", "no.such.rule"])
    assert result.exit_code == 2
    assert "no rule is called no.such.rule" in result.output


def test_a_variant_owns_its_clocks() -> None:
    # WeChat: the injunction of Sept. 19, 2020, the United States a party.
    suit = LawsuitState(
        case="wechat", appealable_on=datetime.date(2020, 9, 19), united_states_party=True
    )
    real = appeal_deadline(suit, MODEL.clocks)
    assert real is not None
    assert (real.days, real.due) == (60, datetime.date(2020, 11, 18))
    short = MODEL.revise(
        name="short", clocks=[Parameter.fixed("appeal_days_united_states", 14, "Proposal")]
    )
    deadline = appeal_deadline(suit, short.clocks)
    # the 14th day, Oct. 3, 2020, is a Saturday: FRCP 6(a)(1)(C) runs it to Monday
    assert deadline is not None
    assert (deadline.days, deadline.due) == (14, datetime.date(2020, 10, 5))
    assert deadline.citation == "Proposal"


def test_an_unknown_clock_is_refused_with_its_name() -> None:
    with pytest.raises(ModelError, match="no clock called appeal_weeks"):
        MODEL.revise(name="bad", clocks=[Parameter.fixed("appeal_weeks", 2, "x")])


def test_each_condition_and_effect_is_its_own_function() -> None:
    # two declarations stacked on one function would give two names one meaning
    assert len({id(guard.check) for guard in MODEL.guards.values()}) == len(MODEL.guards)
    assert len({id(effect.apply) for effect in MODEL.effects.values()}) == len(MODEL.effects)

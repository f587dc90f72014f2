"""The rule table, one family at a time, run on real dates.

Each table row reads: given these recorded events, when this step is proposed,
then the law allows it (by this rule) or refuses it (citing this provision).
The WeChat rows use the real dates of U.S. WeChat Users Alliance v. Trump
(N.D. Cal. No. 3:20-cv-05910-LB; 9th Cir. No. 20-16908).
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest

from simulator import CaseState, Event, IllegalTransition, decide, replay
from simulator.decider import Machine
from simulator.errors import ModelError
from simulator.events import EVENT_TYPES
from simulator.law.deadlines import appeal_deadline, certiorari_deadline
from simulator.law.model import ProcessModel, Rule
from simulator.law.rules import LAPSES, MODEL, RULES

D = datetime.date.fromisoformat
ALLOWED, REFUSED = "allowed", "refused"


def ev(kind: str, day: str, **fields: Any) -> Event:
    """An event of lawsuit "c" (policy events belong to no lawsuit); dates as text."""
    if EVENT_TYPES[kind].lawsuit:
        fields.setdefault("case", "c")
    for name in ("effective", "expires"):
        if isinstance(fields.get(name), str):
            fields[name] = D(fields[name])
    return Event(kind, D(day), **fields)


def verdict(given: list[Event], when: Event) -> tuple[str, str]:
    """("allowed", the id of the rule that allows ``when``) or ("refused", its citation)."""
    state = replay(given)
    try:
        rule = Machine(state).check(when)
    except IllegalTransition as refusal:
        with pytest.raises(IllegalTransition):
            decide(state, when)
        return REFUSED, refusal.citation
    assert decide(state, when) == (when,)
    return ALLOWED, rule.id


def refusal_of(given: list[Event], when: Event) -> IllegalTransition:
    with pytest.raises(IllegalTransition) as caught:
        decide(replay(given), when)
    return caught.value


def suit_after(events: list[Event]) -> Any:
    suit = replay(events).lawsuit("c")
    assert suit is not None
    return suit


# The WeChat case up to the preliminary injunction, on its real dates.
WECHAT_HEARD = [
    ev("order_issued", "2020-08-06", effective="2020-09-20"),
    ev("complaint_filed", "2020-08-21", united_states_party=True),
    ev("motion_filed", "2020-08-28", motion="preliminary_injunction"),
    ev("brief_filed", "2020-09-08", motion="preliminary_injunction"),
    ev("hearing_held", "2020-09-17", motion="preliminary_injunction"),
]
WECHAT_PI = [*WECHAT_HEARD, ev("injunction_granted", "2020-09-19", scope="universal")]
WECHAT_STAY_MOVED = [*WECHAT_PI, ev("motion_filed", "2020-09-24", motion="stay")]
WECHAT_APPEAL = [*WECHAT_STAY_MOVED, ev("notice_of_appeal_filed", "2020-10-02")]
WECHAT_NO_STAY_ASKED = [*WECHAT_PI, ev("notice_of_appeal_filed", "2020-10-02")]
WECHAT_REVOKED = [*WECHAT_APPEAL, ev("order_revoked", "2021-06-09")]


def _without_united_states(events: list[Event]) -> list[Event]:
    return [attrs.evolve(e, united_states_party=False) for e in events]


# --- FRAP 4(a)(1): the time to appeal ----------------------------------------------------


@pytest.mark.parametrize(
    ("united_states_party", "days", "due", "citation"),
    [
        pytest.param(True, 60, "2020-11-18", "FRAP 4(a)(1)(B)", id="wechat-60-days"),
        pytest.param(False, 30, "2020-10-19", "FRAP 4(a)(1)(A)", id="private-30-days"),
    ],
)
def test_an_injunction_starts_the_time_to_appeal(
    united_states_party: bool, days: int, due: str, citation: str
) -> None:
    given = WECHAT_PI if united_states_party else _without_united_states(WECHAT_PI)
    deadline = appeal_deadline(suit_after(given))
    assert deadline is not None
    assert (deadline.start, deadline.days, deadline.due) == (D("2020-09-19"), days, D(due))
    assert citation in deadline.citation


@pytest.mark.parametrize(
    ("united_states_party", "filed", "expected"),
    [
        pytest.param(True, "2020-10-02", (ALLOWED, "appeal.notice"), id="wechat-actual"),
        pytest.param(True, "2020-11-18", (ALLOWED, "appeal.notice"), id="wechat-last-day"),
        pytest.param(True, "2020-11-19", (REFUSED, "FRAP 4(a)(1)"), id="wechat-a-day-late"),
        pytest.param(False, "2020-10-19", (ALLOWED, "appeal.notice"), id="private-last-day"),
        pytest.param(False, "2020-10-20", (REFUSED, "FRAP 4(a)(1)"), id="private-a-day-late"),
    ],
)
def test_notice_of_appeal_must_be_in_time(
    united_states_party: bool, filed: str, expected: tuple[str, str]
) -> None:
    given = WECHAT_PI if united_states_party else _without_united_states(WECHAT_PI)
    kind, detail = verdict(given, ev("notice_of_appeal_filed", filed))
    assert kind == expected[0]
    assert expected[1] in detail


def test_late_notice_says_when_it_was_due() -> None:
    refusal = refusal_of(WECHAT_PI, ev("notice_of_appeal_filed", "2020-11-19"))
    assert "2020-11-18" in refusal.reason
    assert "2020-11-19" in refusal.reason


# --- FRCP 65(b): temporary restraining orders ----------------------------------------------


def tro_moved(day: str) -> list[Event]:
    return [
        ev("order_issued", day),
        ev("complaint_filed", day),
        ev("motion_filed", day, motion="tro"),
    ]


def tro_granted(day: str, **fields: Any) -> list[Event]:
    return [*tro_moved(day), ev("tro_granted", day, **fields)]


@pytest.mark.parametrize(
    ("granted", "expires"),
    [
        # Day 14 is Martin Luther King Jr. Day (Jan. 18, 2010): FRCP 6(a)(1)(C) rolls it on.
        pytest.param("2010-01-04", "2010-01-19", id="14-days-rolled-past-mlk-day-2010"),
        pytest.param("2009-12-01", "2009-12-15", id="14-days-from-the-first-day"),
        # Before Dec. 1, 2009, 10 days left out intermediate weekends and holidays.
        pytest.param("2009-11-30", "2009-12-14", id="10-court-days-the-day-before"),
        pytest.param("2008-01-07", "2008-01-22", id="10-court-days-past-mlk-day-2008"),
    ],
)
def test_ex_parte_tro_expires_when_the_rule_says(granted: str, expires: str) -> None:
    kind, rule_id = verdict(tro_granted(granted)[:-1], ev("tro_granted", granted))
    assert (kind, rule_id) == (ALLOWED, "tro.grant.ex_parte")
    suit = suit_after(tro_granted(granted))
    assert (suit.tro, suit.tro_since, suit.tro_expires) == ("in_force", D(granted), D(expires))


@pytest.mark.parametrize(
    ("granted", "expires", "expected"),
    [
        pytest.param("2010-01-04", "2010-01-19", ALLOWED, id="the-limit-2010"),
        pytest.param("2010-01-04", "2010-01-20", REFUSED, id="a-day-past-it-2010"),
        pytest.param("2008-01-07", "2008-01-22", ALLOWED, id="the-limit-2008"),
        pytest.param("2008-01-07", "2008-01-23", REFUSED, id="a-day-past-it-2008"),
    ],
)
def test_tro_may_not_outlast_the_limit(granted: str, expires: str, expected: str) -> None:
    kind, detail = verdict(tro_moved(granted), ev("tro_granted", granted, expires=expires))
    assert kind == expected
    if expected == REFUSED:
        assert detail == "FRCP 65(b)(2)"


@pytest.mark.parametrize(
    ("next_day", "tro"),
    [
        pytest.param("2010-01-19", "in_force", id="on-the-last-day"),
        pytest.param("2010-01-20", "expired", id="the-day-after"),
    ],
)
def test_tro_lapses_by_the_next_event_after_it_expires(next_day: str, tro: str) -> None:
    history = [*tro_granted("2010-01-04"), ev("complaint_amended", next_day)]
    assert suit_after(history).tro == tro


def test_tro_can_be_extended_once_for_a_like_period() -> None:
    extended = [*tro_granted("2010-01-04"), ev("tro_extended", "2010-01-15")]
    assert verdict(extended[:-1], extended[-1]) == (ALLOWED, "tro.extend")
    suit = suit_after(extended)
    # A like period: 14 more days from the first end (Jan. 19), to Feb. 2, 2010.
    assert (suit.tro, suit.tro_extended, suit.tro_expires) == ("in_force", True, D("2010-02-02"))

    refusal = refusal_of(extended, ev("tro_extended", "2010-01-20"))
    assert refusal.citation == "FRCP 65(b)(2)"
    assert "already been extended" in refusal.reason


def test_expired_tro_cannot_be_extended() -> None:
    kind, citation = verdict(tro_granted("2010-01-04"), ev("tro_extended", "2010-01-20"))
    assert (kind, citation) == (REFUSED, "FRCP 65(b)(2)")


def test_tro_cannot_expire_before_it_is_granted() -> None:
    backwards = ev("tro_granted", "2020-01-02", expires="2019-12-01")
    kind, citation = verdict(tro_moved("2020-01-02"), backwards)
    assert (kind, citation) == (REFUSED, "FRCP 65(b)(2)")


# --- FRCP 65(a)(1): a preliminary injunction needs notice ---------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param(WECHAT_HEARD[:3], (REFUSED, "FRCP 65(a)(1)"), id="motion-only"),
        pytest.param(WECHAT_HEARD[:4], (ALLOWED, "injunction.grant.parties"), id="after-brief"),
        pytest.param(
            [*WECHAT_HEARD[:3], WECHAT_HEARD[4]],
            (ALLOWED, "injunction.grant.parties"),
            id="after-hearing",
        ),
    ],
)
def test_preliminary_injunction_needs_notice(given: list[Event], expected: tuple[str, str]) -> None:
    kind, detail = verdict(given, ev("injunction_granted", "2020-09-19", scope="parties"))
    assert kind == expected[0]
    assert expected[1] in detail


# --- Trump v. CASA (June 27, 2025): no universal injunctions --------------------------------


@pytest.mark.parametrize(
    ("granted", "scope", "expected"),
    [
        pytest.param("2026-01-05", "universal", (REFUSED, "Trump v. CASA"), id="universal-2026"),
        pytest.param("2026-01-05", "parties", (ALLOWED, "injunction.grant.parties"), id="parties"),
        # a class needs certifying first (FRCP 23(c)(1)): tests/test_trial_court.py
        pytest.param("2026-01-05", "class", (REFUSED, "FRCP 23(b)(2)"), id="class-uncertified"),
        pytest.param(
            "2020-09-19", "universal", (ALLOWED, "injunction.grant.universal"), id="wechat-2020"
        ),
        pytest.param(
            "2025-06-26", "universal", (ALLOWED, "injunction.grant.universal"), id="day-before"
        ),
        pytest.param("2025-06-27", "universal", (REFUSED, "Trump v. CASA"), id="decision-day"),
    ],
)
def test_universal_injunctions_end_with_trump_v_casa(
    granted: str, scope: str, expected: tuple[str, str]
) -> None:
    kind, detail = verdict(WECHAT_HEARD, ev("injunction_granted", granted, scope=scope))
    assert kind == expected[0]
    assert expected[1] in detail


# --- 28 U.S.C. 1292(a)(1): which orders can be appealed at once -----------------------------

_NO_ORDER = WECHAT_HEARD[:2]
_TRO_DENIED = [*tro_moved("2020-08-21")[1:], ev("tro_denied", "2020-08-22")]
_TRO_GRANTED = [*tro_moved("2020-08-21")[1:], ev("tro_granted", "2020-08-22")]
_PI_DENIED = [*WECHAT_HEARD, ev("injunction_denied", "2020-09-19")]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param(_NO_ORDER, (REFUSED, "28 U.S.C. 1292(a)(1)"), id="no-order"),
        pytest.param(
            [WECHAT_HEARD[0], *_TRO_DENIED], (REFUSED, "28 U.S.C. 1292(a)(1)"), id="tro-denied"
        ),
        pytest.param(
            [WECHAT_HEARD[0], *_TRO_GRANTED], (REFUSED, "28 U.S.C. 1292(a)(1)"), id="tro-granted"
        ),
        pytest.param(_PI_DENIED, (ALLOWED, "appeal.notice"), id="pi-denied"),
        pytest.param(WECHAT_PI, (ALLOWED, "appeal.notice"), id="pi-granted"),
        pytest.param(WECHAT_NO_STAY_ASKED, (REFUSED, "28 U.S.C. 1292(a)(1)"), id="appealed-twice"),
    ],
)
def test_only_injunction_orders_are_appealable_at_once(
    given: list[Event], expected: tuple[str, str]
) -> None:
    kind, detail = verdict(given, ev("notice_of_appeal_filed", "2020-10-02"))
    assert kind == expected[0]
    assert expected[1] in detail


# --- FRAP 8 and S. Ct. R. 23: stays pending appeal, asked below first -----------------------

_APPEALS_STAY = ev("motion_filed", "2020-10-02", motion="stay", court="appeals")
_DISTRICT_DENIED = [*WECHAT_APPEAL, ev("stay_denied", "2020-10-23")]
_APPEALS_DENIED = [
    *_DISTRICT_DENIED,
    ev("motion_filed", "2020-10-23", motion="stay", court="appeals"),
    ev("stay_denied", "2020-10-26", court="appeals"),
]


@pytest.mark.parametrize(
    ("given", "when", "expected"),
    [
        pytest.param(
            WECHAT_NO_STAY_ASKED,
            _APPEALS_STAY,
            (REFUSED, "FRAP 8(a)(2)(A)"),
            id="appeals-court-first",
        ),
        pytest.param(WECHAT_APPEAL, _APPEALS_STAY, (ALLOWED, "stay.move.appeals"), id="wechat"),
        pytest.param(
            _DISTRICT_DENIED,
            ev("application_filed", "2020-10-24"),
            (REFUSED, "S. Ct. R. 23.3"),
            id="justice-before-appeals-court",
        ),
        pytest.param(
            _APPEALS_DENIED,
            ev("application_filed", "2020-10-27"),
            (ALLOWED, "application.file"),
            id="justice-after-appeals-court",
        ),
    ],
)
def test_stays_are_asked_of_the_court_below_first(
    given: list[Event], when: Event, expected: tuple[str, str]
) -> None:
    kind, detail = verdict(given, when)
    assert kind == expected[0]
    assert expected[1] in detail


# --- 28 U.S.C. 2101(c), S. Ct. R. 11 and 13: certiorari -------------------------------------


def decided_on(judgment: str) -> list[Event]:
    """A case appealed early in the judgment's year and decided by the court of appeals."""
    year = judgment[:4]
    return [
        ev("order_issued", f"{year}-01-02"),
        ev("complaint_filed", f"{year}-01-03", united_states_party=True),
        ev("motion_filed", f"{year}-01-04", motion="preliminary_injunction"),
        ev("hearing_held", f"{year}-01-10", motion="preliminary_injunction"),
        ev("injunction_granted", f"{year}-01-11", scope="parties"),
        ev("notice_of_appeal_filed", f"{year}-01-12"),
        ev("appeal_decided", judgment, disposition="affirmed"),
    ]


@pytest.mark.parametrize(
    ("judgment", "filed", "days", "expected"),
    [
        pytest.param("2022-03-15", "2022-06-13", 90, (ALLOWED, "cert.petition"), id="90-days"),
        pytest.param("2022-03-15", "2022-06-14", 91, (REFUSED, "28 U.S.C. 2101(c)"), id="91"),
        pytest.param("2020-06-15", "2020-11-12", 150, (ALLOWED, "cert.petition"), id="covid-150"),
        pytest.param("2020-06-15", "2020-11-13", 151, (REFUSED, "28 U.S.C. 2101(c)"), id="151"),
    ],
)
def test_certiorari_petition_must_be_in_time(
    judgment: str, filed: str, days: int, expected: tuple[str, str]
) -> None:
    assert (D(filed) - D(judgment)).days == days
    kind, detail = verdict(decided_on(judgment), ev("cert_petition_filed", filed))
    assert kind == expected[0]
    assert expected[1] in detail


@pytest.mark.parametrize(
    ("judgment", "days", "due"),
    [
        pytest.param("2022-03-15", 90, "2022-06-13", id="2022"),
        pytest.param("2020-06-15", 150, "2020-11-12", id="covid-order-2020"),
    ],
)
def test_certiorari_clock(judgment: str, days: int, due: str) -> None:
    deadline = certiorari_deadline(suit_after(decided_on(judgment)))
    assert deadline is not None
    assert (deadline.days, deadline.due) == (days, D(due))


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param(
            WECHAT_APPEAL, (ALLOWED, "cert.petition.before_judgment"), id="appeal-pending"
        ),
        pytest.param(WECHAT_PI, (REFUSED, "28 U.S.C. 1254(1)"), id="nothing-to-review"),
    ],
)
def test_certiorari_before_judgment_needs_a_pending_appeal(
    given: list[Event], expected: tuple[str, str]
) -> None:
    kind, detail = verdict(given, ev("cert_petition_filed", "2020-10-05"))
    assert kind == expected[0]
    assert expected[1] in detail
    if kind == ALLOWED:
        assert "S. Ct. R. 11" in MODEL.rule(detail).citation


# --- Mootness and Munsingwear vacatur --------------------------------------------------------


def test_revoking_the_order_does_not_by_itself_moot_the_case() -> None:
    # EO 14034 revoked the WeChat order on June 9, 2021; the appeal stayed open until the
    # court of appeals dismissed it (voluntary cessation: Laidlaw, 528 U.S. at 189).
    state = replay(WECHAT_REVOKED)
    assert (state.policy.policy, state.policy.revoked_on) == ("revoked", D("2021-06-09"))
    assert suit_after(WECHAT_REVOKED).moot is False
    held = [*WECHAT_REVOKED, ev("appeal_dismissed", "2021-08-10", disposition="moot")]
    assert suit_after(held).moot is True


def test_after_revocation_the_appeal_may_still_be_decided_until_held_moot() -> None:
    decided = ev("appeal_decided", "2021-07-01", disposition="affirmed")
    assert verdict(WECHAT_REVOKED, decided) == (ALLOWED, "appeal.affirm")


def test_no_court_decides_the_merits_once_it_has_held_the_case_moot() -> None:
    held = [*WECHAT_REVOKED, ev("appeal_dismissed", "2021-08-10", disposition="moot")]
    kind, detail = verdict(held, ev("judgment_entered", "2021-08-11", disposition="plaintiffs"))
    assert (kind, detail) == (REFUSED, "U.S. Const. art. III, sec. 2")


def test_a_revocation_takes_effect_on_the_day_it_names() -> None:
    # EO 13780 (signed Mar. 6, 2017) revoked EO 13769 with effect from Mar. 16, 2017, sec. 13-14.
    events = [
        ev("order_issued", "2017-01-27"),
        ev("order_revoked", "2017-03-06", effective=D("2017-03-16")),
    ]
    assert replay(events).policy.revoked_on == D("2017-03-16")


def test_a_revoked_policy_is_not_enjoined() -> None:
    from simulator.law.enjoined import enjoined

    assert enjoined(replay(WECHAT_APPEAL)).extent == "fully"
    assert enjoined(replay(WECHAT_REVOKED)).extent == "not"


@pytest.mark.parametrize(
    ("given", "when", "expected"),
    [
        pytest.param(
            WECHAT_REVOKED,
            ev("appeal_dismissed", "2021-08-10", disposition="moot"),
            (ALLOWED, "appeal.dismiss.moot"),
            id="dismissed-as-moot",
        ),
        pytest.param(
            WECHAT_REVOKED,
            ev("vacated_as_moot", "2021-08-10"),
            (ALLOWED, "appeal.vacate.moot"),
            id="munsingwear",
        ),
        pytest.param(
            WECHAT_REVOKED,
            ev("appeal_dismissed", "2021-08-10", disposition="voluntary"),
            (ALLOWED, "appeal.dismiss.voluntary"),
            id="wechat-voluntary",
        ),
        pytest.param(
            WECHAT_APPEAL,
            ev("appeal_dismissed", "2021-08-10", disposition="moot"),
            (REFUSED, "U.S. Const. art. III"),
            id="not-moot",
        ),
        pytest.param(
            WECHAT_APPEAL,
            ev("vacated_as_moot", "2021-08-10"),
            (REFUSED, "U.S. Const. art. III"),
            id="munsingwear-not-moot",
        ),
    ],
)
def test_a_moot_appeal_can_be_dismissed(
    given: list[Event], when: Event, expected: tuple[str, str]
) -> None:
    kind, detail = verdict(given, when)
    assert kind == expected[0]
    assert expected[1] in detail


@pytest.mark.parametrize(
    ("ending", "injunction"),
    [
        pytest.param(ev("vacated_as_moot", "2021-08-10"), "vacated", id="munsingwear"),
        pytest.param(
            ev("appeal_dismissed", "2021-08-10", disposition="moot"), "in_force", id="dismissal"
        ),
    ],
)
def test_munsingwear_vacates_the_injunction(ending: Event, injunction: str) -> None:
    suit = suit_after([*WECHAT_REVOKED, ending])
    assert (suit.appeal, suit.injunction) == ("dismissed", injunction)


# --- The order of things: art. III, FRCP 3, the chronology of the record ---------------------


@pytest.mark.parametrize(
    ("given", "when", "citation"),
    [
        pytest.param(
            [], ev("complaint_filed", "2020-08-21"), "U.S. Const. art. III", id="no-order-yet"
        ),
        pytest.param(
            WECHAT_HEARD[:1],
            ev("injunction_granted", "2020-09-19", scope="parties"),
            "FRCP 3",
            id="no-lawsuit-yet",
        ),
        pytest.param(
            WECHAT_HEARD[:2],
            ev("complaint_amended", "2020-08-20"),
            "chronology",
            id="out-of-date-order",
        ),
    ],
)
def test_steps_out_of_place_are_refused(given: list[Event], when: Event, citation: str) -> None:
    kind, detail = verdict(given, when)
    assert kind == REFUSED
    assert citation in detail


# --- The model is validated when it is built ---------------------------------------------------

_BY_ID = {rule.id: rule for rule in RULES}


def _replaced(rule_id: str, **changes: Any) -> tuple[Rule, ...]:
    return tuple(attrs.evolve(r, **changes) if r.id == rule_id else r for r in RULES)


def test_the_shipped_model_is_valid() -> None:
    model = ProcessModel(RULES, LAPSES)
    assert [rule.id for rule in model.rules] == [rule.id for rule in MODEL.rules]
    assert len({rule.id for rule in RULES}) == len(RULES)
    assert all(rule.citation.strip() and rule.explanation.strip() for rule in RULES)


@pytest.mark.parametrize(
    ("rules", "lapses", "fragments"),
    [
        pytest.param(
            (*RULES, _BY_ID["appeal.argue"]),
            LAPSES,
            ["'appeal.argue' is defined twice"],
            id="duplicate",
        ),
        pytest.param(
            (*RULES, attrs.evolve(_BY_ID["tro.dissolve"], id="tro.dissolve.copy")),
            LAPSES,
            ["'tro.dissolve'", "'tro.dissolve.copy'", "FRCP 65(b)(4)", "could both apply"],
            id="ambiguous",
        ),
        pytest.param(
            _replaced("appeal.notice", guards=("appealable_order", "no_such_guard")),
            LAPSES,
            ["'appeal.notice'", "unknown guard 'no_such_guard'"],
            id="unknown-guard",
        ),
        pytest.param(
            _replaced("appeal.argue", citation=" "),
            LAPSES,
            ["'appeal.argue'", "citation"],
            id="no-citation",
        ),
        pytest.param(
            tuple(r for r in RULES if r.id not in ("order.revoke", "agency.rescind")),
            LAPSES,
            ["policy state 'revoked' is never reached"],
            id="unreachable",
        ),
        pytest.param(RULES, (), ["tro state 'expired' is never reached"], id="no-lapse"),
    ],
)
def test_an_inconsistent_model_is_refused(
    rules: tuple[Rule, ...], lapses: tuple[Any, ...], fragments: list[str]
) -> None:
    with pytest.raises(ModelError) as caught:
        ProcessModel(rules, lapses)
    for fragment in fragments:
        assert fragment in str(caught.value)


def test_two_identically_guarded_rules_are_ambiguous() -> None:
    copy = attrs.evolve(_BY_ID["cert.petition"], id="cert.petition.copy")
    with pytest.raises(ModelError, match=r"cert\.petition\.copy"):
        ProcessModel((*RULES, copy), LAPSES)


def test_a_refusal_does_not_change_the_state() -> None:
    state = replay(WECHAT_PI)
    with pytest.raises(IllegalTransition):
        decide(state, ev("notice_of_appeal_filed", "2020-11-19"))
    assert state == replay(WECHAT_PI)
    assert state != CaseState()

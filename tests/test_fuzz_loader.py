"""Fuzzing the scenario loader: whatever the bytes, a clean refusal or a scenario, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from simulator.errors import IllegalTransition, ScenarioError
from simulator.scenario import load_scenario

WECHAT = (Path(__file__).resolve().parent.parent / "scenarios" / "wechat.yaml").read_text(
    encoding="utf-8"
)
LINES = WECHAT.splitlines(keepends=True)
YAML_SIGNS = [*":-&*!{}[]'\"\t #|>%@`,?\\\x00\x07\u2028", "\n", "  ", "!!python/object "]
_FOLDER = Path(tempfile.mkdtemp(prefix="sim-fuzz-"))


def _load(data: bytes) -> None:
    """Load the bytes as a scenario file: any refusal must be one clean, located line."""
    path = _FOLDER / "mutant.yaml"
    path.write_bytes(data)
    refusal: ScenarioError | IllegalTransition | None = None
    try:
        load_scenario(path)
    except (ScenarioError, IllegalTransition) as error:
        refusal = error
    if refusal is not None:
        message = str(refusal)
        assert message.startswith(str(path)), message
        assert "\n" not in message
    if isinstance(refusal, IllegalTransition):
        assert message.startswith(f"{path}:")
        assert refusal.citation


@given(st.binary(max_size=3000))
def test_random_bytes_are_refused_cleanly(data: bytes) -> None:
    _load(data)


@st.composite
def mutants(draw: st.DrawFn) -> bytes:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "poke", "truncate"]))
        if action == "delete":
            del lines[where]
        elif action == "duplicate":
            lines.insert(where, lines[where])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[where], lines[other] = lines[other], lines[where]
        elif action == "poke" and lines[where]:
            column = draw(st.integers(0, len(lines[where]) - 1))
            sign = draw(st.sampled_from(YAML_SIGNS))
            lines[where] = lines[where][:column] + sign + lines[where][column + 1 :]
        else:
            lines = lines[:where]
        if not lines:
            break
    return "".join(lines).encode("utf-8", errors="surrogatepass")


@given(mutants())
def test_mutated_real_scenarios_are_refused_cleanly_or_replay(data: bytes) -> None:
    _load(data)

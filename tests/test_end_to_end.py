"""The installed ``sim`` console script, run as a real process on the WeChat scenario.

Each run starts in an empty temporary directory so nothing is written into
the checkout (text output would otherwise draw into ``diagrams/``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SIM = Path(sys.executable).parent / "sim"

pytestmark = pytest.mark.skipif(not SIM.exists(), reason=f"no sim console script at {SIM}")


def sim(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(SIM), *args], cwd=cwd, capture_output=True, timeout=120, check=False)


def test_json_run_is_deterministic(wechat_path: Path, tmp_path: Path) -> None:
    first = sim(tmp_path, "run", str(wechat_path), "--format", "json")
    second = sim(tmp_path, "run", str(wechat_path), "--format", "json")
    assert first.returncode == second.returncode == 0, first.stderr
    assert first.stderr == second.stderr == b""
    assert first.stdout == second.stdout
    document = json.loads(first.stdout)
    assert len(document["events"]) == 26
    assert document["deadlines"][0]["due"] == "2020-11-18"
    assert list(tmp_path.iterdir()) == []


def test_text_run_draws_the_same_diagrams_every_time(wechat_path: Path, tmp_path: Path) -> None:
    outputs = []
    for name in ("first", "second"):
        out = tmp_path / name
        done = sim(tmp_path, "run", str(wechat_path), "--out", str(out))
        assert done.returncode == 0, done.stderr
        assert b"Traceback" not in done.stderr
        assert b"Where the case stands" in done.stdout
        assert b"60 days to appeal, until 2020-11-18" in done.stdout
        files = {path.name: path.read_bytes() for path in sorted(out.glob("*.dot"))}
        assert {"path.dot", "timeline.dot", "outcomes.dot"} <= set(files)
        outputs.append((done.stdout.replace(bytes(out), b"OUT"), files))
    assert outputs[0] == outputs[1]


def test_unusable_input_exits_2_with_one_line(tmp_path: Path) -> None:
    done = sim(tmp_path, "run", "missing.yaml", "--format", "json")
    assert done.returncode == 2
    assert done.stdout == b""
    assert b"Traceback" not in done.stderr
    assert done.stderr.decode().splitlines() == ["sim: missing.yaml: no such file"]

"""Shared fixtures and the Hypothesis profiles of the test suite.

Profiles, chosen by the ``HYPOTHESIS_PROFILE`` environment variable:
``ci`` (the default: 30 examples, derandomized so every run tries the same
cases), ``dev`` (100 examples) and ``nightly`` (2000 examples).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from simulator import Scenario, load_scenario

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}

settings.register_profile("ci", max_examples=30, derandomize=True, **_COMMON)
settings.register_profile("dev", max_examples=100, **_COMMON)
settings.register_profile("nightly", max_examples=2000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO_ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The project's checkout: where ``scenarios/`` lives."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def wechat_path(repo_root: Path) -> Path:
    """The bundled WeChat scenario file."""
    return repo_root / "scenarios" / "wechat.yaml"


@pytest.fixture(scope="session")
def wechat(wechat_path: Path) -> Scenario:
    """The WeChat scenario, loaded and validated (immutable, so shared by every test)."""
    return load_scenario(wechat_path)

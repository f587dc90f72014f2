"""The bundled scenarios: where they live, and a scenario named by its id instead of its path.

The real cases ship in the repository's top-level ``scenarios/`` folder, which
sits beside the package's source (the package is installed editable), so
``sim run wechat`` runs ``scenarios/wechat.yaml`` from any directory. The
``SIM_SCENARIOS`` environment variable points elsewhere: an installed copy,
or a class's own collection. A bundled scenario's id is its file name
without ``.yaml``.

Imports only the error classes: `simulator.scenario` reads every scenario
path through `resolve_scenario`.
"""

from __future__ import annotations

import os
from pathlib import Path

from simulator.errors import ScenarioError

__all__ = ["SCENARIOS_ENV", "bundled_scenarios", "resolve_scenario", "scenarios_dir"]

#: The environment variable naming the folder of bundled scenarios.
SCENARIOS_ENV = "SIM_SCENARIOS"

_SUFFIX = ".yaml"


def scenarios_dir() -> Path | None:
    """The folder of bundled scenarios: ``$SIM_SCENARIOS`` when set, else the
    ``scenarios/`` folder beside the package's source, else none."""
    chosen = os.environ.get(SCENARIOS_ENV)
    if chosen:
        return Path(chosen)
    beside = Path(__file__).parent.parent / "scenarios"
    return beside if beside.is_dir() else None


def bundled_scenarios() -> dict[str, Path]:
    """Every bundled scenario file by its id, sorted by id; empty when there is no folder."""
    folder = scenarios_dir()
    if folder is None or not folder.is_dir():
        return {}
    files = (path for path in folder.glob(f"*{_SUFFIX}") if path.is_file())
    return dict(sorted((path.stem, path) for path in files))


def resolve_scenario(name: str | Path) -> Path:
    """The scenario file ``name`` stands for: itself when it is a file, else the bundled
    scenario with that id.

    Raises `ScenarioError` when ``name`` could only have been an id (no folder,
    no suffix) and there is no such file or bundled scenario. Any other path is
    returned as it is, for the reader to report what is wrong with it.
    """
    path = Path(name)
    there = _on_disk(path)
    if there == "file":
        return path
    bundled = bundled_scenarios()
    found = bundled.get(str(name))
    if found is not None:
        return found
    # A path with a folder or a suffix names a file, so listing the bundled ids would not
    # help; an existing directory is left to the reader to refuse.
    if not there and len(path.parts) == 1 and not path.suffix:
        known = ", ".join(bundled) or "none"
        raise ScenarioError(f"no such file or bundled scenario (known: {known})", path=str(name))
    return path


def _on_disk(path: Path) -> str:
    """What is at ``path``: "file", "other" (a directory, a device) or "" (nothing)."""
    try:
        if path.is_file():
            return "file"
        return "other" if path.exists() else ""
    except OSError:
        # A name the system refuses (too long, say) names nothing; the reader says why.
        return ""

"""Reading an input file (a scenario, a priors file) with one clear error for each way it fails."""

from __future__ import annotations

from pathlib import Path

from simulator.errors import ScenarioError

__all__ = ["read_input"]


def read_input(path: str | Path, error: type[ScenarioError], *, max_bytes: int) -> str:
    """The UTF-8 text of ``path``; any problem raised as ``error`` naming the file."""
    name = str(path)
    file = Path(path)
    try:
        if file.is_dir():
            raise error("is a directory, not a file", path=name)
        size = file.stat().st_size
        if size > max_bytes:
            raise error(f"the file is too large ({size} bytes)", path=name)
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error("no such file", path=name) from None
    except UnicodeDecodeError as problem:
        raise error(f"not UTF-8 text ({problem.reason})", path=name) from None
    except OSError as problem:
        raise error(f"cannot read the file: {problem.strerror}", path=name) from None

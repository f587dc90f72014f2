"""Reading an input file (a scenario, a priors file) with one clear error for each way it fails."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from simulator.errors import ScenarioError

__all__ = ["read_input"]


def read_input(path: str | Path, error: type[ScenarioError], *, max_bytes: int) -> str:
    """The UTF-8 text of ``path``; any problem raised as ``error`` naming the file.

    At most ``max_bytes`` are accepted, counted as they are read: a pipe, ``/dev/stdin`` or
    ``/dev/zero`` has no size to ask for beforehand, so nothing past the limit is read.
    Line breaks come back as ``\\n``, whatever the file used.
    """
    name = str(path)
    file = Path(path)
    try:
        if file.is_dir():
            raise error("is a directory, not a file", path=name)
        with file.open("rb") as stream:
            size = _regular_size(stream.fileno())
            if size is not None and size > max_bytes:
                raise error(f"the file is too large ({size} bytes)", path=name)
            data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise error(f"the input is too large (more than {max_bytes:,} bytes)", path=name)
        return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except FileNotFoundError:
        raise error("no such file", path=name) from None
    except UnicodeDecodeError as problem:
        raise error(f"not UTF-8 text ({problem.reason})", path=name) from None
    except OSError as problem:
        raise error(f"cannot read the file: {problem.strerror or problem}", path=name) from None


def _regular_size(descriptor: int) -> int | None:
    """The size of a regular file; None for a pipe or a device, whose size means nothing."""
    status = os.fstat(descriptor)
    return status.st_size if stat.S_ISREG(status.st_mode) else None

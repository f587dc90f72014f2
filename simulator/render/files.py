"""The I/O shell of the diagrams: write each graph as DOT, and as SVG when Graphviz is there.

Every file is written atomically (a temporary file in the same directory, then
`os.replace`), so an interrupted run leaves the old file or the new one, never
half of one; a device or a FIFO given as the output is written through, never
replaced. SVG comes from Graphviz's own ``dot``, which is deterministic: the
same DOT gives the same bytes, so rendered diagrams can be committed and
checked for staleness.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs
import graphviz

from simulator.errors import SimulatorError

__all__ = [
    "FORMATS",
    "INSTALL_HINT",
    "RenderError",
    "RenderResult",
    "render",
    "write_atomically",
    "write_diagrams",
]

INSTALL_HINT = (
    "Graphviz's dot was not found: install it (Debian/Ubuntu: sudo apt-get install graphviz) "
    "to get SVG diagrams"
)

_NAME = re.compile(r"^[A-Za-z0-9_-]+$")

#: The formats a diagram can be written in: the DOT source itself, or what ``dot`` renders.
FORMATS = ("svg", "png", "pdf", "dot")


class RenderError(SimulatorError):
    """Graphviz's ``dot`` refused a diagram (a bug in the renderer, not in the case)."""


@attrs.frozen
class RenderResult:
    """The files written, in order, and whether SVG was skipped for want of ``dot``."""

    written: tuple[Path, ...]
    missing_dot: bool


def _source(graph: graphviz.Digraph) -> str:
    """The DOT text of ``graph`` (typed: graphviz ships no type hints)."""
    source: str = graph.source
    return source


def _run_dot(dot: str, source: str, fmt: str) -> bytes:
    """``source`` rendered to ``fmt`` by the ``dot`` program at path ``dot``."""
    try:
        done = subprocess.run(
            [dot, f"-T{fmt}"], input=source.encode("utf-8"), capture_output=True, check=True
        )
    except subprocess.CalledProcessError as error:
        detail = " ".join(error.stderr.decode("utf-8", "replace").split())
        raise RenderError(f"Graphviz's dot could not render a diagram: {detail}") from None
    return done.stdout


def render(graph: graphviz.Digraph, fmt: str) -> bytes:
    """``graph`` as bytes in ``fmt`` (one of `FORMATS`); raises `RenderError` without ``dot``."""
    if fmt not in FORMATS:
        raise ValueError(f"a diagram format is one of {', '.join(FORMATS)}, not {fmt!r}")
    source = _source(graph)
    if fmt == "dot":
        return source.encode("utf-8")
    dot = shutil.which("dot")
    if dot is None:
        raise RenderError(INSTALL_HINT)
    return _run_dot(dot, source, fmt)


def write_atomically(path: Path, data: bytes | Iterable[bytes]) -> Path:
    """Write ``data`` (bytes, or chunks of them as they are made) to ``path`` through a
    temporary sibling, so no reader sees half a file, and a failure half-way (a chunk that
    cannot be made, a full disk) leaves the old file as it was and nothing beside it.

    Only a regular file (or a new one) is replaced so: a device, a FIFO or a socket that is
    already there (``/dev/null``, ``/dev/stdout``, a named pipe) is written through, never
    replaced by a file, and a directory is refused. A symbolic link stays a link: the file
    it points to is the one replaced.
    """
    chunks = [data] if isinstance(data, bytes) else data
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory, not a file", str(path))
    if mode is not None and not stat.S_ISREG(mode):
        _write_through(path, chunks)
        return path
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.writelines(chunks)
        # mkstemp makes the file private (0600); diagrams are meant to be shared.
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _write_through(path: Path, chunks: Iterable[bytes]) -> None:
    """Write ``chunks`` into the special file at ``path`` as they are (no truncating, no
    creating)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "wb") as file:
            file.writelines(chunks)
    except OSError as error:
        # Named, so the one line the user sees says which output failed (/dev/full: no space).
        raise OSError(error.errno, error.strerror, str(path)) from None


def write_diagrams(graphs: Mapping[str, graphviz.Digraph], out_dir: Path) -> RenderResult:
    """Write ``<name>.dot`` for each graph, and ``<name>.svg`` when ``dot`` is on PATH.

    ``out_dir`` is created if needed. A name must be a plain file stem
    (letters, digits, ``_``, ``-``), so it cannot point outside ``out_dir``.
    """
    for name in graphs:
        if not _NAME.match(name):
            raise ValueError(f"a diagram name must be a plain file stem, not {name!r}")
    if out_dir.exists() and not out_dir.is_dir():
        raise NotADirectoryError(
            errno.ENOTDIR, "not a directory, so no diagrams written", str(out_dir)
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    dot = shutil.which("dot")
    written: list[Path] = []
    for name, graph in graphs.items():
        source = _source(graph)
        written.append(write_atomically(out_dir / f"{name}.dot", source.encode("utf-8")))
        if dot is not None:
            written.append(write_atomically(out_dir / f"{name}.svg", _run_dot(dot, source, "svg")))
    return RenderResult(tuple(written), missing_dot=dot is None)

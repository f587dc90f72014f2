"""Durable files: appending with one write and fsync, undoing a failed one, reading whole lines.

The JSON Lines store's contact with the disk, kept in one place so its promises
are easy to check: a batch is written with `os.write` (looping only if the
kernel takes less) and `os.fsync`; if either fails, the file is cut back to its
old length; a new file's directory entry is synced too; and a reader takes only
complete lines, noting a partial last line (an append that never finished,
never committed) without reading it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from simulator.store.errors import CorruptStore, StoreError

__all__ = ["Lines", "cut_back", "open_for_append", "write_all"]

#: How much of the file a reader holds at once: its memory does not grow with the file.
CHUNK = 1 << 18


class Lines:
    """A file's complete lines from byte ``start`` (line ``first``), a chunk at a time.

    Iterating gives ``(number of the chunk's first line, its lines)``. Afterwards
    ``torn`` is the number of a partial last line, if the file ends in one (an
    append interrupted before its newline), and ``end`` the byte offset just
    after the last complete line.
    """

    def __init__(self, path: str, *, start: int = 0, first: int = 1) -> None:
        self.path, self.start, self.first = path, start, first
        self.torn: int | None = None
        self.end = start

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        try:
            file = open(self.path, "rb")  # noqa: SIM115 (closed in finally, as a generator must)
        except FileNotFoundError:
            return
        except OSError as error:
            message = f"cannot read the store: {error.strerror}"
            raise StoreError(message, path=self.path) from None
        try:
            file.seek(self.start)
            rest, number = b"", self.first
            while block := file.read(CHUNK):
                block = rest + block
                cut = block.rfind(b"\n") + 1
                rest = block[cut:]
                if cut:
                    lines = _decoded(block[:cut], self.path, number).split("\n")
                    lines.pop()
                    self.end += cut
                    yield number, lines
                    number += len(lines)
            self.torn = number if rest else None
        finally:
            file.close()


def _decoded(block: bytes, path: str, first: int) -> str:
    try:
        return block.decode("utf-8")
    except UnicodeDecodeError as error:
        line = first + block.count(b"\n", 0, error.start)
        raise CorruptStore("not UTF-8 text", path=path, line=line) from None


def open_for_append(path: str, *, readable: bool = False) -> int:
    existed = os.path.exists(path)
    mode = os.O_RDWR if readable else os.O_WRONLY
    try:
        fd = os.open(path, mode | os.O_APPEND | os.O_CREAT, 0o644)
    except OSError as error:
        raise StoreError(f"cannot open the store to append: {error.strerror}", path=path) from None
    if not existed:
        # The new file's name must survive a crash too.
        _fsync_directory(os.path.dirname(os.path.abspath(path)))
    return fd


def _fsync_directory(directory: str) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes, path: str) -> None:
    """Write and fsync ``data``; a failure is a one-line `StoreError`."""
    view = memoryview(data)
    try:
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except OSError as error:
        reason = error.strerror or str(error)
        raise StoreError(f"cannot write to the store: {reason}", path=path) from None


def cut_back(fd: int, size: int) -> None:
    """Undo a failed append: the file back to its length before it."""
    with contextlib.suppress(OSError):
        os.ftruncate(fd, size)
        os.fsync(fd)

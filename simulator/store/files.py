"""Durable files: appending with one write and fsync, undoing a failed one, reading whole lines.

The JSON Lines store's contact with the disk, kept in one place so its promises
are easy to check: a batch is written with `os.write` (looping only if the
kernel takes less) and `os.fsync`; if either fails, the file is cut back to its
old length; a new file's directory entry is synced too; and a reader yields
only complete lines, calling a partial last line torn only once no writer
holds the lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator

from simulator.store.errors import CorruptStore, StoreError, TornWrite

__all__ = ["complete_lines", "cut_back", "open_for_append", "write_all"]

#: How much of the file a reader holds at once: its memory does not grow with the file.
CHUNK = 1 << 18


def complete_lines(
    path: str, *, start: int = 0, first: int = 1, writer_lock: str | None
) -> Iterator[tuple[int, list[str]]]:
    """The file's complete lines from byte ``start`` (line ``first``), a chunk at a time.

    A last line without its newline is torn, unless a writer is still writing it:
    with ``writer_lock``, the reader first waits for that lock and reads on.
    """
    try:
        file = open(path, "rb")  # noqa: SIM115 (closed in finally, as a generator must)
    except FileNotFoundError:
        return
    except OSError as error:
        raise StoreError(f"cannot read the store: {error.strerror}", path=path) from None
    waited: int | None = None
    settled = writer_lock is None
    try:
        file.seek(start)
        rest, number = b"", first
        while True:
            block = file.read(CHUNK)
            if not block:
                if not rest or settled:
                    break
                settled, waited = True, _wait_for_writer(writer_lock or "")
                continue
            block = rest + block
            cut = block.rfind(b"\n") + 1
            rest = block[cut:]
            if cut:
                lines = _decoded(block[:cut], path, number).split("\n")
                lines.pop()
                yield number, lines
                number += len(lines)
        if rest:
            raise TornWrite(
                "the last line is torn (an append was interrupted): every record before "
                "it is intact; remove the partial line to append again",
                path=path,
                line=number,
            )
    finally:
        if waited is not None:
            os.close(waited)
        file.close()


def _decoded(block: bytes, path: str, first: int) -> str:
    try:
        return block.decode("utf-8")
    except UnicodeDecodeError as error:
        line = first + block.count(b"\n", 0, error.start)
        raise CorruptStore("not UTF-8 text", path=path, line=line) from None


def open_for_append(path: str) -> int:
    existed = os.path.exists(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
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


def _wait_for_writer(lock_path: str) -> int | None:
    """Wait until no writer holds the lock (a line being written is not torn); the lock's fd."""
    try:
        fd = os.open(lock_path, os.O_RDONLY)
    except OSError:
        return None  # nobody ever wrote through a lock: a partial line is torn
    fcntl.flock(fd, fcntl.LOCK_SH)
    return fd

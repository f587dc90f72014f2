"""The event store's errors: one family under `SimulatorError`, each a single line.

`StoreError` is a store that cannot be used as asked (a bad path, a full disk,
a file that is not a store); its children name the two things a log can suffer
that a user must hear about: another writer got there first
(`ConcurrencyError`), and a log damaged after it was written (`TornWrite`,
`CorruptStore`). ``line`` locates the damage in a JSON Lines file.
"""

from __future__ import annotations

from simulator.errors import SimulatorError

__all__ = ["ConcurrencyError", "CorruptStore", "StoreError", "TornWrite"]


class StoreError(SimulatorError):
    """A store cannot be opened, read or written as asked."""

    def __init__(self, message: str, *, path: str = "", line: int | None = None) -> None:
        self.path = path
        self.line = line
        # One line, always: the CLI promises a single line of error on stderr.
        self.detail = " ".join(message.split())
        where = f"{path}:{line}: " if path and line is not None else f"{path}: " if path else ""
        super().__init__(f"{where}{self.detail}")


class ConcurrencyError(StoreError):
    """An append expected the stream at one version and found it at another.

    Nothing was written: read the stream again, decide again, and retry.
    """


class CorruptStore(StoreError):
    """A record that cannot be what this store wrote: unparsable, out of order, malformed."""


class TornWrite(CorruptStore):
    """The log ends in the middle of a line: an append was interrupted (a crash, a kill).

    Since records come in committed batches (schema 3), a torn end is the remains of a
    batch never committed, which readers skip and the next append removes: no reader
    raises this any more; it stays for programs that catch it.
    """

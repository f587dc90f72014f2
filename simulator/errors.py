"""The simulator's exceptions: one family, so callers can catch `SimulatorError`.

Two kinds of failure matter to a user and get different exit codes in the CLI:
input that cannot be used at all (`ScenarioError`, exit 2) and a history that
breaks the law the model encodes (`IllegalTransition`, exit 1).
"""

from __future__ import annotations

__all__ = ["IllegalTransition", "ModelError", "ScenarioError", "SimulatorError"]


class SimulatorError(Exception):
    """Base class of every error the simulator raises on purpose."""


class ScenarioError(SimulatorError, ValueError):
    """A scenario file cannot be read: missing, malformed, or not the expected shape.

    The message starts with ``path:line:`` when the line is known, so editors
    and terminals can jump to it.
    """

    def __init__(self, message: str, *, path: str = "", line: int | None = None) -> None:
        self.path = path
        self.line = line
        # One line, always: the CLI promises a single line of error on stderr.
        self.detail = " ".join(message.split())
        super().__init__(self._format())

    def _format(self) -> str:
        if self.path and self.line is not None:
            return f"{self.path}:{self.line}: {self.detail}"
        if self.path:
            return f"{self.path}: {self.detail}"
        return self.detail


class IllegalTransition(SimulatorError):
    """A proposed step that the process model does not allow.

    ``citation`` names the rule of law that forbids (or fails to allow) the step;
    ``reason`` says why in plain English. ``index`` is the 0-based position of
    the step in the history being replayed, when there is one; ``path`` and
    ``line`` locate it in a scenario file, when it came from one.
    """

    def __init__(
        self,
        reason: str,
        *,
        citation: str,
        index: int | None = None,
        path: str = "",
        line: int | None = None,
        step: str = "",
    ) -> None:
        self.reason = reason
        self.citation = citation
        self.index = index
        self.path = path
        self.line = line
        self.step = step
        super().__init__(self._format())

    def _format(self) -> str:
        where = f"{self.path}:{self.line}: " if self.path and self.line is not None else ""
        what = ""
        if self.index is not None:
            step = f" ({self.step})" if self.step else ""
            what = f"step {self.index + 1}{step} is not allowed: "
        return f"{where}{what}{self.reason} [{self.citation}]"

    def at(self, index: int) -> IllegalTransition:
        """The same refusal, located at step ``index`` of a history."""
        return IllegalTransition(self.reason, citation=self.citation, index=index)

    def located(self, path: str, line: int, event: object) -> IllegalTransition:
        """The same refusal, located at a line of a scenario file."""
        step = f"{getattr(event, 'type', '?')} on {getattr(event, 'date', '?')}"
        return IllegalTransition(
            self.reason, citation=self.citation, index=self.index, path=path, line=line, step=step
        )


class ModelError(SimulatorError):
    """The process model itself is inconsistent (a definition error, caught at load)."""

"""What every `sim` command shares: exit codes, one-line errors, and reading a point in a case.

Kept apart from `simulator.cli` so that commands defined beside their subject
(the renderers, the event store, the explorer) can use it without importing
the whole command line. Imports only click, the error classes and `simulator.printable`.
"""

from __future__ import annotations

import datetime
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn, TypeVar

import click

from simulator.errors import IllegalTransition, SimulatorError
from simulator.printable import printable_line

__all__ = [
    "EXIT_ILLEGAL",
    "EXIT_UNUSABLE",
    "OneLineCommand",
    "fail",
    "format_option",
    "one_line_main",
    "reported",
    "step_or_date",
]

#: The case or check failed: a step the law does not allow, an invariant broken.
EXIT_ILLEGAL = 1
#: Bad usage or input that cannot be used.
EXIT_UNUSABLE = 2


_Command = TypeVar("_Command", bound=Callable[..., Any])

#: A step count: ASCII digits only (``str.isdigit`` also takes "²" and other scripts' digits).
_STEPS = re.compile(r"[0-9]+")
#: Digits a step count may have: no case has a billion steps.
_MOST_DIGITS = 9


def format_option(
    help_text: str = "Text for people, or one JSON object for programs.",
) -> Callable[[_Command], _Command]:
    """The ``--format text|json`` option every reporting command takes (as ``fmt``)."""
    option: Callable[[_Command], _Command] = click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help=help_text,
    )
    return option


def fail(message: str, code: int) -> NoReturn:
    """Say ``message`` on one line of stderr and exit with ``code``; any control character
    in it (from a file name or a scenario's text) is shown as an escape, not obeyed."""
    click.echo(f"sim: {printable_line(message)}", err=True)
    sys.exit(code)


def one_line_main(
    main: Callable[..., Any],
    args: Sequence[str] | None,
    prog_name: str | None,
    complete_var: str | None,
    standalone_mode: bool,
    **extra: Any,
) -> Any:
    """Run a click command's ``main`` with its usage errors said on one line (click prints
    four: the usage, a hint, a blank line and the error), like every other error of `sim`.

    ``main`` is the command class's own ``click.Command.main``; outside standalone mode (a
    caller that handles click's exceptions itself) it runs unchanged.
    """
    if not standalone_mode:
        return main(args, prog_name, complete_var, False, **extra)
    try:
        code = main(args, prog_name, complete_var, False, **extra)
    except click.ClickException as error:
        fail(_one_line(error), error.exit_code)
    except click.Abort:
        fail("aborted", EXIT_ILLEGAL)
    sys.exit(code if isinstance(code, int) else 0)


def _one_line(error: click.ClickException) -> str:
    """A click error on one line, with where to find help when it is about usage."""
    message = " ".join(error.format_message().split())
    context = getattr(error, "ctx", None)
    if isinstance(error, click.UsageError) and context is not None:
        names = context.command.get_help_option_names(context)
        if context.command.get_help_option(context) is not None and names:
            stop = "" if message.endswith((".", "?", "!")) else "."
            message += f"{stop} Try '{context.command_path} {max(names, key=len)}' for help."
    return message


class OneLineCommand(click.Command):
    """A command run on its own (``python -m simulator.render``), not under `sim`, whose
    usage errors are one line and exit 2 all the same."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        return one_line_main(super().main, args, prog_name, complete_var, standalone_mode, **extra)


@contextmanager
def reported() -> Iterator[None]:
    """Turn the simulator's errors into one line on stderr and the documented exit code."""
    try:
        yield
    except IllegalTransition as refusal:
        fail(str(refusal), EXIT_ILLEGAL)
    except SimulatorError as error:
        fail(str(error), EXIT_UNUSABLE)
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        fail(f"{where}{error.strerror or error}", EXIT_UNUSABLE)


def step_or_date(value: str | None, option: str) -> int | datetime.date | None:
    """A point in a case given on the command line: a step count, or a date as YYYY-MM-DD."""
    if value is None:
        return None
    shown = repr(value) if len(value) <= 40 else f"{value[:36]!r}..."
    if _STEPS.fullmatch(value):
        if len(value.lstrip("0")) > _MOST_DIGITS:
            raise click.BadParameter(
                f"{shown} is too large a step number ({len(value)} digits; a case has far "
                "fewer steps)",
                param_hint=option,
            )
        return int(value)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{shown} is neither a step number nor a date as YYYY-MM-DD", param_hint=option
        ) from None

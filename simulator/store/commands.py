"""The store's commands: ``sim record``, ``sim replay``, ``sim verify``, ``sim export``.

Thin click commands over `simulator.store` (no legal logic here). Exit codes as
for every ``sim`` command: 0 success; 1 the check failed (a step the law does
not allow; a tampered, reordered or torn store for ``verify``); 2 bad usage or
a store or file that cannot be used. Errors are one line on stderr. The store
is imported inside the commands, so ``sim`` starts as fast without them.

Reading commands check the hash chain of what they read (and, given a key, its
seal); ``--trust`` skips that for a store verified just before, and says so.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from simulator.printable import json_printable, printable, printable_line
from simulator.shell import EXIT_ILLEGAL, format_option, step_or_date
from simulator.shell import fail as _fail
from simulator.shell import reported as _reported

if TYPE_CHECKING:
    from simulator.events import Event
    from simulator.scenario import Scenario
    from simulator.store.base import EventStore, StreamHeader

__all__ = ["export", "record", "replay", "verify"]

_STORE_SUFFIXES = (".jsonl", ".sqlite", ".db")


_stream_option = click.option("--stream", metavar="ID", help="The stream (case id) to use.")
_key_option = click.option(
    "--key-file",
    metavar="FILE",
    help="The key that seals the store (default: $SIM_STORE_KEY; none: not sealed).",
)
_trust_option = click.option(
    "--trust",
    is_flag=True,
    help="Do not check the hash chain (for a store verified just before); says so on stderr.",
)


@click.command()
@click.argument("source", metavar="SCENARIO")
@click.option(
    "--store",
    "store_path",
    required=True,
    metavar="PATH",
    help="The store: a .jsonl file, or .sqlite/.db for SQLite (created if missing).",
)
@click.option(
    "--snapshot-every",
    default=1000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Keep a snapshot of the state every N events.",
)
@_key_option
def record(source: str, store_path: str, snapshot_every: int, key_file: str | None) -> None:
    """Check SCENARIO and append its events to the store, in the stream named by its id.

    Recording the same scenario again changes nothing. SCENARIO may also be a
    store (.jsonl, .sqlite, .db): its streams are copied record for record.
    With a key, what is written is sealed.
    """
    with _reported():
        from simulator.scenario import load_scenario
        from simulator.store import open_store
        from simulator.store.keys import load_key

        key = load_key(key_file)
        # The scenario is checked before the store is touched: nothing is created for a bad one.
        scenario = None if source.endswith(_STORE_SUFFIXES) else load_scenario(source)
        with open_store(store_path, create=True, key=key) as store:
            if scenario is None:
                lines, streams = _copy_streams(source, store)
            else:
                lines, streams = [_record_scenario(scenario, store)], [scenario.id]
            # The events are committed now: what follows is a cache, and says so if it fails.
            for line in lines:
                click.echo(printable_line(line))
            _snapshots(store, streams, snapshot_every)


def _snapshots(store: EventStore, streams: list[str], every: int) -> None:
    from simulator.store import StoreError
    from simulator.store.replay import save_snapshots

    try:
        for stream in streams:
            save_snapshots(store, stream, every=every)
    except StoreError as error:
        click.echo(
            f"sim: warning: the events are recorded, but no snapshot was kept ({error.detail}); "
            "snapshots only save time, and a replay works without them",
            err=True,
        )


def _record_scenario(scenario: Scenario, store: EventStore) -> str:
    from simulator.store.scenarios import metadata_of

    done = store.append_counted(
        scenario.id, scenario.events, expected_version=0, header=metadata_of(scenario)
    )
    if not done.written:
        return f"{scenario.id}: already recorded in {store.path} ({done.version} events), unchanged"
    return f"{scenario.id}: {done.written} events recorded in {store.path} (version {done.version})"


def _copy_streams(source: str, store: EventStore) -> tuple[list[str], list[str]]:
    from simulator.store import StoreError, open_store
    from simulator.store.verify import verify as check

    lines = []
    with open_store(source, readonly=True) as origin:
        if store.key is not None and origin.seals():
            origin.key = store.key  # a sealed origin is checked with the key it was sealed with
        report = check(origin)
        if report.problem is not None:
            problem = report.problem.describe(origin.path)
            raise StoreError(f"will not copy a damaged store: {problem}")
        streams = origin.streams()
        for stream in streams:
            done = store.copy_counted(origin, stream)
            lines.append(
                f"{stream}: {done.written} of {done.version} events copied to {store.path}"
            )
    return lines, streams


def _read(
    store: EventStore, stream: str, trust: bool
) -> tuple[StreamHeader | None, Iterator[Event] | list[Event], str | None]:
    """A stream's header, events and head hash: checked, or (``trust``) read as they are."""
    from simulator.store.verify import checked_stream

    if trust:
        click.echo(
            printable_line(f"sim: note: {store.path}: the hash chain was not checked (--trust)"),
            err=True,
        )
        return store.header(stream), store.events(stream), None
    return checked_stream(store, stream)


@click.command()
@click.argument("path", metavar="PATH")
@_stream_option
@click.option("--until", "until", metavar="DATE|N", help="Stop after step N, or after DATE.")
@format_option("A narrative for people, or one JSON object for programs (as `sim run`).")
@_trust_option
@_key_option
def replay(
    path: str, stream: str | None, until: str | None, fmt: str, trust: bool, key_file: str | None
) -> None:
    """Tell the case recorded in the store at PATH, exactly as `sim run` tells its scenario.

    The hash chain of what is read is checked first (and its seal, with a key).
    """
    stop = step_or_date(until, "--until")
    with _reported():
        from simulator.decider import prefix
        from simulator.projections.deadlines import deadlines
        from simulator.projections.outcome import outcome
        from simulator.store import open_store
        from simulator.store.keys import load_key
        from simulator.store.scenarios import pick_stream, scenario_from, trace_recorded

        with open_store(path, key=load_key(key_file), readonly=True) as store:
            name = pick_stream(store, stream)
            header, events, _head = _read(store, name, trust)
            case = scenario_from(store.path, name, header, prefix(events, stop))
            complete = len(case.events) == store.version(name)
        steps = trace_recorded(case)
        result, records = outcome(steps), deadlines(steps)
        if fmt == "json":
            from simulator.projections.document import case_document

            document = case_document(case, steps, result, records)
            click.echo(json_printable(json.dumps(document, indent=2, ensure_ascii=False)))
        else:
            from simulator.projections.narrative import narrate

            told = narrate(case, steps, result, records, complete=complete)
            click.echo(printable(told), nl=False)


@click.command()
@click.argument("path", metavar="PATH")
@_stream_option
@_key_option
def verify(path: str, stream: str | None, key_file: str | None) -> None:
    """Check the store at PATH: hash chain, order, snapshots, and every event against the law.

    With a key, every stream's seal too. Exits 0 when it is intact, 1 naming the
    first tampered, reordered or torn record.
    """
    with _reported():
        from simulator.store import open_store
        from simulator.store.keys import ENVIRONMENT, load_key
        from simulator.store.verify import verify as check

        with open_store(path, key=load_key(key_file), readonly=True) as store:
            report = check(store, stream)
    if report.problem is not None:
        _fail(report.problem.describe(path), EXIT_ILLEGAL)
    count = len(report.streams)
    sealed = ", seals checked" if report.seals_checked else ""
    click.echo(
        printable_line(
            f"{path}: intact: {count} stream{'s' * (count != 1)}, {report.events} events, "
            f"hash chain and law checked{sealed}"
        )
    )
    for summary in report.streams:
        click.echo(
            printable_line(f"  {summary.stream}: {summary.events} events, head {summary.head}")
        )
    if report.legacy:
        click.echo(
            f"  {report.legacy} records of an older schema were never sealed by a hash; "
            "`sim export --format jsonl` writes them sealed"
        )
    if report.sealed and not report.seals_checked:
        click.echo(
            f"  {report.sealed} of {count} streams are sealed; the seals were not checked "
            f"(give the key: --key-file FILE or ${ENVIRONMENT})"
        )
    if report.uncommitted:
        click.echo(f"  {report.uncommitted}")


@click.command()
@click.argument("path", metavar="PATH")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "jsonl"]),
    required=True,
    help="yaml: a scenario file `sim run` accepts; jsonl: a JSON Lines store (sealed).",
)
@_stream_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE instead of standard output.",
)
@_trust_option
@_key_option
def export(
    path: str, fmt: str, stream: str | None, out: Path | None, trust: bool, key_file: str | None
) -> None:
    """Write the store at PATH back out: as a scenario (one stream) or as JSON Lines.

    A scenario names, in a comment, the head hash of the stream it came from.
    The jsonl format checks every record's chain as it writes (sealing the copy
    with a key); yaml checks it first, unless --trust.
    """
    with _reported():
        from simulator.store import open_store
        from simulator.store.keys import load_key

        with open_store(path, key=load_key(key_file), readonly=True) as store:
            chunks = _yaml(store, stream, trust) if fmt == "yaml" else _jsonl(store, stream)
            if out is None:
                for chunk in chunks:
                    click.echo(chunk, nl=False)
            else:
                from simulator.render.files import write_atomically

                # A regular file is replaced whole, and only once every chunk is made (a
                # damaged record found half-way leaves it as it was); a device or a FIFO
                # (/dev/null, a named pipe) is written through; a directory is refused.
                write_atomically(out, (chunk.encode("utf-8") for chunk in chunks))


def _yaml(store: EventStore, stream: str | None, trust: bool) -> Iterator[str]:
    from simulator.store.scenarios import pick_stream, scenario_from, scenario_yaml

    name = pick_stream(store, stream)
    header, events, head = _read(store, name, trust)
    case = scenario_from(store.path, name, header, events)
    if head is None:
        provenance = f"From stream {name!r} of an event store; its hash chain was not checked."
    else:
        provenance = (
            f"From stream {name!r} of an event store, {len(case.events)} events, "
            f"hash chain checked, head {head}"
        )
    yield scenario_yaml(case, provenance=provenance)


def _jsonl(store: EventStore, stream: str | None) -> Iterator[str]:
    from simulator.store.codec import encode, encode_commit
    from simulator.store.scenarios import pick_stream
    from simulator.store.verify import checked_stream
    from simulator.store.writing import committed, seal

    names = [pick_stream(store, stream)] if stream is not None else store.streams()
    sealed = store.seals() if store.key is not None else {}
    for name in names:
        if name in sealed:
            checked_stream(store, name)  # its seal too: a copy must not launder a forged one
        records = seal(store.header(name), store.read(name), path=store.path)
        for batch, commit in committed(records, seal=store.seal_for):
            yield "".join(f"{encode(pending)}\n" for pending in batch)
            yield encode_commit(commit) + "\n"

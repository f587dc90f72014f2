"""The store's commands: ``sim record``, ``sim replay``, ``sim verify``, ``sim export``.

Thin click commands over `simulator.store` (no legal logic here). Exit codes as
for every ``sim`` command: 0 success; 1 the check failed (a step the law does
not allow; a tampered, reordered or torn store for ``verify``); 2 bad usage or
a store or file that cannot be used. Errors are one line on stderr. The store
is imported inside the commands, so ``sim`` starts as fast without them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from simulator.shell import EXIT_ILLEGAL, format_option, step_or_date
from simulator.shell import fail as _fail
from simulator.shell import reported as _reported

if TYPE_CHECKING:
    from simulator.scenario import Scenario
    from simulator.store.base import EventStore

__all__ = ["export", "record", "replay", "verify"]

_STORE_SUFFIXES = (".jsonl", ".sqlite", ".db")


_stream_option = click.option("--stream", metavar="ID", help="The stream (case id) to use.")


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
def record(source: str, store_path: str, snapshot_every: int) -> None:
    """Check SCENARIO and append its events to the store, in the stream named by its id.

    Recording the same scenario again changes nothing. SCENARIO may also be a
    store (.jsonl, .sqlite, .db): its streams are copied record for record.
    """
    with _reported():
        from simulator.scenario import load_scenario
        from simulator.store import open_store
        from simulator.store.replay import save_snapshots

        # The scenario is checked before the store is touched: nothing is created for a bad one.
        scenario = None if source.endswith(_STORE_SUFFIXES) else load_scenario(source)
        with open_store(store_path, create=True) as store:
            if scenario is None:
                lines = _copy_streams(source, store)
            else:
                lines = [_record_scenario(scenario, store)]
            for stream in store.streams():
                save_snapshots(store, stream, every=snapshot_every)
        for line in lines:
            click.echo(line)


def _record_scenario(scenario: Scenario, store: EventStore) -> str:
    from simulator.store.scenarios import metadata_of

    before = store.version(scenario.id)
    version = store.append(
        scenario.id, scenario.events, expected_version=0, header=metadata_of(scenario)
    )
    if version == before:
        return f"{scenario.id}: already recorded in {store.path} ({version} events), unchanged"
    return f"{scenario.id}: {version - before} events recorded in {store.path} (version {version})"


def _copy_streams(source: str, store: EventStore) -> list[str]:
    from simulator.store import StoreError, open_store
    from simulator.store.verify import verify as check

    lines = []
    with open_store(source) as origin:
        report = check(origin)
        if report.problem is not None:
            problem = report.problem.describe(origin.path)
            raise StoreError(f"will not copy a damaged store: {problem}")
        for stream in origin.streams():
            before = store.version(stream)
            version = store.copy_stream(origin, stream)
            lines.append(f"{stream}: {version - before} of {version} events copied to {store.path}")
    return lines


@click.command()
@click.argument("path", metavar="PATH")
@_stream_option
@click.option("--until", "until", metavar="DATE|N", help="Stop after step N, or after DATE.")
@format_option("A narrative for people, or one JSON object for programs (as `sim run`).")
def replay(path: str, stream: str | None, until: str | None, fmt: str) -> None:
    """Tell the case recorded in the store at PATH, exactly as `sim run` tells its scenario."""
    stop = step_or_date(until, "--until")
    with _reported():
        from simulator.decider import prefix
        from simulator.projections.deadlines import deadlines
        from simulator.projections.outcome import outcome
        from simulator.store import open_store
        from simulator.store.scenarios import pick_stream, scenario_of, trace_recorded

        with open_store(path) as store:
            name = pick_stream(store, stream)
            case = scenario_of(store, name, prefix(store.events(name), stop))
            complete = len(case.events) == store.version(name)
        steps = trace_recorded(case)
        result, records = outcome(steps), deadlines(steps)
        if fmt == "json":
            from simulator.projections.document import case_document

            document = case_document(case, steps, result, records)
            click.echo(json.dumps(document, indent=2, ensure_ascii=False))
        else:
            from simulator.projections.narrative import narrate

            click.echo(narrate(case, steps, result, records, complete=complete), nl=False)


@click.command()
@click.argument("path", metavar="PATH")
@_stream_option
def verify(path: str, stream: str | None) -> None:
    """Check the store at PATH: hash chain, order, and every event against the law.

    Exits 0 when it is intact, 1 naming the first tampered, reordered or torn record.
    """
    with _reported():
        from simulator.store import open_store
        from simulator.store.verify import verify as check

        with open_store(path) as store:
            report = check(store, stream)
    if report.problem is not None:
        _fail(report.problem.describe(path), EXIT_ILLEGAL)
    count = len(report.streams)
    click.echo(
        f"{path}: intact: {count} stream{'s' * (count != 1)}, {report.events} events, "
        "hash chain and law checked"
    )
    for summary in report.streams:
        click.echo(f"  {summary.stream}: {summary.events} events, head {summary.head}")
    if report.legacy:
        click.echo(
            f"  {report.legacy} records of an older schema were never sealed by a hash; "
            "`sim export --format jsonl` writes them sealed"
        )


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
def export(path: str, fmt: str, stream: str | None, out: Path | None) -> None:
    """Write the store at PATH back out: as a scenario (one stream) or as JSON Lines."""
    with _reported():
        from simulator.store import open_store

        with open_store(path) as store:
            chunks = _yaml(store, stream) if fmt == "yaml" else _jsonl(store, stream)
            if out is None:
                for chunk in chunks:
                    click.echo(chunk, nl=False)
            else:
                # Into a neighbour first: a failure half-way leaves no half a file behind.
                partial = out.with_name(f"{out.name}.partial")
                with partial.open("w", encoding="utf-8", newline="\n") as file:
                    file.writelines(chunks)
                partial.replace(out)


def _yaml(store: EventStore, stream: str | None) -> Iterator[str]:
    from simulator.store.scenarios import pick_stream, scenario_of, scenario_yaml

    yield scenario_yaml(scenario_of(store, pick_stream(store, stream)))


def _jsonl(store: EventStore, stream: str | None) -> Iterator[str]:
    from simulator.store.codec import encode
    from simulator.store.scenarios import pick_stream
    from simulator.store.writing import seal

    names = [pick_stream(store, stream)] if stream is not None else store.streams()
    for name in names:
        for pending in seal(store.header(name), store.read(name), path=store.path):
            yield encode(pending) + "\n"

"""Maintain the ready-made lessons and the catalogs, from the checkout.

``python -m simulator.lesson --all`` writes every bundled case's lesson in every language
into ``lessons/<scenario id>/<lang>/`` (a test fails when they are stale);
``python -m simulator.lesson --catalogs`` extracts the lesson's messages and updates the
gettext catalogs (`simulator.lesson.i18n`). A bad argument, like any error, is one line on
stderr and exit 2, as for `sim`.
"""

from __future__ import annotations

import click

from simulator.shell import OneLineCommand, reported


@click.command(cls=OneLineCommand)
@click.option("--all", "every", is_flag=True, help="Write every bundled case's lessons.")
@click.option("--catalogs", is_flag=True, help="Update the gettext catalogs.")
def main(every: bool, catalogs: bool) -> None:
    """Write the ready-made lessons (--all) or update the catalogs (--catalogs)."""
    if every == catalogs:
        raise click.UsageError("give one of --all and --catalogs")
    with reported():
        if catalogs:
            from simulator.lesson.i18n import update

            update()
            click.echo("catalogs updated in simulator/lesson/locale/")
            return
        from simulator.lesson.ready import write_all

        for folder in write_all():
            click.echo(f"wrote {folder}")


if __name__ == "__main__":
    main(prog_name="python -m simulator.lesson")

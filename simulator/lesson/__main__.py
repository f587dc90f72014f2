"""Maintain the ready-made lessons and the catalogs, from the checkout.

``python -m simulator.lesson --all`` writes every bundled case's lesson in every language
into ``lessons/<scenario id>/<lang>/`` (a test fails when they are stale);
``python -m simulator.lesson --catalogs`` extracts the lesson's messages and updates the
gettext catalogs (`simulator.lesson.i18n`).
"""

from __future__ import annotations

import sys

from simulator.lesson.i18n import update


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--catalogs"]:
        update()
        print("catalogs updated in simulator/lesson/locale/")
        return 0
    if args == ["--all"]:
        from simulator.lesson.ready import write_all

        for folder in write_all():
            print(f"wrote {folder}")
        return 0
    print("usage: python -m simulator.lesson --all | --catalogs", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark: states per second of the bounded model check (`sim check`). Prints figures.

.venv/bin/python bench/check.py [--depths 6 7 8]
"""

from __future__ import annotations

import argparse
import time

from simulator.explore.check import check_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--depths", type=int, nargs="+", default=[6, 7, 8])
    args = parser.parse_args()
    for depth in args.depths:
        started = time.perf_counter()
        report = check_model(max_depth=depth)
        seconds = time.perf_counter() - started
        print(
            f"depth {depth:>2}: {report.states:>8,} states, {report.transitions:>9,} transitions "
            f"in {seconds:6.2f} s = {report.states / seconds:>8,.0f} states/s, "
            f"{len(report.violations)} violations"
        )


if __name__ == "__main__":
    main()

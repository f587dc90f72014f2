"""Benchmark: Monte Carlo continued cases per second (`sim explore`), on one process and on two.

Prints figures; asserts nothing. Run with the project's interpreter:

    .venv/bin/python bench/explore.py [--runs 100000] [--jobs 1 2] [--from 2020-09-18]

The workload is the WeChat case continued from just before the injunction
(the ``--from`` of the example in docs/explore.md) under the bundled priors:
the same work `sim explore` does, without printing. Each measurement starts
from a fresh plan, so no process begins with what another measurement
learnt; the time includes starting the worker processes. The figures also say
whether the runs agreed across job counts (they must: same seed, same tally)
and how busy the machine was (the load average), since other work on the
same cores slows every figure.
"""

from __future__ import annotations

import argparse
import datetime
import os
import time
from pathlib import Path

from simulator.explore.montecarlo import plan_for, run_plan, start_of
from simulator.law.priors import load_priors
from simulator.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent
TARGET = (100_000, 10.0)  # continued cases, seconds on two cores (issue 3)


def _point(value: str) -> int | datetime.date:
    return int(value) if value.isdigit() else datetime.date.fromisoformat(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=TARGET[0])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--from", dest="point", default="2020-09-18")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    scenario = load_scenario(ROOT / "scenarios" / "wechat.yaml")
    start = start_of(scenario, _point(args.point))
    priors = load_priors()
    print(
        f"WeChat case from event {start.kept} ({start.day}), {args.runs:,} runs, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}"
    )
    tallies = []
    for jobs in args.jobs:
        plan = plan_for(start, priors, seed=args.seed)
        started = time.perf_counter()
        tallies.append(run_plan(plan, args.runs, jobs=jobs))
        seconds = time.perf_counter() - started
        print(
            f"jobs {jobs}: {seconds:6.2f} s = {args.runs / seconds:>8,.0f} continued cases/s"
            f"  (100,000 would take {TARGET[0] * seconds / args.runs:5.1f} s;"
            f" aim: {TARGET[1]:.0f} s on two cores)"
        )
    same = all(tally == tallies[0] for tally in tallies)
    print(f"same tally whatever the jobs: {'yes' if same else 'NO'}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

"""Run every benchmark and print its figures: `python bench/run.py [name ...]`.

Each ``bench/bench_*.py`` exposes ``run() -> list[tuple[str, float, str]]`` —
(figure, value, unit) rows, where each measured figure sits beside a baseline
measured in the same run on the same machine, so a slow machine shifts both.
Benchmarks are never part of the test suite: tests must not fail on a slow box.
A module with ``ONLY_WHEN_NAMED = True`` (the national scale) runs only when named.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main(argv: list[str]) -> int:
    wanted = set(argv)
    files = sorted(HERE.glob("bench_*.py"))
    print(f"{'figure':58} {'value':>12}  unit")
    print("-" * 80)
    for path in files:
        name = path.stem.removeprefix("bench_")
        if wanted and name not in wanted:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        if getattr(mod, "ONLY_WHEN_NAMED", False) and name not in wanted:
            continue  # hours of work or gigabytes of data: run it by name
        started = time.perf_counter()
        print(f"[{name}]")
        for figure, value, unit in mod.run():
            print(f"  {figure:56} {value:12.3f}  {unit}")
        print(f"  ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

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


def compile_package() -> int:
    """Write the package's bytecode first, as an install (pip) and the frozen build do.

    Without it, a child process started with ``PYTHONDONTWRITEBYTECODE`` set (or from a fresh
    clone) compiles every module it imports on every start — ≈ 50 ms of a GUI start, and the
    same again in every verification worker — which no user ever pays, while the bare-Python
    baselines import only precompiled libraries (measured 2026-11-28: the demo's first paint
    1.52× → 1.38×, fully usable 365 → 312 ms). Returns the number of modules compiled.
    """
    import compileall
    import io
    from contextlib import redirect_stdout

    with redirect_stdout(io.StringIO()):
        compileall.compile_dir(str(HERE.parent / "secity_desktop"), quiet=2)
    return sum(1 for _ in (HERE.parent / "secity_desktop").rglob("*.py"))


def main(argv: list[str]) -> int:
    wanted = set(argv)
    print(f"bytecode written for {compile_package()} modules (as installed)")
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

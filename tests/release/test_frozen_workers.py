"""The frozen build can start the import's verification workers (services/verify_pool.py).

A worker is the frozen executable started again with ``--multiprocessing-fork``: each frozen
entry must call ``multiprocessing.freeze_support()`` before it imports the app, and the build
must ship what a spawn pool needs while it leaves the rest of ``multiprocessing`` out. (The
build check, ``packaging/build_check.py``, imports 240 bundles with each frozen executable.)
"""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _spec_helpers() -> Any:
    """packaging/spec_helpers.py, loaded from its file (``sys.path`` left as it is)."""
    spec = importlib.util.spec_from_file_location("spec_helpers_fw", ROOT / "packaging" / "spec_helpers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


H = _spec_helpers()


@pytest.mark.parametrize("entry", ["entry_gui.py", "entry_cli.py"])
def test_frozen_entries_become_a_worker_before_anything_else(entry: str) -> None:
    body = [n for n in ast.parse((ROOT / "packaging" / entry).read_text("utf-8")).body
            if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]  # docstring
    calls = [i for i, n in enumerate(body) if isinstance(n, ast.Expr)
             and ast.unparse(n.value) == "multiprocessing.freeze_support()"]
    app = [i for i, n in enumerate(body) if isinstance(n, ast.ImportFrom)
           and (n.module or "").startswith("secity_desktop")]
    assert calls and app and calls[0] < app[0]


SPAWN_NEEDS = (
    "multiprocessing", "multiprocessing.context", "multiprocessing.spawn",
    "multiprocessing.popen_spawn_posix", "multiprocessing.popen_spawn_win32",
    "multiprocessing.popen_fork", "multiprocessing.resource_tracker", "multiprocessing.synchronize",
    "multiprocessing.queues", "multiprocessing.connection", "multiprocessing.reduction",
    "multiprocessing.util", "multiprocessing.process", "concurrent.futures.process",
    "_multiprocessing", "_posixshmem",
)


def test_the_build_keeps_what_a_spawn_pool_needs() -> None:
    excluded = set(H.excludes())
    for name in SPAWN_NEEDS:
        parts = name.split(".")
        assert not any(".".join(parts[:k]) in excluded for k in range(1, len(parts) + 1)), name


def test_a_pool_works_without_the_parts_of_multiprocessing_the_build_leaves_out() -> None:
    """In a fresh interpreter where every excluded ``multiprocessing`` module fails to import,
    the workers start, verify a chunk (here: nothing to verify) and stop."""
    left_out = [m for m in H.excludes() if m.startswith(("multiprocessing", "_posixshmem"))]
    assert left_out
    code = f"""
import sys
class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name in {left_out!r}:
            raise ImportError("left out of the build: " + name)
        return None
sys.meta_path.insert(0, Refuse())
from secity_desktop.services import verify_pool
if __name__ == "__main__":
    verify_pool.workers_wanted = lambda: 1  # (a one-core machine starts none)
    verify_pool.warm(wait=True)
    assert verify_pool.worker_pids(), "no worker"
    assert not any(m in sys.modules for m in {left_out!r})
    verify_pool.shutdown(wait=True)
    print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]

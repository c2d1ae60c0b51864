"""PySide6's "does this module use PySide6?" import hook, answered from the file's bytes.

``gui/qt.py`` replaces the hook's source read (``inspect.getsource`` for every module
imported after Qt) with a byte search of the same file. It must give the original's
answer for every kind of module: the app's own, the standard library's, extensions,
built-ins, and modules that do name PySide6.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

from secity_desktop.gui import main_window, qt  # noqa: F401  (loads the window's modules)


def _hook() -> types.FunctionType:
    feature = next(sys.modules[n] for n in qt._FEATURE_MODULES if n in sys.modules)
    return feature._mod_uses_pyside  # type: ignore[no-any-return]


def test_the_quick_check_is_installed_once() -> None:
    hook = _hook()
    assert getattr(hook, "quick", False)
    assert qt._quick_feature_check()  # a second call keeps the one installed
    assert _hook() is hook


def test_it_answers_as_the_original_for_every_loaded_module() -> None:
    hook = _hook()
    modules = [m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)]
    assert len(modules) > 100
    answers = {m.__name__: hook(m) for m in modules}
    assert answers == {m.__name__: bool(hook.original(m)) for m in modules}
    assert answers["secity_desktop.gui.qt"]  # it names PySide6
    assert not answers["secity_desktop.core.lifecycle"]
    assert not answers["sys"] and not answers["json"]


def test_a_missing_source_file_falls_back_to_the_original(tmp_path: Path) -> None:
    hook = _hook()
    gone = types.ModuleType("gone_module")
    gone.__file__ = str(tmp_path / "gone_module.py")  # no such file (as in a frozen build)
    assert hook(gone) is False
    named = tmp_path / "names_it.py"
    named.write_text("from PySide6 import QtCore\n", encoding="utf-8")
    mod = types.ModuleType("names_it")
    mod.__file__ = str(named)
    assert hook(mod) is True

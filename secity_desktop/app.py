"""``secity-desktop``: start the GUI on a workspace.

``main(argv, exec_=False)`` builds everything and returns the window without
entering the event loop, so tests and the start-up benchmark run the real
start-up path (Anki's ``_run(argv, exec=False)`` pattern).

Bundle paths given as arguments (``SECityDesktop file.secbundle``: how Windows
opens a double-clicked ``.secbundle`` through the installer's file association)
open the Sync place's import page with those files added, ready to check.
``--smoke-test`` (or ``SECITY_SMOKE_TEST=1``) is for the release build check: it
shows the first window, visits every place, prints one line of facts and quits
with 0 when the Thai catalogue was loaded (see ``packaging/build_check.py``).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from secity_desktop import __version__, paths
from secity_desktop.core.errors import SecityError


def _args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="secity-desktop")
    p.add_argument("--data-dir", help="workspace folder (default: the user data dir)")
    p.add_argument(
        "--demo", action="store_true", help="create demo assessments if the workspace is new"
    )
    p.add_argument(
        "--lang", choices=["th", "en"], help="UI language (default: the Preferences choice, Thai)"
    )
    p.add_argument("--debug", action="store_true")
    p.add_argument("--version", action="version", version=f"SECity Desktop {__version__}")
    p.add_argument(
        "--smoke-test",
        action="store_true",
        default=os.environ.get(SMOKE_ENV) == "1",
        help="show the first window, print what loaded, quit (release build check)",
    )
    p.add_argument(
        "bundles", nargs="*", type=Path, metavar="BUNDLE", help=".secbundle files to import"
    )
    return p.parse_args(argv)


def open_bundles(window: object, bundles: Sequence[Path]) -> None:
    """Show the Sync place's import page with ``bundles`` added (the file association's target)."""
    files = [Path(b).expanduser().resolve() for b in bundles if Path(b).is_file()]
    if not files:
        return
    sync = window.sync_place  # type: ignore[attr-defined]
    window.places.setCurrentWidget(sync)  # type: ignore[attr-defined]
    sync.setCurrentWidget(sync.import_page)
    sync.import_page.add_files(files)


def smoke_report(window: object, translated: bool) -> dict[str, object]:
    """Visit every place once (so each one's widgets are really built) and say what loaded."""
    from secity_desktop.gui.qt import QtCore, QtWidgets

    places = window.places  # type: ignore[attr-defined]
    for index in range(places.count()):
        places.setCurrentIndex(index)
        QtWidgets.QApplication.processEvents()
    places.setCurrentIndex(0)
    from secity_desktop.gui.about import AboutDialog

    about = AboutDialog(window.ws.frameworks.current(), window)  # type: ignore[attr-defined]
    licences = len(about.licences.toPlainText())
    about.deleteLater()
    return {
        "version": __version__,
        "window": window.windowTitle(),  # type: ignore[attr-defined]
        "places": [places.tabText(i) for i in range(places.count())],
        "lang": window.lang,  # type: ignore[attr-defined]
        "thai_catalogue": translated,
        "sample": QtCore.QCoreApplication.translate("MainWindow", "Assessments"),
        "platform": QtWidgets.QApplication.platformName(),
        "licence_chars": licences,
    }


SMOKE_ENV = "SECITY_SMOKE_TEST"
STARTUP_MARKS: dict[str, float] = {}
"""Wall-clock moments of start-up (``shell_painted``, ``modules_loaded``, ``workspace_open``,
``window_built``, ``window_shown``), read by ``bench/bench_start.py`` (docs/performance.md)."""


AFTER_START_MS = 400
"""When the deferred start-up chore begins (the garbage collector comes back on): after the
window's first paint and the bench's "fully usable" (docs/performance.md, branch start2)."""


class _Collector:
    """Python's cyclic garbage collector, paused while the window is built.

    A start creates ≈ 30,000 long-lived objects (modules, classes, Qt wrappers) and almost no
    garbage (≈ 400 objects in cycles); the collector's passes over them cost ≈ 10–15 ms of
    a start and freed nothing. It resumes :data:`AFTER_START_MS` after the window shows
    (at once on any other way out of :func:`main`); in the running app the objects made
    until then are first moved out of its sight (``gc.freeze``: they live as long as the
    app, so no later full collection walks them again).
    """

    def __init__(self) -> None:
        self.paused = gc.isenabled()
        gc.disable()

    def resume(self, *, freeze: bool = False) -> None:
        if self.paused:
            self.paused = False
            if freeze:
                gc.freeze()
            from secity_desktop.gui import gc_guard  # never while a worker runs a job

            gc_guard.enable_when_idle()


_paused: list[_Collector] = []  # the start-ups whose collector pause has not ended yet


def resume_collection() -> None:
    """End any start-up's collector pause now (tests that return from ``main(exec_=False)``
    and stop running the event loop before the pause's timer)."""
    while _paused:
        _paused.pop().resume()


def main(argv: Sequence[str] | None = None, *, exec_: bool = True) -> object:
    args = _args(argv)
    collector = _Collector()
    _paused.append(collector)
    try:
        return _main(args, exec_, collector)
    except BaseException:
        collector.resume()
        raise


def _main(args: argparse.Namespace, exec_: bool, collector: _Collector) -> object:
    from secity_desktop.gui import none_guard
    from secity_desktop.gui import settings as cfg
    from secity_desktop.gui.fonts import load_fonts, load_later_faces
    from secity_desktop.gui.i18n import Translations
    from secity_desktop.gui.qt import QtWidgets
    from secity_desktop.gui.shell import paint_shell, replace_shell

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    from secity_desktop import log
    from secity_desktop.gui import crash

    # first: whatever goes wrong from here is reported (tests, exec_=False, keep pytest's hooks)
    crash_handler = crash.install(hooks=exec_)
    none_guard.install(app)  # PySide6 6.12 drains None's refcount (see gui/none_guard.py)
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_AUTHOR)
    load_fonts(app, first_only=True)  # type: ignore[arg-type]  # the other faces: when shown
    translations = Translations(app)
    settings = cfg.Settings()
    lang = args.lang or settings.get(cfg.LANGUAGE)
    translated = translations.install(lang)
    shell = paint_shell(app, settings)  # the frame first; the workspace opens behind it
    STARTUP_MARKS["shell_painted"] = time.time()
    STARTUP_MARKS["shell_painted_cpu"] = time.process_time()  # CPU seconds, for the bench
    # The log file from here on (log.RotatingFile opens it at the first record: ≈ 2 ms in all).
    # Nothing before the shell logs; a failure there is still caught by the crash handler above.
    log.setup(debug=args.debug, console=args.debug)
    from secity_desktop.gui.main_window import MainWindow
    from secity_desktop.messages import describe
    from secity_desktop.services.workspace import init_workspace, open_workspace

    STARTUP_MARKS["modules_loaded"] = time.time()
    try:
        ws = open_workspace(paths.resolve_data_dir(args.data_dir))
        if not ws.initialized and args.demo:
            from secity_desktop.core.lifecycle import Role
            from secity_desktop.services import demo

            init_workspace(ws, role=Role.ASSESSOR, province_code=None)
            demo.seed(ws)
    except SecityError as exc:
        collector.resume()
        shell.close()
        from secity_desktop.gui import common

        common.fail(None, "SECity Desktop", describe(exc, translations.lang))
        if exec_:
            return 1
        raise

    def make_window() -> MainWindow:
        w = MainWindow(ws, lang, settings)
        w._translations = translations  # type: ignore[attr-defined]  # keep translators alive
        crash_handler.attach(w)
        w.crash_handler = crash_handler  # type: ignore[attr-defined]
        if exec_ and not args.smoke_test:
            w.backup_actions.schedule_daily()  # type: ignore[attr-defined]
        return w

    STARTUP_MARKS["workspace_open"] = time.time()
    window = make_window()
    STARTUP_MARKS["window_built"] = time.time()
    replace_shell(shell, window)
    STARTUP_MARKS["window_shown"] = time.time()
    load_later_faces(app)  # after the first paint, whichever window follows
    if ws.initialized:
        _after_start(app, lambda: collector.resume(freeze=exec_), AFTER_START_MS)
    else:  # the first-run dialog replaces this window: no more waiting
        collector.resume()
    if not ws.initialized:  # a new workspace: ask who works here (the window shows behind)
        from secity_desktop.gui.first_run import offer_first_run

        offer_first_run(ws, lang, window, make_window)
    open_bundles(window, args.bundles)
    if args.smoke_test:
        code = _smoke(app, window, translated, ws)
        translations.uninstall()
        return code
    if not exec_:
        return window
    code = app.exec()
    ws.close()
    return code


def _after_start(parent: object, chore: Callable[[], None], delay_ms: int) -> None:
    """Run ``chore`` ``delay_ms`` from now, while ``parent`` lives (a timer that
    holds the callable itself: PySide6's ``singleShot`` keeps no reference to a bound method)."""
    from secity_desktop.gui.qt import QtCore

    timer = QtCore.QTimer(parent)  # type: ignore[call-overload]
    timer.setSingleShot(True)
    timer.chore = chore  # type: ignore[attr-defined]
    timer.timeout.connect(chore)
    timer.timeout.connect(timer.deleteLater)
    timer.start(delay_ms)


def _smoke(app: object, window: object, translated: bool, ws: object) -> int:
    import json

    from secity_desktop.gui.qt import QtCore

    result: dict[str, object] = {}

    def report() -> None:
        result.update(smoke_report(window, translated))
        window.close()  # type: ignore[attr-defined]
        app.quit()  # type: ignore[attr-defined]

    QtCore.QTimer.singleShot(0, report)  # after the first window is really shown
    app.exec()  # type: ignore[attr-defined]
    ws.close()  # type: ignore[attr-defined]
    line = json.dumps(result, ensure_ascii=False)
    print(line, flush=True)
    out = os.environ.get(SMOKE_ENV + "_OUT")  # a windowed .exe may have no stdout to read
    if out:
        Path(out).write_text(line + "\n", encoding="utf-8")
    ok = bool(result) and (result.get("lang") == "en" or bool(result.get("thai_catalogue")))
    return 0 if ok else 1


def run() -> None:
    from secity_desktop.cli.console import setup_streams

    setup_streams()
    sys.exit(int(main() or 0))  # type: ignore[call-overload]


if __name__ == "__main__":
    run()

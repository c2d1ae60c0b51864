"""``secity-desktop``: start the GUI on a workspace.

``main(argv, exec_=False)`` builds everything and returns the window without
entering the event loop, so tests and the start-up benchmark run the real
start-up path (Anki's ``_run(argv, exec=False)`` pattern).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from secity_desktop import paths
from secity_desktop.core.errors import SecityError
from secity_desktop.core.lifecycle import Role


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
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None, *, exec_: bool = True) -> object:
    args = _args(argv)
    from secity_desktop.gui import settings as cfg
    from secity_desktop.gui.first_run import offer_first_run
    from secity_desktop.gui.fonts import load_fonts
    from secity_desktop.gui.i18n import Translations
    from secity_desktop.gui.main_window import MainWindow
    from secity_desktop.gui.qt import QtWidgets
    from secity_desktop.messages import describe
    from secity_desktop.services import demo
    from secity_desktop.services.workspace import init_workspace, open_workspace

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    from secity_desktop import log
    from secity_desktop.gui import crash

    log.setup(debug=args.debug, console=args.debug)
    # first: whatever goes wrong from here is reported (tests, exec_=False, keep pytest's hooks)
    crash_handler = crash.install(hooks=exec_)
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_AUTHOR)
    load_fonts(app)  # type: ignore[arg-type]
    translations = Translations(app)
    settings = cfg.Settings()
    lang = args.lang or settings.get(cfg.LANGUAGE)
    translations.install(lang)
    try:
        ws = open_workspace(paths.resolve_data_dir(args.data_dir))
        if not ws.initialized and args.demo:
            init_workspace(ws, role=Role.ASSESSOR, province_code=None)
            demo.seed(ws)
    except SecityError as exc:
        QtWidgets.QMessageBox.critical(None, "SECity Desktop", describe(exc, translations.lang))
        if exec_:
            return 1
        raise

    def make_window() -> MainWindow:
        w = MainWindow(ws, lang, settings)
        w._translations = translations  # type: ignore[attr-defined]  # keep translators alive
        crash_handler.attach(w)
        w.crash_handler = crash_handler  # type: ignore[attr-defined]
        if exec_:
            w.backup_actions.schedule_daily()  # type: ignore[attr-defined]
        return w

    window = make_window()
    window.show()
    if not ws.initialized:  # a new workspace: ask who works here (the window shows behind)
        offer_first_run(ws, lang, window, make_window)
    if not exec_:
        return window
    code = app.exec()
    ws.close()
    return code


def run() -> None:
    sys.exit(int(main() or 0))  # type: ignore[call-overload]


if __name__ == "__main__":
    run()

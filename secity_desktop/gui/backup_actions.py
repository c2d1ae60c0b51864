"""File menu: back up, verify and restore the workspace; the daily backup; backup notices.

``add_backup_actions(window, file_menu)`` is the one hook ``main_window`` calls.
Backups are :class:`services.operations.Operation`\\ s run by the GUI's one
runner (``gui/operations.py``: prepare here, work off-thread with a progress
dialog after 600 ms and Cancel, finish back on the GUI thread). The daily backup runs the same way but
quietly (no dialog): a status-bar line says it is running and when it is done,
and a skipped one (short of space) leaves a visible notice in the status bar.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from secity_desktop import log, messages
from secity_desktop.core.errors import Cancelled, SecityError
from secity_desktop.gui import common
from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets
from secity_desktop.services import backup_notice

if TYPE_CHECKING:
    from secity_desktop.gui.operations import Failure
    from secity_desktop.services.operations import Operation

# The backup writer, reader and restorer (zip, hashing, the pydantic manifest), the daily
# backup's rules and the operation runner are imported when an action or the daily backup
# runs, not when the File menu is built at start-up (docs/performance.md).

DAILY_DELAY_MS = 60_000
_log = log.get("gui.backup")


def run_operation(parent: QtWidgets.QWidget, title: str, op: Operation[Any],
                  on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None]) -> Any:
    """Prepare → work off-thread with progress → finish, on the window's one runner."""
    from secity_desktop.gui.operations import OperationRunner

    runner = parent.findChild(OperationRunner, "backupRunner")
    if runner is None:
        runner = OperationRunner(parent)
        runner.setObjectName("backupRunner")
    return runner.run(op, title, on_done, lambda failure: on_failed(failure.exc))


class BackupActions(QtCore.QObject):
    def __init__(self, window: Any, menu: QtWidgets.QMenu,
                 before: QtGui.QAction | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.ws = window.ws
        self.lang = getattr(window, "lang", "th")
        self.running = False
        self.last_result: object = None
        self.act_backup = self._add(menu, before, self.tr("&Back up workspace…"), self.backup)
        self.act_verify = self._add(menu, before, self.tr("&Verify a backup…"), self.verify)
        self.act_restore = self._add(menu, before, self.tr("&Restore a backup…"), self.restore)
        if before is not None:
            menu.insertSeparator(before)
        self.notice_label = QtWidgets.QLabel(window)
        self.notice_label.setObjectName("backupNotice")
        self.notice_label.setStyleSheet("color: #b00020")
        window.statusBar().addPermanentWidget(self.notice_label)
        self.show_notice()

    def _add(self, menu: QtWidgets.QMenu, before: QtGui.QAction | None, text: str,
             slot: Callable[[], None]) -> QtGui.QAction:
        action = QtGui.QAction(self.window)  # (its text apart: no QIcon overload tried)
        action.setText(text)
        action.triggered.connect(slot)
        if before is not None:
            menu.insertAction(before, action)
        else:
            menu.addAction(action)
        return action

    # --- asking (tests replace these) --------------------------------------------------
    def ask_save(self) -> Path | None:
        from secity_desktop.services.backup import default_name
        from secity_desktop.services.backup_format import SUFFIX

        name, _ = QtWidgets.QFileDialog.getSaveFileName(
            self.window, self.tr("Back up the workspace to"), str(Path.home() / default_name()),
            self.tr("SECity backup (*{suffix})").format(suffix=SUFFIX))
        return Path(name) if name else None

    def ask_open(self) -> Path | None:
        from secity_desktop.services.backup_format import SUFFIX

        name, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.window, self.tr("Choose a backup"), str(Path.home()),
            self.tr("SECity backup (*{suffix})").format(suffix=SUFFIX))
        return Path(name) if name else None

    def ask_folder(self) -> Path | None:
        name = QtWidgets.QFileDialog.getExistingDirectory(
            self.window, self.tr("Restore into which empty folder?"), str(Path.home()))
        return Path(name) if name else None

    def inform(self, text: str) -> None:
        common.inform(self.window, self.tr("Backup"), text)

    def refuse(self, exc: BaseException) -> None:
        log.refusal(_log, exc, "backup action")
        if isinstance(exc, Cancelled):
            return
        common.warn(self.window, self.tr("Backup"), self.describe(exc))

    def describe(self, exc: BaseException) -> str:
        if isinstance(exc, SecityError):
            return messages.describe(exc, self.lang)
        return self.tr("Something went wrong ({kind}); nothing was changed. The details are in "
                       "the log.").format(kind=type(exc).__name__)

    # --- actions ------------------------------------------------------------------------
    def backup(self) -> None:
        from secity_desktop.services.backup import CreateBackup

        target = self.ask_save()
        if target is None:
            return
        self._run(self.tr("Backing up the workspace…"),
                  CreateBackup(self.ws, target, overwrite=target.exists()), self._backed_up)

    def _backed_up(self, r: Any) -> None:
        text = self.tr("The backup was written to {path} ({mb} MB, {n} evidence files).").format(
            path=str(r.path), mb=f"{r.size / 1e6:.1f}", n=r.evidence)
        if r.damaged or r.missing:
            text += "\n\n" + self.tr("{d} evidence files are damaged and {m} are missing on this "
                                     "computer; the backup names them.").format(
                d=len(r.damaged), m=len(r.missing))
        self.show_notice()
        self.inform(text)

    def verify(self) -> None:
        from secity_desktop.services.backup import VerifyBackup

        source = self.ask_open()
        if source is not None:
            self._run(self.tr("Checking the backup…"), VerifyBackup(source), self._verified)

    def _verified(self, v: Any) -> None:
        self.inform(self.tr("The backup is sound: {n} files, every hash matches.").format(
            n=v.entries))

    def restore(self) -> None:
        from secity_desktop.services.restore import RestoreBackup

        source = self.ask_open()
        if source is None:
            return
        folder = self.ask_folder()
        if folder is None:
            return
        self._run(self.tr("Restoring the backup…"), RestoreBackup(source, folder), self._restored)

    def _restored(self, r: Any) -> None:
        text = self.tr("Restored into {path}: {a} assessments, {e} evidence files.").format(
            path=str(r.data_dir), a=r.assessments, e=r.evidence_files)
        if r.missing_evidence:
            text += "\n\n" + self.tr("{n} evidence files listed by assessments were not in the "
                                     "backup.").format(n=len(r.missing_evidence))
        text += "\n\n" + self.tr("Open the restored workspace now? (This window closes; your "
                                 "current workspace stays as it is.)")
        if self.ask_yes(text):
            self.open_workspace(Path(r.data_dir))

    def ask_yes(self, text: str) -> bool:
        return common.ask(self.window, self.tr("Backup"), text)

    def open_workspace(self, data_dir: Path) -> bool:
        """Start SECity Desktop on ``data_dir`` (the restored workspace) and close this window."""
        program, args = relaunch_command(data_dir)
        if not self.start_process(program, args):
            self.inform(self.tr("SECity Desktop could not be started on {path}; start it with "
                                "that folder as its workspace (--data-dir).").format(
                path=str(data_dir)))
            return False
        self.window.close()
        return True

    def start_process(self, program: str, args: list[str]) -> bool:
        return bool(QtCore.QProcess.startDetached(program, args))

    def _run(self, title: str, op: Operation[Any], done: Callable[[Any], None]) -> None:
        def finished(result: Any) -> None:
            self.running = False
            self.last_result = result
            done(result)

        def failed(exc: BaseException) -> None:
            self.running = False
            self.last_result = exc
            self.refuse(exc)

        self.running = True
        run_operation(self.window, title, op, finished, failed)

    # --- daily backup and notices ---------------------------------------------------------
    def schedule_daily(self, delay_ms: int = DAILY_DELAY_MS) -> None:
        QtCore.QTimer.singleShot(delay_ms, self, self.daily)

    def daily(self) -> None:
        if not self.ws.is_open:  # the window closed (its workspace with it) meanwhile
            return
        from secity_desktop.gui.operations import OperationRunner
        from secity_desktop.services import backup_auto

        if self.running or not backup_auto.due(self.ws):
            return
        op = backup_auto.daily_operation(self.ws)

        def done(r: Any) -> None:
            self.running = False
            self.last_result = r
            self.show_notice()
            self.window.statusBar().showMessage(
                self.tr("Today's backup was made: {path}").format(path=str(r.path)), 10_000)

        def failed(failure: Failure) -> None:
            self.running = False
            self.last_result = failure.exc
            backup_auto.skipped(self.ws, failure.exc)
            self.show_notice()
            self.window.statusBar().clearMessage()

        runner = self.window.findChild(OperationRunner, "backupRunner")
        if runner is None:
            runner = OperationRunner(self.window)
            runner.setObjectName("backupRunner")
        self.running = True  # before run(): a synchronous pool may finish inside it
        self.window.statusBar().showMessage(self.tr("Making today's backup…"))
        runner.run(op, self.tr("Making today's backup…"), done, failed, quiet=True)

    def show_notice(self) -> None:
        notice = backup_notice.notice(self.ws)
        if not notice:
            self.notice_label.clear()
            self.notice_label.setVisible(False)
            return
        params = notice.get("params") if isinstance(notice.get("params"), dict) else {}
        text = messages.render(str(notice.get("code")), params, self.lang,  # type: ignore[arg-type]
                               self.tr("The last automatic backup did not happen; see the log."))
        self.notice_label.setText(text)
        self.notice_label.setToolTip(text)
        self.notice_label.setVisible(True)


def relaunch_command(data_dir: Path) -> tuple[str, list[str]]:
    """How to start this same app on another workspace: the frozen executable, or this Python."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--data-dir", str(data_dir)]
    return sys.executable, ["-m", "secity_desktop", "--data-dir", str(data_dir)]


def add_backup_actions(window: Any, menu: QtWidgets.QMenu,
                       before: QtGui.QAction | None = None) -> BackupActions:
    """The File menu's backup actions (before ``before``); kept as ``window.backup_actions``."""
    actions = BackupActions(window, menu, before)
    window.backup_actions = actions
    return actions

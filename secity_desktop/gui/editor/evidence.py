"""Evidence for one indicator: a list model with thumbnails, and the off-thread copier.

Copying a 100 MB video or hashing a 20 MB PDF on the GUI thread would freeze
the window, so the file I/O (read EXIF, copy + hash into the blob store) runs
on a worker thread and only the short DB step (``attach_stored``) runs on the
GUI thread, keeping SQLite on one thread.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from secity_desktop.core.errors import Cancelled, SecityError
from secity_desktop.core.evidence_meta import FileMeta, read_meta
from secity_desktop.core.thai_calendar import format_datetime_th, parse_iso
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal, Slot
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.store import assessments as repo
from secity_desktop.store.blobs import BlobStore

EVIDENCE_ID_ROLE = Qt.ItemDataRole.UserRole + 30
THUMB = 72


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def document_icon(name: str) -> QtGui.QIcon:
    """A page with the file's extension on it: clearer than a theme icon, same on every OS."""
    ext = Path(name).suffix.lstrip(".").upper()[:4] or "FILE"
    pm = QtGui.QPixmap(THUMB, THUMB)
    pm.fill(Qt.GlobalColor.transparent)
    p = QtGui.QPainter(pm)
    p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    p.setPen(QtGui.QPen(QtGui.QColor("#7a8290"), 2))
    p.setBrush(QtGui.QColor("#f7f8fa"))
    page = QtGui.QPolygonF(
        [QtCore.QPointF(x, y) for x, y in ((14, 4), (46, 4), (58, 16), (58, 68), (14, 68))]
    )
    p.drawPolygon(page)
    colour = {"PDF": "#c0392b", "DOC": "#2b5797", "DOCX": "#2b5797", "XLSX": "#1e7145"}.get(
        ext, "#55606e"
    )
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QtGui.QColor(colour))
    p.drawRoundedRect(QtCore.QRectF(8, 38, 44, 18), 3, 3)
    font = QtGui.QFont()
    font.setPixelSize(11)
    font.setBold(True)
    p.setFont(font)
    p.setPen(QtGui.QColor("white"))
    p.drawText(QtCore.QRectF(8, 38, 44, 18), Qt.AlignmentFlag.AlignCenter, ext)
    p.end()
    return QtGui.QIcon(pm)


class EvidenceListModel(QtCore.QAbstractListModel):
    def __init__(self, blobs: BlobStore, lang: str, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.blobs = blobs
        self.lang = lang
        self._items: list[repo.Evidence] = []
        self._thumbs: dict[str, QtGui.QIcon] = {}

    def set_items(self, items: list[repo.Evidence]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> repo.Evidence:
        return self._items[row]

    def rowCount(
        self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()
    ) -> int:
        return 0 if parent.isValid() else len(self._items)

    def _thumbnail(self, e: repo.Evidence) -> QtGui.QIcon:
        hit = self._thumbs.get(e.sha256)
        if hit is None:
            hit = document_icon(e.original_name)
            if e.is_image:
                reader = QtGui.QImageReader(str(self.blobs.path_for(e.sha256)))
                reader.setAutoTransform(True)
                size = reader.size()
                if size.isValid():
                    reader.setScaledSize(
                        size.scaled(THUMB * 2, THUMB * 2, Qt.AspectRatioMode.KeepAspectRatio)
                    )
                image = reader.read()
                if not image.isNull():
                    hit = QtGui.QIcon(QtGui.QPixmap.fromImage(image))
            self._thumbs[e.sha256] = hit
        return hit

    def describe(self, e: repo.Evidence) -> str:
        lines = [e.original_name, human_size(e.size)]
        if e.captured_at:
            moment = parse_iso(e.captured_at)
            when = (
                format_datetime_th(moment)
                if self.lang == "th"
                else moment.strftime("%Y-%m-%d %H:%M")
            )
            lines.append(self.tr("Taken {when}").format(when=when))
        if e.gps_lat is not None and e.gps_lon is not None:
            lines.append(
                self.tr("GPS {lat}, {lon}").format(lat=f"{e.gps_lat:.5f}", lon=f"{e.gps_lon:.5f}")
            )
        return "\n".join(lines)

    def data(
        self,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._items)):
            return None
        e = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.describe(e)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(e)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.describe(e) + "\n" + self.tr("Added by {who}").format(who=e.added_by)
        if role == EVIDENCE_ID_ROLE:
            return e.id
        return None


class _CopyWorker(QtCore.QObject):
    progress = Signal(str, float)
    stored = Signal(str, str, object, object)
    failed = Signal(str, str)
    finished = Signal()

    def __init__(self, blobs: BlobStore, files: list[Path], cancel: threading.Event) -> None:
        super().__init__()
        self.blobs = blobs
        self.files = files
        self.cancel = cancel
        self.total = sum(p.stat().st_size for p in files if p.is_file()) or 1
        self.done_before = 0

    @Slot()
    def run(self) -> None:
        for path in self.files:
            if self.cancel.is_set():
                break

            def report(done: int, total: int, name: str = path.name) -> bool:
                self.progress.emit(name, (self.done_before + done) / self.total)
                return not self.cancel.is_set()

            try:
                if not path.is_file():
                    raise SecityError(f"not a file: {path}")
                meta = read_meta(path)
                sha, size = self.blobs.put_file(path, report)
                self.done_before += size
                self.stored.emit(str(path), sha, size, meta)
            except Cancelled:
                break
            except SecityError as exc:
                self.failed.emit(str(path), str(exc))
        self.finished.emit()


class EvidenceImporter(QtCore.QObject):
    """Copies files on a worker thread, then links each one on the GUI thread."""

    attached = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, svc: AssessmentService, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.svc = svc
        self._thread: QtCore.QThread | None = None
        self._worker: _CopyWorker | None = None
        self._cancel = threading.Event()
        self._dialog: QtWidgets.QProgressDialog | None = None
        self._target: tuple[str, str] = ("", "")

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(self, assessment_id: str, code: str, files: list[Path]) -> bool:
        if self.busy or not files:
            return False
        self._target = (assessment_id, code)
        self._cancel.clear()
        parent = self.parent()
        assert isinstance(parent, QtWidgets.QWidget)
        dialog = QtWidgets.QProgressDialog(
            self.tr("Copying evidence into the workspace…"), self.tr("Cancel"), 0, 1000, parent
        )
        dialog.setWindowTitle(self.tr("Adding evidence"))
        dialog.setMinimumDuration(600)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel.set)
        self._dialog = dialog
        self._thread = QtCore.QThread(self)
        self._worker = _CopyWorker(self.svc.ws.blobs, files, self._cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._progress)
        self._worker.stored.connect(self._stored)
        self._worker.failed.connect(self._failed)
        self._worker.finished.connect(self._finished)
        self._thread.start()
        return True

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.wait()

    @Slot(str, float)
    def _progress(self, name: str, fraction: float) -> None:
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Copying {name}…").format(name=name))
            self._dialog.setValue(min(999, int(fraction * 1000)))

    @Slot(str, str, object, object)
    def _stored(self, path: str, sha: str, size: int, meta: FileMeta) -> None:
        aid, code = self._target
        try:
            item = self.svc.attach_stored(aid, code, sha, size, Path(path).name, meta)
        except SecityError as exc:
            self.failed.emit(str(exc))
            return
        self.attached.emit(item)

    @Slot(str, str)
    def _failed(self, path: str, message: str) -> None:
        self.failed.emit(message)

    @Slot()
    def _finished(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
        self._thread = None
        self._worker = None
        self._dialog = None
        self.finished.emit()

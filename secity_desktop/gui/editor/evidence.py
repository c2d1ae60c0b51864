"""Evidence for one indicator: a list model with thumbnails, and the off-thread copier.

Copying a 100 MB video or hashing a 20 MB PDF on the GUI thread would freeze
the window, so the copy is an operation (``services.front_ops.AttachEvidence``)
run by the one runner: file I/O (read EXIF, copy + hash into the blob store) on
a worker, the short DB step (``attach_stored``) back on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from secity_desktop import messages
from secity_desktop.core.thai_calendar import format_datetime_th, parse_iso
from secity_desktop.gui.operations import Failure, OperationRunner, show_failure
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.front_ops import AttachEvidence, AttachResult
from secity_desktop.services.types import Evidence

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
    def __init__(self, path_for: Callable[[str], Path], lang: str,
                 parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.path_for = path_for
        self.lang = lang
        self._items: list[Evidence] = []
        self._thumbs: dict[str, QtGui.QIcon] = {}

    def set_items(self, items: list[Evidence]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> Evidence:
        return self._items[row]

    def rowCount(
        self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()
    ) -> int:
        return 0 if parent.isValid() else len(self._items)

    def _thumbnail(self, e: Evidence) -> QtGui.QIcon:
        hit = self._thumbs.get(e.sha256)
        if hit is None:
            hit = document_icon(e.original_name)
            if e.is_image:
                reader = QtGui.QImageReader(str(self.path_for(e.sha256)))
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

    def describe(self, e: Evidence) -> str:
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


class EvidenceImporter(QtCore.QObject):
    """Copies files on a worker, then links them on the GUI thread (one operation per drop)."""

    attached = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, svc: AssessmentService, parent: QtWidgets.QWidget, lang: str = "th") -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self.runner = OperationRunner(parent, lang)

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def start(self, assessment_id: str, code: str, files: list[Path]) -> bool:
        if self.busy or not files:
            return False
        self.runner.run(
            AttachEvidence(self.svc, assessment_id, code, files),
            self.tr("Copying evidence into the workspace…"), self._done, self._failed,
        )
        return True

    def cancel(self) -> None:
        self.runner.cancel_all()

    def wait(self) -> None:
        self.runner.wait()

    def _done(self, result: AttachResult) -> None:
        for item in result.attached:
            self.attached.emit(item)
        for exc in result.failures:
            self.failed.emit(messages.describe(exc, self.lang))
        self.finished.emit()

    def _failed(self, failure: Failure) -> None:
        if failure.cancelled:
            show_failure(self.parent(), failure)  # type: ignore[arg-type]
        else:
            self.failed.emit(failure.text)
        self.finished.emit()

"""Components → indicators as a two-level tree model, with each indicator's state.

Internal ids encode the position (component row, or 1000 + indicator index), so
the model holds no Python objects in index pointers and stays valid across
score updates; only ``dataChanged`` is emitted when states change.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from secity_desktop.core.framework import Framework
from secity_desktop.core.scoring import ScoreCard
from secity_desktop.gui.qt import Qt, QtCore, QtGui

CODE_ROLE = Qt.ItemDataRole.UserRole + 20
STATE_ROLE = Qt.ItemDataRole.UserRole + 21
FEEDBACK_ROLE = Qt.ItemDataRole.UserRole + 22
_IND_BASE = 1000


class IndicatorState(Enum):
    UNANSWERED = "unanswered"
    ANSWERED = "answered"
    EVIDENCE_MISSING = "evidence_missing"


_COLOURS = {
    IndicatorState.UNANSWERED: ("#ffffff", "#8a8f98"),
    IndicatorState.ANSWERED: ("#2e9e5b", "#2e9e5b"),
    IndicatorState.EVIDENCE_MISSING: ("#e8a317", "#b7790b"),
}
_icons: dict[IndicatorState, QtGui.QIcon] = {}


def state_icon(state: IndicatorState) -> QtGui.QIcon:
    """A filled (answered), amber (evidence missing) or hollow (unanswered) dot."""
    if state not in _icons:
        icon = QtGui.QIcon()
        for size in (16, 32):
            pm = QtGui.QPixmap(size, size)
            pm.fill(Qt.GlobalColor.transparent)
            p = QtGui.QPainter(pm)
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            fill, edge = _COLOURS[state]
            pen = QtGui.QPen(QtGui.QColor(edge))
            pen.setWidthF(size / 10)
            p.setPen(pen)
            p.setBrush(QtGui.QColor(fill))
            m = size * 0.2
            p.drawEllipse(QtCore.QRectF(m, m, size - 2 * m, size - 2 * m))
            p.end()
            icon.addPixmap(pm)
        _icons[state] = icon
    return _icons[state]


class IndicatorTreeModel(QtCore.QAbstractItemModel):
    def __init__(self, fw: Framework, lang: str, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.fw = fw
        self.lang = lang
        self._codes = [i.code for i in fw.indicators]
        self._pos: dict[str, tuple[int, int]] = {}
        self._flat: list[tuple[int, int]] = []
        for ci, comp in enumerate(fw.components):
            for ii, ind in enumerate(comp.indicators):
                self._pos[ind.code] = (ci, ii)
                self._flat.append((ci, ii))
        self._states: dict[str, IndicatorState] = dict.fromkeys(
            self._codes, IndicatorState.UNANSWERED
        )
        self._comp_answered: list[tuple[int, int]] = [(0, len(c.indicators)) for c in fw.components]
        self._feedback: dict[str, int] = {}

    def _t(self, th: str, en: str) -> str:
        return th if self.lang == "th" or not en else en

    # --- updates ------------------------------------------------------------
    def set_card(self, card: ScoreCard) -> None:
        changed: list[str] = []
        for s in card.indicators:
            state = (
                IndicatorState.EVIDENCE_MISSING
                if s.evidence_missing
                else IndicatorState.ANSWERED
                if s.answered
                else IndicatorState.UNANSWERED
            )
            if self._states.get(s.code) != state:
                self._states[s.code] = state
                changed.append(s.code)
        for code in changed:
            idx = self.index_of(code)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole, STATE_ROLE])
        comp = [(c.answered, c.count) for c in card.components]
        for row, value in enumerate(comp):
            if self._comp_answered[row] != value:
                self._comp_answered[row] = value
                idx = self.index(row, 0)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DisplayRole])

    def set_feedback_counts(self, counts: dict[str, int]) -> None:
        """Indicators the reviewers commented on: shown bold, amber, with a count in the tooltip."""
        changed = set(counts) ^ set(self._feedback) | {
            c for c in counts if self._feedback.get(c) != counts[c]
        }
        self._feedback = dict(counts)
        for code in changed:
            if code in self._pos:
                idx = self.index_of(code)
                self.dataChanged.emit(idx, idx)

    def state_label(self, code: str) -> str:
        state = self._states[code]
        if state is IndicatorState.ANSWERED:
            return self.tr("Answered")
        if state is IndicatorState.EVIDENCE_MISSING:
            return self.tr("Answered, evidence missing")
        return self.tr("Not answered yet")

    def state(self, code: str) -> IndicatorState:
        return self._states[code]

    def index_of(self, code: str) -> QtCore.QModelIndex:
        ci, ii = self._pos[code]
        return self.index(ii, 0, self.index(ci, 0))

    def codes(self) -> list[str]:
        return list(self._codes)

    # --- Qt interface ---------------------------------------------------------
    def index(
        self,
        row: int,
        column: int,
        parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex(),
    ) -> QtCore.QModelIndex:
        if column != 0 or row < 0:
            return QtCore.QModelIndex()
        if not parent.isValid():
            if row >= len(self.fw.components):
                return QtCore.QModelIndex()
            return self.createIndex(row, 0, row)
        if parent.internalId() >= _IND_BASE:
            return QtCore.QModelIndex()
        comp = self.fw.components[parent.row()]
        if row >= len(comp.indicators):
            return QtCore.QModelIndex()
        flat = self._flat.index((parent.row(), row))
        return self.createIndex(row, 0, _IND_BASE + flat)

    def parent(
        self, child: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()
    ) -> QtCore.QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() < _IND_BASE:
            return QtCore.QModelIndex()
        ci, _ = self._flat[child.internalId() - _IND_BASE]
        return self.createIndex(ci, 0, ci)

    def rowCount(
        self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()
    ) -> int:
        if not parent.isValid():
            return len(self.fw.components)
        if parent.column() != 0 or parent.internalId() >= _IND_BASE:
            return 0
        return len(self.fw.components[parent.row()].indicators)

    def columnCount(
        self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()
    ) -> int:
        return 1

    def flags(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() < _IND_BASE:
            return Qt.ItemFlag.ItemIsEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(
        self,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid():
            return None
        if index.internalId() < _IND_BASE:
            comp = self.fw.components[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                done, count = self._comp_answered[index.row()]
                return f"{comp.code}. {self._t(comp.title_th, comp.title_en)}  ({done}/{count})"
            if role == Qt.ItemDataRole.FontRole:
                font = QtGui.QFont()
                font.setBold(True)
                return font
            return None
        ci, ii = self._flat[index.internalId() - _IND_BASE]
        ind = self.fw.components[ci].indicators[ii]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{ind.code}  {self._t(ind.title_th, ind.title_en)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{ind.code} {ind.title_th}\n{ind.title_en}\n{self.state_label(ind.code)}"
            n = self._feedback.get(ind.code, 0)
            return tip + ("\n" + self.tr("Reviewer's comments: {n}").format(n=n) if n else "")
        if role == FEEDBACK_ROLE:
            return self._feedback.get(ind.code, 0)
        if role == Qt.ItemDataRole.FontRole and ind.code in self._feedback:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and ind.code in self._feedback:
            return QtGui.QBrush(QtGui.QColor("#8a5a00"))
        if role == CODE_ROLE:
            return ind.code
        if role == STATE_ROLE:
            return self._states[ind.code].value
        if role == Qt.ItemDataRole.DecorationRole:
            return state_icon(self._states[ind.code])
        return None

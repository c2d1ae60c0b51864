"""Small dialogs that insist on a written reason: override a level, comment, return, model town.

OK stays disabled until the text box holds something other than spaces, so the
service's "reason required" rule is visible before anyone clicks.
"""

from __future__ import annotations

from secity_desktop.core.framework import Indicator
from secity_desktop.gui.common import fit_to_screen
from secity_desktop.gui.qt import Qt, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel


class ReasonDialog(QtWidgets.QDialog):
    """A prompt, a multi-line text and OK/Cancel; ``text()`` is the stripped entry."""

    def __init__(
        self,
        title: str,
        prompt: str,
        parent: QtWidgets.QWidget | None = None,
        *,
        required: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("reasonDialog")
        self.required = required
        self.layout_ = QtWidgets.QVBoxLayout(self)
        self.prompt = ThaiLabel(prompt, self)
        self.prompt.setWordWrap(True)
        self.layout_.addWidget(self.prompt)
        self.extra = QtWidgets.QFormLayout()
        self.layout_.addLayout(self.extra)
        self.edit = QtWidgets.QPlainTextEdit(self)
        self.edit.setObjectName("reasonText")
        self.edit.setMinimumHeight(90)
        self.layout_.addWidget(self.edit)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.edit.textChanged.connect(self._check)
        self._check()
        fit_to_screen(self, 460, 260)

    @property
    def ok_button(self) -> QtWidgets.QPushButton:
        return self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)

    def _check(self) -> None:
        self.ok_button.setEnabled(bool(self.text()) or not self.required)

    def text(self) -> str:
        return self.edit.toPlainText().strip()


class OverrideDialog(ReasonDialog):
    """Choose the reviewer's level (shown with its Thai/English description) and give a reason."""

    def __init__(
        self,
        indicator: Indicator,
        assessor_level: int | None,
        current: int | None,
        lang: str,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        title = indicator.title_th if lang == "th" else indicator.title_en
        super().__init__("", "", parent)
        self.setWindowTitle(self.tr("Change the level of {code}").format(code=indicator.code))
        self.prompt.setText(
            self.tr(
                "{code} {title}\nAssessor's level: {level}. Write why the level changes."
            ).format(
                code=indicator.code,
                title=title,
                level="—" if assessor_level is None else assessor_level,
            )
        )
        # A level's text can run to 300 characters: the combo shows the start of it
        # (a combo as wide as its longest item put OK/Cancel off a 1024 px screen) and
        # the chosen level's whole text shows wrapped below it.
        self.level = QtWidgets.QComboBox(self)
        self.level.setObjectName("levelCombo")
        self.level.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.level.setMinimumContentsLength(24)
        self.level.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed
        )
        self.level_text = ThaiLabel(self)
        self.level_text.setObjectName("levelText")
        self.level_text.setWordWrap(True)
        for lv in indicator.levels:
            label = lv.label_th if lang == "th" else lv.label_en
            self.level.addItem(f"{lv.value} — {label}", lv.value)
            self.level.setItemData(self.level.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        self.level.currentIndexChanged.connect(self._level_changed)
        start = current if current is not None else assessor_level
        if start is not None:
            self.level.setCurrentIndex(max(0, self.level.findData(start)))
        self._level_changed()
        self.extra.addRow(self.tr("Reviewer's level"), self.level)
        self.extra.addRow("", self.level_text)
        fit_to_screen(self, 620, 340)

    def _level_changed(self) -> None:
        self.level_text.setText(self.level.currentText())

    def chosen_level(self) -> int:
        return int(self.level.currentData())

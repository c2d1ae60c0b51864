"""Thai in the app's labels and table cells: word-boundary wrapping, word-boundary eliding,
names kept whole, and nothing cut off below the baseline (underscores, sara u)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from secity_desktop.core.thai_linebreak import ZWSP, break_opportunities
from secity_desktop.gui.fonts import load_fonts
from secity_desktop.gui.models.assessments import ID_ROLE
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets
from secity_desktop.gui.thai_wrap import (
    ELLIPSIS,
    ThaiLabel,
    WordElideDelegate,
    descent_shortfall,
    thai_cells,
)

NEXT = "ส่งข้อมูลในครั้งถัดไปที่หน้ารับส่งข้อมูล"
NAME = "นางสาวสมศรี ใจดีมีสุข"


def _fonts() -> None:
    load_fonts(QtWidgets.QApplication.instance())  # type: ignore[arg-type]


def _shown(label: QtWidgets.QLabel) -> str:
    """What Qt lays out (QLabel.text, not the override that returns the plain text)."""
    return QtWidgets.QLabel.text(label)


def test_label_marks_thai_word_breaks_and_returns_plain_text(qtbot: QtBot) -> None:
    _fonts()
    label = ThaiLabel(NEXT)
    qtbot.addWidget(label)
    assert label.wordWrap() and label.text() == NEXT
    shown = _shown(label)
    assert ZWSP in shown and shown.replace(ZWSP, "") == NEXT
    assert f"ถัด{ZWSP}ไป" not in shown  # the reported "ครั้งถัด|ไป"
    label.setText("ครั้งถัดไป")
    assert label.text() == "ครั้งถัดไป" and f"ถัด{ZWSP}ไป" not in _shown(label)


def test_names_are_kept_whole(qtbot: QtBot) -> None:
    label = ThaiLabel()
    qtbot.addWidget(label)
    label.setText(f"ผู้ประเมิน {NAME}")
    assert f"ใจดี{ZWSP}" in _shown(label)  # a dictionary reads the surname as words ...
    label.setText(f"ผู้ประเมิน {NAME}", keep=(NAME,))
    assert "ใจดีมีสุข" in _shown(label) and "นางสาวสมศรี" in _shown(label)  # ... a name is one


def _dark_pixels(image: QtGui.QImage) -> int:
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            if QtGui.QColor(image.pixel(x, y)).lightness() < 128:
                count += 1
    return count


def test_underscores_and_sara_u_are_not_cut_off(qtbot: QtBot) -> None:
    """The last line of a label sized to its text still shows glyphs below the descent."""
    _fonts()
    text = "certificate_lamphun_2569.pdf สุขุม"
    label = ThaiLabel(text)
    qtbot.addWidget(label)
    label.setStyleSheet("background: white; color: black;")
    label.resize(label.sizeHint())
    shot = label.grab().toImage()
    # the same text drawn with room to spare is the reference
    ref = QtGui.QImage(label.width() + 40, label.height() * 3, QtGui.QImage.Format.Format_RGB32)
    ref.fill(QtGui.QColor("white"))
    painter = QtGui.QPainter(ref)
    painter.setFont(label.font())
    painter.setPen(QtGui.QColor("black"))
    painter.drawText(QtCore.QPointF(label.contentsMargins().left(), label.height()),
                     text)
    painter.end()
    want = _dark_pixels(ref)
    assert want > 0
    assert _dark_pixels(shot) >= want * 0.97
    assert label.contentsMargins().bottom() == descent_shortfall(label.font())


def _option(view: QtWidgets.QTableView, index: QtCore.QModelIndex) -> QtWidgets.QStyleOptionViewItem:
    option = QtWidgets.QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    option.font = view.font()
    option.fontMetrics = QtGui.QFontMetrics(view.font())
    return option


def test_table_cells_elide_at_a_word(qtbot: QtBot) -> None:
    _fonts()
    component = "การจัดการสิ่งแวดล้อมและทรัพยากรธรรมชาติอย่างยั่งยืน"
    model = QtGui.QStandardItemModel(1, 1)
    model.setItem(0, 0, QtGui.QStandardItem(component))
    view = thai_cells(QtWidgets.QTableView())
    qtbot.addWidget(view)
    view.setModel(model)
    view.setWordWrap(False)
    view.setColumnWidth(0, 170)
    view.show()
    delegate = view.itemDelegate()
    assert isinstance(delegate, WordElideDelegate)
    option = _option(view, model.index(0, 0))
    delegate.initStyleOption(option, model.index(0, 0))
    shown = option.text
    assert shown.endswith(ELLIPSIS) and option.textElideMode == Qt.TextElideMode.ElideNone
    kept = shown.removesuffix(ELLIPSIS)
    assert component.startswith(kept) and len(kept) in set(break_opportunities(component))
    assert option.fontMetrics.horizontalAdvance(shown) <= option.rect.width()
    # a cell wide enough is left alone
    view.setColumnWidth(0, 900)
    option = _option(view, model.index(0, 0))
    delegate.initStyleOption(option, model.index(0, 0))
    assert option.text == component


def test_every_wrapping_label_in_the_main_window_is_a_thai_label(qtbot: QtBot, ws) -> None:  # type: ignore[no-untyped-def]
    from secity_desktop.gui.main_window import MainWindow
    from secity_desktop.services import demo

    demo.seed(ws)
    window = MainWindow(ws, "th")
    qtbot.addWidget(window)
    # the editor too: its header, claim box and banners, evidence hint (rich text among them)
    window.open_assessment(window.assessment_model.index(0, 0).data(ID_ROLE))
    rich = 0
    plain = []
    for w in window.findChildren(QtWidgets.QLabel):
        is_rich = w.textFormat() == Qt.TextFormat.RichText or (
            w.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(w.text()))
        rich += is_rich and isinstance(w, ThaiLabel)
        if w.wordWrap() and not isinstance(w, ThaiLabel):
            plain.append(f"{w.objectName() or w.text()[:30]}{' (rich text)' if is_rich else ''}")
    assert plain == []
    assert rich >= 3, "rich-text labels are among those checked"
    views = [v for v in window.findChildren(QtWidgets.QAbstractItemView)
             if not isinstance(v.itemDelegate(), WordElideDelegate)
             and not isinstance(v, QtWidgets.QHeaderView) and not _in_combo(v)]
    assert [f"{type(v).__name__}:{type(v.parent()).__name__}" for v in views] == []


def _in_combo(widget: QtWidgets.QWidget) -> bool:
    """A combo box's own popup list (Qt's, drawn by its own delegate)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QtWidgets.QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def test_plain_thai_is_broken_into_lines_at_our_word_breaks_only(qtbot: QtBot) -> None:
    """Lines that already fit leave a libthai-enabled Qt nothing to break mid-word."""
    _fonts()
    text = "เมื่อยืนยันว่ากรอกครบแล้วให้ส่งข้อมูลในครั้งถัดไปที่หน้ารับส่งข้อมูลพร้อมวันที่ปรับปรุงล่าสุด"
    label = ThaiLabel(text)
    qtbot.addWidget(label)
    label.resize(150, 300)
    label.show()
    shown = _shown(label)
    assert shown.count("\n") >= 2 and label.text() == text
    ours = set(break_opportunities(text))
    plain_at = 0
    for line in shown.split("\n")[:-1]:
        plain_at += len(line.replace(ZWSP, ""))
        assert plain_at in ours, line
    metrics = QtGui.QFontMetrics(label.font())
    assert all(metrics.horizontalAdvance(line) <= label.contentsRect().width()
               for line in shown.split("\n"))
    assert label.minimumSizeHint().height() <= metrics.lineSpacing() + 12  # one line, not all


def test_the_app_s_message_boxes_wrap_thai_at_words(qtbot: QtBot) -> None:
    """``warn`` and ``confirm`` give Qt's message box the break hints (Windows has no libthai)."""
    from secity_desktop.gui.common import confirm, warn

    seen: list[str] = []

    def answer() -> None:
        box = QtWidgets.QApplication.activeModalWidget()
        if isinstance(box, QtWidgets.QMessageBox):
            seen.append(box.text())
            box.reject()
        else:
            QtCore.QTimer.singleShot(20, answer)

    for ask in (lambda: warn(None, "t", NEXT), lambda: confirm(None, "t", NEXT, "ตกลง")):
        QtCore.QTimer.singleShot(20, answer)
        ask()
    assert len(seen) == 2
    assert all(ZWSP in text and text.replace(ZWSP, "").replace("\n", "") == NEXT for text in seen)


def test_cells_learn_the_style_text_margins_from_qt_size_hint(qtbot: QtBot) -> None:
    """The delegate's room for text is the cell less the style's margins (its focus-frame
    margin + 1, each side), learned from Qt's size hint instead of asking the style."""
    _fonts()
    model = QtGui.QStandardItemModel(1, 1)
    model.setItem(0, 0, QtGui.QStandardItem("เทศบาลตำบลบ้านใหม่"))
    view = thai_cells(QtWidgets.QTableView())
    qtbot.addWidget(view)
    view.setModel(model)
    view.setWordWrap(False)
    view.resizeColumnsToContents()
    view.show()
    delegate = view.itemDelegate()
    option = _option(view, model.index(0, 0))
    delegate.initStyleOption(option, model.index(0, 0))
    style_margin = view.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    assert delegate._margins == 2 * style_margin
    assert option.text == "เทศบาลตำบลบ้านใหม่"  # fitted to its contents: shown whole
    view.setColumnWidth(0, view.columnWidth(0) - 2 * style_margin)  # now it cannot fit
    option = _option(view, model.index(0, 0))
    delegate.initStyleOption(option, model.index(0, 0))
    assert option.text.endswith(ELLIPSIS)
    assert option.fontMetrics.horizontalAdvance(option.text) <= option.rect.width() - 2 * style_margin
